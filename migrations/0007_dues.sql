CREATE TABLE "dues_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid DEFAULT app_delegation_id() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"basis_value" numeric(14, 2),
	"amount_called" numeric(12, 2) NOT NULL,
	"called_on" date NOT NULL,
	"amount_paid" numeric(12, 2) DEFAULT 0 NOT NULL,
	"paid_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues_grids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid DEFAULT app_delegation_id() NOT NULL,
	"year" integer NOT NULL,
	"basis" text NOT NULL,
	"rules" jsonb NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dues_calls" ADD CONSTRAINT "dues_calls_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_calls" ADD CONSTRAINT "dues_calls_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_grids" ADD CONSTRAINT "dues_grids_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dues_calls_organisation_year_uq" ON "dues_calls" USING btree ("delegation_id","organisation_id","year");--> statement-breakpoint
CREATE INDEX "dues_calls_year_idx" ON "dues_calls" USING btree ("delegation_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "dues_grids_year_uq" ON "dues_grids" USING btree ("delegation_id","year");--> statement-breakpoint
SELECT app_secure_tenant_table('dues_grids');
--> statement-breakpoint
SELECT app_secure_tenant_table('dues_calls');
