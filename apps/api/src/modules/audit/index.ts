import type { FastifyInstance } from 'fastify';
import { auditRoutes } from './audit.routes.ts';

export async function auditModule(app: FastifyInstance) {
  await app.register(auditRoutes, { prefix: '/api/audit-events' });
}
