import { allows } from '../../platform/policy.ts';

export const assessmentPolicy = {
  read: allows('readAssessments'),
  run: allows('runAssessments'),
};
