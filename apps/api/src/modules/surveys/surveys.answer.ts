import type { Db } from '@voordeur/db';
import { SURVEY_LIMITS, type SurveyDefinition, surveyDefinitionSchema } from '@voordeur/shared';
import { systemCtx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { recordSurveyOutcome } from '../cases/index.ts';
import { organisationBySlug } from '../organisations/index.ts';
import type { SurveyDimensions } from './surveys.invite.ts';
import { hashToken } from './surveys.invite.ts';
import type { AnswerErrors, Answers } from './surveys.page.tsx';
import * as q from './surveys.queries.ts';
import { readSettings } from './surveys.service.ts';
import { WORDS } from './surveys.words.ts';

/** What a survey link leads to now. */
export type Opened =
  | { state: 'unknown' }
  | { state: 'expired' | 'answered'; organisation: { name: string; slug: string }; language: 'nl' | 'en' }
  | {
      state: 'open';
      organisation: { id: string; name: string; slug: string };
      language: 'nl' | 'en';
      definition: SurveyDefinition;
      subject: string | null;
    };

/** Tokens are 43 base64url characters; anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The invitation behind a link, and whether it may be answered. */
export async function openInvitation(db: Db, slug: string, token: string): Promise<Opened> {
  if (!TOKEN.test(token)) return { state: 'unknown' };
  const org = await organisationBySlug(db, slug);
  if (!org) return { state: 'unknown' };
  const found = await q.invitationByToken(db, org.id, hashToken(token));
  if (!found) return { state: 'unknown' };
  const i = found.invitation;
  const language = i.language === 'en' ? 'en' : 'nl';
  if (i.answeredAt) return { state: 'answered', organisation: org, language };
  if (i.expiresAt <= new Date()) return { state: 'expired', organisation: org, language };
  return {
    state: 'open',
    organisation: org,
    language,
    definition: surveyDefinitionSchema.parse(found.definition),
    subject: (i.dimensions as SurveyDimensions).subject,
  };
}

export interface ParsedAnswer {
  grade: number;
  effort: number | null;
  solved: boolean | null;
  comment: string;
}

/** Checks the posted form: the grade is required, the rest optional; errors in the page's language. */
export function parseAnswer(
  body: Answers,
  language: 'nl' | 'en',
): { answer: ParsedAnswer; errors: null } | { answer: null; errors: AnswerErrors } {
  const w = WORDS[language];
  const errors: AnswerErrors = {};
  const grade = /^(10|[1-9])$/.test(body.grade ?? '') ? Number(body.grade) : null;
  if (grade === null) errors.grade = w.gradeMissing;
  const effort = body.effort ? (/^[1-5]$/.test(body.effort) ? Number(body.effort) : undefined) : null;
  if (effort === undefined) errors.effort = w.effortInvalid;
  const solved = body.solved === 'yes' ? true : body.solved === 'no' ? false : body.solved ? undefined : null;
  if (solved === undefined) errors.solved = w.solvedInvalid;
  const comment = (body.comment ?? '').replace(/\r\n/g, '\n').trim();
  if (comment.length > SURVEY_LIMITS.commentMax) errors.comment = w.commentTooLong;
  if (Object.keys(errors).length) return { answer: null, errors };
  return { answer: { grade: grade!, effort: effort ?? null, solved: solved ?? null, comment }, errors: null };
}

/**
 * Stores the answer, once: the invitation is locked, an answered one refused (`already`), and the unique answer
 * per invitation holds even against a second request at the same moment. With it, in the same transaction, what
 * the answer means for its case (`recordSurveyOutcome`): a low grade or "not solved" flags it for follow-up by its
 * team, "not solved" reopens it where the item's configuration says so, a good grade with a text is a compliment
 * on its timeline.
 */
export async function answer(
  db: Db,
  organisationId: string,
  token: string,
  a: ParsedAnswer,
  language: 'nl' | 'en',
): Promise<'stored' | 'follow_up' | 'already' | 'expired' | 'unknown'> {
  return db.transaction(async (tx) => {
    const found = await q.invitationByToken(tx, organisationId, hashToken(token), true);
    if (!found) return 'unknown';
    const i = found.invitation;
    if (i.answeredAt) return 'already';
    const now = new Date();
    if (i.expiresAt <= now) return 'expired';
    const { settings } = await readSettings(tx, organisationId);
    const d = i.dimensions as SurveyDimensions;
    const followUp = a.grade <= settings.lowGradeMax ? 'low_grade' : a.solved === false ? 'not_solved' : null;
    const compliment = a.grade >= settings.complimentMinGrade && a.comment.length > 0;
    const reopen =
      a.solved === false && !!settings.items.find((x) => x.itemCode === d.itemCode)?.reopenWhenNotSolved;
    const stored = await q.insertResponse(tx, {
      organisationId,
      invitationId: i.id,
      surveyVersionId: i.surveyVersionId,
      source: i.source,
      caseId: i.caseId,
      contactId: i.contactId,
      grade: a.grade,
      effort: a.effort,
      solved: a.solved,
      comment: a.comment,
      language,
      channel: d.channel,
      itemCode: d.itemCode,
      teamId: d.teamId,
      area: d.area,
      resolutionSeconds: d.resolutionSeconds,
      followUp: followUp !== null && i.caseId !== null,
      compliment,
      answeredAt: now,
    });
    if (!stored) return 'already';
    await q.markAnswered(tx, organisationId, i.id, now);
    const ctx = systemCtx(organisationId, 'Voordeur (enquête)');
    if (i.caseId)
      await recordSurveyOutcome(tx, ctx, i.caseId, {
        grade: a.grade,
        solved: a.solved,
        comment: a.comment,
        followUp,
        reopen,
        compliment,
      });
    await recordAudit(tx, ctx, {
      entityType: 'survey_response',
      entityId: stored.id,
      action: 'answered',
      after: { grade: a.grade, solved: a.solved, followUp, compliment },
    });
    return followUp && i.caseId ? 'follow_up' : 'stored';
  });
}
