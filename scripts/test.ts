/**
 * `npm test`: everything, in order, on a fresh machine with Node 20 and npm.
 *   lint + format (Biome) -> type check -> Vitest on PGlite and on a throwaway PostgreSQL server
 *   -> web build -> Playwright end-to-end in Debian Chromium (with axe-core).
 * Installs Debian `postgresql` and `chromium` when missing (never a browser download).
 * Ends with one line "N passed, N failed" over all test runners.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type PgCluster, startPgCluster } from './pg-cluster.ts';

const root = new URL('..', import.meta.url).pathname;
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const tmp = join(root, '.tmp');
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e` runs those steps only
const want = (step: string) => only.length === 0 || only.includes(step);

let passed = 0;
let failed = 0;
let cluster: PgCluster | undefined;

function run(title: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  process.stdout.write(`\n▶ ${title}\n`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  process.stdout.write(`${ok ? '✓' : '✗'} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return ok;
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
  const r = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number };
  passed += r.numPassedTests;
  failed += r.numFailedTests;
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

async function main() {
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  let ok = true;
  if (want('lint')) ok = check(run('lint and format (Biome)', bin('biome'), ['check', '.'])) && ok;
  if (want('types')) {
    ok = check(run('type check (api, cli, packages)', bin('tsc'), ['-p', 'tsconfig.json'])) && ok;
    ok = check(run('type check (web)', bin('tsc'), ['-p', 'apps/web/tsconfig.json'])) && ok;
    ok = check(run('type check (end-to-end tests)', bin('tsc'), ['-p', 'e2e/tsconfig.json'])) && ok;
  }
  if (want('unit')) {
    cluster = await startPgCluster();
    const file = join(tmp, 'vitest.json');
    const vitestOk = run(
      'unit and integration tests (Vitest: PGlite and PostgreSQL)',
      bin('vitest'),
      ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
      { TEST_DATABASE_URL: cluster.url },
    );
    if (!countVitest(file)) failed++;
    ok = vitestOk && ok;
    cluster.stop();
    cluster = undefined;
  }
  if (want('e2e')) {
    ok = check(run('build the web app (Vite)', 'npm', ['run', 'build:web', '--silent'])) && ok;
    if (!existsSync('/usr/bin/chromium')) apt('chromium');
    const file = join(tmp, 'playwright.json');
    const e2eOk = run(
      'end-to-end tests (Playwright in Debian Chromium, axe-core)',
      bin('playwright'),
      ['test', '-c', 'e2e/playwright.config.ts'],
      {
        PLAYWRIGHT_JSON_OUTPUT_NAME: file,
      },
    );
    if (!countPlaywright(file)) failed++;
    ok = e2eOk && ok;
  }
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  process.exit(ok && failed === 0 ? 0 : 1);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cluster?.stop();
    process.exit(130);
  });
}
main().catch((error: unknown) => {
  cluster?.stop();
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.stdout.write(`\n${passed} passed, ${failed + 1} failed\n`);
  process.exit(1);
});
