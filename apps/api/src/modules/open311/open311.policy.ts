import { allows } from '../../platform/policy.ts';

export const open311Policy = {
  /** Issue, list and revoke the API keys of Open311 client apps. */
  manageClients: allows('manageOpen311Clients'),
};
