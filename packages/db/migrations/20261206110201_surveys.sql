CREATE TABLE "survey" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"published_version_id" uuid,
	"draft_version_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_invitation" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"token_encrypted" "bytea" NOT NULL,
	"survey_id" uuid NOT NULL,
	"survey_version_id" uuid NOT NULL,
	"source" text NOT NULL,
	"case_id" uuid,
	"contact_id" uuid,
	"customer_id" uuid,
	"email" text NOT NULL,
	"language" text DEFAULT 'nl' NOT NULL,
	"dimensions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"remind_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "survey_invitation_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_response" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"invitation_id" uuid NOT NULL,
	"survey_version_id" uuid NOT NULL,
	"source" text NOT NULL,
	"case_id" uuid,
	"contact_id" uuid,
	"grade" integer NOT NULL,
	"effort" integer,
	"solved" boolean,
	"comment" text DEFAULT '' NOT NULL,
	"language" text NOT NULL,
	"channel" text NOT NULL,
	"item_code" text,
	"team_id" uuid,
	"area" text,
	"resolution_seconds" integer,
	"follow_up" boolean DEFAULT false NOT NULL,
	"compliment" boolean DEFAULT false NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_response_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_settings" (
	"organisation_id" uuid NOT NULL,
	"settings" jsonb NOT NULL,
	"scanned_until" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_settings_pkey" PRIMARY KEY("organisation_id")
);
--> statement-breakpoint
CREATE TABLE "survey_version" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"state" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "survey_version_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "follow_up_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "follow_up_reason" text;--> statement-breakpoint
ALTER TABLE "survey" ADD CONSTRAINT "survey_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitation" ADD CONSTRAINT "survey_invitation_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitation" ADD CONSTRAINT "survey_invitation_version_fk" FOREIGN KEY ("organisation_id","survey_version_id") REFERENCES "public"."survey_version"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_invitation_fk" FOREIGN KEY ("organisation_id","invitation_id") REFERENCES "public"."survey_invitation"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_settings" ADD CONSTRAINT "survey_settings_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_version" ADD CONSTRAINT "survey_version_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_version" ADD CONSTRAINT "survey_version_survey_id_fk" FOREIGN KEY ("organisation_id","survey_id") REFERENCES "public"."survey"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_org_code_uq" ON "survey" USING btree ("organisation_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitation_token_uq" ON "survey_invitation" USING btree ("organisation_id","token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitation_case_uq" ON "survey_invitation" USING btree ("organisation_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitation_contact_uq" ON "survey_invitation" USING btree ("organisation_id","contact_id");--> statement-breakpoint
CREATE INDEX "survey_invitation_email_idx" ON "survey_invitation" USING btree ("organisation_id","email","created_at");--> statement-breakpoint
CREATE INDEX "survey_invitation_remind_idx" ON "survey_invitation" USING btree ("remind_at") WHERE reminded_at IS NULL AND answered_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_response_invitation_uq" ON "survey_response" USING btree ("organisation_id","invitation_id");--> statement-breakpoint
CREATE INDEX "survey_response_answered_idx" ON "survey_response" USING btree ("organisation_id","answered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_version_uq" ON "survey_version" USING btree ("organisation_id","survey_id","number");