/**
 * The monitoring benchmark's one contact with the monitoring code other parts of issue 14 build (the metrics
 * module: `rebuildMetrics`, `catchUpMetrics`; the monitoring API: CONTRACT14.md). Everything that names them is in
 * this file, so a change of the contract is one edit here.
 *
 * The metrics module is loaded by a computed dynamic import: this branch type-checks and runs before the module
 * exists (the figures then say "not in this build"), and uses it as soon as it is merged. Once it is in main this
 * may become a static `import { catchUpMetrics, rebuildMetrics } from '…/modules/metrics/index.ts'`.
 */
import type { Db } from '@voordeur/db';

export interface MetricsModule {
  rebuildMetrics?: (db: Db, organisationId: string, period: { from: string; to: string }) => Promise<unknown>;
  /** `voordeur metrics rebuild`: the rebuild, then the team and item rollups compacted. */
  rebuildAllMetrics?: (db: Db, o: { organisation: string; from: string; to: string }) => Promise<unknown>;
  catchUpMetrics?: (db: Db, now: Date) => Promise<unknown>;
  snapshotBacklogDay?: (db: Db, organisationId: string, day: string) => Promise<void>;
  /** One local day of one fact recomputed from the raw rows (what the catch-up does per marked day). */
  recomputeDay?: (
    db: Db,
    organisationId: string,
    fact: 'contact' | 'case' | 'survey' | 'callback',
    day: string,
  ) => Promise<void>;
}

const METRICS_INDEX = new URL('../../apps/api/src/modules/metrics/index.ts', import.meta.url).href;

/** The metrics module's functions, or {} when the module is not in this build. */
export async function metricsModule(): Promise<MetricsModule> {
  try {
    const m = (await import(METRICS_INDEX)) as Record<string, unknown>;
    return {
      ...(typeof m.rebuildMetrics === 'function'
        ? { rebuildMetrics: m.rebuildMetrics as MetricsModule['rebuildMetrics'] }
        : {}),
      ...(typeof m.rebuildAllMetrics === 'function'
        ? { rebuildAllMetrics: m.rebuildAllMetrics as MetricsModule['rebuildAllMetrics'] }
        : {}),
      ...(typeof m.catchUpMetrics === 'function'
        ? { catchUpMetrics: m.catchUpMetrics as MetricsModule['catchUpMetrics'] }
        : {}),
      ...(typeof m.recomputeDay === 'function'
        ? { recomputeDay: m.recomputeDay as MetricsModule['recomputeDay'] }
        : {}),
      ...(typeof m.snapshotBacklogDay === 'function'
        ? { snapshotBacklogDay: m.snapshotBacklogDay as MetricsModule['snapshotBacklogDay'] }
        : {}),
    };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return {};
    throw error;
  }
}

/** Who asks: the demo users (manager: the whole organisation; team lead: KCC and Openbare ruimte; agent: self). */
export type Asker = 'manager' | 'teamlead' | 'agent';
export const ASKER_EMAIL: Record<Asker, string> = {
  manager: 'manager@voorbeeld.nl',
  teamlead: 'teamlead@voorbeeld.nl',
  agent: 'agent@voorbeeld.nl',
};

export type Period = { from: string; to: string };

/** One request a dashboard makes, by the contract's URLs. */
export interface DashboardRequest {
  key: string;
  label: string;
  asker: Asker;
  /** Part of the management dashboard (the p95 goal applies). */
  management: boolean;
  path: string;
}

const query = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  ).toString();

/** The requests measured: what the management, team and agent dashboards ask for on opening. */
export function dashboardRequests(p: {
  month: Period;
  year: Period;
  teamId: string;
  /** The organisation's slug and the calendar year to date, for the public figures. */
  slug: string;
  calendarYear: string;
}): DashboardRequest[] {
  return [
    {
      key: 'overview-org-month',
      label: 'overview, organisation, last month',
      asker: 'manager',
      management: true,
      path: `/api/metrics/overview?${query(p.month)}`,
    },
    {
      key: 'overview-org-year',
      label: 'overview, organisation, year',
      asker: 'manager',
      management: true,
      path: `/api/metrics/overview?${query(p.year)}`,
    },
    {
      key: 'overview-team-month',
      label: 'overview, team (KCC), last month',
      asker: 'teamlead',
      management: false,
      path: `/api/metrics/overview?${query({ ...p.month, teamId: p.teamId })}`,
    },
    {
      key: 'overview-agent-month',
      label: 'overview, agent (own), last month',
      asker: 'agent',
      management: false,
      path: `/api/metrics/overview?${query(p.month)}`,
    },
    {
      key: 'series-fcr-month',
      label: 'series fcr by month, year',
      asker: 'manager',
      management: true,
      path: `/api/metrics/series?${query({ ...p.year, kpi: 'fcr', grain: 'month' })}`,
    },
    {
      key: 'breakdown-norm-team',
      label: 'breakdown norm compliance by team, year',
      asker: 'manager',
      management: true,
      path: `/api/metrics/breakdown?${query({ ...p.year, kpi: 'norm_compliance', by: 'team' })}`,
    },
    {
      key: 'breakdown-norm-area',
      label: 'breakdown norm compliance by district, year',
      asker: 'manager',
      management: true,
      path: `/api/metrics/breakdown?${query({ ...p.year, kpi: 'norm_compliance', by: 'area' })}`,
    },
    {
      key: 'equality-fcr-kind',
      label: 'equal treatment: fcr by kind of customer, year',
      asker: 'manager',
      management: false,
      path: `/api/analysis/equality?${query({ ...p.year, measure: 'fcr', by: 'customerKind' })}`,
    },
    {
      key: 'public-performance-year',
      label: 'public figures (open data), calendar year',
      asker: 'manager',
      management: false,
      path: `/api/public/performance?${query({ organisation: p.slug, period: p.calendarYear })}`,
    },
    {
      key: 'top-reports-month',
      label: 'top 10 reports, last month',
      asker: 'manager',
      management: true,
      path: `/api/metrics/top?${query({ ...p.month, kind: 'reports', limit: 10 })}`,
    },
    {
      key: 'top-questions-month',
      label: 'top 10 questions, last month',
      asker: 'manager',
      management: true,
      path: `/api/metrics/top?${query({ ...p.month, kind: 'questions', limit: 10 })}`,
    },
  ];
}

/** Signs in as a demo user; the session cookie to send with every GET (no CSRF token needed for reads). */
export async function signIn(base: string, asker: Asker, password: string) {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ASKER_EMAIL[asker], password }),
  });
  const cookie = r.headers.get('set-cookie')?.split(';')[0];
  if (!r.ok || !cookie) throw new Error(`sign-in as ${asker}: HTTP ${r.status} ${await r.text()}`);
  return cookie;
}
