import { allows } from '../../platform/policy.ts';

export const usersPolicy = {
  /** Team leads and managers see who works where; quality officers need names to read the audit trail. */
  list: allows('readUserList'),
  manage: allows('manageUsers'),
};
