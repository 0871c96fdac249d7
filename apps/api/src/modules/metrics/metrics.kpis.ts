/**
 * The KPIs' arithmetic: each KPI of the catalogue from the sums of its rollup (no SQL here), and the registry
 * through which the input modules (waiting, costs, mystery) answer for the KPIs they compute themselves.
 */
import type { Db } from '@voordeur/db';
import {
  KPI_CATALOGUE,
  type KpiCode,
  type KpiSource,
  METRIC_DIMENSIONS,
  type MetricDimension,
  type MetricFilter,
} from '@voordeur/shared';

/** Sums of `metric_contact_day` over a filter. */
export interface ContactSums {
  contacts: number;
  answered: number;
  unrecorded: number;
  repeats: number;
  statusInquiries: number;
  handlingSeconds: number;
  /** Contacts on the digital channels (web, email, app). */
  digital: number;
}

/** Sums of `metric_case_day`. */
export interface CaseSums {
  opened: number;
  /** Cases opened on the digital channels. */
  digitalOpened: number;
  closed: number;
  closedInNorm: number;
  closedInTarget: number;
  reopened: number;
  resolutionMinutes: number;
  complaintsClosed: number;
  complaintsInTerm: number;
  complaintsFounded: number;
  complaintsPartlyFounded: number;
  complaintsUnfounded: number;
}

export interface SurveySums {
  responses: number;
  gradeSum: number;
  /** Sum of the squared grades (for Welch's test on the mean). */
  gradeSquares: number;
  gradeAtLeast7: number;
  gradeAtMost5: number;
  effortSum: number;
  effortAnswers: number;
  solvedYes: number;
  solvedAnswers: number;
}

export interface CallbackSums {
  due: number;
  doneInTime: number;
}

export interface BacklogSums {
  open: number;
  overdue: number;
  ageDays: number;
}

/** Everything one KPI may need; a fact that was not read is absent. */
export interface Sums {
  contact?: ContactSums;
  case?: CaseSums;
  survey?: SurveySums;
  callback?: CallbackSums;
  backlog?: BacklogSums;
  /** Closed cases per whole working day 0..31 (31 = 31 or more), summed. */
  resolutionDays?: number[];
  /** The organisation's working day in minutes (its calendar's mean opening day), for resolution in days. */
  minutesPerDay?: number;
}

/** The channels that count as digital for the channel shift. */
export const DIGITAL_CHANNELS = ['web', 'email', 'app'] as const;

export interface Measured {
  value: number | null;
  n: number;
  /**
   * What the value is made of, for modules that publish or test it (public page, equal treatment): the part of a
   * share or the sum of a mean, unrounded, over the base `n`; for a mean grade also the sum of squared grades.
   * Never in an API response of monitoring itself.
   */
  part?: number;
  squares?: number;
}

const round = (v: number) => Math.round(v * 100) / 100;
const ratio = (part: number, whole: number, scale = 1): Measured =>
  whole > 0 ? { value: round((part / whole) * scale), n: whole, part } : { value: null, n: 0, part: 0 };
const pct = (part: number, whole: number) => ratio(part, whole, 100);
const count = (v: number | undefined): Measured => ({ value: v ?? 0, n: v ?? 0 });
const none: Measured = { value: null, n: 0 };

/** The 90th percentile (nearest rank) of a histogram of whole days. */
export function percentile90(histogram: readonly number[]): Measured {
  const total = histogram.reduce((a, b) => a + b, 0);
  if (total === 0) return none;
  const rank = Math.ceil(0.9 * total);
  let seen = 0;
  for (let day = 0; day < histogram.length; day++) {
    seen += histogram[day] ?? 0;
    if (seen >= rank) return { value: day, n: total };
  }
  return { value: histogram.length - 1, n: total };
}

/** One KPI from the sums of its rollups; null value when there is nothing to measure. */
export function measure(code: KpiCode, s: Sums): Measured {
  const c = s.contact;
  const k = s.case;
  const v = s.survey;
  const b = s.backlog;
  switch (code) {
    case 'contacts':
      return count(c?.contacts);
    case 'digital_share':
      return pct((c?.digital ?? 0) + (k?.digitalOpened ?? 0), (c?.contacts ?? 0) + (k?.opened ?? 0));
    case 'fcr':
      return c ? pct(c.answered, c.contacts - c.unrecorded) : none;
    case 'repeat_contacts':
      return c ? pct(c.repeats, c.contacts) : none;
    case 'avoidable_contacts': {
      // The rollups count a status inquiry that is also a repeat among the repeats only: each contact once.
      if (!c || c.contacts === 0) return none;
      return pct(c.statusInquiries + c.repeats, c.contacts);
    }
    case 'handling_time':
      return c ? ratio(c.handlingSeconds, c.contacts, 1 / 60) : none;
    case 'callbacks_in_time':
      return s.callback ? pct(s.callback.doneInTime, s.callback.due) : none;
    case 'cases_opened':
      return count(k?.opened);
    case 'norm_compliance':
      return k ? pct(k.closedInNorm, k.closed) : none;
    case 'target_compliance':
      return k ? pct(k.closedInTarget, k.closed) : none;
    case 'backlog':
      return b ? { value: b.open, n: b.open } : none;
    case 'backlog_overdue':
      return b ? { value: b.overdue, n: b.open } : none;
    case 'backlog_age':
      return b ? ratio(b.ageDays, b.open) : none;
    case 'resolution_mean':
      return k && s.minutesPerDay ? ratio(k.resolutionMinutes, k.closed, 1 / s.minutesPerDay) : none;
    case 'resolution_p90':
      return s.resolutionDays ? percentile90(s.resolutionDays) : none;
    case 'reopen_rate':
      return k ? pct(k.reopened, k.closed) : none;
    case 'complaints':
      return count(k?.complaintsClosed);
    case 'complaints_in_term':
      return k ? pct(k.complaintsInTerm, k.complaintsClosed) : none;
    case 'complaints_founded':
      return k
        ? pct(
            k.complaintsFounded + k.complaintsPartlyFounded,
            k.complaintsFounded + k.complaintsPartlyFounded + k.complaintsUnfounded,
          )
        : none;
    case 'grade_mean':
      return v ? { ...ratio(v.gradeSum, v.responses), squares: v.gradeSquares } : none;
    case 'grade_7_plus':
      return v ? pct(v.gradeAtLeast7, v.responses) : none;
    case 'grade_5_minus':
      return v ? pct(v.gradeAtMost5, v.responses) : none;
    case 'effort_mean':
      return v ? ratio(v.effortSum, v.effortAnswers) : none;
    case 'solved_share':
      return v ? pct(v.solvedYes, v.solvedAnswers) : none;
    default:
      return none;
  }
}

/** Whether a value meets a target in the KPI's direction. */
export function statusOf(
  code: KpiCode,
  value: number | null,
  target: number | null,
): 'met' | 'missed' | 'none' {
  const { direction } = KPI_CATALOGUE[code];
  if (value === null || target === null || direction === 'none') return 'none';
  return (direction === 'higher' ? value >= target : value <= target) ? 'met' : 'missed';
}

/** The rollup facts the given KPIs read. */
export function factsOf(codes: readonly KpiCode[]): Set<KpiSource> {
  return new Set(codes.flatMap((c) => KPI_CATALOGUE[c].reads));
}

// ---- KPIs computed by other modules (waiting, costs, mystery) ----

/**
 * A module that computes its own KPIs for a filter (the period and the filters the caller may use; `teamId` is
 * always one of the caller's teams when the caller sees only their teams).
 */
export type KpiSourceFn = (
  db: Db,
  organisationId: string,
  filter: MetricFilter,
) => Promise<{ code: KpiCode; value: number | null; n: number }[]>;

/** The input modules' KPIs (queues, unit costs, mystery checks): split by channel only. */
export type ExternalSource = 'waiting' | 'cost' | 'mystery';
export const EXTERNAL_SOURCES: readonly ExternalSource[] = ['waiting', 'cost', 'mystery'];

const sources = new Map<ExternalSource, KpiSourceFn>();

/**
 * Lets an input module answer for its KPIs (`registerKpiSource('waiting', waiting.kpiValues)`, wired once in
 * app.ts). Until a source is registered its KPIs answer value null.
 */
export function registerKpiSource(source: ExternalSource, fn: KpiSourceFn): void {
  sources.set(source, fn);
}

export function kpiSource(source: KpiSource): KpiSourceFn | undefined {
  return sources.get(source as ExternalSource);
}

export const isExternal = (code: KpiCode) =>
  KPI_CATALOGUE[code].reads.some((r) => (EXTERNAL_SOURCES as readonly string[]).includes(r));

/** Whether a KPI is computed from contacts alone (only those are measured per agent). */
export const isContactOnly = (code: KpiCode) => KPI_CATALOGUE[code].reads.every((r) => r === 'contact');

/**
 * What a KPI can be split by (GET /api/metrics/breakdown `by`): an imported figure by channel only; the agent only
 * for a contact figure; every other dimension for the rest.
 */
export function splitsOf(code: KpiCode): MetricDimension[] {
  if (isExternal(code)) return ['channel'];
  const perAgent = isContactOnly(code);
  return METRIC_DIMENSIONS.filter((d) => perAgent || d !== 'agent');
}
