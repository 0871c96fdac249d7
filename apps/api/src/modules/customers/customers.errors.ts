import { AppError } from '../../plugins/errors.ts';
import { registerProblemTypes } from '../../plugins/problem-types.ts';

registerProblemTypes({
  customer_merged: {
    status: 409,
    title: 'Customer merged',
    description: 'This customer record was merged into another; use the record it was merged into.',
  },
  customer_merge_invalid: {
    status: 422,
    title: 'Cannot merge',
    description: 'A record cannot be merged into itself, and records of different kinds are not merged.',
  },
});

export const customerErrors = {
  merged: (into: string) =>
    new AppError(409, 'customer_merged', 'Customer merged', `This record was merged into ${into}.`),
  mergeInvalid: (message: string) =>
    new AppError(422, 'customer_merge_invalid', 'Cannot merge', message, [{ field: 'duplicateId', message }]),
};
