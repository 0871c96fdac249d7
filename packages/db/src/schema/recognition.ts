/**
 * Compliments routed (issue 15, element 6): a survey answer that is a compliment, routed to the employee who
 * handled it (the agent of the contact, the worker who closed the case) and their team. Holds the resident's own
 * words and grade, never their name or contact details.
 */
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { organisationId } from './organisations.ts';

export const compliment = pgTable(
  'compliment',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    /** The survey answer it came from (unique: routed once). */
    surveyResponseId: uuid('survey_response_id').notNull(),
    /** case | contact */
    source: text('source').notNull(),
    caseId: uuid('case_id'),
    contactId: uuid('contact_id'),
    /** Who handled it; null when nobody could be named (e.g. closed automatically). */
    employeeUserId: uuid('employee_user_id'),
    teamId: uuid('team_id'),
    itemCode: text('item_code'),
    grade: integer('grade').notNull(),
    comment: text('comment').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    routedAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'compliment_pkey', columns: [t.organisationId, t.id] }),
    uniqueIndex('compliment_response_uq').on(t.organisationId, t.surveyResponseId),
    index('compliment_employee_idx').on(t.organisationId, t.employeeUserId, t.receivedAt),
    index('compliment_team_idx').on(t.organisationId, t.teamId, t.receivedAt),
  ],
);
