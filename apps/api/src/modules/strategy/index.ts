import type { FastifyInstance } from 'fastify';
import { strategyRoutes } from './strategy.routes.ts';

export { objectivesStatus } from './strategy.service.ts';

/** Strategy (issue 15, elements 1 and 2): the service vision, objectives with KPI targets and actions, the review. */
export async function strategyModule(app: FastifyInstance) {
  await app.register(strategyRoutes, { prefix: '/api/strategy' });
}

// For the demo seed: the same rules as the API.
export { addAction, addTarget, adoptVision, createObjective } from './strategy.service.ts';
