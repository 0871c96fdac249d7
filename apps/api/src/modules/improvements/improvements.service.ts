/**
 * Improvement proposals (issue 15, "Verbeteren"): the rules — an owner who is an active user, the PDCA status
 * moves, the measured effect and what is published. No SQL here (improvements.queries.ts).
 */
import { type Db, readAll } from '@voordeur/db';
import {
  IMPROVEMENT_ORIGINS,
  type ImprovementCreate,
  type ImprovementDetail,
  type ImprovementEffect,
  type ImprovementKpiFilter,
  type ImprovementListQuery,
  type ImprovementMove,
  type ImprovementOrigin,
  type ImprovementOverview,
  type ImprovementPublication,
  type ImprovementStatus,
  type ImprovementSummary,
  type ImprovementUpdate,
  KPI_CODES,
  type KpiCode,
  type KpiComparison,
  type PublicImprovement,
} from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { AppError, errors } from '../../plugins/errors.ts';
import { compareKpi } from '../analysis/index.ts';
import { localDate } from '../calendar/index.ts';
import { improvementsPolicy } from './improvements.policy.ts';
import * as q from './improvements.queries.ts';

const DAY_MS = 86_400_000;
const OPEN = ['plan', 'do', 'check', 'act'] as const;

export interface CreateImprovementInput {
  title: string;
  problem: string;
  expectedEffect?: string | undefined;
  ownerId: string;
  quickWin?: boolean | undefined;
  origin: ImprovementOrigin;
  originId?: string | undefined;
  elementCode?: string | undefined;
  teamId?: string | undefined;
  catalogueItemId?: string | undefined;
  /** The KPIs it should move (the catalogue's codes), each with an optional filter. */
  kpis?: { code: KpiCode; filter?: ImprovementKpiFilter | undefined }[] | undefined;
}

const field = (name: string, message: string) => errors.validation([{ field: name, message }], message);

/** The checks every write shares (lengths, codes), so no caller stores half. */
function checkInput(input: CreateImprovementInput) {
  if (!input.title.trim()) throw field('title', 'A title is required.');
  if (input.title.length > 200) throw field('title', 'At most 200 characters.');
  if (!input.problem.trim()) throw field('problem', 'Describe the problem.');
  if (input.problem.length > 5000) throw field('problem', 'At most 5000 characters.');
  if ((input.expectedEffect ?? '').length > 5000) throw field('expectedEffect', 'At most 5000 characters.');
  if (!(IMPROVEMENT_ORIGINS as readonly string[]).includes(input.origin))
    throw field('origin', 'Unknown origin.');
  if (input.elementCode !== undefined && !/^[a-z0-9-]{1,40}$/.test(input.elementCode))
    throw field('elementCode', 'Not an element code.');
  const kpis = input.kpis ?? [];
  if (kpis.length > 10) throw field('kpis', 'At most 10 figures.');
  for (const k of kpis)
    if (!(KPI_CODES as readonly string[]).includes(k.code)) throw field('kpis', 'Unknown KPI code.');
}

/**
 * Creates an improvement proposal in status `plan`, audited, in the caller's transaction when `db` is one (a
 * savepoint). The caller has authorised the actor. validation_failed (field `ownerId`) when the owner is not an
 * active user of the organisation.
 */
export async function createImprovement(
  db: Db,
  ctx: Ctx,
  input: CreateImprovementInput,
): Promise<{ id: string }> {
  checkInput(input);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    await checkReferences(tx, organisationId, input);
    const row = await q.insertImprovement(tx, {
      organisationId,
      title: input.title.trim(),
      problem: input.problem.trim(),
      expectedEffect: (input.expectedEffect ?? '').trim(),
      ownerId: input.ownerId,
      quickWin: input.quickWin ?? false,
      origin: input.origin,
      originId: input.originId ?? null,
      elementCode: input.elementCode ?? null,
      teamId: input.teamId ?? null,
      catalogueItemId: input.catalogueItemId ?? null,
      createdBy: ctx.actor.userId ?? input.ownerId,
    });
    const kpis = (input.kpis ?? []).map((k) => ({ code: k.code, filter: k.filter ?? {} }));
    await q.insertKpis(tx, organisationId, row.id, kpis);
    await recordAudit(tx, ctx, {
      entityType: 'improvement',
      entityId: row.id,
      action: 'created',
      after: { ...auditable(row), kpis },
    });
    return { id: row.id };
  });
}

/** The owner is an active user; the team and the item, when named, are the organisation's own. */
async function checkReferences(
  db: Db,
  organisationId: string,
  input: { ownerId: string; teamId?: string | undefined; catalogueItemId?: string | undefined },
) {
  if (!(await q.isActiveUser(db, organisationId, input.ownerId)))
    throw field('ownerId', 'The owner must be an active user of the organisation.');
  if (input.teamId && !(await q.teamExists(db, organisationId, input.teamId)))
    throw field('teamId', 'No such team.');
  if (input.catalogueItemId && !(await q.itemExists(db, organisationId, input.catalogueItemId)))
    throw field('catalogueItemId', 'No such product or service.');
}

/** The fields the audit trail keeps (no bookkeeping). */
export function auditable(row: q.ImprovementRow) {
  return {
    title: row.title,
    problem: row.problem,
    expectedEffect: row.expectedEffect,
    status: row.status,
    quickWin: row.quickWin,
    ownerId: row.ownerId,
    origin: row.origin,
    originId: row.originId,
    elementCode: row.elementCode,
    teamId: row.teamId,
    catalogueItemId: row.catalogueItemId,
    stopReason: row.stopReason,
    publicSummaryNl: row.publicSummaryNl,
    publicSummaryEn: row.publicSummaryEn,
    published: row.published,
  };
}

export function summaryOf(
  row: { improvement: q.ImprovementRow; ownerName: string },
  now = new Date(),
): ImprovementSummary {
  const i = row.improvement;
  return {
    id: i.id,
    title: i.title,
    status: i.status as ImprovementSummary['status'],
    quickWin: i.quickWin,
    origin: i.origin as ImprovementOrigin,
    elementCode: i.elementCode,
    teamId: i.teamId,
    ownerId: i.ownerId,
    ownerName: row.ownerName,
    createdAt: i.createdAt.toISOString(),
    doneAt: i.doneAt?.toISOString() ?? null,
    ageDays: Math.max(0, Math.floor((now.getTime() - i.createdAt.getTime()) / DAY_MS)),
  };
}

const startOfYear = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), 0, 1));

/** For the team page: a team's improvements, open and done this year. */
export async function improvementsOfTeam(
  db: Db,
  organisationId: string,
  teamId: string,
  now = new Date(),
): Promise<ImprovementSummary[]> {
  const rows = await q.listImprovements(db, organisationId, { teamId, status: [...OPEN, 'done'] });
  const since = startOfYear(now);
  return rows
    .filter((r) => r.improvement.status !== 'done' || (r.improvement.doneAt ?? new Date(0)) >= since)
    .map((r) => summaryOf(r, now));
}

/**
 * For the excellence overview: open improvements by age band and by element (named from `elementNames`, the
 * models' names by code), and the improvements done since 1 January with the effects measured when they were done.
 */
export async function improvementOverview(
  db: Db,
  organisationId: string,
  now = new Date(),
  elementNames: ReadonlyMap<string, { nl: string; en: string }> = new Map(),
): Promise<ImprovementOverview> {
  const rows = await q.listImprovements(db, organisationId, { status: [...OPEN, 'done'] });
  const openByAge = { under30: 0, from30to90: 0, over90: 0 };
  const byElement = new Map<string | null, number>();
  const since = startOfYear(now);
  const done: q.ImprovementRow[] = [];
  for (const { improvement: i } of rows) {
    if (i.status === 'done') {
      if (i.doneAt && i.doneAt >= since) done.push(i);
      continue;
    }
    const age = (now.getTime() - i.createdAt.getTime()) / DAY_MS;
    if (age < 30) openByAge.under30++;
    else if (age <= 90) openByAge.from30to90++;
    else openByAge.over90++;
    byElement.set(i.elementCode, (byElement.get(i.elementCode) ?? 0) + 1);
  }
  const kpis = await q.kpisOf(
    db,
    organisationId,
    done.map((i) => i.id),
  );
  return {
    openByAge,
    openByElement: [...byElement]
      .map(([elementCode, count]) => ({
        elementCode,
        name: (elementCode && elementNames.get(elementCode)) || null,
        count,
      }))
      .sort((a, b) => b.count - a.count || String(a.elementCode).localeCompare(String(b.elementCode))),
    doneThisYear: done.map((i) => ({
      id: i.id,
      title: i.title,
      doneAt: i.doneAt!.toISOString(),
      effects: kpis
        .filter((k) => k.improvementId === i.id && k.effect)
        .map((k) => k.effect as ImprovementOverview['doneThisYear'][number]['effects'][number]),
    })),
  };
}

// ---- the API: list, detail, edit, PDCA moves, effect, publication ----

/** The moves allowed from a status (a quick win may go from plan straight to done; any open one may stop). */
export function nextStatuses(row: Pick<q.ImprovementRow, 'status' | 'quickWin'>): ImprovementStatus[] {
  switch (row.status) {
    case 'plan':
      return row.quickWin ? ['do', 'done', 'stopped'] : ['do', 'stopped'];
    case 'do':
      return ['check', 'stopped'];
    case 'check':
      return ['act', 'do', 'stopped'];
    case 'act':
      return ['done', 'stopped'];
    default:
      return [];
  }
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

async function detailOf(
  db: Db,
  organisationId: string,
  id: string,
  now = new Date(),
): Promise<ImprovementDetail> {
  const [row] = await q.listImprovements(db, organisationId, { ids: [id] });
  if (!row) throw errors.notFound('improvement');
  const i = row.improvement;
  const kpis = await q.kpisOf(db, organisationId, [id]);
  return {
    ...summaryOf(row, now),
    problem: i.problem,
    expectedEffect: i.expectedEffect,
    originId: i.originId,
    catalogueItemId: i.catalogueItemId,
    stopReason: i.stopReason,
    publicSummaryNl: i.publicSummaryNl,
    publicSummaryEn: i.publicSummaryEn,
    published: i.published,
    doAt: iso(i.doAt),
    checkAt: iso(i.checkAt),
    actAt: iso(i.actAt),
    stoppedAt: iso(i.stoppedAt),
    version: i.version,
    kpis: kpis.map((k) => ({
      id: k.id,
      code: k.kpiCode as KpiCode,
      filter: k.filter as ImprovementKpiFilter,
    })),
    nextStatuses: nextStatuses(i),
  };
}

const AGE_BANDS = {
  under30: (d: number) => d < 30,
  from30to90: (d: number) => d >= 30 && d <= 90,
  over90: (d: number) => d > 90,
} as const;

export async function list(db: Db, ctx: Ctx, query: ImprovementListQuery, now = new Date()) {
  authorize(ctx.actor, improvementsPolicy.read);
  const rows = await q.listImprovements(db, ctx.actor.organisationId, {
    teamId: query.teamId,
    status: query.status ? [query.status] : undefined,
  });
  return rows
    .map((r) => summaryOf(r, now))
    .filter(
      (i) =>
        (!query.elementCode || i.elementCode === query.elementCode) &&
        (!query.origin || i.origin === query.origin) &&
        (!query.age || ((OPEN as readonly string[]).includes(i.status) && AGE_BANDS[query.age](i.ageDays))),
    );
}

export async function get(db: Db, ctx: Ctx, id: string) {
  authorize(ctx.actor, improvementsPolicy.read);
  return detailOf(db, ctx.actor.organisationId, id);
}

export async function owners(db: Db, ctx: Ctx) {
  authorize(ctx.actor, improvementsPolicy.manage);
  return q.activeUsers(db, ctx.actor.organisationId);
}

export async function create(db: Db, ctx: Ctx, input: ImprovementCreate) {
  authorize(ctx.actor, improvementsPolicy.manage);
  const { id } = await createImprovement(db, ctx, input);
  return detailOf(db, ctx.actor.organisationId, id);
}

export async function update(db: Db, ctx: Ctx, id: string, input: ImprovementUpdate) {
  authorize(ctx.actor, improvementsPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  const before = await q.findImprovement(db, organisationId, id);
  if (!before) throw errors.notFound('improvement');
  checkInput({ ...input, origin: before.origin as ImprovementOrigin });
  await db.transaction(async (tx) => {
    const current = await q.findImprovement(tx, organisationId, id, true);
    if (!current) throw errors.notFound('improvement');
    if (current.version !== input.version) throw errors.versionConflict();
    if (current.status === 'done' || current.status === 'stopped')
      throw errors.validation(
        [{ field: 'version', message: 'A finished improvement is not edited.' }],
        'A finished improvement is not edited.',
      );
    await checkReferences(tx, organisationId, input);
    const updated = await q.updateImprovement(tx, organisationId, id, input.version, {
      title: input.title.trim(),
      problem: input.problem.trim(),
      expectedEffect: (input.expectedEffect ?? '').trim(),
      ownerId: input.ownerId,
      quickWin: input.quickWin ?? false,
      elementCode: input.elementCode ?? null,
      teamId: input.teamId ?? null,
      catalogueItemId: input.catalogueItemId ?? null,
    });
    if (!updated) throw errors.versionConflict();
    const oldKpis = (await q.kpisOf(tx, organisationId, [id])).map((k) => ({
      code: k.kpiCode,
      filter: k.filter,
    }));
    const kpis = (input.kpis ?? []).map((k) => ({ code: k.code, filter: k.filter ?? {} }));
    if (JSON.stringify(oldKpis) !== JSON.stringify(kpis)) {
      await q.deleteKpis(tx, organisationId, id);
      await q.insertKpis(tx, organisationId, id, kpis);
    }
    await recordAudit(tx, ctx, {
      entityType: 'improvement',
      entityId: id,
      action: 'updated',
      before: { ...auditable(current), kpis: oldKpis },
      after: { ...auditable(updated), kpis },
    });
  });
  return detailOf(db, organisationId, id);
}

/** One PDCA move, dated and audited; at done the effect on each KPI is measured and kept. */
export async function move(db: Db, ctx: Ctx, id: string, input: ImprovementMove, now = new Date()) {
  authorize(ctx.actor, improvementsPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  const found = await q.findImprovement(db, organisationId, id);
  if (!found) throw errors.notFound('improvement');
  if (found.version !== input.version) throw errors.versionConflict();
  if (!nextStatuses(found).includes(input.status))
    throw field('status', `An improvement in ${found.status} cannot move to ${input.status}.`);
  const reason = input.stopReason?.trim() ?? '';
  if (input.status === 'stopped' && !reason) throw field('stopReason', 'Say why it stops.');
  const dates: Partial<q.ImprovementInsert> =
    input.status === 'do'
      ? { doAt: now, checkAt: null, actAt: null }
      : input.status === 'check'
        ? { checkAt: now }
        : input.status === 'act'
          ? { actAt: now }
          : input.status === 'done'
            ? { doneAt: now }
            : { stoppedAt: now, stopReason: reason };
  // The effect is measured before the transaction (reads only) and stored with the move.
  const effect = input.status === 'done' ? await measure(db, organisationId, found, now) : undefined;
  await db.transaction(async (tx) => {
    const updated = await q.updateImprovement(tx, organisationId, id, input.version, {
      status: input.status,
      ...dates,
    });
    if (!updated) throw errors.versionConflict();
    if (effect)
      for (const item of effect.items) await q.storeEffect(tx, organisationId, item.id, item.comparison, now);
    await recordAudit(tx, ctx, {
      entityType: 'improvement',
      entityId: id,
      action: input.status === 'done' ? 'closed' : 'status_changed',
      before: { status: found.status },
      after: { status: updated.status, ...(input.status === 'stopped' ? { stopReason: reason } : {}) },
    });
  });
  return detailOf(db, organisationId, id);
}

const DAY = (d: string) => Date.parse(`${d}T00:00:00Z`);
const addDays = (d: string, n: number) => new Date(DAY(d) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * The two periods of the effect: after = from the day "do" began, in whole weeks, up to the day before the check
 * (or before today while still in do); before = as many weeks, ending the day before "do" began.
 */
export function effectPeriods(
  row: Pick<q.ImprovementRow, 'doAt' | 'checkAt'>,
  now = new Date(),
): { before: { from: string; to: string }; after: { from: string; to: string } } | null {
  if (!row.doAt) return null;
  const start = localDate(row.doAt);
  const end = localDate(row.checkAt ?? now);
  const weeks = Math.floor((DAY(end) - DAY(start)) / DAY_MS / 7);
  if (weeks < 1) return null;
  return {
    before: { from: addDays(start, -7 * weeks), to: addDays(start, -1) },
    after: { from: start, to: addDays(start, 7 * weeks - 1) },
  };
}

const NOT_STARTED = {
  nl: 'Er is nog niets te meten: de verbetering is nog niet uitgevoerd.',
  en: 'There is nothing to measure yet: the improvement has not been carried out.',
};
const TOO_SOON = {
  nl: 'Er is nog niets te meten: de uitvoering loopt nog geen hele week.',
  en: 'There is nothing to measure yet: it has been carried out for less than a whole week.',
};
const NO_DATA = {
  nl: 'Geen gegevens in een van de twee periodes. Een effect op een lege periode meten we niet.',
  en: 'No data in one of the two periods. We do not measure an effect on an empty period.',
};
const NOT_MEASURED = {
  nl: 'Bij het afronden kon dit cijfer niet worden gemeten.',
  en: 'This figure could not be measured when the improvement was done.',
};

async function measure(
  db: Db,
  organisationId: string,
  row: q.ImprovementRow,
  now: Date,
): Promise<ImprovementEffect> {
  const kpis = await q.kpisOf(db, organisationId, [row.id]);
  const periods = effectPeriods(row, now);
  const base = kpis.map((k) => ({
    id: k.id,
    code: k.kpiCode as KpiCode,
    filter: k.filter as ImprovementKpiFilter,
  }));
  if (!periods)
    return {
      before: null,
      after: null,
      measuredAt: null,
      reason: row.doAt ? TOO_SOON : NOT_STARTED,
      items: base.map((k) => ({ ...k, comparison: null, reason: null })),
    };
  const items = await readAll(
    db,
    ...base.map((k) => async () => {
      try {
        const comparison = await compareKpi(
          db,
          organisationId,
          k.code,
          { ...periods.before, ...k.filter },
          { ...periods.after, ...k.filter },
        );
        return { ...k, comparison, reason: null };
      } catch (e) {
        if (e instanceof AppError && e.code === 'validation_failed')
          return { ...k, comparison: null, reason: NO_DATA };
        throw e;
      }
    }),
  );
  return { ...periods, measuredAt: null, reason: null, items };
}

/** The effect: as stored at done, or measured now (check, act; also during do, as an interim reading). */
export async function effect(db: Db, ctx: Ctx, id: string, now = new Date()): Promise<ImprovementEffect> {
  authorize(ctx.actor, improvementsPolicy.read);
  const organisationId = ctx.actor.organisationId;
  const row = await q.findImprovement(db, organisationId, id);
  if (!row) throw errors.notFound('improvement');
  if (row.status !== 'done') return measure(db, organisationId, row, now);
  const kpis = await q.kpisOf(db, organisationId, [id]);
  const periods = effectPeriods(row, row.doneAt ?? now);
  return {
    before: periods?.before ?? null,
    after: periods?.after ?? null,
    measuredAt: iso(kpis.find((k) => k.measuredAt)?.measuredAt ?? row.doneAt),
    reason: periods ? null : row.doAt ? TOO_SOON : NOT_STARTED,
    items: kpis.map((k) => ({
      id: k.id,
      code: k.kpiCode as KpiCode,
      filter: k.filter as ImprovementKpiFilter,
      comparison: (k.effect as KpiComparison | null) ?? null,
      reason: k.effect ? null : periods ? NOT_MEASURED : null,
    })),
  };
}

/** What the public page says once done; published only with a Dutch summary. */
export async function setPublication(db: Db, ctx: Ctx, id: string, input: ImprovementPublication) {
  authorize(ctx.actor, improvementsPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  const nl = input.publicSummaryNl.trim();
  const en = input.publicSummaryEn?.trim() ?? '';
  await db.transaction(async (tx) => {
    const current = await q.findImprovement(tx, organisationId, id, true);
    if (!current) throw errors.notFound('improvement');
    if (current.version !== input.version) throw errors.versionConflict();
    if (current.status !== 'done') throw field('published', 'Only a done improvement is published.');
    if (input.published && !nl) throw field('publicSummaryNl', 'Write what you tell the public.');
    const updated = await q.updateImprovement(tx, organisationId, id, input.version, {
      publicSummaryNl: nl || null,
      publicSummaryEn: en || null,
      published: input.published,
    });
    if (!updated) throw errors.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'improvement',
      entityId: id,
      action: input.published && !current.published ? 'published' : 'updated',
      before: auditable(current),
      after: auditable(updated),
    });
  });
  return detailOf(db, organisationId, id);
}

/** Done and published improvements for the public page and the open data: the public words, no names. */
export async function publicImprovements(
  db: Db,
  organisationId: string,
  limit = 20,
): Promise<PublicImprovement[]> {
  const rows = await q.listPublished(db, organisationId, limit);
  const kpis = await q.kpisOf(
    db,
    organisationId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    doneAt: localDate(r.doneAt ?? r.updatedAt),
    summary: { nl: r.publicSummaryNl ?? '', en: r.publicSummaryEn || (r.publicSummaryNl ?? '') },
    effects: kpis
      .filter((k) => k.improvementId === r.id && k.effect)
      .map((k) => {
        const c = k.effect as KpiComparison;
        return {
          code: c.code,
          before: c.a,
          after: c.b,
          better: c.better,
          significant: c.significant,
          explanation: c.explanation,
        };
      }),
  }));
}

/**
 * For the demo seed: puts an improvement at a status with the given dates (no audit of moves that did not happen
 * in the application) and, when done, measures and keeps its effect as the move to done does.
 */
export async function placeForDemo(
  db: Db,
  organisationId: string,
  id: string,
  at: {
    status: ImprovementStatus;
    doAt?: Date;
    checkAt?: Date;
    actAt?: Date;
    doneAt?: Date;
    stoppedAt?: Date;
    stopReason?: string;
    publicSummaryNl?: string;
    publicSummaryEn?: string;
  },
) {
  const row = await q.findImprovement(db, organisationId, id);
  if (!row) throw errors.notFound('improvement');
  const placed = await q.updateImprovement(db, organisationId, id, row.version, {
    status: at.status,
    doAt: at.doAt ?? null,
    checkAt: at.checkAt ?? null,
    actAt: at.actAt ?? null,
    doneAt: at.doneAt ?? null,
    stoppedAt: at.stoppedAt ?? null,
    stopReason: at.stopReason ?? null,
    publicSummaryNl: at.publicSummaryNl ?? null,
    publicSummaryEn: at.publicSummaryEn ?? null,
    published: Boolean(at.publicSummaryNl),
  });
  if (placed && at.status === 'done' && at.doneAt) {
    const measured = await measure(db, organisationId, placed, at.doneAt);
    for (const item of measured.items)
      await q.storeEffect(db, organisationId, item.id, item.comparison, at.doneAt);
  }
}

/** Which of these ids are improvements of the organisation (another module's links to them, e.g. evidence). */
export async function existingImprovements(
  db: Db,
  organisationId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  return new Set((await q.existingIds(db, organisationId, ids)).map((r) => r.id));
}
