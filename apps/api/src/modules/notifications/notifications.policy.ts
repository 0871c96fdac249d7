import { allows } from '../../platform/policy.ts';

/** The delivery log holds personal data (addresses, message bodies): for those who serve people. */
export const notificationsPolicy = {
  read: allows('readDeliveries'),
  retry: allows('retryDeliveries'),
  /**
   * Letters (channel post): the post queue, the PDF and "sent by post" — for those who work cases, since a
   * letter is a message about a case.
   */
  letters: allows('workLetters'),
  /** The dev mailbox: every email the installation kept instead of sending. */
  mailbox: allows('readMailbox'),
};
