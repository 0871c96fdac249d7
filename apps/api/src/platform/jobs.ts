import type { Db } from '@voordeur/db';
import type { Ctx } from './actor.ts';
import { systemActor } from './actor.ts';
import type { JobKind } from './outbox.ts';

/**
 * The contract between the outbox worker (`worker/outbox.ts`) and the modules that own a kind of job
 * (ADR 0002, 0005). A handler does its work outside any transaction (it may wait on the network) and
 * answers with what happened; the worker then settles the job and lets the handler write its own rows in
 * that same transaction, so "the job is done" and "the notification is sent" commit together.
 */
export interface ClaimedJob {
  id: string;
  organisationId: string;
  kind: JobKind;
  payload: unknown;
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

export interface JobHandler {
  run(db: Db, job: ClaimedJob): Promise<JobResult>;
  /**
   * Marks the handler's row as failed when the job is given up without running: it was claimed more often
   * than it may be attempted, because the workers that claimed it died before settling it.
   */
  abandon(tx: Db, job: ClaimedJob, error: string): Promise<void>;
}

export type JobHandlers = Record<JobKind, JobHandler>;

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
