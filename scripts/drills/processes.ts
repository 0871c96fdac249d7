/**
 * Drill `processes` (and `pgbouncer`): Voordeur scaled out on one PostgreSQL — process A `--role api`, process B
 * `--role all` (API and worker), process C `--role worker`, all started at once on an empty database — directly
 * or through PgBouncer in transaction mode. Checks:
 *  - a session started on A works on B (a write with A's CSRF token), and signing out on B ends it on A;
 *  - searches alternate between A and B and all succeed (through PgBouncer: with DATABASE_PREPARED_STATEMENTS
 *    =false; an extra process with prepared statements on shows what happens without the setting);
 *  - confirmations of intakes on A and B, delivered by the two workers (B and C) to one SMTP server: each
 *    exactly once, and both workers took part;
 *  - (through PgBouncer) a process started again after the migrations starts (the migration lock is not left
 *    behind on a pooled server connection).
 */
import { execFileSync } from 'node:child_process';
import { startTestSmtp } from '../../apps/api/src/test/smtp.ts';
import { createDatabase, startPgCluster } from '../pg-cluster.ts';
import {
  agentToken,
  check,
  intake,
  log,
  type Proc,
  serve,
  signIn,
  sleep,
  startPgBouncer,
  stop,
} from './support.ts';

const SEARCHES = [
  'lantaarnpaal kapot',
  'paspoort',
  'afvalpas',
  'lantarenpaal',
  'grofvuil ophalen',
  'rijbewijs',
];

export async function processesDrill(viaPgBouncer: boolean) {
  const cluster = await startPgCluster(log);
  const name = 'voordeur';
  createDatabase(cluster.url, name);
  const direct = `postgres://postgres@127.0.0.1:${cluster.port}/${name}`;
  const smtp = await startTestSmtp();
  const procs: Proc[] = [];
  let bouncer: Awaited<ReturnType<typeof startPgBouncer>> | undefined;
  const psql = (query: string) => execFileSync('psql', [direct, '-qAtc', query], { encoding: 'utf8' }).trim();
  try {
    let url = direct;
    if (viaPgBouncer) {
      bouncer = await startPgBouncer(cluster.port, name);
      url = bouncer.url;
      log(`${bouncer.version}, pool_mode = transaction, default_pool_size = 8`);
    }
    const env: Record<string, string> = {
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: '4',
      SMTP_URL: smtp.url,
      ...(viaPgBouncer ? { DATABASE_PREPARED_STATEMENTS: 'false' } : {}),
    };
    const t0 = performance.now();
    const [a, b, c] = await Promise.all([
      serve('api-a', 'api', env),
      serve('all-b', 'all', env),
      serve('worker-c', 'worker', env),
    ]);
    procs.push(a, b, c);
    log(
      `three processes started at once on an empty database in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    log('Sessions across processes');
    const admin = await signIn(a.base!);
    const me = await fetch(`${b.base}/api/auth/me`, { headers: { cookie: admin.cookie } });
    check(me.status === 200, `a session started on A is known on B (GET /api/auth/me: ${me.status})`);
    const team = await fetch(`${b.base}/api/teams`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      body: JSON.stringify({ name: 'Drillteam', kind: 'back_office' }),
    });
    check(team.status === 201, `a write on B with the CSRF token from A (POST /api/teams: ${team.status})`);
    const out = await fetch(`${b.base}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    });
    const after = await fetch(`${a.base}/api/auth/me`, { headers: { cookie: admin.cookie } });
    check(
      out.status === 204 && after.status === 401,
      `signed out on B (${out.status}), A no longer accepts the cookie (${after.status})`,
    );

    log('Search on both API processes');
    const agent = await signIn(a.base!, 'agent@voorbeeld.nl');
    const search = async (base: string, n: number) => {
      let failed = 0;
      let lastError = '';
      for (let i = 0; i < n; i++) {
        const r = await fetch(`${base}/api/search?q=${encodeURIComponent(SEARCHES[i % SEARCHES.length]!)}`, {
          headers: { cookie: agent.cookie },
        });
        if (r.status !== 200) {
          failed++;
          lastError = `${r.status} ${(await r.text()).slice(0, 200)}`;
        }
      }
      return { failed, lastError };
    };
    const [sa, sb] = [await search(a.base!, 30), await search(b.base!, 30)];
    check(
      sa.failed + sb.failed === 0,
      `60 searches on A and B: ${sa.failed + sb.failed} failed ${sa.lastError}`,
    );
    if (viaPgBouncer) {
      const named = await serve('api-named', 'api', { ...env, DATABASE_PREPARED_STATEMENTS: 'true' });
      procs.push(named);
      const sn = await search(named.base!, 30);
      log(
        `  (for comparison: a process with named prepared statements behind the same PgBouncer: ${sn.failed} of 30 searches failed${sn.lastError ? `, e.g. ${sn.lastError}` : ''})`,
      );
      await stop(named);
    }

    log('Delivery by two workers (B and C) to one SMTP server');
    const token = await agentToken(a.base!);
    const N = 60;
    const recipients: string[] = [];
    for (let i = 0; i < N; i += 4) {
      await Promise.all(
        [0, 1, 2, 3].map(async (k) => {
          await intake(k % 2 ? b.base! : a.base!, token);
        }),
      );
    }
    for (let i = 1; i <= N; i++) recipients.push(`drill${i}@example.nl`);
    await smtp.waitFor(
      () => recipients.every((r) => smtp.messages.some((m) => m.envelopeTo.includes(r))),
      180_000,
      'every confirmation',
    );
    await sleep(3000); // a second delivery of anything would arrive by now
    const ids = smtp.messages.map((m) => m.messageId);
    const perRecipient = recipients.map((r) => smtp.messages.filter((m) => m.envelopeTo.includes(r)).length);
    check(
      new Set(ids).size === ids.length && perRecipient.every((n) => n === 1),
      `${N} intakes: ${smtp.messages.length} messages, ${new Set(ids).size} distinct Message-IDs, every person's confirmation once`,
    );
    const byWorker = psql(
      `SELECT string_agg(locked_by || ': ' || n, ', ' ORDER BY locked_by) FROM (SELECT locked_by, count(*) n FROM outbox_job WHERE done_at IS NOT NULL GROUP BY 1) t`,
    );
    const both = byWorker.includes('all-b') && byWorker.includes('worker-c');
    check(both, `jobs finished per worker: ${byWorker}`);
    const pending = psql('SELECT count(*) FROM outbox_job WHERE done_at IS NULL AND failed_at IS NULL');
    check(pending === '0', `outbox jobs left: ${pending}`);

    if (viaPgBouncer) {
      log('Starting again through PgBouncer (the migration lock)');
      await stop(a);
      const t1 = performance.now();
      const again = await serve('api-a2', 'api', env);
      procs.push(again);
      check(true, `process A started again in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
      const locks = psql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'");
      check(locks === '0', `advisory locks held after the starts: ${locks}`);
    }
  } finally {
    for (const p of procs) await stop(p);
    bouncer?.stop();
    await smtp.close();
    cluster.stop();
  }
}
