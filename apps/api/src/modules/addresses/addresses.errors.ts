import { AppError } from '../../plugins/errors.ts';
import { registerProblemTypes } from '../../plugins/problem-types.ts';

registerProblemTypes({
  location_outside: {
    status: 422,
    title: 'Location outside the organisation',
    description:
      'The address is not in the organisation’s address register, or the point lies farther than 500 m from every address in it.',
  },
});

export const addressErrors = {
  /** `field` names what was wrong: the address (`postcode`) or the point (`lat`). */
  outside: (field: string) =>
    new AppError(
      422,
      'location_outside',
      'Location outside the organisation',
      'This place is not in the organisation’s address register.',
      [{ field, message: 'Not in the organisation', code: 'location_outside' }],
    ),
};
