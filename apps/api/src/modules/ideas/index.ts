import type { FastifyInstance } from 'fastify';
import { ideaPageRoutes, ideasRoutes } from './ideas.routes.tsx';

export { seedDemoIdeas } from './ideas.seed.ts';

/**
 * Innovation (issue 15, item 4): the ideas pipeline (idea → experiment → pilot → rollout, or stopped), the
 * experiment measured from the KPIs against a comparison group, and co-creation — residents comment on a
 * published idea at /p/<slug>/ideeen, held for moderation.
 */
export async function ideasModule(app: FastifyInstance) {
  await app.register(ideasRoutes, { prefix: '/api/ideas' });
  await app.register(ideaPageRoutes);
}
