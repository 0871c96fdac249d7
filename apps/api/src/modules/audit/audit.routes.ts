import { auditEventSchema, auditQuerySchema } from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { presentAuditEvent } from './audit.presenter.ts';
import * as service from './audit.service.ts';

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
      const page = await service.auditPage(app.db, ctxOf(request), request.query);
      return {
        items: page.events.map(presentAuditEvent),
        nextCursor: page.nextCursor,
        labels: page.labels,
      };
    },
  );
};
