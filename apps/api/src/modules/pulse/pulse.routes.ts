import {
  actionBodySchema,
  idParamsSchema,
  listOf,
  pulseAnswerSchema,
  pulseCurrentSchema,
  pulseQuestionnaireSchema,
  pulseQuestionsSchema,
  pulseRoundCreateSchema,
  pulseRoundResultSchema,
  pulseRoundSchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import * as service from './pulse.service.ts';

export const pulseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/current',
    {
      schema: {
        tags: ['pulse'],
        summary: 'The pulse round open today, whether you answered it, and the teams you may answer for.',
        response: { 200: pulseCurrentSchema, ...problems },
      },
    },
    async (request) => service.current(app.db, ctxOf(request)),
  );

  app.post(
    '/rounds/:id/answers',
    {
      schema: {
        tags: ['pulse'],
        summary:
          'Answer a pulse round, once. Stored without your name, sealed until the round closes; results only for groups of at least five.',
        params: idParamsSchema,
        body: pulseAnswerSchema,
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (request, reply) => {
      await service.answer(app.db, ctxOf(request), request.params.id, request.body);
      return reply.status(204).send();
    },
  );

  app.get(
    '/results',
    {
      schema: {
        tags: ['pulse'],
        summary:
          'The last rounds and their results: only groups of at least the minimum, never a smaller difference.',
        response: { 200: listOf(pulseRoundResultSchema), ...problems },
      },
    },
    async (request) => ({ items: await service.results(app.db, ctxOf(request)) }),
  );

  app.get(
    '/questions',
    {
      schema: {
        tags: ['pulse'],
        summary: 'The current pulse statements (version 0: the defaults, not yet used).',
        response: { 200: pulseQuestionnaireSchema, ...problems },
      },
    },
    async (request) => service.getQuestions(app.db, ctxOf(request)),
  );

  app.put(
    '/questions',
    {
      schema: {
        tags: ['pulse'],
        summary: 'New pulse statements: a new version, used by rounds made from now on.',
        body: pulseQuestionsSchema,
        response: { 200: pulseQuestionnaireSchema, ...problems },
      },
    },
    async (request) => service.setQuestions(app.db, ctxOf(request), request.body),
  );

  app.post(
    '/rounds',
    {
      schema: {
        tags: ['pulse'],
        summary: 'Open a pulse round for a week or a month.',
        body: pulseRoundCreateSchema,
        response: { 201: pulseRoundSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createRound(app.db, ctxOf(request), request.body)),
  );

  app.post(
    '/rounds/:id/close',
    {
      schema: {
        tags: ['pulse'],
        summary: 'Close a round now (otherwise it closes the day after its last day).',
        params: idParamsSchema,
        body: actionBodySchema,
        response: { 200: pulseRoundSchema, ...problems },
      },
    },
    async (request) => service.closeRoundByHand(app.db, ctxOf(request), request.params.id),
  );
};
