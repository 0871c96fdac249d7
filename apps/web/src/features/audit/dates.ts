/**
 * `<input type="date">` gives `YYYY-MM-DD`; the API wants instants. A day is taken in the
 * browser's time zone (Europe/Amsterdam for our users): from its first to its last millisecond.
 */
function parseDay(day: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
}

export function startOfDayIso(day: string): string | undefined {
  const parts = parseDay(day);
  return parts ? new Date(parts[0], parts[1], parts[2], 0, 0, 0, 0).toISOString() : undefined;
}

export function endOfDayIso(day: string): string | undefined {
  const parts = parseDay(day);
  return parts ? new Date(parts[0], parts[1], parts[2], 23, 59, 59, 999).toISOString() : undefined;
}
