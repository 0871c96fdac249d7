CREATE TABLE "portal_throttle" (
	"organisation_id" uuid NOT NULL,
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "portal_throttle_organisation_id_key_window_start_pk" PRIMARY KEY("organisation_id","key","window_start")
);
--> statement-breakpoint
CREATE TABLE "portal_upload" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_upload_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "portal_throttle" ADD CONSTRAINT "portal_throttle_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_upload" ADD CONSTRAINT "portal_upload_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portal_throttle_window_idx" ON "portal_throttle" USING btree ("window_start");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_upload_token_uq" ON "portal_upload" USING btree ("organisation_id","token_hash");--> statement-breakpoint
CREATE INDEX "portal_upload_created_idx" ON "portal_upload" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "case_item_idx" ON "case_file" USING btree ("organisation_id","catalogue_item_id","created_at");--> statement-breakpoint
CREATE INDEX "contact_item_idx" ON "contact" USING btree ("organisation_id","catalogue_item_id","started_at");