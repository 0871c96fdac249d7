/** The products and services catalogue (PDC) and its versions. */
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { organisationId } from './organisations.ts';
import { team } from './teams.ts';

/**
 * A product or service of the catalogue (PDC). Its content lives in versions; `publishedVersionId` is what
 * the public and the front office see, `draftVersionId` what editors work on. Cases keep their version.
 */
export const catalogueItem = pgTable(
  'catalogue_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    code: text('code').notNull(),
    /** draft (never published) | published | retired */
    state: text('state').notNull().default('draft'),
    audience: text('audience').notNull(),
    kind: text('kind').notNull(),
    teamId: uuid('team_id').references(() => team.id, { onDelete: 'set null' }),
    publishedVersionId: uuid('published_version_id'),
    draftVersionId: uuid('draft_version_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('catalogue_item_org_code_uq').on(t.organisationId, t.code)],
);

export const catalogueItemVersion = pgTable(
  'catalogue_item_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => catalogueItem.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    /** The full CatalogueItemDefinition (packages/shared), validated before it is stored. */
    definition: jsonb('definition').notNull(),
    /** draft | published | superseded | retired */
    state: text('state').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('catalogue_item_version_uq').on(t.itemId, t.number),
    index('civ_org_idx').on(t.organisationId),
  ],
);
