import type { searchResultSchema } from '@voordeur/shared';
import type { z } from 'zod';
import type { search } from './search.service.ts';

type Result = Awaited<ReturnType<typeof search>>;

/** A search's answer as it leaves: each hit named by kind, id and code, with its snippet as text segments. */
export const presentSearchResult = (r: Result) => ({
  searchId: r.searchId,
  didYouMean: r.didYouMean,
  hits: r.hits.map((h) => ({
    kind: h.kind,
    id: h.ref_id,
    code: h.code,
    title: h.title,
    summary: h.summary,
    audience: h.audience,
    itemKind: h.item_kind as z.infer<typeof searchResultSchema>['hits'][number]['itemKind'],
    teamId: h.team_id,
    score: Number(h.score),
    snippet: h.segments,
  })),
});
