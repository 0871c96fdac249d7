import type { Db } from '@voordeur/db';
import {
  type Channel,
  type FieldError,
  type LocalText,
  type MetricFilter,
  MYSTERY_STANDARD_POINTS,
  type MysteryAnswer,
  type MysterySummaryRow,
} from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { localDate } from '../calendar/index.ts';
import { shownName, kpiValues as waitingKpis } from '../waiting/index.ts';
import { mysteryPolicy } from './mystery.policy.ts';
import * as q from './mystery.queries.ts';

/** At most this many points of its own per channel: a checklist one can fill in during a test call. */
const MAX_POINTS = 12;
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : null);

export async function checklist(db: Db, ctx: Ctx) {
  authorize(ctx.actor, mysteryPolicy.read);
  return q.activePoints(db, ctx.actor.organisationId);
}

export async function addPoint(db: Db, ctx: Ctx, input: { channel: Channel; label: LocalText }) {
  authorize(ctx.actor, mysteryPolicy.record);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    if ((await q.activePoints(tx, organisationId, input.channel)).length >= MAX_POINTS)
      throw errors.validation([
        { field: 'channel', message: `At most ${MAX_POINTS} points of its own per channel` },
      ]);
    const point = await q.insertPoint(tx, { organisationId, channel: input.channel, label: input.label });
    await recordAudit(tx, ctx, {
      entityType: 'mystery_point',
      entityId: point.id,
      action: 'created',
      after: input,
    });
    return point;
  });
}

export async function retirePoint(db: Db, ctx: Ctx, id: string) {
  authorize(ctx.actor, mysteryPolicy.record);
  await db.transaction(async (tx) => {
    const point = await q.retirePoint(tx, ctx.actor.organisationId, id);
    if (!point) throw errors.notFound('checklist point');
    await recordAudit(tx, ctx, { entityType: 'mystery_point', entityId: id, action: 'retired' });
  });
}

/**
 * Records one test contact. Every point of the channel's checklist (the standard ones and the organisation's own)
 * must be answered, and nothing else; the day is not in the future.
 */
export async function recordCheck(
  db: Db,
  ctx: Ctx,
  input: {
    date: string;
    channel: Channel;
    itemId?: string | null | undefined;
    answers: Record<string, MysteryAnswer>;
    note: string;
  },
  now = new Date(),
) {
  authorize(ctx.actor, mysteryPolicy.record);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const problems: FieldError[] = [];
    if (input.date > localDate(now)) problems.push({ field: 'date', message: 'In the future' });
    const keys = [
      ...MYSTERY_STANDARD_POINTS,
      ...(await q.activePoints(tx, organisationId, input.channel)).map((p) => p.id),
    ];
    for (const key of keys)
      if (!input.answers[key]) problems.push({ field: `answers.${key}`, message: 'Required' });
    for (const key of Object.keys(input.answers))
      if (!keys.includes(key))
        problems.push({ field: `answers.${key}`, message: 'Not on this channel’s checklist' });
    const item = input.itemId ? await q.itemName(tx, organisationId, input.itemId) : undefined;
    if (input.itemId && !item) problems.push({ field: 'itemId', message: 'No such product or service' });
    if (problems.length) throw errors.validation(problems);
    const answers = Object.values(input.answers);
    const check = await q.insertCheck(tx, {
      organisationId,
      day: input.date,
      channel: input.channel,
      catalogueItemId: input.itemId ?? null,
      answers: input.answers,
      met: answers.filter((a) => a === 'met').length,
      notMet: answers.filter((a) => a === 'not_met').length,
      note: input.note,
      recordedBy: shownName(ctx.actor.label),
    });
    await recordAudit(tx, ctx, {
      entityType: 'mystery_check',
      entityId: check.id,
      action: 'created',
      after: {
        date: input.date,
        channel: input.channel,
        itemId: input.itemId ?? null,
        answers: input.answers,
      },
    });
    return { check, itemName: item?.name ?? null };
  });
}

/** The period's checks (newest 200) and, per channel, their score next to the measured KPIs of that period. */
export async function results(db: Db, ctx: Ctx, filter: q.CheckFilter) {
  authorize(ctx.actor, mysteryPolicy.read);
  const organisationId = ctx.actor.organisationId;
  const [checks, scores, measured, waiting] = await Promise.all([
    q.listChecks(db, organisationId, filter, 200),
    q.scoresPerChannel(db, organisationId, filter),
    q.measuredPerChannel(db, organisationId, filter),
    filter.itemId
      ? Promise.resolve([])
      : waitingKpis(db, organisationId, { from: filter.from, to: filter.to }),
  ]);
  const measuredOf = new Map(measured.map((m) => [m.channel, m]));
  const waitingOf = new Map(waiting.map((w) => [w.code, w.value]));
  const summary: MysterySummaryRow[] = scores.map((s) => {
    const m = measuredOf.get(s.channel);
    return {
      channel: s.channel as Channel,
      checks: s.checks,
      score: percent(s.met, s.met + s.notMet),
      inTargetScore: percent(s.inTargetMet, s.inTargetApplicable),
      fcr: m ? percent(m.answered, m.contacts) : null,
      contacts: m?.contacts ?? 0,
      gradeMean: m?.responses ? Math.round((10 * m.gradeSum) / m.responses) / 10 : null,
      responses: m?.responses ?? 0,
      phoneAnsweredInTarget:
        s.channel === 'phone' ? (waitingOf.get('phone_answered_in_target') ?? null) : null,
      deskWaitMean: s.channel === 'desk' ? (waitingOf.get('desk_wait_mean') ?? null) : null,
    };
  });
  return { checks, summary };
}

/**
 * `mystery_score` for the metrics module: % of the applicable checklist points met over the period's checks
 * (channel and item filters apply; test contacts know no team, agent, area or segment: no value then).
 */
export async function kpiValues(db: Db, organisationId: string, filter: MetricFilter) {
  if (filter.teamId || filter.agentId || filter.area || filter.segment)
    return [{ code: 'mystery_score' as const, value: null, n: 0 }];
  const scores = await q.scoresPerChannel(db, organisationId, filter);
  const met = scores.reduce((s, r) => s + r.met, 0);
  const notMet = scores.reduce((s, r) => s + r.notMet, 0);
  return [
    {
      code: 'mystery_score' as const,
      value: percent(met, met + notMet),
      n: scores.reduce((s, r) => s + r.checks, 0),
    },
  ];
}
