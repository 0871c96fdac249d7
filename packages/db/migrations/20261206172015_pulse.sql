CREATE TABLE "pulse_answer" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"team_id" uuid,
	"scores" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	CONSTRAINT "pulse_answer_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "pulse_held" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"sealed" "bytea" NOT NULL,
	CONSTRAINT "pulse_held_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "pulse_participation" (
	"organisation_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "pulse_participation_pkey" PRIMARY KEY("organisation_id","round_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "pulse_questionnaire" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"questions" jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pulse_questionnaire_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "pulse_round" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"period" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"closed_at" timestamp with time zone,
	"respondents" integer,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pulse_round_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "compliment" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"survey_response_id" uuid NOT NULL,
	"source" text NOT NULL,
	"case_id" uuid,
	"contact_id" uuid,
	"employee_user_id" uuid,
	"team_id" uuid,
	"item_code" text,
	"grade" integer NOT NULL,
	"comment" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compliment_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "pulse_answer" ADD CONSTRAINT "pulse_answer_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_answer" ADD CONSTRAINT "pulse_answer_round_fk" FOREIGN KEY ("organisation_id","round_id") REFERENCES "public"."pulse_round"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_held" ADD CONSTRAINT "pulse_held_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_held" ADD CONSTRAINT "pulse_held_round_fk" FOREIGN KEY ("organisation_id","round_id") REFERENCES "public"."pulse_round"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_participation" ADD CONSTRAINT "pulse_participation_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_participation" ADD CONSTRAINT "pulse_participation_round_fk" FOREIGN KEY ("organisation_id","round_id") REFERENCES "public"."pulse_round"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_participation" ADD CONSTRAINT "pulse_participation_user_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."app_user"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_questionnaire" ADD CONSTRAINT "pulse_questionnaire_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_round" ADD CONSTRAINT "pulse_round_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_round" ADD CONSTRAINT "pulse_round_questionnaire_fk" FOREIGN KEY ("organisation_id","questionnaire_id") REFERENCES "public"."pulse_questionnaire"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliment" ADD CONSTRAINT "compliment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pulse_questionnaire_number_uq" ON "pulse_questionnaire" USING btree ("organisation_id","number");--> statement-breakpoint
CREATE INDEX "pulse_round_starts_idx" ON "pulse_round" USING btree ("organisation_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "compliment_response_uq" ON "compliment" USING btree ("organisation_id","survey_response_id");--> statement-breakpoint
CREATE INDEX "compliment_employee_idx" ON "compliment" USING btree ("organisation_id","employee_user_id","received_at");--> statement-breakpoint
CREATE INDEX "compliment_team_idx" ON "compliment" USING btree ("organisation_id","team_id","received_at");