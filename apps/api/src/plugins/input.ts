import type { FieldError } from '@voordeur/shared';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { errors } from './errors.ts';

/**
 * How deep a request's JSON may nest. Our deepest legitimate input (a catalogue item's intake field options
 * with their labels) is 7 levels; far deeper input is an attack on a parser or on PostgreSQL's jsonb.
 */
export const MAX_INPUT_DEPTH = 32;

export interface UnsafeText {
  /** Dotted path of the field (an object key that is itself unsafe is named by its own path). */
  field: string;
  code: 'nul_character' | 'unpaired_surrogate' | 'too_deep' | 'number_out_of_range';
  message: string;
}

/**
 * The largest whole number any input may carry: PostgreSQL's `integer`, which versions, counts and cents are
 * stored in. A larger one would pass a schema without its own maximum and fail in the database (a 500 the fuzz
 * test found on `version`), so it is refused here once, for every field.
 */
export const MAX_INPUT_INTEGER = 2_147_483_647;

const NUL = '\u0000';
/** A high surrogate not followed by a low one, or a low one not preceded by a high one (code units, no `u` flag). */
const UNPAIRED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(text: string): Pick<UnsafeText, 'code' | 'message'> | undefined {
  if (text.includes(NUL)) return { code: 'nul_character', message: 'Contains a NUL character (\\u0000)' };
  if (UNPAIRED.test(text))
    return { code: 'unpaired_surrogate', message: 'Contains an unpaired UTF-16 surrogate' };
  return undefined;
}

/**
 * The first string (or object key) in a parsed request part that PostgreSQL cannot store — a NUL character or
 * an unpaired surrogate, both refused by text and jsonb — the first whole number beyond `integer`, or the first
 * place nested deeper than `maxDepth`.
 * Iterative, so hostile nesting cannot overflow the stack.
 */
export function findUnsafeText(value: unknown, maxDepth = MAX_INPUT_DEPTH): UnsafeText | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const found = textProblem(v);
      if (found) return { field: path.join('.'), ...found };
      continue;
    }
    if (typeof v === 'number') {
      if (Number.isInteger(v) && Math.abs(v) > MAX_INPUT_INTEGER)
        return {
          field: path.join('.'),
          code: 'number_out_of_range',
          message: `Must be between -${MAX_INPUT_INTEGER} and ${MAX_INPUT_INTEGER}`,
        };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= maxDepth)
      return { field: path.join('.'), code: 'too_deep', message: `Nested deeper than ${maxDepth} levels` };
    const entries = Array.isArray(v) ? v.map((item, i) => [String(i), item] as const) : Object.entries(v);
    for (const [key, item] of entries) {
      const keyProblem = textProblem(key);
      if (keyProblem) return { field: [...path, key.replace(/[^\x20-\x7e]/g, '?')].join('.'), ...keyProblem };
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return undefined;
}

const PARTS = [
  ['params', 'path'],
  ['query', 'query string'],
  ['body', 'body'],
] as const;

/**
 * Refuses, for every route and before any schema runs, text that no database column can hold: NUL characters
 * and unpaired surrogates in path parameters, query parameters and bodies (JSON and text), and JSON nested too
 * deep. One 400 `validation_failed` naming the field, instead of a 500 from PostgreSQL for each route that
 * forgot to check.
 */
export const inputPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    for (const [part, place] of PARTS) {
      const found = findUnsafeText(request[part]);
      if (!found) continue;
      const field = found.field || (part === 'query' ? 'query' : part);
      const fieldError: FieldError = { field, message: found.message, code: found.code };
      throw errors.validation([fieldError], `The ${place} is not valid: ${field}.`);
    }
  });
});
