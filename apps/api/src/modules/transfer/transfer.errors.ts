import type { FieldError } from '@voordeur/shared';
import { AppError } from '../../plugins/errors.ts';
import { registerProblemTypes } from '../../plugins/problem-types.ts';

registerProblemTypes({
  import_invalid: {
    status: 422,
    title: 'Import refused',
    description:
      'At least one row of the import is invalid; nothing was changed. `errors` lists every bad row (line) and field.',
  },
});

/** At most this many row problems are listed: enough to mend a file, never a response as large as the file. */
const LISTED = 500;

/** The refusal of a whole import file (catalogue, knowledge, address register): nothing was changed. */
export function importRefused(problems: FieldError[]): AppError {
  return new AppError(
    422,
    'import_invalid',
    'Import refused',
    `${problems.length} problem(s); nothing was changed.`,
    problems.slice(0, LISTED),
  );
}
