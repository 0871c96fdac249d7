import type { CatalogueItemDefinition } from '@voordeur/shared';
import { addDuration, type CalendarDefinition } from '../calendar/index.ts';

const localDate = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

/** "You can expect it by …": the public norm (and the internal target) added to `start` in working time. */
export function expectedCompletion(calendar: CalendarDefinition, def: CatalogueItemDefinition, start: Date) {
  const expected = addDuration(calendar, start, def.norms.serviceNorm);
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
