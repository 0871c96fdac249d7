import type { FastifyInstance } from 'fastify';
import type { ModuleWork } from '../../platform/jobs.ts';
import { surveyPageRoutes, surveysRoutes } from './surveys.routes.tsx';
import { surveyInvitationsTask } from './surveys.tasks.ts';

export { sendInvitations, sendReminders, surveyLinkOfCase } from './surveys.invite.ts';
export { SURVEY_CONSENT_PURPOSE } from './surveys.queries.ts';
export { DEMO_SURVEY, seedDemoSurveys } from './surveys.seed.ts';
export { DEFAULT_SETTINGS as DEFAULT_SURVEY_SETTINGS } from './surveys.service.ts';

/** The background work of surveys (registered in `worker/registry.ts`). */
export const surveysWork = { tasks: [surveyInvitationsTask] } as const satisfies ModuleWork;

export async function surveysModule(app: FastifyInstance) {
  await app.register(surveysRoutes, { prefix: '/api' });
  await app.register(surveyPageRoutes);
}
