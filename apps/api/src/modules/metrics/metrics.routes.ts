import {
  idParamsSchema,
  KPI_CODES,
  kpiDefinitionSchema,
  kpiTargetUpdateSchema,
  listOf,
  METRIC_DIMENSIONS,
  METRIC_GRAINS,
  metricBreakdownSchema,
  metricDrillSchema,
  metricFilterSchema,
  metricOverviewSchema,
  metricSeriesSchema,
  metricTopSchema,
  segmentSchema,
  segmentUpdateSchema,
  segmentWriteSchema,
} from '@voordeur/shared';
import { stringify } from 'csv-stringify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { languageOf } from '../../plugins/language.ts';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import {
  DRILL_CSV_COLUMNS,
  presentDefinition,
  presentDrillItems,
  presentSegment,
} from './metrics.presenter.ts';
import * as service from './metrics.service.ts';

const tags = ['metrics'];
const kpi = z.enum(KPI_CODES).describe('A KPI code of the catalogue.');
const codeParams = z.strictObject({ code: z.string().max(60) });
const scopeNote =
  ' Agents see their own contact figures only (another agent → 403), team leads their teams and the agents in them (another team → 403); managers, quality and admins the whole organisation.';

/** The monitoring API: the KPI catalogue and targets, and the figures (from the daily rollups). */
export const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/kpis',
    {
      schema: {
        tags,
        summary: 'The KPI catalogue with the organisation’s targets.',
        response: { 200: listOf(kpiDefinitionSchema), ...problems },
      },
    },
    async (request) => ({
      items: (await service.listDefinitions(app.db, ctxOf(request))).map(presentDefinition),
    }),
  );

  app.get(
    '/kpis/:code',
    {
      schema: {
        tags,
        summary: 'One KPI’s definition: formula in words, source, unit, target and direction, audience.',
        params: codeParams,
        response: { 200: kpiDefinitionSchema, ...problems },
      },
    },
    async (request) =>
      presentDefinition(await service.getDefinition(app.db, ctxOf(request), request.params.code)),
  );

  app.put(
    '/targets/:code',
    {
      schema: {
        tags,
        summary:
          'Set the organisation’s target of a KPI (null: back to the default). Send the targetVersion you read; a stale one gets 409.',
        params: codeParams,
        body: kpiTargetUpdateSchema,
        response: { 200: kpiDefinitionSchema, ...problems },
      },
    },
    async (request) =>
      presentDefinition(await service.setTarget(app.db, ctxOf(request), request.params.code, request.body)),
  );

  app.get(
    '/overview',
    {
      schema: {
        tags,
        summary: `KPI values for a period, the previous period of the same length, and the targets.${scopeNote}`,
        querystring: metricFilterSchema.extend({
          codes: z
            .string()
            .max(1000)
            .optional()
            .describe('Comma-separated KPI codes; all you may see when absent.'),
        }),
        response: { 200: metricOverviewSchema, ...problems },
      },
    },
    async (request) => {
      const { codes, ...filter } = request.query;
      return service.overview(app.db, ctxOf(request), filter, codes);
    },
  );

  app.get(
    '/series',
    {
      schema: {
        tags,
        summary: `One KPI per day (at most a year), week, month, quarter or year of the period.${scopeNote}`,
        querystring: metricFilterSchema.extend({ kpi, grain: z.enum(METRIC_GRAINS).default('month') }),
        response: { 200: metricSeriesSchema, ...problems },
      },
    },
    async (request) => {
      const { kpi: code, grain, ...filter } = request.query;
      return service.series(app.db, ctxOf(request), filter, code, grain);
    },
  );

  app.get(
    '/breakdown',
    {
      schema: {
        tags,
        summary: `One KPI split by a dimension (agent: the contact figures only).${scopeNote}`,
        querystring: metricFilterSchema.extend({ kpi, by: z.enum(METRIC_DIMENSIONS) }),
        response: { 200: metricBreakdownSchema, ...problems },
      },
    },
    async (request) => {
      const { kpi: code, by, ...filter } = request.query;
      return service.breakdown(app.db, ctxOf(request), filter, code, by, languageOf(request));
    },
  );

  app.get(
    '/drill',
    {
      schema: {
        tags,
        summary:
          'The cases, contacts, survey answers or callbacks behind a KPI (for a rate: those that missed it), newest first, 200 at most a page; no personal data. `GET /drill/csv` gives the whole list.',
        querystring: metricFilterSchema.extend({
          kpi,
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(200).optional(),
        }),
        response: { 200: metricDrillSchema, ...problems },
      },
    },
    async (request) => {
      const { kpi: code, limit, cursor, ...filter } = request.query;
      const { page, nextCursor } = await service.drill(
        app.db,
        ctxOf(request),
        filter,
        code,
        limit,
        cursor,
        languageOf(request),
      );
      return { kind: page.kind, items: presentDrillItems(page), nextCursor };
    },
  );

  app.get(
    '/drill/csv',
    {
      schema: {
        tags,
        summary:
          'The whole list behind a KPI as CSV (comma-separated, UTF-8 with BOM, a header row), streamed page by page: the same rows and columns as GET /drill, every page of them.',
        querystring: metricFilterSchema.extend({ kpi }),
        produces: ['text/csv'],
        response: {
          200: z.string().meta({
            description: `One row per case, contact, survey answer or callback. Columns per kind — ${Object.entries(
              DRILL_CSV_COLUMNS,
            )
              .map(([kind, columns]) => `${kind}: ${columns.join(', ')}`)
              .join('; ')}.`,
          }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const { kpi: code, ...filter } = request.query;
      // Checked (period, KPI, the caller's scope) before the first byte is sent: a refusal is still a problem.
      const found = await service.drillExport(app.db, ctxOf(request), filter, code, languageOf(request));
      const csv = stringify({
        header: true,
        bom: true,
        record_delimiter: 'windows',
        columns: [...DRILL_CSV_COLUMNS[found.kind]],
        cast: { boolean: (b) => String(b) },
      });
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${found.kpi}-${found.from}-${found.to}.csv"`);
      // Page by page through the stringifier's back-pressure: the list is never held whole.
      (async () => {
        for await (const page of found.pages)
          for (const row of presentDrillItems(page))
            if (!csv.write(row)) await new Promise((resolve) => csv.once('drain', resolve));
        csv.end();
      })().catch((e) => csv.destroy(e as Error));
      // A stream: the typed reply knows only the string of the document.
      return reply.send(csv as unknown as string);
    },
  );

  app.get(
    '/top',
    {
      schema: {
        tags,
        summary:
          'The items asked about most (questions: contacts) or reported most (reports: cases) in the period.',
        querystring: metricFilterSchema.extend({
          kind: z.enum(['questions', 'reports']),
          limit: z.coerce.number().int().min(1).max(50).default(10),
        }),
        response: { 200: metricTopSchema, ...problems },
      },
    },
    async (request) => {
      const { kind, limit, ...filter } = request.query;
      return service.top(app.db, ctxOf(request), filter, kind, limit, languageOf(request));
    },
  );
};

/** Segments (doelgroepen): rules over customer attributes, a filter on every figure. */
export const segmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'The organisation’s segments.',
        response: { 200: listOf(segmentSchema), ...problems },
      },
    },
    async (request) => ({
      items: (await service.listSegments(app.db, ctxOf(request))).map(presentSegment),
    }),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary:
          'Create a segment: a code, a name and a rule over customer kind, language, age band, area, channel.',
        body: segmentWriteSchema,
        response: { 201: segmentSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentSegment(await service.createSegment(app.db, ctxOf(request), request.body))),
  );

  app.put(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change a segment. Send the version you read; a stale version gets 409.',
        params: idParamsSchema,
        body: segmentUpdateSchema,
        response: { 200: segmentSchema, ...problems },
      },
    },
    async (request) =>
      presentSegment(await service.updateSegment(app.db, ctxOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a segment.',
        params: idParamsSchema,
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (request, reply) => {
      await service.deleteSegment(app.db, ctxOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
};
