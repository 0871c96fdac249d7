/**
 * The `voordeur` command as an operator runs it: `serve` as real processes on real ports, the embedded database
 * or a PostgreSQL server. The operator commands run in this process (`runCli`, what bin/voordeur.js runs; a
 * process of its own costs seconds each), with their output and exit code as the process would have them; one
 * refused command per test still runs as a real process, exit code and all.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, promisify } from 'node:util';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { createDatabase, freePort } from '../../../scripts/pg-cluster.ts';
import { dbKind } from '../../api/src/test/harness.ts';
import { runCli } from './main.ts';

const BIN = fileURLToPath(new URL('../bin/voordeur.js', import.meta.url));
const PASSWORD = 'demo-password-123';
const running: ChildProcess[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map(stop));
});

function baseEnv(extra: Record<string, string>) {
  return {
    ...process.env,
    LOG_LEVEL: 'warn',
    VOORDEUR_DEMO_PASSWORD: PASSWORD,
    WORKER_INTERVAL_SECONDS: '1',
    ...extra,
  };
}

async function serve(env: Record<string, string>, args: string[] = []) {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), ...args], {
    env: baseEnv({ ...env, PUBLIC_URL: `http://localhost:${port}` }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serve exited: ${output}`);
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { child, base, output: () => output };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`serve did not become ready: ${output}`);
}

function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function login(base: string, email: string, password = PASSWORD) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' };
}

/** One command in its own process: exit code and output as the operator sees them. */
const cliProcess = (args: string[], env: Record<string, string>) =>
  promisify(execFile)(process.execPath, [BIN, ...args], { env: baseEnv(env) });

/**
 * One command in this process, as bin/voordeur.js runs it: the same environment, its stdout and stderr, and on
 * failure a rejection like `cliProcess`'s ({ code, stdout, stderr }: 1 with "voordeur: …" when it throws, or the
 * exit code it set).
 */
async function cli(args: string[], env: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, baseEnv(env));
  let stdout = '';
  let stderr = '';
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    }),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    }),
    vi.spyOn(console, 'log').mockImplementation((...a) => {
      stdout += `${format(...a)}\n`;
    }),
    vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Error(`process.exit(${code}) in a command run in-process`);
    }),
  ];
  let code = 0;
  try {
    await runCli([process.execPath, BIN, ...args]);
    code = Number(process.exitCode ?? 0);
  } catch (error) {
    stderr += `voordeur: ${error instanceof Error ? error.message : String(error)}\n`;
    code = 1;
  } finally {
    for (const spy of spies) spy.mockRestore();
    process.exitCode = undefined;
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
  if (code !== 0)
    throw Object.assign(new Error(`voordeur ${args[0]}: exit ${code}: ${stderr}`), { code, stdout, stderr });
  return { stdout, stderr };
}

describe.runIf(dbKind === 'pglite')('voordeur on the embedded database', () => {
  it('starts with the demo organisation, keeps data across a restart, refuses a second process on the same data, and adds platform administrators and organisations', {
    timeout: 240_000,
  }, async () => {
    const env = { VOORDEUR_DATA_DIR: mkdtempSync(join(tmpdir(), 'voordeur-data-')) };
    const first = await serve(env);
    expect(first.output()).toContain('agent@voorbeeld.nl');
    const agent = await login(first.base, 'agent@voorbeeld.nl');
    expect(agent.status).toBe(200);
    await expect(serve(env)).rejects.toThrow(/in use by process/);
    expect(await stop(first.child)).toBe(0);

    // Operator commands on the stopped instance's data.
    const added = await cli(
      [
        'user',
        'add',
        '--email',
        'nieuw@voorbeeld.nl',
        '--name',
        'Nieuw',
        '--member',
        'Burgerzaken:backoffice',
      ],
      env,
    );
    const generated = /Password: (\S+)/.exec(added.stdout)?.[1];
    expect(generated).toBeTruthy();
    await cli(
      ['user', 'reset-password', '--email', 'agent@voorbeeld.nl', '--password', 'a-fresh-password'],
      env,
    );
    const token = (await cli(['token', 'create', '--name', 'Telefonie', '--role', 'agent'], env)).stdout
      .trim()
      .split('\n')
      .at(-1)!;
    // Catalogue export and import round trip (CSV as Excel writes it), and a refused import.
    const csvFile = join(env.VOORDEUR_DATA_DIR, 'items.csv');
    writeFileSync(csvFile, (await cli(['catalogue', 'export', '--type', 'items'], env)).stdout);
    const dry = await cli(['catalogue', 'import', csvFile, '--type', 'items', '--dry-run'], env);
    expect(dry.stdout).toMatch(/items: 0 new, 0 changed, \d{2,} unchanged/);
    const badFile = join(env.VOORDEUR_DATA_DIR, 'bad.json');
    writeFileSync(badFile, JSON.stringify({ items: [{ code: 'X' }] }));
    const refused = await cliProcess(['catalogue', 'import', badFile], env).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('items.0.code') });
    // The address register: a dry run, the import, and a refused file naming its line.
    const addressFile = join(env.VOORDEUR_DATA_DIR, 'addresses.csv');
    writeFileSync(
      addressFile,
      'postcode;huisnummer;toevoeging;straat;woonplaats;x;y\r\n1299 zz;5;;Teststraat;Voorbeeld;131000;468000\r\n',
    );
    expect((await cli(['addresses', 'import', addressFile, '--dry-run'], env)).stdout).toContain(
      'addresses: 1 new, 0 changed, 0 unchanged',
    );
    expect((await cli(['addresses', 'import', '--org', 'voorbeeld', addressFile], env)).stdout).toContain(
      'addresses: 1 new, 0 changed, 0 unchanged',
    );
    const badAddresses = join(env.VOORDEUR_DATA_DIR, 'bad-addresses.csv');
    writeFileSync(
      badAddresses,
      'postcode;huisnummer;toevoeging;straat;woonplaats;x;y\n12;5;;X;Y;131000;468000\n',
    );
    expect(
      await cli(['addresses', 'import', badAddresses], env).catch((e: { code: number; stderr: string }) => e),
    ).toMatchObject({ code: 2, stderr: expect.stringContaining('line 2: postcode') });
    // Monitoring (issue 14, rollups): the daily rollups of the last week recomputed from the raw data (the whole
    // history's rebuild is metrics.rollup.test.ts's), and a refused date.
    const weekAgo = new Date(Date.now() - 7 * 86_400_000).toLocaleDateString('sv-SE', {
      timeZone: 'Europe/Amsterdam',
    });
    expect(
      (await cli(['metrics', 'rebuild', '--organisation', 'voorbeeld', '--from', weekAgo], env)).stdout,
    ).toMatch(/Rebuilt 8 day\(s\) of 1 organisation\(s\)/);
    await expect(cli(['metrics', 'rebuild', '--from', '2026-13-01'], env)).rejects.toThrow(/YYYY-MM-DD/);
    const seedAgain = await cli(['seed', '--demo'], env);
    expect(seedAgain.stderr).toContain('nothing done');

    // A platform administrator and two more organisations (their theme, sender and first administrator) beside the
    // demo's, on the same data.
    const platformAdmin = await cli(['platform-admin', 'add', '--name', 'Servicecentrum'], env);
    const platformToken = /^Token, shown once.*: (vdp_[A-Za-z0-9_-]+)$/m.exec(platformAdmin.stdout)?.[1];
    expect(platformToken).toBeTruthy();

    const utrecht = await cli(
      [
        'org',
        'create',
        '--slug',
        'utrecht',
        '--name',
        'Gemeente Utrecht',
        '--theme',
        'utrecht',
        '--sender',
        'Gemeente Utrecht <noreply@utrecht.example>',
        '--admin-email',
        'beheer@utrecht.example',
      ],
      env,
    );
    const password = /One-time password[^:]*: (\S+)/.exec(utrecht.stdout)?.[1];
    expect(password).toBeTruthy();
    // Its own CSS, and the first administrator's password from the environment (not printed).
    const css = join(env.VOORDEUR_DATA_DIR, 'eigen.css');
    writeFileSync(css, '.eigen-theme { --basis-color-action-1-color-default: #005a9c; }');
    const eigen = await cli(
      [
        'org',
        'create',
        '--slug',
        'eigen',
        '--name',
        'Waterschap Eigen',
        '--theme',
        css,
        '--theme-class',
        'eigen-theme',
        '--admin-email',
        'beheer@eigen.example',
      ],
      { ...env, VOORDEUR_ADMIN_PASSWORD: 'an-own-password-123' },
    );
    expect(eigen.stdout).not.toContain('One-time password');
    const again = await cli(
      ['org', 'create', '--slug', 'utrecht', '--name', 'Nog een', '--admin-email', 'ander@utrecht.example'],
      env,
    ).catch((e: { code: number; stderr: string }) => e);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('(slug)') });
    const bad = await cliProcess(
      [
        'org',
        'create',
        '--slug',
        'Fout!',
        '--name',
        'X',
        '--sender',
        'geen adres',
        '--admin-email',
        'x@x.example',
      ],
      env,
    ).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringMatching(/slug:[\s\S]*mailFrom:/) });
    const list = (await cli(['org', 'list'], env)).stdout;
    expect(list).toContain('utrecht\tGemeente Utrecht\tutrecht\tGemeente Utrecht <noreply@utrecht.example>');
    expect(list).toContain('eigen\tWaterschap Eigen\tcustom\tSMTP_FROM');
    expect((await cli(['platform-admin', 'list'], env)).stdout).toContain('Servicecentrum');

    const second = await serve(env);
    expect(second.output()).not.toContain('Sign in with');
    expect((await login(second.base, 'nieuw@voorbeeld.nl', generated)).status).toBe(200);
    expect((await login(second.base, 'agent@voorbeeld.nl')).status).toBe(401);
    expect((await login(second.base, 'agent@voorbeeld.nl', 'a-fresh-password')).status).toBe(200);
    const teams = await fetch(`${second.base}/api/teams`, { headers: { authorization: `Bearer ${token}` } });
    expect(teams.status).toBe(200);
    expect(((await teams.json()) as { items: unknown[] }).items).toHaveLength(10);
    const found = await fetch(`${second.base}/api/addresses?postcode=1299ZZ&number=5`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await found.json()) as { items: { street: string }[] }).items).toMatchObject([
      { street: 'Teststraat' },
    ]);
    expect((await login(second.base, 'beheer@utrecht.example', password)).status).toBe(200);
    expect((await login(second.base, 'beheer@eigen.example', 'an-own-password-123')).status).toBe(200);
    const orgs = await fetch(`${second.base}/api/platform/organisations`, {
      headers: { authorization: `Bearer ${platformToken}` },
    });
    expect(((await orgs.json()) as { items: { slug: string }[] }).items.map((o) => o.slug)).toEqual([
      'eigen',
      'utrecht',
      'voorbeeld',
    ]);
    expect(await (await fetch(`${second.base}/p/utrecht/theme.css`)).text()).toContain('.utrecht-theme {');
    expect(await (await fetch(`${second.base}/p/eigen/theme.css`)).text()).toBe(
      '.eigen-theme { --basis-color-action-1-color-default: #005a9c; }',
    );
  });
});

describe.runIf(dbKind === 'postgres')('voordeur on a PostgreSQL server', () => {
  it('two app processes and a worker start at once against one empty database', {
    timeout: 240_000,
  }, async () => {
    const url = createDatabase(inject('pgClusterUrl'), `serve_${Date.now().toString(36)}`);
    const env = { DATABASE_URL: url };
    const [a, b, worker] = await Promise.all([
      serve(env, ['--role', 'api']),
      serve(env, ['--role', 'all']),
      (async () => {
        const child = spawn(process.execPath, [BIN, 'serve', '--role', 'worker'], {
          env: baseEnv(env),
          stdio: 'ignore',
        });
        running.push(child);
        return child;
      })(),
    ]);
    const orgs = `${a.output()}${b.output()}`.match(/Demo organisation "Gemeente Voorbeeld" created/g) ?? [];
    expect(orgs).toHaveLength(1);
    const session = await login(a.base, 'admin@voorbeeld.nl');
    expect(session.status).toBe(200);
    // The session lives in the database: the other node knows it.
    const me = await fetch(`${b.base}/api/auth/me`, { headers: { cookie: session.cookie } });
    expect(me.status).toBe(200);
    expect(worker.exitCode).toBeNull();
    expect(await stop(worker)).toBe(0);
  });
});
