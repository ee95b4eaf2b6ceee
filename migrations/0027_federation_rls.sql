-- The federation (the national team) reads each delegation's records through a policy of
-- its own, one delegation at a time, as the app role: never as the owner, never a write
-- (decision 020). A federation transaction sets app.federation_delegation_id (never
-- app.delegation_id), so tenant_isolation, which governs every write, matches nothing.
--
-- Who is in the national team: read by the app role for the signed-in user only, as
-- own_roles does for a delegation's roles; written only by the owner (command line), so
-- not FORCEd (as delegations, 0025).
ALTER TABLE federation_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_membership ON federation_members FOR SELECT
  USING (user_id = nullif(current_setting('app.user_id', true), ''));
--> statement-breakpoint
GRANT SELECT ON federation_members TO maillage_app;
--> statement-breakpoint
-- The delegation a federation transaction reads, and only when its user is in the national
-- team: a transaction that names a delegation for any other user (or for nobody) reads
-- nothing through the policy. SECURITY DEFINER so that the check does not depend on what
-- the app role may read; it returns a uuid, never a row of the table.
CREATE OR REPLACE FUNCTION app_federation_delegation_id() RETURNS uuid
  LANGUAGE sql STABLE
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT nullif(current_setting('app.federation_delegation_id', true), '')::uuid
    WHERE EXISTS (
      SELECT 1 FROM federation_members
      WHERE user_id = nullif(current_setting('app.user_id', true), ''))
  $$;
--> statement-breakpoint
-- Tables the federation never reads: who holds an account in a delegation, and the
-- credentials of its links (invitations, calendar feeds).
CREATE OR REPLACE FUNCTION app_federation_hidden(target regclass) RETURNS boolean
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT target::text IN ('user_roles', 'invitations', 'calendar_tokens') $$;
--> statement-breakpoint
-- SELECT only: the policy grants no INSERT, UPDATE or DELETE, and the sub-select is
-- evaluated once per query (not per row).
CREATE OR REPLACE FUNCTION app_federation_readable(target regclass) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF app_federation_hidden(target) THEN RETURN; END IF;
  EXECUTE format(
    'CREATE POLICY federation_read ON %s FOR SELECT USING (delegation_id = (SELECT app_federation_delegation_id()))',
    target);
END
$$;
--> statement-breakpoint
DO $$
DECLARE
  t regclass;
BEGIN
  FOR t IN
    SELECT c.oid::regclass FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'delegation_id' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
  LOOP
    PERFORM app_federation_readable(t);
  END LOOP;
END
$$;
--> statement-breakpoint
-- Tenant tables added later are readable by the federation like the others, unless hidden
-- above (tenancy.test.ts checks that every tenant table is one or the other).
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
  PERFORM app_federation_readable(target);
END
$$;
