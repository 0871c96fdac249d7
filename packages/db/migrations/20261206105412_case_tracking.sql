CREATE TABLE "tracking_code" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid,
	"email_key" text NOT NULL,
	"ip_key" text NOT NULL,
	"code_hash" text,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracking_code_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "tracking_hash" text;--> statement-breakpoint
ALTER TABLE "tracking_code" ADD CONSTRAINT "tracking_code_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_code" ADD CONSTRAINT "tracking_code_case_id_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."case_file"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tracking_code_email_idx" ON "tracking_code" USING btree ("organisation_id","email_key","created_at");--> statement-breakpoint
CREATE INDEX "tracking_code_ip_idx" ON "tracking_code" USING btree ("organisation_id","ip_key","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_tracking_uq" ON "case_file" USING btree ("organisation_id","tracking_hash");