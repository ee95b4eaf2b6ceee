-- The role the application runs its tenant queries as. It owns nothing and cannot
-- bypass row-level security, so a forgotten WHERE clause cannot leak another
-- delegation's rows. Roles are cluster-wide in PostgreSQL: create it only once.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'maillage_app') THEN
    CREATE ROLE maillage_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END
$$;
--> statement-breakpoint
-- The connecting user switches to the app role inside each tenant transaction.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'maillage_app', 'MEMBER') THEN
    EXECUTE format('GRANT maillage_app TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO maillage_app;
--> statement-breakpoint
-- The tenant of the current transaction, set by withTenant() with set_config(..., true).
CREATE OR REPLACE FUNCTION app_delegation_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.delegation_id', true), '')::uuid $$;
