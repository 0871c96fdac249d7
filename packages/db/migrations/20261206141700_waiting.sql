CREATE TABLE "unit_cost" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"cents" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_cost_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "mystery_check" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"catalogue_item_id" uuid,
	"answers" jsonb NOT NULL,
	"met" integer NOT NULL,
	"not_met" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mystery_check_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "mystery_point" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"label" jsonb NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mystery_point_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "waiting_import" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"format" text NOT NULL,
	"rows" integer NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	"imported_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waiting_import_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "waiting_interval" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"day" date NOT NULL,
	"interval_start" smallint NOT NULL,
	"interval_minutes" smallint NOT NULL,
	"channel" text NOT NULL,
	"queue" text NOT NULL,
	"offered" integer NOT NULL,
	"answered" integer NOT NULL,
	"abandoned" integer NOT NULL,
	"answered_in_target" integer NOT NULL,
	"target_seconds" integer NOT NULL,
	"wait_seconds" bigint NOT NULL,
	"handled_seconds" bigint NOT NULL,
	CONSTRAINT "waiting_interval_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "unit_cost" ADD CONSTRAINT "unit_cost_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mystery_check" ADD CONSTRAINT "mystery_check_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mystery_point" ADD CONSTRAINT "mystery_point_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_import" ADD CONSTRAINT "waiting_import_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_interval" ADD CONSTRAINT "waiting_interval_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_interval" ADD CONSTRAINT "waiting_interval_import_fk" FOREIGN KEY ("organisation_id","import_id") REFERENCES "public"."waiting_import"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "unit_cost_org_channel_uq" ON "unit_cost" USING btree ("organisation_id","channel");--> statement-breakpoint
CREATE INDEX "mystery_check_org_day_idx" ON "mystery_check" USING btree ("organisation_id","day");--> statement-breakpoint
CREATE INDEX "waiting_import_org_created_idx" ON "waiting_import" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "waiting_interval_slot_uq" ON "waiting_interval" USING btree ("organisation_id","channel","queue","day","interval_start");--> statement-breakpoint
CREATE INDEX "waiting_interval_org_day_idx" ON "waiting_interval" USING btree ("organisation_id","day");