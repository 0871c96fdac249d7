import { anyOf } from '../../platform/policy.ts';

/** Personal data is for those who serve people; managers and quality staff see aggregates only. */
export const customersPolicy = {
  use: anyOf('agent', 'backoffice', 'teamlead', 'admin'),
  merge: anyOf('teamlead', 'admin'),
  settings: anyOf('admin'),
};
