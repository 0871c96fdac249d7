/**
 * The outbox job of a webhook delivery (ADR 0005): POSTs the stored CloudEvent in structured mode, signed the
 * Standard Webhooks way, and records how it went. 2xx is delivered; anything else is retried with backoff.
 */
import { CloudEvent } from 'cloudevents';
import { z } from 'zod';
import { defineJob, errorText, type JobHandler, type JobResult } from '../../platform/jobs.ts';
import { decryptIdentifier } from '../../platform/personal-data.ts';
import * as q from './webhooks.queries.ts';
import { signWebhook } from './webhooks.signing.ts';

const payloadSchema = z.object({ deliveryId: z.uuid() });
type Payload = z.output<typeof payloadSchema>;

export const WEBHOOK_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';
export const WEBHOOK_TIMEOUT_MS = 10_000;

export function webhookJobHandler(options: { timeoutMs?: number } = {}): JobHandler<Payload> {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return {
    async run(db, job) {
      const org = job.organisationId;
      const id = job.payload.deliveryId;
      const delivery = await q.findDelivery(db, org, id);
      // Gone with its subscription, or settled already (a repeated job): nothing to do.
      if (delivery?.status !== 'queued') return { outcome: 'done' };
      const sub = await q.findSubscriptionForDelivery(db, org, delivery.subscriptionId);
      if (!sub) return { outcome: 'done' };
      const fail = (error: string): JobResult => ({
        outcome: 'failed',
        error,
        settle: async (tx) => {
          await q.recordAttempt(tx, org, id, {
            status: 'failed',
            responseStatus: null,
            lastError: error,
            counts: false,
          });
        },
      });
      if (!sub.active) return fail('the webhook is inactive');
      try {
        new CloudEvent(delivery.event as Record<string, unknown>, true);
      } catch (error) {
        return fail(`not a valid CloudEvent: ${errorText(error)}`);
      }

      const body = JSON.stringify(delivery.event);
      const timestamp = Math.floor(Date.now() / 1000);
      const secret = decryptIdentifier(Buffer.from(sub.secretEncrypted));
      let status: number | null = null;
      let error: string | null = null;
      try {
        const res = await fetch(sub.url, {
          method: 'POST',
          headers: {
            'content-type': WEBHOOK_CONTENT_TYPE,
            'user-agent': 'Voordeur-Webhooks/1',
            'webhook-id': delivery.id,
            'webhook-timestamp': String(timestamp),
            'webhook-signature': signWebhook(secret, delivery.id, timestamp, body),
          },
          body,
          // A redirect is an answer, not a delivery: following it could send case data somewhere unchecked.
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = res.status;
        await res.body?.cancel().catch(() => {});
        if (status < 200 || status > 299) error = `HTTP ${status}`;
      } catch (e) {
        error =
          (e as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : errorText(e);
      }

      if (error === null) {
        return {
          outcome: 'done',
          settle: async (tx) => {
            await q.recordAttempt(tx, org, id, {
              status: 'delivered',
              responseStatus: status,
              lastError: null,
            });
          },
        };
      }
      const lastError = error;
      return {
        outcome: 'retry',
        error: lastError,
        settle: async (tx, givenUp) => {
          await q.recordAttempt(tx, org, id, {
            status: givenUp ? 'failed' : 'queued',
            responseStatus: status,
            lastError,
          });
        },
      };
    },

    async abandon(tx, job, error) {
      await q.recordAttempt(tx, job.organisationId, job.payload.deliveryId, {
        status: 'failed',
        responseStatus: null,
        lastError: error,
        counts: false,
      });
    },
  };
}

/** The job of a webhook delivery: one per CloudEvent per subscription (and per test event or retry). */
export const webhookJob = defineJob({
  kind: 'webhook',
  payload: payloadSchema,
  retry: { maxAttempts: 12, backoffBaseMs: 10_000 },
  createHandler: () => webhookJobHandler(),
});
