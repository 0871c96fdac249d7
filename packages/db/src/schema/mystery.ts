/**
 * Mystery shopping and calling (issue 14): test contacts scored against a checklist per channel. The four standard
 * points (answered within target, correct answer, courtesy, followed up) hold for every channel and live in code;
 * the organisation adds its own points per channel here.
 */
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { organisationId } from './organisations.ts';

/** A checklist point the organisation added for one channel. Retired, never deleted: results refer to it. */
export const mysteryPoint = pgTable(
  'mystery_point',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    channel: text('channel').notNull(),
    /** { nl, en? } */
    label: jsonb('label').notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: 'mystery_point_pkey', columns: [t.organisationId, t.id] })],
);

/** One test contact and how it scored. */
export const mysteryCheck = pgTable(
  'mystery_check',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    /** The day of the test contact (local date). */
    day: date('day').notNull(),
    channel: text('channel').notNull(),
    /** The product or service asked about; null for a general question. */
    catalogueItemId: uuid('catalogue_item_id'),
    /** { [pointKey]: 'met' | 'not_met' | 'na' }; a standard point's key or an added point's id. */
    answers: jsonb('answers').notNull(),
    met: integer('met').notNull(),
    notMet: integer('not_met').notNull(),
    note: text('note').notNull().default(''),
    recordedBy: text('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'mystery_check_pkey', columns: [t.organisationId, t.id] }),
    index('mystery_check_org_day_idx').on(t.organisationId, t.day),
  ],
);
