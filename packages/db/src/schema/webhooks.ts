/** Webhook subscriptions and deliveries. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, updatedAt } from './columns.ts';
import { organisationId } from './organisations.ts';

/** A back-office system that follows case changes as CloudEvents over a signed webhook. */
export const webhookSubscription = pgTable(
  'webhook_subscription',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    /** The signing secret, encrypted with the data key (ADR 0004). */
    secretEncrypted: bytea('secret_encrypted').notNull(),
    /** CloudEvent types to send; empty means all. */
    eventTypes: text('event_types').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ name: 'webhook_subscription_pkey', columns: [t.organisationId, t.id] })],
);

/** One CloudEvent to one subscription, and how its delivery went (the webhook log). */
export const webhookDelivery = pgTable(
  'webhook_delivery',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    subscriptionId: uuid('subscription_id').notNull(),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    caseId: uuid('case_id'),
    event: jsonb('event').notNull(),
    /** queued | delivered | failed */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    responseStatus: integer('response_status'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'webhook_delivery_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'webhook_delivery_subscription_id_fk',
      columns: [t.organisationId, t.subscriptionId],
      foreignColumns: [webhookSubscription.organisationId, webhookSubscription.id],
    }).onDelete('cascade'),
    index('webhook_delivery_sub_idx').on(t.organisationId, t.subscriptionId, t.createdAt),
  ],
);
