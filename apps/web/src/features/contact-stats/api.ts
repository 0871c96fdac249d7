import { useQueries, useQuery } from '@tanstack/react-query';
import {
  type KpiBreakdownRow,
  type KpiCode,
  type KpiValue,
  type MetricDimension,
  STAT_DIMENSIONS,
} from '@voordeur/shared';
import { api } from '../../api/client.ts';

/** What the page splits the figures by (the monitoring API's dimensions that hold contacts). */
export { STAT_DIMENSIONS };
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

/** The KPIs of the table, from the catalogue (one definition, the same figures as monitoring's). */
export const STAT_KPIS = [
  'contacts',
  'fcr',
  'repeat_contacts',
  'handling_time',
] as const satisfies readonly KpiCode[];
export type StatKpi = (typeof STAT_KPIS)[number];

export interface ContactStatsQuery {
  /** First and last day of the period, YYYY-MM-DD (local dates). */
  from: string;
  to: string;
  /** What the figures are grouped by. */
  by: StatDimension;
}

interface Breakdown {
  kpi: KpiCode;
  by: MetricDimension;
  rows: KpiBreakdownRow[];
}

/** One row of the table: a group with each KPI's value (null: nothing to measure) and the contacts FCR rests on. */
export interface StatRow {
  key: string | null;
  label: string;
  values: Record<StatKpi, number | null>;
  /** Contacts with a recorded outcome: what first-contact resolution is measured over. */
  recorded: number;
}

/**
 * The "Eerste keer goed" figures per group from the monitoring API (`/api/metrics/breakdown`, one request per
 * KPI), joined into rows, most contacts first; asked only while the period is valid.
 */
export function useContactStats({ from, to, by }: ContactStatsQuery, enabled: boolean) {
  const results = useQueries({
    queries: STAT_KPIS.map((kpi) => ({
      queryKey: ['metrics', 'breakdown', { from, to }, kpi, by],
      queryFn: () => api<Breakdown>('/api/metrics/breakdown', { query: { from, to, kpi, by } }),
      enabled,
    })),
  });
  const error = results.find((r) => r.isError)?.error ?? null;
  const done = results.every((r) => r.data);
  let rows: StatRow[] | undefined;
  if (done) {
    const byKey = new Map<string | null, StatRow>();
    results.forEach((r, i) => {
      const kpi = STAT_KPIS[i]!;
      for (const row of r.data!.rows) {
        const found = byKey.get(row.key) ?? {
          key: row.key,
          label: row.label,
          values: { contacts: null, fcr: null, repeat_contacts: null, handling_time: null },
          recorded: 0,
        };
        found.values[kpi] = row.value;
        if (kpi === 'fcr') found.recorded = row.n;
        byKey.set(row.key, found);
      }
    });
    rows = [...byKey.values()]
      .filter((r) => (r.values.contacts ?? 0) > 0)
      .sort((a, b) => (b.values.contacts ?? 0) - (a.values.contacts ?? 0) || a.label.localeCompare(b.label));
  }
  return { rows, error, isError: error !== null, isPending: !done && !error };
}

/** First-contact resolution of the whole period against the organisation's target. */
export function useFcrTotal({ from, to }: Pick<ContactStatsQuery, 'from' | 'to'>, enabled: boolean) {
  return useQuery({
    queryKey: ['metrics', 'overview', { from, to }, ['fcr']],
    queryFn: async () =>
      (await api<{ items: KpiValue[] }>('/api/metrics/overview', { query: { from, to, codes: 'fcr' } }))
        .items[0],
    enabled,
  });
}
