import { listOf, publicServiceSchema, slugParamsSchema } from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicProblemResponses } from '../../plugins/problem-types.ts';
import { presentPublicService } from './catalogue.presenter.ts';
import * as service from './public.service.ts';

/** What anyone may see without signing in: the published external catalogue with its norms. */
export const publicCatalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/catalogue',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary:
          '"Wat kunt u van ons verwachten": every published service for residents and businesses, with its norm, cost and channels.',
        params: slugParamsSchema,
        response: {
          200: listOf(publicServiceSchema).extend({
            organisation: z.object({ name: z.string(), slug: z.string() }),
          }),
          ...publicProblemResponses,
        },
      },
    },
    async (request) => {
      const found = await service.publicCatalogue(app.db, request.params.slug);
      return {
        organisation: found.organisation,
        items: found.definitions
          .map((definition) => presentPublicService(definition))
          .sort((a, b) => a.name.nl.localeCompare(b.name.nl, 'nl')),
      };
    },
  );
};
