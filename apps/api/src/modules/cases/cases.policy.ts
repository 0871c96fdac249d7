import { anyOf } from '../../platform/policy.ts';

export const casesPolicy = {
  /** Front and back office work in one system: both see cases. */
  read: anyOf('agent', 'backoffice', 'teamlead', 'admin'),
  create: anyOf('agent', 'backoffice', 'teamlead', 'admin'),
};
