/** The transactional outbox of background work. */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { organisationId } from './organisations.ts';

/**
 * The transactional outbox (ADR 0002): background work written in the same transaction as the change that
 * causes it, claimed by workers with FOR UPDATE SKIP LOCKED and a lease.
 */
export const outboxJob = pgTable(
  'outbox_job',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    /** notification | webhook */
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(12),
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'outbox_job_pkey', columns: [t.organisationId, t.id] }),
    index('outbox_job_due_idx').on(t.runAt).where(sql`${t.doneAt} IS NULL`),
  ],
);
