import {
  idParamsSchema,
  integrityRecordSchema,
  integrityUpdateSchema,
  integrityWriteSchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import * as service from './integrity.service.ts';

const tags = ['integrity'];

export const integrityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/records',
    {
      schema: {
        tags,
        summary: 'The integrity register (the integrity officer alone; the read is audited).',
        response: { 200: z.object({ items: z.array(integrityRecordSchema) }), ...problems },
      },
    },
    async (request) => ({ items: await service.list(app.db, ctxOf(request)) }),
  );

  app.post(
    '/records',
    {
      schema: {
        tags,
        summary: 'Record an integrity report or a conflict of interest (side job, interest).',
        body: integrityWriteSchema,
        response: { 201: integrityRecordSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await service.create(app.db, ctxOf(request), {
          ...request.body,
          peopleConcerned: request.body.peopleConcerned ?? '',
          measures: request.body.measures ?? '',
        }),
      ),
  );

  app.get(
    '/records/:id',
    {
      schema: {
        tags,
        summary: 'One record of the integrity register (audited).',
        params: idParamsSchema,
        response: { 200: integrityRecordSchema, ...problems },
      },
    },
    async (request) => service.get(app.db, ctxOf(request), request.params.id),
  );

  app.patch(
    '/records/:id',
    {
      schema: {
        tags,
        summary:
          'Change a record or its status (open, investigating, closed with an outcome); optimistic locking.',
        params: idParamsSchema,
        body: integrityUpdateSchema,
        response: { 200: integrityRecordSchema, ...problems },
      },
    },
    async (request) => service.update(app.db, ctxOf(request), request.params.id, request.body),
  );
};
