import {
  catalogueItemDefinitionSchema,
  catalogueItemSchema,
  catalogueItemSummarySchema,
  catalogueListQuerySchema,
  codeParamsSchema,
  draftBodySchema,
  expectedDateSchema,
  listOf,
  versionBodySchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { calendarOf } from '../calendar/index.ts';
import { cataloguePolicy } from './catalogue.policy.ts';
import { presentItem, presentSummary } from './catalogue.presenter.ts';
import * as service from './catalogue.service.ts';
import { expectedCompletion } from './expected-date.ts';

export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/items',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Catalogue items of your organisation, with filters.',
        querystring: catalogueListQuerySchema,
        response: { 200: listOf(catalogueItemSummarySchema), ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const drafts = cataloguePolicy.seeDrafts(ctx.actor);
      const rows = await service.listItems(app.db, ctx, request.query);
      return { items: rows.filter((r) => drafts || r.published?.id).map((r) => presentSummary(r, drafts)) };
    },
  );

  app.get(
    '/items/:code',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'One item: its published version, and its draft for editors.',
        params: codeParamsSchema,
        response: { 200: catalogueItemSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const row = await service.getItem(app.db, ctx, request.params.code);
      return presentItem(row, cataloguePolicy.seeDrafts(ctx.actor), service.itemAbilities(ctx.actor, row));
    },
  );

  app.get(
    '/items/:code/versions',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Every version of an item, newest first (cases keep the version they started under).',
        params: codeParamsSchema,
        response: {
          200: listOf(
            z.object({
              number: z.number().int(),
              state: z.string(),
              createdAt: z.iso.datetime(),
              publishedAt: z.iso.datetime().nullable(),
            }),
          ),
          ...problems,
        },
      },
    },
    async (request) => ({
      items: (await service.listVersions(app.db, ctxOf(request), request.params.code)).map((v) => ({
        number: v.number,
        state: v.state,
        createdAt: v.createdAt.toISOString(),
        publishedAt: v.publishedAt?.toISOString() ?? null,
      })),
    }),
  );

  app.post(
    '/items',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Create an item as a draft (admin).',
        body: z.strictObject({ definition: catalogueItemDefinitionSchema }),
        response: { 201: catalogueItemSchema, ...problems },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const row = await service.createItem(app.db, ctx, request.body.definition);
      return reply.status(201).send(presentItem(row, true, service.itemAbilities(ctx.actor, row)));
    },
  );

  app.put(
    '/items/:code/draft',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Save the draft of an item (admin); starts a new version when the last one is published.',
        params: codeParamsSchema,
        body: draftBodySchema,
        response: { 200: catalogueItemSchema, ...problems },
      },
    },
    async (request) => {
      const { definition, version } = request.body;
      const ctx = ctxOf(request);
      const row = await service.saveDraft(app.db, ctx, request.params.code, definition, version);
      return presentItem(row, true, service.itemAbilities(ctx.actor, row));
    },
  );

  app.post(
    '/items/:code/publish',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Publish the draft (admin): it becomes the version the public and the front office see.',
        params: codeParamsSchema,
        body: versionBodySchema,
        response: { 200: catalogueItemSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const row = await service.publish(app.db, ctx, request.params.code, request.body.version);
      return presentItem(row, true, service.itemAbilities(ctx.actor, row));
    },
  );

  app.post(
    '/items/:code/retire',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Retire an item (admin): it leaves the catalogue and search.',
        params: codeParamsSchema,
        body: versionBodySchema,
        response: { 200: catalogueItemSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const row = await service.retire(app.db, ctx, request.params.code, request.body.version);
      return presentItem(row, true, service.itemAbilities(ctx.actor, row));
    },
  );

  app.get(
    '/items/:code/expected-date',
    {
      schema: {
        tags: ['catalogue'],
        summary:
          'When a case of this item started at `start` (default: now) is expected to be done under the public norm, in working time.',
        params: codeParamsSchema,
        querystring: z.strictObject({ start: z.iso.datetime({ offset: true }).optional() }),
        response: { 200: expectedDateSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const item = await service.getItem(app.db, ctx, request.params.code);
      const def = service.publishedDefinition(item);
      const { definition } = await calendarOf(app.db, ctx.actor.organisationId);
      const start = request.query.start ? new Date(request.query.start) : new Date();
      return expectedCompletion(definition, def, start);
    },
  );
};
