/**
 * Improvement proposals (issue 15, "Verbeteren"): the rules — an owner who is an active user, the PDCA status
 * moves, the measured effect and what is published. No SQL here (improvements.queries.ts).
 */
import type { Db } from '@voordeur/db';
import {
  IMPROVEMENT_ORIGINS,
  type ImprovementKpiFilter,
  type ImprovementOrigin,
  type ImprovementOverview,
  type ImprovementSummary,
  KPI_CODES,
  type KpiCode,
} from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { errors } from '../../plugins/errors.ts';
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
    if (!(await q.isActiveUser(tx, organisationId, input.ownerId)))
      throw field('ownerId', 'The owner must be an active user of the organisation.');
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
 * For the excellence overview: open improvements by age band and by element, and the improvements done since
 * 1 January with the effects measured when they were done.
 */
export async function improvementOverview(
  db: Db,
  organisationId: string,
  now = new Date(),
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
      .map(([elementCode, count]) => ({ elementCode, count }))
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
