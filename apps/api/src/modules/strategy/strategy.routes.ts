import {
  explanationWriteSchema,
  idParamsSchema,
  objectiveActionSchema,
  objectiveActionUpdateSchema,
  objectiveActionWriteSchema,
  objectiveSchema,
  objectiveTargetSchema,
  objectiveTargetWriteSchema,
  objectiveUpdateSchema,
  objectiveWriteSchema,
  reviewImprovementSchema,
  reviewQuerySchema,
  reviewSchema,
  targetExplanationSchema,
  visionResponseSchema,
  visionSchema,
  visionWriteSchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import * as service from './strategy.service.ts';

const tags = ['strategy'];

export const strategyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/vision',
    {
      schema: {
        tags,
        summary:
          'The service vision, mission and values: the current version and the earlier ones (every employee).',
        response: { 200: visionResponseSchema, ...problems },
      },
    },
    async (request) => service.vision(app.db, ctxOf(request)),
  );

  app.post(
    '/vision',
    {
      schema: {
        tags,
        summary:
          'Adopt a new version of the vision, mission and values (the earlier versions stay readable).',
        body: visionWriteSchema,
        response: { 201: visionSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.adoptVision(app.db, ctxOf(request), request.body)),
  );

  app.get(
    '/objectives',
    {
      schema: {
        tags,
        summary: 'Every objective with its KPI targets and actions (a tree through parentId).',
        response: { 200: z.object({ items: z.array(objectiveSchema) }), ...problems },
      },
    },
    async (request) => ({ items: await service.listObjectives(app.db, ctxOf(request)) }),
  );

  app.post(
    '/objectives',
    {
      schema: {
        tags,
        summary: 'Set an objective (422 naming the field for an unknown owner, team or parent).',
        body: objectiveWriteSchema,
        response: { 201: objectiveSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await service.createObjective(app.db, ctxOf(request), {
          ...request.body,
          description: request.body.description ?? '',
          teamId: request.body.teamId ?? null,
          parentId: request.body.parentId ?? null,
        }),
      ),
  );

  app.get(
    '/objectives/:id',
    {
      schema: {
        tags,
        summary: 'One objective with its KPI targets and actions.',
        params: idParamsSchema,
        response: { 200: objectiveSchema, ...problems },
      },
    },
    async (request) => service.getObjective(app.db, ctxOf(request), request.params.id),
  );

  app.patch(
    '/objectives/:id',
    {
      schema: {
        tags,
        summary:
          'Change an objective (optimistic locking; a parent that would make a circle is refused: 422 parentId).',
        params: idParamsSchema,
        body: objectiveUpdateSchema,
        response: { 200: objectiveSchema, ...problems },
      },
    },
    async (request) => service.updateObjective(app.db, ctxOf(request), request.params.id, request.body),
  );

  app.delete(
    '/objectives/:id',
    {
      schema: {
        tags,
        summary: 'Delete an objective with its targets and actions (refused while objectives come under it).',
        params: idParamsSchema,
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (request, reply) => {
      await service.deleteObjective(app.db, ctxOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/objectives/:id/targets',
    {
      schema: {
        tags,
        summary:
          'Add a KPI target under an objective: a catalogue KPI, the value to reach, an optional filter.',
        params: idParamsSchema,
        body: objectiveTargetWriteSchema,
        response: { 201: objectiveTargetSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await service.addTarget(app.db, ctxOf(request), request.params.id, {
          ...request.body,
          filter: request.body.filter ?? {},
        }),
      ),
  );

  app.delete(
    '/objectives/:id/targets/:targetId',
    {
      schema: {
        tags,
        summary: 'Remove a KPI target from an objective.',
        params: z.strictObject({ id: z.uuid(), targetId: z.uuid() }),
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (request, reply) => {
      await service.removeTarget(app.db, ctxOf(request), request.params.id, request.params.targetId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/objectives/:id/actions',
    {
      schema: {
        tags,
        summary: 'Add an action under an objective: what, who, by when.',
        params: idParamsSchema,
        body: objectiveActionWriteSchema,
        response: { 201: objectiveActionSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.addAction(app.db, ctxOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/actions/:id',
    {
      schema: {
        tags,
        summary: 'Change an action or its status (open, done, cancelled); optimistic locking.',
        params: idParamsSchema,
        body: objectiveActionUpdateSchema,
        response: { 200: objectiveActionSchema, ...problems },
      },
    },
    async (request) => service.updateAction(app.db, ctxOf(request), request.params.id, request.body),
  );

  app.get(
    '/review',
    {
      schema: {
        tags,
        summary:
          'The periodic review of a month (2026-11) or quarter (2026-Q4; default the last complete month): every target with its actual value, met or missed, and the explanation of a miss.',
        querystring: reviewQuerySchema,
        response: { 200: reviewSchema, ...problems },
      },
    },
    async (request) => service.review(app.db, ctxOf(request), request.query.period),
  );

  app.put(
    '/review/explanations',
    {
      schema: {
        tags,
        summary:
          'Explain why a target was missed in a period (replaces an earlier explanation); a team lead for their own teams’ objectives.',
        body: explanationWriteSchema,
        response: { 200: targetExplanationSchema, ...problems },
      },
    },
    async (request) => service.explain(app.db, ctxOf(request), request.body),
  );

  app.post(
    '/review/improvements',
    {
      schema: {
        tags,
        summary:
          'Make an improvement of a missed target (origin strategy; once per target and period); answers its id.',
        body: reviewImprovementSchema,
        response: { 201: z.object({ improvementId: z.uuid() }), ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.improveMiss(app.db, ctxOf(request), request.body)),
  );
};
