/**
 * The period and filters of every monitoring page, kept in the URL (so a view can be shared, bookmarked and
 * opened again): `period` month | quarter | year | custom, `at` (2026-11, 2026-Q3, 2026) or `from`/`to`, and the
 * filters channel, teamId, agentId, itemId, area, segment.
 */
import type { MetricFilter, MetricGrain } from '@voordeur/shared';

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const FILTER_KEYS = ['channel', 'teamId', 'agentId', 'itemId', 'area', 'segment'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
/** The API refuses longer periods. */
export const MAX_YEARS = 5;

const pad = (n: number) => String(n).padStart(2, '0');
/** A local date as YYYY-MM-DD. */
export const isoDate = (date: Date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
const lastDay = (year: number, month0: number) => new Date(year, month0 + 1, 0).getDate();

/** The `at` values offered for a kind, newest first, starting from the last complete one. */
export function periodChoices(kind: Exclude<PeriodKind, 'custom'>, today: Date, count: number): string[] {
  const out: string[] = [];
  const year = today.getFullYear();
  const month = today.getMonth();
  for (let i = 0; i < count; i++) {
    if (kind === 'month') {
      const d = new Date(year, month - 1 - i, 1);
      out.push(`${d.getFullYear()}-${pad(d.getMonth() + 1)}`);
    } else if (kind === 'quarter') {
      const q = Math.floor(month / 3) - 1 - i; // quarters before the current one
      const y = year + Math.floor(q / 4);
      out.push(`${y}-Q${(((q % 4) + 4) % 4) + 1}`);
    } else out.push(String(year - 1 - i));
  }
  return out;
}

/** The first and last day of a month, quarter or year given as `at`; null when `at` is not one. */
export function periodRange(
  kind: Exclude<PeriodKind, 'custom'>,
  at: string,
): { from: string; to: string } | null {
  if (kind === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(at);
    if (!m) return null;
    const y = Number(m[1]);
    const mo = Number(m[2]) - 1;
    if (mo < 0 || mo > 11) return null;
    return { from: `${y}-${pad(mo + 1)}-01`, to: `${y}-${pad(mo + 1)}-${pad(lastDay(y, mo))}` };
  }
  if (kind === 'quarter') {
    const m = /^(\d{4})-Q([1-4])$/.exec(at);
    if (!m) return null;
    const y = Number(m[1]);
    const first = (Number(m[2]) - 1) * 3;
    return { from: `${y}-${pad(first + 1)}-01`, to: `${y}-${pad(first + 3)}-${pad(lastDay(y, first + 2))}` };
  }
  if (!/^\d{4}$/.test(at)) return null;
  return { from: `${at}-01-01`, to: `${at}-12-31` };
}

/** The grain a trend over this period is drawn in: about 5 to 60 points. */
export function grainFor(from: string, to: string): MetricGrain {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days <= 62) return 'day';
  if (days <= 190) return 'week';
  if (days <= 3 * 366) return 'month';
  return 'quarter';
}

export interface PeriodState {
  kind: PeriodKind;
  /** The month, quarter or year chosen (not for custom). */
  at: string;
  from: string;
  to: string;
  /** Why the period cannot be asked for (custom dates); null when it can. */
  problem: 'dateOrder' | 'tooLong' | 'future' | 'invalid' | null;
}

/** Read the period from the URL, defaulting to the last complete month. */
export function readPeriod(params: URLSearchParams, today: Date): PeriodState {
  const kindParam = params.get('period');
  const kind: PeriodKind = (PERIOD_KINDS as readonly string[]).includes(kindParam ?? '')
    ? (kindParam as PeriodKind)
    : 'month';
  if (kind === 'custom') {
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    const valid = /^\d{4}-\d{2}-\d{2}$/;
    let problem: PeriodState['problem'] = null;
    if (
      !valid.test(from) ||
      !valid.test(to) ||
      Number.isNaN(Date.parse(from)) ||
      Number.isNaN(Date.parse(to))
    )
      problem = 'invalid';
    else if (from > to) problem = 'dateOrder';
    else if (to > isoDate(today)) problem = 'future';
    else if (Date.parse(to) - Date.parse(from) > MAX_YEARS * 366 * 86_400_000) problem = 'tooLong';
    return { kind, at: '', from, to, problem };
  }
  const fallback = periodChoices(kind, today, 1)[0] as string;
  const at = params.get('at') ?? fallback;
  const range = periodRange(kind, at) ?? (periodRange(kind, fallback) as { from: string; to: string });
  const chosen = periodRange(kind, at) ? at : fallback;
  // A period that has not ended yet runs to today (the API refuses days still to come).
  const today_ = isoDate(today);
  return { kind, at: chosen, from: range.from, to: range.to > today_ ? today_ : range.to, problem: null };
}

/** The whole filter the API takes. */
export function readFilter(params: URLSearchParams, period: PeriodState): MetricFilter {
  const filter: MetricFilter = { from: period.from, to: period.to };
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  return filter;
}

/** The search string of a filter (for links to the drill-down and between the monitoring pages). */
export function filterSearch(
  params: URLSearchParams,
  extra: Record<string, string | undefined> = {},
): string {
  const next = new URLSearchParams();
  // Labels of drilled filters (an area's or item's name) travel along for the page to show; never a person's name.
  for (const key of ['period', 'at', 'from', 'to', ...FILTER_KEYS, 'areaLabel', 'itemIdLabel']) {
    const value = params.get(key);
    if (value) next.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  const text = next.toString();
  return text ? `?${text}` : '';
}

/**
 * The days of one point of a trend (`index` of the series' points, each named by its first day): from its first day
 * to the day before the next point's, within the chosen period; null when there is no such point.
 */
export function pointRange(
  points: readonly { period: string }[],
  index: number,
  period: { from: string; to: string },
): { from: string; to: string } | null {
  const point = points[index];
  if (!point) return null;
  const next = points[index + 1];
  const end = next
    ? new Date(Date.parse(`${next.period}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
    : period.to;
  return {
    from: point.period < period.from ? period.from : point.period,
    to: end > period.to ? period.to : end,
  };
}
