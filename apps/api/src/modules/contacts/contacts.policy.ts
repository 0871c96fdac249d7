import { anyOf } from '../../platform/policy.ts';

export const contactsPolicy = {
  /** Agents register contacts; channel integrations do so with an API token of the agent role. */
  register: anyOf('agent', 'backoffice', 'teamlead', 'admin'),
  /** Figures without personal data. */
  stats: anyOf('manager', 'teamlead', 'quality', 'admin'),
  callbacks: anyOf('agent', 'backoffice', 'teamlead', 'admin'),
};
