import { excellenceOverviewSchema } from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import * as service from './excellence.service.ts';

export const excellenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/overview',
    {
      schema: {
        tags: ['excellence'],
        summary:
          'The excellence overview for management: objectives on and off target in the last complete month, open improvements by age and element, effects achieved this year.',
        response: { 200: excellenceOverviewSchema, ...problems },
      },
    },
    async (request) => service.overview(app.db, ctxOf(request)),
  );
};
