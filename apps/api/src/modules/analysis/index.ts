import type { FastifyInstance } from 'fastify';
import { analysisRoutes } from './analysis.routes.ts';

/** Causes and equal treatment of the monitoring (issue 14): drivers of satisfaction, breach reasons, equality. */
export async function analysisModule(app: FastifyInstance) {
  await app.register(analysisRoutes, { prefix: '/api/analysis' });
}

// ---- improvements (issue 15): one KPI under two filters, with its test ----
export { compareKpi, rateTest } from './analysis.compare.ts';
