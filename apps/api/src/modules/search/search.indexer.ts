import { type Db, searchDocument, textArray } from '@voordeur/db';
import { and, eq, sql } from 'drizzle-orm';

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

/** Lower-case, accent-free words of four letters or more: the vocabulary typo expansion draws from. */
export function words(text: string): string[] {
  return [
    ...new Set(
      text
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length >= 4 && w.length <= 40),
    ),
  ];
}

/**
 * Writes (or rewrites) the search document of a published item or article, in the caller's transaction.
 * Title and synonyms weigh most (A), the summary next (B), the body least (C). A rewrite keeps the usage count.
 */
export async function indexDocument(tx: Db, d: SearchDocumentInput) {
  const terms = d.terms.join(' ');
  const body = plainText(d.body);
  const tsv = sql`setweight(to_tsvector('dutch', unaccent(${d.title})), 'A')
    || setweight(to_tsvector('dutch', unaccent(${terms})), 'A')
    || setweight(to_tsvector('dutch', unaccent(${d.summary})), 'B')
    || setweight(to_tsvector('dutch', unaccent(${body})), 'C')`;
  const values = {
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
    tsv,
    updatedAt: new Date(),
  };
  await tx
    .insert(searchDocument)
    .values(values)
    .onConflictDoUpdate({
      target: [searchDocument.organisationId, searchDocument.kind, searchDocument.refId],
      set: values,
    });
  const vocabulary = words(`${d.title} ${terms} ${d.summary}`);
  if (vocabulary.length) {
    await tx.execute(
      sql`INSERT INTO search_word (organisation_id, word)
          SELECT ${d.organisationId}::uuid, unnest(${textArray(vocabulary)}) ON CONFLICT DO NOTHING`,
    );
  }
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
