CREATE TABLE "metric_callback_profile_day" (
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"dimension" text NOT NULL,
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
CREATE TABLE "metric_case_profile_day" (
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"dimension" text NOT NULL,
	"area" text,
	"customer_kind" text,
	"language" text,
	"age_band" text,
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
CREATE TABLE "metric_contact_profile_day" (
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"dimension" text NOT NULL,
	"area" text,
	"customer_kind" text,
	"language" text,
	"age_band" text,
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
CREATE TABLE "metric_survey_profile_day" (
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"dimension" text NOT NULL,
	"area" text,
	"customer_kind" text,
	"language" text,
	"age_band" text,
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
ALTER TABLE "metric_callback_profile_day" ADD CONSTRAINT "metric_callback_profile_day_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_case_profile_day" ADD CONSTRAINT "metric_case_profile_day_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_contact_profile_day" ADD CONSTRAINT "metric_contact_profile_day_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_survey_profile_day" ADD CONSTRAINT "metric_survey_profile_day_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metric_callback_profile_day_org_dim_day_idx" ON "metric_callback_profile_day" USING btree ("organisation_id","dimension","day");--> statement-breakpoint
CREATE INDEX "metric_case_profile_day_org_dim_day_idx" ON "metric_case_profile_day" USING btree ("organisation_id","dimension","day");--> statement-breakpoint
CREATE INDEX "metric_contact_profile_day_org_dim_day_idx" ON "metric_contact_profile_day" USING btree ("organisation_id","dimension","day");--> statement-breakpoint
CREATE INDEX "metric_survey_profile_day_org_dim_day_idx" ON "metric_survey_profile_day" USING btree ("organisation_id","dimension","day");