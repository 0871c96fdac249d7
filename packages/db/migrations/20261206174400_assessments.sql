CREATE TABLE "assessment" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"model_code" text NOT NULL,
	"model_version" integer NOT NULL,
	"model" jsonb NOT NULL,
	"reference_date" date NOT NULL,
	"status" text DEFAULT 'scoring' NOT NULL,
	"created_by" uuid NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_pkey" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "assessment_status_ck" CHECK ("assessment"."status" in ('scoring', 'consensus', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "assessment_element" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"element_code" text NOT NULL,
	"level" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"decided_by" uuid NOT NULL,
	"improvement_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_element_pkey" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "assessment_element_level_ck" CHECK ("assessment_element"."level" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "assessment_model" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_model_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "assessment_rater" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_rater_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "assessment_score" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"element_code" text NOT NULL,
	"level" integer,
	"evidence" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_score_pkey" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "assessment_score_level_ck" CHECK ("assessment_score"."level" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_element" ADD CONSTRAINT "assessment_element_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_element" ADD CONSTRAINT "assessment_element_assessment_fk" FOREIGN KEY ("organisation_id","assessment_id") REFERENCES "public"."assessment"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_model" ADD CONSTRAINT "assessment_model_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rater" ADD CONSTRAINT "assessment_rater_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rater" ADD CONSTRAINT "assessment_rater_assessment_fk" FOREIGN KEY ("organisation_id","assessment_id") REFERENCES "public"."assessment"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rater" ADD CONSTRAINT "assessment_rater_user_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."app_user"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_score" ADD CONSTRAINT "assessment_score_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_score" ADD CONSTRAINT "assessment_score_assessment_fk" FOREIGN KEY ("organisation_id","assessment_id") REFERENCES "public"."assessment"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_org_model_idx" ON "assessment" USING btree ("organisation_id","model_code","closed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_element_uq" ON "assessment_element" USING btree ("organisation_id","assessment_id","element_code");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_model_code_version_uq" ON "assessment_model" USING btree ("organisation_id","code","version");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_rater_uq" ON "assessment_rater" USING btree ("organisation_id","assessment_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_score_uq" ON "assessment_score" USING btree ("organisation_id","assessment_id","user_id","element_code");