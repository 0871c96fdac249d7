import type { FastifyInstance } from 'fastify';
import { costsRoutes } from './costs.routes.ts';

export { costToServeOf, kpiValues, seedDemoCosts } from './costs.service.ts';

/** Cost to serve (issue 14): unit costs per channel, set against volumes and satisfaction. */
export async function costsModule(app: FastifyInstance) {
  await app.register(costsRoutes, { prefix: '/api/costs' });
}
