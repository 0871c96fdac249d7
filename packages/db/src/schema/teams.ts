/** Teams of an organisation. */
import { integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { organisationId } from './organisations.ts';

export const team = pgTable(
  'team',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    name: text('name').notNull(),
    /** front_office | back_office | management */
    kind: text('kind').notNull(),
    description: text('description').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'team_pkey', columns: [t.organisationId, t.id] }),
    uniqueIndex('team_org_name_uq').on(t.organisationId, t.name),
  ],
);
