/**
 * The servers the journeys run against: the residents' mailbox (smtp-sink.ts) and Voordeur itself (`voordeur
 * serve` on a fresh embedded database with the demo organisation). Playwright starts them (playwright.config.ts);
 * `npm test` starts them itself while the Vitest tests run (scripts/test.ts), so the 20–30 s of a fresh database and
 * the demo seed are not spent with the browsers waiting, and Playwright then finds them up (ADR 0023, addendum
 * "the journeys' servers start early").
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_LOG } from './server-log.ts';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const DEMO_PASSWORD = 'e2e-demo-password';
/** A platform administrator (added before the server starts); organisations.spec.ts creates an organisation. */
export const PLATFORM_TOKEN = 'vdp_e2e-platform-administrator-token-0001';
/** The residents' mailbox (e2e/smtp-sink.ts): SMTP for Voordeur to send to, HTTP for the tests to read. */
export const SMTP_SINK_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
export const SMTP_SINK_HTTP_PORT = Number(process.env.E2E_SMTP_HTTP_PORT ?? 3212);
/** Set by `npm test` when it started the servers: Playwright then uses them and starts none. */
export const SERVERS_STARTED = 'E2E_SERVERS_STARTED';

const root = join(import.meta.dirname, '..');
const voordeur = `node ${join(root, 'apps', 'cli', 'bin', 'voordeur.js')}`;

export interface E2eServer {
  command: string;
  /** Answers 200 once the server is ready. */
  url: string;
  env: Record<string, string>;
  /** How long it may take to become ready, in ms. */
  timeout: number;
}

/** The mailbox first: Voordeur's outbox sends to it from its first seconds. A fresh data directory per call. */
export function e2eServers(): E2eServer[] {
  return [
    {
      command: `${join(root, 'node_modules', '.bin', 'tsx')} ${join(import.meta.dirname, 'smtp-sink.ts')}`,
      url: `http://127.0.0.1:${SMTP_SINK_HTTP_PORT}/readyz`,
      timeout: 30_000,
      env: { SMTP_SINK_PORT: String(SMTP_SINK_PORT), SMTP_SINK_HTTP_PORT: String(SMTP_SINK_HTTP_PORT) },
    },
    {
      command: `${voordeur} platform-admin add --name e2e && ${voordeur} serve --port ${E2E_PORT} > ${SERVER_LOG} 2>&1`,
      url: `http://localhost:${E2E_PORT}/readyz`,
      // Two processes in turn: the platform administrator is added on the fresh data directory, then serve.
      timeout: 180_000,
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
  ];
}
