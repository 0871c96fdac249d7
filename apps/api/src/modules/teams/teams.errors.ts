import { AppError } from '../../plugins/errors.ts';

export const teamErrors = {
  nameTaken: () =>
    new AppError(409, 'team_name_taken', 'Name in use', 'Another team of this organisation has this name.', [
      { field: 'name', message: 'Already in use' },
    ]),
};
