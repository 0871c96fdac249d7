import { allows } from '../../platform/policy.ts';

export const mysteryPolicy = {
  read: allows('readServiceInputs'),
  record: allows('recordMysteryChecks'),
};
