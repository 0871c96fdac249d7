/**
 * The reliability requirement of notifications: "With the SMTP server down for a while and an app process
 * killed during delivery, every notification is delivered exactly once after recovery."
 *
 * Real parts only: a PostgreSQL database of its own, real worker processes (`voordeur serve --role worker`),
 * and an in-process SMTP server that takes a message only when it answers 250 on a connection that is still
 * open (like an MTA that has not yet taken responsibility for a message whose client vanished).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { notification, outboxJob } from '@voordeur/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKind, makeOrg } from '../test/harness.ts';
import {
  type IsolatedDatabase,
  openIsolatedDatabase,
  queueTestNotifications,
} from '../test/outbox-harness.ts';
import { startTestSmtp, type TestSmtp } from '../test/smtp.ts';

const cli = fileURLToPath(new URL('../../../cli/bin/voordeur.js', import.meta.url));
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Worker {
  process: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

function startWorker(id: string, databaseUrl: string, smtpUrl: string): Worker {
  const child = spawn(process.execPath, [cli, 'serve', '--role', 'worker'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '4',
      SMTP_URL: smtpUrl,
      SMTP_FROM: 'Gemeente Voorbeeld <noreply@voorbeeld.nl>',
      OUTBOX_POLL_MS: '100',
      OUTBOX_LEASE_SECONDS: '2',
      OUTBOX_RETRY_BASE_MS: '200',
      WORKER_ID: id,
      WORKER_INTERVAL_SECONDS: '3600',
      VOORDEUR_SEED_DEMO: 'false',
      VOORDEUR_DATA_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (c: Buffer) => output.push(c.toString()));
  child.stderr?.on('data', (c: Buffer) => output.push(c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, output, exited };
}

async function until(
  what: string,
  predicate: () => Promise<boolean> | boolean,
  timeoutMs: number,
  workers: Worker[],
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) {
      const logs = workers.map((w) => w.output.join('').slice(-4000)).join('\n---\n');
      throw new Error(`timed out waiting for ${what}\nworker output:\n${logs}`);
    }
    await sleep(20);
  }
}

// PGlite in memory is one process's database: a second (worker) process cannot share it.
describe.skipIf(dbKind === 'pglite')(
  'outbox reliability (PostgreSQL only: needs several processes on one database)',
  () => {
    let isolated: IsolatedDatabase;
    let smtp: TestSmtp;
    const workers: Worker[] = [];

    beforeAll(async () => {
      isolated = await openIsolatedDatabase();
      smtp = await startTestSmtp({ down: true });
    });
    afterAll(async () => {
      for (const w of workers) if (w.process.exitCode === null) w.process.kill('SIGKILL');
      await smtp?.close();
      await isolated?.drop();
    });

    it('delivers every notification exactly once, with the SMTP server down for a while and a worker killed mid-delivery', async () => {
      const db = isolated.database.db;
      const org = await makeOrg(isolated.database);
      const ids = await queueTestNotifications(db, org.id, 30);
      const rows = () => db.select().from(notification).where(eq(notification.organisationId, org.id));

      // 1. The mail server is down; the first worker fails a few times per notification.
      const first = startWorker('reliability-w1', isolated.url!, smtp.url);
      workers.push(first);
      await until(
        'every notification to have failed at least twice',
        async () => (await rows()).every((r) => r.attempts >= 2 && r.status === 'queued' && r.lastError),
        60_000,
        workers,
      );
      expect((await rows()).every((r) => /ECONNREFUSED/.test(r.lastError ?? ''))).toBe(true);

      // 2. The server comes back, slow to answer DATA (1.5 s). Once a few messages are through, the worker is
      //    killed while messages wait for their answer. Not just after a 250: every message that was answered
      //    must have been recorded, so the kill falls outside the unavoidable window between the server's 250
      //    and our commit (ADR 0005) — that window is what the stable Message-ID is for.
      smtp.dataDelayMs = 1_500;
      await smtp.up();
      await until(
        'a message in flight, after some were delivered and recorded',
        async () => {
          const since = Date.now() - smtp.lastAcceptedAt;
          if (smtp.messages.length < 3 || smtp.holding === 0 || since < 300 || since > 900) return false;
          const sent = (await rows()).filter((r) => r.status === 'sent').length;
          return sent === smtp.messages.length && smtp.holding > 0;
        },
        60_000,
        workers,
      );
      const inFlight = smtp.holding;
      first.process.kill('SIGKILL');
      await first.exited;
      const deliveredBeforeKill = smtp.messages.length;
      await smtp.waitFor(() => smtp.abandoned.length >= inFlight, 5_000, 'the held messages to be abandoned');
      expect(smtp.abandoned.length).toBeGreaterThan(0);
      expect(deliveredBeforeKill).toBeLessThan(30);

      // 3. A second worker takes over: the dead worker's jobs once their lease (2 s) has run out.
      smtp.dataDelayMs = 50;
      const second = startWorker('reliability-w2', isolated.url!, smtp.url);
      workers.push(second);
      await until(
        'every notification to be sent',
        async () => (await rows()).every((r) => r.status === 'sent'),
        90_000,
        workers,
      );

      // Every Message-ID arrived exactly once; nothing else arrived.
      const expected = ids.map((id) => `<${id}@voordeur>`).sort();
      expect(smtp.messages.map((m) => m.messageId).sort()).toEqual(expected);
      expect(smtp.messages).toHaveLength(30);
      for (const lost of smtp.abandoned) expect(expected).toContain(lost.messageId);

      const finalRows = await rows();
      expect(finalRows.every((r) => r.lastError === null && r.sentAt !== null)).toBe(true);
      expect(Math.max(...finalRows.map((r) => r.attempts))).toBeGreaterThanOrEqual(3);
      const jobs = await db.select().from(outboxJob).where(eq(outboxJob.organisationId, org.id));
      expect(jobs).toHaveLength(30);
      expect(jobs.every((j) => j.doneAt !== null && j.failedAt === null)).toBe(true);
      // The jobs that were in flight when the first worker died were finished by the second.
      const abandonedIds = new Set(smtp.abandoned.map((m) => m.messageId!.slice(1, 37)));
      for (const j of jobs.filter((j) =>
        abandonedIds.has((j.payload as { notificationId: string }).notificationId),
      ))
        expect(j.lockedBy).toBe('reliability-w2');

      second.process.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }, 180_000);
  },
);
