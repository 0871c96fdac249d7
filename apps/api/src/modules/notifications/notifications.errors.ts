import { AppError } from '../../plugins/errors.ts';
import { registerProblemTypes } from '../../plugins/problem-types.ts';

registerProblemTypes({
  notification_not_retryable: {
    status: 409,
    title: 'Not retryable',
    description: 'Only a failed or bounced notification can be sent again; this one is queued or sent.',
  },
  mailbox_disabled: {
    status: 404,
    title: 'No dev mailbox',
    description:
      'A mail server is configured (SMTP_URL), so emails are sent rather than kept; see the delivery log (GET /api/notifications).',
  },
});

export const notificationErrors = {
  notRetryable: (status: string) =>
    new AppError(
      409,
      'notification_not_retryable',
      'Not retryable',
      `This notification is ${status}; only failed or bounced ones can be sent again.`,
      [{ field: 'status', message: `Is ${status}` }],
    ),
  mailboxDisabled: () =>
    new AppError(
      404,
      'mailbox_disabled',
      'No dev mailbox',
      'SMTP_URL is set: emails go to the mail server. The delivery log is GET /api/notifications.',
    ),
};
