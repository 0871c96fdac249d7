import type { FieldError } from '@voordeur/shared';
import { AppError } from '../../plugins/errors.ts';
import { registerProblemTypes } from '../../plugins/problem-types.ts';

registerProblemTypes({
  webhook_invalid: {
    status: 422,
    title: 'Webhook not valid',
    description:
      'The address must be an http:// or https:// URL without credentials, and every event type one Voordeur sends.',
  },
  webhook_inactive: {
    status: 422,
    title: 'Webhook inactive',
    description: 'An inactive webhook receives nothing, not even a test event; activate it first.',
  },
  webhook_delivery_not_retryable: {
    status: 409,
    title: 'Not retryable',
    description: 'Only a failed delivery can be sent again; this one is queued or delivered.',
  },
});

export const webhookErrors = {
  invalid: (errs: FieldError[]) =>
    new AppError(
      422,
      'webhook_invalid',
      'Webhook not valid',
      `Not valid: ${errs.map((e) => e.field).join(', ')}.`,
      errs,
    ),
  inactive: () =>
    new AppError(422, 'webhook_inactive', 'Webhook inactive', 'Activate the webhook before testing it.', [
      { field: 'active', message: 'Inactive' },
    ]),
  notRetryable: (status: string) =>
    new AppError(
      409,
      'webhook_delivery_not_retryable',
      'Not retryable',
      `This delivery is ${status}; only failed ones can be sent again.`,
      [{ field: 'status', message: `Is ${status}`, code: status }],
    ),
};
