import type { FastifyInstance } from 'fastify';
import { integrityRoutes } from './integrity.routes.ts';

/** The integrity register (issue 15, element 5): reports and conflicts of interest, for the integrity officer. */
export async function integrityModule(app: FastifyInstance) {
  await app.register(integrityRoutes, { prefix: '/api/integrity' });
}
