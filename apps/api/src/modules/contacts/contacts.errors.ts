import { AppError } from '../../plugins/errors.ts';
import { registerProblemTypes } from '../../plugins/problem-types.ts';

registerProblemTypes({
  contact_closed: {
    status: 409,
    title: 'Contact closed',
    description: 'A closed contact is part of the register and no longer changes.',
  },
  outcome_required: {
    status: 422,
    title: 'Outcome required',
    description: 'Say how the contact ended: answered, case, callback, referred or not helped.',
  },
  idempotency_conflict: {
    status: 422,
    title: 'Idempotency key reused',
    description: 'This Idempotency-Key was used before for a different contact.',
  },
  reference_invalid: {
    status: 422,
    title: 'Unknown reference',
    description:
      'The request refers to a customer, catalogue item, article or team that your organisation does not have.',
  },
  callback_done: {
    status: 409,
    title: 'Callback done',
    description: 'The person was reached; no more attempts are recorded.',
  },
});

export const contactErrors = {
  closed: () => new AppError(409, 'contact_closed', 'Contact closed', 'This contact is already closed.'),
  outcomeRequired: () =>
    new AppError(422, 'outcome_required', 'Outcome required', 'Say how the contact ended.', [
      { field: 'outcome', message: 'Required' },
    ]),
  idempotencyConflict: () =>
    new AppError(
      422,
      'idempotency_conflict',
      'Idempotency key reused',
      'This Idempotency-Key was used before for a different contact.',
      [{ field: 'Idempotency-Key', message: 'Used before with other content' }],
    ),
  callbackDone: () => new AppError(409, 'callback_done', 'Callback done', 'This callback request is done.'),
  unknown: (field: string, what: string) =>
    new AppError(422, 'reference_invalid', 'Unknown reference', `No such ${what} in your organisation.`, [
      { field, message: `No such ${what}` },
    ]),
};
