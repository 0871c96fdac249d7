import {
  breachesResponseSchema,
  driversResponseSchema,
  equalityQuerySchema,
  equalityResponseSchema,
  metricFilterSchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import * as service from './analysis.service.ts';

export const analysisRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/drivers',
    {
      schema: {
        tags: ['analysis'],
        summary:
          'How the survey grade relates to resolution time, first-contact resolution, norm breach, channel, repeat contact and reopening: grade per band, correlation, regression with the 95 % interval of the slope. Nothing is shown on fewer than 30 answers.',
        querystring: metricFilterSchema,
        response: { 200: driversResponseSchema, ...problems },
      },
    },
    async (request) => service.drivers(app.db, ctxOf(request), request.query),
  );

  app.get(
    '/breaches',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Why cases missed their norm: reasons ranked with count and share, and per month.',
        querystring: metricFilterSchema,
        response: { 200: breachesResponseSchema, ...problems },
      },
    },
    async (request) => service.breaches(app.db, ctxOf(request), request.query),
  );

  app.get(
    '/equality',
    {
      schema: {
        tags: ['analysis'],
        summary:
          'Equal treatment: a measure per group (area, kind of customer, language, channel, age band, segment), each group against the rest with a significance test (Holm–Bonferroni corrected). Groups under 10 are left out.',
        querystring: equalityQuerySchema,
        response: { 200: equalityResponseSchema, ...problems },
      },
    },
    async (request) => service.equality(app.db, ctxOf(request), request.query),
  );
};
