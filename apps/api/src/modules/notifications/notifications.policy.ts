import { anyOf } from '../../platform/policy.ts';

/** The delivery log holds personal data (addresses, message bodies): for those who serve people. */
export const notificationsPolicy = {
  read: anyOf('agent', 'backoffice', 'teamlead', 'admin'),
  retry: anyOf('teamlead', 'admin'),
  /**
   * Letters (channel post): the post queue, the PDF and "sent by post" — for those who work cases (the policy
   * `work` of cases), since a letter is a message about a case.
   */
  letters: anyOf('backoffice', 'teamlead', 'admin'),
  /** The dev mailbox: every email the installation kept instead of sending. */
  mailbox: anyOf('admin'),
};
