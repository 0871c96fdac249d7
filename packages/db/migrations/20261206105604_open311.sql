-- Hand-edited: the composite foreign key to app_user clears only created_by_user_id on delete (SET NULL with a
-- column list, PostgreSQL 15+), as in keys_that_shard; drizzle's snapshot records it as plain "set null".
CREATE TABLE "open311_client" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"key_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "open311_client_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "open311_request" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"token_hash" text,
	"media_url" text,
	"address_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "open311_request_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "open311_client" ADD CONSTRAINT "open311_client_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_client" ADD CONSTRAINT "open311_client_created_by_user_id_fk" FOREIGN KEY ("organisation_id","created_by_user_id") REFERENCES "public"."app_user"("organisation_id","id") ON DELETE SET NULL ("created_by_user_id");--> statement-breakpoint
ALTER TABLE "open311_request" ADD CONSTRAINT "open311_request_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_request" ADD CONSTRAINT "open311_request_case_id_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."case_file"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_request" ADD CONSTRAINT "open311_request_client_id_fk" FOREIGN KEY ("organisation_id","client_id") REFERENCES "public"."open311_client"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "open311_client_key_hash_uq" ON "open311_client" USING btree ("organisation_id","key_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_request_case_uq" ON "open311_request" USING btree ("organisation_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_request_token_uq" ON "open311_request" USING btree ("organisation_id","token_hash");--> statement-breakpoint
CREATE INDEX "open311_request_client_idx" ON "open311_request" USING btree ("organisation_id","client_id");