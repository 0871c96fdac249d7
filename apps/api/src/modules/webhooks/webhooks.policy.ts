import { allows } from '../../platform/policy.ts';

/** Webhooks send case data to other systems: only administrators set them up and read their log. */
export const webhooksPolicy = {
  manage: allows('manageWebhooks'),
};
