-- The chronicle, the public agenda and members' action lists are kept in memory per
-- delegation (src/server/read-cache.ts); these statement triggers tell every app server
-- when what they show changes: actions and their links, partner and organisation names,
-- practice group names.
CREATE OR REPLACE FUNCTION app_notify_actions() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM pg_notify('actions_changed', coalesce(app_delegation_id()::text, '*'));
  RETURN NULL;
END
$$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['actions', 'action_partners', 'action_members', 'partners', 'organisations',
    'practice_groups']
  LOOP
    EXECUTE format('CREATE TRIGGER notify_actions AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION app_notify_actions()', t);
  END LOOP;
END
$$;
