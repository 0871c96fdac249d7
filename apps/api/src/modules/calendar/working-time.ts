import Holidays from 'date-holidays';
import { isValidTimeZone, MINUTES_PER_DAY, Zone } from './zone.ts';

/**
 * The Dutch working-time calendar behind service norms ("binnen 8 weken", "binnen 3 werkdagen", "binnen 4
 * werkuren"): opening hours per weekday, Dutch public holidays, the organisation's own closing days and
 * periods in which the clock is stopped (opschorting, e.g. while waiting for the citizen).
 *
 * Conventions shared by every function:
 * - Inputs and outputs are `Date` instants; all calendar reasoning happens on the wall clock of
 *   `CalendarDefinition.timeZone`, so the DST changes (last Sunday of March and October) and year ends need
 *   no special handling by callers.
 * - Norms run at minute precision: every instant passed in (starts, ends, suspension bounds) is truncated to
 *   its whole minute first, so results are whole minutes and minute counts are integers.
 * - Opening intervals are half-open, `[open, close)`: at 17:00 an office that closes at 17:00 is closed. A
 *   due instant may still be a close (a budget used up exactly at closing time ends there).
 * - Supported years are 1950–2199 (the holiday table); anything outside throws a RangeError instead of
 *   looping.
 */

/** ISO weekday: 1 = Monday … 7 = Sunday (as `date-fns` `getISODay`). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One opening interval of a day in local wall-clock time; `close` may be `'24:00'` for "until midnight". */
export interface OpeningInterval {
  /** 'HH:MM' */
  open: string;
  /** 'HH:MM', later than `open` */
  close: string;
}

/** How an organisation keeps its working time; a plain value, read on every call and never cached. */
export interface CalendarDefinition {
  /** IANA zone of the wall clock, e.g. 'Europe/Amsterdam'. */
  timeZone: string;
  /** Several intervals a day are allowed (e.g. a lunch closure); a missing or empty day is closed. */
  openingHours: Partial<Record<Weekday, OpeningInterval[]>>;
  /** Good Friday is no general day off in the Netherlands; many municipalities work, so default false. */
  goodFridayClosed: boolean;
  /** 5 May: under most collective agreements a day off only every fifth year (2020, 2025 …): 'lustrum'. */
  liberationDayClosed: 'always' | 'lustrum' | 'never';
  /** The organisation's extra closing days (e.g. the day after Ascension), local dates. */
  closures: { date: string; reason: string }[];
}

/** An instant range `[start, end)` in which the clock is stopped. */
export interface Interval {
  start: Date;
  end: Date;
}

/** The units in which a service norm is expressed. */
export type NormUnit = 'working_days' | 'working_hours' | 'calendar_days' | 'weeks';

/** A service norm's length, e.g. `{ amount: 8, unit: 'weeks' }`. */
export interface Duration {
  amount: number;
  unit: NormUnit;
}

/** One problem found by {@link validateCalendar}; `field` is a path such as `openingHours.1[0].close`. */
export interface CalendarIssue {
  field: string;
  message: string;
}

/** Thrown by the calculations when handed a calendar that {@link validateCalendar} rejects. */
export class InvalidCalendarError extends Error {
  constructor(readonly issues: CalendarIssue[]) {
    super(`Invalid calendar: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidCalendarError';
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const officeHours = (): OpeningInterval[] => [{ open: '08:30', close: '17:00' }];

/**
 * Monday to Friday 08:30–17:00 in Europe/Amsterdam, Good Friday worked, Liberation Day off every fifth year,
 * no extra closures. Frozen because it is shared: derive variants with a spread,
 * `{ ...DEFAULT_CALENDAR, closures }`.
 */
export const DEFAULT_CALENDAR: CalendarDefinition = deepFreeze({
  timeZone: 'Europe/Amsterdam',
  openingHours: { 1: officeHours(), 2: officeHours(), 3: officeHours(), 4: officeHours(), 5: officeHours() },
  goodFridayClosed: false,
  liberationDayClosed: 'lustrum',
  closures: [],
});

// -----------------------------------------------------------------------------------------------------------
// Local dates as day numbers (days since 1970-01-01): integer arithmetic keeps day stepping cheap.

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const MIN_YEAR = 1950;
const MAX_YEAR = 2199;
/** A calendar without an opening in this many consecutive days is broken: stop rather than loop forever. */
const MAX_IDLE_DAYS = 3 * 366;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayFromIso(date: string): number | undefined {
  const m = ISO_DATE.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to 2 March; the round trip rejects such dates.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return ms / MS_PER_DAY;
}

function isoFromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** ISO weekday of a day number; day 0 (1970-01-01) was a Thursday. */
function weekdayOfDay(day: number): Weekday {
  return (((((day + 3) % 7) + 7) % 7) + 1) as Weekday;
}

// -----------------------------------------------------------------------------------------------------------
// Holidays. date-holidays knows far more NL days than close an office, and its `type` is no guide: Good
// Friday and Liberation Day are typed 'school', 4 May and Prinsjesdag 'observance', New Year's Eve 'bank'. So
// its days are matched by their rule, explicitly, and everything unmatched is ignored. Names are our own
// official Dutch names (as in the Algemene termijnenwet), so a wording change in the library does not change
// our output.

type HolidayKey =
  | 'newYear'
  | 'goodFriday'
  | 'easterSunday'
  | 'easterMonday'
  | 'kingsDay'
  | 'liberationDay'
  | 'ascensionDay'
  | 'whitSunday'
  | 'whitMonday'
  | 'christmasDay'
  | 'boxingDay';

const NL_RULES: Readonly<Record<string, { key: HolidayKey; name: string }>> = {
  '01-01': { key: 'newYear', name: 'Nieuwjaarsdag' },
  'easter -2': { key: 'goodFriday', name: 'Goede Vrijdag' },
  easter: { key: 'easterSunday', name: 'Eerste Paasdag' },
  'easter 1': { key: 'easterMonday', name: 'Tweede Paasdag' },
  '04-27 if sunday then previous saturday since 2014': { key: 'kingsDay', name: 'Koningsdag' },
  '04-30 if sunday then previous saturday since 1980 and prior to 2014': {
    key: 'kingsDay',
    name: 'Koninginnedag',
  },
  '04-30 if sunday then next monday since 1949 and prior to 1980': { key: 'kingsDay', name: 'Koninginnedag' },
  '05-05': { key: 'liberationDay', name: 'Bevrijdingsdag' },
  'easter 39': { key: 'ascensionDay', name: 'Hemelvaartsdag' },
  'easter 49': { key: 'whitSunday', name: 'Eerste Pinksterdag' },
  'easter 50': { key: 'whitMonday', name: 'Tweede Pinksterdag' },
  '12-25': { key: 'christmasDay', name: 'Eerste Kerstdag' },
  '12-26': { key: 'boxingDay', name: 'Tweede Kerstdag' },
};
const ALL_KEYS = new Set(Object.values(NL_RULES).map((r) => r.key));

interface NlHoliday {
  key: HolidayKey;
  day: number;
  name: string;
}

let nlHolidays: Holidays | undefined;
/** date-holidays takes about 6 ms per year, so each year is computed once per process. */
const holidayYears = new Map<number, readonly NlHoliday[]>();

function nlHolidaysOf(year: number): readonly NlHoliday[] {
  const cached = holidayYears.get(year);
  if (cached) return cached;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`The working-time calendar supports the years ${MIN_YEAR}–${MAX_YEAR}, not ${year}`);
  }
  nlHolidays ??= new Holidays('NL');
  const found: NlHoliday[] = [];
  for (const h of nlHolidays.getHolidays(year)) {
    const rule = NL_RULES[h.rule];
    if (!rule) continue;
    // h.date is the local date ('2026-04-27 00:00:00'); h.start is midnight in the library's idea of the
    // zone.
    const day = dayFromIso(h.date.slice(0, 10));
    if (day === undefined)
      throw new Error(`date-holidays returned an unreadable date ${h.date} for ${h.rule}`);
    found.push({ key: rule.key, day, name: rule.name });
  }
  // Fail loudly if a library update renames a rule: a silently missing holiday would shift due dates.
  const keys = new Set(found.map((h) => h.key));
  if (keys.size !== ALL_KEYS.size || found.length !== ALL_KEYS.size) {
    const missing = [...ALL_KEYS].filter((k) => !keys.has(k));
    throw new Error(
      `date-holidays NL data for ${year} no longer matches (missing: ${missing.join(', ') || 'none'})`,
    );
  }
  found.sort((a, b) => a.day - b.day);
  holidayYears.set(year, found);
  return found;
}

function closesOffice(cal: CalendarDefinition, h: NlHoliday, year: number): boolean {
  if (h.key === 'goodFriday') return cal.goodFridayClosed;
  if (h.key === 'liberationDay') {
    return cal.liberationDayClosed === 'always' || (cal.liberationDayClosed === 'lustrum' && year % 5 === 0);
  }
  return true;
}

// -----------------------------------------------------------------------------------------------------------
// Compiled calendar: the definition parsed into minutes and day-number sets. Compiled on every call (a few
// microseconds) instead of cached by object identity, so a caller that edits a definition never sees stale
// results.

type Span = readonly [number, number];

interface Compiled {
  def: CalendarDefinition;
  zone: Zone;
  /** Index = ISO weekday; merged, sorted spans in minutes of the day. */
  week: readonly (readonly Span[])[];
  closures: ReadonlySet<number>;
  closedHolidays: Map<number, ReadonlySet<number>>;
  /** The year last looked at, as a day range, so stepping through a year does not recompute its number. */
  year: { from: number; to: number; holidays: ReadonlySet<number> };
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseTime(value: unknown, isClose: boolean): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (isClose && value === '24:00') return MINUTES_PER_DAY;
  const m = TIME.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

function compile(cal: CalendarDefinition): Compiled {
  const issues = validateCalendar(cal);
  if (issues.length > 0) throw new InvalidCalendarError(issues);
  const week: Span[][] = [[]];
  for (let wd = 1; wd <= 7; wd++) {
    const spans = (cal.openingHours[wd as Weekday] ?? [])
      .map((i): [number, number] => [parseTime(i.open, false)!, parseTime(i.close, true)!])
      .sort((a, b) => a[0] - b[0]);
    // Touching intervals (08:30–12:00, 12:00–17:00) are one stretch; merging keeps "inside" checks simple.
    const merged: [number, number][] = [];
    for (const s of spans) {
      const last = merged.at(-1);
      if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
      else merged.push([s[0], s[1]]);
    }
    week.push(merged);
  }
  return {
    def: cal,
    zone: new Zone(cal.timeZone),
    week,
    closures: new Set(cal.closures.map((c) => dayFromIso(c.date)!)),
    closedHolidays: new Map(),
    year: { from: 0, to: 0, holidays: new Set() },
  };
}

function closedHolidaysOf(c: Compiled, year: number): ReadonlySet<number> {
  let set = c.closedHolidays.get(year);
  if (!set) {
    set = new Set(
      nlHolidaysOf(year)
        .filter((h) => closesOffice(c.def, h, year))
        .map((h) => h.day),
    );
    c.closedHolidays.set(year, set);
  }
  return set;
}

const CLOSED: readonly Span[] = [];

/** The opening spans of a local day, or none when it is a closed weekday, a holiday or a closure. */
function spansOf(c: Compiled, day: number): readonly Span[] {
  const spans = c.week[weekdayOfDay(day)]!;
  if (spans.length === 0 || c.closures.has(day)) return CLOSED;
  if (day < c.year.from || day >= c.year.to) {
    const y = yearOfDay(day);
    c.year = {
      from: Date.UTC(y, 0, 1) / MS_PER_DAY,
      to: Date.UTC(y + 1, 0, 1) / MS_PER_DAY,
      holidays: closedHolidaysOf(c, y),
    };
  }
  return c.year.holidays.has(day) ? CLOSED : spans;
}

function noOpeningError(c: Compiled, day: number): Error {
  return new Error(
    `Calendar (${c.def.timeZone}) has no opening hours in the ${MAX_IDLE_DAYS} days after ${isoFromDay(day)}`,
  );
}

/**
 * The opening stretches at or after instant `from` (UTC minutes), clipped to start no earlier than `from`, in
 * order. Steps day by day and converts only the interval bounds, so a year costs a few hundred conversions.
 * Ends after local day `lastDay` when given; otherwise runs on, and throws after MAX_IDLE_DAYS without an
 * opening.
 */
function* openings(c: Compiled, from: number, lastDay?: number): Generator<Span> {
  let day = Math.floor(c.zone.toLocal(from) / MINUTES_PER_DAY);
  let idle = 0;
  for (; lastDay === undefined || day <= lastDay; day++) {
    const spans = spansOf(c, day);
    if (spans.length === 0) {
      // A bounded scan (lastDay) cannot loop forever; it just finds nothing.
      if (++idle > MAX_IDLE_DAYS && lastDay === undefined) throw noOpeningError(c, day - idle);
      continue;
    }
    idle = 0;
    const base = day * MINUTES_PER_DAY;
    for (const [open, close] of spans) {
      const end = c.zone.fromLocal(base + close);
      if (end <= from) continue;
      yield [Math.max(c.zone.fromLocal(base + open), from), end];
    }
  }
}

function firstOpening(c: Compiled, from: number): number {
  for (const [start] of openings(c, from)) return start;
  throw noOpeningError(c, Math.floor(c.zone.toLocal(from) / MINUTES_PER_DAY));
}

// -----------------------------------------------------------------------------------------------------------
// Suspensions

/** Truncates to the whole minute (UTC minutes); rejects invalid dates rather than computing with NaN. */
function minuteOf(d: Date, what: string): number {
  const ms = d instanceof Date ? d.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not a valid date`);
  return Math.floor(ms / MS_PER_MINUTE);
}

function toDate(u: number): Date {
  return new Date(u * MS_PER_MINUTE);
}

/** Sorted, disjoint minute spans: overlapping or touching suspensions merge, so no time counts twice. */
function mergeSuspensions(suspensions: readonly Interval[] | undefined): Span[] {
  const spans: [number, number][] = [];
  for (const [i, s] of (suspensions ?? []).entries()) {
    const start = minuteOf(s.start, `suspensions[${i}].start`);
    const end = minuteOf(s.end, `suspensions[${i}].end`);
    if (end < start) throw new RangeError(`suspensions[${i}] ends before it starts`);
    if (end > start) spans.push([start, end]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push(s);
  }
  return merged;
}

/**
 * Walks the merged suspensions alongside a run of increasing spans. `free` returns the parts of `[a, b)`
 * outside every suspension; calls must come with non-decreasing `a`, which lets the cursor move forward only.
 */
class SuspensionCursor {
  private i = 0;
  constructor(private readonly spans: readonly Span[]) {}

  free(a: number, b: number): Span[] {
    const spans = this.spans;
    while (this.i < spans.length && spans[this.i]![1] <= a) this.i++;
    const parts: Span[] = [];
    let p = a;
    for (let j = this.i; j < spans.length && spans[j]![0] < b; j++) {
      const [s, e] = spans[j]!;
      if (s > p) parts.push([p, s]);
      p = Math.max(p, e);
      if (p >= b) return parts;
    }
    if (p < b) parts.push([p, b]);
    return parts;
  }

  /** The end of the suspension containing `u`, if any: lets long suspensions be skipped in one jump. */
  coveringEnd(u: number): number | undefined {
    const spans = this.spans;
    while (this.i < spans.length && spans[this.i]![1] <= u) this.i++;
    const s = spans[this.i];
    return s && s[0] <= u ? s[1] : undefined;
  }
}

/** Opening minutes in `[from, to)` outside the suspensions. */
function openMinutes(c: Compiled, from: number, to: number, suspensions: readonly Span[]): number {
  if (to <= from) return 0;
  const cursor = new SuspensionCursor(suspensions);
  const lastDay = Math.floor(c.zone.toLocal(to) / MINUTES_PER_DAY);
  let total = 0;
  for (const [s, e] of openings(c, from, lastDay)) {
    if (s >= to) break;
    for (const [p, q] of cursor.free(s, Math.min(e, to))) total += q - p;
  }
  return total;
}

/**
 * Consumes `budget` opening minutes outside the suspensions, from `from` on; returns the instant the budget
 * is used up (a close or a suspension's start when it runs out exactly there). A zero budget returns the
 * first opening at or after `from`.
 */
function consume(c: Compiled, from: number, budget: number, suspensions: readonly Span[]): number {
  if (budget === 0) return firstOpening(c, from);
  const cursor = new SuspensionCursor(suspensions);
  let at = from;
  for (;;) {
    let jumped = false;
    for (const [s, e] of openings(c, at)) {
      // A suspension running past this whole stretch: restart after it instead of stepping through its days.
      const coverEnd = cursor.coveringEnd(s);
      if (coverEnd !== undefined && coverEnd >= e) {
        at = coverEnd;
        jumped = true;
        break;
      }
      for (const [p, q] of cursor.free(s, e)) {
        if (budget <= q - p) return p + budget;
        budget -= q - p;
      }
    }
    if (!jumped) throw noOpeningError(c, Math.floor(c.zone.toLocal(at) / MINUTES_PER_DAY));
  }
}

/**
 * Pushes a due instant computed without suspensions out by the opening minutes the suspensions took between
 * `start` and `due`. The specified rule is "extend by the lost minutes with addWorkingHours, repeat until
 * stable" (a suspension may lie inside the extension). Its fixed point is reached in one step by consuming
 * the lost minutes from `due` while skipping suspensions: at the result, opening time in [due, result) equals
 * the lost minutes before `due` plus those suspended inside the extension, which is exactly the stable state.
 */
function extendForSuspensions(c: Compiled, start: number, due: number, suspensions: readonly Span[]): number {
  if (suspensions.length === 0) return due;
  const lost = openMinutes(c, start, due, []) - openMinutes(c, start, due, suspensions);
  return lost === 0 ? due : consume(c, due, lost, suspensions);
}

function checkCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${value}`);
  }
}

// -----------------------------------------------------------------------------------------------------------
// Public API

/**
 * The public holidays that close the organisation in `year`, with their Dutch names, sorted by date: New
 * Year's Day, Good Friday (only when `goodFridayClosed`), Easter Sunday and Monday, King's Day (27 April, or
 * 26 April when the 27th is a Sunday), Liberation Day (per `liberationDayClosed`), Ascension Day, Whit Sunday
 * and Monday, Christmas Day and Boxing Day. Holidays on days that are closed anyway (Easter Sunday) are
 * listed too. The organisation's own `closures` are not holidays and are not listed.
 */
export function holidaysOf(cal: CalendarDefinition, year: number): { date: string; name: string }[] {
  const c = compile(cal);
  return nlHolidaysOf(year)
    .filter((h) => closesOffice(c.def, h, year))
    .map((h) => ({ date: isoFromDay(h.day), name: h.name }));
}

/**
 * The length of "a working day" wherever a duration in working minutes is shown in days (resolution time, its
 * histogram, the drivers of satisfaction): the calendar's mean opening day (Mon–Fri 08:30–17:00 gives 510).
 */
export function minutesPerWorkingDay(cal: CalendarDefinition): number {
  const minutes = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return (h ?? 0) * 60 + (m ?? 0);
  };
  const days = Object.values(cal.openingHours).filter((d) => d && d.length > 0);
  const total = days.reduce(
    (sum, d) => sum + d!.reduce((s, i) => s + Math.max(0, minutes(i.close) - minutes(i.open)), 0),
    0,
  );
  return days.length ? Math.max(1, Math.round(total / days.length)) : 510;
}

/**
 * Whether a local date (`YYYY-MM-DD`) is a working day: its weekday has opening hours and it is neither a
 * closing holiday nor one of the calendar's closures. Throws a RangeError for a malformed or impossible date.
 */
export function isWorkingDay(cal: CalendarDefinition, date: string): boolean {
  const day = dayFromIso(date);
  if (day === undefined) throw new RangeError(`Not a valid date (YYYY-MM-DD): ${date}`);
  return spansOf(compile(cal), day).length > 0;
}

/**
 * `instant` itself (truncated to the minute) when it lies inside opening hours, otherwise the start of the
 * next opening interval. A close is not inside (intervals are half-open), so 17:00 moves on to the next
 * opening.
 */
export function nextOpening(cal: CalendarDefinition, instant: Date): Date {
  const c = compile(cal);
  return toDate(firstOpening(c, minuteOf(instant, 'instant')));
}

/**
 * Due instant of a norm of `days` working days.
 *
 * The start is first moved to the next opening (a request on Friday 20:00 counts from Monday 08:30). The due
 * instant is the same local time of day `days` working days later; when that time is not inside the target
 * day's opening hours (a shorter day, or a lunch closure), it is the close of that day's last interval. So a
 * deadline never falls before the moment the office opens that day. `days = 0` returns the normalised start.
 *
 * With suspensions, the result is pushed out by the opening minutes suspended between the start and the due
 * instant, counting the extension’s own suspensions too (see `extendForSuspensions`). Throws a RangeError
 * unless `days` is a non-negative integer.
 */
export function addWorkingDays(
  cal: CalendarDefinition,
  start: Date,
  days: number,
  suspensions?: Interval[],
): Date {
  checkCount(days, 'days');
  const c = compile(cal);
  const susp = mergeSuspensions(suspensions);
  const from = firstOpening(c, minuteOf(start, 'start'));
  let due = from;
  if (days > 0) {
    const local = c.zone.toLocal(from);
    let day = Math.floor(local / MINUTES_PER_DAY);
    const timeOfDay = local - day * MINUTES_PER_DAY;
    let idle = 0;
    for (let counted = 0; counted < days; ) {
      day++;
      if (spansOf(c, day).length > 0) {
        counted++;
        idle = 0;
      } else if (++idle > MAX_IDLE_DAYS) {
        throw noOpeningError(c, day - idle);
      }
    }
    const spans = spansOf(c, day);
    const inside = spans.some(([open, close]) => open <= timeOfDay && timeOfDay < close);
    const minute = inside ? timeOfDay : spans.at(-1)![1];
    due = c.zone.fromLocal(day * MINUTES_PER_DAY + minute);
  }
  return toDate(extendForSuspensions(c, from, due, susp));
}

/**
 * Due instant of a norm of `hours` working hours: consumes `round(hours × 60)` minutes of opening time
 * outside the suspensions, from the start (moved to the next opening first). The result is the instant the
 * budget is used up; when it runs out exactly at a close, that close. Fractions are allowed; throws a
 * RangeError for negative or non-finite hours.
 */
export function addWorkingHours(
  cal: CalendarDefinition,
  start: Date,
  hours: number,
  suspensions?: Interval[],
): Date {
  if (!Number.isFinite(hours) || hours < 0) {
    throw new RangeError(`hours must be a non-negative number, got ${hours}`);
  }
  const c = compile(cal);
  const susp = mergeSuspensions(suspensions);
  return toDate(consume(c, minuteOf(start, 'start'), Math.round(hours * 60), susp));
}

/**
 * Plain local calendar days: same wall-clock time `days` dates later (so 10:00 stays 10:00 across a DST
 * change). Not moved to an opening and not moved off weekends or holidays. Suspended time counts as elapsed
 * time: the due instant is pushed out by the suspended time between start and due, skipping further
 * suspensions.
 */
function addCalendarDays(c: Compiled, start: number, days: number, susp: readonly Span[]): number {
  const local = c.zone.toLocal(start);
  const due = c.zone.fromLocal(local + days * MINUTES_PER_DAY);
  let lost = 0;
  for (const [s, e] of susp) lost += Math.max(0, Math.min(e, due) - Math.max(s, start));
  if (lost === 0) return due;
  let at = due;
  for (const [s, e] of susp) {
    if (e <= at) continue;
    if (s > at) {
      if (lost <= s - at) return at + lost;
      lost -= s - at;
    }
    at = e;
  }
  return at + lost;
}

/**
 * Due instant for a norm of any unit: `working_days` → {@link addWorkingDays}, `working_hours` →
 * {@link addWorkingHours}, `calendar_days` → the same local time that many dates later, `weeks` → 7
 * calendar days per week. Calendar units take no notice of opening hours or holidays (no Algemene
 * termijnenwet extension), and require a non-negative integer amount.
 */
export function addDuration(
  cal: CalendarDefinition,
  start: Date,
  d: Duration,
  suspensions?: Interval[],
): Date {
  switch (d.unit) {
    case 'working_days':
      return addWorkingDays(cal, start, d.amount, suspensions);
    case 'working_hours':
      return addWorkingHours(cal, start, d.amount, suspensions);
    case 'calendar_days':
    case 'weeks': {
      checkCount(d.amount, d.unit);
      const c = compile(cal);
      const days = d.unit === 'weeks' ? d.amount * 7 : d.amount;
      return toDate(addCalendarDays(c, minuteOf(start, 'start'), days, mergeSuspensions(suspensions)));
    }
    default:
      throw new RangeError(`Unknown norm unit: ${String((d as { unit: unknown }).unit)}`);
  }
}

/**
 * The first close of a working day at or after `due` (UTC minutes): the close of that day's last opening
 * interval (not a lunch closure). The day before `due`'s local day is looked at too, for a close at 24:00.
 */
function closeAtOrAfter(c: Compiled, due: number): number {
  let day = Math.floor(c.zone.toLocal(due) / MINUTES_PER_DAY) - 1;
  for (let idle = 0; idle <= MAX_IDLE_DAYS; day++) {
    const spans = spansOf(c, day);
    if (spans.length === 0) {
      idle++;
      continue;
    }
    const close = c.zone.fromLocal(day * MINUTES_PER_DAY + spans.at(-1)![1]);
    if (close >= due) return close;
  }
  throw noOpeningError(c, day - MAX_IDLE_DAYS);
}

/**
 * The end of a public service norm ("binnen 5 werkdagen", "binnen 4 weken"): a promise to the public always ends
 * at the close of a working day, never before the norm itself has run. The norm is counted as
 * {@link addDuration} counts it (suspensions included) and then runs on to the first close of a working day at
 * or after that instant: a 4-week norm that would end on Sunday 3 January 04:22 ends on Monday 4 January at
 * closing time; 5 working days from Monday 10:00 end on the next Monday at closing time. A norm in working hours
 * ("binnen 4 werkuren") is a promise of opening time and is left to {@link addWorkingHours}.
 */
export function addPublicNorm(
  cal: CalendarDefinition,
  start: Date,
  d: Duration,
  suspensions?: Interval[],
): Date {
  const due = addDuration(cal, start, d, suspensions);
  if (d.unit === 'working_hours') return due;
  return toDate(closeAtOrAfter(compile(cal), minuteOf(due, 'due')));
}

/**
 * Days that extend a statutory term (Algemene termijnenwet art. 3): not Good Friday, and 5 May every year,
 * whatever the organisation's own calendar says.
 */
const ATW_HOLIDAYS: ReadonlySet<HolidayKey> = new Set([
  'newYear',
  'easterMonday',
  'ascensionDay',
  'whitMonday',
  'kingsDay',
  'liberationDay',
  'christmasDay',
  'boxingDay',
]);

function isAtwRestDay(day: number): boolean {
  const weekday = weekdayOfDay(day);
  if (weekday === 6 || weekday === 7) return true;
  return nlHolidaysOf(yearOfDay(day)).some((h) => h.day === day && ATW_HOLIDAYS.has(h.key));
}

/**
 * The end of a term set by law. In calendar units (days, weeks) it runs to the end of its last day, and a
 * term of at least three days that would end on a Saturday, a Sunday or a holiday of the Algemene
 * termijnenwet runs on to the end of the next day that is none of these (Atw art. 1). Suspended time pushes
 * the last day out first. Working-time units are left to {@link addDuration}.
 */
export function addLegalTerm(
  cal: CalendarDefinition,
  start: Date,
  d: Duration,
  suspensions?: Interval[],
): Date {
  if (d.unit !== 'calendar_days' && d.unit !== 'weeks') return addDuration(cal, start, d, suspensions);
  const c = compile(cal);
  const due = minuteOf(addDuration(cal, start, d, suspensions), 'due');
  let day = Math.floor(c.zone.toLocal(due) / MINUTES_PER_DAY);
  const days = d.unit === 'weeks' ? d.amount * 7 : d.amount;
  if (days >= 3) while (isAtwRestDay(day)) day++;
  // The last moment of that local day (shown as 23:59): late means from the next midnight on.
  return new Date(toDate(c.zone.fromLocal((day + 1) * MINUTES_PER_DAY)).getTime() - 1);
}

/**
 * Opening minutes in `[from, to)` minus the time covered by suspensions (overlaps counted once); 0 when
 * `to <= from`. Additive: between(a, b) + between(b, c) = between(a, c).
 */
export function workingMinutesBetween(
  cal: CalendarDefinition,
  from: Date,
  to: Date,
  suspensions?: Interval[],
): number {
  const c = compile(cal);
  return openMinutes(c, minuteOf(from, 'from'), minuteOf(to, 'to'), mergeSuspensions(suspensions));
}

/**
 * Everything wrong with a calendar definition, empty when it is usable: a known time zone; weekdays 1–7 only;
 * 'HH:MM' times (close may be '24:00'); close after open; no overlapping intervals within a day (touching is
 * fine); at least one day with opening hours; valid closure dates (YYYY-MM-DD) with a reason; valid settings.
 * Written defensively because definitions arrive as JSON.
 */
export function validateCalendar(cal: CalendarDefinition): CalendarIssue[] {
  const issues: CalendarIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  if (!cal || typeof cal !== 'object') return [{ field: '', message: 'must be an object' }];

  if (!isValidTimeZone(cal.timeZone))
    add('timeZone', 'must be a known IANA time zone, e.g. Europe/Amsterdam');

  const hours: unknown = cal.openingHours;
  if (!hours || typeof hours !== 'object' || Array.isArray(hours)) {
    add('openingHours', 'must be an object keyed by ISO weekday 1–7');
  } else {
    let openDays = 0;
    for (const [key, list] of Object.entries(hours)) {
      const field = `openingHours.${key}`;
      if (!/^[1-7]$/.test(key)) {
        add(field, 'weekday must be 1 (Monday) to 7 (Sunday)');
        continue;
      }
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        add(field, 'must be a list of opening intervals');
        continue;
      }
      const spans: { open: number; close: number; index: number }[] = [];
      list.forEach((interval: unknown, index) => {
        const f = `${field}[${index}]`;
        const i = (interval ?? {}) as Record<string, unknown>;
        const open = parseTime(i.open, false);
        const close = parseTime(i.close, true);
        if (open === undefined) add(`${f}.open`, 'must be a time HH:MM (00:00–23:59)');
        if (close === undefined) add(`${f}.close`, 'must be a time HH:MM (00:01–24:00)');
        if (open === undefined || close === undefined) return;
        if (close <= open) add(`${f}.close`, 'must be later than open');
        else spans.push({ open, close, index });
      });
      spans.sort((a, b) => a.open - b.open);
      for (let k = 1; k < spans.length; k++) {
        const prev = spans[k - 1]!;
        const cur = spans[k]!;
        if (cur.open < prev.close) add(`${field}[${cur.index}]`, `overlaps ${field}[${prev.index}]`);
      }
      if (spans.length > 0) openDays++;
    }
    if (openDays === 0) add('openingHours', 'at least one weekday needs opening hours');
  }

  if (typeof cal.goodFridayClosed !== 'boolean') add('goodFridayClosed', 'must be true or false');
  if (!['always', 'lustrum', 'never'].includes(cal.liberationDayClosed)) {
    add('liberationDayClosed', "must be 'always', 'lustrum' or 'never'");
  }

  if (!Array.isArray(cal.closures)) {
    add('closures', 'must be a list');
  } else {
    cal.closures.forEach((closure: unknown, index) => {
      const c = (closure ?? {}) as Record<string, unknown>;
      const day = typeof c.date === 'string' ? dayFromIso(c.date) : undefined;
      if (day === undefined) add(`closures[${index}].date`, 'must be a valid date YYYY-MM-DD');
      else if (yearOfDay(day) < MIN_YEAR || yearOfDay(day) > MAX_YEAR) {
        add(`closures[${index}].date`, `must lie in ${MIN_YEAR}–${MAX_YEAR}`);
      }
      if (typeof c.reason !== 'string' || c.reason.trim() === '')
        add(`closures[${index}].reason`, 'is required');
    });
  }
  return issues;
}
