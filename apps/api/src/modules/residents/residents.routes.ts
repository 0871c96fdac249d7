import {
  myPageSchema,
  residentConsentBodySchema,
  residentExportSchema,
  residentPreferencesBodySchema,
  residentSignInBodySchema,
  residentSignInSentSchema,
  slugParamsSchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csrfError } from '../../plugins/errors.ts';
import { problemResponses, publicProblemResponses } from '../../plugins/problem-types.ts';
import { clearResidentCookie, requireResident } from './residents.context.ts';
import { residentErrors } from './residents.errors.ts';
import { presentExport, presentMyPage } from './residents.presenter.ts';
import type { Resident } from './residents.service.ts';
import * as service from './residents.service.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in resident on My page's routes (set before validation); null elsewhere. */
    resident: Resident | null;
  }
}

/**
 * My page's API: `/api/portal/<slug>/me`. Every route is outside the staff sign-in (`public` for the staff auth
 * hook, which also leaves CSRF to us): the resident's own cookie decides, and a resident's writes carry the
 * resident session's CSRF token.
 */
export const residentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const limits = {
    perEmailPerHour: app.config.residentLinksPerEmailPerHour,
    perIpPerHour: app.config.residentLinksPerIpPerHour,
  };
  const open = { public: true, skipCsrf: true } as const;

  // Before the body is read and validated (as the staff hook does): who is asking, and for a change, the resident
  // session's CSRF token in `x-csrf-token`. Only asking for a link needs no session.
  app.decorateRequest('resident', null);
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (request.is404 || request.routeOptions.url?.endsWith('/sign-in')) return payload;
    const { slug } = request.params as { slug: string };
    const resident = await requireResident(app, request, slug);
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (!service.csrfTokenValid(resident, typeof sent === 'string' ? sent : undefined))
        throw csrfError(request);
    }
    request.resident = resident;
    return payload;
  });
  const residentOf = (request: { resident: Resident | null }) => {
    if (!request.resident) throw residentErrors.signInRequired();
    return request.resident;
  };

  app.post(
    '/sign-in',
    {
      config: { ...open, rateLimit: { max: app.config.loginRateLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['my page'],
        summary:
          'Send a one-time sign-in link for My page to this address (works 15 minutes, once). The same answer whether or not the address is known.',
        params: slugParamsSchema,
        body: residentSignInBodySchema,
        response: { 202: residentSignInSentSchema, ...publicProblemResponses },
      },
    },
    async (request, reply) => {
      const result = await service.requestLink(app.db, limits, {
        slug: request.params.slug,
        email: request.body.email,
        language: request.body.language,
        ip: request.ip,
        publicUrl: app.config.publicUrl,
        requestId: String(request.id),
      });
      return reply.status(202).send({ sent: true as const, minutes: result.minutes });
    },
  );

  app.get(
    '/',
    {
      config: open,
      schema: {
        tags: ['my page'],
        summary:
          'My page: the signed-in resident’s cases, contacts, preferences and consents (reading it is audited).',
        params: slugParamsSchema,
        response: { 200: myPageSchema, ...problemResponses },
      },
    },
    async (request) => {
      const resident = residentOf(request);
      const records = await service.recordsOf(app.db, resident);
      return presentMyPage(resident, records, service.csrfTokenFor(resident));
    },
  );

  app.put(
    '/preferences',
    {
      config: open,
      schema: {
        tags: ['my page'],
        summary: 'How the resident wants to hear back (email or letter) and in which language (audited).',
        params: slugParamsSchema,
        body: residentPreferencesBodySchema,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const resident = residentOf(request);
      await service.savePreferences(app.db, resident, request.body);
      return reply.status(204).send();
    },
  );

  app.post(
    '/consents',
    {
      config: open,
      schema: {
        tags: ['my page'],
        summary: 'Give or withdraw a consent; every choice is kept with its time (audited).',
        params: slugParamsSchema,
        body: residentConsentBodySchema,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const resident = residentOf(request);
      await service.saveConsent(app.db, resident, request.body);
      return reply.status(204).send();
    },
  );

  app.get(
    '/export',
    {
      config: open,
      schema: {
        tags: ['my page'],
        summary:
          'Everything stored about the signed-in resident, as a JSON download (GDPR art. 15; reading it is audited).',
        params: slugParamsSchema,
        response: { 200: residentExportSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const resident = residentOf(request);
      const records = await service.recordsOf(app.db, resident);
      reply.header(
        'content-disposition',
        `attachment; filename="mijn-gegevens-${resident.slug}-${new Date().toISOString().slice(0, 10)}.json"`,
      );
      return presentExport(resident, records);
    },
  );

  app.post(
    '/sign-out',
    {
      config: open,
      schema: {
        tags: ['my page'],
        summary: 'End the resident’s session.',
        params: slugParamsSchema,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const resident = residentOf(request);
      await service.signOut(app.db, resident);
      clearResidentCookie(app, reply);
      return reply.status(204).send();
    },
  );
};
