import type { FastifyInstance } from 'fastify';
import type { ModuleWork } from '../../platform/jobs.ts';
import { webhookJob } from './webhooks.deliver.ts';
import './webhooks.errors.ts';
import { webhooksRoutes } from './webhooks.routes.ts';

export { WEBHOOK_CONTENT_TYPE, webhookJob, webhookJobHandler } from './webhooks.deliver.ts';
export {
  type ActiveSubscription,
  activeSubscriptions,
  CASE_EVENT_TYPES,
  type CaseEventInput,
  type CaseEventType,
  caseEventWrites,
  eventTypeName,
  publishCaseEvents,
  sequenceText,
} from './webhooks.publish.ts';
export { SUBSCRIBABLE_EVENT_TYPES, TEST_EVENT_TYPE } from './webhooks.service.ts';
export { generateWebhookSecret, signWebhook, verifyWebhook } from './webhooks.signing.ts';

/** The background work of webhooks (registered in `worker/registry.ts`). */
export const webhooksWork = { jobs: [webhookJob] } as const satisfies ModuleWork;

export async function webhooksModule(app: FastifyInstance) {
  await app.register(webhooksRoutes, { prefix: '/api/webhooks' });
}
