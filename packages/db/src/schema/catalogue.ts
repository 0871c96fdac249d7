/** The products and services catalogue (PDC) and its versions. */
import {
  foreignKey,
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
import { team } from './teams.ts';

/**
 * A product or service of the catalogue (PDC). Its content lives in versions; `publishedVersionId` is what
 * the public and the front office see, `draftVersionId` what editors work on. Cases keep their version.
 */
export const catalogueItem = pgTable(
  'catalogue_item',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    code: text('code').notNull(),
    /** draft (never published) | published | retired */
    state: text('state').notNull().default('draft'),
    audience: text('audience').notNull(),
    kind: text('kind').notNull(),
    teamId: uuid('team_id'),
    publishedVersionId: uuid('published_version_id'),
    draftVersionId: uuid('draft_version_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'catalogue_item_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'catalogue_item_team_id_fk',
      columns: [t.organisationId, t.teamId],
      foreignColumns: [team.organisationId, team.id],
    }).onDelete('set null'),
    uniqueIndex('catalogue_item_org_code_uq').on(t.organisationId, t.code),
  ],
);

export const catalogueItemVersion = pgTable(
  'catalogue_item_version',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    itemId: uuid('item_id').notNull(),
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
    primaryKey({ name: 'catalogue_item_version_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'catalogue_item_version_item_id_fk',
      columns: [t.organisationId, t.itemId],
      foreignColumns: [catalogueItem.organisationId, catalogueItem.id],
    }).onDelete('cascade'),
    uniqueIndex('catalogue_item_version_uq').on(t.organisationId, t.itemId, t.number),
  ],
);
