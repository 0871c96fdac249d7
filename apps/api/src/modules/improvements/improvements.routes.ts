import {
  idParamsSchema,
  improvementCreateSchema,
  improvementDetailSchema,
  improvementEffectSchema,
  improvementListQuerySchema,
  improvementMoveSchema,
  improvementOwnerSchema,
  improvementPublicationSchema,
  improvementSummarySchema,
  improvementUpdateSchema,
  listOf,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import * as service from './improvements.service.ts';

const tags = ['improvements'];
const who =
  ' Every employee reads improvements (readImprovements); team leads, managers, quality and admins steer them (manageImprovements).';

/** Improvement proposals, their PDCA cycle, the measured effect and what the public page says. */
export const improvementsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: `Improvements, newest first, filtered by team, element, origin, status or age (open ones only).${who}`,
        querystring: improvementListQuerySchema,
        response: { 200: listOf(improvementSummarySchema), ...problems },
      },
    },
    async (request) => ({ items: await service.list(app.db, ctxOf(request), request.query) }),
  );

  app.get(
    '/owners',
    {
      schema: {
        tags,
        summary: 'The active users who may own an improvement (for the owner field).',
        response: { 200: listOf(improvementOwnerSchema), ...problems },
      },
    },
    async (request) => ({ items: await service.owners(app.db, ctxOf(request)) }),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary:
          'Propose an improvement (status plan): problem, expected effect, owner (an active user: else 400 naming ownerId), the KPIs it should move.',
        body: improvementCreateSchema,
        response: { 201: improvementDetailSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(app.db, ctxOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'One improvement with its KPIs, dates of each move and the moves allowed from here.',
        params: idParamsSchema,
        response: { 200: improvementDetailSchema, ...problems },
      },
    },
    async (request) => service.get(app.db, ctxOf(request), request.params.id),
  );

  app.put(
    '/:id',
    {
      schema: {
        tags,
        summary:
          'Change an open improvement (words, owner, KPIs). Send the version you read; a stale version gets 409.',
        params: idParamsSchema,
        body: improvementUpdateSchema,
        response: { 200: improvementDetailSchema, ...problems },
      },
    },
    async (request) => service.update(app.db, ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/status',
    {
      schema: {
        tags,
        summary:
          'One PDCA move: plan → do → check → act → done (a quick win plan → done; check → do for another round), any open one → stopped with a reason. At done the effect is measured and kept.',
        params: idParamsSchema,
        body: improvementMoveSchema,
        response: { 200: improvementDetailSchema, ...problems },
      },
    },
    async (request) => service.move(app.db, ctxOf(request), request.params.id, request.body),
  );

  app.get(
    '/:id/effect',
    {
      schema: {
        tags,
        summary:
          'The effect on each KPI: the weeks before "do" began against as many weeks after, with the test in plain words. Once done: what was measured then.',
        params: idParamsSchema,
        response: { 200: improvementEffectSchema, ...problems },
      },
    },
    async (request) => service.effect(app.db, ctxOf(request), request.params.id),
  );

  app.put(
    '/:id/publication',
    {
      schema: {
        tags,
        summary:
          'What the public page "Hoe goed helpen wij u?" says about a done improvement, and whether it is shown there.',
        params: idParamsSchema,
        body: improvementPublicationSchema,
        response: { 200: improvementDetailSchema, ...problems },
      },
    },
    async (request) => service.setPublication(app.db, ctxOf(request), request.params.id, request.body),
  );
};
