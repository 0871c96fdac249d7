import { randomInt } from 'node:crypto';
import type { Db } from '@voordeur/db';
import {
  PULSE_MIN_GROUP,
  type PulseAnswerInput,
  type PulseGroupResult,
  type PulsePeriod,
  type PulseQuestions,
  type PulseRound,
  type PulseRoundResult,
  pulseQuestionsSchema,
} from '@voordeur/shared';
import { type Ctx, systemCtx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { decryptIdentifier, encryptIdentifier } from '../../platform/personal-data.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { localDate } from '../calendar/index.ts';
import { pulseErrors } from './pulse.errors.ts';
import { pulsePolicy } from './pulse.policy.ts';
import * as q from './pulse.queries.ts';
import { type Answer, groupResult, shownTeams } from './pulse.results.ts';

/** The statements a new organisation starts with (service culture: elements 4 and 6 of the model). */
export const DEFAULT_PULSE_QUESTIONS: PulseQuestions = {
  statements: [
    { nl: 'Ik weet wat inwoners van ons verwachten.', en: 'I know what residents expect from us.' },
    {
      nl: 'Ik krijg de ruimte om een inwoner echt te helpen.',
      en: 'I have room to really help a resident.',
    },
    {
      nl: 'In mijn team leren we van klachten en fouten.',
      en: 'In my team we learn from complaints and mistakes.',
    },
    { nl: 'Mijn werk wordt gezien en gewaardeerd.', en: 'My work is seen and valued.' },
    {
      nl: 'Als ik een verbetering voorstel, gebeurt er iets mee.',
      en: 'When I suggest an improvement, something is done with it.',
    },
  ],
  openQuestion: {
    nl: 'Wat zou jouw werk voor inwoners beter maken?',
    en: 'What would make your work for residents better?',
  },
};

/** The last day of a round that starts on this day. */
export function endOf(period: PulsePeriod, startsOn: string): string {
  const [y, m, d] = startsOn.split('-').map(Number) as [number, number, number];
  const end = period === 'week' ? new Date(Date.UTC(y, m - 1, d + 6)) : new Date(Date.UTC(y, m, d - 1));
  return end.toISOString().slice(0, 10);
}

function presentRound(r: q.RoundRow): PulseRound {
  return {
    id: r.id,
    period: r.period as PulsePeriod,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    closed: r.closedAt !== null,
    questionnaire: r.questionnaire,
    questions: r.questions as PulseQuestions,
    respondents: r.closedAt !== null ? (r.respondents ?? 0) : r.participants,
  };
}

async function questionnaireFor(db: Db, ctx: Ctx) {
  const organisationId = ctx.actor.organisationId;
  const found = await q.latestQuestionnaire(db, organisationId);
  if (found) return found;
  const created = await q.insertQuestionnaire(db, {
    organisationId,
    number: 1,
    questions: DEFAULT_PULSE_QUESTIONS,
    createdByUserId: ctx.actor.userId,
  });
  await recordAudit(db, ctx, {
    entityType: 'pulse_questionnaire',
    entityId: created.id,
    action: 'created',
    after: { number: 1 },
  });
  return created;
}

export async function getQuestions(db: Db, ctx: Ctx) {
  authorize(ctx.actor, pulsePolicy.read);
  const found = await q.latestQuestionnaire(db, ctx.actor.organisationId);
  return found
    ? {
        number: found.number,
        questions: found.questions as PulseQuestions,
        createdAt: found.createdAt.toISOString(),
      }
    : { number: 0, questions: DEFAULT_PULSE_QUESTIONS, createdAt: new Date(0).toISOString() };
}

/** New statements are a new version: rounds already made keep the version they were asked with. */
export async function setQuestions(db: Db, ctx: Ctx, questions: PulseQuestions) {
  authorize(ctx.actor, pulsePolicy.manage);
  const parsed = pulseQuestionsSchema.parse(questions);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const latest = await q.latestQuestionnaire(tx, organisationId);
    const number = (latest?.number ?? 0) + 1;
    const created = await q.insertQuestionnaire(tx, {
      organisationId,
      number,
      questions: parsed,
      createdByUserId: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      entityType: 'pulse_questionnaire',
      entityId: created.id,
      action: 'created',
      after: { number, statements: parsed.statements.length },
    });
    return { number, questions: parsed, createdAt: created.createdAt.toISOString() };
  });
}

export async function createRound(db: Db, ctx: Ctx, input: { period: PulsePeriod; startsOn: string }) {
  authorize(ctx.actor, pulsePolicy.manage);
  const organisationId = ctx.actor.organisationId;
  const endsOn = endOf(input.period, input.startsOn);
  if (endsOn < localDate(new Date())) throw pulseErrors.field('startsOn', 'The round would end in the past');
  return db.transaction(async (tx) => {
    if ((await q.overlapping(tx, organisationId, input.startsOn, endsOn)).length)
      throw pulseErrors.overlaps();
    const questionnaire = await questionnaireFor(tx, ctx);
    const { id } = await q.insertRound(tx, {
      organisationId,
      questionnaireId: questionnaire.id,
      period: input.period,
      startsOn: input.startsOn,
      endsOn,
      createdByUserId: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      entityType: 'pulse_round',
      entityId: id,
      action: 'created',
      after: { period: input.period, startsOn: input.startsOn, endsOn, questionnaire: questionnaire.number },
    });
    return presentRound((await q.roundById(tx, organisationId, id))!);
  });
}

/** The round open today, whether the employee answered it, and the teams they may answer for. */
export async function current(db: Db, ctx: Ctx) {
  authorize(ctx.actor, pulsePolicy.answer);
  const { organisationId, userId } = ctx.actor;
  const round = await q.openRoundOn(db, organisationId, localDate(new Date()));
  const teams = userId ? await q.teamsOfUser(db, organisationId, userId) : [];
  const answered = round && userId ? await q.hasParticipated(db, organisationId, round.id, userId) : false;
  return { round: round ? presentRound(round) : null, answered, teams, minGroup: PULSE_MIN_GROUP };
}

interface Sealed {
  teamId: string | null;
  scores: number[];
  comment: string;
}

/**
 * One answer per employee and round. In one transaction: that they answered (no answer), and the answer sealed
 * with the data key (no user, no time, no team in clear) until the round closes. The audit event names the round
 * and the employee — that they answered, never what.
 */
export async function answer(db: Db, ctx: Ctx, roundId: string, input: PulseAnswerInput) {
  authorize(ctx.actor, pulsePolicy.answer);
  const { organisationId, userId } = ctx.actor;
  if (!userId || ctx.actor.kind !== 'user') throw errors.forbidden('Only an employee answers the pulse.');
  const round = await q.roundById(db, organisationId, roundId);
  if (!round) throw errors.notFound('pulse round');
  const statements = (round.questions as PulseQuestions).statements.length;
  if (input.scores.length !== statements)
    throw pulseErrors.field('scores', `Give one score (1–5) for each of the ${statements} statements`);
  const teams = await q.teamsOfUser(db, organisationId, userId);
  let teamId = input.teamId ?? null;
  if (teamId && !teams.some((t) => t.id === teamId))
    throw pulseErrors.field('teamId', 'Not one of your teams');
  if (input.teamId === undefined && teams.length === 1) teamId = teams[0]!.id;
  const sealed: Sealed = {
    teamId,
    scores: input.scores,
    comment: (input.comment ?? '').replace(/\r\n/g, '\n').trim(),
  };
  await db.transaction(async (tx) => {
    const locked = await q.lockRound(tx, organisationId, roundId);
    const day = localDate(new Date());
    if (!locked || locked.closedAt || day < locked.startsOn || day > locked.endsOn)
      throw pulseErrors.roundClosed();
    if (!(await q.insertParticipation(tx, organisationId, roundId, userId)))
      throw pulseErrors.alreadyAnswered();
    await q.insertHeld(tx, organisationId, roundId, encryptIdentifier(JSON.stringify(sealed)));
    await recordAudit(tx, ctx, { entityType: 'pulse_round', entityId: roundId, action: 'answered' });
  });
}

/** Fisher–Yates with a cryptographic source: the order written says nothing about the order answered. */
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Closes a round (idempotent). In one transaction: the held answers are opened and — when at least the minimum
 * answered — written in a shuffled batch, each with its team only when the team had at least the minimum answers
 * (else none); fewer than the minimum are discarded unread. The held rows go, every participation row is
 * rewritten, the round records how many answers count. Afterwards the dead row versions are vacuumed away (a
 * failed VACUUM is not an error: autovacuum follows).
 */
export async function closeRound(db: Db, ctx: Ctx, roundId: string, options = { vacuum: true }) {
  const organisationId = ctx.actor.organisationId;
  const closed = await db.transaction(async (tx) => {
    const locked = await q.lockRound(tx, organisationId, roundId);
    if (!locked) throw errors.notFound('pulse round');
    if (locked.closedAt) return false;
    const held = (await q.heldOf(tx, organisationId, roundId)).map(
      (h) => JSON.parse(decryptIdentifier(h.sealed)) as Sealed,
    );
    const kept = held.length >= PULSE_MIN_GROUP ? held : [];
    const perTeam = new Map<string, number>();
    for (const a of kept) if (a.teamId) perTeam.set(a.teamId, (perTeam.get(a.teamId) ?? 0) + 1);
    await q.insertAnswers(
      tx,
      shuffle(kept).map((a) => ({
        organisationId,
        roundId,
        teamId: a.teamId && (perTeam.get(a.teamId) ?? 0) >= PULSE_MIN_GROUP ? a.teamId : null,
        scores: a.scores,
        comment: a.comment,
      })),
    );
    await q.deleteHeld(tx, organisationId, roundId);
    await q.rewriteParticipation(tx, organisationId, roundId);
    await q.markClosed(tx, organisationId, roundId, kept.length);
    await recordAudit(tx, ctx, {
      entityType: 'pulse_round',
      entityId: roundId,
      action: 'closed',
      after: { respondents: kept.length },
    });
    return true;
  });
  // VACUUM cannot run in a transaction (a caller's own, like the demo seed, says so with vacuum: false).
  if (closed && options.vacuum) await q.vacuumHeld(db).catch(() => undefined);
  return closed;
}

export async function closeRoundByHand(db: Db, ctx: Ctx, roundId: string) {
  authorize(ctx.actor, pulsePolicy.manage);
  await closeRound(db, ctx, roundId);
  return presentRound((await q.roundById(db, ctx.actor.organisationId, roundId))!);
}

/** The results of the last rounds: every group at or above the minimum, with complementary suppression. */
export async function results(db: Db, ctx: Ctx): Promise<PulseRoundResult[]> {
  authorize(ctx.actor, pulsePolicy.read);
  return resultsOf(db, ctx.actor.organisationId);
}

export async function resultsOf(db: Db, organisationId: string): Promise<PulseRoundResult[]> {
  const list = await q.rounds(db, organisationId);
  const closed = list.filter((r) => r.closedAt);
  const [answers, teams] = await Promise.all([
    q.answersOf(
      db,
      organisationId,
      closed.map((r) => r.id),
    ),
    q.teamsOf(db, organisationId),
  ]);
  return list.map((r) => {
    const round = presentRound(r);
    const statements = round.questions.statements.length;
    const mine = answers
      .filter((a) => a.roundId === r.id)
      .map((a): Answer => ({ teamId: a.teamId, scores: a.scores as number[], comment: a.comment }));
    const counts = new Map<string, number>();
    for (const a of mine) if (a.teamId) counts.set(a.teamId, (counts.get(a.teamId) ?? 0) + 1);
    const shown = shownTeams(counts, mine.length);
    const organisation: PulseGroupResult | null =
      r.closedAt && mine.length >= PULSE_MIN_GROUP ? groupResult(mine, statements) : null;
    return {
      round,
      organisation,
      teams: teams.map((t) => ({
        teamId: t.id,
        name: t.name,
        result: shown.has(t.id)
          ? groupResult(
              mine.filter((a) => a.teamId === t.id),
              statements,
            )
          : null,
      })),
      comments: organisation
        ? mine
            .map((a) => a.comment)
            .filter(Boolean)
            .sort((a, b) => a.localeCompare(b, 'nl'))
        : [],
    };
  });
}

/** A team's latest shown result (for the team page), or null. */
export async function teamPulse(db: Db, organisationId: string, teamId: string) {
  for (const r of await resultsOf(db, organisationId)) {
    const result = r.teams.find((t) => t.teamId === teamId)?.result;
    if (result) return { round: r.round, result };
  }
  return null;
}

/** The closing task: open rounds whose last day has passed. */
export async function closeDueRounds(db: Db, now = new Date()) {
  let closed = 0;
  for (const r of await q.roundsToClose(db, localDate(now))) {
    if (await closeRound(db, systemCtx(r.organisationId, 'Voordeur (puls)'), r.id)) closed++;
  }
  return { closed };
}
