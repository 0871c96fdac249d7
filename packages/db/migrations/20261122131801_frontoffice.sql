CREATE TABLE "callback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"customer_id" uuid,
	"team_id" uuid NOT NULL,
	"catalogue_item_id" uuid,
	"phone" text NOT NULL,
	"note" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_attempt" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"callback_id" uuid NOT NULL,
	"result" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"by_user_id" uuid,
	"by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_counter" (
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "case_counter_organisation_id_year_pk" PRIMARY KEY("organisation_id","year")
);
--> statement-breakpoint
CREATE TABLE "case_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"catalogue_item_id" uuid NOT NULL,
	"item_version_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"description" text NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"location" jsonb,
	"area" text,
	"customer_id" uuid,
	"contact_id" uuid,
	"channel" text NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"team_id" uuid,
	"assignee_user_id" uuid,
	"status" text NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"internal_due_at" timestamp with time zone,
	"legal_due_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_status_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"status" text NOT NULL,
	"by_user_id" uuid,
	"by_label" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"direction" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"wait_seconds" integer,
	"customer_id" uuid,
	"catalogue_item_id" uuid,
	"topic" text,
	"question" text DEFAULT '' NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"article_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"outcome" text,
	"referred_to" text,
	"closed_automatically" boolean DEFAULT false NOT NULL,
	"is_repeat" boolean DEFAULT false NOT NULL,
	"repeat_of_id" uuid,
	"agent_user_id" uuid,
	"team_id" uuid,
	"language" text DEFAULT 'nl' NOT NULL,
	"idempotency_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_daily_stat" (
	"organisation_id" uuid NOT NULL,
	"day" text NOT NULL,
	"channel" text NOT NULL,
	"team_id" uuid,
	"agent_user_id" uuid,
	"catalogue_item_id" uuid,
	"contacts" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"handed_over" integer DEFAULT 0 NOT NULL,
	"callbacks" integer DEFAULT 0 NOT NULL,
	"referred" integer DEFAULT 0 NOT NULL,
	"not_helped" integer DEFAULT 0 NOT NULL,
	"unrecorded" integer DEFAULT 0 NOT NULL,
	"repeats" integer DEFAULT 0 NOT NULL,
	"handling_seconds" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "contact_daily_stat_uq" UNIQUE NULLS NOT DISTINCT("organisation_id","day","channel","team_id","agent_user_id","catalogue_item_id")
);
--> statement-breakpoint
CREATE TABLE "customer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"name_search" text NOT NULL,
	"bsn_encrypted" "bytea",
	"bsn_hash" text,
	"bsn_last3" text,
	"kvk_number" text,
	"employee_number" text,
	"department" text,
	"date_of_birth" text,
	"email" text,
	"email_verified_at" timestamp with time zone,
	"phone" text,
	"phone_verified_at" timestamp with time zone,
	"street" text,
	"house_number" integer,
	"house_letter" text,
	"house_addition" text,
	"postcode" text,
	"city" text,
	"area" text,
	"preferred_channel" text,
	"preferred_language" text,
	"segments" text[] DEFAULT '{}'::text[] NOT NULL,
	"confidential" boolean DEFAULT false NOT NULL,
	"merged_into_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_consent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"granted" boolean NOT NULL,
	"channel" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "callback" ADD CONSTRAINT "callback_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback" ADD CONSTRAINT "callback_contact_id_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contact"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback" ADD CONSTRAINT "callback_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback" ADD CONSTRAINT "callback_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback" ADD CONSTRAINT "callback_catalogue_item_id_catalogue_item_id_fk" FOREIGN KEY ("catalogue_item_id") REFERENCES "public"."catalogue_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_attempt" ADD CONSTRAINT "callback_attempt_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_attempt" ADD CONSTRAINT "callback_attempt_callback_id_callback_id_fk" FOREIGN KEY ("callback_id") REFERENCES "public"."callback"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_counter" ADD CONSTRAINT "case_counter_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_catalogue_item_id_catalogue_item_id_fk" FOREIGN KEY ("catalogue_item_id") REFERENCES "public"."catalogue_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_item_version_id_catalogue_item_version_id_fk" FOREIGN KEY ("item_version_id") REFERENCES "public"."catalogue_item_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_contact_id_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contact"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_assignee_user_id_app_user_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_status_change" ADD CONSTRAINT "case_status_change_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_status_change" ADD CONSTRAINT "case_status_change_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_catalogue_item_id_catalogue_item_id_fk" FOREIGN KEY ("catalogue_item_id") REFERENCES "public"."catalogue_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_agent_user_id_app_user_id_fk" FOREIGN KEY ("agent_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_daily_stat" ADD CONSTRAINT "contact_daily_stat_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_consent" ADD CONSTRAINT "customer_consent_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_consent" ADD CONSTRAINT "customer_consent_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "callback_team_idx" ON "callback" USING btree ("organisation_id","state","team_id","due_at");--> statement-breakpoint
CREATE INDEX "callback_attempt_idx" ON "callback_attempt" USING btree ("organisation_id","callback_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_reference_uq" ON "case_file" USING btree ("organisation_id","reference");--> statement-breakpoint
CREATE INDEX "case_customer_idx" ON "case_file" USING btree ("organisation_id","customer_id","created_at");--> statement-breakpoint
CREATE INDEX "case_team_open_idx" ON "case_file" USING btree ("organisation_id","team_id","due_at") WHERE "case_file"."closed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "case_contact_idx" ON "case_file" USING btree ("organisation_id","contact_id");--> statement-breakpoint
CREATE INDEX "case_status_change_idx" ON "case_status_change" USING btree ("organisation_id","case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_idempotency_uq" ON "contact" USING btree ("organisation_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "contact_customer_idx" ON "contact" USING btree ("organisation_id","customer_id","started_at");--> statement-breakpoint
CREATE INDEX "contact_open_idx" ON "contact" USING btree ("organisation_id","started_at") WHERE "contact"."ended_at" IS NULL;--> statement-breakpoint
CREATE INDEX "contact_agent_idx" ON "contact" USING btree ("organisation_id","agent_user_id","started_at");--> statement-breakpoint
CREATE INDEX "customer_name_trgm_idx" ON "customer" USING gin ("name_search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customer_name_prefix_idx" ON "customer" USING btree ("organisation_id","name_search" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customer_email_idx" ON "customer" USING btree ("organisation_id","email");--> statement-breakpoint
CREATE INDEX "customer_phone_idx" ON "customer" USING btree ("organisation_id","phone");--> statement-breakpoint
CREATE INDEX "customer_postcode_idx" ON "customer" USING btree ("organisation_id","postcode","house_number");--> statement-breakpoint
CREATE INDEX "customer_bsn_idx" ON "customer" USING btree ("organisation_id","bsn_hash");--> statement-breakpoint
CREATE INDEX "customer_kvk_idx" ON "customer" USING btree ("organisation_id","kvk_number");--> statement-breakpoint
CREATE INDEX "customer_employee_idx" ON "customer" USING btree ("organisation_id","employee_number");--> statement-breakpoint
CREATE INDEX "customer_consent_customer_idx" ON "customer_consent" USING btree ("organisation_id","customer_id");