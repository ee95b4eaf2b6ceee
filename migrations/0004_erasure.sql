-- Erasing a person (a contact) must also erase what the audit log copied of them:
-- the trace of the changes stays (who, when, which record, which action), their
-- content becomes {"erased": true}. The app role cannot write audit_log, so this
-- runs as the owner, limited to the current delegation and to personal-data tables.
CREATE OR REPLACE FUNCTION app_erase_personal_history(target_table text, target_id uuid) RETURNS integer
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  erased integer;
BEGIN
  IF target_table NOT IN ('contacts') THEN
    RAISE EXCEPTION 'not a personal-data table: %', target_table;
  END IF;
  UPDATE audit_log
     SET before = CASE WHEN before IS NULL THEN NULL ELSE '{"erased": true}'::jsonb END,
         after = CASE WHEN after IS NULL THEN NULL ELSE '{"erased": true}'::jsonb END
   WHERE table_name = target_table
     AND record_id = target_id
     AND delegation_id = app_delegation_id();
  GET DIAGNOSTICS erased = ROW_COUNT;
  RETURN erased;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_erase_personal_history(text, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_erase_personal_history(text, uuid) TO maillage_app;
