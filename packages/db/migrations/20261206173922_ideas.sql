CREATE TABLE "idea" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"stage" text DEFAULT 'idea' NOT NULL,
	"owner_id" uuid NOT NULL,
	"proposed_by" uuid,
	"proposed_by_kind" text DEFAULT 'staff' NOT NULL,
	"stop_reason" text,
	"published" boolean DEFAULT false NOT NULL,
	"hypothesis" text,
	"kpi_code" text,
	"experiment_from" date,
	"experiment_to" date,
	"test_group" jsonb,
	"comparison_group" jsonb,
	"decision_rule" text,
	"result" jsonb,
	"result_at" timestamp with time zone,
	"decision" text,
	"decision_note" text,
	"decided_at" timestamp with time zone,
	"improvement_id" uuid,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idea_pkey" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "idea_stage_ck" CHECK ("idea"."stage" in ('idea', 'experiment', 'pilot', 'rollout', 'stopped')),
	CONSTRAINT "idea_proposed_by_kind_ck" CHECK ("idea"."proposed_by_kind" in ('staff', 'resident')),
	CONSTRAINT "idea_decision_ck" CHECK ("idea"."decision" is null or "idea"."decision" in ('rollout', 'stop'))
);
--> statement-breakpoint
CREATE TABLE "idea_comment" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"idea_id" uuid NOT NULL,
	"body" text NOT NULL,
	"display_name" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reject_reason" text,
	"moderated_by" text,
	"moderated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idea_comment_pkey" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "idea_comment_status_ck" CHECK ("idea_comment"."status" in ('pending', 'approved', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "idea_stage_move" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"idea_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"moved_by" text NOT NULL,
	"moved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idea_stage_move_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "idea" ADD CONSTRAINT "idea_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea" ADD CONSTRAINT "idea_owner_fk" FOREIGN KEY ("organisation_id","owner_id") REFERENCES "public"."app_user"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_comment" ADD CONSTRAINT "idea_comment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_comment" ADD CONSTRAINT "idea_comment_idea_fk" FOREIGN KEY ("organisation_id","idea_id") REFERENCES "public"."idea"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_stage_move" ADD CONSTRAINT "idea_stage_move_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_stage_move" ADD CONSTRAINT "idea_stage_move_idea_fk" FOREIGN KEY ("organisation_id","idea_id") REFERENCES "public"."idea"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idea_org_stage_idx" ON "idea" USING btree ("organisation_id","stage");--> statement-breakpoint
CREATE INDEX "idea_comment_idea_idx" ON "idea_comment" USING btree ("organisation_id","idea_id","status");--> statement-breakpoint
CREATE INDEX "idea_stage_move_idea_idx" ON "idea_stage_move" USING btree ("organisation_id","idea_id");