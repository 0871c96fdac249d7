import {
  type CatalogueItemDefinition,
  listOf,
  publicServiceSchema,
  slugParamsSchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../plugins/errors.ts';
import { publicProblemResponses } from '../../plugins/problem-types.ts';
import { organisationBySlug } from '../search/index.ts';
import { presentPublicService } from './catalogue.presenter.ts';
import * as q from './catalogue.queries.ts';

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
      const org = await organisationBySlug(app.db, request.params.slug);
      if (!org) throw errors.notFound('organisation');
      const rows = await q.listItems(app.db, org.id, { audience: 'external', state: 'published' });
      const items = rows
        .filter((r) => r.published?.id)
        .map((r) => presentPublicService(r.published!.definition as CatalogueItemDefinition))
        .sort((a, b) => a.name.nl.localeCompare(b.name.nl, 'nl'));
      return {
        organisation: { name: org.name, slug: org.slug },
        items,
      };
    },
  );
};
