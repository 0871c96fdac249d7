import {
  apiTokenCreatedSchema,
  apiTokenCreateSchema,
  apiTokenSchema,
  idParamsSchema,
  listOf,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { presentToken } from './tokens.presenter.ts';
import * as service from './tokens.service.ts';

export const tokensRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['auth'],
        summary: 'API tokens: all of the organisation for admins, your own otherwise.',
        response: { 200: listOf(apiTokenSchema), ...problems },
      },
    },
    async (request) => ({ items: (await service.listTokens(app.db, ctxOf(request))).map(presentToken) }),
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Create an API token for your organisation with one role (one you hold; admins: any). The secret is returned once; send it as "Authorization: Bearer <token>".',
        body: apiTokenCreateSchema,
        response: { 201: apiTokenCreatedSchema, ...problems },
      },
    },
    async (request, reply) => {
      const created = await service.createToken(app.db, ctxOf(request), request.body);
      return reply.status(201).send({ ...presentToken(created), token: created.token });
    },
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke a token (admins: any; others: their own).',
        params: idParamsSchema,
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (request, reply) => {
      await service.revokeToken(app.db, ctxOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
};
