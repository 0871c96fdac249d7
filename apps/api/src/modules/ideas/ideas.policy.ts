import { allows } from '../../platform/policy.ts';

export const ideasPolicy = {
  read: allows('readIdeas'),
  manage: allows('manageIdeas'),
  moderate: allows('moderateIdeaComments'),
};
