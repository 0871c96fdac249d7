/**
 * Cost to serve (issue 14): the organisation's own estimate of what one contact or case costs per channel, in
 * euro cents. Set by managers and administrators; cost to serve = (contacts + cases) × unit cost.
 */
import { integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { organisationId } from './organisations.ts';

export const unitCost = pgTable(
  'unit_cost',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    /** A channel of `CHANNELS` (packages/shared/src/catalogue.ts). */
    channel: text('channel').notNull(),
    cents: integer('cents').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'unit_cost_pkey', columns: [t.organisationId, t.id] }),
    uniqueIndex('unit_cost_org_channel_uq').on(t.organisationId, t.channel),
  ],
);
