import type { FieldError } from '@voordeur/shared';
import { AppError } from '../../plugins/errors.ts';
import { registerProblemTypes } from '../../plugins/problem-types.ts';

registerProblemTypes({
  intake_invalid: {
    status: 422,
    title: 'Intake incomplete',
    description:
      'The intake answers do not fit the intake form of the catalogue item; each problem names its field.',
  },
  item_not_for_cases: {
    status: 422,
    title: 'Not a case',
    description:
      'Questions are answered, not handed over: only reports, requests, complaints and the like become cases.',
  },
  transition_not_allowed: {
    status: 422,
    title: 'Transition not allowed',
    description: 'The workflow of this case does not lead from its current status to the requested one.',
  },
  breach_reason_required: {
    status: 422,
    title: 'Breach reason required',
    description: 'The case closes after its service norm: say why, with a reason from the list and a text.',
  },
  case_closed: {
    status: 422,
    title: 'Case closed',
    description: 'The case is closed; reopen it first (a reply from the person becomes a reopen request).',
  },
  case_invalid_action: {
    status: 422,
    title: 'Not possible for this case',
    description: 'The action does not fit the state of the case; the problem names the field.',
  },
  extension_ends_in_past: {
    status: 422,
    title: 'Extension ends in the past',
    description:
      'An extension counts from the due date; the one asked for would end before now, and the person cannot be promised a day gone by. Extend by more.',
  },
  attachment_rejected: {
    status: 422,
    title: 'Attachment refused',
    description:
      'Only photos (JPEG, PNG, WebP, HEIC) and PDF files up to the size limit, recognised by content.',
  },
  attachment_too_large: {
    status: 413,
    title: 'Attachment too large',
    description: 'The file is larger than the limit.',
  },
});

/** `reason`: a stable code for why, so clients can word the refusal in their own language. */
const invalid = (field: string, message: string, reason: string) =>
  new AppError(422, 'case_invalid_action', 'Not possible for this case', message, [
    { field, message, code: reason },
  ]);

export const caseErrors = {
  intakeInvalid: (errs: FieldError[]) =>
    new AppError(
      422,
      'intake_invalid',
      'Intake incomplete',
      'Some intake answers are missing or wrong.',
      errs,
    ),
  notForCases: () =>
    new AppError(
      422,
      'item_not_for_cases',
      'Not a case',
      'This catalogue item is a question: answer it instead.',
      [{ field: 'itemCode', message: 'A question cannot become a case' }],
    ),
  transition: (from: string, to: string, allowed: string[]) =>
    new AppError(
      422,
      'transition_not_allowed',
      'Transition not allowed',
      `From “${from}” the workflow leads to: ${allowed.join(', ') || 'nothing'}.`,
      [{ field: 'to', message: `“${to}” is not reachable from “${from}”` }],
    ),
  breachReason: (errs: FieldError[]) =>
    new AppError(
      422,
      'breach_reason_required',
      'Breach reason required',
      'The service norm has passed: give the reason and explain it.',
      errs,
    ),
  closed: () =>
    new AppError(422, 'case_closed', 'Case closed', 'The case is closed.', [
      { field: 'id', message: 'Closed; reopen it first' },
    ]),
  invalid,
  extensionInPast: (endsAt: Date) =>
    new AppError(
      422,
      'extension_ends_in_past',
      'Extension ends in the past',
      `The extended term would end on ${endsAt.toISOString()}, which has passed; extend by more.`,
      [{ field: 'extension.amount', message: 'Ends in the past; extend by more' }],
    ),
  unknown: (field: string, what: string) => invalid(field, `No such ${what}`, 'unknown'),
  attachmentRejected: (message: string) =>
    new AppError(422, 'attachment_rejected', 'Attachment refused', message, [{ field: 'file', message }]),
  attachmentTooLarge: (max: number) =>
    new AppError(
      413,
      'attachment_too_large',
      'Attachment too large',
      `At most ${Math.round(max / 1048576)} MB.`,
      [{ field: 'file', message: 'Too large' }],
    ),
};
