import { randomBytes } from 'node:crypto';
import { useDataKey } from '@voordeur/api';
import pg from 'pg';
// Not exported by @voordeur/api's index: the link is derived as the server derives it.
import { trackingToken } from '../../apps/api/src/platform/tracking-links.ts';
import { freePort, startPgCluster } from '../../scripts/pg-cluster.ts';
import { bare, CONNECTIONS, cli, load, PASSWORD, SECONDS, start, stop, tsx } from './processes.ts';
import { printTable } from './search.ts';

/** A case with a public history and messages, as a person would follow it; returns the path of its page. */
async function caseToFollow(base: string, databaseUrl: string) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@voorbeeld.nl', password: PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('login failed');
  const csrf = (
    (await (await fetch(`${base}/api/auth/csrf`, { headers: { cookie } })).json()) as { token: string }
  ).token;
  const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
  const post = async (path: string, body: object) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string; version: number };
  };
  const c = await post('/api/cases', {
    itemCode: 'straatverlichting-kapot',
    description: 'Lamp brandt niet',
    answers: { probleem: 'brandt_niet' },
    location: { description: 'Dorpsstraat 12' },
    contactEmail: 'bench-volger@example.nl',
    channel: 'phone',
  });
  const moved = await post(`/api/cases/${c.id}/transitions`, { to: 'beoordeling', version: c.version });
  await post(`/api/cases/${c.id}/messages`, { direction: 'out', body: 'We komen volgende week kijken.' });
  await post(`/api/cases/${c.id}/transitions`, { to: 'ingepland', version: moved.version + 1, notify: true });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ id: string }>("SELECT id FROM organisation WHERE slug = 'voorbeeld'");
  await client.end();
  return `/p/voorbeeld/zaak/${trackingToken(rows[0]!.id, c.id)}`;
}

export async function trackingBenchmark() {
  process.stderr.write(`Tracking page: ${CONNECTIONS} connections, ${SECONDS} s per target\n`);
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
  const cluster = await startPgCluster();
  // The server and this process derive the same links from the same data key.
  const dataKey = randomBytes(32).toString('base64');
  useDataKey(Buffer.from(dataKey, 'base64'));
  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const child = await start(
      process.execPath,
      [cli, 'serve', '--port', String(port)],
      {
        LOG_LEVEL: 'warn',
        VOORDEUR_DEMO_PASSWORD: PASSWORD,
        VOORDEUR_DATA_KEY: dataKey,
        DATABASE_URL: cluster.url,
        RATE_LIMIT_PER_MINUTE: '100000000',
        LOGIN_RATE_LIMIT_PER_MINUTE: '100000000',
      },
      `${base}/readyz`,
    );
    try {
      const path = await caseToFollow(base, cluster.url);
      const check = await fetch(`${base}${path}`);
      if (check.status !== 200 || !(await check.text()).includes('Ingepland'))
        throw new Error(`the case page did not answer as expected (${check.status})`);
      results.push({ target: 'GET /p/<slug>/zaak/<token> on PostgreSQL', ...(await load(`${base}${path}`)) });
    } finally {
      await stop(child);
    }
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
