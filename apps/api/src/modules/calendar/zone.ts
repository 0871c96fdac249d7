import { tzOffset, tzScan } from '@date-fns/tz';

/**
 * Fast wall-clock arithmetic for one IANA time zone, at minute precision.
 *
 * Everything here counts in whole minutes since the Unix epoch:
 * - an *instant* `u` is UTC minutes (`Date.getTime() / 60_000`);
 * - a *local* value `l` is the wall-clock reading in the zone, counted as if it were UTC minutes, so that
 *   `Math.floor(l / 1440)` is the local day number and `l % 1440` the minute of that day.
 *
 * Why not call `TZDate` for every conversion: `tzOffset` formats a date with `Intl` (about 10 µs a call), and
 * the calendar converts a few thousand times for a year-long range. So the offsets of a year are looked up
 * once with `tzScan`/`tzOffset` from `@date-fns/tz` and kept as a short list of transitions; a conversion is
 * then plain arithmetic. Assumes (true for all of Europe) that a zone changes its offset at most once within
 * 48 hours and at most once within a calendar month (`tzScan` samples monthly).
 */

export const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

/** Offsets of one UTC year: `initial` from its start, then each change at instant `at` (UTC minutes). */
interface YearOffsets {
  from: number;
  to: number;
  initial: number;
  changes: { at: number; offset: number }[];
}

/** Per time zone, per UTC year; years are filled on first use and never change. */
const cache = new Map<string, Map<number, YearOffsets>>();

/** Zone names already accepted; building an `Intl.DateTimeFormat` to check one costs tens of microseconds. */
const knownZones = new Set<string>();

/** True when the runtime knows the IANA zone name (`Intl` throws a RangeError for unknown zones). */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  if (knownZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    return false;
  }
  knownZones.add(timeZone);
  return true;
}

function loadYear(timeZone: string, year: number): YearOffsets {
  const startMs = Date.UTC(year, 0, 1);
  const endMs = Date.UTC(year + 1, 0, 1);
  const initial = tzOffset(timeZone, new Date(startMs));
  if (Number.isNaN(initial)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const changes = tzScan(timeZone, { start: new Date(startMs), end: new Date(endMs) })
    .filter((c) => +c.date < endMs)
    .map((c) => {
      // tzScan reports the first whole UTC hour with the new offset; find the exact minute within that hour
      // so zones that switch at a half hour are not off by up to 59 minutes.
      let lo = +c.date - MS_PER_HOUR; // still the old offset
      let hi = +c.date; // already the new offset
      while (hi - lo > MS_PER_MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
        if (tzOffset(timeZone, new Date(mid)) === c.offset) hi = mid;
        else lo = mid;
      }
      return { at: hi / MS_PER_MINUTE, offset: c.offset };
    });
  return { from: startMs / MS_PER_MINUTE, to: endMs / MS_PER_MINUTE, initial, changes };
}

/** A converter bound to one zone; keeps the last year used so runs of nearby instants skip the map lookup. */
export class Zone {
  private readonly years: Map<number, YearOffsets>;
  private last: YearOffsets | undefined;

  constructor(readonly timeZone: string) {
    let years = cache.get(timeZone);
    if (!years) {
      if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
      years = new Map();
      cache.set(timeZone, years);
    }
    this.years = years;
  }

  /** UTC offset in minutes (east positive, +60 for CET) at instant `u` (UTC minutes). */
  offsetAt(u: number): number {
    let y = this.last;
    if (!y || u < y.from || u >= y.to) {
      const year = new Date(u * MS_PER_MINUTE).getUTCFullYear();
      y = this.years.get(year);
      if (!y) {
        y = loadYear(this.timeZone, year);
        this.years.set(year, y);
      }
      this.last = y;
    }
    let offset = y.initial;
    for (const c of y.changes) {
      if (u >= c.at) offset = c.offset;
      else break;
    }
    return offset;
  }

  /** Wall-clock minutes for instant `u`. */
  toLocal(u: number): number {
    return u + this.offsetAt(u);
  }

  /**
   * The instant for wall-clock minutes `l`.
   * Resolved like Temporal's 'compatible' disambiguation and `Date`:
   * - a time that occurs twice (autumn, 02:30 in Amsterdam) is the earlier instant (CEST; `TZDate` would take
   *   the later one), so a deadline never lands later than any reading of the wall clock;
   * - a time that does not exist (spring, 02:30) is read with the offset before the change, i.e. it moves
   *   forward by the gap (02:30 → 03:30 CEST), as `TZDate` does too.
   */
  fromLocal(l: number): number {
    const before = this.offsetAt(l - MINUTES_PER_DAY);
    const after = this.offsetAt(l + MINUTES_PER_DAY);
    if (before === after) return l - before;
    const early = l - before;
    const late = l - after;
    const earlyOk = this.offsetAt(early) === before;
    const lateOk = this.offsetAt(late) === after;
    if (earlyOk && lateOk) return Math.min(early, late);
    if (lateOk) return late;
    return early;
  }
}

/**
 * The instant of a local date and time of day in a zone (`'2026-04-08'`, `'13:00'`), resolved as
 * {@link Zone.fromLocal} does (a time that occurs twice is the earlier; one that does not exist moves on by the
 * gap). Throws a RangeError for a malformed date or time.
 */
export function instantOf(date: string, time: string, timeZone = 'Europe/Amsterdam'): Date {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!d || !t) throw new RangeError(`Not a local date and time: ${date} ${time}`);
  const day = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])) / 86_400_000;
  const local = day * MINUTES_PER_DAY + Number(t[1]) * 60 + Number(t[2]);
  return new Date(new Zone(timeZone).fromLocal(local) * 60_000);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone; one formatter per zone, made once. */
export function localDate(instant: Date, timeZone = 'Europe/Amsterdam'): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  return format.format(instant);
}
