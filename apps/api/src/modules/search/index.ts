import type { FastifyInstance } from 'fastify';
import { searchRoutes } from './search.routes.ts';

export { indexDocument, removeDocument } from './search.indexer.ts';

export async function searchModule(app: FastifyInstance) {
  await app.register(searchRoutes);
}
