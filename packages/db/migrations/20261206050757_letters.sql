ALTER TABLE "notification" ADD COLUMN "letter" jsonb;--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "sent_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "sent_by_label" text;--> statement-breakpoint
CREATE INDEX "notification_letters_idx" ON "notification" USING btree ("organisation_id","status","created_at") WHERE "notification"."channel" = 'post';