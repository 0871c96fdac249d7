import type { FieldError } from '@voordeur/shared';
import { AppError } from '../../plugins/errors.ts';

export const strategyErrors = {
  /** Well-formed input the organisation's data refuses (an unknown owner, a circle of objectives …): 422. */
  refused: (errs: FieldError[]) =>
    new AppError(422, 'validation_failed', 'Validation failed', errs.map((e) => e.message).join(' '), errs),
};
