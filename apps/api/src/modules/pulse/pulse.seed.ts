import type { Db } from '@voordeur/db';
import type { Ctx } from '../../platform/actor.ts';
import { encryptIdentifier } from '../../platform/personal-data.ts';
import { localDate } from '../calendar/index.ts';
import * as q from './pulse.queries.ts';
import { closeRound, DEFAULT_PULSE_QUESTIONS, endOf } from './pulse.service.ts';

/**
 * Demo (issue 15): a closed round two weeks back, answered by the given colleagues through the same path as a real
 * round (participation, sealed answers, the shuffled batch at close), and an open round of a month that started two
 * days ago, for everyone to answer. Only when the organisation has no rounds yet.
 */
export async function seedDemoPulse(
  db: Db,
  ctx: Ctx,
  answers: { userId: string; teamId: string; scores: number[]; comment?: string }[],
) {
  const organisationId = ctx.actor.organisationId;
  if ((await q.rounds(db, organisationId, 1)).length) return;
  const questionnaire = await q.insertQuestionnaire(db, {
    organisationId,
    number: 1,
    questions: DEFAULT_PULSE_QUESTIONS,
    createdByUserId: null,
  });
  const day = (offset: number) => localDate(new Date(Date.now() + offset * 86_400_000));
  const past = await q.insertRound(db, {
    organisationId,
    questionnaireId: questionnaire.id,
    period: 'week',
    startsOn: day(-14),
    endsOn: endOf('week', day(-14)),
  });
  for (const a of answers) {
    await q.insertParticipation(db, organisationId, past.id, a.userId);
    await q.insertHeld(
      db,
      organisationId,
      past.id,
      encryptIdentifier(JSON.stringify({ teamId: a.teamId, scores: a.scores, comment: a.comment ?? '' })),
    );
  }
  await closeRound(db, ctx, past.id, { vacuum: false });
  await q.insertRound(db, {
    organisationId,
    questionnaireId: questionnaire.id,
    period: 'month',
    startsOn: day(-2),
    endsOn: endOf('month', day(-2)),
  });
}
