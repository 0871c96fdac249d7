import { type Db, organisation, queryRows, searchDocument, searchQuery, textArray } from '@voordeur/db';
import { and, eq, sql } from 'drizzle-orm';

/** For query words the vocabulary does not know, the closest known words (trigram similarity). */
export function similarWords(db: Db, organisationId: string, terms: string[]) {
  return queryRows<{ term: string; word: string }>(
    db,
    sql`SELECT t.term, w.word
        FROM unnest(${textArray(terms)}) AS t(term)
        CROSS JOIN LATERAL (
          SELECT word FROM search_word
          WHERE organisation_id = ${organisationId} AND word % t.term
          ORDER BY similarity(word, t.term) DESC LIMIT 3
        ) w
        WHERE length(t.term) >= 4
          AND NOT EXISTS (SELECT 1 FROM search_word x WHERE x.organisation_id = ${organisationId} AND x.word = t.term)`,
  );
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

/**
 * Ranked search: weighted Dutch full text (title and synonyms first), typo-tolerant trigram match on title
 * and synonyms, a bonus for title matches and for items the front office uses often.
 */
export function searchDocuments(
  db: Db,
  organisationId: string,
  raw: string,
  tsquery: string,
  f: SearchFilters,
  limit: number,
) {
  const headline = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "`;
  return queryRows<SearchRow>(
    db,
    sql`WITH q AS (SELECT to_tsquery('dutch', ${tsquery}) AS tsq, unaccent(lower(${raw})) AS raw)
        SELECT d.kind, d.ref_id, d.code, d.title, d.summary, d.audience, d.item_kind, d.team_id,
               ts_headline('dutch', d.summary || ' ' || d.body, q.tsq, ${headline}) AS snippet,
               (ts_rank_cd(d.tsv, q.tsq, 32) * 4
                 + word_similarity(q.raw, unaccent(lower(d.title || ' ' || d.terms)))
                 + CASE WHEN to_tsvector('dutch', unaccent(d.title)) @@ q.tsq THEN 0.5 ELSE 0 END
                 + ln(1 + d.usage_count) * 0.05)::float8 AS score
        FROM search_document d, q
        WHERE d.organisation_id = ${organisationId}
          AND d.audience = ANY(${textArray(f.audiences)})
          ${f.kind ? sql`AND d.kind = ${f.kind}` : sql``}
          ${f.itemKind ? sql`AND d.item_kind = ${f.itemKind}` : sql``}
          ${f.teamId ? sql`AND d.team_id = ${f.teamId}` : sql``}
          AND (d.tsv @@ q.tsq OR q.raw <% lower(d.title || ' ' || d.terms))
        ORDER BY score DESC, d.title
        LIMIT ${limit}`,
  );
}

export function logSearch(db: Db, values: typeof searchQuery.$inferInsert) {
  return db.insert(searchQuery).values(values).returning({ id: searchQuery.id });
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
    .select({ id: organisation.id })
    .from(organisation)
    .where(eq(organisation.slug, slug))
    .then((r) => r[0]);
}
