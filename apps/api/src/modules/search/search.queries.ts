import { type Db, queryPrepared, searchDocument, searchQuery, textArray } from '@voordeur/db';
import { and, eq, type SQL, sql } from 'drizzle-orm';

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
  /** Has all the words (false: found by widening to any of them). */
  precise: boolean;
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

/** Below this many precise answers (all words), the search widens to documents with any of the words. */
const WIDEN_BELOW = 3;

/**
 * Ranked search, in one statement: the best full-text matches with all the words through the index (titles and
 * synonyms weigh most) and — only when fewer than {@link WIDEN_BELOW} are found — after them those with any of the
 * words; re-ranked by the trigram closeness of the query to the title and by how often the front office
 * used the answer; snippets only for the rows returned, since `ts_headline` is the expensive part.
 * `highlightQuery` marks any of the words. `words` is the query already lower-cased and stripped of accents.
 * With `correctsLog`, the search recorded by the first pass is corrected to what this pass shows.
 */
export function searchDocuments(db: Db, organisationId: string, p: SearchParams, correctsLog?: string) {
  return queryPrepared<SearchRow>(
    db,
    sql`WITH ${ranked(organisationId, p)}
        ${
          correctsLog
            ? sql`, corrected AS (
                UPDATE search_query SET result_count = (SELECT count(*) FROM result), top_results = ${topFive}
                WHERE organisation_id = ${organisationId} AND id = ${correctsLog})`
            : sql``
        }
        SELECT * FROM result ORDER BY precise DESC, score DESC, title`,
  );
}

/** The first five results as recorded in `search_query`. */
const topFive = sql`coalesce((SELECT jsonb_agg(jsonb_build_object('kind', t.kind, 'code', t.code) ORDER BY t.precise DESC, t.score DESC, t.title)
  FROM (SELECT kind, code, precise, score, title FROM result ORDER BY precise DESC, score DESC, title LIMIT 5) t), '[]'::jsonb)`;

/**
 * `searchDocuments` that in the same statement also finds which of `terms` the vocabulary knows, the three
 * closest known words (trigram similarity, index-assisted) for each word of four letters or more that it does
 * not know — probably a typo, for a second pass — and records the search in `search_query` with its results. The
 * usual search costs one round trip; when a second pass will follow, no snippets are made here.
 */
export function searchCheckingWords(
  db: Db,
  organisationId: string,
  p: SearchParams,
  terms: string[],
  log: SearchLog,
) {
  // The statement always returns a row; without a match it is a row with only `known` and `close_words`.
  return queryPrepared<SearchRow & { known: string[]; close_words: { term: string; word: string }[] }>(
    db,
    sql`WITH ${ranked(organisationId, p, {
      // Before the wider query: the words, and close words for the unknown ones when the words as typed found too
      // little. With close words a second pass follows, so this one neither widens nor makes snippets.
      afterPrecise: sql`known AS (
          -- One lookup per word through the primary key. Written as a range on purpose: for '=' the planner takes
          -- the trigram index, which answers equality too but slowly (0.8 ms a word against 0.05).
          SELECT coalesce(array_agg(t.term), ARRAY[]::text[]) AS words
          FROM unnest(${textArray(terms)}) AS t(term)
          WHERE EXISTS (SELECT 1 FROM search_word w
                        WHERE w.organisation_id = ${organisationId} AND w.word >= t.term AND w.word <= t.term)
        ), close_words AS (
          SELECT t.term, s.word, t.n, s.rank
          FROM known k
          CROSS JOIN unnest(${textArray(terms)}) WITH ORDINALITY AS t(term, n)
          CROSS JOIN LATERAL (
            SELECT word, row_number() OVER (ORDER BY similarity(word, t.term) DESC, word) AS rank
            FROM search_word
            WHERE organisation_id = ${organisationId} AND word % t.term
            ORDER BY similarity(word, t.term) DESC, word LIMIT 3
          ) s
          WHERE length(t.term) >= 4 AND NOT t.term = ANY(k.words)
            AND (SELECT count(*) FROM precise) < ${WIDEN_BELOW}
        )`,
      final: sql`NOT EXISTS (SELECT 1 FROM close_words)`,
    })}, logged AS (
          -- A data-modifying CTE always runs to completion, also when the search finds nothing.
          INSERT INTO search_query (id, organisation_id, actor_user_id, scope, query, result_count, top_results)
          SELECT ${log.id}, ${organisationId}, ${log.actorUserId}, ${log.scope}, ${log.query},
                 (SELECT count(*) FROM result), ${topFive}
        )
        SELECT r.*, k.words AS known,
               coalesce((SELECT jsonb_agg(jsonb_build_object('term', term, 'word', word) ORDER BY n, rank) FROM close_words), '[]'::jsonb) AS close_words
        FROM known k LEFT JOIN result r ON true
        ORDER BY r.precise DESC, r.score DESC, r.title`,
  ).then((rows) => ({
    known: rows[0]?.known ?? [],
    similar: rows[0]?.close_words ?? [],
    rows: rows.filter((r) => r.ref_id) as SearchRow[],
  }));
}

export interface SearchParams {
  /** The query, lower-cased and accent-free. */
  words: string;
  /** All the words (precise). */
  tsquery: string;
  /** Any of the words (broad), for widening; null for a one-word query. */
  broadQuery: string | null;
  highlightQuery: string;
  filters: SearchFilters;
  limit: number;
}

function ranked(
  organisationId: string,
  { words, tsquery, broadQuery, highlightQuery, filters: f, limit }: SearchParams,
  pass: {
    /** CTEs placed right after `precise`. */
    afterPrecise?: SQL;
    /** Whether these results are final: when not, another pass replaces them, so no widening, no snippets. */
    final?: SQL;
  } = {},
) {
  const final = pass.final ?? sql`true`;
  const headline = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "`;
  // Candidates re-ranked by closeness to the title: twice a page is enough for the best title match to be among
  // them (titles weigh most in the full-text rank); each costs a trigram comparison.
  const top = Math.max(20, limit * 2);
  // The tsquery is a function in FROM, made once per statement: written inside ts_rank_cd() it would be parsed
  // again for every matching row (measured: 1.1 of 3.3 ms for 450 matches). unaccent() (stable, and a no-op on
  // our already accent-free words) keeps the planner from folding it into a constant; with a constant it
  // misjudges frequent words and scans every row's tsvector (measured 11-21 ms against 4 ms through the GIN
  // index on 11,000 documents).
  const matching = (query: string) => sql`
          SELECT d.kind, d.ref_id, ts_rank_cd(d.tsv, q, 32) AS rank, d.title, d.usage_count
          FROM to_tsquery('dutch', unaccent(${query})) AS q, search_document d
          WHERE d.organisation_id = ${organisationId}
            AND d.audience = ANY(${textArray(f.audiences)})
            ${f.kind ? sql`AND d.kind = ${f.kind}` : sql``}
            ${f.itemKind ? sql`AND d.item_kind = ${f.itemKind}` : sql``}
            ${f.teamId ? sql`AND d.team_id = ${f.teamId}` : sql``}
            AND d.tsv @@ q`;
  return sql`precise AS (
          ${matching(tsquery)}
          ORDER BY rank DESC LIMIT ${top}
        ), ${pass.afterPrecise ? sql`${pass.afterPrecise}, ` : sql``}${
          broadQuery
            ? sql`broad AS (
          -- A one-time filter: the broad scan runs only when the precise one found too little.
          ${matching(broadQuery)}
            AND (SELECT count(*) FROM precise) < ${WIDEN_BELOW} AND ${final}
          ORDER BY rank DESC LIMIT ${top}
        ), matches AS (
          SELECT kind, ref_id, rank, title, usage_count, true AS precise FROM precise
          UNION ALL
          SELECT b.kind, b.ref_id, b.rank, b.title, b.usage_count, false FROM broad b
          WHERE NOT EXISTS (SELECT 1 FROM precise x WHERE x.kind = b.kind AND x.ref_id = b.ref_id)
        ),`
            : sql`matches AS (SELECT kind, ref_id, rank, title, usage_count, true AS precise FROM precise),`
        } scored AS (
          -- Title and usage come along from the index scan (no second lookup); the (toasted) body does not.
          SELECT m.kind, m.ref_id, m.precise,
                 (m.rank * 4 + word_similarity(${words}, lower(m.title)) + ln(1 + m.usage_count) * 0.05)::float8 AS score
          FROM matches m
          ORDER BY m.precise DESC, score DESC, m.title
          LIMIT ${limit}
        ), result AS (
          SELECT d.kind, d.ref_id, d.code, d.title, d.summary, d.audience, d.item_kind, d.team_id, s.score, s.precise,
                 CASE WHEN ${final}
                      THEN ts_headline('dutch', d.summary || ' ' || d.body, hq, ${headline})
                      ELSE '' END AS snippet
          FROM to_tsquery('dutch', unaccent(${highlightQuery})) AS hq, scored s
          JOIN search_document d ON d.organisation_id = ${organisationId} AND d.kind = s.kind AND d.ref_id = s.ref_id
        )`;
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
