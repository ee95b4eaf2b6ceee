-- Audit and change notification once per statement instead of once per row: an import
-- of thousands of rows writes its audit lines in one INSERT … SELECT over the statement's
-- transition tables. Same lines as before (who, when, which record, before → after).
CREATE OR REPLACE FUNCTION app_audit_rows() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (delegation_id, actor_user_id, table_name, record_id, organisation_id, action, before, after)
    SELECT (r.j->>'delegation_id')::uuid, nullif(current_setting('app.user_id', true), ''), TG_TABLE_NAME,
           (r.j->>'id')::uuid,
           CASE WHEN TG_TABLE_NAME = 'organisations' THEN (r.j->>'id')::uuid ELSE (r.j->>'organisation_id')::uuid END,
           'insert', NULL, r.j
      FROM (SELECT to_jsonb(n) AS j FROM new_rows n) r;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO audit_log (delegation_id, actor_user_id, table_name, record_id, organisation_id, action, before, after)
    SELECT (r.j->>'delegation_id')::uuid, nullif(current_setting('app.user_id', true), ''), TG_TABLE_NAME,
           (r.j->>'id')::uuid,
           CASE WHEN TG_TABLE_NAME = 'organisations' THEN (r.j->>'id')::uuid ELSE (r.j->>'organisation_id')::uuid END,
           'delete', r.j, NULL
      FROM (SELECT to_jsonb(o) AS j FROM old_rows o) r;
  ELSE
    -- An update that changes only updated_at is not a change worth a line.
    INSERT INTO audit_log (delegation_id, actor_user_id, table_name, record_id, organisation_id, action, before, after)
    SELECT (a.j->>'delegation_id')::uuid, nullif(current_setting('app.user_id', true), ''), TG_TABLE_NAME,
           (a.j->>'id')::uuid,
           CASE WHEN TG_TABLE_NAME = 'organisations' THEN (a.j->>'id')::uuid ELSE (a.j->>'organisation_id')::uuid END,
           'update', b.j, a.j
      FROM (SELECT to_jsonb(o) AS j FROM old_rows o) b
      JOIN (SELECT to_jsonb(n) AS j FROM new_rows n) a ON a.j->>'id' = b.j->>'id'
     WHERE (b.j - 'updated_at') <> (a.j - 'updated_at');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_add_audit_triggers(target regclass) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('DROP TRIGGER IF EXISTS audit ON %s', target);
  EXECUTE format('CREATE TRIGGER audit_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_audit_rows()', target);
  EXECUTE format('CREATE TRIGGER audit_update AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_audit_rows()', target);
  EXECUTE format('CREATE TRIGGER audit_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_audit_rows()', target);
END
$$;
--> statement-breakpoint
-- New tenant tables get the statement-level triggers from now on.
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
  PERFORM app_add_audit_triggers(target);
END
$$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['organisations', 'establishments', 'conventions', 'membership_periods', 'contacts',
    'board_mandates', 'staff_members', 'user_roles', 'invitations', 'quality_acceptances', 'import_mappings',
    'dues_grids', 'dues_calls']
  LOOP
    PERFORM app_add_audit_triggers(t::regclass);
  END LOOP;
END
$$;
--> statement-breakpoint
DROP FUNCTION app_audit();
--> statement-breakpoint
-- One notification per statement, for the delegation of the transaction ('*' when none is set).
CREATE OR REPLACE FUNCTION app_notify_registry() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM pg_notify('registry_changed', coalesce(app_delegation_id()::text, '*'));
  RETURN NULL;
END
$$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['organisations', 'establishments', 'conventions', 'membership_periods']
  LOOP
    EXECUTE format('DROP TRIGGER notify_registry ON %I', t);
    EXECUTE format('CREATE TRIGGER notify_registry AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION app_notify_registry()', t);
  END LOOP;
END
$$;
