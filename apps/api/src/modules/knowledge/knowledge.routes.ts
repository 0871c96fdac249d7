import {
  articleDefinitionSchema,
  articleListQuerySchema,
  articleSchema,
  codeParamsSchema,
  listOf,
  versionBodySchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { presentArticle } from './knowledge.presenter.ts';
import * as service from './knowledge.service.ts';

export const knowledgeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/articles',
    {
      schema: {
        tags: ['knowledge'],
        summary: 'Knowledge articles; `reviewDue=true` lists those past their review date.',
        querystring: articleListQuerySchema,
        response: { 200: listOf(articleSchema), ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const drafts = service.knowledgePolicy.seeDrafts(ctx.actor);
      const today = service.today();
      const rows = await service.listArticles(app.db, ctx, request.query);
      return {
        items: rows
          .filter((r) => drafts || r.published?.id)
          .map((r) => presentArticle(r, drafts, today, service.articleAbilities(ctx.actor, r))),
      };
    },
  );

  app.get(
    '/articles/:code',
    {
      schema: {
        tags: ['knowledge'],
        summary: 'One article.',
        params: codeParamsSchema,
        response: { 200: articleSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const row = await service.getArticle(app.db, ctx, request.params.code);
      return presentArticle(
        row,
        service.knowledgePolicy.seeDrafts(ctx.actor),
        service.today(),
        service.articleAbilities(ctx.actor, row),
      );
    },
  );

  app.post(
    '/articles',
    {
      schema: {
        tags: ['knowledge'],
        summary: 'Create an article as a draft (admin, quality).',
        body: z.strictObject({ definition: articleDefinitionSchema }),
        response: { 201: articleSchema, ...problems },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const row = await service.createArticle(app.db, ctx, request.body.definition);
      return reply
        .status(201)
        .send(presentArticle(row, true, service.today(), service.articleAbilities(ctx.actor, row)));
    },
  );

  app.put(
    '/articles/:code/draft',
    {
      schema: {
        tags: ['knowledge'],
        summary: 'Save the draft of an article (admin, quality).',
        params: codeParamsSchema,
        body: z.strictObject({ definition: articleDefinitionSchema, version: z.number().int().min(1) }),
        response: { 200: articleSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const { definition, version } = request.body;
      const row = await service.saveDraft(app.db, ctx, request.params.code, definition, version);
      return presentArticle(row, true, service.today(), service.articleAbilities(ctx.actor, row));
    },
  );

  for (const [action, fn, summary] of [
    ['publish', service.publish, 'Publish the draft (admin, quality).'],
    ['retire', service.retire, 'Retire the article: it leaves search (admin, quality).'],
  ] as const) {
    app.post(
      `/articles/:code/${action}`,
      {
        schema: {
          tags: ['knowledge'],
          summary,
          params: codeParamsSchema,
          body: versionBodySchema,
          response: { 200: articleSchema, ...problems },
        },
      },
      async (request) => {
        const ctx = ctxOf(request);
        const row = await fn(app.db, ctx, request.params.code, request.body.version);
        return presentArticle(row, true, service.today(), service.articleAbilities(ctx.actor, row));
      },
    );
  }
};
