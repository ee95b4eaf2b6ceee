-- Every app server keeps the public directory and figures in memory; a change to the
-- registry tells them all (NOTIFY reaches every listening connection, once per
-- transaction and payload) which delegation's copy to drop.
CREATE OR REPLACE FUNCTION app_notify_registry() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM pg_notify('registry_changed', coalesce(NEW.delegation_id, OLD.delegation_id)::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER notify_registry AFTER INSERT OR UPDATE OR DELETE ON organisations
  FOR EACH ROW EXECUTE FUNCTION app_notify_registry();
--> statement-breakpoint
CREATE TRIGGER notify_registry AFTER INSERT OR UPDATE OR DELETE ON establishments
  FOR EACH ROW EXECUTE FUNCTION app_notify_registry();
--> statement-breakpoint
CREATE TRIGGER notify_registry AFTER INSERT OR UPDATE OR DELETE ON conventions
  FOR EACH ROW EXECUTE FUNCTION app_notify_registry();
--> statement-breakpoint
CREATE TRIGGER notify_registry AFTER INSERT OR UPDATE OR DELETE ON membership_periods
  FOR EACH ROW EXECUTE FUNCTION app_notify_registry();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_notify_delegation() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM pg_notify('registry_changed', coalesce(NEW.id, OLD.id)::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER notify_registry AFTER INSERT OR UPDATE OR DELETE ON delegations
  FOR EACH ROW EXECUTE FUNCTION app_notify_delegation();
