/**
 * Monitoring's SQL (KPI side): sums over the daily rollups for a scope, grouped by period, grain or dimension; the
 * live backlog and the drill-down from the raw tables; targets and segments. Every query takes the organisation.
 */
import {
  appUser,
  catalogueItem,
  catalogueItemVersion,
  type Db,
  kpiTarget,
  queryRows,
  segment,
  team,
} from '@voordeur/db';
import type { MetricDimension, MetricGrain, SegmentRule } from '@voordeur/shared';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { BacklogSums, CallbackSums, CaseSums, ContactSums, SurveySums } from './metrics.kpis.ts';
import { RESOLUTION_BUCKETS } from './metrics.rollup.queries.ts';

/** What a request may see, after the service applied the caller's scope. */
export interface MetricScope {
  organisationId: string;
  channel?: string | undefined;
  teamId?: string | undefined;
  /** Only these teams (a team lead's own). */
  teamIds?: readonly string[] | undefined;
  agentId?: string | undefined;
  itemId?: string | undefined;
  area?: string | undefined;
  /** Segment rules that must all match. */
  rules: readonly SegmentRule[];
  /** Leave out customers of these kinds (the public figures leave out employees); unknown customers stay in. */
  exceptCustomerKinds?: readonly string[] | undefined;
}

export type RollupFact = 'contact' | 'case' | 'survey' | 'callback' | 'backlog';

/** How rows are grouped: all together, current vs previous period, per grain, per dimension, or per day. */
export type Grouping =
  | { kind: 'total' }
  | { kind: 'split'; currentFrom: string }
  | { kind: 'grain'; grain: MetricGrain }
  | { kind: 'dimension'; by: Exclude<MetricDimension, 'segment'> }
  | { kind: 'day' };

const TABLE: Record<RollupFact, SQL> = {
  contact: sql.raw('metric_contact_day'),
  case: sql.raw('metric_case_day'),
  survey: sql.raw('metric_survey_day'),
  callback: sql.raw('metric_callback_day'),
  backlog: sql.raw('metric_backlog_day'),
};

/**
 * The team and item rollups (ADR 0030, addendum): the same sums per day × channel × team, and per day × channel ×
 * item (cases also by kind), kept equal to the daily rollups by triggers. Their size does not grow with the number
 * of contacts and cases.
 */
const TEAM_TABLE: Partial<Record<RollupFact, SQL>> = {
  contact: sql.raw('metric_contact_team_day'),
  case: sql.raw('metric_case_team_day'),
  survey: sql.raw('metric_survey_team_day'),
  callback: sql.raw('metric_callback_team_day'),
};
/** The team rollups per calendar month (`day` = the month's first day; the team rollups' columns, in their order). */
const TEAM_MONTH_TABLE: Partial<Record<RollupFact, SQL>> = {
  contact: sql.raw('metric_contact_team_month'),
  case: sql.raw('metric_case_team_month'),
  survey: sql.raw('metric_survey_team_month'),
  callback: sql.raw('metric_callback_team_month'),
};
const ITEM_TABLE: Partial<Record<RollupFact, SQL>> = {
  contact: sql.raw('metric_contact_item_day'),
  case: sql.raw('metric_case_item_day'),
  survey: sql.raw('metric_survey_item_day'),
  callback: sql.raw('metric_callback_item_day'),
};

/**
 * The profile rollups: the same sums per day × channel × one of district, kind of customer, language and age band
 * (`dimension` names which; only that column is filled).
 */
const PROFILE_TABLE: Partial<Record<RollupFact, SQL>> = {
  contact: sql.raw('metric_contact_profile_day'),
  case: sql.raw('metric_case_profile_day'),
  survey: sql.raw('metric_survey_profile_day'),
  callback: sql.raw('metric_callback_profile_day'),
};
/** A profile rollup's `dimension` per metric dimension it holds. */
const PROFILE_DIMENSION: Partial<Record<MetricDimension, string>> = {
  area: 'area',
  customerKind: 'customer_kind',
  language: 'language',
  ageBand: 'age_band',
};

const PROFILE_COLUMNS = new Set(Object.values(PROFILE_DIMENSION));

/** The person's and place's attributes a scope and grouping need (the profile rollups hold one at a time). */
function profileNeeds(s: MetricScope, g: Grouping): Set<string> {
  const needs = new Set<string>();
  if (s.area) needs.add('area');
  if (s.exceptCustomerKinds?.length) needs.add('customer_kind');
  for (const rule of s.rules) {
    if (rule.area) needs.add('area');
    if (rule.customerKind) needs.add('customer_kind');
    if (rule.language) needs.add('language');
    if (rule.ageBand) needs.add('age_band');
  }
  if (g.kind === 'dimension' && g.by !== 'channel') needs.add(PROFILE_DIMENSION[g.by] ?? g.by);
  return needs;
}

/**
 * The smallest rollup that answers: the team rollup when the scope and grouping need no dimension but channel and
 * team (the overviews of the organisation and of teams, trends, the breakdown by team or channel); the item rollup
 * when they need no dimension but channel and item (the top 10, an item's figures, the breakdown by item); the
 * profile rollup when they need channel and one of district, kind of customer, language or age band (the districts,
 * equal treatment, a district's or one-attribute segment's figures); an agent's contacts with nothing else but the
 * channel, the agent rollup; else the daily rollup with every dimension.
 */
function rollupTable(fact: RollupFact, s: MetricScope, g: Grouping): SQL {
  const byOnly = (...dims: MetricDimension[]) => g.kind !== 'dimension' || dims.includes(g.by);
  const noOther = !s.agentId && !s.area && !s.exceptCustomerKinds?.length && s.rules.length === 0;
  const team = TEAM_TABLE[fact];
  if (team && noOther && !s.itemId && byOnly('channel', 'team')) return team;
  const item = ITEM_TABLE[fact];
  if (item && noOther && !s.teamId && !s.teamIds && byOnly('channel', 'item')) return item;
  const needs = [...profileNeeds(s, g)];
  const noItemOrTeam = !s.itemId && !s.teamId && !s.teamIds;
  if (fact === 'contact' && s.agentId && noItemOrTeam && needs.length === 0)
    return sql.raw('metric_contact_agent_day');
  const profile = PROFILE_TABLE[fact];
  if (profile && !s.agentId && noItemOrTeam && needs.length === 1 && PROFILE_COLUMNS.has(needs[0]!))
    return sql`(SELECT * FROM ${profile} WHERE dimension = ${needs[0]})`;
  return TABLE[fact];
}

/** An ISO date `days` later (or earlier). */
function addDays(day: string, days: number) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
const monthAfter = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/** The whole calendar months within `from`..`to`: from the first one's first day until (not including) `until`. */
export function wholeMonths(from: string, to: string): { from: string; until: string } | undefined {
  const first = from.endsWith('-01') ? from : monthAfter(monthOf(from));
  const until = monthOf(addDays(to, 1));
  return first < until ? { from: first, until } : undefined;
}

/**
 * Where a request's rollup rows come from: the table `rollupTable` chose; for the team rollup, whole calendar months
 * from the monthly team rollup and only the days around them from the daily one (one UNION ALL with the same
 * columns, so the query over it is the same). Only for groupings a month row belongs to as a whole: a total, a split
 * into the current and previous period (whole months are taken within each), a dimension, or months and longer.
 */
function rollupSource(fact: RollupFact, s: MetricScope, from: string, to: string, g: Grouping): SQL {
  const table = rollupTable(fact, s, g);
  const monthly = TEAM_MONTH_TABLE[fact];
  const byMonths =
    g.kind === 'total' ||
    g.kind === 'split' ||
    g.kind === 'dimension' ||
    (g.kind === 'grain' && (g.grain === 'month' || g.grain === 'quarter' || g.grain === 'year'));
  if (!monthly || table !== TEAM_TABLE[fact] || !byMonths) return sql`${table}`;
  const segments =
    g.kind === 'split' && g.currentFrom > from && g.currentFrom <= to
      ? [
          [from, addDays(g.currentFrom, -1)],
          [g.currentFrom, to],
        ]
      : [[from, to]];
  const months = segments.flatMap(([a, b]) => wholeMonths(a!, b!) ?? []);
  if (!months.length) return sql`${table}`;
  const inMonths = sql.join(
    months.map((m) => sql`(r.day >= ${m.from}::date AND r.day < ${m.until}::date)`),
    sql` OR `,
  );
  return sql`(SELECT * FROM ${table} r
               WHERE r.organisation_id = ${s.organisationId} AND r.day BETWEEN ${from}::date AND ${to}::date
                 AND NOT (${inMonths})
              UNION ALL
              SELECT * FROM ${monthly} r WHERE r.organisation_id = ${s.organisationId} AND (${inMonths}))`;
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Column expressions of the rollups (alias r) and of the raw cases (alias c, customer k). */
interface Columns {
  channel: SQL;
  team: SQL;
  agent: SQL;
  item: SQL;
  area: SQL;
  customerKind: SQL;
  language: SQL;
  ageBand: SQL;
}

const ROLLUP = (fact: RollupFact): Columns => ({
  channel: sql`r.channel`,
  team: sql`r.team_id`,
  agent: fact === 'contact' ? sql`r.agent_user_id` : sql`NULL::uuid`,
  item: sql`r.catalogue_item_id`,
  area: sql`r.area`,
  customerKind: sql`r.customer_kind`,
  language: sql`r.language`,
  ageBand: sql`r.age_band`,
});

/** The age band of a birth date (text, yyyy-mm-dd) today; null when unknown. */
const ageBandOf = (dob: SQL) => sql`CASE WHEN ${dob} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN (
  CASE WHEN date_part('year', age(current_date, (${dob})::date)) < 18 THEN '0-17'
       WHEN date_part('year', age(current_date, (${dob})::date)) < 30 THEN '18-29'
       WHEN date_part('year', age(current_date, (${dob})::date)) < 45 THEN '30-44'
       WHEN date_part('year', age(current_date, (${dob})::date)) < 65 THEN '45-64'
       WHEN date_part('year', age(current_date, (${dob})::date)) < 75 THEN '65-74'
       ELSE '75+' END) END`;

const RAW_CASE: Columns = {
  channel: sql`c.channel`,
  team: sql`c.team_id`,
  agent: sql`NULL::uuid`,
  item: sql`c.catalogue_item_id`,
  area: sql`coalesce(c.area, k.area)`,
  customerKind: sql`k.kind`,
  language: sql`c.language`,
  ageBand: ageBandOf(sql`k.date_of_birth`),
};

const RAW_CONTACT: Columns = {
  channel: sql`c.channel`,
  team: sql`c.team_id`,
  agent: sql`c.agent_user_id`,
  item: sql`c.catalogue_item_id`,
  area: sql`k.area`,
  customerKind: sql`k.kind`,
  language: sql`c.language`,
  ageBand: ageBandOf(sql`k.date_of_birth`),
};

/** The scope's conditions over a set of columns (the organisation and period are the caller's). */
function scopeConditions(s: MetricScope, col: Columns): SQL[] {
  const where: SQL[] = [];
  if (s.channel) where.push(sql`${col.channel} = ${s.channel}`);
  if (s.teamId) where.push(sql`${col.team} = ${s.teamId}`);
  if (s.teamIds) where.push(s.teamIds.length ? sql`${col.team} IN (${list(s.teamIds)})` : sql`false`);
  if (s.agentId) where.push(sql`${col.agent} = ${s.agentId}`);
  if (s.itemId) where.push(sql`${col.item} = ${s.itemId}`);
  if (s.area) where.push(sql`${col.area} = ${s.area}`);
  if (s.exceptCustomerKinds?.length)
    where.push(
      sql`(${col.customerKind} IS NULL OR ${col.customerKind} NOT IN (${list(s.exceptCustomerKinds)}))`,
    );
  for (const rule of s.rules) {
    if (rule.customerKind) where.push(sql`${col.customerKind} IN (${list(rule.customerKind)})`);
    if (rule.language) where.push(sql`${col.language} IN (${list(rule.language)})`);
    if (rule.ageBand) where.push(sql`${col.ageBand} IN (${list(rule.ageBand)})`);
    if (rule.area) where.push(sql`${col.area} IN (${list(rule.area)})`);
    if (rule.channel) where.push(sql`${col.channel} IN (${list(rule.channel)})`);
  }
  return where;
}

function groupKey(g: Grouping, col: Columns): SQL {
  switch (g.kind) {
    case 'total':
      return sql`'all'`;
    case 'split':
      return sql`CASE WHEN r.day >= ${g.currentFrom}::date THEN 'current' ELSE 'previous' END`;
    case 'grain':
      return sql`to_char(date_trunc(${g.grain}, r.day::timestamp), 'YYYY-MM-DD')`;
    case 'day':
      return sql`to_char(r.day, 'YYYY-MM-DD')`;
    case 'dimension':
      return sql`(${col[g.by]})::text`;
  }
}

const SUMS: Record<RollupFact, SQL> = {
  contact: sql`coalesce(sum(r.contacts), 0)::float8 AS "contacts",
    coalesce(sum(r.answered), 0)::float8 AS "answered",
    coalesce(sum(r.unrecorded), 0)::float8 AS "unrecorded",
    coalesce(sum(r.repeats), 0)::float8 AS "repeats",
    coalesce(sum(r.status_inquiries), 0)::float8 AS "statusInquiries",
    coalesce(sum(r.handling_seconds), 0)::float8 AS "handlingSeconds",
    coalesce(sum(r.contacts) FILTER (WHERE r.channel IN ('web', 'email', 'app')), 0)::float8 AS "digital"`,
  case: sql`coalesce(sum(r.opened), 0)::float8 AS "opened",
    coalesce(sum(r.opened) FILTER (WHERE r.channel IN ('web', 'email', 'app')), 0)::float8 AS "digitalOpened",
    coalesce(sum(r.closed), 0)::float8 AS "closed",
    coalesce(sum(r.closed_in_norm), 0)::float8 AS "closedInNorm",
    coalesce(sum(r.closed_in_target), 0)::float8 AS "closedInTarget",
    coalesce(sum(r.reopened), 0)::float8 AS "reopened",
    coalesce(sum(r.resolution_minutes), 0)::float8 AS "resolutionMinutes",
    coalesce(sum(r.complaints_closed), 0)::float8 AS "complaintsClosed",
    coalesce(sum(r.complaints_in_term), 0)::float8 AS "complaintsInTerm",
    coalesce(sum(r.complaints_founded), 0)::float8 AS "complaintsFounded",
    coalesce(sum(r.complaints_partly_founded), 0)::float8 AS "complaintsPartlyFounded",
    coalesce(sum(r.complaints_unfounded), 0)::float8 AS "complaintsUnfounded"`,
  survey: sql`coalesce(sum(r.responses), 0)::float8 AS "responses",
    coalesce(sum(r.grade_sum), 0)::float8 AS "gradeSum",
    coalesce(sum(r.grade_squares), 0)::float8 AS "gradeSquares",
    coalesce(sum(r.grade_at_least_7), 0)::float8 AS "gradeAtLeast7",
    coalesce(sum(r.grade_at_most_5), 0)::float8 AS "gradeAtMost5",
    coalesce(sum(r.effort_sum), 0)::float8 AS "effortSum",
    coalesce(sum(r.effort_answers), 0)::float8 AS "effortAnswers",
    coalesce(sum(r.solved_yes), 0)::float8 AS "solvedYes",
    coalesce(sum(r.solved_answers), 0)::float8 AS "solvedAnswers"`,
  callback: sql`coalesce(sum(r.due), 0)::float8 AS "due",
    coalesce(sum(r.done_in_time), 0)::float8 AS "doneInTime"`,
  backlog: sql`coalesce(sum(r.open), 0)::float8 AS "open",
    coalesce(sum(r.overdue), 0)::float8 AS "overdue",
    coalesce(sum(r.age_days), 0)::float8 AS "ageDays"`,
};

export interface FactRows {
  contact: ContactSums;
  case: CaseSums;
  survey: SurveySums;
  callback: CallbackSums;
  backlog: BacklogSums;
}

/** The sums of one rollup over a scope and a period (inclusive), per group key. */
export function rollupSums<F extends RollupFact>(
  db: Db,
  fact: F,
  scope: MetricScope,
  from: string,
  to: string,
  grouping: Grouping,
) {
  const col = ROLLUP(fact);
  const where = [
    sql`r.organisation_id = ${scope.organisationId}`,
    sql`r.day BETWEEN ${from}::date AND ${to}::date`,
    ...scopeConditions(scope, col),
  ];
  return queryRows<FactRows[F] & { key: string | null }>(
    db,
    sql`SELECT ${groupKey(grouping, col)} AS "key", ${SUMS[fact]}
        FROM ${rollupSource(fact, scope, from, to, grouping)} r
        WHERE ${sql.join(where, sql` AND `)}
        GROUP BY 1`,
  );
}

/**
 * Sums of the backlog snapshots on the given days, per day (or per dimension on one day). Per day, a day whose
 * snapshot was taken answers even when nothing of the scope was open (zero), a day without a snapshot not at all.
 */
export function backlogSnapshot(db: Db, scope: MetricScope, days: readonly string[], grouping: Grouping) {
  const col = ROLLUP('backlog');
  if (days.length === 0) return Promise.resolve([]);
  const where = [
    sql`r.organisation_id = ${scope.organisationId}`,
    sql`r.day IN (${sql.join(
      days.map((d) => sql`${d}::date`),
      sql`, `,
    )})`,
  ];
  const conditions = scopeConditions(scope, col);
  if (grouping.kind === 'dimension' || conditions.length === 0)
    return queryRows<BacklogSums & { key: string | null }>(
      db,
      sql`SELECT ${groupKey(grouping, col)} AS "key", ${SUMS.backlog}
          FROM metric_backlog_day r
          WHERE ${sql.join([...where, ...conditions], sql` AND `)}
          GROUP BY 1`,
    );
  const only = sql.join(conditions, sql` AND `);
  return queryRows<BacklogSums & { key: string | null }>(
    db,
    sql`SELECT ${groupKey(grouping, col)} AS "key",
               coalesce(sum(r.open) FILTER (WHERE ${only}), 0)::float8 AS "open",
               coalesce(sum(r.overdue) FILTER (WHERE ${only}), 0)::float8 AS "overdue",
               coalesce(sum(r.age_days) FILTER (WHERE ${only}), 0)::float8 AS "ageDays"
        FROM metric_backlog_day r
        WHERE ${sql.join(where, sql` AND `)}
        GROUP BY 1`,
  );
}

/**
 * The closed-case histograms of whole working days, summed per group key and day index (0..31): each bucket summed
 * as a column, then unfolded (a year of rollup rows is not unnested row by row).
 */
export function resolutionHistogram(
  db: Db,
  scope: MetricScope,
  from: string,
  to: string,
  grouping: Grouping,
) {
  const col = ROLLUP('case');
  const where = [
    sql`r.organisation_id = ${scope.organisationId}`,
    sql`r.day BETWEEN ${from}::date AND ${to}::date`,
    ...scopeConditions(scope, col),
  ];
  const buckets = Array.from(
    { length: RESOLUTION_BUCKETS },
    (_, i) => sql`coalesce(sum(r.resolution_days[${sql.raw(String(i + 1))}]), 0)`,
  );
  return queryRows<{ key: string | null; day: number; count: number }>(
    db,
    sql`SELECT s.key AS "key", (u.i - 1)::int AS "day", u.v::float8 AS "count"
        FROM (SELECT ${groupKey(grouping, col)} AS key, ARRAY[${sql.join(buckets, sql`, `)}]::bigint[] AS days
              FROM ${rollupSource('case', scope, from, to, grouping)} r
              WHERE ${sql.join(where, sql` AND `)}
              GROUP BY 1) s,
             unnest(s.days) WITH ORDINALITY AS u(v, i)`,
  );
}

/** The backlog now, from the open cases themselves (today's snapshot is not taken until the day ends). */
export function liveBacklog(db: Db, scope: MetricScope, grouping: Grouping) {
  const where = [
    sql`c.organisation_id = ${scope.organisationId}`,
    // The snapshot's definition: cases, not child tasks.
    sql`c.closed_at IS NULL AND c.parent_case_id IS NULL`,
    ...(scope.agentId ? [sql`false`] : []),
    ...scopeConditions({ ...scope, agentId: undefined }, RAW_CASE),
  ];
  const key =
    grouping.kind === 'dimension'
      ? sql`(${RAW_CASE[grouping.by]})::text`
      : sql`to_char(current_date, 'YYYY-MM-DD')`;
  return queryRows<BacklogSums & { key: string | null }>(
    db,
    sql`SELECT ${key} AS "key", count(*)::float8 AS "open",
               (count(*) FILTER (WHERE c.due_at < now()))::float8 AS "overdue",
               coalesce(sum(floor(extract(epoch FROM now() - c.created_at) / 86400)), 0)::float8 AS "ageDays"
        FROM case_file c
        LEFT JOIN customer k ON k.organisation_id = c.organisation_id AND k.id = c.customer_id
        WHERE ${sql.join(where, sql` AND `)}
        GROUP BY 1`,
  );
}

// ---- drill-down ----

/** Which cases stand behind a case KPI. */
export type CaseDrill =
  | 'opened'
  | 'closed'
  | 'late'
  | 'late_target'
  | 'reopened'
  | 'complaints'
  | 'complaints_late'
  | 'open'
  | 'open_overdue';

export interface DrillCursor {
  at: string;
  id: string;
}

export interface DrillCaseRow {
  id: string;
  reference: string;
  subject: string;
  channel: string;
  team: string | null;
  item: string | null;
  openedAt: Date | string;
  closedAt: Date | string | null;
  dueAt: Date | string;
  breachReason: string | null;
  sortAt: string;
}

/** A row's place in its list, as the cursor carries it (UTC, microseconds). */
const sortKey = (at: SQL) => sql`to_char(${at} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const itemName = (lang: string, ci: SQL, civ: SQL) =>
  sql`coalesce(nullif(${civ}.definition->'name'->>${lang}, ''), ${civ}.definition->'name'->>'nl', ${ci}.code)`;

/** Cases behind a KPI between two instants (the period's local days), newest first, after the cursor. */
export function drillCases(
  db: Db,
  scope: MetricScope,
  what: CaseDrill,
  start: Date,
  end: Date,
  language: string,
  limit: number,
  cursor: DrillCursor | undefined,
) {
  const inPeriod = (at: SQL) =>
    sql`${at} >= ${start.toISOString()}::timestamptz AND ${at} < ${end.toISOString()}::timestamptz`;
  // The backlog as the figure counts it: open at the period's end (its snapshot), or now for a running period.
  const asOf = sql`least(${end.toISOString()}::timestamptz, now())`;
  const openAt = (at: SQL) =>
    sql`c.parent_case_id IS NULL AND c.created_at < ${at} AND (c.closed_at IS NULL OR c.closed_at >= ${at})`;
  const sortAt: Record<CaseDrill, SQL> = {
    opened: sql`c.created_at`,
    closed: sql`c.closed_at`,
    late: sql`c.closed_at`,
    late_target: sql`c.closed_at`,
    reopened: sql`(SELECT max(e.created_at) FROM case_event e WHERE e.organisation_id = c.organisation_id AND e.case_id = c.id AND e.kind = 'reopened')`,
    complaints: sql`c.closed_at`,
    complaints_late: sql`c.closed_at`,
    open: sql`c.created_at`,
    open_overdue: sql`c.created_at`,
  };
  const condition: Record<CaseDrill, SQL> = {
    opened: inPeriod(sql`c.created_at`),
    closed: sql`${inPeriod(sql`c.closed_at`)} AND c.main_case_id IS NULL`,
    late: sql`${inPeriod(sql`c.closed_at`)} AND c.main_case_id IS NULL AND c.closed_at > c.due_at`,
    late_target: sql`${inPeriod(sql`c.closed_at`)} AND c.main_case_id IS NULL AND c.closed_at > coalesce(c.internal_due_at, c.due_at)`,
    reopened: sql`EXISTS (SELECT 1 FROM case_event e WHERE e.organisation_id = c.organisation_id AND e.case_id = c.id
                  AND e.kind = 'reopened' AND ${inPeriod(sql`e.created_at`)})`,
    complaints: sql`c.kind = 'complaint' AND ${inPeriod(sql`c.closed_at`)}`,
    complaints_late: sql`c.kind = 'complaint' AND ${inPeriod(sql`c.closed_at`)} AND c.closed_at > coalesce(c.legal_due_at, c.due_at)`,
    open: openAt(asOf),
    open_overdue: sql`${openAt(asOf)} AND c.due_at < ${asOf}`,
  };
  const at = sortAt[what];
  const where = [
    sql`c.organisation_id = ${scope.organisationId}`,
    condition[what],
    ...(scope.agentId ? [sql`false`] : []),
    ...scopeConditions({ ...scope, agentId: undefined }, RAW_CASE),
    ...(cursor ? [sql`(${at}, c.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`] : []),
  ];
  return queryRows<DrillCaseRow>(
    db,
    sql`SELECT c.id, c.reference, c.subject, c.channel, t.name AS "team",
               ${itemName(language, sql`ci`, sql`civ`)} AS "item",
               c.created_at AS "openedAt", c.closed_at AS "closedAt", c.due_at AS "dueAt",
               c.breach_reason AS "breachReason", ${sortKey(at)} AS "sortAt"
        FROM case_file c
        LEFT JOIN customer k ON k.organisation_id = c.organisation_id AND k.id = c.customer_id
        LEFT JOIN team t ON t.organisation_id = c.organisation_id AND t.id = c.team_id
        LEFT JOIN catalogue_item ci ON ci.organisation_id = c.organisation_id AND ci.id = c.catalogue_item_id
        LEFT JOIN catalogue_item_version civ ON civ.organisation_id = c.organisation_id AND civ.id = c.item_version_id
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY ${at} DESC, c.id DESC
        LIMIT ${limit + 1}`,
  );
}

export type ContactDrill = 'all' | 'not_answered' | 'repeats' | 'avoidable';

export interface DrillContactRow {
  id: string;
  subject: string | null;
  channel: string;
  team: string | null;
  item: string | null;
  openedAt: Date | string;
  closedAt: Date | string | null;
  outcome: string | null;
  sortAt: string;
}

/** Contacts behind a KPI that started between two instants, newest first, after the cursor. */
export function drillContacts(
  db: Db,
  scope: MetricScope,
  what: ContactDrill,
  start: Date,
  end: Date,
  language: string,
  limit: number,
  cursor: DrillCursor | undefined,
) {
  const condition: Record<ContactDrill, SQL> = {
    all: sql`true`,
    not_answered: sql`c.ended_at IS NOT NULL AND c.outcome IS NOT NULL AND c.outcome <> 'answered'`,
    repeats: sql`c.is_repeat`,
    avoidable: sql`(c.is_repeat OR c.status_inquiry)`,
  };
  const where = [
    sql`c.organisation_id = ${scope.organisationId}`,
    sql`c.started_at >= ${start.toISOString()}::timestamptz AND c.started_at < ${end.toISOString()}::timestamptz`,
    condition[what],
    ...scopeConditions(scope, RAW_CONTACT),
    ...(cursor ? [sql`(c.started_at, c.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`] : []),
  ];
  return queryRows<DrillContactRow>(
    db,
    sql`SELECT c.id, c.channel, coalesce(${itemName(language, sql`ci`, sql`civ`)}, c.topic, '') AS "subject", t.name AS "team",
               ${itemName(language, sql`ci`, sql`civ`)} AS "item",
               c.started_at AS "openedAt", c.ended_at AS "closedAt", c.outcome,
               ${sortKey(sql`c.started_at`)} AS "sortAt"
        FROM contact c
        LEFT JOIN customer k ON k.organisation_id = c.organisation_id AND k.id = c.customer_id
        LEFT JOIN team t ON t.organisation_id = c.organisation_id AND t.id = c.team_id
        LEFT JOIN catalogue_item ci ON ci.organisation_id = c.organisation_id AND ci.id = c.catalogue_item_id
        LEFT JOIN catalogue_item_version civ
          ON civ.organisation_id = ci.organisation_id AND civ.id = ci.published_version_id
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY c.started_at DESC, c.id DESC
        LIMIT ${limit + 1}`,
  );
}

/** Which survey answers stand behind a satisfaction KPI. */
export type ResponseDrill = 'all' | 'below_7' | 'at_most_5' | 'with_effort' | 'not_solved';

export interface DrillResponseRow {
  id: string;
  subject: string;
  reference: string | null;
  caseId: string | null;
  channel: string;
  team: string | null;
  item: string | null;
  openedAt: Date | string;
  grade: number;
  effort: number | null;
  solved: boolean | null;
  sortAt: string;
}

/** Survey answers as the survey rollup counts them: the answer's own channel, team, area and language. */
const RAW_SURVEY: Columns = {
  channel: sql`r.channel`,
  team: sql`r.team_id`,
  agent: sql`NULL::uuid`,
  item: sql`ci.id`,
  area: sql`r.area`,
  customerKind: sql`k.kind`,
  language: sql`r.language`,
  ageBand: ageBandOf(sql`k.date_of_birth`),
};

/**
 * Survey answers behind a satisfaction KPI given between two instants, newest first, after the cursor: the grade,
 * effort and "solved", the case they were about (its reference) or the contact's item; never the free comment.
 */
export function drillResponses(
  db: Db,
  scope: MetricScope,
  what: ResponseDrill,
  start: Date,
  end: Date,
  language: string,
  limit: number,
  cursor: DrillCursor | undefined,
) {
  const condition: Record<ResponseDrill, SQL> = {
    all: sql`true`,
    below_7: sql`r.grade < 7`,
    at_most_5: sql`r.grade <= 5`,
    with_effort: sql`r.effort IS NOT NULL`,
    not_solved: sql`r.solved = false`,
  };
  const where = [
    sql`r.organisation_id = ${scope.organisationId}`,
    sql`r.answered_at >= ${start.toISOString()}::timestamptz AND r.answered_at < ${end.toISOString()}::timestamptz`,
    condition[what],
    // Only the contact rollup knows the agent: an agent's other figures are not measured.
    ...(scope.agentId ? [sql`false`] : []),
    ...scopeConditions({ ...scope, agentId: undefined }, RAW_SURVEY),
    ...(cursor ? [sql`(r.answered_at, r.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`] : []),
  ];
  return queryRows<DrillResponseRow>(
    db,
    sql`SELECT r.id, coalesce(cf.subject, ${itemName(language, sql`ci`, sql`civ`)}, ct.topic, '') AS "subject",
               cf.reference, cf.id AS "caseId", r.channel, t.name AS "team",
               ${itemName(language, sql`ci`, sql`civ`)} AS "item", r.answered_at AS "openedAt",
               r.grade, r.effort, r.solved,
               ${sortKey(sql`r.answered_at`)} AS "sortAt"
        FROM survey_response r
        LEFT JOIN survey_invitation i ON i.organisation_id = r.organisation_id AND i.id = r.invitation_id
        LEFT JOIN customer k ON k.organisation_id = r.organisation_id AND k.id = i.customer_id
        LEFT JOIN case_file cf ON cf.organisation_id = r.organisation_id AND cf.id = r.case_id
        LEFT JOIN contact ct ON ct.organisation_id = r.organisation_id AND ct.id = r.contact_id
        LEFT JOIN team t ON t.organisation_id = r.organisation_id AND t.id = r.team_id
        LEFT JOIN catalogue_item ci ON ci.organisation_id = r.organisation_id AND ci.code = r.item_code
        LEFT JOIN catalogue_item_version civ
          ON civ.organisation_id = ci.organisation_id AND civ.id = ci.published_version_id
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY r.answered_at DESC, r.id DESC
        LIMIT ${limit + 1}`,
  );
}

export interface DrillCallbackRow {
  id: string;
  subject: string;
  channel: string;
  team: string | null;
  item: string | null;
  openedAt: Date | string;
  dueAt: Date | string;
  closedAt: Date | string | null;
  state: string;
  sortAt: string;
}

/** Callbacks as the callback rollup counts them: on their contact's channel and language. */
const RAW_CALLBACK: Columns = {
  channel: sql`ct.channel`,
  team: sql`cb.team_id`,
  agent: sql`NULL::uuid`,
  item: sql`cb.catalogue_item_id`,
  area: sql`k.area`,
  customerKind: sql`k.kind`,
  language: sql`ct.language`,
  ageBand: ageBandOf(sql`k.date_of_birth`),
};

/**
 * Callbacks due between two instants that were not done in time (done late, or still open), by due date, newest
 * first, after the cursor. No phone number and no note: the contact's item or topic only.
 */
export function drillCallbacks(
  db: Db,
  scope: MetricScope,
  start: Date,
  end: Date,
  language: string,
  limit: number,
  cursor: DrillCursor | undefined,
) {
  const where = [
    sql`cb.organisation_id = ${scope.organisationId}`,
    sql`cb.due_at >= ${start.toISOString()}::timestamptz AND cb.due_at < ${end.toISOString()}::timestamptz`,
    sql`NOT (cb.state = 'done' AND cb.done_at IS NOT NULL AND cb.done_at <= cb.due_at)`,
    ...(scope.agentId ? [sql`false`] : []),
    ...scopeConditions({ ...scope, agentId: undefined }, RAW_CALLBACK),
    ...(cursor ? [sql`(cb.due_at, cb.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`] : []),
  ];
  return queryRows<DrillCallbackRow>(
    db,
    sql`SELECT cb.id, coalesce(${itemName(language, sql`ci`, sql`civ`)}, ct.topic, '') AS "subject",
               ct.channel, t.name AS "team", ${itemName(language, sql`ci`, sql`civ`)} AS "item",
               cb.created_at AS "openedAt", cb.due_at AS "dueAt", cb.done_at AS "closedAt", cb.state,
               ${sortKey(sql`cb.due_at`)} AS "sortAt"
        FROM callback cb
        JOIN contact ct ON ct.organisation_id = cb.organisation_id AND ct.id = cb.contact_id
        LEFT JOIN customer k ON k.organisation_id = cb.organisation_id AND k.id = cb.customer_id
        LEFT JOIN team t ON t.organisation_id = cb.organisation_id AND t.id = cb.team_id
        LEFT JOIN catalogue_item ci ON ci.organisation_id = cb.organisation_id AND ci.id = cb.catalogue_item_id
        LEFT JOIN catalogue_item_version civ
          ON civ.organisation_id = ci.organisation_id AND civ.id = ci.published_version_id
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY cb.due_at DESC, cb.id DESC
        LIMIT ${limit + 1}`,
  );
}

/** One page of a drill-down list, by its kind. */
export type DrillPage =
  | { kind: 'contacts'; rows: DrillContactRow[] }
  | { kind: 'cases'; rows: DrillCaseRow[] }
  | { kind: 'responses'; rows: DrillResponseRow[] }
  | { kind: 'callbacks'; rows: DrillCallbackRow[] };

/** The items most asked about (contacts) or most reported (report cases opened), from the rollups. */
export function topItems(
  db: Db,
  scope: MetricScope,
  from: string,
  to: string,
  kind: 'questions' | 'reports',
  language: string,
  limit: number,
) {
  const fact: RollupFact = kind === 'questions' ? 'contact' : 'case';
  const where = [
    sql`r.organisation_id = ${scope.organisationId}`,
    sql`r.day BETWEEN ${from}::date AND ${to}::date`,
    sql`r.catalogue_item_id IS NOT NULL`,
    ...(kind === 'reports' ? [sql`r.kind = 'report'`] : []),
    ...scopeConditions(scope, ROLLUP(fact)),
  ];
  const measure = kind === 'questions' ? sql`sum(r.contacts)` : sql`sum(r.opened)`;
  return queryRows<{ itemId: string; code: string; name: string; count: number }>(
    db,
    sql`SELECT s.item_id AS "itemId", ci.code, ${itemName(language, sql`ci`, sql`civ`)} AS "name", s.n::int AS "count"
        FROM (SELECT r.catalogue_item_id AS item_id, ${measure} AS n
              FROM ${rollupTable(fact, scope, { kind: 'dimension', by: 'item' })} r
              WHERE ${sql.join(where, sql` AND `)}
              GROUP BY 1) s
        JOIN catalogue_item ci ON ci.organisation_id = ${scope.organisationId} AND ci.id = s.item_id
        LEFT JOIN catalogue_item_version civ
          ON civ.organisation_id = ci.organisation_id AND civ.id = ci.published_version_id
        WHERE s.n > 0
        ORDER BY s.n DESC, ci.code
        LIMIT ${limit}`,
  );
}

// ---- labels ----

export function teamNames(db: Db, organisationId: string) {
  return db
    .select({ id: team.id, name: team.name })
    .from(team)
    .where(eq(team.organisationId, organisationId));
}

export function userNames(db: Db, organisationId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: appUser.id, name: appUser.name })
    .from(appUser)
    .where(and(eq(appUser.organisationId, organisationId), inArray(appUser.id, ids)));
}

export function itemNames(db: Db, organisationId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: catalogueItem.id, code: catalogueItem.code, definition: catalogueItemVersion.definition })
    .from(catalogueItem)
    .leftJoin(
      catalogueItemVersion,
      and(
        eq(catalogueItemVersion.organisationId, catalogueItem.organisationId),
        eq(catalogueItemVersion.id, catalogueItem.publishedVersionId),
      ),
    )
    .where(and(eq(catalogueItem.organisationId, organisationId), inArray(catalogueItem.id, ids)));
}

/** The teams a user leads (a team-lead membership). */
export function ledTeams(db: Db, organisationId: string, userId: string) {
  return queryRows<{ teamId: string }>(
    db,
    sql`SELECT team_id AS "teamId" FROM membership
        WHERE organisation_id = ${organisationId} AND user_id = ${userId} AND role = 'teamlead'`,
  ).then((rows) => rows.map((r) => r.teamId));
}

/** Whether a user is a member of one of the teams. */
export function isMemberOfAny(db: Db, organisationId: string, userId: string, teamIds: readonly string[]) {
  if (teamIds.length === 0) return Promise.resolve(false);
  return queryRows<{ one: number }>(
    db,
    sql`SELECT 1 AS "one" FROM membership
        WHERE organisation_id = ${organisationId} AND user_id = ${userId} AND team_id IN (${list(teamIds)})
        LIMIT 1`,
  ).then((rows) => rows.length > 0);
}

export function teamExists(db: Db, organisationId: string, id: string) {
  return db
    .select({ id: team.id })
    .from(team)
    .where(and(eq(team.organisationId, organisationId), eq(team.id, id)))
    .then((r) => r.length > 0);
}

// ---- targets ----

export function listTargets(db: Db, organisationId: string) {
  return db.select().from(kpiTarget).where(eq(kpiTarget.organisationId, organisationId));
}

export function findTarget(db: Db, organisationId: string, code: string, lock = false) {
  const q = db
    .select()
    .from(kpiTarget)
    .where(and(eq(kpiTarget.organisationId, organisationId), eq(kpiTarget.kpiCode, code)));
  return (lock ? q.for('update') : q).then((r) => r[0]);
}

export function insertTarget(db: Db, organisationId: string, code: string, target: number) {
  return db
    .insert(kpiTarget)
    .values({ organisationId, kpiCode: code, target })
    .onConflictDoNothing()
    .returning()
    .then((r) => r[0]);
}

export function updateTarget(db: Db, organisationId: string, code: string, version: number, target: number) {
  return db
    .update(kpiTarget)
    .set({ target, version: sql`${kpiTarget.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(kpiTarget.organisationId, organisationId),
        eq(kpiTarget.kpiCode, code),
        eq(kpiTarget.version, version),
      ),
    )
    .returning()
    .then((r) => r[0]);
}

export function deleteTarget(db: Db, organisationId: string, code: string, version: number) {
  return db
    .delete(kpiTarget)
    .where(
      and(
        eq(kpiTarget.organisationId, organisationId),
        eq(kpiTarget.kpiCode, code),
        eq(kpiTarget.version, version),
      ),
    )
    .returning()
    .then((r) => r[0]);
}

// ---- segments ----

export function listSegments(db: Db, organisationId: string) {
  return db
    .select()
    .from(segment)
    .where(eq(segment.organisationId, organisationId))
    .orderBy(asc(segment.code));
}

export function findSegment(db: Db, organisationId: string, id: string) {
  return db
    .select()
    .from(segment)
    .where(and(eq(segment.organisationId, organisationId), eq(segment.id, id)))
    .then((r) => r[0]);
}

export function findSegmentByCode(db: Db, organisationId: string, code: string) {
  return db
    .select()
    .from(segment)
    .where(and(eq(segment.organisationId, organisationId), eq(segment.code, code)))
    .then((r) => r[0]);
}

export function insertSegment(db: Db, values: typeof segment.$inferInsert) {
  return db
    .insert(segment)
    .values(values)
    .onConflictDoNothing()
    .returning()
    .then((r) => r[0]);
}

export function updateSegment(
  db: Db,
  organisationId: string,
  id: string,
  version: number,
  values: Pick<typeof segment.$inferInsert, 'code' | 'name' | 'rule'>,
) {
  return db
    .update(segment)
    .set({ ...values, version: sql`${segment.version} + 1`, updatedAt: new Date() })
    .where(and(eq(segment.organisationId, organisationId), eq(segment.id, id), eq(segment.version, version)))
    .returning()
    .then((r) => r[0]);
}

export function deleteSegment(db: Db, organisationId: string, id: string) {
  return db
    .delete(segment)
    .where(and(eq(segment.organisationId, organisationId), eq(segment.id, id)))
    .returning()
    .then((r) => r[0]);
}
