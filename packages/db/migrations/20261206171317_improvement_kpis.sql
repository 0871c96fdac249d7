CREATE TABLE "improvement_kpi" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"improvement_id" uuid NOT NULL,
	"kpi_code" text NOT NULL,
	"filter" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"effect" jsonb,
	"measured_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "improvement_kpi_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "improvement" ADD COLUMN "do_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "improvement" ADD COLUMN "check_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "improvement" ADD COLUMN "act_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "improvement" ADD COLUMN "stopped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "improvement_kpi" ADD CONSTRAINT "improvement_kpi_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_kpi" ADD CONSTRAINT "improvement_kpi_improvement_fk" FOREIGN KEY ("organisation_id","improvement_id") REFERENCES "public"."improvement"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "improvement_kpi_improvement_idx" ON "improvement_kpi" USING btree ("organisation_id","improvement_id");