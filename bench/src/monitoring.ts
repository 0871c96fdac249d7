/**
 * Monitoring benchmark (issue 14): `npm run bench -- monitoring [--scale 1] [--seed 14] [--double] [--runs 30]
 * [--raw-runs 10] [--databases postgres,pglite]`.
 *  1. seeds a city-year (monitoring-data.ts: 5M contacts, 1M cases, 250k survey answers at scale 1) into a
 *     throwaway database made by the app's own migrations and the demo seed, on PostgreSQL and on PGlite;
 *  2. rebuilds the rollups (`rebuildMetrics`) and times it;
 *  3. times each dashboard request of the monitoring API (monitoring-api.ts) through HTTP against the real server
 *     (`voordeur serve --role api`), p50/p95 over `--runs` requests, next to the same figure computed by a direct SQL
 *     aggregate over the raw rows (`--raw-runs` times);
 *  4. with `--double`, writes a second city-year of the same size into the same year (a city twice as busy),
 *     rebuilds and measures again: how both grow;
 *  5. "a day of work": today's contacts, cases and callbacks plus the closing of as many older cases as a day
 *     opens and a few reopenings, written normally (the triggers mark the days), then times `catchUpMetrics`.
 * Goals (PostgreSQL, scale 1): management dashboard p95 ≤ 150 ms; ≤ 1.2× when the data doubles; catch-up ≤ 1 s.
 * Env (instead of the flags): BENCH_MONITORING_SCALE, BENCH_SEED, BENCH_MONITORING_DOUBLE=1, BENCH_RUNS,
 * BENCH_RAW_RUNS, BENCH_DATABASES; BENCH_KEEP_DATABASE=1 leaves the PostgreSQL server running afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_SLUG, seedDemo, useDataKey } from '@voordeur/api';
import { type Database, type Db, openDatabase, queryRows } from '@voordeur/db';
import { type SQL, sql } from 'drizzle-orm';
import { freePort, startPgCluster } from '../../scripts/pg-cluster.ts';
import {
  ASKER_EMAIL,
  type DashboardRequest,
  dashboardRequests,
  metricsModule,
  type Period,
  signIn,
} from './monitoring-api.ts';
import {
  addDays,
  CITY_YEAR,
  type City,
  generateCity,
  localDate,
  localMidnight,
  prepareCity,
  type Volume,
  volumeAt,
  workOnOlderCases,
} from './monitoring-data.ts';
import { cli, PASSWORD, start, stop } from './processes.ts';
import { printTable } from './search.ts';

const GOAL_P95_MS = 150;
const GOAL_GROWTH = 1.2;
const GOAL_CATCH_UP_S = 1;
const log = (m: string) => process.stderr.write(`${m}\n`);
const seconds = (t0: number) => (performance.now() - t0) / 1000;

interface Options {
  scale: number;
  seed: number;
  double: boolean;
  runs: number;
  rawRuns: number;
  databases: string[];
  /** PGlite's own scale (its bulk load on disk is several times slower than PostgreSQL's). */
  pgliteScale: number;
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string' },
      seed: { type: 'string' },
      double: { type: 'boolean' },
      runs: { type: 'string' },
      'raw-runs': { type: 'string' },
      databases: { type: 'string' },
      'pglite-scale': { type: 'string' },
    },
    allowPositionals: true,
    strict: false,
  });
  const env = process.env;
  const num = (v: unknown, e: string | undefined, d: number) => {
    const n = Number(typeof v === 'string' ? v : (e ?? d));
    if (!Number.isFinite(n) || n <= 0) throw new Error(`not a positive number: ${String(v ?? e)}`);
    return n;
  };
  const scale = num(values.scale, env.BENCH_MONITORING_SCALE, 1);
  return {
    scale,
    pgliteScale: num(values['pglite-scale'], env.BENCH_PGLITE_SCALE, scale),
    seed: Math.floor(num(values.seed, env.BENCH_SEED, 14)),
    double: values.double === true || env.BENCH_MONITORING_DOUBLE === '1',
    runs: Math.floor(num(values.runs, env.BENCH_RUNS, 30)),
    rawRuns: Math.floor(num(values['raw-runs'], env.BENCH_RAW_RUNS, 10)),
    databases: String(values.databases ?? env.BENCH_DATABASES ?? 'postgres,pglite').split(','),
  };
}

// ---- timing -------------------------------------------------------------------------------------------------------

interface Timing {
  p50: number;
  p95: number;
  /** The first answer (JSON rows of the raw query, or the API's body), for the check of the figures. */
  answer?: unknown;
  /** Why there is no timing: the request is not in this build, or failed. */
  missing?: string;
}

function percentiles(ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  return { p50: at(50), p95: at(95) };
}

async function timed(runs: number, warmUp: number, fn: () => Promise<unknown>): Promise<Timing> {
  let answer: unknown;
  for (let i = 0; i < warmUp; i++) answer = await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return { ...percentiles(ms), answer };
}

// ---- the same figures from the raw rows ------------------------------------------------------------------------------

interface Scope {
  org: string;
  teamId?: string;
  agentId?: string;
}

/** A local period as instants [from, to), with the previous period of the same length before it. */
function instants(p: Period) {
  const from = localMidnight(p.from);
  const to = localMidnight(addDays(p.to, 1));
  const days = Math.round((to - from) / 86_400_000);
  const prev = localMidnight(addDays(p.from, -days));
  const iso = (ms: number) => new Date(ms).toISOString();
  return { from: iso(from), to: iso(to), prev: iso(prev) };
}

/**
 * The overview's main KPIs for a period and the previous one straight from the raw rows: contacts, first-contact
 * resolution, repeat and avoidable contacts; for an organisation or a team also cases opened, norm compliance,
 * mean resolution, reopen rate, complaints decided, backlog, callbacks in time, grade mean and share ≥ 7.
 */
function overviewSql(s: Scope, p: Period): SQL {
  const t = instants(p);
  const contactScope = s.agentId
    ? sql` AND agent_user_id = ${s.agentId}`
    : s.teamId
      ? sql` AND team_id = ${s.teamId}`
      : sql``;
  const contacts = sql`SELECT
      count(*) FILTER (WHERE cur) AS contacts,
      count(*) FILTER (WHERE cur AND outcome = 'answered')::float8 / nullif(count(*) FILTER (WHERE cur AND outcome IS NOT NULL), 0) AS fcr,
      count(*) FILTER (WHERE NOT cur AND outcome = 'answered')::float8 / nullif(count(*) FILTER (WHERE NOT cur AND outcome IS NOT NULL), 0) AS fcr_previous,
      count(*) FILTER (WHERE cur AND is_repeat)::float8 / nullif(count(*) FILTER (WHERE cur), 0) AS repeats,
      count(*) FILTER (WHERE cur AND (status_inquiry OR is_repeat))::float8 / nullif(count(*) FILTER (WHERE cur), 0) AS avoidable,
      avg(extract(epoch FROM ended_at - started_at)) FILTER (WHERE cur) / 60 AS handling_minutes
    FROM (SELECT started_at >= ${t.from}::timestamptz AS cur, outcome, is_repeat, status_inquiry, started_at, ended_at
          FROM contact WHERE organisation_id = ${s.org}
            AND started_at >= ${t.prev}::timestamptz AND started_at < ${t.to}::timestamptz${contactScope}) c`;
  if (s.agentId) return contacts;
  const team = s.teamId ? sql` AND team_id = ${s.teamId}` : sql``;
  return sql`WITH k AS (${contacts}),
    opened AS (SELECT count(*) AS opened FROM case_file WHERE organisation_id = ${s.org}
      AND created_at >= ${t.from}::timestamptz AND created_at < ${t.to}::timestamptz AND parent_case_id IS NULL${team}),
    closed AS (SELECT
        count(*) FILTER (WHERE cur) AS closed,
        count(*) FILTER (WHERE cur AND closed_at <= due_at)::float8 / nullif(count(*) FILTER (WHERE cur), 0) AS norm,
        count(*) FILTER (WHERE NOT cur AND closed_at <= due_at)::float8 / nullif(count(*) FILTER (WHERE NOT cur), 0) AS norm_previous,
        avg(resolution_minutes) FILTER (WHERE cur) / 510 AS resolution_days,
        count(*) FILTER (WHERE cur AND kind = 'complaint') AS complaints
      FROM (SELECT closed_at >= ${t.from}::timestamptz AS cur, closed_at, due_at, resolution_minutes, kind FROM case_file
            WHERE organisation_id = ${s.org} AND closed_at >= ${t.prev}::timestamptz AND closed_at < ${t.to}::timestamptz
              AND main_case_id IS NULL AND parent_case_id IS NULL${team}) x),
    reopened AS (SELECT count(*) AS reopened FROM case_event e JOIN case_file f
        ON f.organisation_id = e.organisation_id AND f.id = e.case_id
      WHERE e.organisation_id = ${s.org} AND e.kind = 'reopened'
        AND e.created_at >= ${t.from}::timestamptz AND e.created_at < ${t.to}::timestamptz${s.teamId ? sql` AND f.team_id = ${s.teamId}` : sql``}),
    backlog AS (${backlogSql(s.org, team, t.to)}),
    callbacks AS (SELECT count(*) FILTER (WHERE done_at <= due_at)::float8 / nullif(count(*), 0) AS in_time FROM callback
      WHERE organisation_id = ${s.org} AND due_at >= ${t.from}::timestamptz AND due_at < ${t.to}::timestamptz${team}),
    answers AS (SELECT avg(grade) AS grade, count(*) FILTER (WHERE grade >= 7)::float8 / nullif(count(*), 0) AS grade_7_plus
      FROM survey_response WHERE organisation_id = ${s.org}
        AND answered_at >= ${t.from}::timestamptz AND answered_at < ${t.to}::timestamptz${team})
    SELECT * FROM k, opened, closed, reopened, backlog, callbacks, answers`;
}

/**
 * The catalogue's backlog at the end of a period (not child tasks): for a period that has ended, the cases made
 * before its end and not closed by then, overdue when due before its end (the day-end snapshot's definition); for
 * a period ending today, the cases open now.
 */
function backlogSql(org: string, team: SQL, end: string): SQL {
  if (Date.parse(end) > Date.now())
    return sql`SELECT count(*) AS open, count(*) FILTER (WHERE due_at < now()) AS overdue FROM case_file
      WHERE organisation_id = ${org} AND closed_at IS NULL AND parent_case_id IS NULL${team}`;
  return sql`SELECT count(*) AS open, count(*) FILTER (WHERE due_at < ${end}::timestamptz) AS overdue FROM case_file
      WHERE organisation_id = ${org} AND parent_case_id IS NULL AND created_at < ${end}::timestamptz
        AND (closed_at IS NULL OR closed_at >= ${end}::timestamptz)${team}`;
}

/** The raw-row query answering the same question as each dashboard request. */
function referenceSql(
  r: DashboardRequest,
  c: { org: string; teamId: string; agentId: string; month: Period; year: Period },
) {
  const org = c.org;
  const y = instants(c.year);
  const m = instants(c.month);
  switch (r.key) {
    case 'overview-org-month':
      return overviewSql({ org }, c.month);
    case 'overview-org-year':
      return overviewSql({ org }, c.year);
    case 'overview-team-month':
      return overviewSql({ org, teamId: c.teamId }, c.month);
    case 'overview-agent-month':
      return overviewSql({ org, agentId: c.agentId }, c.month);
    case 'series-fcr-month':
      return sql`SELECT date_trunc('month', started_at AT TIME ZONE 'Europe/Amsterdam')::date AS period,
          count(*) FILTER (WHERE outcome = 'answered')::float8 / nullif(count(*) FILTER (WHERE outcome IS NOT NULL), 0) AS value,
          count(*) AS n
        FROM contact WHERE organisation_id = ${org} AND started_at >= ${y.from}::timestamptz AND started_at < ${y.to}::timestamptz
        GROUP BY 1 ORDER BY 1`;
    case 'breakdown-norm-team':
      return sql`SELECT t.name, x.value, x.n FROM (
          SELECT team_id, count(*) FILTER (WHERE closed_at <= due_at)::float8 / count(*) AS value, count(*) AS n
          FROM case_file WHERE organisation_id = ${org} AND closed_at >= ${y.from}::timestamptz
            AND closed_at < ${y.to}::timestamptz AND main_case_id IS NULL
          GROUP BY team_id) x
        LEFT JOIN team t ON t.organisation_id = ${org} AND t.id = x.team_id ORDER BY x.value`;
    case 'breakdown-norm-area':
      // The case rollup's district: the case's own (where the report is), else the customer's.
      return sql`SELECT coalesce(c.area, k.area) AS area,
            count(*) FILTER (WHERE c.closed_at <= c.due_at)::float8 / count(*) AS value, count(*) AS n
          FROM case_file c
          LEFT JOIN customer k ON k.organisation_id = c.organisation_id AND k.id = c.customer_id
          WHERE c.organisation_id = ${org} AND c.closed_at >= ${y.from}::timestamptz
            AND c.closed_at < ${y.to}::timestamptz AND c.main_case_id IS NULL
          GROUP BY 1 ORDER BY 2`;
    case 'equality-fcr-kind':
      return sql`SELECT k.kind, count(*) FILTER (WHERE c.outcome = 'answered')::float8
            / nullif(count(*) FILTER (WHERE c.outcome IS NOT NULL), 0) AS value, count(*) AS n
          FROM contact c LEFT JOIN customer k ON k.organisation_id = c.organisation_id AND k.id = c.customer_id
          WHERE c.organisation_id = ${org} AND c.started_at >= ${y.from}::timestamptz AND c.started_at < ${y.to}::timestamptz
          GROUP BY 1`;
    case 'public-performance-year': {
      // Its main figures: norm compliance per published service and satisfaction per channel (employees left out).
      const cy = instants({ from: `${c.year.to.slice(0, 4)}-01-01`, to: c.year.to });
      return sql`SELECT 'item' AS what, catalogue_item_id::text AS key,
            count(*) FILTER (WHERE closed_at <= due_at)::float8 / count(*) AS value, count(*) AS n
          FROM case_file WHERE organisation_id = ${org} AND closed_at >= ${cy.from}::timestamptz
            AND closed_at < ${cy.to}::timestamptz AND main_case_id IS NULL
          GROUP BY 2
        UNION ALL
        SELECT 'channel', r.channel, avg(r.grade), count(*)
          FROM survey_response r JOIN survey_invitation i ON i.id = r.invitation_id
          LEFT JOIN customer k ON k.organisation_id = i.organisation_id AND k.id = i.customer_id
          WHERE r.organisation_id = ${org} AND r.answered_at >= ${cy.from}::timestamptz
            AND r.answered_at < ${cy.to}::timestamptz AND k.kind IS DISTINCT FROM 'employee'
          GROUP BY 2`;
    }
    case 'top-reports-month':
      return sql`SELECT i.code, x.n FROM (
          SELECT catalogue_item_id, count(*) AS n FROM case_file
          WHERE organisation_id = ${org} AND kind = 'report' AND created_at >= ${m.from}::timestamptz AND created_at < ${m.to}::timestamptz
          GROUP BY 1 ORDER BY 2 DESC LIMIT 10) x
        JOIN catalogue_item i ON i.organisation_id = ${org} AND i.id = x.catalogue_item_id ORDER BY x.n DESC`;
    case 'top-questions-month':
      return sql`SELECT i.code, x.n FROM (
          SELECT catalogue_item_id, count(*) AS n FROM contact
          WHERE organisation_id = ${org} AND catalogue_item_id IS NOT NULL
            AND started_at >= ${m.from}::timestamptz AND started_at < ${m.to}::timestamptz
          GROUP BY 1 ORDER BY 2 DESC LIMIT 10) x
        JOIN catalogue_item i ON i.organisation_id = ${org} AND i.id = x.catalogue_item_id ORDER BY x.n DESC`;
    default:
      throw new Error(`no reference query for ${r.key}`);
  }
}

// ---- one database -------------------------------------------------------------------------------------------------

/** A database the benchmark writes to and a server reads: PostgreSQL (both at once) or PGlite on disk (in turn). */
interface Target {
  label: string;
  kind: 'postgres' | 'pglite';
  scale: number;
  open(): Promise<Database>;
  serverEnv: Record<string, string>;
}

interface Measured {
  size: string;
  requests: { request: DashboardRequest; api: Timing; raw: Timing }[];
}

interface DatabaseResult {
  label: string;
  kind: 'postgres' | 'pglite';
  scale: number;
  generation: {
    size: string;
    rows: Record<string, number>;
    seconds: number;
    indexS: number;
    analyseS: number;
  }[];
  rebuild: { size: string; seconds: number | null }[];
  /** Rows and bytes of every rollup table after each size's rebuild: what the dashboards read. */
  rollups: { size: string; table: string; rows: number; bytes: number }[];
  measured: Measured[];
  dayOfWork?: {
    rows: Record<string, number>;
    closed: number;
    reopened: number;
    answered: number;
    writeS: number;
    /** The days marked for the catch-up, per fact. */
    dirtyDays: string;
    catchUpS: number | null;
  };
}

interface Run {
  o: Options;
  volume: Volume;
  now: Date;
  month: Period;
  year: Period;
  dataKey: string;
}

async function analyse(database: Database) {
  const t0 = performance.now();
  await database.db.execute(sql`ANALYZE`);
  return seconds(t0);
}

/**
 * The rollups rebuilt from the raw rows as `voordeur metrics rebuild` does it: the rebuild, then the team and item
 * rollups compacted (the rebuild over the first city-year's rows leaves an old version of every row behind, and the
 * doubled data would be read from tables twice their size). Older builds: the rebuild alone.
 */
async function rebuild(db: Db, orgId: string, run: Run) {
  const m = await metricsModule();
  const period = { from: run.year.from, to: localDate(run.now) };
  const t0 = performance.now();
  if (m.rebuildAllMetrics) await m.rebuildAllMetrics(db, { organisation: DEMO_SLUG, ...period });
  else if (m.rebuildMetrics) await m.rebuildMetrics(db, orgId, period);
  else return null;
  const s = seconds(t0);
  // The backlog at a past period's end is the day-end snapshot (the catalogue's definition), which a rebuild cannot
  // make: take the snapshots the day-end task would have taken after the periods' last days (not timed). The demo
  // seed snapshotted its own history days before the city's cases were written: those go first.
  for (const day of new Set([run.month.to, run.year.to])) {
    await db.execute(
      sql`DELETE FROM metric_backlog_day WHERE organisation_id = ${orgId} AND day = ${day}::date`,
    );
    await m.snapshotBacklogDay?.(db, orgId, day);
  }
  return s;
}

/** Rows (as counted by the VACUUM ANALYZE just before) and bytes (with indexes) of every rollup table. */
async function rollupSizes(db: Db) {
  return queryRows<{ table: string; rows: number; bytes: number }>(
    db,
    sql`SELECT c.relname AS "table", greatest(c.reltuples, 0)::float8 AS "rows",
          pg_total_relation_size(c.oid)::float8 AS "bytes"
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname LIKE 'metric\\_%\\_day'
        ORDER BY c.relname`,
  );
}

/** The HTTP timings: the server started on the database, each request signed in as its asker. */
async function measureHttp(target: Target, run: Run, requests: DashboardRequest[]) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = await start(
    process.execPath,
    [cli, 'serve', '--role', 'api', '--port', String(port)],
    {
      ...target.serverEnv,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      VOORDEUR_DATA_KEY: run.dataKey,
      RATE_LIMIT_PER_MINUTE: '100000000',
    },
    `${base}/readyz`,
  );
  const out = new Map<string, Timing>();
  try {
    const cookies = new Map<string, string>();
    for (const r of requests) {
      const cookie = cookies.get(r.asker) ?? (await signIn(base, r.asker, PASSWORD));
      cookies.set(r.asker, cookie);
      const get = async () => {
        const res = await fetch(`${base}${r.path}`, { headers: { cookie } });
        const body = await res.text();
        return { status: res.status, body };
      };
      const probe = await get();
      if (probe.status === 404) {
        out.set(r.key, { p50: Number.NaN, p95: Number.NaN, missing: 'not in this build' });
        continue;
      }
      if (probe.status !== 200) {
        log(`   ${r.label}: HTTP ${probe.status} ${probe.body.slice(0, 300)}`);
        out.set(r.key, { p50: Number.NaN, p95: Number.NaN, missing: `HTTP ${probe.status}` });
        continue;
      }
      out.set(r.key, {
        ...(await timed(run.o.runs, 3, async () => {
          const x = await get();
          if (x.status !== 200) throw new Error(`${r.path}: HTTP ${x.status} ${x.body.slice(0, 300)}`);
        })),
        answer: JSON.parse(probe.body),
      });
    }
  } finally {
    await stop(child);
  }
  return out;
}

async function measure(target: Target, database: Database, city: City, run: Run, size: string) {
  const kcc = city.teams.find((t) => t.name === 'KCC') ?? city.teams[0]!;
  // The agent the HTTP requests sign in as: the raw query counts the same person's contacts.
  const [agent] = await queryRows<{ id: string }>(
    database.db,
    sql`SELECT id FROM app_user WHERE email = ${ASKER_EMAIL.agent}`,
  );
  const agentId = agent!.id;
  const calendarYear = run.year.to.slice(0, 4);
  const requests = dashboardRequests({
    month: run.month,
    year: run.year,
    teamId: kcc.id,
    slug: DEMO_SLUG,
    calendarYear,
  });
  log(`-- ${target.label} ${size}: raw SQL references (${run.o.rawRuns} runs each)`);
  const raw = new Map<string, Timing>();
  for (const r of requests) {
    const q = referenceSql(r, {
      org: city.organisationId,
      teamId: kcc.id,
      agentId,
      month: run.month,
      year: run.year,
    });
    raw.set(r.key, await timed(run.o.rawRuns, 1, () => queryRows(database.db, q)));
  }
  return { requests, raw };
}

async function runOn(target: Target, run: Run): Promise<DatabaseResult> {
  const result: DatabaseResult = {
    label: target.label,
    kind: target.kind,
    scale: target.scale,
    generation: [],
    rebuild: [],
    rollups: [],
    measured: [],
  };
  const volume = volumeAt(target.scale);
  let database = await target.open();
  let city: City;
  try {
    log(`-- ${target.label}: migrate and seed the demo organisation`);
    await database.migrate();
    await seedDemo(database.db, { password: PASSWORD });
    const [org] = await queryRows<{ id: string }>(
      database.db,
      sql`SELECT id FROM organisation WHERE slug = ${DEMO_SLUG}`,
    );
    city = await prepareCity(database.db, org!.id, run.o.seed);

    const sizes = run.o.double ? ['1x', '2x'] : ['1x'];
    for (const [i, size] of sizes.entries()) {
      log(
        `-- ${target.label}: generating ${size === '1x' ? 'the city-year' : 'a second city-year into the same year'}`,
      );
      const g = await generateCity(database.db, city, {
        run: i,
        seed: run.o.seed,
        volume,
        from: run.year.from,
        to: run.year.to,
        now: run.now,
        bulk: true,
        progress: true,
      });
      const analyseS = await analyse(database);
      result.generation.push({ size, rows: g.rows, seconds: g.seconds, indexS: g.indexSeconds, analyseS });
      log(
        `   ${Object.entries(g.rows)
          .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
          .join(', ')} in ${g.seconds.toFixed(1)} s`,
      );
      const rebuildS = await rebuild(database.db, city.organisationId, run);
      result.rebuild.push({ size, seconds: rebuildS });
      // A bulk load is followed by VACUUM ANALYZE, as autovacuum would do a little later: the rollups were empty
      // when the raw rows were analysed, and autovacuum set off by millions of new rows could otherwise run during
      // the timings.
      const t0 = performance.now();
      await database.db.execute(sql`VACUUM ANALYZE`);
      const vacuumS = seconds(t0);
      log(
        `   rollup rebuild: ${rebuildS === null ? 'rebuildMetrics not in this build' : `${rebuildS.toFixed(2)} s`}, then VACUUM ANALYZE ${vacuumS.toFixed(1)} s`,
      );
      for (const t of await rollupSizes(database.db)) result.rollups.push({ size, ...t });
      const { requests, raw } = await measure(target, database, city, run, size);
      if (target.kind === 'pglite') await database.close();
      log(`-- ${target.label} ${size}: the monitoring API over HTTP (${run.o.runs} runs each)`);
      const api = await measureHttp(target, run, requests);
      if (target.kind === 'pglite') database = await target.open();
      result.measured.push({
        size,
        requests: requests.map((request) => ({
          request,
          api: api.get(request.key)!,
          raw: raw.get(request.key)!,
        })),
      });
    }

    log(`-- ${target.label}: a day of work, then the catch-up`);
    const perDay = (n: number) => Math.max(1, Math.round((n * (run.o.double ? 2 : 1)) / 365));
    const today = localDate(run.now);
    const t0 = performance.now();
    const g = await generateCity(database.db, city, {
      run: 9,
      seed: run.o.seed,
      volume: {
        contacts: perDay(volume.contacts),
        cases: perDay(volume.cases),
        responses: 0,
        customers: 0,
      },
      from: today,
      to: today,
      now: run.now,
      bulk: false,
      progress: false,
    });
    const work = await workOnOlderCases(
      database.db,
      city,
      perDay(volume.cases),
      perDay(volume.responses),
      run.now,
    );
    const writeS = seconds(t0);
    const m = await metricsModule();
    // What the day of work left for the catch-up: days to recompute, per fact.
    const marked = await queryRows<{
      organisationId: string;
      fact: 'contact' | 'case' | 'survey' | 'callback';
      day: string;
    }>(
      database.db,
      sql`SELECT organisation_id AS "organisationId", fact, day::text AS day FROM metric_dirty ORDER BY fact, day`,
    );
    const perFact = new Map<string, number>();
    for (const d of marked) perFact.set(d.fact, (perFact.get(d.fact) ?? 0) + 1);
    const dirtyDays = [...perFact].map(([fact, n]) => `${n} ${fact}`).join(', ') || 'none';
    let catchUpS: number | null = null;
    if (m.catchUpMetrics) {
      const t1 = performance.now();
      const summary = await m.catchUpMetrics(database.db, new Date());
      catchUpS = seconds(t1);
      log(`   the catch-up: ${JSON.stringify(summary)}`);
    }
    // Where the catch-up's time goes: each marked day recomputed again on its own (with its rollups' triggers).
    if (m.recomputeDay) {
      const parts: string[] = [];
      for (const d of marked) {
        const t2 = performance.now();
        await m.recomputeDay(database.db, d.organisationId, d.fact, d.day);
        parts.push(`${d.fact} ${d.day} ${seconds(t2).toFixed(3)} s`);
      }
      log(`   each marked day recomputed alone: ${parts.join('; ')}`);
    }
    result.dayOfWork = { rows: g.rows, ...work, writeS, dirtyDays, catchUpS };
    log(
      `   ${g.rows.contacts} contacts, ${g.rows.cases} cases, ${g.rows.callbacks} callbacks today; ${work.closed} older cases closed, ${work.reopened} reopened, ${work.answered} survey answers (${writeS.toFixed(2)} s); days to recompute: ${dirtyDays}; catch-up: ${catchUpS === null ? 'catchUpMetrics not in this build' : `${catchUpS.toFixed(2)} s`}`,
    );
  } finally {
    await database.close();
  }
  return result;
}

// ---- the suite --------------------------------------------------------------------------------------------------------

export async function monitoringBenchmark(argv: string[] = process.argv.slice(2)) {
  const o = options(argv);
  const volume = volumeAt(o.scale);
  const now = new Date();
  const yesterday = addDays(localDate(now), -1);
  const year = { from: addDays(yesterday, -364), to: yesterday };
  // The last whole month before today.
  const firstOfThisMonth = `${localDate(now).slice(0, 8)}01`;
  const month = { from: `${addDays(firstOfThisMonth, -1).slice(0, 8)}01`, to: addDays(firstOfThisMonth, -1) };
  const key = randomBytes(32);
  useDataKey(key);
  const run: Run = { o, volume, now, month, year, dataKey: key.toString('base64') };
  log(
    `Monitoring benchmark: scale ${o.scale} (${volume.contacts.toLocaleString('en')} contacts, ${volume.cases.toLocaleString('en')} cases, ${volume.responses.toLocaleString('en')} survey answers, ${volume.customers.toLocaleString('en')} customers${o.double ? '; then doubled' : ''}${o.pgliteScale !== o.scale ? `; PGlite at scale ${o.pgliteScale}` : ''}), seed ${o.seed}, year ${year.from}..${year.to}, month ${month.from}..${month.to}; ${o.runs} HTTP runs and ${o.rawRuns} raw runs per request`,
  );
  const startLoad = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  const results: DatabaseResult[] = [];
  if (o.databases.includes('postgres')) {
    const cluster = await startPgCluster();
    try {
      results.push(
        await runOn(
          {
            label: 'PostgreSQL',
            kind: 'postgres',
            scale: o.scale,
            open: () => openDatabase({ url: cluster.url, poolSize: 4 }),
            serverEnv: { DATABASE_URL: cluster.url },
          },
          run,
        ),
      );
    } finally {
      // BENCH_KEEP_DATABASE=1 leaves the server running with the city in it, to look at a query's plan afterwards.
      if (process.env.BENCH_KEEP_DATABASE === '1') log(`PostgreSQL left running: ${cluster.url}`);
      else cluster.stop();
    }
  }
  if (o.databases.includes('pglite')) {
    const dir = mkdtempSync(join(tmpdir(), 'voordeur-bench-monitoring-'));
    try {
      results.push(
        await runOn(
          {
            label: o.pgliteScale === o.scale ? 'PGlite (disk)' : `PGlite (disk, scale ${o.pgliteScale})`,
            kind: 'pglite',
            scale: o.pgliteScale,
            open: () => openDatabase({ dataDir: dir }),
            serverEnv: { VOORDEUR_DATA_DIR: dir },
          },
          run,
        ),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  printResults(results, run);
  console.log(
    `\nMachine: ${cpus().length} cores; load average at the start ${startLoad}, at the end ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} (1, 5, 15 min): other work on the machine slows every figure above.`,
  );
}

/** The overview's KPI codes and the raw query's column giving the same figure (percentages as 0..1). */
const CHECKED: [code: string, column: string, percent: boolean][] = [
  ['contacts', 'contacts', false],
  ['fcr', 'fcr', true],
  ['repeat_contacts', 'repeats', true],
  ['avoidable_contacts', 'avoidable', true],
  ['handling_time', 'handling_minutes', false],
  ['cases_opened', 'opened', false],
  ['norm_compliance', 'norm', true],
  ['resolution_mean', 'resolution_days', false],
  ['complaints', 'complaints', false],
  ['backlog', 'open', false],
  ['backlog_overdue', 'overdue', false],
  ['callbacks_in_time', 'in_time', true],
  ['grade_mean', 'grade', false],
  ['grade_7_plus', 'grade_7_plus', true],
];

/** The overview figures of the API next to the raw query's (the rollups are exact: they should be equal). */
function printCheck(results: DatabaseResult[]) {
  const rows: string[][] = [];
  for (const r of results)
    for (const m of r.measured.slice(0, 1))
      for (const { request, api, raw } of m.requests) {
        if (!request.key.startsWith('overview')) continue;
        const rawRow = (raw.answer as Record<string, unknown>[] | undefined)?.[0] ?? {};
        const items = (api.answer as { items?: { code: string; value: number | null }[] } | undefined)?.items;
        for (const [code, column, percent] of CHECKED) {
          if (!(column in rawRow)) continue;
          const x = rawRow[column] === null ? null : Number(rawRow[column]) * (percent ? 100 : 1);
          const a = items?.find((i) => i.code === code);
          const same =
            a === undefined
              ? '-'
              : a.value === x || (a.value !== null && x !== null && Math.abs(a.value - x) < 0.05);
          rows.push([
            r.label,
            m.size,
            request.label,
            code,
            a === undefined
              ? (api.missing ?? 'not answered')
              : String(a.value === null ? '-' : +a.value.toFixed(2)),
            x === null ? '-' : String(+x.toFixed(2)),
            same === '-' ? '-' : same ? 'same' : 'DIFFERS',
          ]);
        }
      }
  console.log(
    '\nOverview figures: the API next to the raw rows (differences are either definitions to align or rollups that are off)',
  );
  printTable(['database', 'size', 'request', 'kpi', 'API', 'raw SQL', 'check'], rows);
}

const ms = (t: Timing | undefined) => (!t ? '-' : t.missing ? t.missing : t.p95.toFixed(1));
const ms50 = (t: Timing | undefined) => (!t ? '-' : t.missing ? '-' : t.p50.toFixed(1));

function printResults(results: DatabaseResult[], run: Run) {
  const full = run.o.scale >= 1;
  const scaleNote = full ? '' : ` (at scale ${run.o.scale}; the goals are for scale 1)`;

  console.log(`\nGeneration${scaleNote}: rows written by the seeded generator (seed ${run.o.seed}), seconds`);
  printTable(
    [
      'database',
      'size',
      'customers',
      'contacts',
      'cases',
      'answers',
      'callbacks',
      'seconds',
      'of which indexes s',
      'rows/s',
      'ANALYZE s',
      'scale 1 estimate s',
    ],
    results.flatMap((r) =>
      r.generation.map((g) => {
        const rows = Object.values(g.rows).reduce((a, b) => a + b, 0);
        return [
          r.label,
          g.size,
          g.rows.customers!.toLocaleString('en'),
          g.rows.contacts!.toLocaleString('en'),
          g.rows.cases!.toLocaleString('en'),
          g.rows['survey answers']!.toLocaleString('en'),
          g.rows.callbacks!.toLocaleString('en'),
          g.seconds.toFixed(1),
          g.indexS.toFixed(1),
          (rows / g.seconds).toFixed(0),
          g.analyseS.toFixed(1),
          r.scale >= 1 ? '' : `~${(g.seconds / r.scale).toFixed(0)} (linear)`,
        ];
      }),
    ),
  );

  console.log(
    `\nDashboard requests${scaleNote}: the monitoring API over HTTP next to the same figures by a direct SQL aggregate over the raw rows (ms)`,
  );
  printTable(
    [
      'database',
      'size',
      'request',
      'asker',
      'API p50',
      'API p95',
      'raw p50',
      'raw p95',
      'raw / API (p95)',
      'goal',
    ],
    results.flatMap((r) =>
      r.measured.flatMap((m) =>
        m.requests.map(({ request, api, raw }) => [
          r.label,
          m.size,
          request.label,
          request.asker,
          ms50(api),
          ms(api),
          raw.p50.toFixed(1),
          raw.p95.toFixed(1),
          api.missing ? '-' : `${(raw.p95 / api.p95).toFixed(1)}x`,
          request.management && r.kind === 'postgres' && m.size === '1x'
            ? `p95 <= ${GOAL_P95_MS} ms: ${api.missing ? 'not measured' : api.p95 <= GOAL_P95_MS ? (full ? 'met' : 'met here') : 'NOT met'}`
            : '',
        ]),
      ),
    ),
  );

  printCheck(results);

  const doubled = results.filter((r) => r.measured.length === 2);
  if (doubled.length) {
    console.log('\nGrowth when the data doubles (p95 at 2x over p95 at 1x)');
    printTable(
      ['database', 'request', 'API 1x', 'API 2x', 'API growth', 'raw 1x', 'raw 2x', 'raw growth', 'goal'],
      doubled.flatMap((r) =>
        r.measured[0]!.requests.map((a, i) => {
          const b = r.measured[1]!.requests[i]!;
          const apiGrowth = a.api.missing || b.api.missing ? Number.NaN : b.api.p95 / a.api.p95;
          return [
            r.label,
            a.request.label,
            ms(a.api),
            ms(b.api),
            Number.isNaN(apiGrowth) ? '-' : `${apiGrowth.toFixed(2)}x`,
            a.raw.p95.toFixed(1),
            b.raw.p95.toFixed(1),
            `${(b.raw.p95 / a.raw.p95).toFixed(2)}x`,
            a.request.management && r.kind === 'postgres'
              ? `<= ${GOAL_GROWTH}x: ${Number.isNaN(apiGrowth) ? 'not measured' : apiGrowth <= GOAL_GROWTH ? 'met' : 'NOT met'}`
              : '',
          ];
        }),
      ),
    );
  }

  const sized = results.filter((r) => r.rollups.length);
  if (sized.length) {
    const sizes = [...new Set(sized.flatMap((r) => r.rollups.map((t) => t.size)))];
    console.log(
      `\nRollup tables${scaleNote}: rows and size with indexes after each rebuild (the dashboards read the team and item rollups unless a filter needs the daily one)`,
    );
    printTable(
      ['database', 'table', ...sizes.flatMap((z) => [`rows ${z}`, `MB ${z}`])],
      sized.flatMap((r) =>
        [...new Set(r.rollups.map((t) => t.table))].map((table) => [
          r.label,
          table,
          ...sizes.flatMap((z) => {
            const t = r.rollups.find((x) => x.table === table && x.size === z);
            return t ? [t.rows.toLocaleString('en'), (t.bytes / 1e6).toFixed(1)] : ['-', '-'];
          }),
        ]),
      ),
    );
  }

  console.log(`\nRollups${scaleNote}: rebuild from the raw rows, and the catch-up after a day of work`);
  printTable(
    [
      'database',
      'rebuild 1x s',
      'rebuild 2x s',
      'day of work (rows written)',
      'written in s',
      'days marked',
      'catch-up s',
      'goal',
    ],
    results.map((r) => {
      const d = r.dayOfWork;
      const rebuilt = (size: string) => {
        const x = r.rebuild.find((b) => b.size === size);
        return !x ? '-' : x.seconds === null ? 'not in this build' : x.seconds.toFixed(2);
      };
      return [
        r.label,
        rebuilt('1x'),
        rebuilt('2x'),
        d
          ? `${d.rows.contacts} contacts, ${d.rows.cases} cases, ${d.rows.callbacks} callbacks, ${d.closed} closed, ${d.reopened} reopened, ${d.answered} answers`
          : '-',
        d ? d.writeS.toFixed(2) : '-',
        d ? d.dirtyDays : '-',
        !d ? '-' : d.catchUpS === null ? 'not in this build' : d.catchUpS.toFixed(2),
        r.kind === 'postgres'
          ? `<= ${GOAL_CATCH_UP_S} s: ${d?.catchUpS == null ? 'not measured' : d.catchUpS <= GOAL_CATCH_UP_S ? (full ? 'met' : 'met here') : 'NOT met'}`
          : '',
      ];
    }),
  );
  if (!full)
    console.log(
      `\nScale ${run.o.scale}: a city-year is ${CITY_YEAR.contacts.toLocaleString('en')} contacts, ${CITY_YEAR.cases.toLocaleString('en')} cases and ${CITY_YEAR.responses.toLocaleString('en')} survey answers; the raw-SQL figures grow with the rows, the rollup figures with days × dimensions.`,
    );
}
