-- "Reported nearby?" measures distances on the earth with earthdistance (over cube): both ship with PostgreSQL
-- (contrib) and with PGlite (@electric-sql/pglite/contrib). Creating them needs the CREATE privilege on the database.
CREATE EXTENSION IF NOT EXISTS cube;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS earthdistance;
--> statement-breakpoint
CREATE TABLE "case_follower" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"email" text NOT NULL,
	"language" text DEFAULT 'nl' NOT NULL,
	"unsubscribe_token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_follower_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "location_lat" double precision;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "location_lon" double precision;--> statement-breakpoint
ALTER TABLE "case_follower" ADD CONSTRAINT "case_follower_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_follower" ADD CONSTRAINT "case_follower_case_id_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."case_file"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_follower_case_email_uq" ON "case_follower" USING btree ("organisation_id","case_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "case_follower_token_uq" ON "case_follower" USING btree ("organisation_id","unsubscribe_token_hash");--> statement-breakpoint
CREATE INDEX "address_earth_idx" ON "address" USING gist (ll_to_earth("lat", "lon"));--> statement-breakpoint
CREATE INDEX "case_location_earth_idx" ON "case_file" USING gist (ll_to_earth("location_lat", "location_lon")) WHERE "case_file"."closed_at" IS NULL;