import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { E2E_PORT, e2eServers, SERVERS_STARTED } from './servers.ts';

/*
 * End-to-end tests against the real server (`voordeur serve`) on a fresh embedded database, in Debian's
 * Chromium (never a downloaded browser).
 */

/**
 * Debian's Chromium as its headless shell (package `chromium-headless-shell`, built from the same Chromium source
 * and version as `/usr/bin/chromium`): the browser without its windowing parts, which is what Playwright itself runs
 * headless. The shell walk took 180 busy core-seconds of the full browser and 115 of the shell (ADR 0023, addendum
 * "the headless shell"). `npm test` installs it; without it the full browser runs. `E2E_CHROMIUM` names another.
 */
export const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const chromium =
  process.env.E2E_CHROMIUM ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');

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
    baseURL: `http://localhost:${E2E_PORT}`,
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
  // The mailbox and Voordeur (servers.ts): started here, or already by `npm test` while Vitest ran.
  webServer: e2eServers().map((server) => ({
    ...server,
    reuseExistingServer: Boolean(process.env[SERVERS_STARTED]),
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })),
});
