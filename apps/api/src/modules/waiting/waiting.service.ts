import type { Db } from '@voordeur/db';
import type { KpiCode, MetricFilter, WaitingImportReport } from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { localDate } from '../calendar/index.ts';
import { waitingImportRefused } from './waiting.errors.ts';
import { waitingPolicy } from './waiting.policy.ts';
import { percent } from './waiting.presenter.ts';
import * as q from './waiting.queries.ts';
import { waitingRowsFromCsv, waitingRowsFromJson } from './waiting.rows.ts';

/** Who acted, as the input pages show it: a person's name without their email address, or the token's name. */
export const shownName = (label: string) => label.replace(/\s*<[^>]*>$/, '');

export type WaitingUpload =
  | { format: 'csv'; text: string }
  | { format: 'json'; rows: Record<string, unknown>[] };

/**
 * Imports queue figures all or nothing: any bad row refuses the whole upload, naming every bad line; otherwise
 * each row replaces what is held for its queue and interval, in one transaction with its audit event.
 */
export async function importWaiting(
  db: Db,
  ctx: Ctx,
  upload: WaitingUpload,
  now = new Date(),
): Promise<WaitingImportReport> {
  authorize(ctx.actor, waitingPolicy.import);
  const organisationId = ctx.actor.organisationId;
  const today = localDate(now);
  const { rows, errors } =
    upload.format === 'csv'
      ? waitingRowsFromCsv(upload.text, today)
      : waitingRowsFromJson(upload.rows, today);
  if (errors.length) throw waitingImportRefused(errors);
  const days = rows.map((r) => r.day).sort();
  const firstDay = days[0]!;
  const lastDay = days[days.length - 1]!;
  return db.transaction(async (tx) => {
    const log = await q.insertImport(tx, {
      organisationId,
      format: upload.format,
      rows: rows.length,
      firstDay,
      lastDay,
      importedBy: shownName(ctx.actor.label),
    });
    await q.deleteOtherGranularity(tx, organisationId, rows);
    const replaced = await q.upsertIntervals(tx, organisationId, log.id, rows);
    await recordAudit(tx, ctx, {
      entityType: 'waiting_import',
      entityId: log.id,
      action: 'imported',
      after: { format: upload.format, rows: rows.length, replaced, firstDay, lastDay },
    });
    return { id: log.id, rows: rows.length, firstDay, lastDay, replaced };
  });
}

export async function listImports(db: Db, ctx: Ctx) {
  authorize(ctx.actor, waitingPolicy.read);
  return q.listImports(db, ctx.actor.organisationId, 20);
}

export async function figures(db: Db, ctx: Ctx, query: { from: string; to: string; by: 'day' | 'queue' }) {
  authorize(ctx.actor, waitingPolicy.read);
  return q.sums(db, ctx.actor.organisationId, query, query.by);
}

/** The KPIs these figures measure. */
export const WAITING_KPIS = ['phone_answered_in_target', 'phone_abandoned', 'desk_wait_mean'] as const;
type WaitingKpi = (typeof WAITING_KPIS)[number];

/**
 * The waiting KPIs over a period, for the metrics module (no authorisation here: its caller decides who sees
 * what). Queue figures know no team, agent, item, area or segment: with such a filter there is no value (n = 0)
 * rather than the whole organisation's. `value` is a % (phone) or minutes (desk); `n` the calls offered or the
 * visitors helped.
 */
export async function kpiValues(
  db: Db,
  organisationId: string,
  filter: MetricFilter,
  codes: readonly KpiCode[] = WAITING_KPIS,
): Promise<{ code: WaitingKpi; value: number | null; n: number }[]> {
  const wanted = WAITING_KPIS.filter((c) => codes.includes(c));
  if (!wanted.length) return [];
  const rows = unfiltered(filter) ? await q.sums(db, organisationId, filter, 'queue') : [];
  return wanted.map((code) => waitingValue(code, rows, filter.channel));
}

/** One waiting KPI per day, week, month, quarter or year (the period's first day). */
export async function kpiSeries(
  db: Db,
  organisationId: string,
  filter: MetricFilter,
  code: WaitingKpi,
  grain: 'day' | 'week' | 'month' | 'quarter' | 'year' = 'day',
): Promise<{ period: string; value: number | null; n: number }[]> {
  if (!unfiltered(filter)) return [];
  const byDay = await q.sums(db, organisationId, filter, 'day');
  const periods = new Map<string, q.WaitingSums[]>();
  for (const row of byDay) {
    const period = periodStart(row.key, grain);
    periods.set(period, [...(periods.get(period) ?? []), row]);
  }
  return [...periods.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([period, rows]) => ({ period, ...waitingValue(code, rows, filter.channel) }))
    .map(({ period, value, n }) => ({ period, value, n }));
}

const unfiltered = (f: MetricFilter) => !f.teamId && !f.agentId && !f.itemId && !f.area && !f.segment;

function waitingValue(code: WaitingKpi, rows: q.WaitingSums[], channel: string | undefined) {
  const wantChannel = code === 'desk_wait_mean' ? 'desk' : 'phone';
  const mine = channel && channel !== wantChannel ? [] : rows.filter((r) => r.channel === wantChannel);
  const sum = (f: (r: q.WaitingSums) => number) => mine.reduce((s, r) => s + f(r), 0);
  const offered = sum((r) => r.offered);
  if (code === 'phone_answered_in_target')
    return {
      code,
      value: percent(
        sum((r) => r.answeredInTarget),
        offered,
      ),
      n: offered,
    };
  if (code === 'phone_abandoned')
    return {
      code,
      value: percent(
        sum((r) => r.abandoned),
        offered,
      ),
      n: offered,
    };
  const answered = sum((r) => r.answered);
  const minutes = answered > 0 ? Math.round((10 * sum((r) => r.waitSeconds)) / answered / 60) / 10 : null;
  return { code, value: minutes, n: answered };
}

function periodStart(day: string, grain: 'day' | 'week' | 'month' | 'quarter' | 'year'): string {
  if (grain === 'day') return day;
  if (grain === 'year') return `${day.slice(0, 4)}-01-01`;
  if (grain === 'month') return `${day.slice(0, 7)}-01`;
  if (grain === 'quarter') {
    const month = Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1;
    return `${day.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
  }
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}
