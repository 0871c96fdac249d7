import type { Db } from '@voordeur/db';
import {
  type FieldError,
  type IdeaComparisonGroup,
  type IdeaDecision,
  type IdeaGroup,
  type IdeaStage,
  KPI_CODES,
  type KpiCode,
  type KpiComparison,
} from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { AppError, errors } from '../../plugins/errors.ts';
import { compareKpi } from '../analysis/index.ts';
import { localDate } from '../calendar/index.ts';
import { createImprovement } from '../improvements/index.ts';
import { kpiValues } from '../metrics/index.ts';
import { ideasPolicy } from './ideas.policy.ts';
import * as q from './ideas.queries.ts';

/** The name kept with a stage move or a moderation: the actor's label without its email address. */
const shownName = (label: string) => label.replace(/\s*<[^>]*>$/, '');

/** The forward order; `stopped` is reached from any open stage, and neither it nor `rollout` moves on. */
const ORDER: Record<IdeaStage, number> = { idea: 0, experiment: 1, pilot: 2, rollout: 3, stopped: -1 };
export const OPEN_STAGES: readonly IdeaStage[] = ['idea', 'experiment', 'pilot'];
/** An experiment runs at most this long (and its comparison period too). */
const MAX_EXPERIMENT_DAYS = 366;

export function ideaAbilities(ctx: Ctx) {
  return { manage: ideasPolicy.manage(ctx.actor), moderate: ideasPolicy.moderate(ctx.actor) };
}

export async function listIdeas(db: Db, ctx: Ctx) {
  authorize(ctx.actor, ideasPolicy.read);
  return q.listIdeas(db, ctx.actor.organisationId);
}

/** The idea with its stage moves and comments (approved ones only for who may not moderate). */
export async function getIdea(db: Db, ctx: Ctx, id: string) {
  authorize(ctx.actor, ideasPolicy.read);
  const organisationId = ctx.actor.organisationId;
  const found = await q.findIdea(db, organisationId, id);
  if (!found) throw errors.notFound('idea');
  const [moves, comments] = await Promise.all([
    q.movesOf(db, organisationId, id),
    q.commentsOf(db, organisationId, id, !ideasPolicy.moderate(ctx.actor)),
  ]);
  return { ...found, moves, comments };
}

async function checkOwner(db: Db, organisationId: string, ownerId: string, field = 'ownerId') {
  if (!(await q.activeUser(db, organisationId, ownerId)))
    throw errors.validation([{ field, message: 'Not an active user of this organisation' }]);
}

export async function createIdea(
  db: Db,
  ctx: Ctx,
  input: { title: string; description: string; ownerId: string; proposedByKind: 'staff' | 'resident' },
) {
  authorize(ctx.actor, ideasPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    await checkOwner(tx, organisationId, input.ownerId);
    const row = await q.insertIdea(tx, {
      organisationId,
      title: input.title,
      description: input.description,
      ownerId: input.ownerId,
      proposedByKind: input.proposedByKind,
      proposedBy: input.proposedByKind === 'staff' ? ctx.actor.userId : null,
      createdBy: ctx.actor.userId ?? input.ownerId,
    });
    await q.insertMove(tx, {
      organisationId,
      ideaId: row.id,
      fromStage: null,
      toStage: 'idea',
      note: '',
      movedBy: shownName(ctx.actor.label),
    });
    await recordAudit(tx, ctx, {
      entityType: 'idea',
      entityId: row.id,
      action: 'created',
      after: { title: input.title, ownerId: input.ownerId, proposedByKind: input.proposedByKind },
    });
    return row;
  });
}

async function lockedIdea(tx: Db, organisationId: string, id: string, version: number) {
  const row = await q.lockIdea(tx, organisationId, id);
  if (!row) throw errors.notFound('idea');
  if (row.version !== version) throw errors.versionConflict();
  return row;
}

async function save(tx: Db, row: q.IdeaRow, values: Partial<q.IdeaRow>) {
  const updated = await q.updateIdea(tx, row.organisationId, row.id, row.version, values);
  if (!updated) throw errors.versionConflict();
  return updated;
}

export async function updateIdea(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { title?: string; description?: string; ownerId?: string; published?: boolean; version: number },
) {
  authorize(ctx.actor, ideasPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  await db.transaction(async (tx) => {
    const row = await lockedIdea(tx, organisationId, id, input.version);
    if (input.ownerId && input.ownerId !== row.ownerId) await checkOwner(tx, organisationId, input.ownerId);
    const { version: _, ...changes } = input;
    const before = {
      title: row.title,
      description: row.description,
      ownerId: row.ownerId,
      published: row.published,
    };
    await save(tx, row, changes);
    await recordAudit(tx, ctx, {
      entityType: 'idea',
      entityId: id,
      action: input.published === true && !row.published ? 'published' : 'updated',
      before,
      after: { ...before, ...changes },
    });
  });
}

/**
 * The stage rules: forward one stage at a time (idea → experiment → pilot → rollout: nothing is rolled out that
 * was not tried); back to an earlier open stage only with a note saying why; stopped from any open stage only
 * with the reason; a rolled-out or stopped idea does not move. Returns the field errors (none when allowed).
 */
export function stageMoveProblems(from: IdeaStage, to: IdeaStage, note: string): FieldError[] {
  if (!OPEN_STAGES.includes(from))
    return [
      { field: 'stage', message: `A ${from === 'stopped' ? 'stopped' : 'rolled-out'} idea does not move` },
    ];
  if (to === from) return [{ field: 'stage', message: 'Already in this stage' }];
  if (to === 'stopped') return note ? [] : [{ field: 'note', message: 'Give the reason to stop the idea' }];
  if (ORDER[to] > ORDER[from] + 1)
    return [{ field: 'stage', message: 'One stage at a time: an idea is tried before it is rolled out' }];
  if (ORDER[to] < ORDER[from] && !note)
    return [{ field: 'note', message: 'Say why the idea goes back a stage' }];
  return [];
}

export async function moveStage(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { stage: IdeaStage; note: string; improvement?: { ownerId: string } | undefined; version: number },
) {
  authorize(ctx.actor, ideasPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const row = await lockedIdea(tx, organisationId, id, input.version);
    const from = row.stage as IdeaStage;
    const problems = stageMoveProblems(from, input.stage, input.note);
    if (input.improvement && input.stage !== 'rollout')
      problems.push({ field: 'improvement', message: 'An improvement is created at roll-out only' });
    if (problems.length) throw errors.validation(problems);
    if (input.improvement)
      await checkOwner(tx, organisationId, input.improvement.ownerId, 'improvement.ownerId');
    // At roll-out, an improvement (origin `idea`) so that it can reach "Wat we hebben verbeterd" once done.
    const improvementId = input.improvement
      ? (
          await createImprovement(tx, ctx, {
            title: row.title.slice(0, 200),
            problem: row.description.slice(0, 5000),
            expectedEffect: (row.hypothesis ?? '').slice(0, 5000),
            ownerId: input.improvement.ownerId,
            origin: 'idea',
            originId: row.id,
            ...(row.kpiCode
              ? { kpis: [{ code: row.kpiCode as KpiCode, filter: (row.testGroup ?? {}) as IdeaGroup }] }
              : {}),
          })
        ).id
      : null;
    await save(tx, row, {
      stage: input.stage,
      stopReason: input.stage === 'stopped' ? input.note : null,
      // Stopped and rolled-out ideas take no more comments; a stopped one leaves the public pages.
      published: input.stage === 'stopped' ? false : row.published,
      ...(improvementId ? { improvementId } : {}),
    });
    await q.insertMove(tx, {
      organisationId,
      ideaId: id,
      fromStage: from,
      toStage: input.stage,
      note: input.note,
      movedBy: shownName(ctx.actor.label),
    });
    await recordAudit(tx, ctx, {
      entityType: 'idea',
      entityId: id,
      action: 'idea_stage_changed',
      before: { stage: from },
      after: { stage: input.stage, note: input.note, improvementId },
    });
    return { improvementId };
  });
}

const groupKeys = ['channel', 'teamId', 'itemId', 'area'] as const;
const sameGroup = (a: IdeaGroup, b: IdeaGroup) => groupKeys.every((k) => (a[k] ?? '') === (b[k] ?? ''));
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

/** Sets (or changes) the experiment's design; a changed design forgets an earlier result. */
export async function setExperiment(
  db: Db,
  ctx: Ctx,
  id: string,
  input: {
    hypothesis: string;
    kpi: string;
    from: string;
    to: string;
    testGroup: IdeaGroup;
    comparisonGroup: IdeaComparisonGroup;
    decisionRule: string;
    version: number;
  },
) {
  authorize(ctx.actor, ideasPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  const problems: FieldError[] = [];
  if (!(KPI_CODES as readonly string[]).includes(input.kpi))
    problems.push({ field: 'kpi', message: 'Not a KPI of the catalogue' });
  if (input.from > input.to) problems.push({ field: 'from', message: 'After the end' });
  else if (days(input.from, input.to) > MAX_EXPERIMENT_DAYS)
    problems.push({ field: 'to', message: `At most ${MAX_EXPERIMENT_DAYS} days` });
  const c = input.comparisonGroup;
  if (!c.from !== !c.to)
    problems.push({
      field: c.from ? 'comparisonGroup.to' : 'comparisonGroup.from',
      message: 'Required with the other date',
    });
  else if (c.from && c.to) {
    if (c.from > c.to) problems.push({ field: 'comparisonGroup.from', message: 'After the end' });
    else if (days(c.from, c.to) > MAX_EXPERIMENT_DAYS)
      problems.push({ field: 'comparisonGroup.to', message: `At most ${MAX_EXPERIMENT_DAYS} days` });
  }
  const samePeriod = (!c.from || c.from === input.from) && (!c.to || c.to === input.to);
  if (samePeriod && sameGroup(input.testGroup, c))
    problems.push({
      field: 'comparisonGroup',
      message: 'The comparison group is the test group: choose another group or another period',
    });
  if (problems.length) throw errors.validation(problems);
  await db.transaction(async (tx) => {
    const row = await lockedIdea(tx, organisationId, id, input.version);
    if (!OPEN_STAGES.includes(row.stage as IdeaStage))
      throw errors.validation([{ field: 'stage', message: 'The idea is no longer open' }]);
    const design = {
      hypothesis: input.hypothesis,
      kpiCode: input.kpi,
      experimentFrom: input.from,
      experimentTo: input.to,
      testGroup: input.testGroup,
      comparisonGroup: input.comparisonGroup,
      decisionRule: input.decisionRule,
    };
    await save(tx, row, {
      ...design,
      result: null,
      resultAt: null,
      decision: null,
      decisionNote: null,
      decidedAt: null,
    });
    await recordAudit(tx, ctx, {
      entityType: 'idea',
      entityId: id,
      action: 'idea_experiment_set',
      after: design,
    });
  });
}

/** The two filters the experiment compares: the test group over the duration, the comparison group. */
export function experimentFilters(row: q.IdeaRow) {
  if (!row.kpiCode || !row.experimentFrom || !row.experimentTo) return null;
  const test = (row.testGroup ?? {}) as IdeaGroup;
  const { from, to, ...group } = (row.comparisonGroup ?? {}) as IdeaComparisonGroup;
  return {
    code: row.kpiCode as KpiCode,
    test: { ...test, from: row.experimentFrom, to: row.experimentTo },
    comparison: { ...group, from: from ?? row.experimentFrom, to: to ?? row.experimentTo },
  };
}

/**
 * Measures the experiment from the KPIs: the comparison group (a) against the test group (b) over the duration,
 * with analysis' compareKpi (difference, test, significance, explanation). Refuses an experiment not yet designed
 * or not yet started, and a group whose period holds no data for the KPI (naming the group).
 */
export async function measure(db: Db, ctx: Ctx, id: string, version: number, now = new Date()) {
  authorize(ctx.actor, ideasPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  const row = await q.lockIdea(db, organisationId, id);
  if (!row) throw errors.notFound('idea');
  if (row.version !== version) throw errors.versionConflict();
  if (!OPEN_STAGES.includes(row.stage as IdeaStage))
    throw errors.validation([{ field: 'stage', message: 'The idea is no longer open' }]);
  const filters = experimentFilters(row);
  if (!filters) throw errors.validation([{ field: 'experiment', message: 'Design the experiment first' }]);
  if (filters.test.from > localDate(now))
    throw errors.validation([{ field: 'from', message: 'The experiment has not started yet' }]);
  let result: KpiComparison;
  try {
    result = await compareKpi(db, organisationId, filters.code, filters.comparison, filters.test);
  } catch (e) {
    if (!(e instanceof AppError) || e.status !== 400) throw e;
    // Which group was empty: the test group is checked again (cheap, only when refused).
    const [test] = await kpiValues(db, organisationId, filters.test, [filters.code]);
    const field = !test || test.value === null || test.n === 0 ? 'testGroup' : 'comparisonGroup';
    throw errors.validation(
      [{ field, message: 'There is no data for this KPI in this group and period' }],
      'An effect cannot be measured on an empty period: choose another period or group.',
    );
  }
  await db.transaction(async (tx) => {
    const locked = await lockedIdea(tx, organisationId, id, version);
    await save(tx, locked, { result, resultAt: now });
    await recordAudit(tx, ctx, {
      entityType: 'idea',
      entityId: id,
      action: 'idea_result_measured',
      after: { difference: result.difference, pValue: result.pValue, significant: result.significant },
    });
  });
}

/** Records the decision on the measured experiment: roll out, or stop (which stops the idea with the note). */
export async function decide(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { decision: IdeaDecision; note: string; version: number },
  now = new Date(),
) {
  authorize(ctx.actor, ideasPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  await db.transaction(async (tx) => {
    const row = await lockedIdea(tx, organisationId, id, input.version);
    const from = row.stage as IdeaStage;
    if (!OPEN_STAGES.includes(from))
      throw errors.validation([{ field: 'decision', message: 'The idea is no longer open' }]);
    if (!row.result) throw errors.validation([{ field: 'decision', message: 'Measure the result first' }]);
    const stop = input.decision === 'stop';
    await save(tx, row, {
      decision: input.decision,
      decisionNote: input.note,
      decidedAt: now,
      ...(stop ? { stage: 'stopped', stopReason: input.note, published: false } : {}),
    });
    if (stop)
      await q.insertMove(tx, {
        organisationId,
        ideaId: id,
        fromStage: from,
        toStage: 'stopped',
        note: input.note,
        movedBy: shownName(ctx.actor.label),
      });
    await recordAudit(tx, ctx, {
      entityType: 'idea',
      entityId: id,
      action: 'idea_decided',
      after: { decision: input.decision, note: input.note },
    });
  });
}

export async function moderate(
  db: Db,
  ctx: Ctx,
  ideaId: string,
  commentId: string,
  input: { approve: boolean; reason: string },
) {
  authorize(ctx.actor, ideasPolicy.moderate);
  const organisationId = ctx.actor.organisationId;
  if (!input.approve && !input.reason)
    throw errors.validation([{ field: 'reason', message: 'Give the reason to reject the comment' }]);
  await db.transaction(async (tx) => {
    const found = await q.findComment(tx, organisationId, ideaId, commentId);
    if (!found) throw errors.notFound('comment');
    const done = await q.moderateComment(tx, organisationId, ideaId, commentId, {
      status: input.approve ? 'approved' : 'rejected',
      rejectReason: input.approve ? null : input.reason,
      moderatedBy: shownName(ctx.actor.label),
    });
    if (!done) throw errors.validation([{ field: 'approve', message: 'Already moderated' }]);
    await recordAudit(tx, ctx, {
      entityType: 'idea_comment',
      entityId: commentId,
      action: input.approve ? 'idea_comment_approved' : 'idea_comment_rejected',
      after: { ideaId, reason: input.approve ? null : input.reason },
    });
  });
}
