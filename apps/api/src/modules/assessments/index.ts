import type { FastifyInstance } from 'fastify';
import { assessmentsRoutes } from './assessments.routes.ts';

export { SHIPPED_MODELS } from './assessments.models.ts';
export { assessmentOverview, elementNames } from './assessments.service.ts';

/** Self-assessments (issue 15): maturity models, independent scoring, the consensus round and the profile. */
export async function assessmentsModule(app: FastifyInstance) {
  await app.register(assessmentsRoutes, { prefix: '/api/assessments' });
}
