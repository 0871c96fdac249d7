/**
 * The outbox job of a notification (ADR 0005): re-reads the row, skips it unless it is still queued (so a
 * repeated job sends nothing), sends it outside any transaction, and records the outcome in the transaction
 * that settles the job.
 */
import type { Db } from '@voordeur/db';
import type { AuditAction } from '@voordeur/shared';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit.ts';
import { type ClaimedJob, defineJob, type JobHandler, type JobResult, jobCtx } from '../../platform/jobs.ts';
import * as q from './notifications.queries.ts';
import {
  type NotificationTransports,
  notificationTransports,
  type SendResult,
} from './notifications.transport.ts';

const payloadSchema = z.object({ notificationId: z.uuid() });
type Payload = z.output<typeof payloadSchema>;

async function audit(
  tx: Db,
  job: ClaimedJob<Payload>,
  id: string,
  action: AuditAction,
  after: Record<string, unknown>,
) {
  await recordAudit(tx, jobCtx(job), {
    entityType: 'notification',
    entityId: id,
    action,
    before: { status: 'queued' },
    after,
  });
}

function settleFor(job: ClaimedJob<Payload>, id: string, result: SendResult): JobResult {
  const org = job.organisationId;
  if (result.accepted) {
    const action = result.via === 'mailbox' ? q.KEPT_IN_MAILBOX : 'sent';
    return {
      outcome: 'done',
      settle: async (tx) => {
        if (await q.recordAttempt(tx, org, id, { status: 'sent', lastError: null, sent: true }))
          await audit(tx, job, id, action, { status: 'sent', via: result.via });
      },
    };
  }
  if (result.permanent) {
    const status = result.bounced ? 'bounced' : 'failed';
    return {
      outcome: 'failed',
      error: result.error,
      settle: async (tx) => {
        if (await q.recordAttempt(tx, org, id, { status, lastError: result.error }))
          await audit(tx, job, id, status, { status, lastError: result.error });
      },
    };
  }
  return {
    outcome: 'retry',
    error: result.error,
    settle: async (tx, givenUp) => {
      const status = givenUp ? 'failed' : 'queued';
      if ((await q.recordAttempt(tx, org, id, { status, lastError: result.error })) && givenUp)
        await audit(tx, job, id, 'failed', { status, lastError: result.error });
    },
  };
}

export function notificationJobHandler(transports: NotificationTransports): JobHandler<Payload> {
  return {
    async run(db, job) {
      const id = job.payload.notificationId;
      const n = await q.findForDelivery(db, job.organisationId, id);
      // Gone, or already sent/failed/bounced (a repeated job, or a worker that died after settling): nothing
      // to do. This re-check is what keeps a job that runs twice from sending twice.
      if (n?.status !== 'queued') return { outcome: 'done' };
      // A letter is posted by people, not by the worker (it never gets a job; this guards against one anyway).
      if (n.channel === 'post') return { outcome: 'done' };
      const transport = n.channel === 'sms' ? transports.sms : transports.email;
      return settleFor(job, id, await transport.send(n));
    },

    async abandon(tx, job, error) {
      const id = job.payload.notificationId;
      if (
        await q.recordAttempt(tx, job.organisationId, id, {
          status: 'failed',
          lastError: error,
          counts: false,
        })
      )
        await audit(tx, job, id, 'failed', { status: 'failed', lastError: error });
    },
  };
}

/**
 * The job of a queued notification: one per email or text message (a letter has none). Twelve attempts with
 * backoff from 10 s (doubling, at most an hour) span a mail server that is down for a few hours.
 */
export const notificationJob = defineJob({
  kind: 'notification',
  payload: payloadSchema,
  retry: { maxAttempts: 12, backoffBaseMs: 10_000 },
  createHandler: ({ config }) => notificationJobHandler(notificationTransports(config)),
});
