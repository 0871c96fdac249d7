import type { Db } from '@voordeur/db';
import { errors } from '../../plugins/errors.ts';
import { normalisedWords } from './search.indexer.ts';
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
 * `(term | close1 | close2) & (next …)`; a short last word also as a prefix, for type-ahead. `all` joins the words
 * with AND (precise); otherwise with OR (broad).
 */
export function buildTsQuery(terms: string[], expansions: Map<string, string[]>, all = true): string {
  return terms
    .map((t, i) => {
      // A short last word is probably still being typed: match it as a prefix. Longer words are taken as
      // typed (a prefix on a long word costs time and rarely adds a good answer).
      const own = i === terms.length - 1 && t.length >= 3 && t.length <= PREFIX_MAX ? `${t}:*` : t;
      return `(${[own, ...(expansions.get(t) ?? [])].join(' | ')})`;
    })
    .join(all ? ' & ' : ' | ');
}

/** Last words up to this length also match as a prefix (type-ahead). */
const PREFIX_MAX = 6;

/** Below this many precise answers, the search widens to documents with any of the words. */
const WIDEN_BELOW = 3;

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
  const run = (expansions: Map<string, string[]>, all: boolean) =>
    q.searchDocuments(
      db,
      organisationId,
      words,
      buildTsQuery(terms, expansions, all),
      buildTsQuery(terms, expansions, false),
      filters,
      input.limit,
    );
  // Most queries are spelt right: search as typed while checking the words against the vocabulary (two
  // connections on a server), and search again only when a word is unknown — probably misspelt — with the
  // closest words the catalogue does know.
  const [known, asTyped] = await Promise.all([q.knownWords(db, organisationId, terms), run(new Map(), true)]);
  const expansions = new Map<string, string[]>();
  for (const term of terms.filter((t) => t.length >= 4 && !known.includes(t))) {
    const similar = await q.similarWords(db, organisationId, term);
    if (similar.length) expansions.set(term, similar);
  }
  let rows = expansions.size ? await run(expansions, true) : asTyped;
  const anyWord = buildTsQuery(terms, expansions, false);
  if (rows.length < WIDEN_BELOW && terms.length > 1) {
    const broad = await q.searchDocuments(db, organisationId, words, anyWord, anyWord, filters, input.limit);
    const seen = new Set(rows.map((r) => r.ref_id));
    rows = [...rows, ...broad.filter((r) => !seen.has(r.ref_id))].slice(0, input.limit);
  }
  const [logged] = await q.logSearch(db, {
    organisationId,
    actorUserId,
    scope,
    query: input.q.slice(0, 200),
    resultCount: rows.length,
    topResults: rows.slice(0, 5).map((r) => ({ kind: r.kind, code: r.code })),
  });
  return {
    searchId: logged!.id,
    didYouMean: [...expansions.values()].flat(),
    hits: rows.map((r) => ({ ...r, segments: snippetSegments(r.snippet) })),
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
