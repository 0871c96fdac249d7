/**
 * Case benchmark (issue 5), on PostgreSQL:
 *  1. case intake over the HTTP API (POST /api/cases with an API token: case, first status, audit event,
 *     the person's confirmation and its outbox job in one transaction) with autocannon at several connection
 *     counts, against the real server started as `serve --role api` (no worker delivering during the
 *     measurement), plus one run at the best connection count with `--role all` (the worker running) on a fresh
 *     database; the written rows are counted afterwards and must equal the 2xx responses;
 *  2. the ceiling: the same rows INSERTed by node-postgres, one transaction per intake, from as many clients as
 *     the best HTTP run had connections, in the same run; and, for the headroom, the same rows in one statement
 *     (data-modifying CTEs: one round trip, so the case_counter row lock is held only while it runs);
 *     for every run the CPU per intake (server/client, PostgreSQL), the sessions waiting for a lock and the CPU
 *     taken by other processes on the machine (which make the figures lower than on an idle machine);
 *  3. the norm-clock sweep (`sweepClocks`) over 1,000,000 open cases of which 1 % are past due, next to the raw
 *     UPDATE statements on an identical copy of the data; and a second sweep with nothing to do.
 * Env: BENCH_SECONDS (per HTTP/raw run, default 10), BENCH_CASE_CONNECTIONS (default 8,16,32),
 * BENCH_SWEEP_CASES (default 1000000), BENCH_CASES_WORKER (0 skips the --role all run), BENCH_CASES_PARTS
 * (intake,sweep), BENCH_EXPLAIN (plans of the sweep's queries), BENCH_SERVER_NODE_ARGS (e.g. --cpu-prof for
 * the server process), DATABASE_POOL_SIZE (the server's pool; its default otherwise).
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { seedDemo, useDataKey } from '@voordeur/api';
import { type Db, openDatabase } from '@voordeur/db';
import autocannon from 'autocannon';
import pg from 'pg';
// Not exported by @voordeur/api's index: taken from the cases module itself.
import { sweepClocks } from '../../apps/api/src/modules/cases/index.ts';
import { freePort, type PgCluster, startPgCluster } from '../../scripts/pg-cluster.ts';
import { printTable } from './search.ts';

const env = process.env;
const SECONDS = Number(env.BENCH_SECONDS ?? 10);
const CONNECTIONS = (env.BENCH_CASE_CONNECTIONS ?? '8,16,32').split(',').map(Number);
const SWEEP_CASES = Number(env.BENCH_SWEEP_CASES ?? 1_000_000);
const WITH_WORKER = env.BENCH_CASES_WORKER !== '0';
const PARTS = (env.BENCH_CASES_PARTS ?? 'intake,sweep').split(',');
const PASSWORD = 'bench-password-123';
const GOAL_RATE = 1500;
const GOAL_SHARE = 35;
const GOAL_SWEEP_S = 2;
/** The batch size of `sweep` in cases.sweep.ts: the sweep ends with a transaction marking fewer cases. */
const SWEEP_BATCH = 5000;
const ITEM = 'straatverlichting-kapot';
const INTAKE = {
  itemCode: ITEM,
  description: 'Lamp brandt niet',
  answers: { locatie: 'Dorpsstraat 12', paalnummer: 'VB-1234', probleem: 'brandt_niet', op_de_hoogte: true },
  location: { description: 'Dorpsstraat 12' },
  contactEmail: 'bench@example.nl',
};

const cli = fileURLToPath(new URL('../../apps/cli/bin/voordeur.js', import.meta.url));
const log = (m: string) => process.stderr.write(`${m}\n`);
const seconds = (t0: number) => (performance.now() - t0) / 1000;
const phases: [string, number][] = [];
async function phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  log(`-- ${name}`);
  try {
    return await fn();
  } finally {
    phases.push([name, seconds(t0)]);
    log(`   (${seconds(t0).toFixed(1)} s)`);
  }
}

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

/** CPU seconds (user + system, children included) of the processes matching, from /proc (Linux; else NaN). */
function cpuSeconds(match: (pid: number, comm: string) => boolean) {
  try {
    let ticks = 0;
    for (const d of readdirSync('/proc')) {
      const pid = Number(d);
      if (!pid) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!match(pid, comm)) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // after the comm: state is field 3, utime 14, stime 15, cutime 16, cstime 17
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    }
    return ticks / 100; // USER_HZ
  } catch {
    return Number.NaN;
  }
}
const postgresCpu = () => cpuSeconds((_, comm) => comm === 'postgres');

/** Busy CPU seconds of the whole machine (all cores), from /proc/stat; NaN elsewhere. */
function machineBusySeconds() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    return (f[0]! + f[1]! + f[2]! + f[5]! + f[6]! + f[7]!) / 100;
  } catch {
    return Number.NaN;
  }
}

interface ProbeResult {
  /** CPU ms per intake of the process doing the work (the server, or this process for the raw runs). */
  ownCpuMs: number;
  pgCpuMs: number;
  /** Cores kept busy by processes that are not part of the benchmark (other work on the machine). */
  otherCores: number;
  /** Average number of PostgreSQL sessions waiting for a lock, and the wait seen most. */
  lockWaiting: number;
  topWait: string;
}

/**
 * Watches a measured run: CPU per intake of the worker process and of PostgreSQL, CPU used by anything else on
 * the machine, and (every 20 ms, from pg_stat_activity) how many sessions are waiting for a lock.
 */
async function probe(url: string, workerPid: number) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const own = () => cpuSeconds((pid) => pid === workerPid);
  const bench = () => (workerPid === process.pid ? 0 : cpuSeconds((pid) => pid === process.pid));
  const start = {
    own: own(),
    pg: postgresCpu(),
    bench: bench(),
    machine: machineBusySeconds(),
    t: performance.now(),
  };
  let samples = 0;
  let waiting = 0;
  const waits = new Map<string, number>();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    c.query(
      `SELECT wait_event FROM pg_stat_activity
       WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
    )
      .then((r) => {
        samples++;
        waiting += r.rows.length;
        for (const row of r.rows) waits.set(row.wait_event, (waits.get(row.wait_event) ?? 0) + 1);
      })
      .catch(() => {})
      .finally(() => {
        busy = false;
      });
  }, 20);
  return async (intakes: number): Promise<ProbeResult> => {
    clearInterval(timer);
    const end = {
      own: own(),
      pg: postgresCpu(),
      bench: bench(),
      machine: machineBusySeconds(),
      t: performance.now(),
    };
    while (busy) await new Promise((r) => setTimeout(r, 5));
    await c.end();
    const ours = end.own - start.own + (end.pg - start.pg) + (end.bench - start.bench);
    const top = [...waits].sort((a, b) => b[1] - a[1])[0];
    return {
      ownCpuMs: ((end.own - start.own) * 1000) / intakes,
      pgCpuMs: ((end.pg - start.pg) * 1000) / intakes,
      otherCores: Math.max(0, (end.machine - start.machine - ours) / ((end.t - start.t) / 1000)),
      lockWaiting: samples ? waiting / samples : Number.NaN,
      topWait: top ? `${top[0]} (${Math.round((top[1] / Math.max(1, waiting)) * 100)} %)` : '-',
    };
  };
}

/** A database of its own on the cluster. */
async function createDb(cluster: PgCluster, name: string, template?: string) {
  const c = new pg.Client({ connectionString: cluster.url });
  await c.connect();
  try {
    await c.query(
      template
        ? `CREATE DATABASE "${name}" TEMPLATE "${template}" STRATEGY FILE_COPY`
        : `CREATE DATABASE "${name}"`,
    );
  } finally {
    await c.end();
  }
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

// ---- the server ---------------------------------------------------------------------------------------------

interface Server {
  base: string;
  databaseUrl: string;
  child: ChildProcess;
  output: () => string;
}

async function startServer(databaseUrl: string, role: 'api' | 'all'): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const nodeArgs = env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, cli, 'serve', '--role', role, '--port', String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      VOORDEUR_SEED_DEMO: 'true',
      VOORDEUR_DEMO_PASSWORD: PASSWORD,
      VOORDEUR_DATA_KEY: randomBytes(32).toString('base64'),
      RATE_LIMIT_PER_MINUTE: '1000000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Keep the last output (and keep the pipes drained, so the server never blocks on a full pipe).
  let tail = '';
  const keep = (b: Buffer) => {
    tail = (tail + b.toString()).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`serve --role ${role} exited with ${child.exitCode}:\n${tail}`);
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { base, databaseUrl, child, output: () => tail };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stopServer({ base, databaseUrl, child, output: () => tail });
  throw new Error(`serve --role ${role}: ${base}/readyz not ready after 120 s:\n${tail}`);
}

function stopServer(s: Server) {
  return new Promise<void>((resolve) => {
    if (s.child.exitCode !== null) return resolve();
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
  });
}

async function expectOk(r: Response, what: string) {
  if (r.ok) return r;
  throw new Error(`${what}: HTTP ${r.status} ${await r.text()}`);
}

/** Logs in as the demo admin and creates an API token with the agent role (no CSRF needed with Bearer). */
async function apiToken(base: string) {
  const login = await expectOk(
    await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@voorbeeld.nl', password: PASSWORD }),
    }),
    'POST /api/auth/login',
  );
  const cookie = login.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('POST /api/auth/login: no session cookie');
  const { token: csrf } = (await (
    await expectOk(await fetch(`${base}/api/auth/csrf`, { headers: { cookie } }), 'GET /api/auth/csrf')
  ).json()) as { token: string };
  const created = (await (
    await expectOk(
      await fetch(`${base}/api/auth/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
        body: JSON.stringify({ name: 'Benchmark intake', role: 'agent' }),
      }),
      'POST /api/auth/tokens',
    )
  ).json()) as { token: string };
  return created.token;
}

/** One intake through fetch, so a failure shows the exact response. */
async function probeIntake(base: string, token: string) {
  const r = await fetch(`${base}/api/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(INTAKE),
  });
  const text = await r.text();
  if (r.status !== 201) throw new Error(`POST /api/cases: HTTP ${r.status} ${text}`);
  return JSON.parse(text) as { reference: string; status: { key: string }; dueAt?: string };
}

interface Counts {
  cases: number;
  statusChanges: number;
  audit: number;
  notifications: number;
  jobs: number;
}

async function countRows(url: string): Promise<Counts> {
  return withClient(url, async (c) => {
    const { rows } = await c.query(`SELECT
        (SELECT count(*) FROM case_file)::int AS cases,
        (SELECT count(*) FROM case_status_change)::int AS "statusChanges",
        (SELECT count(*) FROM audit_event WHERE entity_type = 'case')::int AS audit,
        (SELECT count(*) FROM notification)::int AS notifications,
        (SELECT count(*) FROM outbox_job WHERE kind = 'notification')::int AS jobs`);
    return rows[0] as Counts;
  });
}

const describeProbe = (p: ProbeResult, own: string) =>
  `CPU per intake: ${own} ${p.ownCpuMs.toFixed(2)} ms, PostgreSQL ${p.pgCpuMs.toFixed(2)} ms; sessions waiting for a lock ${p.lockWaiting.toFixed(1)} on average (${p.topWait}); other processes on the machine ${p.otherCores.toFixed(2)} cores`;

interface LoadResult extends ProbeResult {
  label: string;
  connections: number;
  ok: number;
  perSecond: number;
  p50: number;
  p99: number;
  seconds: number;
}

/**
 * A fixed number of requests (not a duration), so every request sent is answered and counted: after a
 * duration autocannon drops the requests in flight, which the server may still commit. The rate is the 2xx
 * count over the time from the start to the last response.
 */
function cannon(base: string, token: string, connections: number, amount: number) {
  return new Promise<{ r: autocannon.Result; seconds: number }>((resolve, reject) => {
    const t0 = performance.now();
    let last = t0;
    const instance = autocannon(
      {
        url: `${base}/api/cases`,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(INTAKE),
        connections,
        amount,
        timeout: 30,
      },
      (err, r) => (err ? reject(err) : resolve({ r, seconds: (last - t0) / 1000 })),
    );
    instance.on('response', () => {
      last = performance.now();
    });
  });
}

/** Warm-up, then about BENCH_SECONDS of intakes; returns the figures and the number of 2xx (warm-up included). */
async function intakeLoad(server: Server, token: string, connections: number, label: string) {
  let ok = 0;
  const check = (r: autocannon.Result, what: string) => {
    ok += r['2xx'];
    if (r.non2xx || r.errors || r.timeouts) {
      const codes = Object.entries(r.statusCodeStats ?? {})
        .map(([code, s]) => `${code}: ${(s as { count: number }).count}`)
        .join(', ');
      throw new Error(
        `${what}: ${r.non2xx} non-2xx (${codes}), ${r.errors} errors, ${r.timeouts} timeouts\n${server.output()}`,
      );
    }
  };
  const warm = await cannon(server.base, token, connections, Math.max(connections * 10, 400));
  check(warm.r, `${label} warm-up`);
  const estimate = warm.r['2xx'] / warm.seconds;
  const amount = Math.max(connections * 20, Math.round(estimate * SECONDS));
  const stopProbe = await probe(server.databaseUrl, server.child.pid!);
  const run = await cannon(server.base, token, connections, amount);
  const p = await stopProbe(run.r['2xx']);
  check(run.r, label);
  const result: LoadResult = {
    label,
    connections,
    ok: run.r['2xx'],
    perSecond: run.r['2xx'] / run.seconds,
    p50: run.r.latency.p50,
    p99: run.r.latency.p99,
    seconds: run.seconds,
    ...p,
  };
  log(
    `   ${label}, ${connections} connections: ${result.perSecond.toFixed(0)} intakes/s over ${result.seconds.toFixed(1)} s (${result.ok} requests), p50 ${result.p50} ms, p99 ${result.p99} ms; ${describeProbe(p, 'server')}`,
  );
  return { result, ok };
}

interface Check {
  label: string;
  expected: number;
  counts: Counts;
}

/** Intake runs against one server; the rows written must be exactly one set per 2xx response. */
async function intakeRuns(
  cluster: PgCluster,
  dbName: string,
  role: 'api' | 'all',
  connections: number[],
  checks: Check[],
) {
  const url = dbName === 'postgres' ? cluster.url : await createDb(cluster, dbName);
  const server = await phase(`start serve --role ${role} (migrate + demo seed) on database ${dbName}`, () =>
    startServer(url, role),
  );
  const results: LoadResult[] = [];
  try {
    const token = await apiToken(server.base);
    const before = await countRows(url);
    const probe = await probeIntake(server.base, token);
    log(`   probe: POST /api/cases -> 201 ${probe.reference} (${probe.status.key}, due ${probe.dueAt})`);
    let ok = 1;
    for (const c of connections) {
      const label =
        role === 'api' ? 'POST /api/cases (--role api)' : 'POST /api/cases (--role all, worker on)';
      const r = await phase(`intake over HTTP, --role ${role}, ${c} connections`, () =>
        intakeLoad(server, token, c, label),
      );
      results.push(r.result);
      ok += r.ok;
    }
    const after = await countRows(url);
    const delta = Object.fromEntries(
      Object.entries(after).map(([k, v]) => [k, v - before[k as keyof Counts]]),
    ) as unknown as Counts;
    checks.push({ label: `HTTP --role ${role} (database ${dbName})`, expected: ok, counts: delta });
  } finally {
    await stopServer(server);
  }
  return { results, url };
}

// ---- the ceiling: the same rows by node-postgres ------------------------------------------------------------

interface Template {
  organisationId: string;
  itemId: string;
  versionId: string;
  teamId: string | null;
  subject: string;
  answers: unknown;
  location: unknown;
  prefix: string;
  tokenId: string | null;
  tokenUserId: string | null;
  actorLabel: string;
  auditChanges: unknown;
  notificationSubject: string;
  notificationBody: string;
  dueOffsetMs: number;
  internalOffsetMs: number | null;
  warnOffsetMs: number | null;
}

/** The values of the rows the API wrote (its last intake), so the raw rows are the same rows. */
async function templateFromApi(url: string): Promise<Template> {
  return withClient(url, async (c) => {
    const { rows } = await c.query(
      `WITH f AS (SELECT * FROM case_file WHERE description = $1 ORDER BY created_at DESC LIMIT 1)
       SELECT f.id, f.organisation_id, f.catalogue_item_id, f.item_version_id, f.team_id, f.subject, f.answers,
              f.location, split_part(f.reference, '-', 1) AS prefix,
              extract(epoch FROM f.due_at - f.created_at) * 1000 AS due_ms,
              extract(epoch FROM f.internal_due_at - f.created_at) * 1000 AS internal_ms,
              extract(epoch FROM f.warn_at - f.created_at) * 1000 AS warn_ms,
              a.actor_token_id, s.by_user_id, a.actor_label, a.changes, n.subject AS n_subject, n.body AS n_body
       FROM f
       JOIN audit_event a ON a.organisation_id = f.organisation_id AND a.entity_type = 'case'
         AND a.entity_id = f.id::text AND a.action = 'created'
       JOIN case_status_change s ON s.organisation_id = f.organisation_id AND s.case_id = f.id
       JOIN notification n ON n.organisation_id = f.organisation_id AND n.case_id = f.id`,
      [INTAKE.description],
    );
    const r = rows[0];
    if (!r) throw new Error('no case written by the API to copy the raw rows from');
    return {
      organisationId: r.organisation_id,
      itemId: r.catalogue_item_id,
      versionId: r.item_version_id,
      teamId: r.team_id,
      subject: r.subject,
      answers: r.answers,
      location: r.location,
      prefix: r.prefix,
      tokenId: r.actor_token_id,
      tokenUserId: r.by_user_id,
      actorLabel: r.actor_label,
      auditChanges: r.changes,
      notificationSubject: r.n_subject,
      notificationBody: r.n_body,
      dueOffsetMs: Number(r.due_ms),
      internalOffsetMs: r.internal_ms === null ? null : Number(r.internal_ms),
      warnOffsetMs: r.warn_ms === null ? null : Number(r.warn_ms),
    };
  });
}

/** One intake as plain SQL: counter, case, status history, audit event, notification, outbox job. */
async function rawIntake(c: pg.PoolClient, t: Template) {
  const now = new Date();
  const year = now.getFullYear();
  const at = (ms: number | null) => (ms === null ? null : new Date(now.getTime() + ms));
  await c.query('BEGIN');
  try {
    const counter = await c.query(
      `INSERT INTO case_counter (organisation_id, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (organisation_id, year) DO UPDATE SET last = case_counter.last + 1 RETURNING last`,
      [t.organisationId, year],
    );
    const reference = `${t.prefix}-${year}-${String(counter.rows[0].last).padStart(6, '0')}`;
    const inserted = await c.query(
      `INSERT INTO case_file (organisation_id, reference, catalogue_item_id, item_version_id, kind, subject,
         description, answers, location, channel, priority, team_id, status, status_changed_at, due_at,
         internal_due_at, warn_at, language, contact_email, created_at)
       VALUES ($1, $2, $3, $4, 'report', $5, $6, $7, $8, 'web', 'normal', $9, 'ontvangen', $10, $11, $12, $13,
         'nl', $14, $10)
       RETURNING id`,
      [
        t.organisationId,
        reference,
        t.itemId,
        t.versionId,
        t.subject,
        INTAKE.description,
        t.answers,
        t.location,
        t.teamId,
        now,
        at(t.dueOffsetMs),
        at(t.internalOffsetMs),
        at(t.warnOffsetMs),
        INTAKE.contactEmail,
      ],
    );
    const id = inserted.rows[0].id as string;
    await c.query(
      `INSERT INTO case_status_change (organisation_id, case_id, status, by_user_id, by_label, created_at)
       VALUES ($1, $2, 'ontvangen', $3, $4, $5)`,
      [t.organisationId, id, t.tokenUserId, t.actorLabel, now],
    );
    await c.query(
      `INSERT INTO audit_event (organisation_id, actor_kind, actor_user_id, actor_token_id, actor_label,
         entity_type, entity_id, action, changes, request_id)
       VALUES ($1, 'token', NULL, $2, $3, 'case', $4, 'created', $5, $6)`,
      [t.organisationId, t.tokenId, t.actorLabel, id, t.auditChanges, 'req-raw'],
    );
    const notificationId = randomUUID();
    await c.query(
      `INSERT INTO notification (id, organisation_id, case_id, kind, audience, channel, recipient, recipient_name,
         language, subject, body, message_id)
       VALUES ($1, $2, $3, 'status', 'person', 'email', $4, NULL, 'nl', $5, $6, $7)`,
      [
        notificationId,
        t.organisationId,
        id,
        INTAKE.contactEmail,
        t.notificationSubject,
        t.notificationBody,
        `<${notificationId}@voordeur>`,
      ],
    );
    await c.query(`INSERT INTO outbox_job (organisation_id, kind, payload) VALUES ($1, 'notification', $2)`, [
      t.organisationId,
      { notificationId },
    ]);
    await c.query('COMMIT');
  } catch (error) {
    await c.query('ROLLBACK');
    throw error;
  }
}

/**
 * The same rows in one statement (data-modifying CTEs), so one round trip and an implicit transaction: the
 * counter's row lock is held only while the statement runs. Not the API's shape; it shows the headroom.
 */
async function rawIntakeOneStatement(c: pg.PoolClient, t: Template) {
  const now = new Date();
  const at = (ms: number | null) => (ms === null ? null : new Date(now.getTime() + ms));
  const notificationId = randomUUID();
  await c.query(
    `WITH n AS (
       INSERT INTO case_counter (organisation_id, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (organisation_id, year) DO UPDATE SET last = case_counter.last + 1 RETURNING last
     ), f AS (
       INSERT INTO case_file (organisation_id, reference, catalogue_item_id, item_version_id, kind, subject,
         description, answers, location, channel, priority, team_id, status, status_changed_at, due_at,
         internal_due_at, warn_at, language, contact_email, created_at)
       SELECT $1, $3 || '-' || $2 || '-' || lpad(n.last::text, 6, '0'), $4, $5, 'report', $6, $7, $8, $9, 'web',
         'normal', $10, 'ontvangen', $11, $12, $13, $14, 'nl', $15, $11
       FROM n RETURNING id
     ), s AS (
       INSERT INTO case_status_change (organisation_id, case_id, status, by_user_id, by_label, created_at)
       SELECT $1, f.id, 'ontvangen', $16, $17, $11 FROM f
     ), a AS (
       INSERT INTO audit_event (organisation_id, actor_kind, actor_user_id, actor_token_id, actor_label,
         entity_type, entity_id, action, changes, request_id)
       SELECT $1, 'token', NULL, $18, $17, 'case', f.id::text, 'created', $19, 'req-raw' FROM f
     ), m AS (
       INSERT INTO notification (id, organisation_id, case_id, kind, audience, channel, recipient, recipient_name,
         language, subject, body, message_id)
       SELECT $20, $1, f.id, 'status', 'person', 'email', $15, NULL, 'nl', $21, $22, $23 FROM f
     )
     INSERT INTO outbox_job (organisation_id, kind, payload) SELECT $1, 'notification', $24 FROM f`,
    [
      t.organisationId,
      now.getFullYear(),
      t.prefix,
      t.itemId,
      t.versionId,
      t.subject,
      INTAKE.description,
      t.answers,
      t.location,
      t.teamId,
      now,
      at(t.dueOffsetMs),
      at(t.internalOffsetMs),
      at(t.warnOffsetMs),
      INTAKE.contactEmail,
      t.tokenUserId,
      t.actorLabel,
      t.tokenId,
      t.auditChanges,
      notificationId,
      t.notificationSubject,
      t.notificationBody,
      `<${notificationId}@voordeur>`,
      { notificationId },
    ],
  );
}

const RAW_MODES = {
  statements: {
    label: 'raw INSERTs, 1 transaction per intake (ceiling)',
    fn: rawIntake,
  },
  cte: {
    label: 'raw, the same rows in 1 statement (1 round trip)',
    fn: rawIntakeOneStatement,
  },
} as const;

async function rawCeiling(
  url: string,
  t: Template,
  clients: number,
  checks: Check[],
  mode: keyof typeof RAW_MODES,
) {
  const intake = RAW_MODES[mode].fn;
  const pool = new pg.Pool({ connectionString: url, max: clients });
  try {
    const before = await countRows(url);
    let done = 0;
    const run = async (ms: number) => {
      const latencies: number[] = [];
      const t0 = performance.now();
      const deadline = t0 + ms;
      let last = t0;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          const c = await pool.connect();
          try {
            while (performance.now() < deadline) {
              const t1 = performance.now();
              await intake(c, t);
              last = performance.now();
              latencies.push(last - t1);
              done++;
            }
          } finally {
            c.release();
          }
        }),
      );
      latencies.sort((a, b) => a - b);
      return {
        perSecond: latencies.length / ((last - t0) / 1000),
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        n: latencies.length,
      };
    };
    await run(1500); // warm-up
    const stopProbe = await probe(url, process.pid);
    const measured = await run(SECONDS * 1000);
    const r = { label: RAW_MODES[mode].label, ...measured, ...(await stopProbe(measured.n)) };
    const after = await countRows(url);
    const delta = Object.fromEntries(
      Object.entries(after).map(([k, v]) => [k, v - before[k as keyof Counts]]),
    ) as unknown as Counts;
    checks.push({ label: `${RAW_MODES[mode].label}, ${clients} clients`, expected: done, counts: delta });
    log(
      `   ${mode}: ${r.perSecond.toFixed(0)} intakes/s (${r.n} in ${SECONDS} s), p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms; ${describeProbe(r, 'client')}`,
    );
    return r;
  } finally {
    await pool.end();
  }
}

// ---- the sweep ----------------------------------------------------------------------------------------------

interface SweepIds {
  organisationId: string;
  itemId: string;
  versionId: string;
  teamId: string | null;
  subject: string;
}

/**
 * 1M open cases of the demo item in the demo organisation, generated server-side with the secondary indexes
 * of case_file dropped and rebuilt from their own definitions. Case i is:
 *  - past due (i % 100 = 0, 10,000 of 1M): due 1 minute to 72 hours ago; not warned, not internally breached,
 *    not breached: all three clocks have this backlog (the worst case, e.g. after the worker was down);
 *  - suspended (i % 300 = 150, 3,333): waiting for the person, half of them with a due time in the past
 *    (the sweep must leave them alone);
 *  - otherwise due 1 hour to 60 days from now; warning and internal target 2 days (+ 4 h) before the due
 *    time, already marked when passed (earlier sweeps did that).
 */
async function generateCases(url: string, ids: SweepIds, n: number) {
  await withClient(url, async (c) => {
    const now = new Date();
    const { rows: indexes } = await c.query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
       WHERE i.schemaname = 'public' AND i.tablename = 'case_file'
         AND i.indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'case_file'::regclass)`,
    );
    for (const ix of indexes) await c.query(`DROP INDEX "${ix.indexname}"`);
    await c.query('SET session_replication_role = replica'); // no FK triggers: the rows refer to real rows
    const chunk = 250_000;
    const t0 = performance.now();
    for (let a = 1; a <= n; a += chunk) {
      const b = Math.min(n, a + chunk - 1);
      await c.query(
        `INSERT INTO case_file (organisation_id, reference, catalogue_item_id, item_version_id, kind, subject,
           description, answers, location, channel, priority, team_id, status, status_changed_at, due_at,
           internal_due_at, warn_at, warned_at, internal_breached_at, suspended_since, suspended_reason,
           language, contact_email, created_at, updated_at)
         SELECT $1, 'BN-' || lpad(i::text, 7, '0'), $2, $3, 'report', $5, 'Lamp brandt niet',
           '{"locatie": "Dorpsstraat 12", "probleem": "brandt_niet"}'::jsonb,
           '{"description": "Dorpsstraat 12"}'::jsonb, 'web', 'normal', $4,
           CASE WHEN suspended THEN 'wacht_op_melder' ELSE 'ontvangen' END, due - interval '7 days',
           due, due - interval '2 days', due - interval '2 days 4 hours',
           CASE WHEN NOT overdue AND due - interval '2 days 4 hours' < $6::timestamptz + interval '1 hour'
             THEN due - interval '2 days 4 hours' END,
           CASE WHEN NOT overdue AND due - interval '2 days' < $6::timestamptz + interval '1 hour'
             THEN due - interval '2 days' END,
           CASE WHEN suspended THEN due - interval '6 days' END,
           CASE WHEN suspended THEN 'Wacht op informatie van de melder' END,
           'nl', 'melder' || i || '@example.nl', due - interval '7 days', due - interval '7 days'
         FROM (
           SELECT i, overdue, suspended,
             CASE WHEN overdue THEN $6::timestamptz - make_interval(mins => 1 + (i / 100) % 4320)
                  WHEN suspended AND i % 600 = 150 THEN $6::timestamptz - make_interval(mins => 1 + i % 4320)
                  ELSE $6::timestamptz + make_interval(mins => 60 + ((i::bigint * 7919) % 86400)::int) END AS due
           FROM (SELECT i, i % 100 = 0 AS overdue, i % 300 = 150 AS suspended
                 FROM generate_series($7::int, $8::int) i) s
         ) g`,
        [ids.organisationId, ids.itemId, ids.versionId, ids.teamId, ids.subject, now, a, b],
      );
    }
    const rowsS = seconds(t0);
    await c.query('RESET session_replication_role');
    const t1 = performance.now();
    await c.query("SET maintenance_work_mem = '512MB'");
    for (const ix of indexes) await c.query(ix.indexdef);
    const indexS = seconds(t1);
    const t2 = performance.now();
    await c.query('VACUUM ANALYZE case_file');
    const vacuumS = seconds(t2);
    log(
      `   ${n.toLocaleString('en')} cases: rows ${rowsS.toFixed(1)} s, ${indexes.length} indexes ${indexS.toFixed(1)} s, VACUUM ANALYZE ${vacuumS.toFixed(1)} s`,
    );
  });
}

/** The sweep's transactions, counted: one per batch of cases (each case marked once, all its passed instants). */
function countedTransactions(db: Db) {
  let count = 0;
  const counted = Object.create(db) as Db;
  counted.transaction = (async (fn: never, config?: never) => {
    count++;
    return db.transaction(fn, config);
  }) as Db['transaction'];
  return { db: counted, transactions: () => count };
}

interface SweepResult {
  label: string;
  counts: { warned: number; internalBreached: number; breached: number };
  transactions: number;
  totalMs: number;
}

async function timedSweep(url: string, label: string): Promise<SweepResult> {
  const database = await openDatabase({ url, poolSize: 2 });
  try {
    const t = countedTransactions(database.db);
    const t0 = performance.now();
    const counts = await sweepClocks(t.db, new Date());
    const totalMs = performance.now() - t0;
    log(
      `   ${label}: ${(totalMs / 1000).toFixed(2)} s, warned ${counts.warned}, internal ${counts.internalBreached}, breached ${counts.breached}`,
    );
    return { label, counts, transactions: t.transactions(), totalMs };
  } finally {
    await database.close();
  }
}

const SWEEP_SQL = {
  warned: {
    due: 'warn_at',
    mark: 'warned_at',
  },
  internal: {
    due: 'internal_due_at',
    mark: 'internal_breached_at',
  },
  breached: {
    due: 'due_at',
    mark: 'breached_at',
  },
} as const;

const pendingWhere = (k: (typeof SWEEP_SQL)[keyof typeof SWEEP_SQL]) =>
  `closed_at IS NULL AND ${k.mark} IS NULL AND suspended_since IS NULL AND ${k.due} < now()`;

/** The raw UPDATEs on the copy: the three marks, each one statement, in the sweep's order. */
async function rawSweep(url: string) {
  return withClient(url, async (c) => {
    if (env.BENCH_EXPLAIN) {
      for (const [name, k] of Object.entries(SWEEP_SQL)) {
        await c.query('BEGIN');
        const { rows } = await c.query(
          `EXPLAIN (ANALYZE, BUFFERS) UPDATE case_file SET ${k.mark} = now() WHERE id IN (
             SELECT id FROM case_file WHERE ${pendingWhere(k)} ORDER BY ${k.due} LIMIT ${SWEEP_BATCH}
             FOR UPDATE SKIP LOCKED)`,
        );
        await c.query('ROLLBACK');
        log(`\n-- the ${name} sweep's first batch (as in cases.sweep.ts), rolled back:`);
        log(rows.map((r) => r['QUERY PLAN']).join('\n'));
      }
    }
    const out: Record<string, { ms: number; n: number }> = {};
    for (const [name, k] of Object.entries(SWEEP_SQL)) {
      const t0 = performance.now();
      const r = await c.query(`UPDATE case_file SET ${k.mark} = now() WHERE ${pendingWhere(k)}`);
      out[name] = { ms: performance.now() - t0, n: r.rowCount ?? 0 };
    }
    return out as Record<keyof typeof SWEEP_SQL, { ms: number; n: number }>;
  });
}

async function sweepBenchmark(cluster: PgCluster) {
  const urlA = await createDb(cluster, 'sweep_a');
  const ids = await phase('sweep database: migrate + demo seed', async () => {
    const database = await openDatabase({ url: urlA, poolSize: 2 });
    try {
      await database.migrate();
      useDataKey(randomBytes(32));
      await seedDemo(database.db, { password: PASSWORD });
    } finally {
      await database.close();
    }
    return withClient(urlA, async (c) => {
      const { rows } = await c.query(
        `SELECT o.id AS "organisationId", i.id AS "itemId", i.published_version_id AS "versionId",
                i.team_id AS "teamId", v.definition->'name'->>'nl' AS subject
         FROM organisation o JOIN catalogue_item i ON i.organisation_id = o.id AND i.code = $1
         JOIN catalogue_item_version v ON v.id = i.published_version_id
         WHERE o.slug = 'voorbeeld'`,
        [ITEM],
      );
      if (!rows[0]) throw new Error(`demo item ${ITEM} has no published version`);
      return rows[0] as SweepIds;
    });
  });
  await phase(`generate ${SWEEP_CASES.toLocaleString('en')} open cases`, () =>
    generateCases(urlA, ids, SWEEP_CASES),
  );
  const urlB = await phase('copy the database for the raw reference (CREATE DATABASE … TEMPLATE)', () =>
    createDb(cluster, 'sweep_b', 'sweep_a'),
  );
  const expected = await withClient(urlA, async (c) => {
    const { rows } = await c.query(
      `SELECT count(*) FILTER (WHERE closed_at IS NULL)::int AS open,
              count(*) FILTER (WHERE ${pendingWhere(SWEEP_SQL.breached)})::int AS breach,
              count(*) FILTER (WHERE ${pendingWhere(SWEEP_SQL.internal)})::int AS internal,
              count(*) FILTER (WHERE ${pendingWhere(SWEEP_SQL.warned)})::int AS warn,
              count(*) FILTER (WHERE suspended_since IS NOT NULL)::int AS suspended,
              count(*) FILTER (WHERE suspended_since IS NOT NULL AND due_at < now())::int AS "suspendedPastDue",
              pg_size_pretty(pg_total_relation_size('case_file')) AS size
       FROM case_file`,
    );
    return rows[0] as {
      open: number;
      breach: number;
      internal: number;
      warn: number;
      suspended: number;
      suspendedPastDue: number;
      size: string;
    };
  });
  log(
    `   open cases ${expected.open}, to warn ${expected.warn}, internal ${expected.internal}, to breach ${expected.breach}; suspended ${expected.suspended} (${expected.suspendedPastDue} past due); case_file ${expected.size}`,
  );
  const first = await phase('sweepClocks (1st run)', () => timedSweep(urlA, 'sweepClocks, 1st run'));
  const second = await phase('sweepClocks (2nd run, nothing to do)', () =>
    timedSweep(urlA, 'sweepClocks, 2nd run'),
  );
  const after = await withClient(urlA, async (c) => {
    const { rows } = await c.query(
      `SELECT (SELECT count(*) FROM case_file WHERE breached_at IS NOT NULL)::int AS breached,
              (SELECT count(*) FROM case_file f WHERE f.suspended_since IS NOT NULL AND EXISTS (
                 SELECT 1 FROM case_event e WHERE e.organisation_id = f.organisation_id AND e.case_id = f.id
               ))::int AS "suspendedTouched",
              (SELECT count(*) FROM case_event WHERE kind IN ('warned', 'internal_breached', 'breached'))::int AS events,
              (SELECT count(*) FROM audit_event WHERE entity_type = 'case'
                 AND action IN ('warned', 'internal_breached', 'breached'))::int AS audit,
              -- One audit event per case updated, recording every mark column it set.
              (SELECT count(*) FROM audit_event a, jsonb_object_keys(a.changes) k WHERE a.entity_type = 'case'
                 AND a.action IN ('warned', 'internal_breached', 'breached'))::int AS "auditedMarks",
              (SELECT count(*) FROM notification WHERE audience = 'staff')::int AS digests`,
    );
    return rows[0] as {
      breached: number;
      suspendedTouched: number;
      events: number;
      audit: number;
      auditedMarks: number;
      digests: number;
    };
  });
  const raw = await phase('raw UPDATEs on the copy', () => rawSweep(urlB));
  return { expected, first, second, after, raw };
}

// ---- the suite ----------------------------------------------------------------------------------------------

export async function casesBenchmark() {
  const t0 = performance.now();
  log(
    `Case benchmark: intake over HTTP at ${CONNECTIONS.join('/')} connections, about ${SECONDS} s each; raw ceiling; sweep over ${SWEEP_CASES.toLocaleString('en')} open cases`,
  );
  const load0 = loadavg()[0]!;
  const cluster = await startPgCluster();
  try {
    const checks: Check[] = [];
    if (PARTS.includes('intake')) {
      const api = await intakeRuns(cluster, 'postgres', 'api', CONNECTIONS, checks);
      const best = api.results.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
      const template = await templateFromApi(api.url);
      const raw = await phase(`raw node-postgres intakes, ${best.connections} clients`, () =>
        rawCeiling(api.url, template, best.connections, checks, 'statements'),
      );
      const oneStatement = await phase(`raw intakes in one statement, ${best.connections} clients`, () =>
        rawCeiling(api.url, template, best.connections, checks, 'cte'),
      );
      const http = [...api.results];
      if (WITH_WORKER) {
        const w = await intakeRuns(cluster, 'intake_worker', 'all', [best.connections], checks);
        http.push(...w.results);
      }
      printIntake(http, best, raw, oneStatement, checks);
    }
    if (PARTS.includes('sweep')) printSweep(await sweepBenchmark(cluster));
    console.log(
      `\nLoad average (1 min) at the start ${load0.toFixed(2)}, at the end ${loadavg()[0]!.toFixed(2)} (${cpus().length} cores).\nPhases (s): ${phases.map(([n, s]) => `${n} ${s.toFixed(1)}`).join('; ')}; total ${seconds(t0).toFixed(0)} s`,
    );
    const bad = checks.filter((c) => !rowsMatch(c));
    if (bad.length)
      throw new Error(`row counts differ from the responses: ${bad.map((c) => c.label).join(', ')}`);
  } finally {
    cluster.stop();
  }
}

const rowsMatch = (c: Check) =>
  c.counts.cases === c.expected &&
  c.counts.statusChanges === c.expected &&
  c.counts.audit === c.expected &&
  c.counts.notifications === c.expected &&
  c.counts.jobs === c.expected;

function printIntake(
  http: LoadResult[],
  best: LoadResult,
  raw: Awaited<ReturnType<typeof rawCeiling>>,
  oneStatement: Awaited<ReturnType<typeof rawCeiling>>,
  checks: Check[],
) {
  console.log(
    `\nCase intake on PostgreSQL: POST /api/cases (API token) vs the same rows INSERTed by node-postgres (the ceiling)`,
  );
  const diag = (p: ProbeResult, own: string) => [
    `${p.ownCpuMs.toFixed(2)} ${own}`,
    p.pgCpuMs.toFixed(2),
    p.lockWaiting.toFixed(1),
    p.otherCores.toFixed(2),
  ];
  printTable(
    ['target', 'connections', 'intakes/s', 'p50 ms', 'p99 ms', 'requests', 'of ceiling'],
    [
      ...http.map((r) => [
        r.label,
        String(r.connections),
        r.perSecond.toFixed(0),
        r.p50.toFixed(1),
        r.p99.toFixed(1),
        String(r.ok),
        `${((r.perSecond / raw.perSecond) * 100).toFixed(1)} %`,
      ]),
      ...[raw, oneStatement].map((r) => [
        r.label,
        String(best.connections),
        r.perSecond.toFixed(0),
        r.p50.toFixed(1),
        r.p99.toFixed(1),
        String(r.n),
        `${((r.perSecond / raw.perSecond) * 100).toFixed(1)} %`,
      ]),
    ],
  );
  console.log(
    '\nWhere the time goes (same runs): CPU per intake, sessions waiting for a lock (pg_stat_activity every 20 ms), other load on the machine',
  );
  printTable(
    [
      'target',
      'connections',
      'CPU ms/intake: node',
      'PostgreSQL',
      'waiting for a lock (avg)',
      'most waited for',
      'other processes (cores)',
    ],
    [
      ...http.map((r) => {
        const [cpu, pgCpu, waiting, other] = diag(r, '(server)');
        return [r.label, String(r.connections), cpu!, pgCpu!, waiting!, r.topWait, other!];
      }),
      ...[raw, oneStatement].map((r) => {
        const [cpu, pgCpu, waiting, other] = diag(r, '(client)');
        return [r.label, String(best.connections), cpu!, pgCpu!, waiting!, r.topWait, other!];
      }),
    ],
  );
  const share = (best.perSecond / raw.perSecond) * 100;
  console.log(
    `Goals (best HTTP run, --role api, ${best.connections} connections): >= ${GOAL_RATE.toLocaleString('en')} intakes/s: ${best.perSecond.toFixed(0)}, ${best.perSecond >= GOAL_RATE ? 'met' : 'NOT met'}; >= ${GOAL_SHARE} % of the raw ceiling: ${share.toFixed(1)} %, ${share >= GOAL_SHARE ? 'met' : 'NOT met'}`,
  );

  console.log('\nRows written (counted afterwards) vs 2xx responses / committed raw transactions');
  printTable(
    [
      'run',
      'expected',
      'case_file',
      'case_status_change',
      "audit_event 'case'",
      'notification',
      "outbox_job 'notification'",
      'check',
    ],
    checks.map((c) => [
      c.label,
      String(c.expected),
      String(c.counts.cases),
      String(c.counts.statusChanges),
      String(c.counts.audit),
      String(c.counts.notifications),
      String(c.counts.jobs),
      rowsMatch(c) ? 'ok' : 'MISMATCH',
    ]),
  );
}

function printSweep(s: Awaited<ReturnType<typeof sweepBenchmark>>) {
  const e = s.expected;
  console.log(
    `\nNorm-clock sweep over ${e.open.toLocaleString('en')} open cases (case_file ${e.size}; ${e.breach} past due and not breached, ${e.internal} past the internal target, ${e.warn} past the warning; ${e.suspended} suspended, ${e.suspendedPastDue} of them past due)`,
  );
  const runRow = (r: SweepResult) => [
    `${r.label}: warned ${r.counts.warned}, internal target ${r.counts.internalBreached}, breached ${r.counts.breached}`,
    String(sum(r.counts)),
    String(r.transactions),
    (r.totalMs / 1000).toFixed(3),
  ];
  const rawRow = (name: keyof typeof s.raw, label: string) => [
    `raw UPDATE (copy): ${label}`,
    String(s.raw[name].n),
    '1',
    (s.raw[name].ms / 1000).toFixed(3),
  ];
  const rawTotal = s.raw.warned.ms + s.raw.internal.ms + s.raw.breached.ms;
  printTable(
    ['step', 'marks', 'transactions', 'seconds'],
    [
      runRow(s.first),
      runRow(s.second),
      rawRow('warned', 'warned_at (warn_at < now())'),
      rawRow('internal', 'internal_breached_at'),
      rawRow('breached', 'breached_at (the reference)'),
      [
        'raw UPDATEs: total',
        String(s.raw.warned.n + s.raw.internal.n + s.raw.breached.n),
        '3',
        (rawTotal / 1000).toFixed(3),
      ],
    ],
  );
  const a = s.after;
  const swept = sum(s.first.counts);
  console.log(
    `Checks: breached ${a.breached} = ${e.breach}: ${a.breached === e.breach ? 'ok' : 'MISMATCH'}; suspended cases marked: ${a.suspendedTouched} (${a.suspendedTouched === 0 ? 'ok' : 'WRONG'}); timeline events ${a.events}, audit events ${a.audit} recording ${a.auditedMarks} marks, for ${swept} marks (${a.events === swept && a.auditedMarks === swept ? 'ok' : 'MISMATCH'}); staff digests ${a.digests}`,
  );
  console.log(
    `Goal: sweep <= ${GOAL_SWEEP_S} s: 1st run ${(s.first.totalMs / 1000).toFixed(2)} s, ${s.first.totalMs <= GOAL_SWEEP_S * 1000 ? 'met' : 'NOT met'} (the three raw UPDATEs alone ${(rawTotal / 1000).toFixed(2)} s); 2nd run ${(s.second.totalMs / 1000).toFixed(2)} s, ${s.second.totalMs <= GOAL_SWEEP_S * 1000 ? 'met' : 'NOT met'}`,
  );
}

const sum = (c: { warned: number; internalBreached: number; breached: number }) =>
  c.warned + c.internalBreached + c.breached;
