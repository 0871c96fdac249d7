/**
 * Waiting (issue 14): queue figures of the telephony system and the desk's ticket system, imported as CSV or
 * pushed as JSON (`POST /api/waiting/import`). One row per queue and interval (15 minutes, or a whole day); a
 * re-import of the same interval replaces it. No person is named: these are counts and sums of seconds.
 */
import {
  bigint,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { organisationId } from './organisations.ts';

/** One accepted import (a file or a push): the log the import page lists. */
export const waitingImport = pgTable(
  'waiting_import',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    /** 'csv' | 'json' */
    format: text('format').notNull(),
    rows: integer('rows').notNull(),
    firstDay: date('first_day').notNull(),
    lastDay: date('last_day').notNull(),
    /** Who imported: the user's name or the API token's label (as in the audit trail). */
    importedBy: text('imported_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'waiting_import_pkey', columns: [t.organisationId, t.id] }),
    index('waiting_import_org_created_idx').on(t.organisationId, t.createdAt),
  ],
);

/** The figures of one queue over one interval. */
export const waitingInterval = pgTable(
  'waiting_interval',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    importId: uuid('import_id').notNull(),
    /** The local (Europe/Amsterdam) date. */
    day: date('day').notNull(),
    /** Minutes after local midnight the interval starts (0 for a whole day). */
    intervalStart: smallint('interval_start').notNull(),
    /** 15, or 1440 for a whole day. A day of a queue holds either 15-minute rows or one daily row. */
    intervalMinutes: smallint('interval_minutes').notNull(),
    /** 'phone' | 'desk' */
    channel: text('channel').notNull(),
    /** The queue's name in the telephony or ticket system (e.g. "Algemeen", "Burgerzaken"). */
    queue: text('queue').notNull(),
    offered: integer('offered').notNull(),
    answered: integer('answered').notNull(),
    abandoned: integer('abandoned').notNull(),
    answeredInTarget: integer('answered_in_target').notNull(),
    /** The service level's target in seconds (e.g. 30: answered within 30 s). */
    targetSeconds: integer('target_seconds').notNull(),
    /** Seconds waited by the answered calls or visitors, summed. */
    waitSeconds: bigint('wait_seconds', { mode: 'number' }).notNull(),
    /** Seconds of conversation or service, summed over the answered. */
    handledSeconds: bigint('handled_seconds', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'waiting_interval_pkey', columns: [t.organisationId, t.id] }),
    uniqueIndex('waiting_interval_slot_uq').on(t.organisationId, t.channel, t.queue, t.day, t.intervalStart),
    index('waiting_interval_org_day_idx').on(t.organisationId, t.day),
    foreignKey({
      name: 'waiting_interval_import_fk',
      columns: [t.organisationId, t.importId],
      foreignColumns: [waitingImport.organisationId, waitingImport.id],
    }),
  ],
);
