/**
 * What the operations drills share: Voordeur processes started as an operator would (`voordeur serve`), a demo
 * organisation to sign in to, and intake over the real HTTP API.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../pg-cluster.ts';

export const PASSWORD = 'drill-password-123';
export const DATA_KEY = randomBytes(32).toString('base64');
const cli = fileURLToPath(new URL('../../apps/cli/bin/voordeur.js', import.meta.url));
export const log = (m: string) => process.stderr.write(`${m}\n`);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every process the drills started, for their logs when a drill fails. */
export const started: Proc[] = [];

export interface Proc {
  name: string;
  child: ChildProcess;
  base: string | undefined;
  output: string[];
  exited: Promise<number | null>;
}

/** `voordeur serve --role <role>` with the given environment; waits for /readyz (or, for a worker, its start). */
export async function serve(name: string, role: 'api' | 'worker' | 'all', env: Record<string, string>) {
  const port = role === 'worker' ? 0 : await freePort();
  const fullEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    LOG_LEVEL: 'info',
    VOORDEUR_DEMO_PASSWORD: PASSWORD,
    VOORDEUR_DATA_KEY: DATA_KEY,
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    WORKER_ID: name,
    OUTBOX_POLL_MS: '100',
    ...env,
  };
  // An empty value removes a default (VOORDEUR_DATA_KEY: '' keeps the key in the PGlite data dir).
  for (const [k, v] of Object.entries(fullEnv)) if (v === '') delete fullEnv[k];
  const args = ['serve', '--role', role, ...(port ? ['--port', String(port)] : [])];
  const child = spawn(process.execPath, [cli, ...args], { env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout?.on('data', (c: Buffer) => output.push(c.toString()));
  child.stderr?.on('data', (c: Buffer) => output.push(c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const proc: Proc = { name, child, base: port ? `http://127.0.0.1:${port}` : undefined, output, exited };
  started.push(proc);
  const deadline = Date.now() + 300_000; // minutes on a loaded machine
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited:\n${output.join('').slice(-3000)}`);
    if (proc.base) {
      if (
        await fetch(`${proc.base}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return proc;
    } else if (output.join('').includes('worker started')) return proc;
    await sleep(200);
  }
  throw new Error(`${name} did not start:\n${output.join('').slice(-3000)}`);
}

export async function stop(proc: Proc, signal: NodeJS.Signals = 'SIGTERM') {
  if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill(signal);
  return proc.exited;
}

export async function expectOk(r: Response, what: string) {
  if (r.ok) return r;
  throw new Error(`${what}: HTTP ${r.status} ${await r.text()}`);
}

export function check(ok: boolean, what: string) {
  log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) process.exitCode = 1;
  return ok;
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function signIn(base: string, email = 'admin@voorbeeld.nl'): Promise<Session> {
  const login = await expectOk(
    await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    }),
    'POST /api/auth/login',
  );
  const cookie = login.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  const { token: csrf } = (await (
    await expectOk(await fetch(`${base}/api/auth/csrf`, { headers: { cookie } }), 'GET /api/auth/csrf')
  ).json()) as { token: string };
  return { cookie, csrf };
}

/** An API token with the agent role, made by the demo admin (Bearer: no CSRF). */
export async function agentToken(base: string) {
  const s = await signIn(base);
  const created = (await (
    await expectOk(
      await fetch(`${base}/api/auth/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
        body: JSON.stringify({ name: 'Drill intake', role: 'agent' }),
      }),
      'POST /api/auth/tokens',
    )
  ).json()) as { token: string };
  return created.token;
}

let intakes = 0;

/** One report of a broken street light through POST /api/cases, with an email address for the confirmation. */
export async function intake(base: string, token: string) {
  intakes++;
  const r = await fetch(`${base}/api/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      itemCode: 'straatverlichting-kapot',
      description: `Lamp brandt niet (drill ${intakes})`,
      answers: {
        locatie: 'Dorpsstraat 12',
        paalnummer: 'VB-1234',
        probleem: 'brandt_niet',
        op_de_hoogte: true,
      },
      location: { description: 'Dorpsstraat 12' },
      contactEmail: `drill${intakes}@example.nl`,
    }),
  });
  if (r.status !== 201) throw new Error(`POST /api/cases: HTTP ${r.status} ${await r.text()}`);
  return (await r.json()) as { id: string; number: string };
}

/** PgBouncer (Debian's, 1.18) in transaction mode in front of a cluster; its URL for the database `name`. */
export async function startPgBouncer(clusterPort: number, name: string) {
  const bin = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find(
    (p) => spawnSync('test', ['-x', p]).status === 0,
  );
  if (!bin) throw new Error('pgbouncer is not installed (apt-get install -y pgbouncer)');
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]?.trim();
  const dir = mkdtempSync(join(tmpdir(), 'voordeur-pgbouncer-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  writeFileSync(join(dir, 'users.txt'), '"postgres" ""\n');
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `${name} = host=127.0.0.1 port=${clusterPort} dbname=${name} user=postgres`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 500',
      'default_pool_size = 8',
      `logfile = ${join(dir, 'pgbouncer.log')}`,
      `pidfile = ${join(dir, 'pgbouncer.pid')}`,
      '',
    ].join('\n'),
  );
  // PgBouncer refuses to run as root; as root it runs as Debian's postgres user.
  const asRoot = process.getuid?.() === 0;
  const child = spawn(bin, [...(asRoot ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `postgres://postgres@127.0.0.1:${port}/${name}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error('pgbouncer exited');
    const up = spawnSync('psql', [url, '-qAtc', 'SELECT 1'], { encoding: 'utf8' }).stdout.trim() === '1';
    if (up) break;
    await sleep(100);
  }
  return {
    url,
    version,
    stop() {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
