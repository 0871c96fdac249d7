import type { FastifyInstance } from 'fastify';
import { mysteryRoutes } from './mystery.routes.ts';

export { seedDemoMystery } from './mystery.seed.ts';
export { kpiValues, recordCheck } from './mystery.service.ts';

/** Mystery shopping and calling (issue 14): a checklist per channel and the results of test contacts. */
export async function mysteryModule(app: FastifyInstance) {
  await app.register(mysteryRoutes, { prefix: '/api/mystery' });
}
