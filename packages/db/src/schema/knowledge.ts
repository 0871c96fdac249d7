/** The knowledge base and its versions. */
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

/** A knowledge-base article, versioned like catalogue items. */
export const article = pgTable(
  'article',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    code: text('code').notNull(),
    state: text('state').notNull().default('draft'),
    audience: text('audience').notNull(),
    ownerTeamId: uuid('owner_team_id'),
    reviewDate: text('review_date'),
    publishedVersionId: uuid('published_version_id'),
    draftVersionId: uuid('draft_version_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'article_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'article_owner_team_id_fk',
      columns: [t.organisationId, t.ownerTeamId],
      foreignColumns: [team.organisationId, team.id],
    }).onDelete('set null'),
    uniqueIndex('article_org_code_uq').on(t.organisationId, t.code),
  ],
);

export const articleVersion = pgTable(
  'article_version',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    articleId: uuid('article_id').notNull(),
    number: integer('number').notNull(),
    definition: jsonb('definition').notNull(),
    state: text('state').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'article_version_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'article_version_article_id_fk',
      columns: [t.organisationId, t.articleId],
      foreignColumns: [article.organisationId, article.id],
    }).onDelete('cascade'),
    uniqueIndex('article_version_uq').on(t.organisationId, t.articleId, t.number),
  ],
);
