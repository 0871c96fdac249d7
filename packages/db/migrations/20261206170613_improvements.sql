CREATE TABLE "improvement" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"expected_effect" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'plan' NOT NULL,
	"quick_win" boolean DEFAULT false NOT NULL,
	"owner_id" uuid NOT NULL,
	"origin" text DEFAULT 'manual' NOT NULL,
	"origin_id" uuid,
	"element_code" text,
	"team_id" uuid,
	"catalogue_item_id" uuid,
	"stop_reason" text,
	"public_summary_nl" text,
	"public_summary_en" text,
	"published" boolean DEFAULT false NOT NULL,
	"done_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "improvement_pkey" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "improvement_status_ck" CHECK ("improvement"."status" in ('plan', 'do', 'check', 'act', 'done', 'stopped')),
	CONSTRAINT "improvement_origin_ck" CHECK ("improvement"."origin" in ('signals', 'assessment', 'strategy', 'idea', 'manual'))
);
--> statement-breakpoint
ALTER TABLE "improvement" ADD CONSTRAINT "improvement_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement" ADD CONSTRAINT "improvement_owner_fk" FOREIGN KEY ("organisation_id","owner_id") REFERENCES "public"."app_user"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "improvement_org_status_idx" ON "improvement" USING btree ("organisation_id","status");