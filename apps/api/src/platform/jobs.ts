import type { Db } from '@voordeur/db';
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { Config } from '../config.ts';
import type { Ctx } from './actor.ts';
import { systemActor } from './actor.ts';
import type { JobInput } from './outbox.ts';

/**
 * The shapes of background work (ADR 0002, 0005 and "Modules register their own background work"). A module
 * that has background work defines it here-shaped and exports it from its `index.ts` as a {@link ModuleWork};
 * the worker (`worker/registry.ts`) lists those modules and builds its job handlers and task schedules from
 * them. Two kinds of work:
 *
 * - a **job** ({@link JobDefinition}): one piece of work written to the outbox in the transaction of the change
 *   that caused it, claimed by a worker, run outside any transaction, retried with backoff;
 * - a **periodic task** ({@link PeriodicTask}): idempotent housekeeping that runs every so often, at most one
 *   worker at a time (a lease row per task).
 */

/** What a worker's log accepts. */
export type WorkLog = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error' | 'debug'>;

/**
 * A claimed job as its handler sees it: the payload has been parsed with the kind's schema (a job whose payload
 * does not parse never reaches its handler: it fails permanently).
 */
export interface ClaimedJob<P = unknown> {
  id: string;
  organisationId: string;
  kind: string;
  payload: P;
  /** Attempts including this one (the claim counts it). */
  attempts: number;
  maxAttempts: number;
}

export interface JobResult {
  /**
   * done: finished (delivered, or nothing left to do); retry: a transient failure, try again later;
   * failed: a permanent failure, never retry.
   */
  outcome: 'done' | 'retry' | 'failed';
  /** What went wrong (kept on the job and, by the handler, on its own row). */
  error?: string;
  /**
   * Writes the handler's own rows in the transaction that settles the job. `givenUp` is true when the job
   * will not run again (a permanent failure, or a transient one on the last attempt). Not called for a
   * failure when the worker lost its lease meanwhile (the job belongs to another worker then).
   */
  settle?: (tx: Db, givenUp: boolean) => Promise<void>;
}

/**
 * The contract between the outbox worker (`worker/outbox.ts`) and the module that owns a kind of job. A
 * handler does its work outside any transaction (it may wait on the network) and answers with what happened;
 * the worker then settles the job and lets the handler write its own rows in that same transaction, so "the job
 * is done" and "the notification is sent" commit together.
 */
export interface JobHandler<P = unknown> {
  run(db: Db, job: ClaimedJob<P>): Promise<JobResult>;
  /**
   * Marks the handler's row as failed when the job is given up without running: it was claimed more often
   * than it may be attempted, because the workers that claimed it died before settling it.
   */
  abandon(tx: Db, job: ClaimedJob<P>, error: string): Promise<void>;
}

export interface RetryPolicy {
  /** Attempts before the job is given up; written on the job (`max_attempts`) when it is queued. */
  maxAttempts: number;
  /**
   * The first retry waits about this long, every further one twice as long, up to an hour (with jitter).
   * `OUTBOX_RETRY_BASE_MS`, when set, overrides it for every kind.
   */
  backoffBaseMs: number;
}

/** What a handler may be built from: the worker's configuration (e.g. the SMTP server). */
export interface JobEnv {
  config: Config;
}

/** A job payload: a small JSON object, mostly the id of the row the job is about. */
export type PayloadSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

/** One kind of job: its name, its payload's schema, its retry policy and how to build its handler. */
export interface JobDefinition<K extends string = string, S extends PayloadSchema = PayloadSchema> {
  /** Unique over all modules; stored on the job (`outbox_job.kind`) and a metrics label. */
  readonly kind: K;
  /** Checked when a job is claimed; a payload that does not parse fails the job permanently. */
  readonly payload: S;
  readonly retry: RetryPolicy;
  createHandler(env: JobEnv): JobHandler<z.output<S>>;
  /** A job of this kind, to write with `enqueueJobs`/`jobsWrite` (the payload's type checked here). */
  of(organisationId: string, payload: z.input<S>, options?: { runAt?: Date }): JobInput;
}

/** Defines a kind of job (the kind keeps its literal type, so the worker's `JobKind` is derived from these). */
export function defineJob<const K extends string, S extends PayloadSchema>(spec: {
  kind: K;
  payload: S;
  retry: RetryPolicy;
  createHandler(env: JobEnv): JobHandler<z.output<S>>;
}): JobDefinition<K, S> {
  return {
    ...spec,
    of(organisationId, payload, options) {
      return {
        organisationId,
        kind: spec.kind,
        payload,
        maxAttempts: spec.retry.maxAttempts,
        ...(options?.runAt ? { runAt: options.runAt } : {}),
      };
    },
  };
}

/** A few counts that say what a task round did (logged when any is not zero); never personal data. */
export type TaskSummary = Record<string, number>;

/**
 * Idempotent housekeeping that runs on its own schedule. Each task runs independently of the others (one that
 * fails is logged and counted; the others still run), and at most one worker runs a task at a time.
 */
export interface PeriodicTask {
  /** Unique over all modules, `module.what`: the key of its lease row and its metrics label. */
  readonly name: string;
  /** How often it runs. `WORKER_INTERVAL_SECONDS`, when set, overrides it for every task. */
  readonly intervalSeconds: number;
  run(db: Db, log: WorkLog): Promise<TaskSummary>;
}

/** The background work a module registers with the worker: exported from its `index.ts`. */
export interface ModuleWork {
  readonly jobs?: readonly JobDefinition<string, PayloadSchema>[];
  readonly tasks?: readonly PeriodicTask[];
}

/** The context of audit events the worker writes for a job. */
export function jobCtx(job: Pick<ClaimedJob, 'id' | 'organisationId'>): Ctx {
  return { actor: systemActor(job.organisationId, 'Voordeur (worker)'), requestId: `job-${job.id}` };
}

/** A short, single-line error text for logs and `last_error` columns. */
export function errorText(error: unknown, max = 500): string {
  const e = error as { message?: unknown; code?: unknown; cause?: { message?: unknown; code?: unknown } };
  let text = typeof e?.message === 'string' ? e.message : String(error);
  const cause = e?.cause;
  if (cause && typeof cause.message === 'string' && !text.includes(cause.message)) {
    text = `${text}: ${cause.message}`;
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
