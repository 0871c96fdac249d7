/** Working-time calendars. */
import { integer, jsonb, pgTable, uuid } from 'drizzle-orm/pg-core';
import { updatedAt } from './columns.ts';
import { organisation } from './organisations.ts';

/** The organisation's working-time calendar (opening hours, holiday choices, closures). */
export const workingCalendar = pgTable('working_calendar', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisation.id, { onDelete: 'restrict' }),
  definition: jsonb('definition').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: updatedAt(),
});
