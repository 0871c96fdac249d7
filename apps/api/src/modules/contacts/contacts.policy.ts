import { allows } from '../../platform/policy.ts';

export const contactsPolicy = {
  /** Agents register contacts; channel integrations do so with an API token of the agent role. */
  register: allows('registerContacts'),
  callbacks: allows('workCallbacks'),
};
