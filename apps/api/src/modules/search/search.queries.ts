import { type Db, organisation, queryRows, searchDocument, searchQuery, textArray } from '@voordeur/db';
import { and, eq, sql } from 'drizzle-orm';

/**
 * For each word the vocabulary does not know, the three closest known words (trigram similarity,
 * index-assisted), all in one statement.
 */
export async function similarWords(db: Db, organisationId: string, terms: string[]) {
  const rows = await queryRows<{ term: string; word: string }>(
    db,
    sql`SELECT t.term, s.word
        FROM unnest(${textArray(terms)}) AS t(term)
        CROSS JOIN LATERAL (
          SELECT word FROM search_word
          WHERE organisation_id = ${organisationId} AND word % t.term
          ORDER BY similarity(word, t.term) DESC, word LIMIT 3
        ) s`,
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.term, [...(out.get(r.term) ?? []), r.word]);
  return out;
}

export interface SearchFilters {
  audiences: string[];
  kind?: 'item' | 'article' | undefined;
  itemKind?: string | undefined;
  teamId?: string | undefined;
}

export interface SearchRow {
  kind: 'item' | 'article';
  ref_id: string;
  code: string;
  title: string;
  summary: string;
  audience: string;
  item_kind: string | null;
  team_id: string | null;
  snippet: string;
  score: number;
}

export const MARK_START = '⟦';
export const MARK_END = '⟧';

/** What a search records: the query, who asked, and the first answers (for the report of unanswered questions). */
export interface SearchLog {
  id: string;
  actorUserId: string | null;
  scope: string;
  query: string;
}

/**
 * Ranked search in three steps: the best full-text matches through the index (titles and synonyms weigh most);
 * those re-ranked by the trigram closeness of the query to title and synonyms and by how often the front office
 * used the answer; snippets only for the rows returned, since `ts_headline` is the expensive part.
 * `highlightQuery` marks any of the words, also when matching needed all. `words` is the query already
 * lower-cased and stripped of accents.
 *
 */
export function searchDocuments(db: Db, organisationId: string, p: SearchParams) {
  return queryRows<SearchRow>(
    db,
    sql`WITH ${ranked(organisationId, p)} SELECT * FROM result ORDER BY score DESC, title`,
  );
}

/**
 * `searchDocuments` that in the same statement also finds which of `terms` the vocabulary knows (the others may
 * be typos) and records the search in `search_query` with its results: the usual search costs one round trip.
 */
export function searchCheckingWords(
  db: Db,
  organisationId: string,
  p: SearchParams,
  terms: string[],
  log: SearchLog,
) {
  // The statement always returns a row; without a match it is a row with only `known`.
  return queryRows<SearchRow & { known: string[] }>(
    db,
    sql`WITH ${ranked(organisationId, p)}, known AS (
          SELECT coalesce(array_agg(word), ARRAY[]::text[]) AS words
          FROM search_word WHERE organisation_id = ${organisationId} AND word = ANY(${textArray(terms)})
        ), logged AS (
          -- A data-modifying CTE always runs to completion, also when the search finds nothing.
          INSERT INTO search_query (id, organisation_id, actor_user_id, scope, query, result_count, top_results)
          SELECT ${log.id}, ${organisationId}, ${log.actorUserId}, ${log.scope}, ${log.query},
                 (SELECT count(*) FROM result),
                 coalesce((SELECT jsonb_agg(jsonb_build_object('kind', t.kind, 'code', t.code) ORDER BY t.score DESC, t.title)
                           FROM (SELECT kind, code, score, title FROM result ORDER BY score DESC, title LIMIT 5) t), '[]'::jsonb)
        )
        SELECT r.*, k.words AS known
        FROM known k LEFT JOIN result r ON true
        ORDER BY r.score DESC, r.title`,
  ).then((rows) => ({ known: rows[0]?.known ?? [], rows: rows.filter((r) => r.ref_id) as SearchRow[] }));
}

export interface SearchParams {
  /** The query, lower-cased and accent-free. */
  words: string;
  tsquery: string;
  highlightQuery: string;
  filters: SearchFilters;
  limit: number;
}

function ranked(organisationId: string, { words, tsquery, highlightQuery, filters: f, limit }: SearchParams) {
  const headline = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "`;
  return sql`matches AS (
          -- unaccent() (stable, and a no-op on our already accent-free words) keeps the planner from folding the
          -- query into a constant; with a constant it misjudges frequent words and scans every row's tsvector
          -- (measured 11-21 ms against 4 ms through the GIN index on 11,000 documents).
          SELECT d.kind, d.ref_id, ts_rank_cd(d.tsv, to_tsquery('dutch', unaccent(${tsquery})), 32) AS rank
          FROM search_document d
          WHERE d.organisation_id = ${organisationId}
            AND d.audience = ANY(${textArray(f.audiences)})
            ${f.kind ? sql`AND d.kind = ${f.kind}` : sql``}
            ${f.itemKind ? sql`AND d.item_kind = ${f.itemKind}` : sql``}
            ${f.teamId ? sql`AND d.team_id = ${f.teamId}` : sql``}
            AND d.tsv @@ to_tsquery('dutch', unaccent(${tsquery}))
          ORDER BY rank DESC
          LIMIT ${Math.max(50, limit * 5)}
        ), scored AS (
          -- Only keys and score go through the sort: carrying the (toasted) body along would unpack 50 bodies.
          SELECT d.kind, d.ref_id,
                 (m.rank * 4 + word_similarity(${words}, lower(d.title || ' ' || d.terms)) + ln(1 + d.usage_count) * 0.05)::float8 AS score
          FROM matches m
          JOIN search_document d ON d.organisation_id = ${organisationId} AND d.kind = m.kind AND d.ref_id = m.ref_id
          ORDER BY score DESC, d.title
          LIMIT ${limit}
        ), result AS (
          SELECT d.kind, d.ref_id, d.code, d.title, d.summary, d.audience, d.item_kind, d.team_id, s.score,
                 ts_headline('dutch', d.summary || ' ' || d.body, to_tsquery('dutch', ${highlightQuery}), ${headline}) AS snippet
          FROM scored s
          JOIN search_document d ON d.organisation_id = ${organisationId} AND d.kind = s.kind AND d.ref_id = s.ref_id
        )`;
}

/** Rewrites the recorded outcome of a search after a second pass (typo expansion, widening). */
export function updateSearchLog(
  db: Db,
  organisationId: string,
  id: string,
  resultCount: number,
  topResults: { kind: string; code: string }[],
) {
  return db
    .update(searchQuery)
    .set({ resultCount, topResults })
    .where(and(eq(searchQuery.organisationId, organisationId), eq(searchQuery.id, id)));
}

export function markUsed(db: Db, organisationId: string, id: string, kind: string, refId: string) {
  return db
    .update(searchQuery)
    .set({ usedKind: kind, usedRefId: refId, usedAt: new Date() })
    .where(and(eq(searchQuery.organisationId, organisationId), eq(searchQuery.id, id)))
    .returning({ id: searchQuery.id });
}

export function bumpUsage(db: Db, organisationId: string, kind: 'item' | 'article', refId: string) {
  return db
    .update(searchDocument)
    .set({ usageCount: sql`${searchDocument.usageCount} + 1` })
    .where(
      and(
        eq(searchDocument.organisationId, organisationId),
        eq(searchDocument.kind, kind),
        eq(searchDocument.refId, refId),
      ),
    )
    .returning({ refId: searchDocument.refId });
}

export function organisationBySlug(db: Db, slug: string) {
  return db
    .select({ id: organisation.id, name: organisation.name, slug: organisation.slug })
    .from(organisation)
    .where(eq(organisation.slug, slug))
    .then((r) => r[0]);
}
