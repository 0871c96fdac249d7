import { z } from 'zod';
import { ERROR_CODES } from './errors.ts';

/** One field-level error inside a problem document. `field` is a dotted path such as `memberships.0.role`. */
export const fieldErrorSchema = z.object({
  field: z.string().meta({
    description: 'Dotted path of the offending field ("body", "query" or "header" when not one field).',
  }),
  message: z.string(),
  code: z.string().optional().meta({
    description: 'Stable code of the reason, where there is one, for clients that word it themselves.',
  }),
  line: z
    .number()
    .int()
    .optional()
    .meta({ description: 'Line in an imported file, where the error is in one.' }),
});

/** RFC 9457 problem details, extended with a stable `code`, field errors and the request id. */
export const problemSchema = z
  .object({
    type: z.string().meta({ description: 'URI reference that identifies the problem type.' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.enum(ERROR_CODES).meta({
      description:
        'Stable machine-readable code, e.g. "validation_failed"; GET /api/problems says what each means.',
    }),
    errors: z.array(fieldErrorSchema).optional(),
    requestId: z.string(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export type Problem = z.infer<typeof problemSchema>;
export type FieldError = z.infer<typeof fieldErrorSchema>;
