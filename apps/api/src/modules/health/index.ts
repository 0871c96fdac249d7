import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const statusSchema = z.object({ status: z.enum(['ok', 'unavailable']), database: z.string().optional() });

/** Liveness says the process runs; readiness says it can serve (database reachable, not shutting down). */
const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  let shuttingDown = false;
  app.addHook('onClose', async () => {
    shuttingDown = true;
  });

  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: { tags: ['health'], summary: 'Liveness.', response: { 200: statusSchema } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers.',
        response: { 200: statusSchema, 503: statusSchema },
      },
    },
    async (request, reply) => {
      try {
        if (shuttingDown) throw new Error('shutting down');
        await app.database.ping();
        return { status: 'ok' as const, database: app.database.kind };
      } catch (err) {
        request.log.warn({ err }, 'not ready');
        return reply.status(503).send({ status: 'unavailable' as const, database: app.database.kind });
      }
    },
  );
};

export async function healthModule(app: FastifyInstance) {
  await app.register(healthRoutes);
}
