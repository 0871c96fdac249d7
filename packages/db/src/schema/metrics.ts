/**
 * Monitoring (ADR "metric rollups"): daily rollups of contacts, cases, survey answers and callbacks, per
 * organisation × day × channel × team × item × area × the customer attributes segments are made of (kind, language,
 * age band). A segment is a rule over these dimensions, so it filters every rollup without multiplying its rows.
 * A rollup day is recomputed whole from the raw rows when anything of that day changes (`metric_dirty`, filled by
 * triggers on the raw tables), so late events, reopened cases and merged duplicates stay exact.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { organisationId } from './organisations.ts';

/** A day whose rollup of one kind of fact must be recomputed. */
export const metricDirty = pgTable(
  'metric_dirty',
  {
    organisationId: organisationId(),
    /** 'contact' | 'case' | 'survey' | 'callback' */
    fact: text('fact').notNull(),
    /** The local (Europe/Amsterdam) date. */
    day: date('day').notNull(),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'metric_dirty_pkey', columns: [t.organisationId, t.fact, t.day] })],
);

/** The dimensions every rollup shares; null means "none" (no team, no item, unknown area or customer). */
const dimensions = () => ({
  organisationId: organisationId(),
  day: date('day').notNull(),
  channel: text('channel').notNull(),
  teamId: uuid('team_id'),
  catalogueItemId: uuid('catalogue_item_id'),
  /** The district (wijk) of the case's place or the customer's address. */
  area: text('area'),
  /** The customer's kind: resident | business | employee; null when anonymous. */
  customerKind: text('customer_kind'),
  /** The language the person was served in (nl | en). */
  language: text('language'),
  /** '0-17' | '18-29' | '30-44' | '45-64' | '65-74' | '75+' from the birth date on that day; null when unknown. */
  ageBand: text('age_band'),
});

/** The contact rollups' sums. */
const contactMeasures = () => ({
  contacts: integer('contacts').notNull().default(0),
  /** Outcome answered: first-contact resolution. */
  answered: integer('answered').notNull().default(0),
  handedOver: integer('handed_over').notNull().default(0),
  callbacks: integer('callbacks').notNull().default(0),
  referred: integer('referred').notNull().default(0),
  notHelped: integer('not_helped').notNull().default(0),
  /** Closed without an outcome (also automatically closed). */
  unrecorded: integer('unrecorded').notNull().default(0),
  repeats: integer('repeats').notNull().default(0),
  /**
   * Contacts that only asked where an open case stands and are not repeats: with `repeats`, the avoidable
   * contacts, each once (a status inquiry that repeats an earlier contact is counted among the repeats).
   */
  statusInquiries: integer('status_inquiries').notNull().default(0),
  handlingSeconds: bigint('handling_seconds', { mode: 'number' }).notNull().default(0),
  /** Contacts with a measured wait, and the sum of their waits. */
  waited: integer('waited').notNull().default(0),
  waitSeconds: bigint('wait_seconds', { mode: 'number' }).notNull().default(0),
});

/** The case rollups' sums. */
const caseMeasures = () => ({
  opened: integer('opened').notNull().default(0),
  closed: integer('closed').notNull().default(0),
  /** Closed on or before the public norm's due date. */
  closedInNorm: integer('closed_in_norm').notNull().default(0),
  /** Closed on or before the internal target (the public norm when there is none). */
  closedInTarget: integer('closed_in_target').notNull().default(0),
  reopened: integer('reopened').notNull().default(0),
  merged: integer('merged').notNull().default(0),
  /** Working minutes from intake to closure, net of suspensions, summed over `closed`. */
  resolutionMinutes: bigint('resolution_minutes', { mode: 'number' }).notNull().default(0),
  /** Closed cases by whole working days to resolve: index 0..30, the last bucket is 31 or more. */
  resolutionDays: integer('resolution_days').array().notNull().default(sql`'{}'::integer[]`),
  complaintsClosed: integer('complaints_closed').notNull().default(0),
  /** Complaints decided within the Awb term (with its extension). */
  complaintsInTerm: integer('complaints_in_term').notNull().default(0),
  complaintsFounded: integer('complaints_founded').notNull().default(0),
  complaintsPartlyFounded: integer('complaints_partly_founded').notNull().default(0),
  complaintsUnfounded: integer('complaints_unfounded').notNull().default(0),
  complaintsWithdrawn: integer('complaints_withdrawn').notNull().default(0),
});

/** The survey rollups' sums. */
const surveyMeasures = () => ({
  responses: integer('responses').notNull().default(0),
  gradeSum: integer('grade_sum').notNull().default(0),
  gradeSquares: bigint('grade_squares', { mode: 'number' }).notNull().default(0),
  /** Answers per grade 1..10 (index 0 is grade 1). */
  grades: integer('grades').array().notNull().default(sql`'{}'::integer[]`),
  gradeAtLeast7: integer('grade_at_least_7').notNull().default(0),
  gradeAtMost5: integer('grade_at_most_5').notNull().default(0),
  effortSum: integer('effort_sum').notNull().default(0),
  effortAnswers: integer('effort_answers').notNull().default(0),
  solvedYes: integer('solved_yes').notNull().default(0),
  solvedAnswers: integer('solved_answers').notNull().default(0),
  followUps: integer('follow_ups').notNull().default(0),
  compliments: integer('compliments').notNull().default(0),
});

/** The callback rollups' sums. */
const callbackMeasures = () => ({
  due: integer('due').notNull().default(0),
  doneInTime: integer('done_in_time').notNull().default(0),
  doneLate: integer('done_late').notNull().default(0),
  /** Still open after their due time. */
  overdue: integer('overdue').notNull().default(0),
});

/** Contacts by the day they started. */
export const metricContactDay = pgTable(
  'metric_contact_day',
  {
    ...dimensions(),
    agentUserId: uuid('agent_user_id'),
    ...contactMeasures(),
  },
  (t) => [
    index('metric_contact_day_org_day_idx').on(t.organisationId, t.day),
    // An agent's own figures ("mijn cijfers") without reading the whole organisation's days.
    index('metric_contact_day_org_agent_day_idx').on(t.organisationId, t.agentUserId, t.day),
  ],
);

/**
 * Cases: `opened` by the day they were made; the closing figures by the day they closed (merged duplicates count in
 * `merged` only); `reopened` by the day of the reopening.
 */
export const metricCaseDay = pgTable(
  'metric_case_day',
  {
    ...dimensions(),
    /** The item's kind: question | report | request | complaint | … */
    kind: text('kind').notNull(),
    /** Why the norm was missed (closed late only); null otherwise. */
    breachReason: text('breach_reason'),
    ...caseMeasures(),
  },
  (t) => [
    index('metric_case_day_org_day_idx').on(t.organisationId, t.day),
    // The late cases with a reason (the public page's reasons per service): a few percent of the rows, read from
    // the index alone (they lie scattered over the table: a year's 45,000 were 25,000 pages, 0.7 s, cold).
    index('metric_case_day_org_day_breach_cover_idx')
      .on(t.organisationId, t.day, t.catalogueItemId, t.breachReason, t.closed, t.closedInNorm)
      .where(sql`breach_reason IS NOT NULL`),
  ],
);

/** Survey answers by the day they were given. */
export const metricSurveyDay = pgTable(
  'metric_survey_day',
  {
    ...dimensions(),
    /** 'case' | 'contact' */
    source: text('source').notNull(),
    ...surveyMeasures(),
  },
  (t) => [index('metric_survey_day_org_day_idx').on(t.organisationId, t.day)],
);

/** Callbacks by the day they were due. */
export const metricCallbackDay = pgTable(
  'metric_callback_day',
  {
    ...dimensions(),
    ...callbackMeasures(),
  },
  (t) => [index('metric_callback_day_org_day_idx').on(t.organisationId, t.day)],
);

/**
 * The same sums per organisation × day × channel × team only (ADR "metric rollups", addendum): recomputed with their
 * day from the rollups above, so exact by construction. A request without a filter on item, area, agent or
 * customer (the management, team and public overviews, the trends, the breakdown by team or channel) reads these:
 * their size depends on days × channels × teams, not on how many contacts and cases there were.
 */
const teamDimensions = () => ({
  organisationId: organisationId(),
  day: date('day').notNull(),
  channel: text('channel').notNull(),
  teamId: uuid('team_id'),
});

export const metricContactTeamDay = pgTable(
  'metric_contact_team_day',
  { ...teamDimensions(), ...contactMeasures() },
  (t) => [index('metric_contact_team_day_org_day_idx').on(t.organisationId, t.day)],
);

export const metricCaseTeamDay = pgTable(
  'metric_case_team_day',
  { ...teamDimensions(), ...caseMeasures() },
  (t) => [index('metric_case_team_day_org_day_idx').on(t.organisationId, t.day)],
);

export const metricSurveyTeamDay = pgTable(
  'metric_survey_team_day',
  { ...teamDimensions(), ...surveyMeasures() },
  (t) => [index('metric_survey_team_day_org_day_idx').on(t.organisationId, t.day)],
);

export const metricCallbackTeamDay = pgTable(
  'metric_callback_team_day',
  { ...teamDimensions(), ...callbackMeasures() },
  (t) => [index('metric_callback_team_day_org_day_idx').on(t.organisationId, t.day)],
);

/**
 * The team rollups summed per calendar month (`day` is the month's first day; the same columns in the same order as
 * the team rollups, so a request reads whole months here and the days around them there in one UNION ALL). Kept
 * equal to the team rollups: the function that recomputes a team rollup's days recomputes their months after them.
 * A year's overview reads 24 months instead of 730 days.
 */
export const metricContactTeamMonth = pgTable(
  'metric_contact_team_month',
  { ...teamDimensions(), ...contactMeasures() },
  (t) => [index('metric_contact_team_month_org_day_idx').on(t.organisationId, t.day)],
);

export const metricCaseTeamMonth = pgTable(
  'metric_case_team_month',
  { ...teamDimensions(), ...caseMeasures() },
  (t) => [index('metric_case_team_month_org_day_idx').on(t.organisationId, t.day)],
);

export const metricSurveyTeamMonth = pgTable(
  'metric_survey_team_month',
  { ...teamDimensions(), ...surveyMeasures() },
  (t) => [index('metric_survey_team_month_org_day_idx').on(t.organisationId, t.day)],
);

export const metricCallbackTeamMonth = pgTable(
  'metric_callback_team_month',
  { ...teamDimensions(), ...callbackMeasures() },
  (t) => [index('metric_callback_team_month_org_day_idx').on(t.organisationId, t.day)],
);

/**
 * The same sums per organisation × day × channel × item only (cases also by their kind): the top 10 questions and
 * reports and an item's own figures read these, a handful of rows per item and day whatever the volume. Kept like
 * the team rollups.
 */
const itemDimensions = () => ({
  organisationId: organisationId(),
  day: date('day').notNull(),
  channel: text('channel').notNull(),
  catalogueItemId: uuid('catalogue_item_id'),
});

export const metricContactItemDay = pgTable(
  'metric_contact_item_day',
  { ...itemDimensions(), ...contactMeasures() },
  (t) => [index('metric_contact_item_day_org_day_idx').on(t.organisationId, t.day)],
);

export const metricCaseItemDay = pgTable(
  'metric_case_item_day',
  { ...itemDimensions(), kind: text('kind').notNull(), ...caseMeasures() },
  (t) => [index('metric_case_item_day_org_day_idx').on(t.organisationId, t.day)],
);

export const metricSurveyItemDay = pgTable(
  'metric_survey_item_day',
  { ...itemDimensions(), ...surveyMeasures() },
  (t) => [index('metric_survey_item_day_org_day_idx').on(t.organisationId, t.day)],
);

export const metricCallbackItemDay = pgTable(
  'metric_callback_item_day',
  { ...itemDimensions(), ...callbackMeasures() },
  (t) => [index('metric_callback_item_day_org_day_idx').on(t.organisationId, t.day)],
);

/**
 * The same sums per organisation × day × channel × one attribute of the person or place (ADR 0030, addendum):
 * `dimension` names which one — 'area' | 'customer_kind' | 'language' | 'age_band' — and only that column is filled
 * (null there means unknown, as in the daily rollups). One GROUPING SETS row group per attribute, so the breakdowns
 * by district, kind of customer, language and age band (the districts page, equal treatment) and a district's own
 * figures read some 150 rows a day instead of the daily rollups' thousands. Kept like the team rollups.
 */
const profileDimensions = () => ({
  organisationId: organisationId(),
  day: date('day').notNull(),
  channel: text('channel').notNull(),
  dimension: text('dimension').notNull(),
  area: text('area'),
  customerKind: text('customer_kind'),
  language: text('language'),
  ageBand: text('age_band'),
});

export const metricContactProfileDay = pgTable(
  'metric_contact_profile_day',
  { ...profileDimensions(), ...contactMeasures() },
  (t) => [index('metric_contact_profile_day_org_dim_day_idx').on(t.organisationId, t.dimension, t.day)],
);

export const metricCaseProfileDay = pgTable(
  'metric_case_profile_day',
  { ...profileDimensions(), ...caseMeasures() },
  (t) => [index('metric_case_profile_day_org_dim_day_idx').on(t.organisationId, t.dimension, t.day)],
);

export const metricSurveyProfileDay = pgTable(
  'metric_survey_profile_day',
  { ...profileDimensions(), ...surveyMeasures() },
  (t) => [index('metric_survey_profile_day_org_dim_day_idx').on(t.organisationId, t.dimension, t.day)],
);

export const metricCallbackProfileDay = pgTable(
  'metric_callback_profile_day',
  { ...profileDimensions(), ...callbackMeasures() },
  (t) => [index('metric_callback_profile_day_org_dim_day_idx').on(t.organisationId, t.dimension, t.day)],
);

/**
 * Contacts per organisation × day × channel × agent (ADR 0030, addendum): an agent's own figures ("mijn cijfers")
 * read a few rows a day instead of their rows scattered over the daily contact rollup. Kept like the team rollups.
 */
export const metricContactAgentDay = pgTable(
  'metric_contact_agent_day',
  {
    organisationId: organisationId(),
    day: date('day').notNull(),
    channel: text('channel').notNull(),
    agentUserId: uuid('agent_user_id'),
    ...contactMeasures(),
  },
  (t) => [index('metric_contact_agent_day_org_agent_day_idx').on(t.organisationId, t.agentUserId, t.day)],
);

/** Open cases at the end of a day (a snapshot taken by the catch-up; today's backlog is counted live). */
export const metricBacklogDay = pgTable(
  'metric_backlog_day',
  {
    ...dimensions(),
    kind: text('kind').notNull(),
    open: integer('open').notNull().default(0),
    /** Open past the public norm's due date. */
    overdue: integer('overdue').notNull().default(0),
    /** Sum of the open cases' ages in calendar days. */
    ageDays: bigint('age_days', { mode: 'number' }).notNull().default(0),
  },
  (t) => [index('metric_backlog_day_org_day_idx').on(t.organisationId, t.day)],
);

/** The organisation's own target for a KPI of the catalogue (packages/shared/src/metrics.ts). */
export const kpiTarget = pgTable(
  'kpi_target',
  {
    organisationId: organisationId(),
    kpiCode: text('kpi_code').notNull(),
    target: numeric('target', { mode: 'number' }).notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ name: 'kpi_target_pkey', columns: [t.organisationId, t.kpiCode] })],
);

/**
 * A segment (doelgroep): a named rule over the rollups' customer dimensions,
 * `{ customerKind?: string[], language?: string[], ageBand?: string[], area?: string[], channel?: string[] }` —
 * all named keys must match, any value within a key.
 */
export const segment = pgTable(
  'segment',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    code: text('code').notNull(),
    /** { nl, en } */
    name: jsonb('name').notNull(),
    rule: jsonb('rule').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'segment_pkey', columns: [t.organisationId, t.id] }),
    uniqueIndex('segment_org_code_uq').on(t.organisationId, t.code),
  ],
);
