import { AppError } from '../../plugins/errors.ts';
import { registerProblemTypes } from '../../plugins/problem-types.ts';

registerProblemTypes({
  slug_taken: {
    status: 409,
    title: 'Slug in use',
    description: 'Another organisation already has this slug (its address in public URLs).',
  },
});

export const organisationErrors = {
  slugTaken: () =>
    new AppError(409, 'slug_taken', 'Slug in use', 'Another organisation already has this slug.', [
      { field: 'slug', message: 'Already in use' },
    ]),
};
