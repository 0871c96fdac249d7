import {
  idParamsSchema,
  letterQuerySchema,
  letterSchema,
  letterSentSchema,
  listOf,
  mailboxQuerySchema,
  notificationDetailSchema,
  notificationQuerySchema,
  notificationRetrySchema,
  notificationSchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDocConfig } from '../../plugins/docs.ts';
import { problemResponses } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { presentLetter, presentNotification, presentNotificationDetail } from './notifications.presenter.ts';
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

const letterTags = ['letters'];

/** Letters (channel post) for people without an email address: the post queue, the PDF, "sent by post". */
export const lettersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: letterTags,
        summary:
          'The post queue: letters to print and post (state to_send, oldest first), or those sent by post (state sent). For those who work cases.',
        querystring: letterQuerySchema,
        response: { 200: listOf(letterSchema), ...problems },
      },
    },
    async (request) => ({
      items: (await service.listLetters(app.db, ctxOf(request), request.query)).map(presentLetter),
    }),
  );

  app.get(
    '/:id.pdf',
    {
      config: { download: 'application/pdf' } satisfies RouteDocConfig,
      schema: {
        tags: letterTags,
        summary:
          'The letter as a printable PDF (A4, address in the window of a standard envelope), in the person’s language.',
        params: idParamsSchema,
        response: { 200: z.unknown(), ...problems },
      },
    },
    async (request, reply) => {
      const { pdf, reference } = await service.letterPdf(app.db, ctxOf(request), request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="brief-${reference.replace(/[^A-Za-z0-9-]/g, '')}.pdf"`,
        )
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.post(
    '/:id/sent',
    {
      schema: {
        tags: letterTags,
        summary:
          'Mark a letter as sent by post: records who and when (audited). Marking it again changes nothing.',
        params: idParamsSchema,
        body: letterSentSchema,
        response: { 200: letterSchema, ...problems },
      },
    },
    async (request) => presentLetter(await service.markLetterSent(app.db, ctxOf(request), request.params.id)),
  );
};
