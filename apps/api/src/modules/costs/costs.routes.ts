import { costToServeSchema, unitCostSchema, unitCostsUpdateSchema } from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withPeriodRules } from '../../platform/periods.ts';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { localDate } from '../calendar/index.ts';
import { presentUnitCosts } from './costs.presenter.ts';
import * as service from './costs.service.ts';

const day = z.iso.date();

export const costsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/unit-costs',
    {
      schema: {
        tags: ['costs'],
        summary:
          'The organisation’s estimate of one contact or case per channel, in euro cents (null: not set).',
        response: { 200: z.object({ items: z.array(unitCostSchema) }), ...problems },
      },
    },
    async (request) => ({ items: presentUnitCosts(await service.listUnitCosts(app.db, ctxOf(request))) }),
  );

  app.put(
    '/unit-costs',
    {
      schema: {
        tags: ['costs'],
        summary:
          'Set unit costs (admin, manager). Send each channel’s version as read (0 when not set); a stale one changes nothing (409).',
        body: unitCostsUpdateSchema,
        response: { 200: z.object({ items: z.array(unitCostSchema) }), ...problems },
      },
    },
    async (request) => ({
      items: presentUnitCosts(await service.setUnitCosts(app.db, ctxOf(request), request.body.items)),
    }),
  );

  app.get(
    '/cost-to-serve',
    {
      schema: {
        tags: ['costs'],
        summary:
          'Cost to serve per channel over a period (from, to inclusive): (contacts + cases opened) × unit cost, next to the channel’s satisfaction.',
        querystring: withPeriodRules(z.strictObject({ from: day, to: day }), () => localDate(new Date())),
        response: { 200: costToServeSchema, ...problems },
      },
    },
    async (request) => service.costToServe(app.db, ctxOf(request), request.query),
  );
};
