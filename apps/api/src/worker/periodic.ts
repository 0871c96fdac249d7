/**
 * The worker's periodic tasks: the housekeeping the modules register (`worker/registry.ts`), each on its own
 * schedule and independently of the others — a task that fails is logged (without personal data) and counted
 * in /metrics, and the others run as planned. No two workers run the same task at the same time: a worker takes
 * a task's lease row (`periodic_task_lease`) with one atomic upsert, renews it while the task runs and ends it
 * when the task is done; a worker that dies leaves a lease that runs out. A row rather than an advisory lock,
 * because a session lock is unsafe behind PgBouncer in transaction pooling (ADR 0013).
 */
import { type Db, queryRows } from '@voordeur/db';
import { sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { PeriodicTask, TaskSummary, WorkLog } from '../platform/jobs.ts';
import { workMetrics } from '../plugins/metrics.ts';
import { periodicTasks } from './registry.ts';

const silent: WorkLog = { info() {}, warn() {}, error() {}, debug() {} };

export interface TaskDeps {
  /** Who holds a task's lease (`held_by`); unique per process. */
  workerId: string;
  /** A task's lease lasts this long; the worker renews it while the task runs. */
  leaseSeconds: number;
  /** When set, every task that runs more often than hourly runs this often instead (`WORKER_INTERVAL_SECONDS`). */
  intervalSeconds?: number | undefined;
  /** The tasks to run: the registered ones unless a test says otherwise. */
  tasks?: readonly PeriodicTask[];
  log?: WorkLog;
}

export function taskDeps(config: Config, log: WorkLog = silent): TaskDeps {
  return {
    workerId: config.workerId,
    leaseSeconds: config.outboxLeaseSeconds,
    intervalSeconds: config.workerIntervalSeconds,
    log,
  };
}

/** ok: the task ran; failed: it threw (or its lease could not be taken); skipped: another worker holds it. */
export type TaskOutcome = 'ok' | 'failed' | 'skipped';

export interface TaskRun {
  task: string;
  outcome: TaskOutcome;
  summary?: TaskSummary;
}

const leaseFor = (deps: TaskDeps) => sql`now() + ${deps.leaseSeconds}::float8 * interval '1 second'`;

/**
 * Takes the task's lease when nobody holds it: one statement, so of two workers that try at once exactly one
 * gets it (the other's insert meets the row and its update finds the lease still running).
 */
async function takeLease(db: Db, task: string, deps: TaskDeps): Promise<boolean> {
  const rows = await queryRows<{ task: string }>(
    db,
    sql`INSERT INTO periodic_task_lease AS l (task, held_by, held_until)
        VALUES (${task}, ${deps.workerId}, ${leaseFor(deps)})
        ON CONFLICT (task) DO UPDATE SET held_by = excluded.held_by, held_until = excluded.held_until
        WHERE l.held_until <= now()
        RETURNING l.task`,
  );
  return rows.length > 0;
}

/** Extends the lease while the task runs; false when this worker no longer holds it. */
async function renewLease(db: Db, task: string, deps: TaskDeps): Promise<boolean> {
  const rows = await queryRows<{ task: string }>(
    db,
    sql`UPDATE periodic_task_lease SET held_until = ${leaseFor(deps)}
        WHERE task = ${task} AND held_by = ${deps.workerId}
        RETURNING task`,
  );
  return rows.length > 0;
}

/**
 * Ends the lease (if this worker still holds it), so that any worker may take the task at its next turn: a lease
 * ending at `now()` is free (`<=` in `takeLease`, as a clock may give the next statement the same instant).
 */
async function endLease(db: Db, task: string, deps: TaskDeps): Promise<void> {
  await db.execute(
    sql`UPDATE periodic_task_lease SET held_until = now()
        WHERE task = ${task} AND held_by = ${deps.workerId}`,
  );
}

function record(task: string, outcome: TaskOutcome, seconds?: number) {
  workMetrics.taskRuns.inc({ task, outcome });
  if (seconds !== undefined) workMetrics.taskDuration.observe({ task }, seconds);
}

/** Runs one round of a task under its lease. Never throws: a failure is logged, counted and answered. */
export async function runTask(db: Db, task: PeriodicTask, deps: TaskDeps): Promise<TaskRun> {
  const log = deps.log ?? silent;
  const name = task.name;
  try {
    if (!(await takeLease(db, name, deps))) {
      record(name, 'skipped');
      log.debug({ task: name }, 'periodic task held by another worker');
      return { task: name, outcome: 'skipped' };
    }
  } catch (err) {
    record(name, 'failed');
    log.error({ err, task: name }, 'periodic task lease could not be taken');
    return { task: name, outcome: 'failed' };
  }

  const started = performance.now();
  // The renewal in flight, if any: the lease is ended after it, or a renewal landing after the end would hold the
  // task for another lease (another worker found it held, seen as a flaky test).
  let renewing: Promise<void> = Promise.resolve();
  const heartbeat = setInterval(
    () => {
      renewing = renewLease(db, name, deps)
        .then((held) => {
          if (!held) log.warn({ task: name }, 'periodic task lease was lost while it ran');
        })
        .catch((err) => log.warn({ err, task: name }, 'could not renew a periodic task lease'));
    },
    Math.max(100, Math.floor((deps.leaseSeconds * 1000) / 3)),
  );
  heartbeat.unref();
  let result: TaskRun;
  try {
    const summary = await task.run(db, log);
    result = { task: name, outcome: 'ok', summary };
    if (Object.values(summary).some((n) => n !== 0)) log.info({ task: name, summary }, 'periodic task done');
    else log.debug({ task: name }, 'periodic task done: nothing to do');
  } catch (err) {
    result = { task: name, outcome: 'failed' };
    log.error({ err, task: name }, 'periodic task failed');
  } finally {
    clearInterval(heartbeat);
    await renewing;
  }
  record(name, result.outcome, (performance.now() - started) / 1000);
  // If this fails the lease simply runs out.
  await endLease(db, name, deps).catch((err) =>
    log.warn({ err, task: name }, 'could not end a periodic task lease'),
  );
  return result;
}

/** One round of every task, one after another, each on its own (the CLI and tests; the worker uses the loop). */
export async function runPeriodicTasks(db: Db, deps: TaskDeps): Promise<TaskRun[]> {
  const runs: TaskRun[] = [];
  for (const task of deps.tasks ?? periodicTasks) runs.push(await runTask(db, task, deps));
  return runs;
}

/**
 * How often a task runs: its own interval, or the override (`WORKER_INTERVAL_SECONDS`, for tests and demos that
 * must not wait a minute) for the tasks that run more often than hourly. The hourly ones keep their hour: one of
 * them (the KPI deviations) reads a month of figures, ~0.3 s of database work, and every second it kept an
 * end-to-end server a third busy.
 */
export function intervalOf(
  task: Pick<PeriodicTask, 'intervalSeconds'>,
  deps: Pick<TaskDeps, 'intervalSeconds'>,
) {
  return deps.intervalSeconds !== undefined && task.intervalSeconds < HOURLY
    ? deps.intervalSeconds
    : task.intervalSeconds;
}
const HOURLY = 3600;

/**
 * The worker's task loop: every task at once on start, then each on its own interval; a round that is still
 * running when its next turn comes is not started twice. Returns a stop function that waits for the rounds in
 * hand.
 */
export function startPeriodicTasks(db: Db, deps: TaskDeps) {
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<string, Promise<unknown>>();
  let stopped = false;
  for (const task of deps.tasks ?? periodicTasks) {
    const tick = () => {
      if (stopped || running.has(task.name)) return;
      running.set(
        task.name,
        runTask(db, task, deps).finally(() => running.delete(task.name)),
      );
    };
    tick();
    const timer = setInterval(tick, intervalOf(task, deps) * 1000);
    // The outbox loop is what keeps a worker-only process running.
    timer.unref();
    timers.push(timer);
  }
  return async () => {
    stopped = true;
    for (const t of timers) clearInterval(t);
    await Promise.all(running.values());
  };
}
