import { allows } from '../../platform/policy.ts';

export const costsPolicy = {
  read: allows('readServiceInputs'),
  manage: allows('manageUnitCosts'),
};
