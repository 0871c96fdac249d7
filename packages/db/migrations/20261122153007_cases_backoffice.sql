CREATE TABLE "case_attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"by_user_id" uuid,
	"by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"visibility" text DEFAULT 'internal' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"by_user_id" uuid,
	"by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message_template" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"subject" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid,
	"kind" text NOT NULL,
	"audience" text NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"recipient_name" text,
	"language" text DEFAULT 'nl' NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"message_id" text NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_job" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 12 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"done_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_delivery" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"subscription_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"event_type" text NOT NULL,
	"case_id" uuid,
	"event" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"response_status" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_subscription" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"secret_encrypted" "bytea" NOT NULL,
	"event_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "language" text DEFAULT 'nl' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "parent_case_id" uuid;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "main_case_id" uuid;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "about_case_id" uuid;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "suspended_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "suspended_reason" text;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "suspensions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "extension" jsonb;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "warn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "warned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "internal_breached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "breached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "breach_reason" text;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "breach_note" text;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "reopen_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "acknowledge_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "acknowledged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "complaint" jsonb;--> statement-breakpoint
ALTER TABLE "case_attachment" ADD CONSTRAINT "case_attachment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachment" ADD CONSTRAINT "case_attachment_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_template" ADD CONSTRAINT "message_template_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_job" ADD CONSTRAINT "outbox_job_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_subscription_id_webhook_subscription_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."webhook_subscription"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscription" ADD CONSTRAINT "webhook_subscription_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_attachment_idx" ON "case_attachment" USING btree ("organisation_id","case_id");--> statement-breakpoint
CREATE INDEX "case_event_idx" ON "case_event" USING btree ("organisation_id","case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "message_template_key_uq" ON "message_template" USING btree ("organisation_id","key");--> statement-breakpoint
CREATE INDEX "notification_case_idx" ON "notification" USING btree ("organisation_id","case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_message_id_uq" ON "notification" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "outbox_job_due_idx" ON "outbox_job" USING btree ("run_at") WHERE "outbox_job"."done_at" IS NULL;--> statement-breakpoint
CREATE INDEX "webhook_delivery_sub_idx" ON "webhook_delivery" USING btree ("organisation_id","subscription_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_subscription_org_idx" ON "webhook_subscription" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "case_assignee_open_idx" ON "case_file" USING btree ("organisation_id","assignee_user_id","due_at") WHERE "case_file"."closed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "case_main_idx" ON "case_file" USING btree ("organisation_id","main_case_id");--> statement-breakpoint
CREATE INDEX "case_parent_idx" ON "case_file" USING btree ("organisation_id","parent_case_id");--> statement-breakpoint
CREATE INDEX "case_breach_sweep_idx" ON "case_file" USING btree ("due_at") WHERE "case_file"."closed_at" IS NULL AND "case_file"."breached_at" IS NULL AND "case_file"."suspended_since" IS NULL;--> statement-breakpoint
CREATE INDEX "case_warn_sweep_idx" ON "case_file" USING btree ("warn_at") WHERE "case_file"."closed_at" IS NULL AND "case_file"."warned_at" IS NULL AND "case_file"."suspended_since" IS NULL;--> statement-breakpoint
CREATE INDEX "case_internal_sweep_idx" ON "case_file" USING btree ("internal_due_at") WHERE "case_file"."closed_at" IS NULL AND "case_file"."internal_breached_at" IS NULL AND "case_file"."suspended_since" IS NULL;