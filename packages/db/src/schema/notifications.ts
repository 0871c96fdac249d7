/** Messages to people and staff, and their delivery. */
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { organisationId } from './organisations.ts';

/** A message to a person or a staff member, and its delivery state (the per-case delivery log). */
export const notification = pgTable(
  'notification',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    caseId: uuid('case_id'),
    /** status | message | acknowledgement | extension | suspension | decision | warning | breach | ... */
    kind: text('kind').notNull(),
    /** person | staff */
    audience: text('audience').notNull(),
    /** email | sms | post (a printed letter: no outbox job; staff post it and mark it sent) */
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    recipientName: text('recipient_name'),
    language: text('language').notNull().default('nl'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** queued | sent | failed | bounced */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The Message-ID, stable across retries (receivers can drop a repeat). */
    messageId: text('message_id').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /**
     * A letter (channel post): what is printed besides subject and body, fixed when it was written — the person's
     * address lines, the case reference and the organisation's letterhead.
     */
    letter: jsonb('letter'),
    /** A letter: who marked it as sent by post (sent_at says when). */
    sentByUserId: uuid('sent_by_user_id'),
    sentByLabel: text('sent_by_label'),
  },
  (t) => [
    primaryKey({ name: 'notification_pkey', columns: [t.organisationId, t.id] }),
    index('notification_case_idx').on(t.organisationId, t.caseId, t.createdAt),
    uniqueIndex('notification_message_id_uq').on(t.organisationId, t.messageId),
    // The post queue: letters of one organisation by state, oldest first.
    index('notification_letters_idx')
      .on(t.organisationId, t.status, t.createdAt)
      .where(sql`${t.channel} = 'post'`),
  ],
);
