import { anyOf } from '../../platform/policy.ts';

/** The delivery log holds personal data (addresses, message bodies): for those who serve people. */
export const notificationsPolicy = {
  read: anyOf('agent', 'backoffice', 'teamlead', 'admin'),
  retry: anyOf('teamlead', 'admin'),
  /** The dev mailbox: every email the installation kept instead of sending. */
  mailbox: anyOf('admin'),
};
