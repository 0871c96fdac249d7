import { AppError } from '../../plugins/errors.ts';
import { registerProblemTypes } from '../../plugins/problem-types.ts';

registerProblemTypes({
  team_name_taken: {
    status: 409,
    title: 'Name in use',
    description: 'Another team of the organisation has this name.',
  },
});

export const teamErrors = {
  nameTaken: () =>
    new AppError(409, 'team_name_taken', 'Name in use', 'Another team of this organisation has this name.', [
      { field: 'name', message: 'Already in use' },
    ]),
};
