CREATE TABLE "kpi_target" (
	"organisation_id" uuid NOT NULL,
	"kpi_code" text NOT NULL,
	"target" numeric NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_target_pkey" PRIMARY KEY("organisation_id","kpi_code")
);
--> statement-breakpoint
CREATE TABLE "metric_backlog_day" (
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"team_id" uuid,
	"catalogue_item_id" uuid,
	"area" text,
	"customer_kind" text,
	"language" text,
	"age_band" text,
	"kind" text NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	"age_days" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_callback_day" (
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"team_id" uuid,
	"catalogue_item_id" uuid,
	"area" text,
	"customer_kind" text,
	"language" text,
	"age_band" text,
	"due" integer DEFAULT 0 NOT NULL,
	"done_in_time" integer DEFAULT 0 NOT NULL,
	"done_late" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_case_day" (
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"team_id" uuid,
	"catalogue_item_id" uuid,
	"area" text,
	"customer_kind" text,
	"language" text,
	"age_band" text,
	"kind" text NOT NULL,
	"breach_reason" text,
	"opened" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"closed_in_norm" integer DEFAULT 0 NOT NULL,
	"closed_in_target" integer DEFAULT 0 NOT NULL,
	"reopened" integer DEFAULT 0 NOT NULL,
	"merged" integer DEFAULT 0 NOT NULL,
	"resolution_minutes" bigint DEFAULT 0 NOT NULL,
	"resolution_days" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"complaints_closed" integer DEFAULT 0 NOT NULL,
	"complaints_in_term" integer DEFAULT 0 NOT NULL,
	"complaints_founded" integer DEFAULT 0 NOT NULL,
	"complaints_partly_founded" integer DEFAULT 0 NOT NULL,
	"complaints_unfounded" integer DEFAULT 0 NOT NULL,
	"complaints_withdrawn" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_contact_day" (
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"team_id" uuid,
	"catalogue_item_id" uuid,
	"area" text,
	"customer_kind" text,
	"language" text,
	"age_band" text,
	"agent_user_id" uuid,
	"contacts" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"handed_over" integer DEFAULT 0 NOT NULL,
	"callbacks" integer DEFAULT 0 NOT NULL,
	"referred" integer DEFAULT 0 NOT NULL,
	"not_helped" integer DEFAULT 0 NOT NULL,
	"unrecorded" integer DEFAULT 0 NOT NULL,
	"repeats" integer DEFAULT 0 NOT NULL,
	"status_inquiries" integer DEFAULT 0 NOT NULL,
	"handling_seconds" bigint DEFAULT 0 NOT NULL,
	"waited" integer DEFAULT 0 NOT NULL,
	"wait_seconds" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_dirty" (
	"organisation_id" uuid NOT NULL,
	"fact" text NOT NULL,
	"day" date NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metric_dirty_pkey" PRIMARY KEY("organisation_id","fact","day")
);
--> statement-breakpoint
CREATE TABLE "metric_survey_day" (
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"team_id" uuid,
	"catalogue_item_id" uuid,
	"area" text,
	"customer_kind" text,
	"language" text,
	"age_band" text,
	"source" text NOT NULL,
	"responses" integer DEFAULT 0 NOT NULL,
	"grade_sum" integer DEFAULT 0 NOT NULL,
	"grade_squares" bigint DEFAULT 0 NOT NULL,
	"grades" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"grade_at_least_7" integer DEFAULT 0 NOT NULL,
	"grade_at_most_5" integer DEFAULT 0 NOT NULL,
	"effort_sum" integer DEFAULT 0 NOT NULL,
	"effort_answers" integer DEFAULT 0 NOT NULL,
	"solved_yes" integer DEFAULT 0 NOT NULL,
	"solved_answers" integer DEFAULT 0 NOT NULL,
	"follow_ups" integer DEFAULT 0 NOT NULL,
	"compliments" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "segment" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"rule" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segment_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "resolution_minutes" integer;--> statement-breakpoint
ALTER TABLE "contact" ADD COLUMN "status_inquiry" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_target" ADD CONSTRAINT "kpi_target_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_backlog_day" ADD CONSTRAINT "metric_backlog_day_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_callback_day" ADD CONSTRAINT "metric_callback_day_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_case_day" ADD CONSTRAINT "metric_case_day_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_contact_day" ADD CONSTRAINT "metric_contact_day_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_dirty" ADD CONSTRAINT "metric_dirty_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_survey_day" ADD CONSTRAINT "metric_survey_day_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment" ADD CONSTRAINT "segment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metric_backlog_day_org_day_idx" ON "metric_backlog_day" USING btree ("organisation_id","day");--> statement-breakpoint
CREATE INDEX "metric_callback_day_org_day_idx" ON "metric_callback_day" USING btree ("organisation_id","day");--> statement-breakpoint
CREATE INDEX "metric_case_day_org_day_idx" ON "metric_case_day" USING btree ("organisation_id","day");--> statement-breakpoint
CREATE INDEX "metric_contact_day_org_day_idx" ON "metric_contact_day" USING btree ("organisation_id","day");--> statement-breakpoint
CREATE INDEX "metric_survey_day_org_day_idx" ON "metric_survey_day" USING btree ("organisation_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "segment_org_code_uq" ON "segment" USING btree ("organisation_id","code");