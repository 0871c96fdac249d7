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
});

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
};
