import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { SERVER_LOG } from './server-log.ts';

/**
 * End-to-end tests against the real server (`voordeur serve`) on a fresh embedded database, in Debian's
 * Chromium (never a downloaded browser).
 */
const port = Number(process.env.E2E_PORT ?? 3210);
export const DEMO_PASSWORD = 'e2e-demo-password';
/** A platform administrator (added before the server starts); organisations.spec.ts creates an organisation. */
export const PLATFORM_TOKEN = 'vdp_e2e-platform-administrator-token-0001';
/**
 * Debian's Chromium as its headless shell (package `chromium-headless-shell`, built from the same Chromium source
 * and version as `/usr/bin/chromium`): the browser without its windowing parts, which is what Playwright itself runs
 * headless. The shell walk took 180 busy core-seconds of the full browser and 115 of the shell (ADR 0023, addendum
 * "the headless shell"). `npm test` installs it; without it the full browser runs. `E2E_CHROMIUM` names another.
 */
export const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const chromium =
  process.env.E2E_CHROMIUM ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');
const voordeur = `node ${join(import.meta.dirname, '..', 'apps', 'cli', 'bin', 'voordeur.js')}`;
/** The residents' mailbox (e2e/smtp-sink.ts): SMTP for Voordeur to send to, HTTP for the tests to read. */
export const SMTP_SINK_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
export const SMTP_SINK_HTTP_PORT = Number(process.env.E2E_SMTP_HTTP_PORT ?? 3212);

/** Specs of more than a minute of worker time together (the last full run: shell 214 s, catalogue 101 s, cases
 * 78 s, admin-settings 72 s, workspace 58 s). */
const LONG_SPECS = [
  '**/shell.spec.ts',
  '**/catalogue.spec.ts',
  '**/cases.spec.ts',
  '**/admin-settings.spec.ts',
  '**/workspace.spec.ts',
];

export default defineConfig({
  globalTeardown: './log-privacy.teardown.ts',
  testDir: './tests',
  // Every accessibility scan runs twice (at the window's width and at 320 px); on a busy machine a long journey
  // needs more than a minute.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // Three browsers on two cores: much of a journey waits on the server and the browser's rendering. Measured on
  // the whole suite here (73 specs): 2 workers 434 s, 3 workers 398 s, all passing (ADR 0023).
  workers: 3,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [
    ['list'],
    [
      'json',
      {
        outputFile:
          process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ??
          join(import.meta.dirname, '..', '.tmp', 'playwright.json'),
      },
    ],
  ],
  outputDir: join(import.meta.dirname, '..', '.tmp', 'e2e-results'),
  // The longest specs first, so that the workers end together: Playwright hands out tests in the order of the
  // projects, and within one in the order of the file names; a long journey started last kept one worker busy
  // while the others had finished. Measured per spec in the last full run (worker time; ADR 0023).
  projects: [
    { name: 'long', testMatch: LONG_SPECS },
    { name: 'rest', testIgnore: LONG_SPECS },
  ],
  use: {
    baseURL: `http://localhost:${port}`,
    // A trace records every action's DOM and a screencast: a quarter of the browsers' CPU time (shell.spec.ts, 17
    // walks: 170 busy core-seconds with traces, 145 without the screencast, 128 without traces). CI prints only the
    // log, where the failure's message and its page (error-context.md) are; E2E_TRACE=1 keeps traces to look into.
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: `${join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx')} ${join(import.meta.dirname, 'smtp-sink.ts')}`,
      url: `http://127.0.0.1:${SMTP_SINK_HTTP_PORT}/readyz`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { SMTP_SINK_PORT: String(SMTP_SINK_PORT), SMTP_SINK_HTTP_PORT: String(SMTP_SINK_HTTP_PORT) },
    },
    {
      command: `${voordeur} platform-admin add --name e2e && ${voordeur} serve --port ${port} > ${SERVER_LOG} 2>&1`,
      url: `http://localhost:${port}/readyz`,
      reuseExistingServer: false,
      // Two processes in turn: the platform administrator is added on the fresh data directory, then serve.
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        VOORDEUR_DATA_DIR: mkdtempSync(join(tmpdir(), 'voordeur-e2e-')),
        VOORDEUR_DEMO_PASSWORD: DEMO_PASSWORD,
        VOORDEUR_PLATFORM_TOKEN: PLATFORM_TOKEN,
        // Every request and every error is logged, so the log-privacy check after the run reads them all.
        LOG_LEVEL: 'info',
        // Every test signs in from 127.0.0.1: the per-IP limits are not what these tests are about.
        RATE_LIMIT_PER_MINUTE: '100000',
        LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
        LOGIN_FAILURES_PER_IP: '100000',
        // The portal's time trap: a person needs more than a second; the journeys fill forms quickly.
        PORTAL_MIN_FILL_SECONDS: '1',
        // Email really leaves, to the sink; the outbox and the worker look often, so a test need not wait long.
        SMTP_URL: `smtp://127.0.0.1:${SMTP_SINK_PORT}`,
        OUTBOX_POLL_MS: '200',
        WORKER_INTERVAL_SECONDS: '1',
      },
    },
  ],
});
