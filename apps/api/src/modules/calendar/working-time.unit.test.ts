import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDuration,
  addLegalTerm,
  addPublicNorm,
  addWorkingDays,
  addWorkingHours,
  type CalendarDefinition,
  DEFAULT_CALENDAR,
  holidaysOf,
  type Interval,
  InvalidCalendarError,
  isWorkingDay,
  minutesPerWorkingDay,
  nextOpening,
  type OpeningInterval,
  validateCalendar,
  workingMinutesBetween,
} from './working-time.ts';

const TZ = 'Europe/Amsterdam';
const MINUTE = 60_000;

/** An Amsterdam wall-clock time as an instant; TZDate is the independent oracle for the zone conversion. */
const ams = (y: number, m: number, d: number, h = 0, mi = 0) => new Date(+new TZDate(y, m - 1, d, h, mi, TZ));
/** Readable Amsterdam wall clock of an instant, e.g. 'Wed 2026-04-08 10:00'. */
const show = (d: Date) => format(new TZDate(+d, TZ), 'EEE yyyy-MM-dd HH:mm');
const localDate = (d: Date) => format(new TZDate(+d, TZ), 'yyyy-MM-dd');
const span = (start: Date, end: Date): Interval => ({ start, end });
const hours = (open: string, close: string): OpeningInterval[] => [{ open, close }];
const lunch = (): OpeningInterval[] => [
  { open: '08:30', close: '12:00' },
  { open: '13:00', close: '17:00' },
];

const C = DEFAULT_CALENDAR;

/** Lunch closure every day, Friday mornings only, Good Friday and 5 May always off, bridge days closed. */
const LUNCH_CAL: CalendarDefinition = {
  ...DEFAULT_CALENDAR,
  openingHours: { 1: lunch(), 2: lunch(), 3: lunch(), 4: lunch(), 5: hours('08:30', '12:00') },
  goodFridayClosed: true,
  liberationDayClosed: 'always',
  closures: Array.from({ length: 12 }, (_, i) => 2023 + i).flatMap((y) => {
    const ascension = holidaysOf(DEFAULT_CALENDAR, y).find((h) => h.name === 'Hemelvaartsdag')!;
    return [
      { date: format(addDays(new Date(`${ascension.date}T12:00:00Z`), 1), 'yyyy-MM-dd'), reason: 'brugdag' },
      { date: `${y}-12-31`, reason: 'oudejaarsdag' },
    ];
  }),
};

/** Odd hours, including a Sunday open around the clock so DST nights fall inside opening time. */
const ODD_CAL: CalendarDefinition = {
  ...DEFAULT_CALENDAR,
  openingHours: {
    2: hours('09:00', '12:00'),
    4: hours('13:00', '20:00'),
    6: hours('10:00', '14:00'),
    7: hours('00:00', '24:00'),
  },
  liberationDayClosed: 'never',
};

const CALENDARS = [C, LUNCH_CAL, ODD_CAL] as const;

describe('holidays', () => {
  it('lists the 2026 holidays that close the office, with Dutch names', () => {
    expect(holidaysOf(C, 2026)).toEqual([
      { date: '2026-01-01', name: 'Nieuwjaarsdag' },
      { date: '2026-04-05', name: 'Eerste Paasdag' },
      { date: '2026-04-06', name: 'Tweede Paasdag' },
      { date: '2026-04-27', name: 'Koningsdag' },
      { date: '2026-05-14', name: 'Hemelvaartsdag' },
      { date: '2026-05-24', name: 'Eerste Pinksterdag' },
      { date: '2026-05-25', name: 'Tweede Pinksterdag' },
      { date: '2026-12-25', name: 'Eerste Kerstdag' },
      { date: '2026-12-26', name: 'Tweede Kerstdag' },
    ]);
  });

  it('ignores observances and bank days such as 4 May, Prinsjesdag and New Year’s Eve', () => {
    const dates = holidaysOf({ ...C, goodFridayClosed: true, liberationDayClosed: 'always' }, 2026).map(
      (h) => h.date,
    );
    expect(dates).not.toContain('2026-05-04');
    expect(dates).not.toContain('2026-09-15');
    expect(dates).not.toContain('2026-12-31');
    expect(dates).toHaveLength(11);
  });

  it.each([
    [2025, 'lustrum', true],
    [2026, 'lustrum', false],
    [2030, 'lustrum', true],
    [2026, 'always', true],
    [2025, 'never', false],
  ] as const)('Liberation Day %i under %s: closed = %s', (year, setting, closed) => {
    const list = holidaysOf({ ...C, liberationDayClosed: setting }, year);
    expect(list.some((h) => h.date === `${year}-05-05` && h.name === 'Bevrijdingsdag')).toBe(closed);
    expect(isWorkingDay({ ...C, liberationDayClosed: setting }, `${year}-05-05`)).toBe(
      !closed && ![0, 6].includes(new Date(`${year}-05-05`).getUTCDay()),
    );
  });

  it('moves King’s Day to Saturday 26 April when the 27th is a Sunday (2025)', () => {
    const kings = holidaysOf(C, 2025).filter((h) => h.name === 'Koningsdag');
    expect(kings).toEqual([{ date: '2025-04-26', name: 'Koningsdag' }]);
    expect(isWorkingDay(C, '2025-04-28')).toBe(true);
  });

  it('closes on Good Friday only when configured', () => {
    expect(holidaysOf(C, 2026).some((h) => h.name === 'Goede Vrijdag')).toBe(false);
    expect(isWorkingDay(C, '2026-04-03')).toBe(true);
    const closed = { ...C, goodFridayClosed: true };
    expect(holidaysOf(closed, 2026)).toContainEqual({ date: '2026-04-03', name: 'Goede Vrijdag' });
    expect(isWorkingDay(closed, '2026-04-03')).toBe(false);
    expect(show(addWorkingDays(closed, ams(2026, 4, 2, 10), 3))).toBe('Thu 2026-04-09 10:00');
  });

  it('rejects years outside the supported range and malformed dates', () => {
    expect(() => holidaysOf(C, 1900)).toThrow(RangeError);
    expect(() => isWorkingDay(C, '2026-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay(C, '26-1-1')).toThrow(RangeError);
  });
});

describe('isWorkingDay and nextOpening', () => {
  it('knows weekends, holidays and closures', () => {
    expect(isWorkingDay(C, '2026-04-27')).toBe(false); // King's Day, Monday
    expect(isWorkingDay(C, '2026-03-28')).toBe(false); // Saturday
    expect(isWorkingDay(C, '2026-05-15')).toBe(true);
    expect(isWorkingDay({ ...C, closures: [{ date: '2026-05-15', reason: 'brugdag' }] }, '2026-05-15')).toBe(
      false,
    );
  });

  it.each([
    ['inside opening hours: unchanged', ams(2026, 3, 26, 10, 15), 'Thu 2026-03-26 10:15'],
    ['before opening: same morning', ams(2026, 3, 26, 7, 0), 'Thu 2026-03-26 08:30'],
    ['exactly at the close: next morning', ams(2026, 3, 26, 17, 0), 'Fri 2026-03-27 08:30'],
    ['Friday evening: Monday', ams(2026, 3, 27, 20, 0), 'Mon 2026-03-30 08:30'],
    ['Saturday: Monday, across the DST change', ams(2026, 3, 28, 12, 0), 'Mon 2026-03-30 08:30'],
    [
      'New Year’s Eve evening: after New Year’s Day and the weekend',
      ams(2026, 12, 31, 18, 0),
      'Mon 2027-01-04 08:30',
    ],
  ])('%s', (_, instant, expected) => {
    expect(show(nextOpening(C, instant))).toBe(expected);
  });

  it('truncates seconds: norms run at minute precision', () => {
    const at = new Date(+ams(2026, 3, 26, 10, 15) + 42_500);
    expect(nextOpening(C, at).toISOString()).toBe(ams(2026, 3, 26, 10, 15).toISOString());
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['Easter: Good Friday works, Easter Monday is off', ams(2026, 4, 2, 10), 3, 'Wed 2026-04-08 10:00'],
    ['King’s Day on a Monday', ams(2026, 4, 24, 9), 1, 'Tue 2026-04-28 09:00'],
    ['Christmas', ams(2026, 12, 24, 10), 3, 'Wed 2026-12-30 10:00'],
    ['Christmas and New Year', ams(2026, 12, 24, 10), 5, 'Mon 2027-01-04 10:00'],
    ['a report on Friday 20:00 counts from Monday 08:30', ams(2026, 3, 27, 20), 1, 'Tue 2026-03-31 08:30'],
    ['a report on Saturday', ams(2026, 3, 28, 12), 2, 'Wed 2026-04-01 08:30'],
    ['zero days: the normalised start', ams(2026, 3, 28, 12), 0, 'Mon 2026-03-30 08:30'],
    [
      'across the autumn DST change, keeping the wall-clock time',
      ams(2026, 10, 23, 16, 45),
      1,
      'Mon 2026-10-26 16:45',
    ],
    // 2026 has 261 weekdays, 6 of them holidays; 253 working days follow 5 January.
    ['250 working days', ams(2026, 1, 5, 10), 250, 'Mon 2026-12-28 10:00'],
  ])('%s', (_, start, days, expected) => {
    expect(show(addWorkingDays(C, start, days))).toBe(expected);
  });

  it('skips the organisation’s extra closing days', () => {
    const cal = { ...C, closures: [{ date: '2026-05-15', reason: 'brugdag na Hemelvaart' }] };
    expect(show(addWorkingDays(C, ams(2026, 5, 13, 10), 1))).toBe('Fri 2026-05-15 10:00');
    expect(show(addWorkingDays(cal, ams(2026, 5, 13, 10), 1))).toBe('Mon 2026-05-18 10:00');
  });

  it('uses the close of the target day’s last interval when the time of day is not inside its hours', () => {
    const cal: CalendarDefinition = {
      ...C,
      openingHours: {
        1: hours('08:30', '17:00'),
        2: lunch(),
        3: hours('10:00', '17:00'),
        5: hours('08:30', '12:00'),
      },
    };
    expect(show(addWorkingDays(cal, ams(2026, 3, 23, 12, 30), 1))).toBe('Tue 2026-03-24 17:00'); // lunch
    // Before the target day opens.
    expect(show(addWorkingDays(cal, ams(2026, 3, 23, 9, 0), 2))).toBe('Wed 2026-03-25 17:00');
    expect(show(addWorkingDays(cal, ams(2026, 3, 24, 14, 0), 2))).toBe('Fri 2026-03-27 12:00'); // shorter day
    // A start in the lunch closure is first moved to 13:00.
    expect(show(addWorkingDays(cal, ams(2026, 3, 24, 12, 30), 1))).toBe('Wed 2026-03-25 13:00');
  });

  it('rejects a negative or fractional number of days', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addWorkingDays(C, ams(2026, 3, 2, 10), bad)).toThrow(RangeError);
    }
    expect(() => addWorkingDays(C, new Date(Number.NaN), 1)).toThrow(RangeError);
  });
});

describe('addWorkingHours', () => {
  it.each([
    ['across the spring DST change', ams(2026, 3, 27, 16), 4, 'Mon 2026-03-30 11:30'],
    ['across the autumn DST change', ams(2026, 10, 23, 16), 4, 'Mon 2026-10-26 11:30'],
    ['ending exactly at the close', ams(2026, 3, 26, 16), 1, 'Thu 2026-03-26 17:00'],
    ['from after closing', ams(2026, 3, 26, 18), 0.5, 'Fri 2026-03-27 09:00'],
    ['zero hours: the normalised start', ams(2026, 3, 26, 18), 0, 'Fri 2026-03-27 08:30'],
    ['fractional hours, rounded to the minute', ams(2026, 3, 26, 9), 1 / 3, 'Thu 2026-03-26 09:20'],
    ['over Easter Monday', ams(2026, 4, 3, 16), 2, 'Tue 2026-04-07 09:30'],
  ])('%s', (_, start, h, expected) => {
    expect(show(addWorkingHours(C, start, h))).toBe(expected);
  });

  it('skips a lunch closure', () => {
    expect(show(addWorkingHours(LUNCH_CAL, ams(2026, 3, 23, 11), 2))).toBe('Mon 2026-03-23 14:00');
    expect(show(nextOpening(LUNCH_CAL, ams(2026, 3, 23, 12, 30)))).toBe('Mon 2026-03-23 13:00');
    expect(workingMinutesBetween(LUNCH_CAL, ams(2026, 3, 23), ams(2026, 3, 24))).toBe(450);
  });

  it('rejects negative or infinite hours', () => {
    expect(() => addWorkingHours(C, ams(2026, 3, 2, 10), -1)).toThrow(RangeError);
    expect(() => addWorkingHours(C, ams(2026, 3, 2, 10), Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('workingMinutesBetween', () => {
  it('counts 5 × 510 minutes in an ordinary week', () => {
    expect(workingMinutesBetween(C, ams(2026, 3, 2), ams(2026, 3, 9))).toBe(5 * 510);
  });

  it('counts 4 × 510 minutes in the week with King’s Day', () => {
    expect(workingMinutesBetween(C, ams(2026, 4, 27), ams(2026, 5, 4))).toBe(4 * 510);
  });

  it('counts a DST Sunday open around the clock as 23 and 25 hours', () => {
    expect(workingMinutesBetween(ODD_CAL, ams(2026, 3, 29), ams(2026, 3, 30))).toBe(23 * 60);
    expect(workingMinutesBetween(ODD_CAL, ams(2026, 10, 25), ams(2026, 10, 26))).toBe(25 * 60);
  });

  it('is 0 for empty and reversed ranges, and clips partial days', () => {
    expect(workingMinutesBetween(C, ams(2026, 3, 9), ams(2026, 3, 2))).toBe(0);
    expect(workingMinutesBetween(C, ams(2026, 3, 2, 10), ams(2026, 3, 2, 10))).toBe(0);
    expect(workingMinutesBetween(C, ams(2026, 3, 2, 16), ams(2026, 3, 3, 9))).toBe(90);
  });
});

describe('suspensions (clock stopped)', () => {
  const start = ams(2026, 3, 2, 10); // Monday
  const tueToWed = span(ams(2026, 3, 3, 10), ams(2026, 3, 4, 10)); // one working day: 510 minutes

  it('extends a working-day norm by the working time lost', () => {
    expect(show(addWorkingDays(C, start, 5))).toBe('Mon 2026-03-09 10:00');
    expect(show(addWorkingDays(C, start, 5, [tueToWed]))).toBe('Tue 2026-03-10 10:00');
  });

  it('does not count overlapping suspensions twice', () => {
    // Union Tue 10:00 – Wed 12:00: 420 + 210 = 630 working minutes (not 510 + 510 + 450).
    const overlapping = span(ams(2026, 3, 3, 14), ams(2026, 3, 4, 12));
    expect(workingMinutesBetween(C, start, ams(2026, 3, 9), [tueToWed, overlapping])).toBe(
      420 + 4 * 510 - 630,
    );
    expect(show(addWorkingDays(C, start, 5, [tueToWed, overlapping, tueToWed]))).toBe('Tue 2026-03-10 12:00');
  });

  it('also skips a suspension that lies in the extension', () => {
    const inExtension = span(ams(2026, 3, 9, 13), ams(2026, 3, 10, 13));
    // Extension of 510 min from Mon 9 Mar 10:00: 180 until 13:00, on from Tue 13:00: 240, then 90 on Wed.
    expect(show(addWorkingDays(C, start, 5, [tueToWed, inExtension]))).toBe('Wed 2026-03-11 10:00');
    expect(+addWorkingDays(C, start, 5, [tueToWed, inExtension])).toBe(
      +iteratedDue(C, start, 5, [tueToWed, inExtension]),
    );
  });

  it('ignores suspensions outside the norm and empty ones', () => {
    const before = span(ams(2026, 2, 20, 9), ams(2026, 2, 27, 17));
    const empty = span(ams(2026, 3, 3, 10), ams(2026, 3, 3, 10));
    expect(show(addWorkingDays(C, start, 5, [before, empty]))).toBe('Mon 2026-03-09 10:00');
  });

  it('skips suspended time while consuming working hours', () => {
    expect(show(addWorkingHours(C, start, 8, [span(ams(2026, 3, 2, 11), ams(2026, 3, 2, 12))]))).toBe(
      'Tue 2026-03-03 10:30',
    );
    // Suspended from before the start: the clock starts when the suspension ends.
    expect(show(addWorkingHours(C, start, 1, [span(ams(2026, 3, 1), ams(2026, 3, 3, 9))]))).toBe(
      'Tue 2026-03-03 10:00',
    );
  });

  it('jumps over a suspension of years', () => {
    const long = span(ams(2026, 3, 2, 11), ams(2028, 3, 6, 9));
    expect(show(addWorkingHours(C, start, 2, [long]))).toBe('Mon 2028-03-06 10:00');
    // One working day is 510 minutes; 60 ran before the suspension, the other 450 run after it.
    expect(show(addWorkingDays(C, start, 1, [long]))).toBe('Mon 2028-03-06 16:30');
  });

  it('extends calendar-day norms by the elapsed suspended time', () => {
    const d = { amount: 10, unit: 'calendar_days' } as const;
    expect(show(addDuration(C, start, d))).toBe('Thu 2026-03-12 10:00');
    expect(show(addDuration(C, start, d, [span(ams(2026, 3, 3, 10), ams(2026, 3, 6, 10))]))).toBe(
      'Sun 2026-03-15 10:00',
    );
    // Extension crossing a second suspension that starts at the original due instant.
    expect(
      show(
        addDuration(C, start, d, [
          span(ams(2026, 3, 3, 10), ams(2026, 3, 6, 10)),
          span(ams(2026, 3, 12, 10), ams(2026, 3, 13, 10)),
        ]),
      ),
    ).toBe('Mon 2026-03-16 10:00');
  });

  it('rejects a suspension that ends before it starts', () => {
    expect(() => addWorkingDays(C, start, 1, [span(ams(2026, 3, 4), ams(2026, 3, 3))])).toThrow(RangeError);
  });
});

describe('addDuration', () => {
  it('dispatches on the unit', () => {
    const start = ams(2026, 3, 2, 10);
    expect(+addDuration(C, start, { amount: 3, unit: 'working_days' })).toBe(+addWorkingDays(C, start, 3));
    expect(+addDuration(C, start, { amount: 3, unit: 'working_hours' })).toBe(+addWorkingHours(C, start, 3));
    // King's Day: calendar units do not move off holidays.
    expect(show(addDuration(C, start, { amount: 8, unit: 'weeks' }))).toBe('Mon 2026-04-27 10:00');
  });

  it('keeps the wall-clock time over DST for calendar days and weeks', () => {
    const sat = ams(2026, 3, 28, 10);
    const sun = addDuration(C, sat, { amount: 1, unit: 'calendar_days' });
    expect(show(sun)).toBe('Sun 2026-03-29 10:00');
    expect(+sun - +sat).toBe(23 * 60 * MINUTE);
    expect(show(addDuration(C, ams(2026, 10, 20, 9), { amount: 1, unit: 'weeks' }))).toBe(
      'Tue 2026-10-27 09:00',
    );
    expect(() => addDuration(C, sat, { amount: 1.5, unit: 'weeks' })).toThrow(RangeError);
  });
});

describe('addLegalTerm (Algemene termijnenwet)', () => {
  const weeks = (amount: number) => ({ amount, unit: 'weeks' as const });
  const exact = (d: Date) => format(new TZDate(+d, TZ), 'EEE yyyy-MM-dd HH:mm:ss.SSS');

  it.each([
    // [start, weeks, last moment of the term]
    [ams(2026, 11, 19, 10), 6, 'Thu 2026-12-31 23:59:59.999'], // an ordinary Thursday: its end of day
    [ams(2026, 11, 22, 1, 8), 6, 'Mon 2027-01-04 23:59:59.999'], // ends on a Sunday: on to Monday
    [ams(2026, 11, 13, 9), 6, 'Mon 2026-12-28 23:59:59.999'], // Christmas, Boxing Day, weekend
    [ams(2026, 11, 20, 9), 6, 'Mon 2027-01-04 23:59:59.999'], // New Year's Day (Friday), then a weekend
    [ams(2026, 2, 20, 9), 6, 'Fri 2026-04-03 23:59:59.999'], // Good Friday does not extend a legal term
    [ams(2026, 2, 23, 9), 6, 'Tue 2026-04-07 23:59:59.999'], // Easter Monday does
    [ams(2026, 3, 24, 9), 6, 'Wed 2026-05-06 23:59:59.999'], // 5 May, every year (not only when closed)
    [ams(2026, 4, 2, 9), 6, 'Fri 2026-05-15 23:59:59.999'], // Ascension Day (Thursday 14 May)
    [ams(2026, 4, 16, 9), 6, 'Thu 2026-05-28 23:59:59.999'], // Whit Monday 25 May
    [ams(2027, 3, 16, 9), 6, 'Wed 2027-04-28 23:59:59.999'], // King's Day on a Tuesday
  ])('%s + %i weeks ends %s', (start, n, end) => {
    expect(exact(addLegalTerm(C, start, weeks(n)))).toBe(end);
  });

  it('runs to the end of the day in calendar days, extends only terms of three days or more', () => {
    const friday = ams(2026, 11, 20, 14);
    expect(exact(addLegalTerm(C, friday, { amount: 1, unit: 'calendar_days' }))).toBe(
      'Sat 2026-11-21 23:59:59.999',
    );
    expect(exact(addLegalTerm(C, friday, { amount: 8, unit: 'calendar_days' }))).toBe(
      'Mon 2026-11-30 23:59:59.999',
    );
  });

  it('leaves working-time units to addDuration, and counts suspended time first', () => {
    const start = ams(2026, 4, 2, 10);
    const norm = { amount: 3, unit: 'working_days' as const };
    expect(addLegalTerm(C, start, norm)).toEqual(addDuration(C, start, norm));
    // Two suspended days push a term that ended on Thursday 14 May (Ascension Day) to Saturday: on to Monday.
    const stopped = [span(ams(2026, 4, 6, 9), ams(2026, 4, 8, 9))];
    expect(exact(addLegalTerm(C, ams(2026, 4, 2, 9), weeks(6), stopped))).toBe('Mon 2026-05-18 23:59:59.999');
  });

  it('property: never earlier than the plain term, never ends on a weekend or an Atw holiday', () => {
    const atw = new Set(['01-01', '04-27', '05-05', '12-25', '12-26']);
    fc.assert(
      fc.property(
        // From 2014 on, King's Day is 27 April (Queen's Day, 30 April, before).
        fc.date({ min: new Date('2014-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.integer({ min: 3, max: 120 }),
        (start, days) => {
          const d = { amount: days, unit: 'calendar_days' as const };
          const end = addLegalTerm(C, start, d);
          expect(+end).toBeGreaterThanOrEqual(+addDuration(C, start, d));
          const local = new TZDate(+end, TZ);
          expect([0, 6]).not.toContain(local.getDay());
          expect(atw.has(format(local, 'MM-dd'))).toBe(false);
          expect(format(local, 'HH:mm:ss.SSS')).toBe('23:59:59.999');
          // At most: a weekend plus Christmas and Boxing Day, or a holiday weekend.
          expect(+end - +addDuration(C, start, d)).toBeLessThan(5 * 86_400_000);
        },
      ),
    );
  });
});

describe('guards', () => {
  it('refuses an invalid calendar', () => {
    expect(() => addWorkingDays({ ...C, openingHours: {} }, ams(2026, 3, 2), 1)).toThrow(
      InvalidCalendarError,
    );
  });

  it('throws instead of looping when no opening exists for three years', () => {
    // Open on Mondays only, and every Monday from 2026 to 2029 is a closure.
    const mondays = Array.from({ length: 4 * 53 }, (_, i) => ({
      date: format(addDays(new Date('2026-01-05T12:00:00Z'), 7 * i), 'yyyy-MM-dd'),
      reason: 'dicht',
    }));
    const cal = { ...C, openingHours: { 1: hours('09:00', '17:00') }, closures: mondays };
    expect(() => nextOpening(cal, ams(2026, 1, 1))).toThrow(/no opening hours/);
    expect(() => addWorkingDays(cal, ams(2025, 12, 29, 10), 2)).toThrow(/no opening hours/);
    // A bounded count needs no guard: it simply finds nothing.
    expect(workingMinutesBetween(cal, ams(2026, 1, 1), ams(2030, 1, 1))).toBe(0);
  });
});

describe('validateCalendar', () => {
  const fields = (cal: unknown) => validateCalendar(cal as CalendarDefinition).map((i) => i.field);

  it('accepts the default, touching intervals and a close at 24:00', () => {
    expect(validateCalendar(C)).toEqual([]);
    expect(validateCalendar(LUNCH_CAL)).toEqual([]);
    expect(validateCalendar(ODD_CAL)).toEqual([]);
    const touching = { ...C, openingHours: { 1: [...hours('08:00', '12:00'), ...hours('12:00', '24:00')] } };
    expect(validateCalendar(touching)).toEqual([]);
  });

  it.each([
    [
      'bad time format',
      { openingHours: { 1: hours('8:30', '17:00'), 2: hours('09:00', '10:00') } },
      ['openingHours.1[0].open'],
    ],
    [
      '24:00 as an opening',
      { openingHours: { 1: hours('24:00', '24:00') } },
      ['openingHours.1[0].open', 'openingHours'],
    ],
    [
      'close before open',
      { openingHours: { 1: hours('17:00', '08:30'), 2: hours('09:00', '10:00') } },
      ['openingHours.1[0].close'],
    ],
    [
      'overlap',
      { openingHours: { 1: [...hours('08:00', '12:00'), ...hours('11:00', '15:00')] } },
      ['openingHours.1[1]'],
    ],
    [
      'weekday 8',
      { openingHours: { 1: hours('08:00', '12:00'), 8: hours('08:00', '12:00') } },
      ['openingHours.8'],
    ],
    ['no open day', { openingHours: { 6: [] } }, ['openingHours']],
    ['unknown zone', { timeZone: 'Europe/Amsterdamm' }, ['timeZone']],
    ['impossible closure date', { closures: [{ date: '2026-02-30', reason: 'x' }] }, ['closures[0].date']],
    ['closure without reason', { closures: [{ date: '2026-02-27', reason: ' ' }] }, ['closures[0].reason']],
    [
      'bad settings',
      { goodFridayClosed: 'yes', liberationDayClosed: 'sometimes' },
      ['goodFridayClosed', 'liberationDayClosed'],
    ],
  ])('%s', (_, patch, expected) => {
    expect(fields({ ...C, ...patch })).toEqual(expected);
  });

  it('explains each problem', () => {
    expect(validateCalendar({ ...C, openingHours: { 1: hours('17:00', '08:30') } })).toEqual([
      { field: 'openingHours.1[0].close', message: 'must be later than open' },
      { field: 'openingHours', message: 'at least one weekday needs opening hours' },
    ]);
  });
});

// -----------------------------------------------------------------------------------------------------------
// Properties

/** The brief's literal rule for suspensions: extend by lost minutes with addWorkingHours until stable. */
function iteratedDue(cal: CalendarDefinition, start: Date, days: number, susp: Interval[]): Date {
  const from = nextOpening(cal, start);
  const base = addWorkingDays(cal, start, days);
  let due = base;
  for (let i = 0; i < 20_000; i++) {
    const lost = workingMinutesBetween(cal, from, due) - workingMinutesBetween(cal, from, due, susp);
    const next = lost === 0 ? base : addWorkingHours(cal, base, lost / 60);
    if (+next === +due) return due;
    due = next;
  }
  throw new Error('no fixed point');
}

const FROM = Date.UTC(2024, 0, 1) / MINUTE;
const TO = Date.UTC(2032, 11, 31) / MINUTE;
const instantArb = fc
  .tuple(fc.integer({ min: FROM, max: TO }), fc.integer({ min: 0, max: MINUTE - 1 }))
  .map(([m, ms]) => new Date(m * MINUTE + ms));
const calArb = fc.constantFrom(...CALENDARS);
const suspensionsArb = (start: Date, maxDays: number) =>
  fc
    .array(
      fc.record({
        offset: fc.integer({ min: -5 * 1440, max: 40 * 1440 }),
        length: fc.integer({ min: 0, max: maxDays * 1440 }),
      }),
      { maxLength: 4 },
    )
    .map((list) =>
      list.map(({ offset, length }) => {
        const s = +start + offset * MINUTE;
        return span(new Date(s), new Date(s + length * MINUTE));
      }),
    );
const caseArb = (maxDays = 20) =>
  fc
    .tuple(calArb, instantArb)
    .chain(([cal, start]) => fc.tuple(fc.constant(cal), fc.constant(start), suspensionsArb(start, maxDays)));

/** Inside opening hours, or exactly at a close (the minute before is inside). */
function openOrAtClose(cal: CalendarDefinition, at: Date): Date | undefined {
  if (+nextOpening(cal, at) === +at) return at;
  const before = new Date(+at - MINUTE);
  return +nextOpening(cal, before) === +before ? before : undefined;
}

function assertOnWorkingTime(cal: CalendarDefinition, at: Date) {
  const inside = openOrAtClose(cal, at);
  expect(inside, `${show(at)} is not in opening hours`).toBeDefined();
  const date = localDate(inside!);
  expect(isWorkingDay(cal, date)).toBe(true);
  const year = Number(date.slice(0, 4));
  expect(holidaysOf(cal, year).map((h) => h.date)).not.toContain(date);
  expect(cal.closures.map((c) => c.date)).not.toContain(date);
}

describe('properties', () => {
  it('addWorkingHours consumes exactly round(H × 60) working minutes, with or without suspensions', () => {
    fc.assert(
      fc.property(caseArb(), fc.double({ min: 0, max: 300, noNaN: true }), ([cal, start, susp], h) => {
        const budget = Math.round(h * 60);
        const due = addWorkingHours(cal, start, h);
        expect(workingMinutesBetween(cal, start, due)).toBe(budget);
        expect(workingMinutesBetween(cal, nextOpening(cal, start), due)).toBe(budget);
        const dueSusp = addWorkingHours(cal, start, h, susp);
        expect(workingMinutesBetween(cal, start, dueSusp, susp)).toBe(budget);
        expect(+dueSusp).toBeGreaterThanOrEqual(+due);
        if (budget > 0) {
          assertOnWorkingTime(cal, due);
          assertOnWorkingTime(cal, dueSusp);
        }
      }),
    );
  });

  it('addWorkingDays is monotonic in N and lands on working time, never on a holiday or closure', () => {
    fc.assert(
      fc.property(
        caseArb(),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 30 }),
        ([cal, start, susp], n, k) => {
          const a = addWorkingDays(cal, start, n);
          const b = addWorkingDays(cal, start, n + k);
          expect(+b).toBeGreaterThan(+a);
          assertOnWorkingTime(cal, a);
          assertOnWorkingTime(cal, b);
          const aSusp = addWorkingDays(cal, start, n, susp);
          const bSusp = addWorkingDays(cal, start, n + k, susp);
          expect(+aSusp).toBeGreaterThanOrEqual(+a);
          expect(+bSusp).toBeGreaterThanOrEqual(+aSusp);
          assertOnWorkingTime(cal, aSusp);
          expect(+addWorkingDays(cal, start, 0)).toBe(+nextOpening(cal, start));
        },
      ),
    );
  });

  it('the one-step suspension extension equals the iterate-until-stable rule', () => {
    fc.assert(
      fc.property(caseArb(3), fc.integer({ min: 0, max: 40 }), ([cal, start, susp], n) => {
        expect(+addWorkingDays(cal, start, n, susp)).toBe(+iteratedDue(cal, start, n, susp));
      }),
      // About half the cases extend, one in twenty with a suspension inside the extension: run more of them.
      { numRuns: 400 },
    );
  });

  it('workingMinutesBetween is additive, 0 for reversed ranges and never more than elapsed time', () => {
    fc.assert(
      fc.property(
        caseArb(),
        fc.array(instantArb, { minLength: 2, maxLength: 2 }),
        ([cal, a, susp], others) => {
          const [x, y, z] = [a, ...others].sort((p, q) => +p - +q) as [Date, Date, Date];
          for (const s of [undefined, susp]) {
            const xy = workingMinutesBetween(cal, x, y, s);
            const yz = workingMinutesBetween(cal, y, z, s);
            expect(xy + yz).toBe(workingMinutesBetween(cal, x, z, s));
            expect(workingMinutesBetween(cal, z, x, s)).toBe(0);
            expect(xy).toBeLessThanOrEqual(Math.ceil((+y - +x) / MINUTE));
          }
          expect(workingMinutesBetween(cal, x, z, susp)).toBeLessThanOrEqual(
            workingMinutesBetween(cal, x, z),
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it('nextOpening is the first opening instant at or after the input', () => {
    fc.assert(
      fc.property(calArb, instantArb, (cal, at) => {
        const open = nextOpening(cal, at);
        const floored = Math.floor(+at / MINUTE) * MINUTE;
        expect(+open).toBeGreaterThanOrEqual(floored);
        expect(workingMinutesBetween(cal, at, open)).toBe(0);
        expect(workingMinutesBetween(cal, open, new Date(+open + MINUTE))).toBe(1);
      }),
    );
  });
});

describe('addPublicNorm: a public norm ends at the close of a working day', () => {
  const weeks = (amount: number) => ({ amount, unit: 'weeks' as const });
  const days = (amount: number) => ({ amount, unit: 'working_days' as const });
  const cal = (amount: number) => ({ amount, unit: 'calendar_days' as const });

  it.each([
    // [start, norm, end] — the complaint item's 4 weeks that ended on Sunday 3 January 04:22
    [ams(2026, 12, 6, 4, 22), weeks(4), 'Mon 2027-01-04 17:00'],
    [ams(2020, 12, 6, 4, 22), weeks(4), 'Mon 2021-01-04 17:00'],
    [ams(2026, 11, 27, 10), weeks(4), 'Mon 2026-12-28 17:00'], // Christmas Friday, Boxing Day, Sunday
    [ams(2027, 12, 4, 9), weeks(3), 'Mon 2027-12-27 17:00'], // Christmas on a Saturday
    [ams(2028, 3, 30, 11), weeks(4), 'Fri 2028-04-28 17:00'], // King's Day, Thursday 27 April 2028
    [ams(2025, 4, 7, 11), weeks(4), 'Tue 2025-05-06 17:00'], // Liberation Day off in a lustrum year (2025)
    [ams(2026, 4, 7, 11), weeks(4), 'Tue 2026-05-05 17:00'], // …and worked in 2026
    [ams(2029, 4, 13, 16), weeks(6), 'Fri 2029-05-25 17:00'], // an ordinary Friday: the same day's close
    [ams(2031, 12, 3, 20, 15), weeks(4), 'Fri 2032-01-02 17:00'], // Wednesday evening, then New Year's Day
    [ams(2026, 4, 2, 10), days(5), 'Fri 2026-04-10 17:00'], // Easter Monday skipped, then the day's close
    [ams(2026, 4, 24, 9), days(1), 'Tue 2026-04-28 17:00'], // Friday → (King's Day Monday) → Tuesday
    [ams(2026, 4, 10, 20), days(3), 'Thu 2026-04-16 17:00'], // Friday evening counts from Monday 08:30
    [ams(2026, 4, 8, 17), cal(2), 'Fri 2026-04-10 17:00'], // ends at a close exactly: that close
    [ams(2026, 4, 8, 17, 1), cal(2), 'Mon 2026-04-13 17:00'], // a minute later: past Friday's close
  ])('%s + %o ends %s', (start, norm, end) => {
    expect(show(addPublicNorm(C, start, norm))).toBe(end);
  });

  it('ends at the close of the last interval, not at a lunch closure or a short Friday', () => {
    // LUNCH_CAL: lunch 12:00–13:00, Friday mornings only.
    expect(show(addPublicNorm(LUNCH_CAL, ams(2026, 4, 8, 12, 30), cal(7)))).toBe('Wed 2026-04-15 17:00');
    expect(show(addPublicNorm(LUNCH_CAL, ams(2026, 4, 9, 14), cal(1)))).toBe('Mon 2026-04-13 17:00');
    // ODD_CAL: Sunday open until 24:00 — that midnight is a close.
    expect(show(addPublicNorm(ODD_CAL, ams(2026, 4, 4, 23, 59), cal(7)))).toBe('Mon 2026-04-13 00:00');
  });

  it('leaves a norm in working hours as it is (a promise of opening time)', () => {
    const start = ams(2026, 4, 8, 10);
    const norm = { amount: 4, unit: 'working_hours' as const };
    expect(addPublicNorm(C, start, norm)).toEqual(addWorkingHours(C, start, 4));
  });

  it('property (2024–2032, three calendars, suspensions): the first close of a working day at or after the norm', () => {
    /** The close of a local date's last opening interval as an instant, or none on a day that is not worked. */
    const closeOf = (c: CalendarDefinition, date: string) => {
      if (!isWorkingDay(c, date)) return undefined;
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const weekday = (new TZDate(y, m - 1, d, 12, 0, TZ).getDay() || 7) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
      const [hh, mm] = c.openingHours[weekday]!.map((i) => i.close)
        .sort()
        .at(-1)!
        .split(':')
        .map(Number);
      return ams(y, m, d, hh!, mm!); // 24:00 rolls over to the next day's 00:00, as it should
    };
    const unitArb = fc.constantFrom('working_days' as const, 'calendar_days' as const, 'weeks' as const);
    fc.assert(
      fc.property(caseArb(10), unitArb, fc.integer({ min: 0, max: 30 }), ([c, start, susp], unit, amount) => {
        const norm = { amount, unit };
        const plain = addDuration(c, start, norm, susp);
        const end = addPublicNorm(c, start, norm, susp);
        // Never before the norm has run, and at most a few weeks of closed days after it.
        expect(+end).toBeGreaterThanOrEqual(+plain);
        expect(+end - +plain).toBeLessThan(14 * 86_400_000);
        // Every day from the one before the norm's end on: a worked day's close before the end lies before the
        // norm; the end itself is such a close.
        let found = false;
        for (let t = +plain - 86_400_000; t <= +end + 86_400_000; t += 86_400_000) {
          const close = closeOf(c, localDate(new Date(t)));
          if (!close) continue;
          if (+close === +end) found = true;
          else if (+close < +end) expect(+close).toBeLessThan(+plain);
        }
        expect(found, `${show(end)} is not the close of a working day`).toBe(true);
      }),
    );
  });
});

describe('minutesPerWorkingDay', () => {
  it('is the mean opening day: 510 for 08:30–17:00, and follows a lunch closure and a short Friday', () => {
    expect(minutesPerWorkingDay(DEFAULT_CALENDAR)).toBe(510);
    const day = [
      { open: '08:00', close: '12:00' },
      { open: '13:00', close: '17:00' },
    ];
    // Four days of 8 hours and a Friday of 4: 36 hours over 5 days.
    const cal: CalendarDefinition = {
      ...DEFAULT_CALENDAR,
      openingHours: { 1: day, 2: day, 3: day, 4: day, 5: [{ open: '08:00', close: '12:00' }], 6: [] },
    };
    expect(minutesPerWorkingDay(cal)).toBe(432);
  });
});
