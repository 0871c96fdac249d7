import { allows } from '../../platform/policy.ts';

export const auditPolicy = {
  /** The audit trail (the shared rule `readAudit`). */
  read: allows('readAudit'),
};
