import type { FastifyInstance } from 'fastify';
import { searchRoutes } from './search.routes.ts';

export {
  indexDocument,
  indexDocuments,
  removeDocument,
  type SearchDocumentInput,
} from './search.indexer.ts';
export { search, searchPublicSite } from './search.service.ts';

export async function searchModule(app: FastifyInstance) {
  await app.register(searchRoutes);
}
