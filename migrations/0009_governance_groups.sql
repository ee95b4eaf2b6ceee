CREATE TABLE "general_assemblies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid DEFAULT app_delegation_id() NOT NULL,
	"held_on" date NOT NULL,
	"kind" text DEFAULT 'ordinary' NOT NULL,
	"place" text,
	"hosts" text,
	"decisions" text,
	"elections" text,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_group_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid DEFAULT app_delegation_id() NOT NULL,
	"group_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid DEFAULT app_delegation_id() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "board_mandates" ADD COLUMN "general_assembly_id" uuid;--> statement-breakpoint
ALTER TABLE "general_assemblies" ADD CONSTRAINT "general_assemblies_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_group_members" ADD CONSTRAINT "member_group_members_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_group_members" ADD CONSTRAINT "member_group_members_group_id_member_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."member_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_group_members" ADD CONSTRAINT "member_group_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_groups" ADD CONSTRAINT "member_groups_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "member_group_members_uq" ON "member_group_members" USING btree ("group_id","organisation_id");--> statement-breakpoint
ALTER TABLE "board_mandates" ADD CONSTRAINT "board_mandates_general_assembly_id_general_assemblies_id_fk" FOREIGN KEY ("general_assembly_id") REFERENCES "public"."general_assemblies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
SELECT app_secure_tenant_table('general_assemblies');
--> statement-breakpoint
SELECT app_secure_tenant_table('member_groups');
--> statement-breakpoint
SELECT app_secure_tenant_table('member_group_members');
