-- A delegation's administrator edits its settings (name, addresses, missions, logo…) as the
-- app role, bound to that delegation: never another delegation's row, never its id or slug.
-- Not FORCEd: the owner still creates delegations (command line, first run, demo loader).
ALTER TABLE delegations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY delegations_readable ON delegations FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY own_delegation_update ON delegations FOR UPDATE
  USING (id = app_delegation_id())
  WITH CHECK (id = app_delegation_id());
--> statement-breakpoint
GRANT UPDATE (name, network, region, departments_covered, phone, email, website, addresses,
  missions, objectives, report_tagline, logo, logo_type) ON delegations TO maillage_app;
--> statement-breakpoint
-- The settings' history, in the audit log like any tenant record: the delegation is the
-- row itself. The logo's bytes stay out of the log (only whether it changed).
CREATE OR REPLACE FUNCTION app_audit_delegation() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  before_row jsonb := to_jsonb(OLD) - 'logo';
  after_row jsonb := to_jsonb(NEW) - 'logo';
  actor text := nullif(current_setting('app.user_id', true), '');
BEGIN
  IF OLD.logo IS DISTINCT FROM NEW.logo THEN
    before_row := before_row || jsonb_build_object('logo', CASE WHEN OLD.logo IS NULL THEN NULL ELSE 'logo' END);
    after_row := after_row || jsonb_build_object('logo', CASE WHEN NEW.logo IS NULL THEN NULL ELSE 'nouveau logo' END);
  ELSIF before_row = after_row THEN
    RETURN NULL;
  END IF;
  -- The author as they are at this moment (name and role), like every audit row (0023).
  INSERT INTO audit_log (delegation_id, actor_user_id, actor_name, actor_role, table_name, record_id, organisation_id, action, before, after)
  VALUES (NEW.id, actor,
          (SELECT u.name FROM users u WHERE u.id = actor),
          (SELECT r.role::text FROM user_roles r WHERE r.user_id = actor AND r.delegation_id = NEW.id),
          'delegations', NEW.id, NULL, 'update', before_row, after_row);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit AFTER UPDATE ON delegations FOR EACH ROW EXECUTE FUNCTION app_audit_delegation();
