import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Zone } from './zone.ts';

const MINUTE = 60_000;
const ZONES = ['Europe/Amsterdam', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'] as const;
const minuteArb = fc.integer({ min: Date.UTC(2024, 0, 1) / MINUTE, max: Date.UTC(2032, 11, 31) / MINUTE });

/** Wall-clock minutes of an instant according to TZDate, the independent oracle. */
function tzLocal(timeZone: string, u: number): number {
  const t = new TZDate(u * MINUTE, timeZone);
  return Date.UTC(t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes()) / MINUTE;
}

describe('Zone', () => {
  it('reads the wall clock like TZDate (incl. Lord Howe’s half-hour DST)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), minuteArb, (timeZone, u) => {
        expect(new Zone(timeZone).toLocal(u)).toBe(tzLocal(timeZone, u));
      }),
      { numRuns: 500 },
    );
  });

  it('converts wall-clock times back like TZDate, but takes the earlier of a repeated time', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), minuteArb, (timeZone, l) => {
        const zone = new Zone(timeZone);
        const d = new Date(l * MINUTE);
        const oracle =
          +new TZDate(
            d.getUTCFullYear(),
            d.getUTCMonth(),
            d.getUTCDate(),
            d.getUTCHours(),
            d.getUTCMinutes(),
            timeZone,
          ) / MINUTE;
        const mine = zone.fromLocal(l);
        if (mine !== oracle) {
          // Only an ambiguous autumn time may differ: both read as l, ours is the earlier one.
          expect(zone.toLocal(mine)).toBe(l);
          expect(zone.toLocal(oracle)).toBe(l);
          expect(mine).toBeLessThan(oracle);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('handles the Amsterdam DST nights', () => {
    const z = new Zone('Europe/Amsterdam');
    const local = (m: number, d: number, h: number, mi: number) => Date.UTC(2026, m - 1, d, h, mi) / MINUTE;
    const iso = (u: number) => new Date(u * MINUTE).toISOString();
    expect(iso(z.fromLocal(local(3, 29, 2, 30)))).toBe('2026-03-29T01:30:00.000Z'); // gap → 03:30 CEST
    expect(iso(z.fromLocal(local(10, 25, 2, 30)))).toBe('2026-10-25T00:30:00.000Z'); // twice → first (CEST)
    expect(iso(z.fromLocal(local(10, 25, 3, 0)))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('rejects unknown zones', () => {
    expect(() => new Zone('Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
