import { allows, signedIn } from '../../platform/policy.ts';

export const teamsPolicy = {
  /** Every signed-in person sees the teams: hand-overs and assignments need them. */
  list: signedIn,
  manage: allows('manageTeams'),
};
