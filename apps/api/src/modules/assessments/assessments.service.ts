import type { Db } from '@voordeur/db';
import {
  ASSESSMENT_SPREAD_FLAG,
  type AssessmentConsensusRow,
  type AssessmentEvidence,
  type AssessmentModel,
  type AssessmentOverview,
  type AssessmentResults,
  assessmentModelSchema,
  type FieldError,
  KPI_CATALOGUE,
  KPI_CODES,
  type KpiCode,
} from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { createImprovement, existingImprovements } from '../improvements/index.ts';
import { kpiValues } from '../metrics/index.ts';
import { assessmentErrors } from './assessments.errors.ts';
import { elementsOf, SHIPPED_MODELS } from './assessments.models.ts';
import { lastCompleteQuarter } from './assessments.period.ts';
import { assessmentPolicy as policy } from './assessments.policy.ts';
import * as q from './assessments.queries.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: number[]) => (xs.length ? round1(xs.reduce((s, x) => s + x, 0) / xs.length) : null);

// ---- models ----

type ElementName = AssessmentModel['dimensions'][number]['elements'][number]['name'];

/** The shipped models and the organisation's own, every version. */
export async function models(db: Db, ctx: Ctx) {
  authorize(ctx.actor, policy.read);
  const own = await q.orgModels(db, ctx.actor.organisationId);
  return [
    ...SHIPPED_MODELS.map((m) => ({ model: m, shipped: true })),
    ...own.map((r) => ({ model: r.definition as AssessmentModel, shipped: false })),
  ];
}

/**
 * The name of every element of the models the organisation can use (shipped and its own), by code; where two
 * models share a code, the newer version's name wins (the shipped one's at equal versions). Improvements name the
 * element they serve by its code (the overview shows its name).
 */
export async function elementNames(db: Db, organisationId: string): Promise<Map<string, ElementName>> {
  const own = (await q.orgModels(db, organisationId)).map((r) => r.definition as AssessmentModel);
  const names = new Map<string, ElementName>();
  for (const model of [...own, ...SHIPPED_MODELS].sort((a, b) => a.version - b.version))
    for (const e of elementsOf(model)) names.set(e.code, e.name);
  return names;
}

/** The model version (the newest when none is named), shipped or the organisation's own. */
async function findModel(db: Db, organisationId: string, code: string, version?: number) {
  const own = (await q.orgModels(db, organisationId)).map((r) => r.definition as AssessmentModel);
  const candidates = [...SHIPPED_MODELS, ...own]
    .filter((m) => m.code === code && (version === undefined || m.version === version))
    .sort((a, b) => b.version - a.version);
  return candidates[0];
}

/**
 * Loads a new model version for the organisation. A version, once stored (or shipped), never changes: the same
 * code and version again is refused, so existing assessments (which keep their own copy) are never touched.
 */
export async function loadModel(db: Db, ctx: Ctx, input: AssessmentModel) {
  authorize(ctx.actor, policy.run);
  const model = assessmentModelSchema.parse(input);
  if (SHIPPED_MODELS.some((m) => m.code === model.code && m.version === model.version))
    throw assessmentErrors.modelTaken();
  return db.transaction(async (tx) => {
    const row = await q.insertModel(tx, {
      organisationId: ctx.actor.organisationId,
      code: model.code,
      version: model.version,
      definition: model,
      createdBy: ctx.actor.userId ?? ctx.actor.organisationId,
    });
    if (!row) throw assessmentErrors.modelTaken();
    await recordAudit(tx, ctx, {
      entityType: 'assessment_model',
      entityId: row.id,
      action: 'created',
      after: { code: model.code, version: model.version },
    });
    return model;
  });
}

/** Who can be invited as rater or made owner of an action: the organisation's active staff. */
export async function people(db: Db, ctx: Ctx) {
  authorize(ctx.actor, policy.run);
  return q.activeUsers(db, ctx.actor.organisationId);
}

// ---- assessments ----

export async function create(
  db: Db,
  ctx: Ctx,
  input: {
    title: string;
    modelCode: string;
    modelVersion?: number | undefined;
    referenceDate: string;
    raterIds: string[];
  },
) {
  authorize(ctx.actor, policy.run);
  const organisationId = ctx.actor.organisationId;
  const problems: FieldError[] = [];
  const model = await findModel(db, organisationId, input.modelCode, input.modelVersion);
  if (!model)
    problems.push({
      field: input.modelVersion === undefined ? 'modelCode' : 'modelVersion',
      message: 'No such model (version)',
    });
  const raterIds = [...new Set(input.raterIds)];
  if (raterIds.length !== input.raterIds.length)
    problems.push({ field: 'raterIds', message: 'A rater twice' });
  const found = new Set((await q.activeUsers(db, organisationId, raterIds)).map((u) => u.id));
  raterIds.forEach((id) => {
    if (!found.has(id))
      problems.push({
        field: `raterIds.${input.raterIds.indexOf(id)}`,
        message: 'Not an active user of the organisation',
      });
  });
  if (problems.length || !model) throw assessmentErrors.invalid(problems);
  return db.transaction(async (tx) => {
    const row = await q.insertAssessment(tx, {
      organisationId,
      title: input.title,
      modelCode: model.code,
      modelVersion: model.version,
      model,
      referenceDate: input.referenceDate,
      createdBy: ctx.actor.userId ?? organisationId,
    });
    await q.insertRaters(tx, organisationId, row.id, raterIds);
    await recordAudit(tx, ctx, {
      entityType: 'assessment',
      entityId: row.id,
      action: 'created',
      after: { title: input.title, model: `${model.code} v${model.version}`, raterIds },
    });
    return row.id;
  });
}

/** Every assessment for readers; for anyone else only those they were invited to rate. */
export async function list(db: Db, ctx: Ctx) {
  const reader = policy.read(ctx.actor);
  if (!reader && !ctx.actor.userId) authorize(ctx.actor, policy.read);
  const rows = await q.listAssessments(db, ctx.actor.organisationId, reader ? null : ctx.actor.userId);
  const mine = new Map(
    (ctx.actor.userId ? await q.invitationsOf(db, ctx.actor.organisationId, ctx.actor.userId) : []).map(
      (r) => [r.assessmentId, myRoleOf(r)],
    ),
  );
  return rows.map((r) => ({ ...r, myRole: mine.get(r.a.id) ?? ('none' as const) }));
}

/**
 * The assessment as the caller may see it: readers (readAssessments) and invited raters; anyone else 403, another
 * organisation's 404.
 */
async function access(db: Db, ctx: Ctx, id: string, forUpdate = false) {
  const organisationId = ctx.actor.organisationId;
  const row = await q.getAssessment(db, organisationId, id, forUpdate);
  if (!row) throw errors.notFound('assessment');
  const me = ctx.actor.userId
    ? await q.rater(db, organisationId, id, ctx.actor.userId, forUpdate)
    : undefined;
  if (!me && !policy.read(ctx.actor)) authorize(ctx.actor, policy.read);
  return { ...row, me, model: row.a.model as AssessmentModel };
}

const myRoleOf = (me: { submittedAt: Date | null } | undefined) =>
  me ? (me.submittedAt ? ('submitted' as const) : ('rater' as const)) : ('none' as const);

async function kpisOf(db: Db, organisationId: string, evidence: AssessmentEvidence[], now = new Date()) {
  const codes = [...new Set(evidence.flatMap((e) => e.kpis))].filter((c): c is KpiCode =>
    (KPI_CODES as readonly string[]).includes(c),
  );
  if (!codes.length) return [];
  const period = lastCompleteQuarter(now);
  const values = await kpiValues(db, organisationId, period, codes, now);
  return values.map((v) => ({
    code: v.code,
    name: KPI_CATALOGUE[v.code].name,
    unit: v.unit,
    value: v.value,
    ...period,
  }));
}

export async function detail(db: Db, ctx: Ctx, id: string) {
  const row = await access(db, ctx, id);
  const organisationId = ctx.actor.organisationId;
  const [raterList, myScores] = await Promise.all([
    q.raters(db, organisationId, id),
    row.me ? q.scores(db, organisationId, id, row.me.userId) : Promise.resolve([]),
  ]);
  const visible = row.a.status === 'scoring' ? myScores : await q.scores(db, organisationId, id);
  return {
    ...row,
    myRole: myRoleOf(row.me),
    raterList,
    myScores,
    canRun: policy.run(ctx.actor),
    kpis: await kpisOf(
      db,
      organisationId,
      visible.map((s) => s.evidence as AssessmentEvidence),
    ),
  };
}

/** Checks the evidence's links: KPI codes of the catalogue, http(s) URLs, improvements of the organisation. */
async function checkEvidence(db: Db, organisationId: string, evidence: AssessmentEvidence) {
  const problems: FieldError[] = [];
  evidence.kpis.forEach((code, i) => {
    if (!(KPI_CODES as readonly string[]).includes(code))
      problems.push({ field: `evidence.kpis.${i}`, message: 'Not a KPI of the catalogue' });
  });
  evidence.documents.forEach((url, i) => {
    let ok = false;
    try {
      const u = new URL(url);
      ok = (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname;
    } catch {
      ok = false;
    }
    if (!ok) problems.push({ field: `evidence.documents.${i}`, message: 'Not an http(s) address' });
  });
  const ids = evidence.improvements.filter((x) => UUID.test(x));
  const known = await existingImprovements(db, organisationId, ids);
  evidence.improvements.forEach((x, i) => {
    if (!known.has(x)) problems.push({ field: `evidence.improvements.${i}`, message: 'No such improvement' });
  });
  if (problems.length) throw assessmentErrors.invalid(problems);
}

const onScale = (level: number) => Number.isInteger(level) && level >= 1 && level <= 5;

/** A rater scores one element (again, until they submit): a level 1–5 or null ("weet ik niet") and evidence. */
export async function score(
  db: Db,
  ctx: Ctx,
  id: string,
  elementCode: string,
  input: { level: number | null; evidence: AssessmentEvidence },
) {
  return db.transaction(async (tx) => {
    const row = await access(tx, ctx, id, true);
    if (!row.me) throw errors.forbidden('Only the invited raters score this assessment.');
    if (row.a.status !== 'scoring') throw assessmentErrors.phase('Scoring has ended for this assessment.');
    if (row.me.submittedAt) throw assessmentErrors.phase('Your scores were submitted and are locked.');
    if (!elementsOf(row.model).some((e) => e.code === elementCode))
      throw errors.notFound('element of this model');
    if (input.level !== null && !onScale(input.level))
      throw assessmentErrors.invalid([
        { field: 'level', message: 'A level from 1 to 5, or null for “don’t know”' },
      ]);
    await checkEvidence(tx, ctx.actor.organisationId, input.evidence);
    const saved = await q.upsertScore(tx, {
      organisationId: ctx.actor.organisationId,
      assessmentId: id,
      userId: row.me.userId,
      elementCode,
      level: input.level,
      evidence: input.evidence,
    });
    await recordAudit(tx, ctx, {
      entityType: 'assessment',
      entityId: id,
      action: 'scored',
      after: { elementCode, level: input.level },
    });
    return saved;
  });
}

/** A rater hands in their scores: every element needs a level or "weet ik niet"; afterwards they are locked. */
export async function submit(db: Db, ctx: Ctx, id: string) {
  await db.transaction(async (tx) => {
    const row = await access(tx, ctx, id, true);
    if (!row.me) throw errors.forbidden('Only the invited raters score this assessment.');
    if (row.a.status !== 'scoring') throw assessmentErrors.phase('Scoring has ended for this assessment.');
    if (row.me.submittedAt) throw assessmentErrors.phase('Your scores were already submitted.');
    const done = new Set(
      (await q.scores(tx, ctx.actor.organisationId, id, row.me.userId)).map((s) => s.elementCode),
    );
    const missing = elementsOf(row.model).filter((e) => !done.has(e.code));
    if (missing.length)
      throw assessmentErrors.invalid(
        missing.map((e) => ({ field: `scores.${e.code}`, message: 'Not scored yet' })),
      );
    await q.markSubmitted(tx, ctx.actor.organisationId, id, row.me.userId);
    await recordAudit(tx, ctx, { entityType: 'assessment', entityId: id, action: 'submitted' });
  });
}

/**
 * The runner opens the consensus round once at least one rater submitted; raters who did not submit by then take
 * no part (their scores are never shown) and can no longer score.
 */
export async function startConsensus(db: Db, ctx: Ctx, id: string, version: number) {
  authorize(ctx.actor, policy.run);
  await db.transaction(async (tx) => {
    const row = await access(tx, ctx, id, true);
    if (row.a.status !== 'scoring') throw assessmentErrors.phase('The consensus round has already started.');
    if (row.submitted < 1) throw assessmentErrors.phase('No rater has submitted their scores yet.');
    const moved = await q.updateAssessment(tx, ctx.actor.organisationId, id, version, {
      status: 'consensus',
    });
    if (!moved) throw errors.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'assessment',
      entityId: id,
      action: 'consensus_started',
      after: { raters: row.raters, submitted: row.submitted },
    });
  });
}

/** Per element every submitted rater's score side by side, the spread, and the agreed level; flagged first. */
export async function consensus(db: Db, ctx: Ctx, id: string): Promise<AssessmentConsensusRow[]> {
  const row = await access(db, ctx, id);
  if (row.a.status === 'scoring') throw assessmentErrors.phase('The consensus round has not started yet.');
  const organisationId = ctx.actor.organisationId;
  const [raterList, all, agreedRows] = await Promise.all([
    q.raters(db, organisationId, id),
    q.scores(db, organisationId, id),
    q.agreed(db, organisationId, [id]),
  ]);
  const submitted = raterList.filter((r) => r.submittedAt);
  const rows = elementsOf(row.model).map((e, order) => {
    const scores = submitted.map((r) => {
      const s = all.find((x) => x.userId === r.userId && x.elementCode === e.code);
      return {
        userId: r.userId,
        name: r.name,
        level: s?.level ?? null,
        evidence: (s?.evidence as AssessmentEvidence | undefined) ?? {
          text: '',
          kpis: [],
          documents: [],
          improvements: [],
        },
      };
    });
    const levels = scores.flatMap((s) => (s.level === null ? [] : [s.level]));
    const spread = levels.length ? Math.max(...levels) - Math.min(...levels) : null;
    const a = agreedRows.find((x) => x.elementCode === e.code);
    return {
      order,
      elementCode: e.code,
      dimensionCode: e.dimensionCode,
      scores,
      spread,
      flagged: spread !== null && spread >= ASSESSMENT_SPREAD_FLAG,
      agreed: a ? { level: a.level, note: a.note, version: a.version, improvementId: a.improvementId } : null,
    };
  });
  return rows
    .sort(
      (x, y) =>
        Number(y.flagged) - Number(x.flagged) ||
        (x.flagged ? (y.spread ?? 0) - (x.spread ?? 0) : 0) ||
        x.order - y.order,
    )
    .map(({ order: _order, ...r }) => r);
}

/** The runner sets the agreed level of an element (optimistic locking per element: `version` 0 for a first time). */
export async function agree(
  db: Db,
  ctx: Ctx,
  id: string,
  elementCode: string,
  input: { level: number; note: string; version: number },
) {
  authorize(ctx.actor, policy.run);
  return db.transaction(async (tx) => {
    const row = await access(tx, ctx, id);
    if (row.a.status !== 'consensus')
      throw assessmentErrors.phase('Levels are agreed in the consensus round only.');
    if (!elementsOf(row.model).some((e) => e.code === elementCode))
      throw errors.notFound('element of this model');
    if (!onScale(input.level))
      throw assessmentErrors.invalid([{ field: 'level', message: 'A level from 1 to 5' }]);
    const organisationId = ctx.actor.organisationId;
    const decidedBy = ctx.actor.userId ?? organisationId;
    const existing = await q.agreedElement(tx, organisationId, id, elementCode);
    if ((existing?.version ?? 0) !== input.version) throw errors.versionConflict();
    const saved = existing
      ? await q.updateAgreed(tx, organisationId, existing.id, existing.version, {
          level: input.level,
          note: input.note,
          decidedBy,
        })
      : await q.insertAgreed(tx, {
          organisationId,
          assessmentId: id,
          elementCode,
          level: input.level,
          note: input.note,
          decidedBy,
        });
    if (!saved) throw errors.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'assessment',
      entityId: id,
      action: 'agreed',
      before: existing ? { elementCode, level: existing.level, note: existing.note } : null,
      after: { elementCode, level: input.level, note: input.note },
    });
    return saved;
  });
}

export async function close(db: Db, ctx: Ctx, id: string, version: number) {
  authorize(ctx.actor, policy.run);
  await db.transaction(async (tx) => {
    const row = await access(tx, ctx, id, true);
    if (row.a.status !== 'consensus')
      throw assessmentErrors.phase('Only an assessment in its consensus round closes.');
    const agreedCodes = new Set(
      (await q.agreed(tx, ctx.actor.organisationId, [id])).map((a) => a.elementCode),
    );
    const open = elementsOf(row.model).filter((e) => !agreedCodes.has(e.code));
    if (open.length) throw assessmentErrors.unagreed(open.map((e) => e.code));
    const moved = await q.updateAssessment(tx, ctx.actor.organisationId, id, version, {
      status: 'closed',
      closedAt: new Date(),
    });
    if (!moved) throw errors.versionConflict();
    await recordAudit(tx, ctx, { entityType: 'assessment', entityId: id, action: 'closed' });
  });
}

/** The profile: agreed level per element and mean per dimension, each rater's polygon, and the model's trend. */
export async function results(db: Db, ctx: Ctx, id: string): Promise<AssessmentResults> {
  const row = await access(db, ctx, id);
  if (row.a.status === 'scoring')
    throw assessmentErrors.phase('The results show from the consensus round on.');
  const organisationId = ctx.actor.organisationId;
  const elements = elementsOf(row.model);
  const [raterList, all, earlier] = await Promise.all([
    q.raters(db, organisationId, id),
    q.scores(db, organisationId, id),
    q.closedOfModel(db, organisationId, row.a.modelCode),
  ]);
  const agreedRows = await q.agreed(db, organisationId, [id, ...earlier.map((e) => e.id)]);
  const mine = agreedRows.filter((a) => a.assessmentId === id);
  const levelOf = (code: string) => mine.find((a) => a.elementCode === code);
  return {
    elements: elements.map((e) => ({
      elementCode: e.code,
      dimensionCode: e.dimensionCode,
      level: levelOf(e.code)?.level ?? null,
      improvementId: levelOf(e.code)?.improvementId ?? null,
    })),
    dimensions: row.model.dimensions.map((d) => ({
      dimensionCode: d.code,
      mean: mean(d.elements.flatMap((e) => (levelOf(e.code) ? [levelOf(e.code)!.level] : []))),
    })),
    raters: raterList
      .filter((r) => r.submittedAt)
      .map((r) => ({
        name: r.name,
        levels: elements.map((e) => ({
          elementCode: e.code,
          level: all.find((s) => s.userId === r.userId && s.elementCode === e.code)?.level ?? null,
        })),
      })),
    trend: earlier.map((e) => {
      const levels = agreedRows
        .filter((a) => a.assessmentId === e.id)
        .map((a) => ({ elementCode: a.elementCode, level: a.level }));
      return {
        id: e.id,
        title: e.title,
        closedAt: e.closedAt!.toISOString(),
        mean: mean(levels.map((l) => l.level)),
        levels,
      };
    }),
  };
}

/** For the excellence overview: the latest closed assessment's agreed levels, and the mean of every closed one of its model. */
export async function assessmentOverview(db: Db, organisationId: string): Promise<AssessmentOverview> {
  const latest = await q.latestClosed(db, organisationId);
  if (!latest) return { model: null, latest: null, trend: [] };
  const model = latest.model as AssessmentModel;
  const closed = await q.closedOfModel(db, organisationId, latest.modelCode);
  const agreedRows = await q.agreed(
    db,
    organisationId,
    closed.map((c) => c.id),
  );
  const dimensionOf = new Map(elementsOf(model).map((e) => [e.code, e.dimensionCode]));
  const scores = agreedRows
    .filter((a) => a.assessmentId === latest.id)
    .map((a) => ({
      elementCode: a.elementCode,
      dimensionCode: dimensionOf.get(a.elementCode) ?? '',
      score: a.level,
    }));
  return {
    model: { code: model.code, version: model.version, name: model.name },
    latest: {
      id: latest.id,
      title: latest.title,
      closedAt: latest.closedAt!.toISOString(),
      scores,
      // The agreed level per dimension of the model (the mean of its elements), for the overview's profile.
      dimensions: model.dimensions.map((d) => ({
        code: d.code,
        name: d.name,
        mean: mean(scores.filter((x) => x.dimensionCode === d.code).map((x) => x.score)),
      })),
    },
    trend: closed.map((c) => ({
      id: c.id,
      title: c.title,
      closedAt: c.closedAt!.toISOString(),
      mean: mean(agreedRows.filter((a) => a.assessmentId === c.id).map((a) => a.level)),
    })),
  };
}

/**
 * "Maak verbeteractie": an improvement (origin `assessment`, in status plan) for an element with an agreed level,
 * owned by the person chosen, with the KPIs the raters gave as evidence; one per element, linked back to it.
 */
export async function createAction(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { elementCode: string; ownerId: string; title?: string | undefined; problem?: string | undefined },
) {
  authorize(ctx.actor, policy.run);
  return db.transaction(async (tx) => {
    const row = await access(tx, ctx, id);
    if (row.a.status === 'scoring') throw assessmentErrors.phase('Actions follow from agreed levels.');
    const element = elementsOf(row.model).find((e) => e.code === input.elementCode);
    if (!element)
      throw assessmentErrors.invalid([{ field: 'elementCode', message: 'Not an element of this model' }]);
    const organisationId = ctx.actor.organisationId;
    const agreedRow = await q.agreedElement(tx, organisationId, id, element.code);
    if (!agreedRow)
      throw assessmentErrors.invalid([
        { field: 'elementCode', message: 'No agreed level for this element yet' },
      ]);
    if (agreedRow.improvementId)
      throw assessmentErrors.phase('This element already has an improvement action.');
    const evidence = (await q.scores(tx, organisationId, id)).filter((s) => s.elementCode === element.code);
    const kpis = [...new Set(evidence.flatMap((s) => (s.evidence as AssessmentEvidence).kpis))]
      .filter((c): c is KpiCode => (KPI_CODES as readonly string[]).includes(c))
      .map((code) => ({ code }));
    const { id: improvementId } = await createImprovement(tx, ctx, {
      title:
        input.title ??
        `${element.name.nl}: van niveau ${agreedRow.level} naar ${Math.min(agreedRow.level + 1, 5)}`,
      problem:
        input.problem ??
        `Zelfevaluatie “${row.a.title}” (peildatum ${row.a.referenceDate}): afgesproken niveau ${agreedRow.level} van 5.${agreedRow.note ? ` ${agreedRow.note}` : ''}`,
      ownerId: input.ownerId,
      origin: 'assessment',
      originId: id,
      elementCode: element.code,
      kpis,
    });
    const linked = await q.updateAgreed(tx, organisationId, agreedRow.id, agreedRow.version, {
      improvementId,
    });
    if (!linked) throw errors.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'assessment',
      entityId: id,
      action: 'action_created',
      after: { elementCode: element.code, improvementId },
    });
    return { elementCode: element.code, improvementId };
  });
}
