import type { FieldError } from '@voordeur/shared';
import { AppError } from '../../plugins/errors.ts';

export const assessmentErrors = {
  /** A request that names something wrong (an unknown KPI, a non-http link, a level off the scale …): 422. */
  invalid: (errs: FieldError[]) =>
    new AppError(422, 'validation_failed', 'Validation failed', 'Some values are not valid.', errs),
  /** Not possible in the assessment's phase, or after the rater submitted. */
  phase: (detail: string) => new AppError(409, 'assessment_phase', 'Not possible now', detail),
  unagreed: (codes: string[]) =>
    new AppError(
      409,
      'elements_unagreed',
      'Levels not agreed',
      'Every element needs an agreed level before the assessment closes.',
      codes.map((c) => ({ field: `elements.${c}`, message: 'No agreed level' })),
    ),
  modelTaken: () =>
    new AppError(
      409,
      'model_version_taken',
      'Model version exists',
      'This model version exists and never changes; load it as a higher version.',
      [{ field: 'version', message: 'Exists' }],
    ),
};
