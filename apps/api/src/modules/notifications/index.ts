import type { FastifyInstance } from 'fastify';
import './notifications.errors.ts';
import { lettersRoutes, mailboxRoutes, notificationsRoutes } from './notifications.routes.ts';

export { notificationJobHandler } from './notifications.deliver.ts';
export {
  type LetterContent,
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

export async function notificationsModule(app: FastifyInstance) {
  await app.register(notificationsRoutes, { prefix: '/api/notifications' });
  await app.register(mailboxRoutes, { prefix: '/api/mailbox' });
  await app.register(lettersRoutes, { prefix: '/api/letters' });
}
