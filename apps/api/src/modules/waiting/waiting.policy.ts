import { allows } from '../../platform/policy.ts';

export const waitingPolicy = {
  read: allows('readServiceInputs'),
  /** People of these roles, and a telephony system's API token of one of them. */
  import: allows('importWaitingFigures'),
};
