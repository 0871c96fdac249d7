/**
 * `npm run bench -- lighthouse`: Lighthouse 12.2.3 (pinned: 13 needs Node 22) in its default mobile profile
 * (Moto G Power, simulated slow 4G and 4x CPU slowdown) on Debian's Chromium, against the real server
 * (`voordeur serve` on a fresh embedded database with the demo organisation, the built web app from
 * apps/web/dist): the public pages of apps/web/public-pages.ts (the one list of them; add a page there).
 * Each page is measured BENCH_LIGHTHOUSE_RUNS times (default 3); the median run by performance score is shown, with
 * its accessibility score and what the first visit transferred (all of it, JavaScript, CSS) as Lighthouse counted it.
 * BENCH_URL=http://host:port measures a server that is already running instead (e.g. an older build).
 * Build the web app first (`npm run build:web`).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PUBLIC_PAGES } from '../../apps/web/public-pages.ts';
import { freePort } from '../../scripts/pg-cluster.ts';
import { printTable } from './search.ts';

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const PAGES = PUBLIC_PAGES.map((page) => page.path);
const cli = fileURLToPath(new URL('../../apps/cli/bin/voordeur.js', import.meta.url));
const lighthouseBin = fileURLToPath(new URL('../../node_modules/.bin/lighthouse', import.meta.url));
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
].join(' ');

interface Audit {
  numericValue?: number;
  details?: { items?: { resourceType?: string; transferSize?: number }[] };
}
interface Report {
  lighthouseVersion: string;
  categories: { performance: { score: number }; accessibility: { score: number } };
  audits: Record<string, Audit>;
}

async function startServer(): Promise<{ base: string; child: ChildProcess; dataDir: string }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'voordeur-lighthouse-'));
  const child = spawn(process.execPath, [cli, 'serve', '--port', String(port)], {
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      VOORDEUR_DATA_DIR: dataDir,
      VOORDEUR_DEMO_PASSWORD: 'bench-pw-123',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 900_000; // a fresh embedded database with the demo: minutes on a loaded machine
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('voordeur serve exited');
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, child, dataDir };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
  throw new Error('server not ready');
}

function measure(url: string): Report {
  const dir = mkdtempSync(join(tmpdir(), 'voordeur-lh-report-'));
  const out = join(dir, 'report.json');
  try {
    const r = spawnSync(
      lighthouseBin,
      [
        url,
        '--only-categories=performance,accessibility',
        '--output=json',
        `--output-path=${out}`,
        `--chrome-flags=${CHROME_FLAGS}`,
        '--quiet',
      ],
      { env: { ...process.env, CHROME_PATH: CHROME }, encoding: 'utf8', timeout: 180_000 },
    );
    if (!existsSync(out)) throw new Error(`lighthouse failed: ${r.stderr || r.error}`);
    return JSON.parse(readFileSync(out, 'utf8')) as Report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;

function summary(report: Report) {
  const items = report.audits['network-requests']?.details?.items ?? [];
  const bytes = (type?: string) =>
    items.filter((i) => !type || i.resourceType === type).reduce((sum, i) => sum + (i.transferSize ?? 0), 0);
  const ms = (id: string) => report.audits[id]?.numericValue ?? NaN;
  return {
    score: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    fcp: ms('first-contentful-paint'),
    lcp: ms('largest-contentful-paint'),
    tbt: ms('total-blocking-time'),
    total: bytes(),
    js: bytes('Script'),
    css: bytes('Stylesheet'),
    requests: items.length,
  };
}

export async function lighthouseBenchmark() {
  if (!existsSync(CHROME)) throw new Error(`no Chromium at ${CHROME} (apt-get install chromium)`);
  const version = spawnSync(lighthouseBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  process.stderr.write(`Lighthouse ${version}, mobile profile, ${RUNS} runs per page, ${CHROME}\n`);
  const given = process.env.BENCH_URL;
  const server = given ? null : await startServer();
  const base = given ?? server!.base;
  try {
    const rows: string[][] = [];
    for (const page of PAGES) {
      measure(`${base}${page}`); // warm-up: the server's first render of each file, the disk cache
      const runs = Array.from({ length: RUNS }, () => summary(measure(`${base}${page}`))).sort(
        (a, b) => a.score - b.score,
      );
      const m = runs[Math.floor(runs.length / 2)]!;
      rows.push([
        page,
        `${m.score} (${runs.map((r) => r.score).join(', ')})`,
        String(m.accessibility),
        `${(m.fcp / 1000).toFixed(1)} s`,
        `${(m.lcp / 1000).toFixed(1)} s`,
        `${m.tbt.toFixed(0)} ms`,
        kB(m.total),
        kB(m.js),
        kB(m.css),
        String(m.requests),
      ]);
    }
    printTable(
      [
        'page',
        'performance (runs)',
        'accessibility',
        'FCP',
        'LCP',
        'TBT',
        'transferred',
        'JS',
        'CSS',
        'requests',
      ],
      rows,
    );
  } finally {
    if (server) {
      await new Promise<void>((resolve) => {
        server.child.once('exit', () => resolve());
        server.child.kill('SIGTERM');
      });
      rmSync(server.dataDir, { recursive: true, force: true });
    }
  }
}
