import type { FastifyInstance } from 'fastify';
import { excellenceRoutes } from './excellence.routes.ts';

/** The excellence overview (issue 15, item 7). */
export async function excellenceModule(app: FastifyInstance) {
  await app.register(excellenceRoutes, { prefix: '/api/excellence' });
}
