import type { FastifyInstance } from 'fastify';
import { integrityRoutes } from './integrity.routes.ts';

/** The integrity register (issue 15, element 5): reports and conflicts of interest, for the integrity officer. */
export async function integrityModule(app: FastifyInstance) {
  await app.register(integrityRoutes, { prefix: '/api/integrity' });
}

// For the demo seed: the same rules as the API (the caller acts as the integrity officer).
export { create as recordIntegrity } from './integrity.service.ts';
