import type { FastifyInstance } from 'fastify';
import './cases.errors.ts';
import { casesRoutes } from './cases.routes.ts';

export { presentCase, presentCaseSummary } from './cases.presenter.ts';
export { casesOfContact } from './cases.queries.ts';
export { casesOfCustomer, getCase, type OpenCaseInput, openCase } from './cases.service.ts';

export async function casesModule(app: FastifyInstance) {
  await app.register(casesRoutes, { prefix: '/api/cases' });
}
