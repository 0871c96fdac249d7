import type { FastifyInstance } from 'fastify';
import { knowledgeRoutes } from './knowledge.routes.ts';

export {
  createArticle,
  publish as publishArticle,
  saveDraft as saveArticleDraft,
} from './knowledge.service.ts';

export async function knowledgeModule(app: FastifyInstance) {
  await app.register(knowledgeRoutes, { prefix: '/api/knowledge' });
}
