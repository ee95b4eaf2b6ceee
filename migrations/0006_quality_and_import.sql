CREATE TABLE "import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid DEFAULT app_delegation_id() NOT NULL,
	"name" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid DEFAULT app_delegation_id() NOT NULL,
	"problem_key" text NOT NULL,
	"reason" text NOT NULL,
	"accepted_by" text,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_acceptances" ADD CONSTRAINT "quality_acceptances_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_mappings_name_uq" ON "import_mappings" USING btree ("delegation_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_acceptances_key_uq" ON "quality_acceptances" USING btree ("delegation_id","problem_key");--> statement-breakpoint
CREATE INDEX "quality_acceptances_delegation_idx" ON "quality_acceptances" USING btree ("delegation_id");--> statement-breakpoint
SELECT app_secure_tenant_table('quality_acceptances');
--> statement-breakpoint
SELECT app_secure_tenant_table('import_mappings');
