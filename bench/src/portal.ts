/**
 * Portal benchmark (issue 13), on PostgreSQL: resident reports per second — `POST /api/portal/<slug>/reports`,
 * the whole public path (the per-IP and per-email counts in the database, the form token, the item's intake
 * schema, the customer found by email, the one intake with its case, status, audit event, confirmation email and
 * outbox job, and the related advice of the answer) — next to its references in the same run: the staff intake
 * (`POST /api/cases` with a session, the same intake without the portal's checks) and a bare Fastify route (the
 * ceiling of the machine). The server runs as `serve --role api` (no worker delivering during the measurement);
 * afterwards the cases written are counted and must equal the 2xx answers.
 * Env: BENCH_SECONDS (per run, default 10), BENCH_CONNECTIONS (default 10).
 */
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, startPgCluster } from '../../scripts/pg-cluster.ts';
import { bare, CONNECTIONS, cli, PASSWORD, SECONDS, start, stop, tsx } from './processes.ts';
import { printTable } from './search.ts';

const ITEM = 'straatverlichting-kapot';
const log = (m: string) => process.stderr.write(`${m}\n`);

async function run(opts: {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: object;
}) {
  const request = {
    url: opts.url,
    method: opts.method ?? 'GET',
    headers: { ...(opts.body ? { 'content-type': 'application/json' } : {}), ...opts.headers },
    ...(opts.body ? { body: JSON.stringify(opts.body) } : {}),
    connections: CONNECTIONS,
  };
  await autocannon({ ...request, duration: 2 });
  const r = await autocannon({ ...request, duration: SECONDS });
  if (r.non2xx || r.errors) throw new Error(`${opts.url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  // The warm-up's requests count too, for the rows written.
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, ok: r['2xx'] };
}

export async function portalBenchmark() {
  log(`Portal benchmark: ${CONNECTIONS} connections, ${SECONDS} s per target, on PostgreSQL`);
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
      ...(await run({ url: `http://127.0.0.1:${barePort}/hello` })),
    });
  } finally {
    await stop(bareChild);
  }

  const cluster = await startPgCluster();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  try {
    server = await start(
      process.execPath,
      [cli, 'serve', '--role', 'api', '--port', String(port)],
      {
        DATABASE_URL: cluster.url,
        LOG_LEVEL: 'warn',
        VOORDEUR_DEMO_PASSWORD: PASSWORD,
        RATE_LIMIT_PER_MINUTE: '100000000',
        // The load comes from one address and one email: the limits are not what is measured here.
        PORTAL_MIN_FILL_SECONDS: '0',
        PORTAL_POSTS_PER_IP_PER_HOUR: '1000000',
        PORTAL_REPORTS_PER_EMAIL_PER_DAY: '1000000',
      },
      `${base}/readyz`,
    );
    const item = (await (await fetch(`${base}/api/portal/voorbeeld/items/${ITEM}`)).json()) as {
      formToken: string;
    };
    const report = {
      itemCode: ITEM,
      answers: { probleem: 'brandt_niet', paalnummer: 'VB-1234' },
      location: { description: 'Postcode 1234 AB, huisnummer 12' },
      contact: { name: 'Bench Melder', reach: 'email', email: 'bench-portal@example.nl' },
      formToken: item.formToken,
    };
    const portal = await run({ url: `${base}/api/portal/voorbeeld/reports`, method: 'POST', body: report });
    results.push({ target: 'POST /api/portal/…/reports (resident)', ...portal });

    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'agent@voorbeeld.nl', password: PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error('login failed');
    const csrf = (
      (await (await fetch(`${base}/api/auth/csrf`, { headers: { cookie } })).json()) as { token: string }
    ).token;
    const desk = await run({
      url: `${base}/api/cases`,
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf },
      body: {
        itemCode: ITEM,
        description: 'Lamp brandt niet',
        answers: { probleem: 'brandt_niet', paalnummer: 'VB-1234' },
        location: { description: 'Postcode 1234 AB, huisnummer 12' },
        contactEmail: 'bench-desk@example.nl',
        channel: 'phone',
      },
    });
    results.push({ target: 'POST /api/cases (staff intake)', ...desk });

    // Every 2xx is a case: count them (warm-up included) against the rows written by the portal.
    const c = new pg.Client({ connectionString: cluster.url });
    await c.connect();
    try {
      const { rows } = await c.query(
        `SELECT count(*)::int AS n FROM case_file c JOIN customer p ON p.organisation_id = c.organisation_id
           AND p.id = c.customer_id WHERE c.channel = 'web' AND p.email = 'bench-portal@example.nl'`,
      );
      log(`portal cases written: ${rows[0].n} (2xx in the measured run: ${portal.ok})`);
      if (rows[0].n < portal.ok) throw new Error('fewer portal cases than 2xx answers');
    } finally {
      await c.end();
    }
  } finally {
    if (server) await stop(server);
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
