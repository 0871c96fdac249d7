CREATE TABLE "signal" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_key" text NOT NULL,
	"case_id" uuid,
	"cluster_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"weight" integer DEFAULT 1 NOT NULL,
	"catalogue_item_id" uuid,
	"team_id" uuid,
	"area" text,
	"channel" text,
	"breach_reason" text,
	"grade" integer,
	"kpi_code" text,
	"text" text NOT NULL,
	"page" text,
	"created_by" uuid,
	"dismiss_reason" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signal_pkey" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "signal_status_ck" CHECK ("signal"."status" in ('open', 'dismissed', 'proposed')),
	CONSTRAINT "signal_kind_ck" CHECK ("signal"."kind" in ('survey', 'complaint', 'norm_breach', 'kpi_deviation', 'repeat_contact', 'staff_suggestion', 'resident_suggestion'))
);
--> statement-breakpoint
CREATE TABLE "signal_cluster" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"dismiss_reason" text,
	"improvement_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signal_cluster_pkey" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "signal_cluster_status_ck" CHECK ("signal_cluster"."status" in ('open', 'dismissed', 'proposed'))
);
--> statement-breakpoint
CREATE TABLE "signal_suggestion_throttle" (
	"organisation_id" uuid NOT NULL,
	"key_hash" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "signal_suggestion_throttle_pkey" PRIMARY KEY("organisation_id","key_hash","window_start")
);
--> statement-breakpoint
ALTER TABLE "signal" ADD CONSTRAINT "signal_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal" ADD CONSTRAINT "signal_cluster_fk" FOREIGN KEY ("organisation_id","cluster_id") REFERENCES "public"."signal_cluster"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_cluster" ADD CONSTRAINT "signal_cluster_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_suggestion_throttle" ADD CONSTRAINT "signal_suggestion_throttle_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "signal_source_uq" ON "signal" USING btree ("organisation_id","kind","source_key");--> statement-breakpoint
CREATE INDEX "signal_cluster_idx" ON "signal" USING btree ("organisation_id","cluster_id");--> statement-breakpoint
CREATE INDEX "signal_open_idx" ON "signal" USING btree ("organisation_id","occurred_at") WHERE "signal"."status" = 'open';--> statement-breakpoint
CREATE INDEX "signal_cluster_status_idx" ON "signal_cluster" USING btree ("organisation_id","status");