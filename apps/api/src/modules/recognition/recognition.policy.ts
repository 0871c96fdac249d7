import type { Actor } from '../../platform/actor.ts';
import { allows, type Rule, signedIn } from '../../platform/policy.ts';

export const recognitionPolicy = {
  /** Every employee has a team page for their own teams and sees their own compliments. */
  own: ((actor: Actor) => signedIn(actor) && actor.kind === 'user') satisfies Rule,
  allTeams: allows('readAllTeamPages'),
  surveyComments: allows('readSurveyResponses'),
};
