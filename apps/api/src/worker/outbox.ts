/**
 * The outbox worker (ADR 0002, 0005): claims due `outbox_job` rows with FOR UPDATE SKIP LOCKED and a lease,
 * runs the handler of each job's kind outside any transaction, and settles the job — done, rescheduled with
 * exponential backoff and jitter, or given up — in one transaction with the handler's own rows. Any number of
 * workers may run side by side, on one PostgreSQL server; on PGlite there is one. The kinds of job, their
 * payload schemas, retry policies and handlers come from the modules (`worker/registry.ts`).
 */

import { type Db, onKey, outboxJob, queryRows } from '@voordeur/db';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import {
  type ClaimedJob,
  errorText,
  type JobDefinition,
  type JobHandler,
  type JobResult,
  type WorkLog,
} from '../platform/jobs.ts';
import { workMetrics } from '../plugins/metrics.ts';
import { type JobHandlers, jobDefinitions, jobHandlers } from './registry.ts';

type Log = WorkLog;

const silent: Log = { info() {}, warn() {}, error() {}, debug() {} };

/** Retries never wait longer than this. */
export const RETRY_CAP_MS = 60 * 60 * 1000;

export interface OutboxDeps {
  /** Who holds a claimed job (`locked_by`); unique per process. */
  workerId: string;
  /** A claimed job belongs to its worker this long; the worker renews it while the job runs. */
  leaseSeconds: number;
  /**
   * When set, the first retry of every kind waits about this long (`OUTBOX_RETRY_BASE_MS`); otherwise each
   * kind's own `retry.backoffBaseMs`. Every further attempt waits twice as long, up to an hour.
   */
  retryBaseMs?: number | undefined;
  /** The handler of each kind (tests may replace one). */
  handlers: JobHandlers;
  /** The kinds this worker runs, by kind: the registered ones unless a test says otherwise. */
  definitions?: ReadonlyMap<string, JobDefinition>;
  /** Jobs claimed (and run side by side) at once. */
  batchSize?: number;
  log?: Log;
  /** Stops claiming further batches once aborted (jobs already claimed are finished). */
  signal?: AbortSignal;
  /** Only jobs of these organisations (tests, which share one database, drain their own). */
  organisationIds?: string[];
}

export interface DrainResult {
  claimed: number;
  done: number;
  retried: number;
  failed: number;
}

/**
 * The delay before attempt `attempt + 1` after `attempt` failed: base · 2^(attempt−1), capped at an hour,
 * then "equal jitter" (a random point in the upper half) so that jobs that failed together do not return
 * together.
 */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(RETRY_CAP_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

/** The handlers of every registered job kind, with the transports the configuration asks for. */
export function outboxHandlers(config: Config): JobHandlers {
  return jobHandlers({ config });
}

export function outboxDeps(config: Config, log: Log = silent, handlers = outboxHandlers(config)): OutboxDeps {
  return {
    workerId: config.workerId,
    leaseSeconds: config.outboxLeaseSeconds,
    retryBaseMs: config.outboxRetryBaseMs,
    handlers,
    log,
  };
}

interface JobRow {
  id: string;
  organisation_id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

/**
 * Claims up to `limit` jobs that are due (and were due at `cutoff`, so one drain does not chase the retries it
 * scheduled itself), not done and not held under a live lease. SKIP LOCKED lets concurrent workers pass each
 * other's rows; the lease (`locked_until`) keeps a claimed job from being claimed again after this statement
 * commits, until the holder dies and the lease runs out.
 */
async function claimJobs(db: Db, deps: OutboxDeps, cutoff: string, limit: number): Promise<ClaimedJob[]> {
  if (deps.organisationIds?.length === 0) return [];
  const rows = await queryRows<JobRow>(
    db,
    sql`UPDATE outbox_job
        SET locked_by = ${deps.workerId},
            locked_until = now() + ${deps.leaseSeconds}::int * interval '1 second',
            attempts = attempts + 1
        WHERE (organisation_id, id) IN (
          SELECT organisation_id, id FROM outbox_job
          WHERE done_at IS NULL
            AND run_at <= now() AND run_at <= ${cutoff}::timestamptz
            AND (locked_until IS NULL OR locked_until < now())
            ${
              deps.organisationIds
                ? sql`AND organisation_id IN (${sql.join(
                    deps.organisationIds.map((id) => sql`${id}::uuid`),
                    sql`, `,
                  )})`
                : sql``
            }
          ORDER BY run_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, organisation_id, kind, payload, attempts, max_attempts`,
  );
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    kind: r.kind,
    payload: r.payload,
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
  }));
}

const held = (deps: OutboxDeps, job: ClaimedJob) =>
  and(
    onKey(outboxJob, job.organisationId, job.id),
    eq(outboxJob.lockedBy, deps.workerId),
    isNull(outboxJob.doneAt),
  );

/** Settles a job this worker still holds; false when it no longer does (its lease ran out and it was taken). */
async function settle(
  tx: Db,
  deps: OutboxDeps,
  job: ClaimedJob,
  values: PgUpdateSetSource<typeof outboxJob>,
) {
  const rows = await tx.update(outboxJob).set(values).where(held(deps, job)).returning({ id: outboxJob.id });
  return rows.length > 0;
}

const markDone = (tx: Db, deps: OutboxDeps, job: ClaimedJob) =>
  settle(tx, deps, job, { doneAt: sql`now()`, lockedUntil: null, lastError: null });

const giveUp = (tx: Db, deps: OutboxDeps, job: ClaimedJob, error: string) =>
  settle(tx, deps, job, { doneAt: sql`now()`, failedAt: sql`now()`, lockedUntil: null, lastError: error });

const reschedule = (tx: Db, deps: OutboxDeps, job: ClaimedJob, error: string, definition: JobDefinition) =>
  settle(tx, deps, job, {
    runAt: sql`now() + ${backoffMs(job.attempts, deps.retryBaseMs ?? definition.retry.backoffBaseMs)}::int * interval '1 millisecond'`,
    lockedBy: null,
    lockedUntil: null,
    lastError: error,
  });

/** Extends the lease of the jobs this worker still runs (a heartbeat: only a dead worker's lease runs out). */
async function renewLeases(db: Db, deps: OutboxDeps, ids: string[]) {
  if (!ids.length) return;
  await db
    .update(outboxJob)
    .set({ lockedUntil: sql`now() + ${deps.leaseSeconds}::int * interval '1 second'` })
    .where(and(inArray(outboxJob.id, ids), eq(outboxJob.lockedBy, deps.workerId), isNull(outboxJob.doneAt)));
}

type Settled = 'done' | 'retried' | 'failed' | 'lost';

/** Why a payload does not parse, by field and issue code (never the values: a payload may hold anything). */
function payloadProblem(issues: readonly { path: PropertyKey[]; code: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(payload)'}: ${i.code}`)
    .join('; ');
}

async function runJob(db: Db, deps: OutboxDeps, claimed: ClaimedJob): Promise<Settled> {
  const log = deps.log ?? silent;
  const definition = (deps.definitions ?? jobDefinitions).get(claimed.kind);
  const handler = (deps.handlers as Record<string, JobHandler | undefined>)[claimed.kind];
  if (!definition || !handler) {
    await db.transaction((tx) => giveUp(tx, deps, claimed, `no handler for job kind "${claimed.kind}"`));
    log.error({ job: claimed.id, kind: claimed.kind }, 'outbox job of an unknown kind given up');
    return 'failed';
  }
  const parsed = definition.payload.safeParse(claimed.payload);
  if (!parsed.success) {
    // A payload the kind cannot read will not become readable by trying again: given up at once.
    const error = `invalid job payload for kind "${claimed.kind}" (${payloadProblem(parsed.error.issues)})`;
    await db.transaction((tx) => giveUp(tx, deps, claimed, error));
    log.error({ job: claimed.id, kind: claimed.kind, error }, 'outbox job with an invalid payload given up');
    return 'failed';
  }
  const job: ClaimedJob = { ...claimed, payload: parsed.data };
  if (job.attempts > job.maxAttempts) {
    // Claimed more often than it may be attempted: its workers died before settling it every time.
    const error = `given up after ${job.maxAttempts} attempts without an answer (the workers stopped)`;
    await db.transaction(async (tx) => {
      if (await giveUp(tx, deps, job, error)) await handler.abandon(tx, job, error);
    });
    log.error({ job: job.id, kind: job.kind }, 'outbox job abandoned');
    return 'failed';
  }

  let result: JobResult;
  try {
    result = await handler.run(db, job);
  } catch (error) {
    // A bug or a database hiccup, not an answer from the receiver: retried like a transient failure.
    log.error({ err: error, job: job.id, kind: job.kind }, 'outbox job failed unexpectedly');
    result = { outcome: 'retry', error: errorText(error) };
  }
  const givenUp =
    result.outcome === 'failed' || (result.outcome === 'retry' && job.attempts >= job.maxAttempts);
  const error = result.error ?? 'failed';
  const stillHeld = await db.transaction(async (tx) => {
    const mine =
      result.outcome === 'done'
        ? await markDone(tx, deps, job)
        : givenUp
          ? await giveUp(tx, deps, job, error)
          : await reschedule(tx, deps, job, error, definition);
    // A success is recorded even when the lease was lost meanwhile: it happened. A failure is not: the job
    // belongs to the worker that took it over.
    if (mine || result.outcome === 'done') await result.settle?.(tx, givenUp);
    return mine;
  });
  if (!stillHeld) {
    log.warn({ job: job.id, kind: job.kind }, 'outbox job lease was lost while it ran');
    return 'lost';
  }
  if (result.outcome === 'done') return 'done';
  if (givenUp) {
    log.warn({ job: job.id, kind: job.kind, attempts: job.attempts, error }, 'outbox job failed');
    return 'failed';
  }
  log.info({ job: job.id, kind: job.kind, attempts: job.attempts, error }, 'outbox job will be retried');
  return 'retried';
}

/**
 * Runs every job that is due now, batch after batch, until none is left (or `signal` aborts). Jobs that fail
 * are rescheduled into the future and so are not run again by this call. Safe to call from several processes
 * (or, on PostgreSQL, several times in one process) at once.
 */
export async function drainOutbox(db: Db, deps: OutboxDeps): Promise<DrainResult> {
  const log = deps.log ?? silent;
  const total: DrainResult = { claimed: 0, done: 0, retried: 0, failed: 0 };
  const [{ now: cutoff } = { now: '' }] = await queryRows<{ now: string }>(
    db,
    sql`SELECT now()::text AS now`,
  );
  const leaseMs = deps.leaseSeconds * 1000;
  while (!deps.signal?.aborted) {
    const jobs = await claimJobs(db, deps, cutoff, deps.batchSize ?? 10);
    if (!jobs.length) break;
    total.claimed += jobs.length;
    const running = new Set(jobs.map((j) => j.id));
    const heartbeat = setInterval(
      () => {
        renewLeases(db, deps, [...running]).catch((err) => log.warn({ err }, 'could not renew leases'));
      },
      Math.max(200, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref();
    try {
      const settled = await Promise.all(
        jobs.map((job) =>
          runJob(db, deps, job)
            .catch((err): Settled => {
              // Settling failed (the database went away): the lease runs out and the job is run again.
              log.error({ err, job: job.id }, 'outbox job could not be settled');
              return 'lost';
            })
            .then((s) => {
              const known = (deps.definitions ?? jobDefinitions).has(job.kind);
              workMetrics.jobs.inc({ kind: known ? job.kind : 'unknown', outcome: s });
              return s;
            })
            .finally(() => running.delete(job.id)),
        ),
      );
      for (const s of settled) if (s !== 'lost') total[s]++;
    } finally {
      clearInterval(heartbeat);
    }
  }
  return total;
}

/**
 * The worker's outbox loop: drains every `OUTBOX_POLL_MS`, one drain at a time. Returns a stop function that
 * stops claiming and waits for the jobs in hand.
 */
export function startOutboxLoop(
  db: Db,
  log: FastifyBaseLogger,
  config: Config,
  handlers: JobHandlers = outboxHandlers(config),
) {
  const controller = new AbortController();
  const deps: OutboxDeps = { ...outboxDeps(config, log, handlers), signal: controller.signal };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | null = null;
  const tick = () => {
    running = drainOutbox(db, deps)
      .then((r) => {
        if (r.claimed) log.debug(r, 'outbox drained');
      })
      .catch((err) => log.error({ err }, 'outbox drain failed'))
      .finally(() => {
        running = null;
        if (!controller.signal.aborted) {
          // Not unref'd: in a worker-only process this loop is what keeps it running.
          timer = setTimeout(tick, config.outboxPollMs);
        }
      });
  };
  tick();
  log.info(
    { workerId: config.workerId, email: config.smtpUrl ? 'smtp' : 'dev mailbox' },
    'outbox worker started',
  );
  return async () => {
    controller.abort();
    clearTimeout(timer);
    await running;
  };
}
