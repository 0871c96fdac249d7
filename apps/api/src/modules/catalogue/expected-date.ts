import type { CatalogueItemDefinition } from '@voordeur/shared';
import { addDuration, addPublicNorm, type CalendarDefinition, localDate } from '../calendar/index.ts';

/**
 * "You can expect it by …": the public norm added to `start` in working time, ending at the close of a working
 * day as on a case ({@link addPublicNorm}), and the internal target.
 */
export function expectedCompletion(calendar: CalendarDefinition, def: CatalogueItemDefinition, start: Date) {
  const expected = addPublicNorm(calendar, start, def.norms.serviceNorm);
  const internal = def.norms.internalTarget ? addDuration(calendar, start, def.norms.internalTarget) : null;
  return {
    code: def.code,
    start: start.toISOString(),
    serviceNorm: def.norms.serviceNorm,
    expected: expected.toISOString(),
    expectedDate: localDate(expected, calendar.timeZone),
    internalTarget: internal?.toISOString() ?? null,
  };
}
