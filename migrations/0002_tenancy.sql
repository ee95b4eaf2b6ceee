-- Audit trigger: one row in audit_log per changed tenant row, in the same transaction.
-- The actor comes from the transaction setting app.user_id (empty for system jobs).
CREATE OR REPLACE FUNCTION app_audit() RETURNS trigger
  LANGUAGE plpgsql
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
-- The audit log is append-only for the app role: read and insert, no update, no delete.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_log
  USING (delegation_id = app_delegation_id())
  WITH CHECK (delegation_id = app_delegation_id());
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_log TO maillage_app;
--> statement-breakpoint
-- Delegations are the tenants themselves: readable by the app role (public pages
-- name them), written only by administrators' system jobs.
GRANT SELECT ON delegations TO maillage_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE audit_log_id_seq TO maillage_app;
