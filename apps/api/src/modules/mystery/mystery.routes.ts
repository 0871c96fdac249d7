import {
  idParamsSchema,
  mysteryCheckCreateSchema,
  mysteryCheckSchema,
  mysteryPointCreateSchema,
  mysteryPointSchema,
  mysteryResultsQuerySchema,
  mysterySummaryRowSchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withPeriodRules } from '../../platform/periods.ts';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { localDate } from '../calendar/index.ts';
import { presentCheck, presentChecklist } from './mystery.presenter.ts';
import * as service from './mystery.service.ts';

export const mysteryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/checklist',
    {
      schema: {
        tags: ['mystery'],
        summary:
          'The checklist of test contacts: the standard points (every channel; channel null) and the organisation’s own per channel.',
        response: { 200: z.object({ items: z.array(mysteryPointSchema) }), ...problems },
      },
    },
    async (request) => ({ items: presentChecklist(await service.checklist(app.db, ctxOf(request))) }),
  );

  app.post(
    '/points',
    {
      schema: {
        tags: ['mystery'],
        summary: 'Add a point to a channel’s checklist (quality, manager, admin).',
        body: mysteryPointCreateSchema,
        response: { 201: mysteryPointSchema, ...problems },
      },
    },
    async (request, reply) => {
      const point = await service.addPoint(app.db, ctxOf(request), request.body);
      return reply.status(201).send(presentChecklist([point]).at(-1)!);
    },
  );

  app.delete(
    '/points/:id',
    {
      schema: {
        tags: ['mystery'],
        summary: 'Take a point off its checklist (results recorded with it keep it).',
        params: idParamsSchema,
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (request, reply) => {
      await service.retirePoint(app.db, ctxOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/checks',
    {
      schema: {
        tags: ['mystery'],
        summary:
          'Record a test contact (quality, manager, admin): every point of the channel’s checklist met, not_met or na.',
        body: mysteryCheckCreateSchema,
        response: { 201: mysteryCheckSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { check, itemName } = await service.recordCheck(app.db, ctxOf(request), request.body);
      return reply.status(201).send(presentCheck(check, itemName));
    },
  );

  app.get(
    '/results',
    {
      schema: {
        tags: ['mystery'],
        summary:
          'Test contacts of a period (newest 200) and per channel their score next to the measured KPIs of the same period.',
        querystring: withPeriodRules(mysteryResultsQuerySchema, () => localDate(new Date())),
        response: {
          200: z.object({ items: z.array(mysteryCheckSchema), summary: z.array(mysterySummaryRowSchema) }),
          ...problems,
        },
      },
    },
    async (request) => {
      const { checks, summary } = await service.results(app.db, ctxOf(request), request.query);
      return { items: checks.map((c) => presentCheck(c.check, c.itemName)), summary };
    },
  );
};
