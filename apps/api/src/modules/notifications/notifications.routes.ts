import {
  idParamsSchema,
  listOf,
  mailboxQuerySchema,
  notificationDetailSchema,
  notificationQuerySchema,
  notificationRetrySchema,
  notificationSchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { presentNotification, presentNotificationDetail } from './notifications.presenter.ts';
import * as service from './notifications.service.ts';

const problems = problemResponses;
const tags = ['notifications'];

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary:
          'The delivery log: notifications of your organisation (optionally of one case), newest first, with their delivery state.',
        querystring: notificationQuerySchema,
        response: { 200: listOf(notificationSchema), ...problems },
      },
    },
    async (request) => ({
      items: (await service.listNotifications(app.db, ctxOf(request), request.query)).map(
        presentNotification,
      ),
    }),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'One notification, with its text.',
        params: idParamsSchema,
        response: { 200: notificationDetailSchema, ...problems },
      },
    },
    async (request) =>
      presentNotificationDetail(await service.getNotification(app.db, ctxOf(request), request.params.id)),
  );

  app.post(
    '/:id/retry',
    {
      schema: {
        tags,
        summary:
          'Send a failed or bounced notification again (team lead, admin). It is queued with the same Message-ID.',
        params: idParamsSchema,
        body: notificationRetrySchema,
        response: { 200: notificationDetailSchema, ...problems },
      },
    },
    async (request) =>
      presentNotificationDetail(
        await service.retryNotification(app.db, ctxOf(request), request.params.id, request.body.note),
      ),
  );
};

export const mailboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary:
          'The dev mailbox (admin): without SMTP_URL no email leaves Voordeur; these are the latest ones kept instead. 404 when a mail server is configured.',
        querystring: mailboxQuerySchema,
        response: { 200: listOf(notificationDetailSchema), ...problems },
      },
    },
    async (request) => ({
      items: (
        await service.mailbox(app.db, ctxOf(request), Boolean(app.config.smtpUrl), request.query.limit)
      ).map(presentNotificationDetail),
    }),
  );
};
