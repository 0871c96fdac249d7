import { allows } from '../../platform/policy.ts';

/** Who reads and who steers improvements (PERMISSIONS: readImprovements, manageImprovements). */
export const improvementsPolicy = {
  read: allows('readImprovements'),
  manage: allows('manageImprovements'),
};
