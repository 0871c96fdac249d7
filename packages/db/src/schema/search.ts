/** Search: the documents searched, the vocabulary and the searches made. */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tsvector, updatedAt } from './columns.ts';
import { organisationId } from './organisations.ts';

/**
 * What search looks in: one row per published item or article, written in the same transaction as the
 * publication. Weighted Dutch full text plus trigram-indexed title and synonyms for typo tolerance.
 */
export const searchDocument = pgTable(
  'search_document',
  {
    organisationId: organisationId(),
    /** item | article */
    kind: text('kind').notNull(),
    refId: uuid('ref_id').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    /** Synonyms, keywords and tags, space-separated. */
    terms: text('terms').notNull(),
    /** external | internal (items), public | internal (articles) */
    audience: text('audience').notNull(),
    itemKind: text('item_kind'),
    teamId: uuid('team_id'),
    /** How often a search result led to this document being used: ranks frequently used answers up. */
    usageCount: integer('usage_count').notNull().default(0),
    tsv: tsvector('tsv').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.kind, t.refId] }),
    index('search_document_tsv_idx').using('gin', t.tsv),
    index('search_document_title_trgm_idx').using(
      'gin',
      sql`(lower(${t.title} || ' ' || ${t.terms})) gin_trgm_ops`,
    ),
  ],
);

/** The vocabulary of the catalogue and knowledge base: for "did you mean" expansion of misspelt words. */
export const searchWord = pgTable(
  'search_word',
  {
    organisationId: organisationId(),
    word: text('word').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.word] }),
    index('search_word_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`),
  ],
);

/** Every search, and whether a result was used: shows which questions the knowledge base fails to answer. */
export const searchQuery = pgTable(
  'search_query',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    actorUserId: uuid('actor_user_id'),
    /** public | staff */
    scope: text('scope').notNull(),
    query: text('query').notNull(),
    resultCount: integer('result_count').notNull(),
    topResults: jsonb('top_results').notNull().default(sql`'[]'::jsonb`),
    usedKind: text('used_kind'),
    usedRefId: uuid('used_ref_id'),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'search_query_pkey', columns: [t.organisationId, t.id] }),
    index('search_query_org_time_idx').on(t.organisationId, t.createdAt),
  ],
);
