ALTER TABLE "delegations" ADD COLUMN "report_tagline" text;--> statement-breakpoint
ALTER TABLE "delegations" ADD COLUMN "logo" "bytea";--> statement-breakpoint
ALTER TABLE "delegations" ADD COLUMN "logo_type" text;