import type { FieldError } from '@voordeur/shared';
import { AppError } from '../../plugins/errors.ts';

/**
 * The refusal of a waiting import: nothing was stored. Unlike the catalogue's import, every problem is listed —
 * a telephony system's push must be mendable from one answer; the row limit of an import bounds the list.
 * (`import_invalid` is registered by the transfer module.)
 */
export function waitingImportRefused(problems: FieldError[]): AppError {
  const lines = new Set(problems.map((p) => p.line).filter((l) => l !== undefined)).size;
  return new AppError(
    422,
    'import_invalid',
    'Import refused',
    `${problems.length} problem(s) on ${lines} line(s); nothing was stored.`,
    problems,
  );
}
