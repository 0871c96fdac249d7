import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { ADDRESS_IMPORT_MAX_BYTES } from './addresses.csv.ts';
import { presentAddress } from './addresses.presenter.ts';
import * as service from './addresses.service.ts';

const addressSchema = z
  .object({
    postcode: z.string(),
    number: z.number().int(),
    addition: z.string(),
    street: z.string(),
    place: z.string(),
    lat: z.number(),
    lon: z.number(),
  })
  .meta({
    id: 'RegisterAddress',
    description: 'An address of the register, with its place in WGS84 degrees.',
  });

const reportSchema = z
  .object({
    dryRun: z.boolean(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  })
  .meta({
    id: 'AddressImportReport',
    description: 'What the import changed (or, with dryRun, would change).',
  });

const CSV_TYPES = ['text/csv', 'application/csv'];

export const addressesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    CSV_TYPES,
    { parseAs: 'string', bodyLimit: ADDRESS_IMPORT_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/',
    {
      schema: {
        tags: ['addresses'],
        summary:
          'Look an address up: by `postcode` (with `number`, `addition`) or by `street` (prefix or similar name, with `number`). At most 20.',
        querystring: z.strictObject({
          postcode: z.string().max(10).optional(),
          number: z.coerce.number().int().min(1).max(99_999).optional(),
          addition: z.string().max(20).optional(),
          street: z.string().max(100).optional(),
        }),
        response: { 200: z.object({ items: z.array(addressSchema) }), ...problems },
      },
    },
    async (request) => ({
      items: (await service.lookupAddresses(app.db, ctxOf(request), request.query)).map(presentAddress),
    }),
  );

  app.post(
    '/import',
    {
      bodyLimit: ADDRESS_IMPORT_MAX_BYTES,
      schema: {
        tags: ['addresses'],
        summary:
          'Import the address register (admin): text/csv `postcode;huisnummer;toevoeging;straat;woonplaats;x;y[;bag_id]`, RD coordinates. With any bad row nothing changes (422 names each line and column). `dryRun=true` only counts.',
        querystring: z.strictObject({
          dryRun: z
            .enum(['true', 'false'])
            .default('false')
            .transform((v) => v === 'true'),
        }),
        consumes: CSV_TYPES,
        body: z.string().max(ADDRESS_IMPORT_MAX_BYTES),
        response: { 200: reportSchema, ...problems },
      },
    },
    async (request) =>
      service.importAddresses(app.db, ctxOf(request), request.body, { dryRun: request.query.dryRun }),
  );
};
