/** The front office: contacts, their daily statistics, callbacks and callback attempts. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { catalogueItem } from './catalogue.ts';
import { createdAt, updatedAt } from './columns.ts';
import { customer } from './customers.ts';
import { organisationId } from './organisations.ts';
import { team } from './teams.ts';
import { appUser } from './users.ts';

/** One interaction through one channel; the register of every contact. */
export const contact = pgTable(
  'contact',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    channel: text('channel').notNull(),
    /** in | out */
    direction: text('direction').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    waitSeconds: integer('wait_seconds'),
    customerId: uuid('customer_id'),
    catalogueItemId: uuid('catalogue_item_id'),
    topic: text('topic'),
    question: text('question').notNull().default(''),
    answer: text('answer').notNull().default(''),
    articleIds: uuid('article_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** answered | case | callback | referred | not_helped; null while open or when closed automatically */
    outcome: text('outcome'),
    referredTo: text('referred_to'),
    closedAutomatically: boolean('closed_automatically').notNull().default(false),
    isRepeat: boolean('is_repeat').notNull().default(false),
    /** The person only asked where an open case stands (avoidable contact, monitoring). */
    statusInquiry: boolean('status_inquiry').notNull().default(false),
    repeatOfId: uuid('repeat_of_id'),
    agentUserId: uuid('agent_user_id'),
    teamId: uuid('team_id'),
    language: text('language').notNull().default('nl'),
    /** A channel's delivery id: a retried delivery with the same key never creates a second contact. */
    idempotencyKey: text('idempotency_key'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'contact_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'contact_customer_id_fk',
      columns: [t.organisationId, t.customerId],
      foreignColumns: [customer.organisationId, customer.id],
    }),
    foreignKey({
      name: 'contact_catalogue_item_id_fk',
      columns: [t.organisationId, t.catalogueItemId],
      foreignColumns: [catalogueItem.organisationId, catalogueItem.id],
    }),
    foreignKey({
      name: 'contact_agent_user_id_fk',
      columns: [t.organisationId, t.agentUserId],
      foreignColumns: [appUser.organisationId, appUser.id],
    }),
    foreignKey({
      name: 'contact_team_id_fk',
      columns: [t.organisationId, t.teamId],
      foreignColumns: [team.organisationId, team.id],
    }),
    uniqueIndex('contact_idempotency_uq').on(t.organisationId, t.idempotencyKey),
    index('contact_customer_idx').on(t.organisationId, t.customerId, t.startedAt),
    // The portal: the latest askers of an item ("what others asked next").
    index('contact_item_idx').on(t.organisationId, t.catalogueItemId, t.startedAt),
    index('contact_open_idx').on(t.organisationId, t.startedAt).where(sql`${t.endedAt} IS NULL`),
    index('contact_agent_idx').on(t.organisationId, t.agentUserId, t.startedAt),
  ],
);

/** A request for the back office to call the person back, with its own norm. */
export const callback = pgTable(
  'callback',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    contactId: uuid('contact_id').notNull(),
    customerId: uuid('customer_id'),
    teamId: uuid('team_id').notNull(),
    catalogueItemId: uuid('catalogue_item_id'),
    phone: text('phone').notNull(),
    note: text('note').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** The time slot the person chose to be called in ("tomorrow between 13:00 and 15:00"), if any. */
    slotStart: timestamp('slot_start', { withTimezone: true }),
    slotEnd: timestamp('slot_end', { withTimezone: true }),
    /** open | done */
    state: text('state').notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'callback_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'callback_contact_id_fk',
      columns: [t.organisationId, t.contactId],
      foreignColumns: [contact.organisationId, contact.id],
    }),
    foreignKey({
      name: 'callback_customer_id_fk',
      columns: [t.organisationId, t.customerId],
      foreignColumns: [customer.organisationId, customer.id],
    }),
    foreignKey({
      name: 'callback_team_id_fk',
      columns: [t.organisationId, t.teamId],
      foreignColumns: [team.organisationId, team.id],
    }),
    foreignKey({
      name: 'callback_catalogue_item_id_fk',
      columns: [t.organisationId, t.catalogueItemId],
      foreignColumns: [catalogueItem.organisationId, catalogueItem.id],
    }),
    index('callback_team_idx').on(t.organisationId, t.state, t.teamId, t.dueAt),
  ],
);

export const callbackAttempt = pgTable(
  'callback_attempt',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    callbackId: uuid('callback_id').notNull(),
    /** reached | not_reached | message_left */
    result: text('result').notNull(),
    note: text('note').notNull().default(''),
    byUserId: uuid('by_user_id'),
    byLabel: text('by_label').notNull(),
    at: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'callback_attempt_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'callback_attempt_callback_id_fk',
      columns: [t.organisationId, t.callbackId],
      foreignColumns: [callback.organisationId, callback.id],
    }),
    index('callback_attempt_idx').on(t.organisationId, t.callbackId),
  ],
);
