import { searchQuerySchema, searchResultSchema, slugParamsSchema } from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses as problems, publicProblemResponses } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { presentSearchResult } from './search.presenter.ts';
import * as service from './search.service.ts';

const usedBody = z.strictObject({ kind: z.enum(['item', 'article']), id: z.uuid() });

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search the catalogue and the knowledge base (staff: internal items and articles included).',
        querystring: searchQuerySchema,
        response: { 200: searchResultSchema, ...problems },
      },
    },
    async (request) => {
      const { actor } = ctxOf(request);
      return presentSearchResult(
        await service.search(app.db, actor.organisationId, 'staff', request.query, actor.userId),
      );
    },
  );

  app.post(
    '/api/search/:id/used',
    {
      schema: {
        tags: ['search'],
        summary:
          'Report that a result of this search answered the question (feeds ranking and the "not found" report).',
        params: z.strictObject({ id: z.uuid() }),
        body: usedBody,
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (request, reply) => {
      const { actor } = ctxOf(request);
      await service.recordUse(
        app.db,
        actor.organisationId,
        request.params.id,
        request.body.kind,
        request.body.id,
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/public/organisations/:slug/search',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'Search the public catalogue and public articles of an organisation.',
        params: slugParamsSchema,
        querystring: searchQuerySchema.pick({ q: true, kind: true, limit: true }),
        response: { 200: searchResultSchema, ...publicProblemResponses },
      },
    },
    async (request) =>
      presentSearchResult(await service.searchPublic(app.db, request.params.slug, request.query)),
  );
};
