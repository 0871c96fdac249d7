import { randomUUID } from 'node:crypto';
import type { Db } from '@voordeur/db';
import { normalisedWords } from '../../platform/words.ts';
import { errors } from '../../plugins/errors.ts';
import { organisationBySlug } from '../organisations/index.ts';
import * as q from './search.queries.ts';

export type SearchScope = 'public' | 'staff';

export interface SearchInput {
  q: string;
  kind?: 'item' | 'article' | undefined;
  audience?: 'external' | 'internal' | undefined;
  itemKind?: string | undefined;
  teamId?: string | undefined;
  limit: number;
}

/** Audiences each scope may see: the public never sees internal items or internal articles. */
function audiencesFor(scope: SearchScope, audience: SearchInput['audience']): string[] {
  if (scope === 'public') return ['external', 'public'];
  if (audience === 'external') return ['external', 'public'];
  if (audience === 'internal') return ['internal'];
  return ['external', 'internal', 'public'];
}

/** Query words, accent-free and lower-case; short words are kept for full text (stop words drop out there). */
export function queryTerms(text: string): string[] {
  return normalisedWords(text, 2).slice(0, 12);
}

/**
 * `(term | close1 | close2) & (next …)`: `all` joins the words with AND (precise), `any` with OR (broad). With
 * `prefix`, a short last word also matches as a prefix, for type-ahead.
 */
export function buildTsQuery(
  terms: string[],
  expansions: Map<string, string[]>,
  join: 'all' | 'any',
  prefix: boolean,
): string {
  return terms
    .map((t, i) => {
      // A short last word is probably still being typed: match it as a prefix. Longer words are taken as
      // typed (a prefix on a long word costs time and rarely adds a good answer).
      const own = prefix && i === terms.length - 1 && t.length >= 3 && t.length <= PREFIX_MAX ? `${t}:*` : t;
      return `(${[own, ...(expansions.get(t) ?? [])].join(' | ')})`;
    })
    .join(join === 'all' ? ' & ' : ' | ');
}

/** Last words up to this length also match as a prefix (type-ahead). */
const PREFIX_MAX = 6;

/** Splits a headline with markers into text segments, so clients highlight without trusting HTML. */
export function snippetSegments(snippet: string): { text: string; match: boolean }[] {
  const out: { text: string; match: boolean }[] = [];
  for (const part of snippet.split(q.MARK_START)) {
    const [match, rest] = part.includes(q.MARK_END) ? part.split(q.MARK_END, 2) : [undefined, part];
    if (match) out.push({ text: match, match: true });
    if (rest) out.push({ text: rest, match: false });
  }
  return out;
}

export async function search(
  db: Db,
  organisationId: string,
  scope: SearchScope,
  input: SearchInput,
  actorUserId: string | null,
) {
  const terms = queryTerms(input.q);
  if (terms.length === 0) throw errors.validation([{ field: 'q', message: 'Type at least one word' }]);
  const filters = {
    audiences: audiencesFor(scope, input.audience),
    kind: input.kind,
    itemKind: input.itemKind,
    teamId: input.teamId,
  };
  const words = terms.join(' ');
  const params = (expansions: Map<string, string[]>): q.SearchParams => ({
    words,
    tsquery: buildTsQuery(terms, expansions, 'all', true),
    // Widening takes the words as typed: a short prefix on its own ("vol:*") matches half the documents.
    broadQuery: terms.length > 1 ? buildTsQuery(terms, expansions, 'any', false) : null,
    highlightQuery: buildTsQuery(terms, expansions, 'any', true),
    filters,
    limit: input.limit,
  });
  // Most queries are spelt right: one statement searches as typed (widening to any of the words when all of them
  // find too little), checks the words against the vocabulary and records the search. Only when the words as
  // typed find too little, one of them is unknown — probably misspelt — and close words exist does a second
  // statement search with them, and correct the record.
  const searchId = randomUUID();
  const first = await q.searchCheckingWords(db, organisationId, params(new Map()), terms, {
    id: searchId,
    actorUserId,
    scope,
    query: input.q.slice(0, 200),
  });
  const expansions = new Map<string, string[]>();
  for (const { term, word } of first.similar) expansions.set(term, [...(expansions.get(term) ?? []), word]);
  const rows = expansions.size
    ? await q.searchDocuments(db, organisationId, params(expansions), searchId)
    : first.rows;
  return {
    searchId,
    didYouMean: [...expansions.values()].flat(),
    hits: rows.map((r) => ({ ...r, segments: snippetSegments(r.snippet) })),
  };
}

/** The search of an organisation's public pages, by its slug: published external items and public articles only. */
export async function searchPublic(db: Db, slug: string, input: SearchInput) {
  const org = await organisationBySlug(db, slug);
  if (!org) throw errors.notFound('organisation');
  return search(db, org.id, 'public', input, null);
}

/**
 * The portal home's search (server-rendered): the public search's hits as the page shows them. Words too short to
 * search for find nothing rather than an error (a person typed them, not a program).
 */
export async function searchPublicSite(db: Db, slug: string, text: string) {
  if (queryTerms(text).length === 0) return { hits: [], didYouMean: [] };
  const r = await searchPublic(db, slug, { q: text, limit: 10 });
  return {
    didYouMean: r.didYouMean,
    hits: r.hits.map((h) => ({
      kind: h.kind as 'item' | 'article',
      id: h.ref_id,
      code: h.code,
      title: h.title,
      summary: h.summary,
      itemKind: h.item_kind,
    })),
  };
}

/** The person used a result: remembered for the report of unanswered questions, and it ranks that result up. */
export async function recordUse(
  db: Db,
  organisationId: string,
  searchId: string,
  kind: 'item' | 'article',
  refId: string,
) {
  await db.transaction(async (tx) => {
    const found = await q.markUsed(tx, organisationId, searchId, kind, refId);
    if (!found.length) throw errors.notFound('search');
    const bumped = await q.bumpUsage(tx, organisationId, kind, refId);
    if (!bumped.length) throw errors.notFound(kind);
  });
}
