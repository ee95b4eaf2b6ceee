-- The dashboards and the national roll-up read values by (delegation, indicator, year);
-- with the grouped columns included, they are answered from the index alone instead of
-- visiting a table page per value (one indicator's values are spread over every page).
DROP INDEX IF EXISTS "observatory_values_dashboard_idx";
--> statement-breakpoint
CREATE INDEX "observatory_values_dashboard_idx" ON "observatory_values" USING btree ("delegation_id", "indicator_code", "year")
  INCLUDE ("submission_id", "convention_type", "department", "value");
