import { type Db, outboxJob } from '@voordeur/db';

/**
 * One outbox job to write. Made by a job definition's `of` (`platform/jobs.ts`), which fills in the kind and its
 * retry policy and checks the payload's type; the worker checks the kind against its registry and the payload
 * against the definition's schema when it claims the job.
 */
export interface JobInput {
  organisationId: string;
  kind: string;
  payload: Record<string, unknown>;
  runAt?: Date;
  /** Attempts before the job is given up (the definition's retry policy; the column's default otherwise). */
  maxAttempts?: number;
}

/**
 * Writes background work into the outbox (ADR 0002), in the caller's transaction: the job exists exactly when
 * the change that caused it commits. Workers claim it later (`worker/outbox.ts`).
 */
export async function enqueueJobs(tx: Db, jobs: JobInput[]): Promise<void> {
  await jobsWrite(tx, jobs);
}

/** The insert of outbox jobs, not yet sent (null when there are none): for `writeTogether`. */
export function jobsWrite(tx: Db, jobs: JobInput[]) {
  if (!jobs.length) return null;
  return tx.insert(outboxJob).values(
    jobs.map((j) => ({
      organisationId: j.organisationId,
      kind: j.kind,
      payload: j.payload,
      ...(j.runAt ? { runAt: j.runAt } : {}),
      ...(j.maxAttempts ? { maxAttempts: j.maxAttempts } : {}),
    })),
  );
}
