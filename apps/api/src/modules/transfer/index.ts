import type { FastifyInstance } from 'fastify';
import { transferRoutes } from './transfer.routes.ts';

export { articlesFromCsv, articlesToCsv, itemsFromCsv, itemsToCsv, parseCsv } from './transfer.csv.ts';
export { importRefused } from './transfer.errors.ts';
export { exportContent, type ImportInput, importContent } from './transfer.service.ts';

export async function transferModule(app: FastifyInstance) {
  await app.register(transferRoutes, { prefix: '/api/transfer' });
}
