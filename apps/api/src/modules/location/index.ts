import type { FastifyInstance } from 'fastify';
import { caseMapRoutes, locationPages, mapConfigRoutes, portalLocationRoutes } from './location.routes.ts';

/**
 * Places and "already reported nearby?" (issue 13, items 3 and 4): the map's configuration, the portal's address
 * lookup and nearby reports, following a case (and the page that stops it), and the staff map of open reports.
 */
export async function locationModule(app: FastifyInstance) {
  await app.register(mapConfigRoutes, { prefix: '/api/public/map' });
  await app.register(portalLocationRoutes, { prefix: '/api/portal/:slug' });
  await app.register(caseMapRoutes, { prefix: '/api/case-map' });
  await app.register(locationPages);
}
