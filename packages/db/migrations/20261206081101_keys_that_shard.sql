-- Keys that shard (ADR 0018 keys-that-shard): every organisation-owned table is keyed (organisation_id, id), and
-- every unique index and foreign key between organisation-owned tables includes organisation_id, so that a
-- distributed PostgreSQL (Citus) can co-locate an organisation's rows by organisation_id. Every table already had
-- organisation_id (filled and NOT NULL), so no column is added and no row is touched: the keys are rebuilt around
-- the same rows. A row whose organisation differs from its parent's would make the new foreign key fail here
-- (loudly, the migration rolls back) instead of being dropped.
--
-- Hand-written in one place: a composite foreign key's ON DELETE SET NULL would null organisation_id too (NOT
-- NULL: the delete would fail), so those three name the one column to clear, ON DELETE SET NULL ("x_id")
-- (PostgreSQL 15+); drizzle's snapshot records them as plain "set null".

-- 1. Foreign keys that point at the keys about to change.
ALTER TABLE "api_token" DROP CONSTRAINT "api_token_created_by_user_id_app_user_id_fk";--> statement-breakpoint
ALTER TABLE "article" DROP CONSTRAINT "article_owner_team_id_team_id_fk";--> statement-breakpoint
ALTER TABLE "article_version" DROP CONSTRAINT "article_version_article_id_article_id_fk";--> statement-breakpoint
ALTER TABLE "callback" DROP CONSTRAINT "callback_contact_id_contact_id_fk";--> statement-breakpoint
ALTER TABLE "callback" DROP CONSTRAINT "callback_customer_id_customer_id_fk";--> statement-breakpoint
ALTER TABLE "callback" DROP CONSTRAINT "callback_team_id_team_id_fk";--> statement-breakpoint
ALTER TABLE "callback" DROP CONSTRAINT "callback_catalogue_item_id_catalogue_item_id_fk";--> statement-breakpoint
ALTER TABLE "callback_attempt" DROP CONSTRAINT "callback_attempt_callback_id_callback_id_fk";--> statement-breakpoint
ALTER TABLE "case_attachment" DROP CONSTRAINT "case_attachment_case_id_case_file_id_fk";--> statement-breakpoint
ALTER TABLE "case_event" DROP CONSTRAINT "case_event_case_id_case_file_id_fk";--> statement-breakpoint
ALTER TABLE "case_file" DROP CONSTRAINT "case_file_catalogue_item_id_catalogue_item_id_fk";--> statement-breakpoint
ALTER TABLE "case_file" DROP CONSTRAINT "case_file_item_version_id_catalogue_item_version_id_fk";--> statement-breakpoint
ALTER TABLE "case_file" DROP CONSTRAINT "case_file_customer_id_customer_id_fk";--> statement-breakpoint
ALTER TABLE "case_file" DROP CONSTRAINT "case_file_contact_id_contact_id_fk";--> statement-breakpoint
ALTER TABLE "case_file" DROP CONSTRAINT "case_file_team_id_team_id_fk";--> statement-breakpoint
ALTER TABLE "case_file" DROP CONSTRAINT "case_file_assignee_user_id_app_user_id_fk";--> statement-breakpoint
ALTER TABLE "case_status_change" DROP CONSTRAINT "case_status_change_case_id_case_file_id_fk";--> statement-breakpoint
ALTER TABLE "catalogue_item" DROP CONSTRAINT "catalogue_item_team_id_team_id_fk";--> statement-breakpoint
ALTER TABLE "catalogue_item_version" DROP CONSTRAINT "catalogue_item_version_item_id_catalogue_item_id_fk";--> statement-breakpoint
ALTER TABLE "contact" DROP CONSTRAINT "contact_customer_id_customer_id_fk";--> statement-breakpoint
ALTER TABLE "contact" DROP CONSTRAINT "contact_catalogue_item_id_catalogue_item_id_fk";--> statement-breakpoint
ALTER TABLE "contact" DROP CONSTRAINT "contact_agent_user_id_app_user_id_fk";--> statement-breakpoint
ALTER TABLE "contact" DROP CONSTRAINT "contact_team_id_team_id_fk";--> statement-breakpoint
ALTER TABLE "customer_consent" DROP CONSTRAINT "customer_consent_customer_id_customer_id_fk";--> statement-breakpoint
ALTER TABLE "membership" DROP CONSTRAINT "membership_user_id_app_user_id_fk";--> statement-breakpoint
ALTER TABLE "membership" DROP CONSTRAINT "membership_team_id_team_id_fk";--> statement-breakpoint
ALTER TABLE "session" DROP CONSTRAINT "session_user_id_app_user_id_fk";--> statement-breakpoint
ALTER TABLE "webhook_delivery" DROP CONSTRAINT "webhook_delivery_subscription_id_webhook_subscription_id_fk";--> statement-breakpoint
-- 2. The old primary keys (id alone) and the unique indexes without organisation_id; indexes on organisation_id
-- alone that the new primary keys make redundant.
ALTER TABLE "api_token" DROP CONSTRAINT "api_token_pkey";--> statement-breakpoint
ALTER TABLE "app_user" DROP CONSTRAINT "app_user_pkey";--> statement-breakpoint
ALTER TABLE "article" DROP CONSTRAINT "article_pkey";--> statement-breakpoint
ALTER TABLE "article_version" DROP CONSTRAINT "article_version_pkey";--> statement-breakpoint
ALTER TABLE "audit_event" DROP CONSTRAINT "audit_event_pkey";--> statement-breakpoint
ALTER TABLE "callback" DROP CONSTRAINT "callback_pkey";--> statement-breakpoint
ALTER TABLE "callback_attempt" DROP CONSTRAINT "callback_attempt_pkey";--> statement-breakpoint
ALTER TABLE "case_attachment" DROP CONSTRAINT "case_attachment_pkey";--> statement-breakpoint
ALTER TABLE "case_event" DROP CONSTRAINT "case_event_pkey";--> statement-breakpoint
ALTER TABLE "case_file" DROP CONSTRAINT "case_file_pkey";--> statement-breakpoint
ALTER TABLE "case_status_change" DROP CONSTRAINT "case_status_change_pkey";--> statement-breakpoint
ALTER TABLE "catalogue_item" DROP CONSTRAINT "catalogue_item_pkey";--> statement-breakpoint
ALTER TABLE "catalogue_item_version" DROP CONSTRAINT "catalogue_item_version_pkey";--> statement-breakpoint
ALTER TABLE "contact" DROP CONSTRAINT "contact_pkey";--> statement-breakpoint
ALTER TABLE "customer" DROP CONSTRAINT "customer_pkey";--> statement-breakpoint
ALTER TABLE "customer_consent" DROP CONSTRAINT "customer_consent_pkey";--> statement-breakpoint
ALTER TABLE "membership" DROP CONSTRAINT "membership_user_id_team_id_role_pk";--> statement-breakpoint
ALTER TABLE "message_template" DROP CONSTRAINT "message_template_pkey";--> statement-breakpoint
ALTER TABLE "notification" DROP CONSTRAINT "notification_pkey";--> statement-breakpoint
ALTER TABLE "outbox_job" DROP CONSTRAINT "outbox_job_pkey";--> statement-breakpoint
ALTER TABLE "search_query" DROP CONSTRAINT "search_query_pkey";--> statement-breakpoint
ALTER TABLE "session" DROP CONSTRAINT "session_pkey";--> statement-breakpoint
ALTER TABLE "team" DROP CONSTRAINT "team_pkey";--> statement-breakpoint
ALTER TABLE "webhook_delivery" DROP CONSTRAINT "webhook_delivery_pkey";--> statement-breakpoint
ALTER TABLE "webhook_subscription" DROP CONSTRAINT "webhook_subscription_pkey";--> statement-breakpoint
DROP INDEX "api_token_org_idx";--> statement-breakpoint
DROP INDEX "app_user_org_idx";--> statement-breakpoint
DROP INDEX "av_org_idx";--> statement-breakpoint
DROP INDEX "audit_event_org_time_idx";--> statement-breakpoint
DROP INDEX "civ_org_idx";--> statement-breakpoint
DROP INDEX "webhook_subscription_org_idx";--> statement-breakpoint
DROP INDEX "api_token_hash_uq";--> statement-breakpoint
DROP INDEX "article_version_uq";--> statement-breakpoint
DROP INDEX "catalogue_item_version_uq";--> statement-breakpoint
DROP INDEX "notification_message_id_uq";--> statement-breakpoint
-- 3. The new keys.
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "article" ADD CONSTRAINT "article_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "article_version" ADD CONSTRAINT "article_version_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "callback" ADD CONSTRAINT "callback_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "callback_attempt" ADD CONSTRAINT "callback_attempt_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "case_attachment" ADD CONSTRAINT "case_attachment_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "case_status_change" ADD CONSTRAINT "case_status_change_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "catalogue_item" ADD CONSTRAINT "catalogue_item_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "catalogue_item_version" ADD CONSTRAINT "catalogue_item_version_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "customer_consent" ADD CONSTRAINT "customer_consent_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_pkey" PRIMARY KEY("organisation_id","user_id","team_id","role");--> statement-breakpoint
ALTER TABLE "message_template" ADD CONSTRAINT "message_template_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "outbox_job" ADD CONSTRAINT "outbox_job_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "search_query" ADD CONSTRAINT "search_query_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "team" ADD CONSTRAINT "team_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
ALTER TABLE "webhook_subscription" ADD CONSTRAINT "webhook_subscription_pkey" PRIMARY KEY("organisation_id","id");--> statement-breakpoint
-- 4. Foreign keys between organisation-owned tables, through (organisation_id, x_id).
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_created_by_user_id_fk" FOREIGN KEY ("organisation_id","created_by_user_id") REFERENCES "public"."app_user"("organisation_id","id") ON DELETE SET NULL ("created_by_user_id");--> statement-breakpoint
ALTER TABLE "article" ADD CONSTRAINT "article_owner_team_id_fk" FOREIGN KEY ("organisation_id","owner_team_id") REFERENCES "public"."team"("organisation_id","id") ON DELETE SET NULL ("owner_team_id");--> statement-breakpoint
ALTER TABLE "article_version" ADD CONSTRAINT "article_version_article_id_fk" FOREIGN KEY ("organisation_id","article_id") REFERENCES "public"."article"("organisation_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "callback" ADD CONSTRAINT "callback_contact_id_fk" FOREIGN KEY ("organisation_id","contact_id") REFERENCES "public"."contact"("organisation_id","id");--> statement-breakpoint
ALTER TABLE "callback" ADD CONSTRAINT "callback_customer_id_fk" FOREIGN KEY ("organisation_id","customer_id") REFERENCES "public"."customer"("organisation_id","id");--> statement-breakpoint
ALTER TABLE "callback" ADD CONSTRAINT "callback_team_id_fk" FOREIGN KEY ("organisation_id","team_id") REFERENCES "public"."team"("organisation_id","id");--> statement-breakpoint
ALTER TABLE "callback" ADD CONSTRAINT "callback_catalogue_item_id_fk" FOREIGN KEY ("organisation_id","catalogue_item_id") REFERENCES "public"."catalogue_item"("organisation_id","id");--> statement-breakpoint
ALTER TABLE "callback_attempt" ADD CONSTRAINT "callback_attempt_callback_id_fk" FOREIGN KEY ("organisation_id","callback_id") REFERENCES "public"."callback"("organisation_id","id");--> statement-breakpoint
ALTER TABLE "case_attachment" ADD CONSTRAINT "case_attachment_case_id_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."case_file"("organisation_id","id");--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_id_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."case_file"("organisation_id","id");--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_catalogue_item_id_fk" FOREIGN KEY ("organisation_id","catalogue_item_id") REFERENCES "public"."catalogue_item"("organisation_id","id");--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_item_version_id_fk" FOREIGN KEY ("organisation_id","item_version_id") REFERENCES "public"."catalogue_item_version"("organisation_id","id");--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_customer_id_fk" FOREIGN KEY ("organisation_id","customer_id") REFERENCES "public"."customer"("organisation_id","id");--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_contact_id_fk" FOREIGN KEY ("organisation_id","contact_id") REFERENCES "public"."contact"("organisation_id","id");--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_team_id_fk" FOREIGN KEY ("organisation_id","team_id") REFERENCES "public"."team"("organisation_id","id");--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_assignee_user_id_fk" FOREIGN KEY ("organisation_id","assignee_user_id") REFERENCES "public"."app_user"("organisation_id","id");--> statement-breakpoint
ALTER TABLE "case_status_change" ADD CONSTRAINT "case_status_change_case_id_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."case_file"("organisation_id","id");--> statement-breakpoint
ALTER TABLE "catalogue_item" ADD CONSTRAINT "catalogue_item_team_id_fk" FOREIGN KEY ("organisation_id","team_id") REFERENCES "public"."team"("organisation_id","id") ON DELETE SET NULL ("team_id");--> statement-breakpoint
ALTER TABLE "catalogue_item_version" ADD CONSTRAINT "catalogue_item_version_item_id_fk" FOREIGN KEY ("organisation_id","item_id") REFERENCES "public"."catalogue_item"("organisation_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_customer_id_fk" FOREIGN KEY ("organisation_id","customer_id") REFERENCES "public"."customer"("organisation_id","id");--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_catalogue_item_id_fk" FOREIGN KEY ("organisation_id","catalogue_item_id") REFERENCES "public"."catalogue_item"("organisation_id","id");--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_agent_user_id_fk" FOREIGN KEY ("organisation_id","agent_user_id") REFERENCES "public"."app_user"("organisation_id","id");--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_team_id_fk" FOREIGN KEY ("organisation_id","team_id") REFERENCES "public"."team"("organisation_id","id");--> statement-breakpoint
ALTER TABLE "customer_consent" ADD CONSTRAINT "customer_consent_customer_id_fk" FOREIGN KEY ("organisation_id","customer_id") REFERENCES "public"."customer"("organisation_id","id");--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."app_user"("organisation_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_team_id_fk" FOREIGN KEY ("organisation_id","team_id") REFERENCES "public"."team"("organisation_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."app_user"("organisation_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_subscription_id_fk" FOREIGN KEY ("organisation_id","subscription_id") REFERENCES "public"."webhook_subscription"("organisation_id","id") ON DELETE CASCADE;--> statement-breakpoint
-- 5. Unique indexes with organisation_id; the session found by its id alone (see the schema).
CREATE INDEX "session_id_idx" ON "session" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_token_hash_uq" ON "api_token" USING btree ("token_hash","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "article_version_uq" ON "article_version" USING btree ("organisation_id","article_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_item_version_uq" ON "catalogue_item_version" USING btree ("organisation_id","item_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_message_id_uq" ON "notification" USING btree ("organisation_id","message_id");
