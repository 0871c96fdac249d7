/**
 * Monitoring: the KPI catalogue's codes and the shapes of the monitoring API (filters, values, series,
 * breakdowns). Shared by the API (validation, OpenAPI) and the web (dashboards).
 * The catalogue's words (name, formula in words, source) live with each KPI in `KPI_CATALOGUE` (filled by the
 * metrics module's owner); the codes below are the contract every part of monitoring uses.
 */
import { z } from 'zod';

export const KPI_CODES = [
  // contacts and channels
  'contacts', // count of contacts
  'digital_share', // % of contacts and cases on web, email, app (channel shift)
  'fcr', // % first-contact resolution (answered of recorded contacts); target 80
  'repeat_contacts', // % of contacts that repeat an earlier one
  'avoidable_contacts', // % of contacts that only asked where a case stands, or repeated one
  'handling_time', // mean handling minutes per contact
  'callbacks_in_time', // % of callbacks due done in time
  // cases and norms
  'cases_opened', // count
  'norm_compliance', // % closed within the public norm
  'target_compliance', // % closed within the internal target
  'backlog', // open cases now (count)
  'backlog_overdue', // open cases past their due date (count)
  'backlog_age', // mean age of open cases in days
  'resolution_mean', // mean working days to resolve
  'resolution_p90', // 90th percentile working days to resolve
  'reopen_rate', // % of closed cases reopened
  // complaints (Awb 9)
  'complaints', // count of complaints decided
  'complaints_in_term', // % decided within the Awb term
  'complaints_founded', // % founded or partly founded of decided
  // satisfaction (surveys)
  'grade_mean', // mean grade 1–10
  'grade_7_plus', // % grades ≥ 7
  'grade_5_minus', // % grades ≤ 5
  'effort_mean', // mean effort score 1–5 (5 = very easy)
  'solved_share', // % "solved" yes
  // waiting (telephony and desk queue imports)
  'phone_answered_in_target', // % of offered calls answered within the target
  'phone_abandoned', // % of offered calls abandoned
  'desk_wait_mean', // mean desk wait in minutes
  // cost and checks
  'cost_per_contact', // euro per contact, from unit costs per channel
  'mystery_score', // % of checklist points met in mystery shopping/calling
] as const;
export type KpiCode = (typeof KPI_CODES)[number];

export const KPI_UNITS = ['count', 'percent', 'grade', 'score', 'days', 'minutes', 'euro'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];
/** Which way is good. */
export const KPI_DIRECTIONS = ['higher', 'lower', 'none'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export const AGE_BANDS = ['0-17', '18-29', '30-44', '45-64', '65-74', '75+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** What a dashboard can be split by. */
export const METRIC_DIMENSIONS = [
  'channel',
  'team',
  'agent',
  'item',
  'area',
  'segment',
  'customerKind',
  'language',
  'ageBand',
] as const;
export type MetricDimension = (typeof METRIC_DIMENSIONS)[number];

export const METRIC_GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type MetricGrain = (typeof METRIC_GRAINS)[number];

const day = z.iso.date();

/** The period and filters every monitoring request takes (query string). `to` is inclusive. */
export const metricFilterSchema = z.strictObject({
  from: day,
  to: day,
  channel: z.string().max(40).optional(),
  teamId: z.uuid().optional(),
  agentId: z.uuid().optional(),
  itemId: z.uuid().optional(),
  area: z.string().max(80).optional(),
  /** A segment's code. */
  segment: z.string().max(60).optional(),
});
export type MetricFilter = z.infer<typeof metricFilterSchema>;

/** One KPI's value for a period, with the previous period of the same length and the organisation's target. */
export const kpiValueSchema = z
  .object({
    code: z.enum(KPI_CODES),
    unit: z.enum(KPI_UNITS),
    direction: z.enum(KPI_DIRECTIONS),
    /** null when there is nothing to measure (or fewer than the minimum count). */
    value: z.number().nullable(),
    previous: z.number().nullable(),
    target: z.number().nullable(),
    /** The count the value rests on (contacts, cases, answers …). */
    n: z.number().int(),
    /** on target, off target, or no target / no value. */
    status: z.enum(['met', 'missed', 'none']),
  })
  .meta({ id: 'KpiValue' });
export type KpiValue = z.infer<typeof kpiValueSchema>;

export const kpiSeriesPointSchema = z.object({
  /** The period's first day. */
  period: day,
  value: z.number().nullable(),
  n: z.number().int(),
});
export type KpiSeriesPoint = z.infer<typeof kpiSeriesPointSchema>;

export const kpiBreakdownRowSchema = z.object({
  /** The dimension's value (an id, code or name); null for "none". */
  key: z.string().nullable(),
  label: z.string(),
  value: z.number().nullable(),
  n: z.number().int(),
});
export type KpiBreakdownRow = z.infer<typeof kpiBreakdownRowSchema>;

/** Public figures never rest on fewer than this many (cases, answers); smaller counts are suppressed. */
export const PUBLIC_MIN_COUNT = 5;
/** Statistics (drivers, equal treatment) are not shown on fewer answers than this. */
export const STATISTICS_MIN_RESPONSES = 30;
