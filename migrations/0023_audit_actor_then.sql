-- History shows who acted as they were then. A user may rename itself and roles change,
-- so a join on users at read time showed the author's *current* name (a member renamed
-- "Administratrice démo" made its past edits look like an administrator's). The trigger
-- now copies the actor's name and role in the delegation into each audit row, once per
-- statement (two indexed lookups), and a change of a user's name is itself audited.
CREATE OR REPLACE FUNCTION app_audit_rows() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  org text := CASE
    WHEN TG_TABLE_NAME = 'organisations' THEN 'n.id'
    WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = TG_RELID AND attname = 'organisation_id' AND NOT attisdropped)
      THEN 'n.organisation_id'
    ELSE 'NULL::uuid' END;
  actor text := nullif(current_setting('app.user_id', true), '');
  actor_name text;
  actor_role text;
BEGIN
  IF actor IS NOT NULL THEN
    SELECT u.name INTO actor_name FROM users u WHERE u.id = actor;
    SELECT r.role::text INTO actor_role FROM user_roles r
     WHERE r.user_id = actor AND r.delegation_id = app_delegation_id();
  END IF;
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('INSERT INTO audit_log (delegation_id, actor_user_id, actor_name, actor_role, table_name, record_id, organisation_id, action, before, after)
      SELECT n.delegation_id, $1, $2, $3, %L, n.id, %s, ''insert'', NULL, to_jsonb(n) - ''content''
        FROM new_rows n', TG_TABLE_NAME, org) USING actor, actor_name, actor_role;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('INSERT INTO audit_log (delegation_id, actor_user_id, actor_name, actor_role, table_name, record_id, organisation_id, action, before, after)
      SELECT n.delegation_id, $1, $2, $3, %L, n.id, %s, ''delete'', to_jsonb(n) - ''content'', NULL
        FROM old_rows n', TG_TABLE_NAME, org) USING actor, actor_name, actor_role;
  ELSE
    INSERT INTO audit_log (delegation_id, actor_user_id, actor_name, actor_role, table_name, record_id, organisation_id, action, before, after)
    SELECT (a.j->>'delegation_id')::uuid, actor, actor_name, actor_role, TG_TABLE_NAME,
           (a.j->>'id')::uuid,
           CASE WHEN TG_TABLE_NAME = 'organisations' THEN (a.j->>'id')::uuid ELSE (a.j->>'organisation_id')::uuid END,
           'update', b.j, a.j
      FROM (SELECT to_jsonb(o) - 'content' AS j FROM old_rows o) b
      JOIN (SELECT to_jsonb(n) - 'content' AS j FROM new_rows n) a ON a.j->>'id' = b.j->>'id'
     WHERE (b.j - 'updated_at') <> (a.j - 'updated_at');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A rename is recorded in every delegation where the user holds a role, on that role's
-- row (user_roles.id; organisation_id is the member's organisation, so it shows in that
-- organisation's history). Users rename themselves outside any tenant transaction, so
-- the author is the user itself unless app.user_id says otherwise, named as it was
-- before the change. The user and tenant settings are set for the row-level security
-- of user_roles and audit_log (FORCE applies to a non-superuser owner too), then restored.
CREATE OR REPLACE FUNCTION app_audit_user_name() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  actor text := coalesce(nullif(current_setting('app.user_id', true), ''), NEW.id);
  actor_name text;
  previous text := current_setting('app.delegation_id', true);
  previous_user text := current_setting('app.user_id', true);
  r record;
BEGIN
  IF actor = NEW.id THEN
    actor_name := OLD.name;
  ELSE
    SELECT u.name INTO actor_name FROM users u WHERE u.id = actor;
  END IF;
  PERFORM set_config('app.user_id', NEW.id, true);
  FOR r IN SELECT id, delegation_id, organisation_id FROM user_roles WHERE user_id = NEW.id LOOP
    PERFORM set_config('app.delegation_id', r.delegation_id::text, true);
    INSERT INTO audit_log (delegation_id, actor_user_id, actor_name, actor_role, table_name, record_id, organisation_id, action, before, after)
    VALUES (r.delegation_id, actor, actor_name,
            (SELECT ar.role::text FROM user_roles ar WHERE ar.user_id = actor AND ar.delegation_id = r.delegation_id),
            'users', r.id, r.organisation_id, 'update',
            jsonb_build_object('name', OLD.name), jsonb_build_object('name', NEW.name));
  END LOOP;
  PERFORM set_config('app.delegation_id', coalesce(previous, ''), true);
  PERFORM set_config('app.user_id', coalesce(previous_user, ''), true);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_name AFTER UPDATE OF name ON users
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION app_audit_user_name();
--> statement-breakpoint
-- Rows written before this migration: the names and roles as they are now, the best
-- knowledge there is; from here on each row keeps what was true when it was written.
UPDATE audit_log a SET actor_name = u.name FROM users u WHERE u.id = a.actor_user_id AND a.actor_name IS NULL;
--> statement-breakpoint
UPDATE audit_log a SET actor_role = r.role::text FROM user_roles r
 WHERE r.user_id = a.actor_user_id AND r.delegation_id = a.delegation_id AND a.actor_role IS NULL;
