ALTER TABLE "delegations" ADD COLUMN "report_tagline" text;--> statement-breakpoint
ALTER TABLE "delegations" ADD COLUMN "logo" "bytea";--> statement-breakpoint
ALTER TABLE "delegations" ADD COLUMN "logo_type" text;--> statement-breakpoint
ALTER TABLE "staff_members" ADD COLUMN "missions" text;--> statement-breakpoint
ALTER TABLE "staff_members" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "staff_members" ADD COLUMN "user_id" text;--> statement-breakpoint
ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;