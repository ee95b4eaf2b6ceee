CREATE TABLE "observatory_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid DEFAULT app_delegation_id() NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"opens_on" date NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"last_reminder_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observatory_declared" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid DEFAULT app_delegation_id() NOT NULL,
	"year" integer NOT NULL,
	"indicator_code" text NOT NULL,
	"convention_type" text,
	"value" numeric(16, 2) NOT NULL,
	"qualifier" text DEFAULT 'exact' NOT NULL,
	"label" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observatory_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid DEFAULT app_delegation_id() NOT NULL,
	"submission_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observatory_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid DEFAULT app_delegation_id() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"definition" text,
	"section" text NOT NULL,
	"unit" text NOT NULL,
	"applies_to" text[] DEFAULT '{}' NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observatory_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid DEFAULT app_delegation_id() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"convention_type" text NOT NULL,
	"department" text,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"validated_at" timestamp with time zone,
	"validated_by" text,
	"correction_comment" text,
	"confirmed_warnings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observatory_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid DEFAULT app_delegation_id() NOT NULL,
	"submission_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"convention_type" text NOT NULL,
	"department" text,
	"indicator_code" text NOT NULL,
	"value" numeric(16, 2) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "observatory_campaigns" ADD CONSTRAINT "observatory_campaigns_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_declared" ADD CONSTRAINT "observatory_declared_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_documents" ADD CONSTRAINT "observatory_documents_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_documents" ADD CONSTRAINT "observatory_documents_submission_id_observatory_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."observatory_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_documents" ADD CONSTRAINT "observatory_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_indicators" ADD CONSTRAINT "observatory_indicators_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_indicators" ADD CONSTRAINT "observatory_indicators_campaign_id_observatory_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."observatory_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_submissions" ADD CONSTRAINT "observatory_submissions_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_submissions" ADD CONSTRAINT "observatory_submissions_campaign_id_observatory_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."observatory_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_submissions" ADD CONSTRAINT "observatory_submissions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_submissions" ADD CONSTRAINT "observatory_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_submissions" ADD CONSTRAINT "observatory_submissions_validated_by_users_id_fk" FOREIGN KEY ("validated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_values" ADD CONSTRAINT "observatory_values_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_values" ADD CONSTRAINT "observatory_values_submission_id_observatory_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."observatory_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "observatory_campaigns_year_uq" ON "observatory_campaigns" USING btree ("delegation_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "observatory_declared_uq" ON "observatory_declared" USING btree ("delegation_id","year","indicator_code","convention_type");--> statement-breakpoint
CREATE INDEX "observatory_documents_submission_idx" ON "observatory_documents" USING btree ("submission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "observatory_indicators_code_uq" ON "observatory_indicators" USING btree ("campaign_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "observatory_submissions_uq" ON "observatory_submissions" USING btree ("campaign_id","organisation_id","convention_type");--> statement-breakpoint
CREATE INDEX "observatory_submissions_year_idx" ON "observatory_submissions" USING btree ("delegation_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "observatory_values_uq" ON "observatory_values" USING btree ("submission_id","indicator_code");--> statement-breakpoint
CREATE INDEX "observatory_values_dashboard_idx" ON "observatory_values" USING btree ("delegation_id","indicator_code","year");--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['observatory_campaigns', 'observatory_indicators', 'observatory_submissions',
    'observatory_values', 'observatory_declared', 'observatory_documents']
  LOOP
    PERFORM app_secure_tenant_table(t::regclass);
  END LOOP;
END
$$;
