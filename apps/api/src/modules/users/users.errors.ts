import { AppError } from '../../plugins/errors.ts';
import { registerProblemTypes } from '../../plugins/problem-types.ts';

registerProblemTypes({
  email_taken: {
    status: 409,
    title: 'E-mail address in use',
    description: 'A user with this e-mail address exists.',
  },
  last_admin: {
    status: 409,
    title: 'Last administrator',
    description: 'The change would leave the organisation without an active administrator.',
  },
});

export const userErrors = {
  emailTaken: () =>
    new AppError(
      409,
      'email_taken',
      'E-mail address in use',
      'A user with this e-mail address already exists.',
      [{ field: 'email', message: 'Already in use' }],
    ),
  unknownTeams: (indexes: number[]) =>
    new AppError(
      400,
      'validation_failed',
      'Validation failed',
      'A membership names a team that is not part of your organisation.',
      indexes.map((i) => ({ field: `memberships.${i}.teamId`, message: 'Unknown team' })),
    ),
  lastAdmin: () =>
    new AppError(
      409,
      'last_admin',
      'Last administrator',
      'This change would leave the organisation without an active administrator.',
      [{ field: 'memberships', message: 'Keep at least one active admin' }],
    ),
};
