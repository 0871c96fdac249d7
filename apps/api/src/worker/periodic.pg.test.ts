/**
 * Two workers on one PostgreSQL database never run the same periodic task at the same time: each worker has its
 * own connection pool (as two processes would) and its own task loop; the lease row decides. PostgreSQL only
 * (PGlite is one process's database).
 */
import { type Database, openDatabase, periodicTaskLease } from '@voordeur/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodicTask } from '../platform/jobs.ts';
import { type IsolatedDatabase, openIsolatedDatabase } from '../test/outbox-harness.ts';
import { startPeriodicTasks, type TaskDeps } from './periodic.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let isolated: IsolatedDatabase;
/** The second worker's own pool on the same database. */
let other: Database;
beforeAll(async () => {
  isolated = await openIsolatedDatabase();
  other = await openDatabase({ url: isolated.url!, poolSize: 4 });
});
afterAll(async () => {
  await other?.close();
  await isolated?.drop();
});

interface Round {
  worker: string;
  start: number;
  end: number;
}

/** A slow task under `name` for `worker`: records its rounds, and how often two rounds ran at once. */
function recorder() {
  const rounds: Round[] = [];
  let active = 0;
  let overlaps = 0;
  const task = (name: string, worker: string): PeriodicTask => ({
    name,
    intervalSeconds: 0.03,
    async run() {
      active++;
      if (active > 1) overlaps++;
      const start = performance.now();
      await sleep(80);
      active--;
      rounds.push({ worker, start, end: performance.now() });
      return {};
    },
  });
  return { rounds, task, overlaps: () => overlaps };
}

const deps = (workerId: string, task: PeriodicTask, leaseSeconds = 5): TaskDeps => ({
  workerId,
  leaseSeconds,
  tasks: [task],
});

async function until(what: string, predicate: () => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const turns = (rounds: Round[], worker: string) => rounds.filter((r) => r.worker === worker).length;

describe('periodic tasks with two workers on one PostgreSQL database', () => {
  it('control: the same slow work under two names (two leases) does run at the same time', async () => {
    const r = recorder();
    const stops = [
      startPeriodicTasks(isolated.database.db, deps('w1', r.task('pg.control-1', 'w1'))),
      startPeriodicTasks(other.db, deps('w2', r.task('pg.control-2', 'w2'))),
    ];
    await until(
      'both workers to run a few rounds',
      () => turns(r.rounds, 'w1') >= 4 && turns(r.rounds, 'w2') >= 4,
    );
    for (const stop of stops) await stop();
    expect(r.overlaps()).toBeGreaterThan(0);
  });

  it('never run one task at the same time, and both get turns', async () => {
    const r = recorder();
    const stops = [
      startPeriodicTasks(isolated.database.db, deps('w1', r.task('pg.slow', 'w1'))),
      startPeriodicTasks(other.db, deps('w2', r.task('pg.slow', 'w2'))),
    ];
    await until('both workers to get turns', () => turns(r.rounds, 'w1') >= 3 && turns(r.rounds, 'w2') >= 3);
    for (const stop of stops) await stop();
    expect(r.overlaps()).toBe(0);
    const sorted = [...r.rounds].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
  });

  it('a worker that loses its database keeps the task only until its lease runs out; then the other takes it', async () => {
    let release = () => {};
    const hanging = new Promise<void>((resolve) => {
      release = resolve;
    });
    const rounds: Round[] = [];
    const stuck: PeriodicTask = {
      name: 'pg.handover',
      intervalSeconds: 0.05,
      async run() {
        await hanging;
        return {};
      },
    };
    const healthy: PeriodicTask = {
      name: 'pg.handover',
      intervalSeconds: 0.05,
      async run() {
        const start = performance.now();
        rounds.push({ worker: 'w2', start, end: start });
        return {};
      },
    };
    // The first worker has its own pool, which it loses while the task runs (its heartbeat cannot renew).
    const dying = await openDatabase({ url: isolated.url!, poolSize: 2 });
    const stopDying = startPeriodicTasks(dying.db, deps('w1', stuck, 2));
    const lease = async () =>
      (
        await isolated.database.db
          .select()
          .from(periodicTaskLease)
          .where(eq(periodicTaskLease.task, 'pg.handover'))
      )[0];
    const deadline = Date.now() + 10_000;
    while ((await lease())?.heldBy !== 'w1') {
      if (Date.now() > deadline) throw new Error('the first worker never took the lease');
      await sleep(20);
    }
    const stopHealthy = startPeriodicTasks(other.db, deps('w2', healthy, 2));
    // While the first worker's heartbeat renews, the second gets no turn.
    await sleep(1_500);
    expect(rounds).toEqual([]);
    await dying.close();
    const lostAt = performance.now();
    await until('the second worker to take over', () => rounds.length > 0, 10_000);
    // Not before the lease (2 s, last renewed at most a third of it before the loss) ran out.
    expect(rounds[0]!.start - lostAt).toBeGreaterThanOrEqual(700);
    expect((await lease())?.heldBy).toBe('w2');
    await stopHealthy();
    release();
    await stopDying();
  });
});
