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

// ---- causes (issue 14 part "causes": modules/analysis, web feature monitoring-analysis) ----

/** What may drive the survey grade: each is related to the grade of the answers it is known for. */
export const DRIVER_CODES = [
  'resolution_days', // working days from intake to closure (case answers)
  'first_contact_resolution', // the contact was answered at once (contact answers)
  'norm_breach', // the case closed after its public norm (case answers)
  'channel', // the channel the person used
  'repeat_contact', // the contact repeated an earlier one
  'reopened', // the case was reopened
] as const;
export type DriverCode = (typeof DRIVER_CODES)[number];

/** The measures the equal-treatment view compares between groups. */
export const EQUALITY_MEASURES = ['fcr', 'norm_compliance', 'grade_mean', 'solved_share'] as const;
export type EqualityMeasure = (typeof EQUALITY_MEASURES)[number];
/** The groups the equal-treatment view compares. */
export const EQUALITY_DIMENSIONS = [
  'area',
  'customerKind',
  'language',
  'channel',
  'ageBand',
  'segment',
] as const;
export type EqualityDimension = (typeof EQUALITY_DIMENSIONS)[number];
/** Equal-treatment groups with fewer people or cases than this are left out: they could single someone out. */
export const EQUALITY_MIN_GROUP = 10;
/** Differences are flagged at this significance level (after the Holm–Bonferroni correction). */
export const SIGNIFICANCE_LEVEL = 0.05;

const analysisWords = z.object({ nl: z.string(), en: z.string() });

export const driverBandSchema = z.object({
  key: z.string(),
  label: analysisWords,
  /** Answers in this band. */
  n: z.number().int(),
  /** Mean grade; null below the minimum number of answers. */
  gradeMean: z.number().nullable(),
  /** Share (%) of grades 7 or higher; null below the minimum. */
  share7Plus: z.number().nullable(),
});
export type DriverBand = z.infer<typeof driverBandSchema>;

export const driverSchema = z
  .object({
    code: z.enum(DRIVER_CODES),
    /** numeric: a measure (days); binary: yes/no coded 1/0; categorical: groups without an order (channel). */
    kind: z.enum(['numeric', 'binary', 'categorical']),
    name: analysisWords,
    /** Answers for which this driver is known. */
    n: z.number().int(),
    /** Whether n reaches STATISTICS_MIN_RESPONSES; when not, nothing but the count is shown. */
    enough: z.boolean(),
    bands: z.array(driverBandSchema),
    /** Pearson's r between the driver and the grade (numeric and binary drivers). */
    correlation: z.number().nullable(),
    /** grade = intercept + slope × driver; slope's 95 % confidence interval from the t distribution. */
    regression: z
      .object({
        slope: z.number(),
        intercept: z.number(),
        slopeLow: z.number(),
        slopeHigh: z.number(),
        r2: z.number(),
        /** Two-sided p-value of the slope (t test, n − 2 degrees of freedom). */
        pValue: z.number(),
      })
      .nullable(),
    /** Categorical drivers: one-way analysis of variance (share of the grade's variance the groups explain). */
    anova: z.object({ etaSquared: z.number(), f: z.number(), pValue: z.number() }).nullable(),
    /** The result in plain words. */
    reading: analysisWords,
  })
  .meta({ id: 'AnalysisDriver' });
export type Driver = z.infer<typeof driverSchema>;

export const driversResponseSchema = z.object({
  from: day,
  to: day,
  minResponses: z.number().int(),
  /** All survey answers in the period and filter. */
  responses: z.number().int(),
  items: z.array(driverSchema),
});
export type DriversResponse = z.infer<typeof driversResponseSchema>;

export const breachesResponseSchema = z.object({
  from: day,
  to: day,
  /** Cases closed in the period (merged duplicates not counted). */
  closed: z.number().int(),
  /** Of those, closed after the public norm. */
  late: z.number().int(),
  /** Reasons, most frequent first; `reason` null: no reason recorded. */
  items: z.array(
    z.object({
      reason: z.string().nullable(),
      label: analysisWords,
      count: z.number().int(),
      /** Share (%) of the late cases. */
      share: z.number(),
    }),
  ),
  /** Per month (first day): closed, late, and late per reason. */
  months: z.array(
    z.object({
      month: day,
      closed: z.number().int(),
      late: z.number().int(),
      reasons: z.array(z.object({ reason: z.string().nullable(), count: z.number().int() })),
    }),
  ),
});
export type BreachesResponse = z.infer<typeof breachesResponseSchema>;

export const equalityQuerySchema = metricFilterSchema.extend({
  measure: z.enum(EQUALITY_MEASURES),
  by: z.enum(EQUALITY_DIMENSIONS),
});
export type EqualityQuery = z.infer<typeof equalityQuerySchema>;

export const equalityGroupSchema = z.object({
  /** The group's value (area, kind, language, channel, age band, segment code); null: unknown. */
  key: z.string().nullable(),
  label: analysisWords,
  /** People, cases or answers in the group. */
  n: z.number().int(),
  /** The measure in the group (% or mean grade), and in everybody else. */
  value: z.number().nullable(),
  restN: z.number().int(),
  restValue: z.number().nullable(),
  /** Null when the group or the rest is too small to test (fewer than STATISTICS_MIN_RESPONSES). */
  test: z
    .object({
      name: z.enum(['two_proportion_z', 'welch_t']),
      statistic: z.number(),
      pValue: z.number(),
      /** The p-value after the Holm–Bonferroni correction for the number of groups tested. */
      adjustedP: z.number(),
      significant: z.boolean(),
    })
    .nullable(),
  reading: analysisWords,
});
export type EqualityGroup = z.infer<typeof equalityGroupSchema>;

export const equalityResponseSchema = z.object({
  from: day,
  to: day,
  measure: z.enum(EQUALITY_MEASURES),
  by: z.enum(EQUALITY_DIMENSIONS),
  unit: z.enum(['percent', 'grade']),
  /** The measure over everyone in the filter. */
  overall: z.object({ n: z.number().int(), value: z.number().nullable() }),
  minGroup: z.number().int(),
  groups: z.array(equalityGroupSchema),
  /** Groups left out because they have fewer than `minGroup` people or cases. */
  hiddenGroups: z.number().int(),
  /** The test used, the correction and what the p-value means, in plain words. */
  method: analysisWords,
});
export type EqualityResponse = z.infer<typeof equalityResponseSchema>;
// ---- end causes ----
