import { type Db, readAll } from '@voordeur/db';
import {
  type ActionStatus,
  type FieldError,
  KPI_CATALOGUE,
  type KpiCode,
  type MetricFilter,
  type Objective,
  type ObjectivesStatus,
  type StrategyReview,
  type TargetFilter,
  type TargetStatus,
  type VisionWrite,
} from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { localDate } from '../calendar/index.ts';
import { createImprovement } from '../improvements/index.ts';
import { kpiValues } from '../metrics/index.ts';
import { strategyErrors } from './strategy.errors.ts';
import { lastCompleteMonth, reviewPeriod } from './strategy.periods.ts';
import { strategyPolicy } from './strategy.policy.ts';
import { presentAction, presentTarget, presentVision } from './strategy.presenter.ts';
import * as q from './strategy.queries.ts';

// ---- vision ----

export async function vision(db: Db, ctx: Ctx, now = new Date()) {
  authorize(ctx.actor, strategyPolicy.read);
  const today = localDate(now);
  const rows = await q.visions(db, ctx.actor.organisationId);
  return {
    current: rows[0] ? presentVision(rows[0], true, today) : null,
    earlier: rows.slice(1).map((v) => presentVision(v, false, today)),
  };
}

/** Adopts a new version of the vision, mission and values; the earlier versions stay readable. */
export async function adoptVision(db: Db, ctx: Ctx, input: VisionWrite, now = new Date()) {
  authorize(ctx.actor, strategyPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  const row = await db.transaction(async (tx) => {
    const created = await q.insertVision(tx, {
      organisationId,
      vision: input.vision,
      mission: input.mission,
      values: input.values.map((v) => ({ name: v.name, description: v.description ?? '' })),
      stakeholders: input.stakeholders,
      adoptedOn: input.adoptedOn,
      nextReviewOn: input.nextReviewOn,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      entityType: 'strategy_vision',
      entityId: created.id,
      action: 'created',
      after: { version: created.version, adoptedOn: input.adoptedOn, nextReviewOn: input.nextReviewOn },
    });
    return created;
  });
  return presentVision(row, true, localDate(now));
}

// ---- objectives ----

async function objectivesOf(
  db: Db,
  organisationId: string,
  today: string,
  only?: string,
): Promise<Objective[]> {
  const rows = (await q.objectives(db, organisationId)).filter((r) => !only || r.objective.id === only);
  const ids = rows.map((r) => r.objective.id);
  const [targets, actions] = await readAll(
    db,
    () => q.targets(db, organisationId, ids),
    () => q.actions(db, organisationId, ids),
  );
  return rows.map(({ objective: o, ownerName, teamName }) => ({
    id: o.id,
    title: o.title,
    description: o.description,
    ownerId: o.ownerId,
    ownerName,
    teamId: o.teamId,
    teamName,
    parentId: o.parentId,
    periodFrom: o.periodFrom,
    periodTo: o.periodTo,
    targets: targets.filter((t) => t.objectiveId === o.id).map(presentTarget),
    actions: actions.filter((a) => a.action.objectiveId === o.id).map((a) => presentAction(a, today)),
    version: o.version,
  }));
}

export async function listObjectives(db: Db, ctx: Ctx, now = new Date()) {
  authorize(ctx.actor, strategyPolicy.read);
  return objectivesOf(db, ctx.actor.organisationId, localDate(now));
}

export async function getObjective(db: Db, ctx: Ctx, id: string, now = new Date()) {
  authorize(ctx.actor, strategyPolicy.read);
  const [found] = await objectivesOf(db, ctx.actor.organisationId, localDate(now), id);
  if (!found) throw errors.notFound('objective');
  return found;
}

/** The owner, team and parent must be the organisation's; the parent chain may not lead back to `id`. */
async function checkLinks(
  db: Db,
  organisationId: string,
  input: {
    ownerId?: string | undefined;
    teamId?: string | null | undefined;
    parentId?: string | null | undefined;
  },
  id?: string,
) {
  const problems: FieldError[] = [];
  if (input.ownerId && !(await q.activeUser(db, organisationId, input.ownerId)))
    problems.push({ field: 'ownerId', message: 'Not an active user of this organisation.' });
  if (input.teamId && !(await q.teamExists(db, organisationId, input.teamId)))
    problems.push({ field: 'teamId', message: 'No such team.' });
  if (input.parentId) {
    const parents = new Map((await q.parentLinks(db, organisationId)).map((l) => [l.id, l.parentId]));
    if (!parents.has(input.parentId)) problems.push({ field: 'parentId', message: 'No such objective.' });
    else if (id) {
      // Walk up from the new parent: meeting this objective means the link would close a circle.
      const seen = new Set<string>();
      for (let at: string | null | undefined = input.parentId; at; at = parents.get(at)) {
        if (at === id || seen.has(at)) {
          problems.push({
            field: 'parentId',
            message: 'This would make a circle: the objective would come under itself.',
          });
          break;
        }
        seen.add(at);
      }
    }
  }
  if (problems.length) throw strategyErrors.refused(problems);
}

export async function createObjective(
  db: Db,
  ctx: Ctx,
  input: {
    title: string;
    description: string;
    ownerId: string;
    teamId: string | null;
    parentId: string | null;
    periodFrom: string;
    periodTo: string;
  },
  now = new Date(),
) {
  authorize(ctx.actor, strategyPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  const id = await db.transaction(async (tx) => {
    await checkLinks(tx, organisationId, input);
    const created = await q.insertObjective(tx, { organisationId, ...input });
    await recordAudit(tx, ctx, {
      entityType: 'objective',
      entityId: created.id,
      action: 'created',
      after: input,
    });
    return created.id;
  });
  return getObjective(db, ctx, id, now);
}

export async function updateObjective(
  db: Db,
  ctx: Ctx,
  id: string,
  input: {
    title?: string | undefined;
    description?: string | undefined;
    ownerId?: string | undefined;
    teamId?: string | null | undefined;
    parentId?: string | null | undefined;
    periodFrom?: string | undefined;
    periodTo?: string | undefined;
    version: number;
  },
  now = new Date(),
) {
  authorize(ctx.actor, strategyPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  await db.transaction(async (tx) => {
    const before = await q.findObjective(tx, organisationId, id);
    if (!before) throw errors.notFound('objective');
    const { version, ...values } = input;
    const changes = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    if ((changes.periodFrom ?? before.periodFrom) > (changes.periodTo ?? before.periodTo))
      throw errors.validation([{ field: 'periodTo', message: 'Before the start' }]);
    await checkLinks(tx, organisationId, input, id);
    const after = await q.updateObjective(tx, organisationId, id, version, changes);
    if (!after) throw errors.versionConflict();
    await recordAudit(tx, ctx, { entityType: 'objective', entityId: id, action: 'updated', before, after });
  });
  return getObjective(db, ctx, id, now);
}

/** Deletes an objective with its targets, actions and explanations; objectives under it are refused first. */
export async function deleteObjective(db: Db, ctx: Ctx, id: string) {
  authorize(ctx.actor, strategyPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  await db.transaction(async (tx) => {
    const before = await q.findObjective(tx, organisationId, id);
    if (!before) throw errors.notFound('objective');
    if (await q.hasChildren(tx, organisationId, id))
      throw strategyErrors.refused([
        { field: 'id', message: 'Other objectives come under this one: move or delete them first.' },
      ]);
    await q.deleteObjective(tx, organisationId, id);
    await recordAudit(tx, ctx, { entityType: 'objective', entityId: id, action: 'deleted', before });
  });
}

// ---- targets ----

export async function addTarget(
  db: Db,
  ctx: Ctx,
  objectiveId: string,
  input: { kpiCode: KpiCode; target: number; filter: TargetFilter },
) {
  authorize(ctx.actor, strategyPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  const entry = KPI_CATALOGUE[input.kpiCode];
  return db.transaction(async (tx) => {
    if (!(await q.findObjective(tx, organisationId, objectiveId))) throw errors.notFound('objective');
    const problems: FieldError[] = [];
    if (entry.direction === 'none')
      problems.push({
        field: 'kpiCode',
        message: 'This KPI is a volume: it has no better or worse, so no target.',
      });
    if (entry.unit === 'percent' && input.target > 100)
      problems.push({ field: 'target', message: 'A percentage is at most 100.' });
    if (entry.unit === 'grade' && (input.target < 1 || input.target > 10))
      problems.push({ field: 'target', message: 'A grade is from 1 to 10.' });
    if (entry.unit === 'score' && input.kpiCode === 'effort_mean' && (input.target < 1 || input.target > 5))
      problems.push({ field: 'target', message: 'An effort score is from 1 to 5.' });
    if (input.filter.teamId && !(await q.teamExists(tx, organisationId, input.filter.teamId)))
      problems.push({ field: 'filter.teamId', message: 'No such team.' });
    if (problems.length) throw strategyErrors.refused(problems);
    const filter = Object.fromEntries(
      Object.entries(input.filter).filter(([, v]) => v !== undefined && v !== ''),
    );
    const created = await q.insertTarget(tx, {
      organisationId,
      objectiveId,
      kpiCode: input.kpiCode,
      target: input.target,
      filter,
    });
    await recordAudit(tx, ctx, {
      entityType: 'objective_target',
      entityId: created.id,
      action: 'created',
      after: { objectiveId, kpiCode: input.kpiCode, target: input.target, filter },
    });
    return presentTarget(created);
  });
}

export async function removeTarget(db: Db, ctx: Ctx, objectiveId: string, id: string) {
  authorize(ctx.actor, strategyPolicy.manage);
  await db.transaction(async (tx) => {
    const removed = await q.deleteTarget(tx, ctx.actor.organisationId, objectiveId, id);
    if (!removed) throw errors.notFound('target');
    await recordAudit(tx, ctx, {
      entityType: 'objective_target',
      entityId: id,
      action: 'deleted',
      before: removed,
    });
  });
}

// ---- actions ----

export async function addAction(
  db: Db,
  ctx: Ctx,
  objectiveId: string,
  input: { title: string; ownerId: string; dueOn: string },
  now = new Date(),
) {
  authorize(ctx.actor, strategyPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  const id = await db.transaction(async (tx) => {
    if (!(await q.findObjective(tx, organisationId, objectiveId))) throw errors.notFound('objective');
    await checkLinks(tx, organisationId, { ownerId: input.ownerId });
    const created = await q.insertAction(tx, { organisationId, objectiveId, ...input });
    await recordAudit(tx, ctx, {
      entityType: 'objective_action',
      entityId: created.id,
      action: 'created',
      after: { objectiveId, ...input },
    });
    return created.id;
  });
  return actionById(db, organisationId, id, now);
}

async function actionById(db: Db, organisationId: string, id: string, now: Date) {
  const action = await q.findAction(db, organisationId, id);
  if (!action) throw errors.notFound('action');
  const [row] = (await q.actions(db, organisationId, [action.objectiveId])).filter((a) => a.action.id === id);
  return presentAction(row!, localDate(now));
}

export async function updateAction(
  db: Db,
  ctx: Ctx,
  id: string,
  input: {
    title?: string | undefined;
    ownerId?: string | undefined;
    dueOn?: string | undefined;
    status?: ActionStatus | undefined;
    version: number;
  },
  now = new Date(),
) {
  authorize(ctx.actor, strategyPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  await db.transaction(async (tx) => {
    const before = await q.findAction(tx, organisationId, id);
    if (!before) throw errors.notFound('action');
    await checkLinks(tx, organisationId, { ownerId: input.ownerId });
    const { version, ...values } = input;
    const changes = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    const after = await q.updateAction(tx, organisationId, id, version, changes);
    if (!after) throw errors.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'objective_action',
      entityId: id,
      action: input.status && input.status !== before.status ? 'status_changed' : 'updated',
      before,
      after,
    });
  });
  return actionById(db, organisationId, id, now);
}

// ---- the periodic review ----

const statusOf = (code: KpiCode, target: number, value: number | null): TargetStatus => {
  if (value === null) return 'unknown';
  const direction = KPI_CATALOGUE[code].direction;
  if (direction === 'higher') return value >= target ? 'met' : 'missed';
  if (direction === 'lower') return value <= target ? 'met' : 'missed';
  return 'unknown';
};

/**
 * Every target of the objectives that run in the period, with its actual value over the period (the metrics
 * module's `kpiValues`: one definition per KPI) and met, missed or unknown. A period not over yet is measured up to
 * today (`partial`); one that has not begun is refused.
 */
async function measure(db: Db, organisationId: string, period: string, now: Date) {
  const today = localDate(now);
  const p = reviewPeriod(period);
  if (p.from > today)
    throw strategyErrors.refused([{ field: 'period', message: 'This period has not begun.' }]);
  const to = p.to > today ? today : p.to;
  const rows = (await q.objectives(db, organisationId)).filter(
    (r) => r.objective.periodFrom <= p.to && r.objective.periodTo >= p.from,
  );
  const targets = await q.targets(
    db,
    organisationId,
    rows.map((r) => r.objective.id),
  );
  // One kpiValues call per distinct filter, for the codes measured under it.
  const groups = new Map<string, { filter: MetricFilter; codes: Set<KpiCode> }>();
  for (const t of targets) {
    const filter = t.filter as TargetFilter;
    const key = JSON.stringify([filter.teamId, filter.itemId, filter.channel, filter.area]);
    const group = groups.get(key) ?? { filter: { from: p.from, to, ...filter }, codes: new Set<KpiCode>() };
    group.codes.add(t.kpiCode as KpiCode);
    groups.set(key, group);
  }
  const values = new Map<string, { value: number | null; n: number }>();
  for (const [key, group] of groups)
    for (const v of await kpiValues(db, organisationId, group.filter, [...group.codes], now))
      values.set(`${key}|${v.code}`, { value: v.value, n: v.n });
  const measured = targets.map((t) => {
    const filter = t.filter as TargetFilter;
    const key = JSON.stringify([filter.teamId, filter.itemId, filter.channel, filter.area]);
    const v = values.get(`${key}|${t.kpiCode}`) ?? { value: null, n: 0 };
    return { row: t, ...v, status: statusOf(t.kpiCode as KpiCode, t.target, v.value) };
  });
  return { p, partial: p.to > today, rows, measured, today };
}

export async function review(
  db: Db,
  ctx: Ctx,
  period: string | undefined,
  now = new Date(),
): Promise<StrategyReview> {
  authorize(ctx.actor, strategyPolicy.read);
  const organisationId = ctx.actor.organisationId;
  const { p, partial, rows, measured, today } = await measure(
    db,
    organisationId,
    period ?? lastCompleteMonth(localDate(now)),
    now,
  );
  const explained = new Map((await q.explanations(db, organisationId, p.period)).map((e) => [e.targetId, e]));
  const led = await explainableTeams(db, ctx);
  return {
    period: p.period,
    from: p.from,
    to: p.to,
    partial,
    previous: p.previous,
    next: reviewPeriod(p.next).from <= today ? p.next : null,
    objectives: rows.map(({ objective: o, ownerName, teamName }) => ({
      id: o.id,
      title: o.title,
      teamName,
      ownerName,
      targets: measured
        .filter((m) => m.row.objectiveId === o.id)
        .map((m) => {
          const e = explained.get(m.row.id);
          return {
            ...presentTarget(m.row),
            value: m.value,
            n: m.n,
            status: m.status,
            explanation: e
              ? {
                  text: e.text,
                  authorName: e.authorName,
                  updatedAt: e.updatedAt.toISOString(),
                  improvementId: e.improvementId,
                }
              : null,
            mayExplain: m.status === 'missed' && (led === 'all' || (!!o.teamId && led.includes(o.teamId))),
          };
        }),
    })),
  };
}

/** Which objectives' misses the actor may explain: all of them, or those of the teams they lead. */
async function explainableTeams(db: Db, ctx: Ctx): Promise<'all' | string[]> {
  if (!strategyPolicy.explain(ctx.actor)) return [];
  if (strategyPolicy.manage(ctx.actor)) return 'all';
  return ctx.actor.userId ? q.ledTeams(db, ctx.actor.organisationId, ctx.actor.userId) : [];
}

/** Explains why a target was missed in a period (only a missed one; a team lead only for their own teams). */
export async function explain(
  db: Db,
  ctx: Ctx,
  input: { targetId: string; period: string; text: string },
  now = new Date(),
) {
  authorize(ctx.actor, strategyPolicy.explain);
  const organisationId = ctx.actor.organisationId;
  const found = await q.findTarget(db, organisationId, input.targetId);
  if (!found) throw errors.notFound('target');
  const led = await explainableTeams(db, ctx);
  if (led !== 'all' && !(found.objective.teamId && led.includes(found.objective.teamId)))
    throw errors.forbidden('You explain the targets of your own teams’ objectives only.');
  const { measured } = await measure(db, organisationId, input.period, now);
  const m = measured.find((x) => x.row.id === input.targetId);
  if (m?.status !== 'missed')
    throw strategyErrors.refused([
      { field: 'targetId', message: 'This target was not missed in this period.' },
    ]);
  const authorName = await q.userName(db, organisationId, ctx.actor.userId ?? '');
  return db.transaction(async (tx) => {
    const before = await q.findExplanation(tx, organisationId, input.targetId, input.period);
    const saved = await q.upsertExplanation(tx, {
      organisationId,
      targetId: input.targetId,
      period: input.period,
      text: input.text,
      authorId: ctx.actor.userId,
      authorName: authorName || ctx.actor.label,
    });
    await recordAudit(tx, ctx, {
      entityType: 'target_explanation',
      entityId: saved.id,
      action: before ? 'updated' : 'created',
      before: before ? { text: before.text } : null,
      after: { targetId: input.targetId, period: input.period, text: input.text },
    });
    return {
      text: saved.text,
      authorName: saved.authorName,
      updatedAt: saved.updatedAt.toISOString(),
      improvementId: saved.improvementId,
    };
  });
}

/**
 * Makes an improvement of a missed target in one click (origin `strategy`, the objective as its origin): the KPI
 * it should move with the target's filter, the miss and its explanation as the problem. Once per target and period.
 */
export async function improveMiss(
  db: Db,
  ctx: Ctx,
  input: { targetId: string; period: string; ownerId: string },
  now = new Date(),
) {
  authorize(ctx.actor, strategyPolicy.improve);
  const organisationId = ctx.actor.organisationId;
  const found = await q.findTarget(db, organisationId, input.targetId);
  if (!found) throw errors.notFound('target');
  const led = await explainableTeams(db, ctx);
  if (led !== 'all' && !(found.objective.teamId && led.includes(found.objective.teamId)))
    throw errors.forbidden('You turn the misses of your own teams’ objectives into improvements only.');
  const { measured } = await measure(db, organisationId, input.period, now);
  const m = measured.find((x) => x.row.id === input.targetId);
  if (m?.status !== 'missed')
    throw strategyErrors.refused([
      { field: 'targetId', message: 'This target was not missed in this period.' },
    ]);
  const code = found.target.kpiCode as KpiCode;
  const entry = KPI_CATALOGUE[code];
  const filter = found.target.filter as TargetFilter;
  const authorName = await q.userName(db, organisationId, ctx.actor.userId ?? '');
  return db.transaction(async (tx) => {
    const before = await q.findExplanation(tx, organisationId, input.targetId, input.period);
    if (before?.improvementId)
      throw strategyErrors.refused([
        { field: 'targetId', message: 'An improvement was already made of this miss.' },
      ]);
    const unit = entry.unit === 'percent' ? '%' : '';
    const { id } = await createImprovement(tx, ctx, {
      title: `${entry.name.nl}: ${found.objective.title}`.slice(0, 200),
      problem: [
        `Doel ${entry.direction === 'lower' ? 'hoogstens' : 'minstens'} ${found.target.target}${unit}, gemeten ${m.value}${unit} in ${input.period}.`,
        before?.text ? `Uitleg: ${before.text}` : '',
      ]
        .filter(Boolean)
        .join(' '),
      expectedEffect: `${entry.name.nl} haalt weer het doel van ${found.target.target}${unit}.`,
      ownerId: input.ownerId,
      origin: 'strategy',
      originId: found.objective.id,
      ...(found.objective.teamId ? { teamId: found.objective.teamId } : {}),
      kpis: [{ code, filter }],
    });
    const linked = await q.linkImprovement(tx, {
      organisationId,
      targetId: input.targetId,
      period: input.period,
      authorId: ctx.actor.userId,
      authorName: before?.authorName ?? (authorName || ctx.actor.label),
      improvementId: id,
    });
    await recordAudit(tx, ctx, {
      entityType: 'target_explanation',
      entityId: linked.id,
      action: before ? 'updated' : 'created',
      after: { targetId: input.targetId, period: input.period, improvementId: id },
    });
    return { improvementId: id };
  });
}

// ---- for the overview and the team page ----

/** The objectives running in the last complete month, with each KPI target met, missed or unknown then. */
export async function objectivesStatus(
  db: Db,
  organisationId: string,
  now = new Date(),
): Promise<ObjectivesStatus> {
  const { p, rows, measured } = await measure(db, organisationId, lastCompleteMonth(localDate(now)), now);
  const objectives = rows.map(({ objective: o, teamName }) => {
    const targets = measured
      .filter((m) => m.row.objectiveId === o.id)
      .map((m) => ({
        id: m.row.id,
        kpiCode: m.row.kpiCode as KpiCode,
        unit: KPI_CATALOGUE[m.row.kpiCode as KpiCode].unit,
        target: m.row.target,
        value: m.value,
        status: m.status,
      }));
    const status: TargetStatus = targets.some((t) => t.status === 'missed')
      ? 'missed'
      : targets.some((t) => t.status === 'met')
        ? 'met'
        : 'unknown';
    return { id: o.id, title: o.title, teamId: o.teamId, teamName, targets, status };
  });
  return {
    period: p.period,
    from: p.from,
    to: p.to,
    objectives,
    met: objectives.filter((o) => o.status === 'met').length,
    missed: objectives.filter((o) => o.status === 'missed').length,
    unknown: objectives.filter((o) => o.status === 'unknown').length,
  };
}
