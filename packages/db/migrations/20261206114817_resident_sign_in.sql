CREATE TABLE "resident_session" (
	"id" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"email" text NOT NULL,
	"csrf_secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"absolute_expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "resident_session_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "resident_sign_in" (
	"id" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"email" text NOT NULL,
	"ip_hash" text NOT NULL,
	"language" text DEFAULT 'nl' NOT NULL,
	"notification_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "resident_sign_in_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "resident_session" ADD CONSTRAINT "resident_session_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_sign_in" ADD CONSTRAINT "resident_sign_in_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resident_session_id_idx" ON "resident_session" USING btree ("id");--> statement-breakpoint
CREATE INDEX "resident_session_expires_idx" ON "resident_session" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "resident_sign_in_id_idx" ON "resident_sign_in" USING btree ("id");--> statement-breakpoint
CREATE INDEX "resident_sign_in_email_idx" ON "resident_sign_in" USING btree ("organisation_id","email","created_at");--> statement-breakpoint
CREATE INDEX "resident_sign_in_ip_idx" ON "resident_sign_in" USING btree ("organisation_id","ip_hash","created_at");