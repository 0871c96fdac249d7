/**
 * SQL of the analysis module: the drivers over the raw survey answers joined to their case or contact (the rollups
 * cannot pair one answer with its case) and breach reasons over the rollups (metric_case_day). Equal treatment's
 * sums are the metrics module's KPIs (one definition per KPI).
 * Every query takes the organisation id; `scope.teamIds` narrows a team lead to their own teams.
 */
import type { Db } from '@voordeur/db';
import { type SQL, sql } from 'drizzle-orm';

/** What every analysis query is narrowed to (validated by the service). */
export interface Scope {
  organisationId: string;
  from: string;
  to: string;
  channel?: string | undefined;
  teamId?: string | undefined;
  agentId?: string | undefined;
  itemId?: string | undefined;
  area?: string | undefined;
  segment?: string | undefined;
  /** A team lead's own teams; undefined: the whole organisation. */
  teamIds?: readonly string[] | undefined;
}

const ZONE = 'Europe/Amsterdam';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

const uuidList = (ids: readonly string[]) =>
  ids.length
    ? sql`ARRAY[${sql.join(
        ids.map((v) => sql`${v}`),
        sql`, `,
      )}]::uuid[]`
    : sql`ARRAY[]::uuid[]`;

/** Whether a segment's rule (jsonb `s.rule`) matches the row's dimension columns (any value within a key). */
function segmentMatches(
  rule: SQL,
  c: { customerKind: SQL; language: SQL; ageBand: SQL; area: SQL; channel: SQL },
): SQL {
  const key = (name: string, column: SQL) =>
    sql`((${rule} -> ${name}) IS NULL OR coalesce((${rule} -> ${name}) @> to_jsonb(${column}), false))`;
  return sql`(${key('customerKind', c.customerKind)} AND ${key('language', c.language)} AND ${key(
    'ageBand',
    c.ageBand,
  )} AND ${key('area', c.area)} AND ${key('channel', c.channel)})`;
}

const segmentRuleOf = (organisationId: string, code: string) =>
  sql`(SELECT s.rule FROM segment s WHERE s.organisation_id = ${organisationId} AND s.code = ${code})`;

/** The segments of the organisation (code, name), for validation and as equal-treatment groups. */
export async function segmentsOf(db: Db, organisationId: string) {
  return rowsOf<{ code: string; name: { nl: string; en: string } }>(
    await db.execute(
      sql`SELECT code, name FROM segment WHERE organisation_id = ${organisationId} ORDER BY code`,
    ),
  );
}

/** The teams in which this user is team lead. */
export async function ledTeams(db: Db, organisationId: string, userId: string) {
  return rowsOf<{ team_id: string }>(
    await db.execute(
      sql`SELECT team_id FROM membership WHERE organisation_id = ${organisationId} AND user_id = ${userId}
          AND role = 'teamlead'`,
    ),
  ).map((r) => r.team_id);
}

/** Whether the user is a member of one of these teams. */
export async function isMemberOf(db: Db, organisationId: string, userId: string, teamIds: readonly string[]) {
  if (!teamIds.length) return false;
  const rows = rowsOf<{ one: number }>(
    await db.execute(
      sql`SELECT 1 AS one FROM membership WHERE organisation_id = ${organisationId} AND user_id = ${userId}
          AND team_id = ANY(${uuidList(teamIds)}) LIMIT 1`,
    ),
  );
  return rows.length > 0;
}

// ---------------------------------------------------------------- drivers (raw answers)

export interface DriverRow {
  driver: string;
  /** null: the driver's total row (grouping set without the band). */
  band: string | null;
  n: number;
  grade_sum: number;
  grade_squares: number;
  at_least_7: number;
  mean_x: number | null;
  mean_y: number | null;
  sxx: number | null;
  syy: number | null;
  sxy: number | null;
}

/**
 * Per driver and band: answers, grade sums and the regression sums (regr_*), and the same per driver over all its
 * bands (GROUPING SETS), in one pass over the period's answers. `minutesPerDay`: the organisation's working day, to show
 * resolution time in working days as monitoring does (case_file.resolution_minutes is already net of closed days
 * and suspensions).
 */
export async function driverSums(
  db: Db,
  s: Scope,
  minutesPerDay: number,
): Promise<{ total: number; rows: DriverRow[] }> {
  const dob = sql`(CASE WHEN cu.date_of_birth ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN cu.date_of_birth::date END)`;
  const ageYears = sql`date_part('year', age((sr.answered_at AT TIME ZONE ${ZONE})::date, ${dob}))`;
  const ageBand = sql`(CASE WHEN ${dob} IS NULL THEN NULL WHEN ${ageYears} < 18 THEN '0-17'
    WHEN ${ageYears} < 30 THEN '18-29' WHEN ${ageYears} < 45 THEN '30-44' WHEN ${ageYears} < 65 THEN '45-64'
    WHEN ${ageYears} < 75 THEN '65-74' ELSE '75+' END)`;
  const where: SQL[] = [
    sql`sr.organisation_id = ${s.organisationId}`,
    sql`sr.answered_at >= (${s.from}::date)::timestamp AT TIME ZONE ${ZONE}`,
    sql`sr.answered_at < (${s.to}::date + 1)::timestamp AT TIME ZONE ${ZONE}`,
  ];
  if (s.channel) where.push(sql`sr.channel = ${s.channel}`);
  if (s.teamId) where.push(sql`sr.team_id = ${s.teamId}`);
  if (s.teamIds) where.push(sql`sr.team_id = ANY(${uuidList(s.teamIds)})`);
  if (s.area) where.push(sql`sr.area = ${s.area}`);
  if (s.itemId) where.push(sql`coalesce(cf.catalogue_item_id, ct.catalogue_item_id) = ${s.itemId}`);
  if (s.agentId) where.push(sql`coalesce(ct.agent_user_id, cf.assignee_user_id) = ${s.agentId}`);
  if (s.segment)
    where.push(
      segmentMatches(segmentRuleOf(s.organisationId, s.segment), {
        customerKind: sql`cu.kind`,
        language: sql`sr.language`,
        ageBand,
        area: sql`sr.area`,
        channel: sql`sr.channel`,
      }),
    );
  const result = await db.execute(sql`
    WITH r AS (
      SELECT sr.grade::float8 AS y, sr.channel,
        CASE WHEN sr.source = 'case' AND cf.resolution_minutes IS NOT NULL
          THEN cf.resolution_minutes::float8 / ${minutesPerDay}::float8 END AS days,
        CASE WHEN sr.source = 'contact' AND ct.outcome IS NOT NULL
          THEN (ct.outcome = 'answered')::int END AS fcr,
        CASE WHEN sr.source = 'case' AND cf.closed_at IS NOT NULL
          THEN (cf.breached_at IS NOT NULL)::int END AS breach,
        coalesce(ct.is_repeat, cct.is_repeat)::int AS repeat,
        CASE WHEN sr.source = 'case' AND cf.id IS NOT NULL THEN EXISTS (
          SELECT 1 FROM case_event e WHERE e.organisation_id = cf.organisation_id AND e.case_id = cf.id
            AND e.kind = 'reopened')::int END AS reopened
      FROM survey_response sr
      LEFT JOIN case_file cf ON cf.organisation_id = sr.organisation_id AND cf.id = sr.case_id
      LEFT JOIN contact ct ON ct.organisation_id = sr.organisation_id AND ct.id = sr.contact_id
      LEFT JOIN contact cct ON cct.organisation_id = cf.organisation_id AND cct.id = cf.contact_id
      LEFT JOIN customer cu ON cu.organisation_id = sr.organisation_id
        AND cu.id = coalesce(ct.customer_id, cf.customer_id)
      WHERE ${sql.join(where, sql` AND `)}
    ), pairs AS (
      SELECT 'resolution_days' AS driver, days AS x, CASE WHEN days <= 1 THEN '0-1' WHEN days <= 5 THEN '2-5'
        WHEN days <= 10 THEN '6-10' WHEN days <= 20 THEN '11-20' ELSE '21+' END AS band, y FROM r WHERE days IS NOT NULL
      UNION ALL SELECT 'first_contact_resolution', fcr, fcr::text, y FROM r WHERE fcr IS NOT NULL
      UNION ALL SELECT 'norm_breach', breach, breach::text, y FROM r WHERE breach IS NOT NULL
      UNION ALL SELECT 'channel', NULL, channel, y FROM r
      UNION ALL SELECT 'repeat_contact', repeat, repeat::text, y FROM r WHERE repeat IS NOT NULL
      UNION ALL SELECT 'reopened', reopened, reopened::text, y FROM r WHERE reopened IS NOT NULL
    )
    SELECT driver, band, count(*)::int AS n, sum(y)::float8 AS grade_sum, sum(y * y)::float8 AS grade_squares,
      count(*) FILTER (WHERE y >= 7)::int AS at_least_7,
      regr_avgx(y, x) AS mean_x, regr_avgy(y, x) AS mean_y,
      regr_sxx(y, x) AS sxx, regr_syy(y, x) AS syy, regr_sxy(y, x) AS sxy,
      (SELECT count(*) FROM r)::int AS total
    FROM pairs GROUP BY GROUPING SETS ((driver, band), (driver))
  `);
  const rows = rowsOf<DriverRow & { total: number }>(result).map((r) => ({
    ...r,
    n: Number(r.n),
    grade_sum: Number(r.grade_sum),
    grade_squares: Number(r.grade_squares),
    at_least_7: Number(r.at_least_7),
    mean_x: num(r.mean_x),
    mean_y: num(r.mean_y),
    sxx: num(r.sxx),
    syy: num(r.syy),
    sxy: num(r.sxy),
  }));
  const total = rows.length
    ? Number(rows[0]!.total)
    : Number(
        rowsOf<{ n: number }>(
          await db.execute(sql`SELECT count(*)::int AS n FROM survey_response sr
            LEFT JOIN case_file cf ON cf.organisation_id = sr.organisation_id AND cf.id = sr.case_id
            LEFT JOIN contact ct ON ct.organisation_id = sr.organisation_id AND ct.id = sr.contact_id
            LEFT JOIN customer cu ON cu.organisation_id = sr.organisation_id
              AND cu.id = coalesce(ct.customer_id, cf.customer_id)
            WHERE ${sql.join(where, sql` AND `)}`),
        )[0]?.n ?? 0,
      );
  return { total, rows };
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

// ---------------------------------------------------------------- rollups

/** The WHERE of a rollup table (alias t) for the scope. */
function rollupWhere(s: Scope, opts: { agent: boolean }): SQL {
  const where: SQL[] = [
    sql`t.organisation_id = ${s.organisationId}`,
    sql`t.day BETWEEN ${s.from}::date AND ${s.to}::date`,
  ];
  if (s.channel) where.push(sql`t.channel = ${s.channel}`);
  if (s.teamId) where.push(sql`t.team_id = ${s.teamId}`);
  if (s.teamIds) where.push(sql`t.team_id = ANY(${uuidList(s.teamIds)})`);
  if (s.itemId) where.push(sql`t.catalogue_item_id = ${s.itemId}`);
  if (s.area) where.push(sql`t.area = ${s.area}`);
  if (s.agentId && opts.agent) where.push(sql`t.agent_user_id = ${s.agentId}`);
  if (s.segment) where.push(segmentMatches(segmentRuleOf(s.organisationId, s.segment), rollupColumns));
  return sql.join(where, sql` AND `);
}

const rollupColumns = {
  customerKind: sql`t.customer_kind`,
  language: sql`t.language`,
  ageBand: sql`t.age_band`,
  area: sql`t.area`,
  channel: sql`t.channel`,
};

export interface BreachRow {
  month: string;
  reason: string | null;
  closed: number;
  late: number;
}

/** Closed and late cases per month and breach reason (metric_case_day). */
export async function breachSums(db: Db, s: Scope): Promise<BreachRow[]> {
  const result = await db.execute(sql`
    SELECT to_char(date_trunc('month', t.day), 'YYYY-MM-DD') AS month, t.breach_reason AS reason,
      sum(t.closed)::int AS closed, sum(t.closed - t.closed_in_norm)::int AS late
    FROM metric_case_day t WHERE ${rollupWhere(s, { agent: false })}
    GROUP BY 1, 2 ORDER BY 1, 2`);
  return rowsOf<BreachRow>(result).map((r) => ({ ...r, closed: Number(r.closed), late: Number(r.late) }));
}
