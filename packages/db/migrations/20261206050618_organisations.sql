CREATE TABLE "platform_token" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "theme" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "theme_class" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "theme_css" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "mail_from" text;--> statement-breakpoint
CREATE UNIQUE INDEX "platform_token_hash_uq" ON "platform_token" USING btree ("token_hash");