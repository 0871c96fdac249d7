import { allows } from '../../platform/policy.ts';

export const addressesPolicy = {
  lookup: allows('lookupAddresses'),
  manage: allows('manageAddresses'),
};
