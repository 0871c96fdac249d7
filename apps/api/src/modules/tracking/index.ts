import type { FastifyInstance } from 'fastify';
import { trackingRoutes } from './tracking.routes.tsx';

export { TRACKING_LIMITS, trackingView } from './tracking.service.ts';

/**
 * Tracking: the person's own page of their case, reached by the private link in every message or by reference +
 * email address + a one-time code; they read where things stand, answer a question and say "this is not solved".
 * Server-rendered (ADR 0022); the changes themselves are cases' (`replyFromPerson`, `requestReopen`).
 */
export async function trackingModule(app: FastifyInstance) {
  await app.register(trackingRoutes);
}
