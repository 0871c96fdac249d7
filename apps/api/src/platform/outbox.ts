import { type Db, outboxJob } from '@voordeur/db';

export type JobKind = 'notification' | 'webhook';

export interface JobInput {
  organisationId: string;
  kind: JobKind;
  payload: Record<string, unknown>;
  runAt?: Date;
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
    })),
  );
}
