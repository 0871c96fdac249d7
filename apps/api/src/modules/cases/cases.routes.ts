import { caseSchema, idParamsSchema, problemSchema } from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../auth/index.ts';
import { presentCase } from './cases.presenter.ts';
import * as service from './cases.service.ts';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export const casesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'One case with its status history.',
        params: idParamsSchema,
        response: { 200: caseSchema, ...problems },
      },
    },
    async (request) => {
      const { row, history } = await service.getCase(app.db, ctxOf(request), request.params.id);
      return presentCase(row, history);
    },
  );
};
