import { allows } from '../../platform/policy.ts';

/** Personal data is for those who serve people; managers and quality staff see aggregates only. */
export const customersPolicy = {
  use: allows('useCustomers'),
  merge: allows('mergeCustomers'),
  settings: allows('manageFrontOfficeSettings'),
};
