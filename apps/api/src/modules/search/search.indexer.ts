import { type Db, searchDocument, textArray } from '@voordeur/db';
import { and, eq, sql } from 'drizzle-orm';
import { normalisedWords } from '../../platform/words.ts';

export interface SearchDocumentInput {
  organisationId: string;
  kind: 'item' | 'article';
  refId: string;
  code: string;
  title: string;
  summary: string;
  /** Markdown; reduced to plain text here. */
  body: string;
  terms: string[];
  audience: string;
  itemKind: string | null;
  teamId: string | null;
}

/** Plain text from our Markdown subset: links keep their text, emphasis and list markers go. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]/g, '')
    .replace(/^\s*[-+]\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of four letters or more: the vocabulary typo expansion draws from. */
export const words = (text: string) => normalisedWords(text, 4);

/**
 * Writes (or rewrites) the search documents of published items or articles, in the caller's transaction.
 * Title and synonyms weigh most (A), the summary next (B), the body least (C). A rewrite keeps the usage count.
 */
export async function indexDocuments(tx: Db, docs: SearchDocumentInput[]) {
  for (let i = 0; i < docs.length; i += 200) {
    const batch = docs.slice(i, i + 200).map((d) => {
      const terms = d.terms.join(' ');
      const body = plainText(d.body);
      return {
        organisationId: d.organisationId,
        kind: d.kind,
        refId: d.refId,
        code: d.code,
        title: d.title,
        summary: d.summary,
        body,
        terms,
        audience: d.audience,
        itemKind: d.itemKind,
        teamId: d.teamId,
        tsv: sql`setweight(to_tsvector('dutch', unaccent(${d.title})), 'A')
          || setweight(to_tsvector('dutch', unaccent(${terms})), 'A')
          || setweight(to_tsvector('dutch', unaccent(${d.summary})), 'B')
          || setweight(to_tsvector('dutch', unaccent(${body})), 'C')`,
        updatedAt: new Date(),
      };
    });
    await tx
      .insert(searchDocument)
      .values(batch)
      .onConflictDoUpdate({
        target: [searchDocument.organisationId, searchDocument.kind, searchDocument.refId],
        set: Object.fromEntries(
          [
            'code',
            'title',
            'summary',
            'body',
            'terms',
            'audience',
            'item_kind',
            'team_id',
            'tsv',
            'updated_at',
          ].map((c) => [
            c.replace(/_([a-z])/g, (_m, l: string) => l.toUpperCase()),
            sql.raw(`excluded.${c}`),
          ]),
        ),
      });
  }
  const byOrg = new Map<string, Set<string>>();
  for (const d of docs) {
    const set = byOrg.get(d.organisationId) ?? new Set<string>();
    for (const w of words(`${d.title} ${d.terms.join(' ')} ${d.summary}`)) set.add(w);
    byOrg.set(d.organisationId, set);
  }
  for (const [organisationId, vocabulary] of byOrg) {
    if (!vocabulary.size) continue;
    await tx.execute(
      sql`INSERT INTO search_word (organisation_id, word)
          SELECT ${organisationId}::uuid, unnest(${textArray([...vocabulary])}) ON CONFLICT DO NOTHING`,
    );
  }
}

export function indexDocument(tx: Db, doc: SearchDocumentInput) {
  return indexDocuments(tx, [doc]);
}

export async function removeDocument(
  tx: Db,
  organisationId: string,
  kind: 'item' | 'article',
  refId: string,
) {
  await tx
    .delete(searchDocument)
    .where(
      and(
        eq(searchDocument.organisationId, organisationId),
        eq(searchDocument.kind, kind),
        eq(searchDocument.refId, refId),
      ),
    );
}
