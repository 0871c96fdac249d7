CREATE TABLE "objective" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" uuid NOT NULL,
	"team_id" uuid,
	"parent_id" uuid,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objective_pkey" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "objective_period_ck" CHECK ("objective"."period_from" <= "objective"."period_to")
);
--> statement-breakpoint
CREATE TABLE "objective_action" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objective_action_pkey" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "objective_action_status_ck" CHECK ("objective_action"."status" in ('open', 'done', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "objective_target" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"kpi_code" text NOT NULL,
	"target" double precision NOT NULL,
	"filter" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objective_target_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "strategy_vision" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"vision" text NOT NULL,
	"mission" text NOT NULL,
	"values" jsonb NOT NULL,
	"stakeholders" jsonb NOT NULL,
	"adopted_on" date NOT NULL,
	"next_review_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_vision_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "target_explanation" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"period" text NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"improvement_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_explanation_pkey" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "objective" ADD CONSTRAINT "objective_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective" ADD CONSTRAINT "objective_owner_fk" FOREIGN KEY ("organisation_id","owner_id") REFERENCES "public"."app_user"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective" ADD CONSTRAINT "objective_team_fk" FOREIGN KEY ("organisation_id","team_id") REFERENCES "public"."team"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective" ADD CONSTRAINT "objective_parent_fk" FOREIGN KEY ("organisation_id","parent_id") REFERENCES "public"."objective"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_action" ADD CONSTRAINT "objective_action_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_action" ADD CONSTRAINT "objective_action_objective_fk" FOREIGN KEY ("organisation_id","objective_id") REFERENCES "public"."objective"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_action" ADD CONSTRAINT "objective_action_owner_fk" FOREIGN KEY ("organisation_id","owner_id") REFERENCES "public"."app_user"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_target" ADD CONSTRAINT "objective_target_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_target" ADD CONSTRAINT "objective_target_objective_fk" FOREIGN KEY ("organisation_id","objective_id") REFERENCES "public"."objective"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_vision" ADD CONSTRAINT "strategy_vision_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_explanation" ADD CONSTRAINT "target_explanation_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_explanation" ADD CONSTRAINT "target_explanation_target_fk" FOREIGN KEY ("organisation_id","target_id") REFERENCES "public"."objective_target"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "objective_org_parent_idx" ON "objective" USING btree ("organisation_id","parent_id");--> statement-breakpoint
CREATE INDEX "objective_action_org_objective_idx" ON "objective_action" USING btree ("organisation_id","objective_id");--> statement-breakpoint
CREATE INDEX "objective_target_org_objective_idx" ON "objective_target" USING btree ("organisation_id","objective_id");--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_vision_org_version_uq" ON "strategy_vision" USING btree ("organisation_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "target_explanation_org_target_period_uq" ON "target_explanation" USING btree ("organisation_id","target_id","period");