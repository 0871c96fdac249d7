ALTER TABLE "callback" ADD COLUMN "slot_start" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "callback" ADD COLUMN "slot_end" timestamp with time zone;