import { idParamsSchema, listOf, teamCreateSchema, teamSchema, teamUpdateSchema } from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { presentTeam } from './teams.presenter.ts';
import * as service from './teams.service.ts';

export const teamsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['teams'],
        summary: 'Teams of your organisation.',
        response: { 200: listOf(teamSchema), ...problems },
      },
    },
    async (request) => ({ items: (await service.listTeams(app.db, ctxOf(request))).map(presentTeam) }),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['teams'],
        summary: 'One team.',
        params: idParamsSchema,
        response: { 200: teamSchema, ...problems },
      },
    },
    async (request) => presentTeam(await service.getTeam(app.db, ctxOf(request), request.params.id)),
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['teams'],
        summary: 'Create a team (admin).',
        body: teamCreateSchema,
        response: { 201: teamSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentTeam(await service.createTeam(app.db, ctxOf(request), request.body))),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags: ['teams'],
        summary: 'Change a team (admin). Send the version you read; a stale version gets 409.',
        params: idParamsSchema,
        body: teamUpdateSchema,
        response: { 200: teamSchema, ...problems },
      },
    },
    async (request) =>
      presentTeam(await service.updateTeam(app.db, ctxOf(request), request.params.id, request.body)),
  );
};
