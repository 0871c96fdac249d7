import { anyOf } from '../../platform/policy.ts';

export const auditPolicy = {
  /** The audit trail: administrators and quality officers. */
  read: anyOf('admin', 'quality'),
};
