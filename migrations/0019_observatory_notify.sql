-- A delegation's observatory dashboard is kept in memory (src/server/read-cache.ts) and
-- dropped when these triggers announce a change to what it counts: campaigns, their
-- indicators, declared aggregates, and answers once they are submitted or validated.
-- A member's draft saves announce nothing: at a campaign's deadline they are most of
-- the writes, and no dashboard counts a draft.
CREATE OR REPLACE FUNCTION app_notify_observatory() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM pg_notify('observatory_changed', coalesce(app_delegation_id()::text, '*'));
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Statement triggers with transition tables: one check per statement, not per row.
CREATE OR REPLACE FUNCTION app_notify_observatory_new_values() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed_rows v JOIN observatory_submissions s ON s.id = v.submission_id
             WHERE s.status IN ('submitted', 'validated')) THEN
    PERFORM pg_notify('observatory_changed', coalesce(app_delegation_id()::text, '*'));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_notify_observatory_submissions() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed_rows WHERE status IN ('submitted', 'validated')) THEN
    PERFORM pg_notify('observatory_changed', coalesce(app_delegation_id()::text, '*'));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER notify_observatory_insert AFTER INSERT ON observatory_values
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION app_notify_observatory_new_values();
--> statement-breakpoint
CREATE TRIGGER notify_observatory_update AFTER UPDATE ON observatory_values
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION app_notify_observatory_new_values();
--> statement-breakpoint
-- A deleted value's submission may be gone too (cascade): announce every delete.
CREATE TRIGGER notify_observatory_delete AFTER DELETE ON observatory_values
  FOR EACH STATEMENT EXECUTE FUNCTION app_notify_observatory();
--> statement-breakpoint
CREATE TRIGGER notify_observatory_insert AFTER INSERT ON observatory_submissions
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION app_notify_observatory_submissions();
--> statement-breakpoint
-- Old rows: leaving 'submitted' or 'validated' (reopen, correction requested) changes the counts too.
CREATE TRIGGER notify_observatory_update_old AFTER UPDATE ON observatory_submissions
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION app_notify_observatory_submissions();
--> statement-breakpoint
CREATE TRIGGER notify_observatory_update_new AFTER UPDATE ON observatory_submissions
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION app_notify_observatory_submissions();
--> statement-breakpoint
CREATE TRIGGER notify_observatory_delete AFTER DELETE ON observatory_submissions
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION app_notify_observatory_submissions();
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['observatory_campaigns', 'observatory_indicators', 'observatory_declared']
  LOOP
    EXECUTE format('CREATE TRIGGER notify_observatory AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION app_notify_observatory()', t);
  END LOOP;
END
$$;
