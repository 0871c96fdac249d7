import type { FieldError } from '@voordeur/shared';
import { AppError } from '../../plugins/errors.ts';
import { registerProblemTypes } from '../../plugins/problem-types.ts';

registerProblemTypes({
  invalid_definition: {
    status: 422,
    title: 'Invalid catalogue definition',
    description:
      'The item breaks a catalogue rule (workflow, norms, related items, team); `errors` names each place.',
  },
  code_taken: {
    status: 409,
    title: 'Code in use',
    description: 'Another item or article of the organisation has this code.',
  },
  no_draft: {
    status: 409,
    title: 'Nothing to publish',
    description: 'There is no draft version to publish.',
  },
  not_published: {
    status: 409,
    title: 'Not published',
    description: 'The item has no published version (yet, or any more), so it has no public norm.',
  },
});

export const catalogueErrors = {
  invalid: (errors: FieldError[]) =>
    new AppError(
      422,
      'invalid_definition',
      'Invalid catalogue definition',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    ),
  codeTaken: () =>
    new AppError(409, 'code_taken', 'Code in use', 'Another item of this organisation has this code.', [
      { field: 'code', message: 'Already in use' },
    ]),
  codeChanged: () =>
    new AppError(
      422,
      'invalid_definition',
      'Invalid catalogue definition',
      'The code of an item cannot change.',
      [{ field: 'code', message: 'Must equal the code in the address' }],
    ),
  noDraft: () => new AppError(409, 'no_draft', 'Nothing to publish', 'Save a draft first, then publish it.'),
  /** Retiring what is retired already: nothing is published any more (the same problem as a norm asked of it). */
  retiredAlready: () =>
    new AppError(
      409,
      'not_published',
      'Not published',
      'This is retired already: there is nothing to retire.',
    ),
  notPublished: () =>
    new AppError(
      409,
      'not_published',
      'Not published',
      'This item has no published version, so it has no public norm.',
    ),
};
