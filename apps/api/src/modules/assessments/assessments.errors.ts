import type { FieldError } from '@voordeur/shared';
import { AppError, errors } from '../../plugins/errors.ts';
import { registerProblemTypes } from '../../plugins/problem-types.ts';

registerProblemTypes({
  assessment_phase: {
    status: 409,
    title: 'Not possible now',
    description:
      'The self-assessment is not in the phase this needs (scoring, consensus, closed), or the rater already submitted their scores.',
  },
  elements_unagreed: {
    status: 409,
    title: 'Levels not agreed',
    description:
      'The self-assessment closes only when every element has an agreed level; `errors` names the others.',
  },
  model_version_taken: {
    status: 409,
    title: 'Model version exists',
    description: 'A model version never changes once it exists; load the change as a higher version.',
  },
});

export const assessmentErrors = {
  /** A request that names something wrong (an unknown KPI, a non-http link, a level off the scale …), named. */
  invalid: (errs: FieldError[]) => errors.validation(errs, 'Some values are not valid.'),
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
