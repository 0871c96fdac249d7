import { articleDefinitionSchema, CATALOGUE_LIMITS, catalogueItemDefinitionSchema } from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { articlesFromCsv, articlesToCsv, itemsFromCsv, itemsToCsv, parseCsv } from './transfer.csv.ts';
import { importRefused } from './transfer.errors.ts';
import * as service from './transfer.service.ts';

const changeList = z.object({
  create: z.array(z.string()),
  update: z.array(z.string()),
  unchanged: z.array(z.string()),
});
const reportSchema = z
  .object({ dryRun: z.boolean(), items: changeList, articles: changeList })
  .meta({ id: 'ImportReport', description: 'What the import changed (or, with dryRun, would change).' });
const dryRunQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
const CSV_TYPES = ['text/csv', 'application/csv'];
const rows = z.array(z.unknown()).max(CATALOGUE_LIMITS.importMaxRows);

export const transferRoutes: FastifyPluginAsyncZod = async (app) => {
  // CSV arrives as text; it is parsed (with line numbers) by the service, not by Fastify.
  app.addContentTypeParser(
    CSV_TYPES,
    { parseAs: 'string', bodyLimit: CATALOGUE_LIMITS.importMaxBytes },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/import',
    {
      bodyLimit: CATALOGUE_LIMITS.importMaxBytes,
      schema: {
        tags: ['transfer'],
        summary:
          'Import catalogue items and articles as JSON (admin). Every row is checked first; with any error nothing changes (422 lists each row and field). `dryRun=true` only reports.',
        querystring: dryRunQuery,
        body: z.strictObject({ items: rows.optional(), articles: rows.optional() }),
        response: { 200: reportSchema, ...problems },
      },
    },
    async (request) =>
      service.importContent(app.db, ctxOf(request), request.body, { dryRun: request.query.dryRun }),
  );

  app.post(
    '/import/csv',
    {
      bodyLimit: CATALOGUE_LIMITS.importMaxBytes,
      schema: {
        tags: ['transfer'],
        summary:
          'Import one CSV file (text/csv; semicolons as Dutch Excel writes them, or commas; UTF-8) of items or articles (admin). Errors name the file line.',
        querystring: dryRunQuery.extend({ type: z.enum(['items', 'articles']) }),
        consumes: CSV_TYPES,
        body: z.string().max(CATALOGUE_LIMITS.importMaxBytes),
        response: { 200: reportSchema, ...problems },
      },
    },
    async (request) => {
      const { records, errors } = parseCsv(request.body);
      const converted = request.query.type === 'items' ? itemsFromCsv(records) : articlesFromCsv(records);
      const all = [...errors, ...converted.errors];
      if (all.length) throw importRefused(all);
      const lines = records.map((r) => r.line);
      const input =
        request.query.type === 'items'
          ? { items: converted.inputs, itemLines: lines }
          : { articles: converted.inputs, articleLines: lines };
      return service.importContent(app.db, ctxOf(request), input, { dryRun: request.query.dryRun });
    },
  );

  app.get(
    '/export',
    {
      schema: {
        tags: ['transfer'],
        summary:
          'Export the published catalogue and knowledge base as JSON, in the format import reads (admin).',
        response: {
          200: z.object({
            items: z.array(catalogueItemDefinitionSchema),
            articles: z.array(articleDefinitionSchema),
          }),
          ...problems,
        },
      },
    },
    async (request) => service.exportContent(app.db, ctxOf(request)),
  );

  app.get(
    '/export/csv',
    {
      schema: {
        tags: ['transfer'],
        summary: 'Export items or articles as semicolon CSV for Excel (admin).',
        querystring: z.strictObject({ type: z.enum(['items', 'articles']) }),
        produces: ['text/csv'],
        response: {
          200: z
            .string()
            .meta({ description: 'Semicolon-separated CSV, UTF-8, one row per item or article.' }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const content = await service.exportContent(app.db, ctxOf(request));
      const csv =
        request.query.type === 'items' ? itemsToCsv(content.items) : articlesToCsv(content.articles);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="voordeur-${request.query.type}.csv"`)
        .send(csv);
    },
  );
};
