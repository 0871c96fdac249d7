/**
 * Improvements (issue 15, "Verbeteren"): proposals, their PDCA cycle and measured effect. Other modules create
 * improvements only through this file.
 */
import type { FastifyInstance } from 'fastify';
import { improvementsRoutes } from './improvements.routes.ts';

export { PublicImprovementsSection } from './improvements.public.tsx';
export {
  type CreateImprovementInput,
  createImprovement,
  existingImprovements,
  improvementOverview,
  improvementsOfTeam,
  placeForDemo,
  publicImprovements,
} from './improvements.service.ts';

export async function improvementsModule(app: FastifyInstance) {
  await app.register(improvementsRoutes, { prefix: '/api/improvements' });
}
