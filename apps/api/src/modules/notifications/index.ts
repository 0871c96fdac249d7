import type { FastifyInstance } from 'fastify';
import type { ModuleWork } from '../../platform/jobs.ts';
import { notificationJob } from './notifications.deliver.ts';
import './notifications.errors.ts';
import { lettersRoutes, mailboxRoutes, notificationsRoutes } from './notifications.routes.ts';

export { notificationJob, notificationJobHandler } from './notifications.deliver.ts';
export type { LetterContent } from './notifications.letter.ts';
export { replaceBodies as replaceNotificationBodies } from './notifications.queries.ts';
export {
  type NotificationInput,
  notificationWrites,
  queueNotifications,
} from './notifications.queue.ts';
export {
  devMailbox,
  type NotificationTransports,
  noSmsProvider,
  notificationTransports,
  type OutgoingNotification,
  type SendResult,
  smtpTransport,
  type Transport,
} from './notifications.transport.ts';

/** The background work of notifications (registered in `worker/registry.ts`). */
export const notificationsWork = { jobs: [notificationJob] } as const satisfies ModuleWork;

export async function notificationsModule(app: FastifyInstance) {
  await app.register(notificationsRoutes, { prefix: '/api/notifications' });
  await app.register(mailboxRoutes, { prefix: '/api/mailbox' });
  await app.register(lettersRoutes, { prefix: '/api/letters' });
}
