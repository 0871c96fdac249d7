import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startPgCluster } from '../../scripts/pg-cluster.ts';
import { casesBenchmark } from './cases.ts';
import { frontOfficeBenchmark } from './frontoffice.ts';
import { lighthouseBenchmark } from './lighthouse.ts';
import { monitoringBenchmark } from './monitoring.ts';
import { portalBenchmark } from './portal.ts';
import { bare, CONNECTIONS, cli, load, PASSWORD, SECONDS, start, stop, tsx } from './processes.ts';
import { printTable, searchBenchmark } from './search.ts';
import { trackingBenchmark } from './tracking.ts';

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
// Only when named (a city-year takes a while): `npm run bench -- monitoring [--scale 0.01] [--double]`.
if (suites.includes('monitoring')) await monitoringBenchmark(suites);
