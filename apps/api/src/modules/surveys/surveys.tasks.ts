import type { PeriodicTask } from '../../platform/jobs.ts';
import { sendInvitations } from './surveys.invite.ts';

/** Invitations for what closed since the last round (cases, sampled contacts), and the reminders due. */
export const surveyInvitationsTask: PeriodicTask = {
  name: 'surveys.invitations',
  intervalSeconds: 300,
  run: (db) => sendInvitations(db),
};
