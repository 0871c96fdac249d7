import {
  consentCreateSchema,
  customerCreateSchema,
  customerLookupQuerySchema,
  customerMatchSchema,
  customerSchema,
  customerUpdateSchema,
  duplicateSchema,
  frontOfficeSettingsSchema,
  idParamsSchema,
  listOf,
  mergeBodySchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { presentCustomer, presentMatch } from './customers.presenter.ts';
import * as service from './customers.service.ts';

const problems = problemResponses;
const tags = ['customers'];
const present = (r: Awaited<ReturnType<typeof service.getCustomer>>) => presentCustomer(r.row, r.consents);

export const customersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary:
          'Find-as-you-type: by name, email, phone (any notation), postcode + house number, BSN, KvK or employee number.',
        querystring: customerLookupQuerySchema,
        response: { 200: listOf(customerMatchSchema), ...problems },
      },
    },
    async (request) => ({
      items: (await service.lookupCustomers(app.db, ctxOf(request), request.query)).map((r) =>
        presentMatch(r.row, r.matchedOn),
      ),
    }),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Register a customer (resident, business or employee).',
        body: customerCreateSchema,
        response: { 201: customerSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(present(await service.createCustomer(app.db, ctxOf(request), request.body))),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'One customer. The read is recorded in the audit trail.',
        params: idParamsSchema,
        response: { 200: customerSchema, ...problems },
      },
    },
    async (request) => present(await service.getCustomer(app.db, ctxOf(request), request.params.id)),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change a customer. Send the version you read; a stale version gets 409.',
        params: idParamsSchema,
        body: customerUpdateSchema,
        response: { 200: customerSchema, ...problems },
      },
    },
    async (request) =>
      present(await service.updateCustomer(app.db, ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    '/:id/consents',
    {
      schema: {
        tags,
        summary: 'Record a consent given or withdrawn.',
        params: idParamsSchema,
        body: consentCreateSchema,
        response: { 201: customerSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(present(await service.addConsent(app.db, ctxOf(request), request.params.id, request.body))),
  );

  app.get(
    '/:id/duplicates',
    {
      schema: {
        tags,
        summary:
          'Records that look like the same person (same BSN, email, phone, KvK, or name at the postcode).',
        params: idParamsSchema,
        response: { 200: listOf(duplicateSchema), ...problems },
      },
    },
    async (request) => ({
      items: (await service.findDuplicates(app.db, ctxOf(request), request.params.id)).map((d) => ({
        customer: presentMatch(d.row, 'name'),
        reasons: d.reasons,
      })),
    }),
  );

  app.post(
    '/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge a duplicate record into this one (team lead, admin). Audited on both records.',
        params: idParamsSchema,
        body: mergeBodySchema,
        response: { 200: customerSchema, ...problems },
      },
    },
    async (request) =>
      present(
        await service.mergeCustomers(
          app.db,
          ctxOf(request),
          request.params.id,
          request.body.duplicateId,
          request.body.version,
        ),
      ),
  );
};

export const frontOfficeSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['front office'],
        summary: 'Front-office settings: repeat window, auto-close, callback norm, areas by postcode.',
        response: { 200: frontOfficeSettingsSchema, ...problems },
      },
    },
    async (request) => service.getSettings(app.db, ctxOf(request)),
  );
  app.put(
    '/',
    {
      schema: {
        tags: ['front office'],
        summary: 'Replace the front-office settings (admin); customers’ areas are derived again.',
        body: frontOfficeSettingsSchema,
        response: { 200: frontOfficeSettingsSchema, ...problems },
      },
    },
    async (request) => service.saveSettings(app.db, ctxOf(request), request.body),
  );
};
