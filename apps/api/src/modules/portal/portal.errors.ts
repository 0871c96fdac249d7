import { CASE_LIMITS } from '@voordeur/shared';
import { AppError } from '../../plugins/errors.ts';
import { registerProblemTypes } from '../../plugins/problem-types.ts';

registerProblemTypes({
  form_expired: {
    status: 400,
    title: 'Form expired',
    description:
      'The form was handed out more than a day ago, or its token was changed: open the page again and send it anew.',
  },
  form_rejected: {
    status: 400,
    title: 'Form refused',
    description: 'A field that people do not see was filled in (the honeypot): taken for an automated post.',
  },
  form_too_fast: {
    status: 400,
    title: 'Sent too fast',
    description:
      'The form came back sooner after it was handed out than a person can fill it in. Send it again.',
  },
  not_online: {
    status: 422,
    title: 'Not online',
    description:
      'This service cannot be requested online (no web channel, or not a kind that becomes a case): reach the organisation through its other channels.',
  },
  too_many_reports: {
    status: 429,
    title: 'Too many reports',
    description: 'Too many reports from this address or email address in a short time. Try again later.',
  },
  upload_unknown: {
    status: 422,
    title: 'Upload not found',
    description: 'An upload id of the report is unknown or already used (uploads are kept for a day).',
  },
});

export const portalErrors = {
  expired: () =>
    new AppError(400, 'form_expired', 'Form expired', 'Open the page again and send the form anew.', [
      { field: 'formToken', message: 'Expired or changed' },
    ]),
  rejected: () =>
    new AppError(400, 'form_rejected', 'Form refused', 'This form looks like an automated post.', [
      { field: 'website', message: 'Must be empty' },
    ]),
  tooFast: (seconds: number) =>
    new AppError(
      400,
      'form_too_fast',
      'Sent too fast',
      `The form came back within ${seconds} s of being handed out. Send it again.`,
      [{ field: 'formToken', message: 'Too fast' }],
    ),
  notOnline: () =>
    new AppError(
      422,
      'not_online',
      'Not online',
      'This service cannot be requested online. Reach the organisation through its other channels.',
      [{ field: 'itemCode', message: 'Not online' }],
    ),
  throttled: (field: 'ip' | 'contact.email', retryAfterSeconds: number) =>
    new AppError(
      429,
      'too_many_reports',
      'Too many reports',
      'Too many reports in a short time. Try again later.',
      [{ field, message: 'Too many reports' }],
      { 'retry-after': String(retryAfterSeconds) },
    ),
  uploadUnknown: (field: string) =>
    new AppError(422, 'upload_unknown', 'Upload not found', 'Upload the file again.', [
      { field, message: 'Unknown or used upload' },
    ]),
  fileRejected: (message: string) =>
    new AppError(422, 'attachment_rejected', 'Attachment refused', message, [{ field: 'file', message }]),
  fileTooLarge: () =>
    new AppError(
      413,
      'attachment_too_large',
      'Attachment too large',
      `At most ${Math.round(CASE_LIMITS.attachmentMaxBytes / 1048576)} MB.`,
      [{ field: 'file', message: 'Too large' }],
    ),
};
