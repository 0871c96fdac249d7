import type { Survey, SurveyDefinition, SurveyResponse, VersionedAbilities } from '@voordeur/shared';
import type { listResponses, SurveyRow } from './surveys.queries.ts';

/** One survey definition with its published and draft versions; `abilities`: what the reader may do to it now. */
export function presentSurvey(row: SurveyRow, abilities: VersionedAbilities): Survey {
  const s = row.survey;
  return {
    id: s.id,
    code: s.code,
    state: s.state as Survey['state'],
    version: s.version,
    published: row.published?.id
      ? {
          number: row.published.number,
          publishedAt: row.published.publishedAt?.toISOString() ?? null,
          definition: row.published.definition as SurveyDefinition,
        }
      : null,
    draft: row.draft?.id
      ? { number: row.draft.number, definition: row.draft.definition as SurveyDefinition }
      : null,
    abilities,
  };
}

type ResponseRow = Awaited<ReturnType<typeof listResponses>>[number];

/** One answer: grades and text with the case's reference and dimensions; never who answered. */
export function presentResponse(row: ResponseRow): SurveyResponse {
  const r = row.response;
  return {
    id: r.id,
    answeredAt: r.answeredAt.toISOString(),
    source: r.source as SurveyResponse['source'],
    caseId: r.caseId,
    reference: row.reference ?? null,
    grade: r.grade,
    effort: r.effort,
    solved: r.solved,
    comment: r.comment,
    channel: r.channel,
    itemCode: r.itemCode,
    team: r.teamId && row.teamName ? { id: r.teamId, name: row.teamName } : null,
    area: r.area,
    resolutionSeconds: r.resolutionSeconds,
    followUp: r.followUp,
    compliment: r.compliment,
  };
}
