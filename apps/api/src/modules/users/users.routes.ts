import {
  idParamsSchema,
  listOf,
  passwordSchema,
  userCreateSchema,
  userSchema,
  userUpdateSchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { presentUser } from './users.presenter.ts';
import * as service from './users.service.ts';

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['users'],
        summary: 'Users of your organisation (admin, teamlead, manager, quality).',
        response: { 200: listOf(userSchema), ...problems },
      },
    },
    async (request) => ({
      items: (await service.listUsers(app.db, ctxOf(request))).map((u) => presentUser(u.user, u.memberships)),
    }),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'One user.',
        params: idParamsSchema,
        response: { 200: userSchema, ...problems },
      },
    },
    async (request) => {
      const u = await service.getUser(app.db, ctxOf(request), request.params.id);
      return presentUser(u.user, u.memberships);
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user with team memberships (admin).',
        body: userCreateSchema,
        response: { 201: userSchema, ...problems },
      },
    },
    async (request, reply) => {
      const u = await service.createUser(app.db, ctxOf(request), request.body);
      return reply.status(201).send(presentUser(u.user, u.memberships));
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change name, language, active flag or memberships (admin). Send the version you read.',
        params: idParamsSchema,
        body: userUpdateSchema,
        response: { 200: userSchema, ...problems },
      },
    },
    async (request) => {
      const u = await service.updateUser(app.db, ctxOf(request), request.params.id, request.body);
      return presentUser(u.user, u.memberships);
    },
  );

  app.post(
    '/:id/password',
    {
      schema: {
        tags: ['users'],
        summary: "Set a user's password (admin); their sessions end.",
        params: idParamsSchema,
        body: z.strictObject({ password: passwordSchema }),
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (request, reply) => {
      await service.resetPassword(app.db, ctxOf(request), request.params.id, request.body.password);
      return reply.status(204).send();
    },
  );
};
