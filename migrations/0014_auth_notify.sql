-- App servers keep who a session cookie designates in memory (src/server/session-cache.ts);
-- they must forget it at once when the session ends (sign-out, expiry update), when the
-- user's roles change, or when the user's name or e-mail changes. The payload is the user id.
CREATE OR REPLACE FUNCTION app_notify_auth() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('auth_changed', coalesce(OLD.id, NEW.id));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('auth_changed', OLD.user_id);
  ELSE
    PERFORM pg_notify('auth_changed', NEW.user_id);
    IF TG_OP = 'UPDATE' AND OLD.user_id IS DISTINCT FROM NEW.user_id THEN
      PERFORM pg_notify('auth_changed', OLD.user_id);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER notify_auth AFTER UPDATE OR DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION app_notify_auth();
--> statement-breakpoint
CREATE TRIGGER notify_auth AFTER INSERT OR UPDATE OR DELETE ON user_roles FOR EACH ROW EXECUTE FUNCTION app_notify_auth();
--> statement-breakpoint
CREATE TRIGGER notify_auth AFTER UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION app_notify_auth();
