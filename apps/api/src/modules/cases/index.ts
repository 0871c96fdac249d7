import type { FastifyInstance } from 'fastify';
import './cases.errors.ts';
import { caseAdminRoutes, casesRoutes } from './cases.routes.ts';

export { assign } from './cases.actions.ts';
export { caseLanguage, type IntakeInput, intakeCase } from './cases.intake.ts';
export { presentCase, presentCaseSummary } from './cases.presenter.ts';
export { casesOfContact } from './cases.queries.ts';
export {
  type CaseDetail,
  casesOfCustomer,
  getCase,
  type OpenCaseInput,
  openCase,
  transition,
} from './cases.service.ts';
export { sweepClocks } from './cases.sweep.ts';

export async function casesModule(app: FastifyInstance) {
  await app.register(casesRoutes, { prefix: '/api/cases' });
  await app.register(caseAdminRoutes, { prefix: '/api' });
}
