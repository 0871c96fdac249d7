import {
  WAITING_COLUMNS,
  WAITING_IMPORT_MAX_ROWS,
  waitingFigureSchema,
  waitingFiguresQuerySchema,
  waitingImportReportSchema,
  waitingImportSchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withPeriodRules } from '../../platform/periods.ts';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { localDate } from '../calendar/index.ts';
import { presentFigure, presentImport } from './waiting.presenter.ts';
import * as service from './waiting.service.ts';

const CSV_TYPES = ['text/csv', 'application/csv'];
/** 20,000 rows of about 80 bytes, with room to spare. */
const MAX_BYTES = 4 * 1024 * 1024;

export const waitingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(CSV_TYPES, { parseAs: 'string', bodyLimit: MAX_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.post(
    '/import',
    {
      bodyLimit: MAX_BYTES,
      schema: {
        tags: ['waiting'],
        summary: 'Import queue figures of the telephony or desk system (admin, manager, or their API token).',
        description: [
          `text/csv with the header \`${WAITING_COLUMNS.join(',')}\` (comma or semicolon), or application/json`,
          '`{ "rows": [ { "date": "2026-12-01", "interval_start": "08:15", "channel": "phone", … } ] }` with the same',
          'names as fields. `date` is the local day (not in the future); `interval_start` HH:MM on a quarter hour, or',
          'empty/null for a whole day; `channel` phone or desk; counts are whole numbers with answered + abandoned ≤',
          'offered and answered_in_target ≤ answered; `wait_seconds_total` is the wait of the answered summed.',
          `At most ${WAITING_IMPORT_MAX_ROWS} rows. All or nothing: with any bad row nothing is stored and the 422`,
          'names every bad line (`line`: the CSV line, or the JSON row counted from 1), field and problem (`code`).',
          'A row replaces the figures held for the same queue and interval; a whole-day row replaces that day’s',
          '15-minute rows of the queue and the other way round.',
        ].join(' '),
        consumes: [...CSV_TYPES, 'application/json'],
        body: z.union([
          z.string().max(MAX_BYTES),
          z.strictObject({
            rows: z
              .array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])))
              .max(WAITING_IMPORT_MAX_ROWS + 1)
              .meta({ description: 'Rows with the CSV’s column names as fields (see the description).' }),
          }),
        ]),
        response: { 200: waitingImportReportSchema, ...problems },
      },
    },
    async (request) =>
      service.importWaiting(
        app.db,
        ctxOf(request),
        typeof request.body === 'string'
          ? { format: 'csv', text: request.body }
          : { format: 'json', rows: request.body.rows },
      ),
  );

  app.get(
    '/imports',
    {
      schema: {
        tags: ['waiting'],
        summary: 'The last 20 imports of queue figures.',
        response: { 200: z.object({ items: z.array(waitingImportSchema) }), ...problems },
      },
    },
    async (request) => ({
      items: (await service.listImports(app.db, ctxOf(request))).map(presentImport),
    }),
  );

  app.get(
    '/figures',
    {
      schema: {
        tags: ['waiting'],
        summary:
          'Queue figures of a period (from, to inclusive) per day or per queue, and channel: offered, answered, abandoned, answered in target, the rates and mean wait.',
        querystring: withPeriodRules(waitingFiguresQuerySchema, () => localDate(new Date())),
        response: { 200: z.object({ items: z.array(waitingFigureSchema) }), ...problems },
      },
    },
    async (request) => ({
      items: (await service.figures(app.db, ctxOf(request), request.query)).map(presentFigure),
    }),
  );
};
