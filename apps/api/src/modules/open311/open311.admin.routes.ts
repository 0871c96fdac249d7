import {
  idParamsSchema,
  listOf,
  open311ClientCreatedSchema,
  open311ClientCreateSchema,
  open311ClientSchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { presentClient } from './open311.presenter.ts';
import * as service from './open311.service.ts';

/** Administrators let Open311 client apps in: an API key per app, shown once, revocable. */
export const open311AdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['open311'],
        summary: 'The Open311 client apps of the organisation, with when each key was last used.',
        response: { 200: listOf(open311ClientSchema), ...problems },
      },
    },
    async (request) => ({ items: (await service.listClients(app.db, ctxOf(request))).map(presentClient) }),
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['open311'],
        summary:
          'Let an Open311 client app in: its API key (the GeoReport api_key) is returned once and stored only hashed.',
        body: open311ClientCreateSchema,
        response: { 201: open311ClientCreatedSchema, ...problems },
      },
    },
    async (request, reply) => {
      const created = await service.createClient(app.db, ctxOf(request), request.body);
      return reply.status(201).send({ ...presentClient(created), apiKey: created.apiKey });
    },
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags: ['open311'],
        summary: 'Revoke a client app’s API key: its next service request is refused (403).',
        params: idParamsSchema,
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (request, reply) => {
      await service.revokeClient(app.db, ctxOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
};
