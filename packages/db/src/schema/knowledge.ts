/** The knowledge base and its versions. */
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { organisationId } from './organisations.ts';
import { team } from './teams.ts';

/** A knowledge-base article, versioned like catalogue items. */
export const article = pgTable(
  'article',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    code: text('code').notNull(),
    state: text('state').notNull().default('draft'),
    audience: text('audience').notNull(),
    ownerTeamId: uuid('owner_team_id').references(() => team.id, { onDelete: 'set null' }),
    reviewDate: text('review_date'),
    publishedVersionId: uuid('published_version_id'),
    draftVersionId: uuid('draft_version_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('article_org_code_uq').on(t.organisationId, t.code)],
);

export const articleVersion = pgTable(
  'article_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => article.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    definition: jsonb('definition').notNull(),
    state: text('state').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('article_version_uq').on(t.articleId, t.number),
    index('av_org_idx').on(t.organisationId),
  ],
);
