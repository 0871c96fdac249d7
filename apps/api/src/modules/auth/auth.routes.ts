import {
  csrfTokenSchema,
  localeBodySchema,
  loginBodySchema,
  meSchema,
  passwordChangeBodySchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { actorOf, clearSessionCookie, ctxOf } from './auth.context.ts';
import { authErrors } from './auth.errors.ts';
import { presentMe } from './auth.presenter.ts';
import * as service from './auth.service.ts';
import { signIn } from './auth.signin.ts';
import type { FailuresPerIp } from './auth.throttle.ts';

export const authRoutes: FastifyPluginAsyncZod<{ failuresPerIp: FailuresPerIp }> = async (
  app,
  { failuresPerIp },
) => {
  app.post(
    '/login',
    {
      config: {
        public: true,
        skipCsrf: true,
        rateLimit: { max: app.config.loginRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; starts a session (httpOnly cookie).',
        body: loginBodySchema,
        response: { 200: meSchema, ...problems },
      },
    },
    async (request, reply) =>
      presentMe((await signIn(app, request, reply, failuresPerIp, request.body)).profile),
  );

  app.post(
    '/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End the current session.',
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (request, reply) => {
      await service.logout(app.db, ctxOf(request));
      clearSessionCookie(app, reply);
      return reply.status(204).send();
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in person, their organisation, teams and roles.',
        response: { 200: meSchema, ...problems },
      },
    },
    async (request) => {
      const found = await service.me(app.db, actorOf(request));
      if (!found) throw authErrors.sessionRequired();
      return presentMe(found);
    },
  );

  app.get(
    '/csrf',
    {
      schema: {
        tags: ['auth'],
        summary:
          'CSRF token for this session; send it as the x-csrf-token header on every cookie-authenticated write.',
        response: { 200: csrfTokenSchema, ...problems },
      },
    },
    async (request) => {
      if (!request.csrfSecret) throw authErrors.sessionRequired();
      return { token: service.csrfTokenFor(request.csrfSecret) };
    },
  );

  app.patch(
    '/me/locale',
    {
      schema: {
        tags: ['auth'],
        summary: 'Set the preferred language of the signed-in person.',
        body: localeBodySchema,
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (request, reply) => {
      await service.setLocale(app.db, ctxOf(request), request.body.locale);
      return reply.status(204).send();
    },
  );

  app.post(
    '/password',
    {
      config: { rateLimit: { max: app.config.loginRateLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password; your other sessions end.',
        body: passwordChangeBodySchema,
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (request, reply) => {
      const { currentPassword, newPassword } = request.body;
      await service.changePassword(app.db, ctxOf(request), currentPassword, newPassword);
      return reply.status(204).send();
    },
  );
};
