import type { FastifyInstance } from 'fastify';
import type { ModuleWork } from '../../platform/jobs.ts';
import './cases.errors.ts';
import { caseAdminRoutes, casesRoutes } from './cases.routes.ts';
import { clockSweepTask } from './cases.tasks.ts';

export { assign } from './cases.actions.ts';
export { addAttachment, cleanFileName } from './cases.attachments.ts';
// ---- monitoring (issue 14, rollups): the working time a case took (the rebuild fills it in where missing) ----
export { resolutionMinutes } from './cases.clock.ts';
// ---- surveys (issue 13): what a survey answer does to its case ----
export { recordSurveyOutcome, type SurveyOutcome } from './cases.followup.ts';
export { caseLanguage, type IntakeInput, intakeCase } from './cases.intake.ts';
export { statusValues } from './cases.messages.ts';
export {
  explainNearby,
  followCase,
  followerOfToken,
  nearbyReports,
  openCasesOnMap,
  unfollow,
} from './cases.nearby.ts';
/** What the person does on their case's own page (module tracking). */
export {
  caseByReference,
  caseByTrackingHash,
  PERSON_LABEL,
  personCtx,
  reopenRequestRefusal,
  replyFromPerson,
  requestReopen,
  type TrackingDetail,
  waitsForPerson,
} from './cases.person.ts';
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
// ---- monitoring causes (issue 14): the breach reasons' words ----
export { caseSettings } from './cases.settings.ts';
export { sweepClocks } from './cases.sweep.ts';
/** The built-in message texts (read by the test that no text promises a page or feature that does not exist). */
export { BUILT_IN_TEMPLATES, STAFF_TEXTS } from './cases.templates.ts';

/** The background work of cases (registered in `worker/registry.ts`). */
export const casesWork = { tasks: [clockSweepTask] } as const satisfies ModuleWork;

export async function casesModule(app: FastifyInstance) {
  await app.register(casesRoutes, { prefix: '/api/cases' });
  await app.register(caseAdminRoutes, { prefix: '/api' });
}
