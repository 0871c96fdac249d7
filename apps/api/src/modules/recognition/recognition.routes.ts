import { idParamsSchema, improvementSummarySchema, teamPageSchema, teamPagesSchema } from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import * as service from './recognition.service.ts';

/** The team page with its improvements (open, and done this year). */
const teamPageResponse = teamPageSchema
  .extend({ improvements: z.array(improvementSummarySchema) })
  .meta({ id: 'TeamPage' });

export const recognitionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['team pages'],
        summary:
          'The team pages you may open (your own teams; every team for readAllTeamPages) and your compliments.',
        response: { 200: teamPagesSchema, ...problems },
      },
    },
    async (request) => service.teamPages(app.db, ctxOf(request)),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['team pages'],
        summary:
          "A team's page: compliments, residents' comments (readSurveyResponses), figures of the last 90 days, its pulse result and its improvements.",
        params: idParamsSchema,
        response: { 200: teamPageResponse, ...problems },
      },
    },
    async (request) => service.teamPage(app.db, ctxOf(request), request.params.id),
  );
};
