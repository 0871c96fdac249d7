import type { Db } from '@voordeur/db';
import {
  callbackAttemptCreateSchema,
  callbackCreateSchema,
  callbackListQuerySchema,
  callbackSchema,
  caseCreateFromContactSchema,
  caseSchema,
  contactCloseSchema,
  contactCreateSchema,
  contactListQuerySchema,
  contactSchema,
  contactUpdateSchema,
  customerOverviewSchema,
  FRONT_OFFICE_LIMITS,
  idParamsSchema,
  listOf,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../plugins/errors.ts';
import { languageOf } from '../../plugins/language.ts';
import { problemResponses } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { presentCase, presentCaseSummary } from '../cases/index.ts';
import { presentCustomer } from '../customers/index.ts';
import { presentCallback, presentContact } from './contacts.presenter.ts';
import type { ContactRow } from './contacts.queries.ts';
import * as service from './contacts.service.ts';

const problems = problemResponses;
const tags = ['contacts'];

/** Contacts with their names and links, for any list of rows. */
export async function presentContacts(db: Db, organisationId: string, rows: ContactRow[]) {
  const { labels, cases } = await service.contactLinks(db, organisationId, rows);
  return rows.map((r) => presentContact(r, labels, cases));
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export const contactsRoutes: FastifyPluginAsyncZod = async (app) => {
  const one = async (organisationId: string, row: ContactRow) =>
    (await presentContacts(app.db, organisationId, [row]))[0]!;

  app.post(
    '/',
    {
      schema: {
        tags,
        summary:
          'Register a contact. Open (then closed with /close) or, for channels that feed in whole contacts, closed at once with `outcome`. Send an Idempotency-Key header: a retried delivery returns the first contact (200) instead of a second one.',
        headers: z.object({ 'idempotency-key': z.string().optional() }),
        body: contactCreateSchema,
        response: { 200: contactSchema, 201: contactSchema, ...problems },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
        throw errors.validation([
          {
            field: 'Idempotency-Key',
            message: `1 to ${FRONT_OFFICE_LIMITS.idempotencyKeyMax} printable characters`,
          },
        ]);
      const ctx = ctxOf(request);
      const { row, replayed } = await service.createContact(app.db, ctx, request.body, key);
      return reply.status(replayed ? 200 : 201).send(await one(ctx.actor.organisationId, row));
    },
  );

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Contacts, newest first: of a customer, your own, open ones.',
        querystring: contactListQuerySchema,
        response: { 200: listOf(contactSchema), ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const rows = await service.listContacts(app.db, ctx, {
        customerId: request.query.customerId,
        mine: request.query.mine === 'true',
        open: request.query.open === undefined ? undefined : request.query.open === 'true',
        limit: request.query.limit,
      });
      return { items: await presentContacts(app.db, ctx.actor.organisationId, rows) };
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'One contact.',
        params: idParamsSchema,
        response: { 200: contactSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return one(ctx.actor.organisationId, await service.getContact(app.db, ctx, request.params.id));
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary:
          'Record what the contact is about while it is open (customer, subject, question, answer, articles).',
        params: idParamsSchema,
        body: contactUpdateSchema,
        response: { 200: contactSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return one(
        ctx.actor.organisationId,
        await service.updateContact(app.db, ctx, request.params.id, request.body),
      );
    },
  );

  app.post(
    '/:id/close',
    {
      schema: {
        tags,
        summary: 'End the contact with its outcome; repeats are marked and the daily figures updated.',
        params: idParamsSchema,
        body: contactCloseSchema,
        response: { 200: contactSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return one(
        ctx.actor.organisationId,
        await service.closeContact(app.db, ctx, request.params.id, request.body),
      );
    },
  );

  app.post(
    '/:id/cases',
    {
      schema: {
        tags,
        summary:
          'Hand the contact over as a case of a catalogue item: intake answers checked against its form, due dates from its norms.',
        params: idParamsSchema,
        body: caseCreateFromContactSchema,
        response: { 201: z.object({ case: caseSchema, contact: contactSchema }), ...problems },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const r = await service.createCaseFromContact(app.db, ctx, request.params.id, request.body);
      return reply.status(201).send({
        case: presentCase(r.opened, languageOf(request), ctx.actor),
        contact: await one(ctx.actor.organisationId, r.contact),
      });
    },
  );

  app.post(
    '/:id/callbacks',
    {
      schema: {
        tags,
        summary: 'Request a callback from a team, due under the callback norm in working time.',
        params: idParamsSchema,
        body: callbackCreateSchema,
        response: { 201: z.object({ callback: callbackSchema, contact: contactSchema }), ...problems },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const r = await service.createCallback(app.db, ctx, request.params.id, request.body);
      const cb = await service.getCallback(app.db, ctx, r.callback.id);
      return reply
        .status(201)
        .send({ callback: presentCallback(cb), contact: await one(ctx.actor.organisationId, r.contact) });
    },
  );
};

export const callbacksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['callbacks'],
        summary: 'Callback requests of a team (or all), soonest due first; overdue ones are flagged.',
        querystring: callbackListQuerySchema,
        response: { 200: listOf(callbackSchema), ...problems },
      },
    },
    async (request) => ({
      items: (
        await service.listCallbacks(app.db, ctxOf(request), {
          teamId: request.query.teamId,
          state: request.query.state,
          overdue: request.query.overdue === undefined ? undefined : request.query.overdue === 'true',
        })
      ).map(presentCallback),
    }),
  );

  app.post(
    '/:id/attempts',
    {
      schema: {
        tags: ['callbacks'],
        summary: 'Record a call attempt; "reached" completes the request.',
        params: idParamsSchema,
        body: callbackAttemptCreateSchema,
        response: { 201: callbackSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presentCallback(
            await service.recordAttempt(app.db, ctxOf(request), request.params.id, request.body),
          ),
        ),
  );
};

export const overviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/overview',
    {
      schema: {
        tags: ['customers'],
        summary:
          'The 360° view of a customer: open and recent cases, recent contacts, open callbacks. Audited.',
        params: idParamsSchema,
        response: { 200: customerOverviewSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const o = await service.customerOverview(app.db, ctx, request.params.id);
      return {
        customer: presentCustomer(o.customer.row, o.customer.consents),
        openCases: o.cases.open.map((row) => presentCaseSummary(row, languageOf(request), ctx.actor)),
        recentCases: o.cases.recent.map((row) => presentCaseSummary(row, languageOf(request), ctx.actor)),
        recentContacts: await presentContacts(app.db, ctx.actor.organisationId, o.contacts),
        openCallbacks: o.callbacks.map(presentCallback),
      };
    },
  );
};
