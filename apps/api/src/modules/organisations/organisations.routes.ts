import {
  listOf,
  organisationCreatedSchema,
  organisationCreateSchema,
  organisationSchema,
  publicOrganisationSchema,
  slugParamsSchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errors } from '../../plugins/errors.ts';
import { problemResponses as problems, publicProblemResponses } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { presentOrganisation } from './organisations.presenter.ts';
import * as service from './organisations.service.ts';

/** Platform administration: organisations (ADR 0007). Only platform tokens may call these. */
export const platformRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/organisations',
    {
      config: { platform: true },
      schema: {
        tags: ['platform'],
        summary: 'Every organisation on this install (platform administrators only).',
        response: { 200: listOf(organisationSchema), ...problems },
      },
    },
    async (request) => ({
      items: (await service.listOrganisations(app.db, ctxOf(request))).map(presentOrganisation),
    }),
  );

  app.post(
    '/organisations',
    {
      config: { platform: true },
      schema: {
        tags: ['platform'],
        summary:
          'Create an organisation with its calendar, settings, theme, sender and first administrator (platform administrators only).',
        body: organisationCreateSchema,
        response: { 201: organisationCreatedSchema, ...problems },
      },
    },
    async (request, reply) => {
      const created = await service.createOrganisation(app.db, ctxOf(request), request.body);
      return reply.status(201).send({
        organisation: presentOrganisation(created.organisation),
        admin: created.admin,
      });
    },
  );
};

/** What anyone may know of an organisation: its name and look, for its public pages and its sign-in page. */
export const publicOrganisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/public/organisations/:slug',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: "An organisation's name and theme (its design-token stylesheet and root class).",
        params: slugParamsSchema,
        response: { 200: publicOrganisationSchema, ...publicProblemResponses },
      },
    },
    async (request) => {
      const org = await service.publicOrganisation(app.db, app.config, request.params.slug);
      if (!org) throw errors.notFound('organisation');
      return org;
    },
  );

  // The organisation's design tokens: a same-origin stylesheet (CSP 'self'), not part of the API.
  app.get(
    '/p/:slug/theme.css',
    { config: { public: true }, schema: { hide: true, params: slugParamsSchema } },
    async (request, reply) => {
      const css = await service.organisationThemeCss(app.db, app.config, request.params.slug);
      if (css === undefined) throw errors.notFound('organisation');
      return reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(css);
    },
  );
};
