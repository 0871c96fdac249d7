/**
 * `npm run bench`: requests/s and p99 latency of an authenticated read endpoint (GET /api/teams with a
 * session cookie: session lookup, roles, the scoped query, the presenter) on PGlite and on PostgreSQL, next to
 * a bare Fastify route measured on the same machine in the same run (the ceiling).
 * Each server runs as its own process; the load generator (autocannon) runs in this one.
 * `npm run bench -- http`, `-- search`, `-- frontoffice` or `-- cases` runs one suite; the search suite is in
 * search.ts, the front-office suite (customer lookup and contact registration at 1M customers / 5M contacts) in
 * frontoffice.ts, the case suite (intake over HTTP next to raw INSERTs, the norm-clock sweep over 1M cases) in
 * cases.ts, the page-load suite (Lighthouse, mobile profile, the public pages) in lighthouse.ts, the resident
 * portal's reports next to the staff intake and a bare route in portal.ts (`-- portal`), the person's case page
 * next to a bare route in tracking.ts (`-- tracking`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { freePort, startPgCluster } from '../../scripts/pg-cluster.ts';
import { casesBenchmark } from './cases.ts';
import { frontOfficeBenchmark } from './frontoffice.ts';
import { lighthouseBenchmark } from './lighthouse.ts';
import { portalBenchmark } from './portal.ts';
import { printTable, searchBenchmark } from './search.ts';
import { trackingBenchmark } from './tracking.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PASSWORD = 'bench-password-123';
const cli = fileURLToPath(new URL('../../apps/cli/bin/voordeur.js', import.meta.url));
const bare = fileURLToPath(new URL('./bare-server.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

async function start(cmd: string, args: string[], env: Record<string, string>, readyUrl: string) {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited`);
    if (
      await fetch(readyUrl).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${readyUrl} not ready`);
}

function stop(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function load(url: string, headers: Record<string, string> = {}) {
  // A short warm-up so JIT and connection pools are in their steady state.
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 });
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS });
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p99: r.latency.p99, p50: r.latency.p50 };
}

async function voordeur(env: Record<string, string>) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = await start(
    process.execPath,
    [cli, 'serve', '--port', String(port)],
    {
      LOG_LEVEL: 'warn',
      VOORDEUR_DEMO_PASSWORD: PASSWORD,
      RATE_LIMIT_PER_MINUTE: '100000000',
      ...env,
    },
    `${base}/readyz`,
  );
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'agent@voorbeeld.nl', password: PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error('login failed');
    return await load(`${base}/api/teams`, { cookie });
  } finally {
    await stop(child);
  }
}

async function main() {
  process.stderr.write(
    `Benchmark: ${CONNECTIONS} connections, ${SECONDS} s per target (set BENCH_SECONDS, BENCH_CONNECTIONS)\n`,
  );
  const results: { target: string; rps: number; p50: number; p99: number }[] = [];

  const barePort = await freePort();
  const bareChild = await start(
    tsx,
    [bare],
    { PORT: String(barePort) },
    `http://127.0.0.1:${barePort}/hello`,
  );
  try {
    results.push({
      target: 'bare Fastify route (ceiling)',
      ...(await load(`http://127.0.0.1:${barePort}/hello`)),
    });
  } finally {
    await stop(bareChild);
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'voordeur-bench-'));
  try {
    results.push({ target: 'GET /api/teams on PGlite', ...(await voordeur({ VOORDEUR_DATA_DIR: dataDir })) });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const cluster = await startPgCluster();
  try {
    results.push({
      target: 'GET /api/teams on PostgreSQL',
      ...(await voordeur({ DATABASE_URL: cluster.url })),
    });
  } finally {
    cluster.stop();
  }

  const ceiling = results[0]!.rps;
  printTable(
    ['target', 'req/s', 'p50 ms', 'p99 ms', 'of ceiling'],
    results.map((r) => [
      r.target,
      r.rps.toFixed(0),
      r.p50.toFixed(1),
      r.p99.toFixed(1),
      `${((r.rps / ceiling) * 100).toFixed(1)} %`,
    ]),
  );
}

const suites = process.argv.slice(2);
if (suites.length === 0 || suites.includes('http')) await main();
if (suites.length === 0 || suites.includes('search')) await searchBenchmark();
if (suites.length === 0 || suites.includes('frontoffice')) await frontOfficeBenchmark();
if (suites.length === 0 || suites.includes('cases')) await casesBenchmark();
if (suites.length === 0 || suites.includes('lighthouse')) await lighthouseBenchmark();
if (suites.length === 0 || suites.includes('portal')) await portalBenchmark();
if (suites.length === 0 || suites.includes('tracking')) await trackingBenchmark();
