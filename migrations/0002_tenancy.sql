-- Audit trigger: one row in audit_log per changed tenant row, in the same transaction.
-- The actor comes from the transaction setting app.user_id (empty for system jobs).
-- SECURITY DEFINER: the app role cannot insert into audit_log itself, so application
-- code cannot forge or add lines; only this trigger writes them.
CREATE OR REPLACE FUNCTION app_audit() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  before_row jsonb;
  after_row jsonb;
  row_data jsonb;
BEGIN
  IF TG_OP <> 'INSERT' THEN before_row := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN after_row := to_jsonb(NEW); END IF;
  -- An update that changes only updated_at is not a change worth a line.
  IF TG_OP = 'UPDATE' AND (before_row - 'updated_at') = (after_row - 'updated_at') THEN
    RETURN NULL;
  END IF;
  row_data := coalesce(after_row, before_row);
  INSERT INTO audit_log (delegation_id, actor_user_id, table_name, record_id, organisation_id, action, before, after)
  VALUES (
    (row_data->>'delegation_id')::uuid,
    nullif(current_setting('app.user_id', true), ''),
    TG_TABLE_NAME,
    (row_data->>'id')::uuid,
    CASE WHEN TG_TABLE_NAME = 'organisations' THEN (row_data->>'id')::uuid
         ELSE (row_data->>'organisation_id')::uuid END,
    lower(TG_OP),
    before_row,
    after_row
  );
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Secures one tenant table: forced row-level security on delegation_id, privileges
-- for the app role, audit trigger. Every later migration that adds a tenant table
-- calls it; the tenancy test fails for a table with delegation_id that is not secured.
CREATE OR REPLACE FUNCTION app_secure_tenant_table(target regclass) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s USING (delegation_id = app_delegation_id()) WITH CHECK (delegation_id = app_delegation_id())',
    target);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO maillage_app', target);
  EXECUTE format(
    'CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION app_audit()',
    target);
END
$$;
--> statement-breakpoint
SELECT app_secure_tenant_table('organisations');
--> statement-breakpoint
SELECT app_secure_tenant_table('establishments');
--> statement-breakpoint
SELECT app_secure_tenant_table('conventions');
--> statement-breakpoint
SELECT app_secure_tenant_table('membership_periods');
--> statement-breakpoint
SELECT app_secure_tenant_table('contacts');
--> statement-breakpoint
SELECT app_secure_tenant_table('board_mandates');
--> statement-breakpoint
SELECT app_secure_tenant_table('staff_members');
--> statement-breakpoint
SELECT app_secure_tenant_table('user_roles');
--> statement-breakpoint
SELECT app_secure_tenant_table('invitations');
--> statement-breakpoint
-- The audit log is read-only for the app role; the trigger (as its owner) appends to it.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_log
  USING (delegation_id = app_delegation_id())
  WITH CHECK (delegation_id = app_delegation_id());
--> statement-breakpoint
GRANT SELECT ON audit_log TO maillage_app;
--> statement-breakpoint
-- Delegations are the tenants themselves: readable by the app role (public pages
-- name them), written only by administrators' system jobs.
GRANT SELECT ON delegations TO maillage_app;
--> statement-breakpoint
-- Lookups that happen before a delegation is chosen, each limited to the rows that the
-- credential at hand designates: a signed-in user reads their own roles (to find their
-- delegations); whoever holds an invitation link reads that invitation.
CREATE POLICY own_roles ON user_roles FOR SELECT
  USING (user_id = nullif(current_setting('app.user_id', true), ''));
--> statement-breakpoint
CREATE POLICY invitation_by_token ON invitations FOR SELECT
  USING (token_hash = nullif(current_setting('app.invitation_token_hash', true), ''));
--> statement-breakpoint
-- Names of users appear in lists and histories; passwords live in auth_accounts, never granted.
GRANT SELECT (id, name, email) ON users TO maillage_app;
