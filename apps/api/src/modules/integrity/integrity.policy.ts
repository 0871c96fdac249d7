import { allows } from '../../platform/policy.ts';

/** The integrity officer alone — not even an admin (the permission names one role). */
export const integrityPolicy = { manage: allows('manageIntegrity') };
