CREATE TABLE "integrity_record" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"summary" text NOT NULL,
	"people_concerned" text DEFAULT '' NOT NULL,
	"measures" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integrity_record_pkey" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "integrity_record_kind_ck" CHECK ("integrity_record"."kind" in ('report', 'conflict_of_interest', 'side_job')),
	CONSTRAINT "integrity_record_status_ck" CHECK ("integrity_record"."status" in ('open', 'investigating', 'closed')),
	CONSTRAINT "integrity_record_outcome_ck" CHECK ("integrity_record"."status" <> 'closed' OR "integrity_record"."outcome" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "integrity_record" ADD CONSTRAINT "integrity_record_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "integrity_record_org_status_idx" ON "integrity_record" USING btree ("organisation_id","status");