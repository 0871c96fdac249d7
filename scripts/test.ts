/**
 * `npm test`: everything, on a fresh machine with Node 20 and npm.
 *   lint + format (Biome), the three type checks and the web build, side by side (one per core)
 *   -> Vitest on PGlite and on a throwaway PostgreSQL server (the journeys' servers starting meanwhile)
 *   -> Playwright end-to-end in Debian Chromium (with axe-core).
 * Installs Debian `postgresql` and `chromium-headless-shell` when missing (never a browser download).
 * Ends with one line "N passed, N failed" over all test runners.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { e2eServers, SERVERS_STARTED } from '../e2e/servers.ts';
import { type PgCluster, startPgCluster } from './pg-cluster.ts';

const root = new URL('..', import.meta.url).pathname;
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const tmp = join(root, '.tmp');
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e` runs those steps only
const want = (step: string) => only.length === 0 || only.includes(step);

let passed = 0;
let failed = 0;
let cluster: PgCluster | undefined;
/** The journeys' servers, when started early (each in a process group of its own, to stop with its children). */
let servers: ChildProcess[] = [];

function run(title: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  process.stdout.write(`\n▶ ${title}\n`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  process.stdout.write(`${ok ? '✓' : '✗'} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return ok;
}

/** `run`, without blocking this process: the journeys' servers are looked after meanwhile. */
function runAsync(title: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  process.stdout.write(`\n▶ ${title}\n`);
  const started = Date.now();
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return new Promise<boolean>((resolve) => {
    const done = (ok: boolean) => {
      process.stdout.write(`${ok ? '✓' : '✗'} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
      resolve(ok);
    };
    child.on('close', (code) => done(code === 0));
    child.on('error', () => done(false));
  });
}

interface Step {
  title: string;
  cmd: string;
  args: string[];
}

/**
 * Runs the checks that need nothing but the sources (lint, type checks, web build) side by side, as many at a time
 * as there are cores, the longest first (listed so): each is one process on one core, and in turn they took
 * ~40 s of the budget (ADR 0023). Each one's output is printed whole when it ends, so the log stays readable.
 * Answers whether each passed, in the order given.
 */
async function runSideBySide(steps: readonly Step[]): Promise<boolean[]> {
  const results: boolean[] = new Array(steps.length).fill(false);
  let next = 0;
  const worker = async () => {
    while (next < steps.length) {
      const i = next++;
      const step = steps[i]!;
      const started = Date.now();
      const child = spawn(step.cmd, step.args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      const output: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => output.push(d));
      child.stderr.on('data', (d: Buffer) => output.push(d));
      const code = await new Promise<number | null>((resolve) => {
        child.on('close', resolve);
        child.on('error', (error) => {
          output.push(Buffer.from(`${error.message}\n`));
          resolve(null);
        });
      });
      results[i] = code === 0;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n▶ ${step.title}\n${Buffer.concat(output).toString()}`);
      process.stdout.write(`${results[i] ? '✓' : '✗'} ${step.title} (${seconds} s)\n`);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(availableParallelism(), steps.length)) }, worker),
  );
  return results;
}

function apt(pkg: string) {
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  return (
    run(`apt-get update`, 'apt-get', ['update', '-qq'], env) &&
    run(`apt-get install ${pkg}`, 'apt-get', ['install', '-y', '-qq', pkg], env)
  );
}

/** Counts a check that is not a test runner (lint, types, build) as one test. */
function check(ok: boolean) {
  if (ok) passed++;
  else failed++;
  return ok;
}

function countVitest(file: string) {
  if (!existsSync(file)) return false;
  const r = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    testResults: { name: string; startTime: number; endTime: number }[];
  };
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // The slowest files (a file runs once per database): where the suite's time goes, for whoever keeps it short.
  const slowest = r.testResults
    .map((t) => ({ name: relative(root, t.name), seconds: (t.endTime - t.startTime) / 1000 }))
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, 8);
  process.stdout.write(
    `\nslowest test files:\n${slowest.map((t) => `  ${t.seconds.toFixed(1).padStart(6)} s  ${t.name}`).join('\n')}\n`,
  );
  return true;
}

function countPlaywright(file: string) {
  if (!existsSync(file)) return false;
  const r = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number };
  };
  passed += r.stats.expected + r.stats.flaky;
  failed += r.stats.unexpected;
  return true;
}

/**
 * Starts the journeys' servers (e2e/servers.ts) now, so that a fresh database and the demo seed (20–30 s, one core)
 * happen while Vitest runs rather than with the browsers waiting (ADR 0023, addendum "the journeys' servers start
 * early"). Playwright finds them up and starts none.
 */
function startE2eServers() {
  servers = e2eServers().map((server) =>
    spawn(server.command, {
      cwd: root,
      shell: true,
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, ...server.env },
    }),
  );
}

/**
 * Waits until every early server answers; false when one did not within its time (Playwright then says why), or
 * when `stop()` says to give up.
 */
async function e2eServersReady(stop: () => boolean = () => false): Promise<boolean> {
  for (const server of e2eServers()) {
    const deadline = Date.now() + server.timeout;
    for (;;) {
      const ok = await fetch(server.url).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline || stop()) return false;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return true;
}

/**
 * Holds the ready servers still (SIGSTOP) until the journeys begin (SIGCONT): the e2e server's worker polls every
 * second for the journeys' sake, ~9% of a core, which would otherwise be taken from Vitest for minutes.
 */
function signalE2eServers(signal: 'SIGSTOP' | 'SIGCONT') {
  for (const child of servers)
    if (child.pid && child.exitCode === null)
      try {
        process.kill(-child.pid, signal);
      } catch {
        // gone already
      }
}

function stopE2eServers() {
  signalE2eServers('SIGCONT');
  for (const child of servers)
    if (child.pid && child.exitCode === null)
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // gone already
      }
  servers = [];
}

const TSGO = (project: string) => ['-p', project, '--singleThreaded'];

async function main() {
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  let ok = true;
  // The longest first: a core that finishes early takes the next.
  const checks: Step[] = [];
  if (want('types')) {
    // The native TypeScript compiler (tsgo, ADR 0043): a third of tsc's CPU time. One thread each: they run side by
    // side with the build on two cores.
    checks.push({ title: 'type check (api, cli, packages)', cmd: bin('tsgo'), args: TSGO('tsconfig.json') });
    checks.push({ title: 'type check (web)', cmd: bin('tsgo'), args: TSGO('apps/web/tsconfig.json') });
  }
  if (want('e2e'))
    checks.push({ title: 'build the web app (Vite)', cmd: 'npm', args: ['run', 'build:web', '--silent'] });
  if (want('types'))
    checks.push({
      title: 'type check (end-to-end tests)',
      cmd: bin('tsgo'),
      args: TSGO('e2e/tsconfig.json'),
    });
  if (want('lint'))
    checks.push({ title: 'lint and format (Biome)', cmd: bin('biome'), args: ['check', '.'] });
  const checked = await runSideBySide(checks);
  const built = want('e2e') ? checked[checks.findIndex((c) => c.title.startsWith('build'))]! : false;
  for (const passed of checked) ok = check(passed) && ok;
  if (want('unit') && want('e2e') && built) startE2eServers();
  if (want('unit')) {
    cluster = await startPgCluster();
    const file = join(tmp, 'vitest.json');
    let vitestDone = false;
    const held = servers.length
      ? e2eServersReady(() => vitestDone).then((ready) => {
          if (ready && !vitestDone) signalE2eServers('SIGSTOP');
        })
      : Promise.resolve();
    const vitestOk = await runAsync(
      'unit and integration tests (Vitest: PGlite and PostgreSQL)',
      bin('vitest'),
      ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
      { TEST_DATABASE_URL: cluster.url },
    );
    vitestDone = true;
    await held;
    signalE2eServers('SIGCONT');
    if (!countVitest(file)) failed++;
    ok = vitestOk && ok;
    cluster.stop();
    cluster = undefined;
  }
  if (want('e2e')) {
    // The web build ran with the checks (above); without it there is nothing to test end to end.
    if (!built)
      process.stdout.write('\n(the end-to-end tests run against the last build: the build failed)\n');
    // Debian's Chromium, as its headless shell (e2e/playwright.config.ts; the full browser when that cannot be had).
    if (
      !existsSync('/usr/bin/chromium-headless-shell') &&
      !apt('chromium-headless-shell') &&
      !existsSync('/usr/bin/chromium')
    )
      apt('chromium');
    const file = join(tmp, 'playwright.json');
    const early = servers.length > 0 && (await e2eServersReady());
    if (servers.length && !early) stopE2eServers(); // Playwright starts them and reports what went wrong
    const e2eOk = run(
      'end-to-end tests (Playwright in Debian Chromium, axe-core)',
      bin('playwright'),
      ['test', '-c', 'e2e/playwright.config.ts'],
      {
        PLAYWRIGHT_JSON_OUTPUT_NAME: file,
        ...(early ? { [SERVERS_STARTED]: '1' } : {}),
      },
    );
    stopE2eServers();
    if (!countPlaywright(file)) failed++;
    ok = e2eOk && ok;
  }
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  process.exit(ok && failed === 0 ? 0 : 1);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cluster?.stop();
    stopE2eServers();
    process.exit(130);
  });
}
main().catch((error: unknown) => {
  cluster?.stop();
  stopE2eServers();
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.stdout.write(`\n${passed} passed, ${failed + 1} failed\n`);
  process.exit(1);
});
