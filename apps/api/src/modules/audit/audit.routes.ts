import { auditEventSchema, auditQuerySchema } from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyOf, authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { problemResponses } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { presentAuditEvent } from './audit.presenter.ts';
import { idsNamedIn, labelsOf, listAuditEvents } from './audit.queries.ts';

export const auditPolicy = { read: anyOf('admin', 'quality') };

const pageSchema = z
  .object({
    items: z.array(auditEventSchema),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `before` for the next (older) page.' }),
    labels: z.record(z.string(), z.string()).meta({
      description:
        'What to call the records the events name (subjects and ids among the changed values), by id: a case by its reference, a user, team, token, webhook or template by its name, an item or article by its code. Customers and contacts are not named.',
    }),
  })
  .meta({ id: 'AuditEventPage' });

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['audit'],
        summary:
          'The audit trail of your organisation, newest first, filtered by entity, user and period (admin, quality).',
        querystring: auditQuerySchema,
        response: { 200: pageSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { actor } = ctxOf(request);
      authorize(actor, auditPolicy.read);
      const f = request.query;
      if (f.before !== undefined && !/^\d{1,19}$/.test(f.before)) {
        throw errors.validation([{ field: 'before', message: 'Must be a cursor returned as nextCursor' }]);
      }
      if (f.from && f.to && new Date(f.from) > new Date(f.to)) {
        throw errors.validation([{ field: 'to', message: 'Must not be before "from"' }]);
      }
      const rows = await listAuditEvents(app.db, actor.organisationId, f);
      const page = rows.slice(0, f.limit);
      return {
        items: page.map(presentAuditEvent),
        nextCursor: rows.length > f.limit ? (page.at(-1)?.id.toString() ?? null) : null,
        labels: await labelsOf(app.db, actor.organisationId, idsNamedIn(page)),
      };
    },
  );
};
