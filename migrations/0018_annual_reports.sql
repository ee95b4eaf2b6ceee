CREATE TABLE "annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid DEFAULT app_delegation_id() NOT NULL,
	"year" integer NOT NULL,
	"president_word" text DEFAULT '' NOT NULL,
	"president_signature" text DEFAULT '' NOT NULL,
	"priorities" text DEFAULT '' NOT NULL,
	"frozen_at" timestamp with time zone,
	"frozen_by" text,
	"content" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_year_uq" ON "annual_reports" USING btree ("delegation_id","year");--> statement-breakpoint
SELECT app_secure_tenant_table('annual_reports'::regclass);
