import {
  idParamsSchema,
  listOf,
  webhookCreatedSchema,
  webhookCreateSchema,
  webhookDeliveryParamsSchema,
  webhookDeliveryQuerySchema,
  webhookDeliverySchema,
  webhookRetrySchema,
  webhookSchema,
  webhookTestSchema,
  webhookUpdateSchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { presentDelivery, presentWebhook } from './webhooks.presenter.ts';
import * as service from './webhooks.service.ts';

const problems = problemResponses;
const tags = ['webhooks'];
const types = `Event types: ${service.SUBSCRIBABLE_EVENT_TYPES.join(', ')} (none: all).`;

export const webhooksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Webhook subscriptions of your organisation (admin).',
        response: { 200: listOf(webhookSchema), ...problems },
      },
    },
    async (request) => ({
      items: (await service.listWebhooks(app.db, ctxOf(request))).map(presentWebhook),
    }),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: `Subscribe a system to case events as CloudEvents (admin). The signing secret is returned once. ${types}`,
        body: webhookCreateSchema,
        response: { 201: webhookCreatedSchema, ...problems },
      },
    },
    async (request, reply) => {
      const created = await service.createWebhook(app.db, ctxOf(request), request.body);
      return reply.status(201).send({ ...presentWebhook(created), secret: created.secret });
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'One webhook subscription (admin); without its secret.',
        params: idParamsSchema,
        response: { 200: webhookSchema, ...problems },
      },
    },
    async (request) => presentWebhook(await service.getWebhook(app.db, ctxOf(request), request.params.id)),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: `Change a webhook (admin). Send the version you read; a stale version gets 409. ${types}`,
        params: idParamsSchema,
        body: webhookUpdateSchema,
        response: { 200: webhookSchema, ...problems },
      },
    },
    async (request) =>
      presentWebhook(await service.updateWebhook(app.db, ctxOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a webhook and its delivery log (admin).',
        params: idParamsSchema,
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (request, reply) => {
      await service.deleteWebhook(app.db, ctxOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'The delivery log of a webhook, newest first (admin).',
        params: idParamsSchema,
        querystring: webhookDeliveryQuerySchema,
        response: { 200: listOf(webhookDeliverySchema), ...problems },
      },
    },
    async (request) => ({
      items: (await service.listDeliveries(app.db, ctxOf(request), request.params.id, request.query)).map(
        presentDelivery,
      ),
    }),
  );

  app.post(
    '/:id/test',
    {
      schema: {
        tags,
        summary: `Queue a ${service.TEST_EVENT_TYPE} event to this webhook (admin); follow it in the delivery log.`,
        params: idParamsSchema,
        body: webhookTestSchema,
        response: { 202: webhookDeliverySchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(presentDelivery(await service.testWebhook(app.db, ctxOf(request), request.params.id))),
  );

  app.post(
    '/:id/deliveries/:deliveryId/retry',
    {
      schema: {
        tags,
        summary:
          'Send a failed delivery again (admin): queued for a new round of attempts, with the same webhook-id.',
        params: webhookDeliveryParamsSchema,
        body: webhookRetrySchema,
        response: { 202: webhookDeliverySchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          presentDelivery(
            await service.retryDelivery(app.db, ctxOf(request), request.params.id, request.params.deliveryId),
          ),
        ),
  );
};
