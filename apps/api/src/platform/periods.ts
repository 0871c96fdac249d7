import type { z } from 'zod';

/** The longest period a monitoring input answers over, in days (five years). */
const MAX_DAYS = 366 * 5;

/**
 * The rules of a period asked of a monitoring input (queue figures, cost to serve, mystery checks), as the
 * monitoring API's own periods: `from` not after `to`, at most five years, and not ending after `today` (there are no
 * figures of days to come). Added to a query schema, each broken rule is a validation error naming its field.
 */
export function withPeriodRules<T extends z.ZodType<{ from: string; to: string }>>(
  schema: T,
  today: () => string,
) {
  return schema.superRefine((q, ctx) => {
    if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'After to' });
    else if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 > MAX_DAYS)
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'At most 5 years' });
    if (q.to > today())
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period may not end after today.' });
  });
}
