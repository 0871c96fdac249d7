/**
 * The integrity register (issue 15, element 5): integrity reports and conflicts of interest (side jobs, interests).
 * Only the integrity officer reads or writes it; every read and change is audited (without its contents). It is
 * never searched, exported, logged or part of a resident's data download.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { organisationId } from './organisations.ts';

export const integrityRecord = pgTable(
  'integrity_record',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    /** report (melding) | conflict_of_interest (belangenverstrengeling) | side_job (nevenfunctie) */
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on').notNull(),
    summary: text('summary').notNull(),
    /** The people concerned, in free text. */
    peopleConcerned: text('people_concerned').notNull().default(''),
    measures: text('measures').notNull().default(''),
    /** open | investigating | closed */
    status: text('status').notNull().default('open'),
    /** Required when closed. */
    outcome: text('outcome'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'integrity_record_pkey', columns: [t.organisationId, t.id] }),
    index('integrity_record_org_status_idx').on(t.organisationId, t.status),
    check('integrity_record_kind_ck', sql`${t.kind} in ('report', 'conflict_of_interest', 'side_job')`),
    check('integrity_record_status_ck', sql`${t.status} in ('open', 'investigating', 'closed')`),
    check('integrity_record_outcome_ck', sql`${t.status} <> 'closed' OR ${t.outcome} IS NOT NULL`),
  ],
);
