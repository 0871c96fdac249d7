import type { FastifyInstance } from 'fastify';
import { open311AdminRoutes } from './open311.admin.routes.ts';
import { open311Dialect } from './open311.format.ts';
import { open311Routes } from './open311.routes.ts';

/**
 * Open311 GeoReport v2 over the catalogue and cases (issue 13, item 8): the spec's endpoints under /open311/v2,
 * answering errors in the spec's format for everything under /open311/ (ADR 0028), and the administrators' API
 * keys of client apps under /api/open311/clients.
 */
export async function open311Module(app: FastifyInstance) {
  app.errorDialects.push(open311Dialect);
  await app.register(open311Routes, { prefix: '/open311/v2' });
  await app.register(open311AdminRoutes, { prefix: '/api/open311/clients' });
}
