/**
 * The worker's background work as the modules register it (`worker/registry.ts`): job payloads parsed with their
 * kind's schema when claimed, each kind's retry policy, periodic tasks that run each on its own (a failing one
 * does not stop the others, and is counted in /metrics) under a lease row. Two workers on one PostgreSQL
 * database: `periodic.pg.test.ts`.
 */
import { outboxJob, periodicTaskLease } from '@voordeur/db';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { notificationJob } from '../modules/notifications/index.ts';
import { defineJob, type JobHandler, type PeriodicTask } from '../platform/jobs.ts';
import { enqueueJobs } from '../platform/outbox.ts';
import { makeOrg, TEST_METRICS_TOKEN, type TestOrg, testConfig, useTestApp } from '../test/harness.ts';
import { makeDue, testOutboxDeps } from '../test/outbox-harness.ts';
import { drainOutbox, type OutboxDeps } from './outbox.ts';
import { runPeriodicTasks, runTask, startPeriodicTasks, type TaskDeps, taskDeps } from './periodic.ts';
import { type JobHandlers, jobDefinitions, periodicTasks } from './registry.ts';

const t = useTestApp();
let org: TestOrg;
beforeAll(async () => {
  org = await makeOrg(t.database);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function scrape() {
  const res = await t.app.inject({
    url: '/metrics',
    headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` },
  });
  expect(res.statusCode).toBe(200);
  return res.body;
}

/** The value of one series in the Prometheus text (0 when it is not there yet). */
async function metric(name: string, labels: Record<string, string>) {
  const text = await scrape();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = match[2]!.split(',');
    if (wanted.every((w) => have.includes(w)) && have.length === wanted.length) return Number(match[3]);
  }
  return 0;
}

describe('the registry', () => {
  it("lists the modules' kinds of job and periodic tasks, each once", () => {
    expect([...jobDefinitions.keys()].sort()).toEqual(['notification', 'webhook']);
    expect(periodicTasks.map((task) => task.name).sort()).toEqual([
      'auth.sessions-purge',
      'cases.clock-sweep',
      'contacts.auto-close',
      'metrics.catch-up',
      'portal.housekeeping',
      'pulse.close',
      'recognition.compliments',
      'residents.sessions-purge',
      'signals.collect',
      'signals.kpi-deviations',
      'surveys.invitations',
    ]);
    for (const d of jobDefinitions.values()) {
      expect(d.retry.maxAttempts).toBeGreaterThanOrEqual(1);
      expect(d.retry.backoffBaseMs).toBeGreaterThanOrEqual(10);
    }
    for (const task of periodicTasks) expect(task.intervalSeconds).toBeGreaterThan(0);
  });

  it("runs every registered task, each answering its counts (today's housekeeping: sessions, contacts, clocks)", async () => {
    const runs = await runPeriodicTasks(t.database.db, taskDeps(testConfig({ WORKER_ID: 'registry-test' })));
    expect(Object.fromEntries(runs.map((r) => [r.task, r.outcome]))).toEqual({
      'auth.sessions-purge': 'ok',
      'cases.clock-sweep': 'ok',
      'contacts.auto-close': 'ok',
      'metrics.catch-up': 'ok',
      'portal.housekeeping': 'ok',
      'pulse.close': 'ok',
      'recognition.compliments': 'ok',
      'residents.sessions-purge': 'ok',
      'signals.collect': 'ok',
      'signals.kpi-deviations': 'ok',
      'surveys.invitations': 'ok',
    });
    const summaries = Object.fromEntries(runs.map((r) => [r.task, Object.keys(r.summary ?? {}).sort()]));
    expect(summaries).toEqual({
      'auth.sessions-purge': ['sessions'],
      'cases.clock-sweep': ['breached', 'internalBreached', 'warned'],
      'contacts.auto-close': ['contacts'],
      'metrics.catch-up': ['backlog', 'days'],
      'portal.housekeeping': ['counts', 'uploads'],
      'pulse.close': ['closed'],
      'recognition.compliments': ['notified', 'routed'],
      'residents.sessions-purge': ['blanked', 'links', 'sessions'],
      'signals.collect': ['clustered', 'organisations', 'signals'],
      'signals.kpi-deviations': ['signals'],
      'surveys.invitations': ['invited', 'reminded', 'skipped'],
    });
  });
});

describe('jobs', () => {
  /** A kind of job of this test only: records the payloads its handler is given, and always asks to retry. */
  const seen: unknown[] = [];
  const echoHandler: JobHandler<{ n: number }> = {
    async run(_db, job) {
      seen.push(job.payload);
      return { outcome: 'retry', error: 'not yet' };
    },
    async abandon() {},
  };
  const echoJob = defineJob({
    kind: 'test-echo',
    payload: z.object({ n: z.number().int() }),
    retry: { maxAttempts: 2, backoffBaseMs: 60_000 },
    createHandler: () => echoHandler,
  });
  const deps = (): OutboxDeps => {
    const base = testOutboxDeps({}, [org.id]);
    const handlers = { ...base.handlers, 'test-echo': echoHandler } as JobHandlers;
    return {
      ...base,
      // No OUTBOX_RETRY_BASE_MS: each kind's own backoff.
      retryBaseMs: undefined,
      handlers,
      definitions: new Map([...jobDefinitions, ['test-echo', echoJob]]),
    };
  };
  const jobsOfKind = (kind: string) =>
    t.database.db
      .select()
      .from(outboxJob)
      .where(and(eq(outboxJob.organisationId, org.id), eq(outboxJob.kind, kind)));

  it('a payload that does not parse fails its job at once, with the reason, and never reaches the handler', async () => {
    const failedBefore = await metric('voordeur_jobs_total', { kind: 'notification', outcome: 'failed' });
    await t.database.db.transaction((tx) =>
      enqueueJobs(tx, [
        { organisationId: org.id, kind: 'notification', payload: { notificationId: 'not-a-uuid' } },
        { organisationId: org.id, kind: 'test-echo', payload: { n: 'two' } },
      ]),
    );
    const result = await drainOutbox(t.database.db, deps());
    expect(result).toMatchObject({ claimed: 2, failed: 2, retried: 0, done: 0 });
    expect(seen).toEqual([]);
    const [notificationRow] = await jobsOfKind('notification');
    expect(notificationRow).toMatchObject({
      attempts: 1,
      lastError: 'invalid job payload for kind "notification" (notificationId: invalid_format)',
    });
    expect(notificationRow!.failedAt).not.toBeNull();
    const [echoRow] = await jobsOfKind('test-echo');
    expect(echoRow!.lastError).toBe('invalid job payload for kind "test-echo" (n: invalid_type)');
    expect(echoRow!.failedAt).not.toBeNull();
    expect(await metric('voordeur_jobs_total', { kind: 'notification', outcome: 'failed' })).toBe(
      failedBefore + 1,
    );
    await t.database.db.delete(outboxJob).where(eq(outboxJob.organisationId, org.id));
  });

  it("a job written through its definition carries the kind's retry policy; its handler gets the parsed payload", async () => {
    expect(notificationJob.of(org.id, { notificationId: org.id })).toMatchObject({
      kind: 'notification',
      maxAttempts: 12,
    });
    const retriedBefore = await metric('voordeur_jobs_total', { kind: 'test-echo', outcome: 'retried' });
    await t.database.db.transaction((tx) => enqueueJobs(tx, [echoJob.of(org.id, { n: 2 })]));
    const [queued] = await jobsOfKind('test-echo');
    expect(queued!.maxAttempts).toBe(2);

    expect(await drainOutbox(t.database.db, deps())).toMatchObject({ claimed: 1, retried: 1 });
    expect(seen).toEqual([{ n: 2 }]);
    // The kind's own backoff base (60 s): the retry waits between 30 and 60 s.
    const [{ wait } = { wait: 0 }] = await t.database.db
      .select({ wait: sql<number>`extract(epoch FROM ${outboxJob.runAt} - now())::float8` })
      .from(outboxJob)
      .where(and(eq(outboxJob.organisationId, org.id), eq(outboxJob.kind, 'test-echo')));
    expect(Number(wait)).toBeGreaterThan(25);
    expect(Number(wait)).toBeLessThanOrEqual(60);
    expect(await metric('voordeur_jobs_total', { kind: 'test-echo', outcome: 'retried' })).toBe(
      retriedBefore + 1,
    );

    // The second attempt is its last (maxAttempts 2): given up.
    await makeDue(t.database.db, [org.id]);
    expect(await drainOutbox(t.database.db, deps())).toMatchObject({ claimed: 1, failed: 1 });
    const [settled] = await jobsOfKind('test-echo');
    expect(settled).toMatchObject({ attempts: 2, lastError: 'not yet' });
    expect(settled!.failedAt).not.toBeNull();
  });
});

describe('periodic tasks', () => {
  const runs: Record<string, number> = {};
  const counting = (name: string): PeriodicTask => ({
    name,
    intervalSeconds: 3600,
    async run() {
      runs[name] = (runs[name] ?? 0) + 1;
      return { counted: 1 };
    },
  });
  /**
   * Fails the way a real task fails: the database refuses a statement about a person (a staff member's name in
   * a uuid column). The log line says what failed, not about whom (the file's log is checked at its end).
   */
  const failing = (name: string): PeriodicTask => ({
    name,
    intervalSeconds: 3600,
    async run(db) {
      runs[name] = (runs[name] ?? 0) + 1;
      await db.execute(sql`SELECT ${`admin ${org.slug}`}::uuid`);
      return {};
    },
  });
  const deps = (tasks: PeriodicTask[], extra: Partial<TaskDeps> = {}): TaskDeps => ({
    workerId: 'test-worker',
    leaseSeconds: 30,
    tasks,
    log: t.app.log,
    ...extra,
  });

  it('a failing task does not stop the tasks after it; each outcome is counted in /metrics', async () => {
    const before = {
      failed: await metric('voordeur_task_runs_total', { task: 'test.failing', outcome: 'failed' }),
      ok: await metric('voordeur_task_runs_total', { task: 'test.counting', outcome: 'ok' }),
    };
    const result = await runPeriodicTasks(
      t.database.db,
      deps([failing('test.failing'), counting('test.counting')]),
    );
    expect(result).toEqual([
      { task: 'test.failing', outcome: 'failed' },
      { task: 'test.counting', outcome: 'ok', summary: { counted: 1 } },
    ]);
    expect(await metric('voordeur_task_runs_total', { task: 'test.failing', outcome: 'failed' })).toBe(
      before.failed + 1,
    );
    expect(await metric('voordeur_task_runs_total', { task: 'test.counting', outcome: 'ok' })).toBe(
      before.ok + 1,
    );
    expect(await metric('voordeur_task_duration_seconds_count', { task: 'test.counting' })).toBeGreaterThan(
      0,
    );
    expect(await metric('voordeur_task_duration_seconds_count', { task: 'test.failing' })).toBeGreaterThan(0);
  });

  it('in the loop each task keeps its own schedule while another fails every round', async () => {
    const failingTask = { ...failing('test.loop-failing'), intervalSeconds: 0.05 };
    const slowCadence = { ...counting('test.loop-hourly'), intervalSeconds: 3600 };
    const fastCadence = { ...counting('test.loop-fast'), intervalSeconds: 0.05 };
    const stop = startPeriodicTasks(t.database.db, deps([failingTask, slowCadence, fastCadence]));
    const deadline = Date.now() + 20_000;
    while ((runs['test.loop-fast'] ?? 0) < 4 || (runs['test.loop-failing'] ?? 0) < 4) {
      if (Date.now() > deadline) throw new Error(`tasks did not keep running: ${JSON.stringify(runs)}`);
      await sleep(20);
    }
    await stop();
    // Every task ran at start; the hourly one not again.
    expect(runs['test.loop-hourly']).toBe(1);
    expect(await metric('voordeur_task_runs_total', { task: 'test.loop-failing', outcome: 'failed' })).toBe(
      runs['test.loop-failing'],
    );
    expect(await metric('voordeur_task_runs_total', { task: 'test.loop-fast', outcome: 'ok' })).toBe(
      runs['test.loop-fast'],
    );
    // Each round ended its lease: none is held now.
    const held = await t.database.db
      .select()
      .from(periodicTaskLease)
      .where(sql`${periodicTaskLease.task} LIKE 'test.loop-%' AND ${periodicTaskLease.heldUntil} > now()`);
    expect(held).toEqual([]);
  });

  it("a task another worker holds is skipped until that worker's lease runs out, then taken", async () => {
    const task = counting('test.held');
    await t.database.db.insert(periodicTaskLease).values({
      task: 'test.held',
      heldBy: 'other-worker',
      heldUntil: sql`now() + interval '1 hour'`,
    });
    expect(await runTask(t.database.db, task, deps([]))).toEqual({ task: 'test.held', outcome: 'skipped' });
    expect(runs['test.held']).toBeUndefined();
    expect(await metric('voordeur_task_runs_total', { task: 'test.held', outcome: 'skipped' })).toBe(1);

    // The other worker died: its lease ran out.
    await t.database.db
      .update(periodicTaskLease)
      .set({ heldUntil: sql`now() - interval '1 second'` })
      .where(eq(periodicTaskLease.task, 'test.held'));
    expect((await runTask(t.database.db, task, deps([]))).outcome).toBe('ok');
    expect(runs['test.held']).toBe(1);
    const [row] = await t.database.db
      .select()
      .from(periodicTaskLease)
      .where(eq(periodicTaskLease.task, 'test.held'));
    expect(row!.heldBy).toBe('test-worker');
  });

  it('a worker renews the lease of a task that runs longer than the lease, so no other worker takes it', async () => {
    let release = () => {};
    const running = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = 0;
    const long: PeriodicTask = {
      name: 'test.long',
      intervalSeconds: 3600,
      async run() {
        started++;
        await running;
        return {};
      },
    };
    const first = runTask(t.database.db, long, deps([], { workerId: 'worker-1', leaseSeconds: 0.4 }));
    // Well past the lease: only the heartbeat keeps it.
    await sleep(1_200);
    const second = await runTask(t.database.db, long, deps([], { workerId: 'worker-2', leaseSeconds: 0.4 }));
    expect(second.outcome).toBe('skipped');
    expect(started).toBe(1);
    release();
    expect((await first).outcome).toBe('ok');
    // Ended: the second worker may take it now.
    expect((await runTask(t.database.db, long, deps([], { workerId: 'worker-2' }))).outcome).toBe('ok');
    expect(started).toBe(2);
  });
});
