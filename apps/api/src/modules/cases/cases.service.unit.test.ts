import { describe, expect, it } from 'vitest';
import { startOfDay } from './cases.service.ts';

/** The queue's "due today" and "due this week" end where the local day begins, whatever its length. */
describe('startOfDay', () => {
  it('is local midnight, in winter and in summer time', () => {
    expect(startOfDay('2026-01-14', 1, 'Europe/Amsterdam').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDay('2026-06-14', 1, 'Europe/Amsterdam').toISOString()).toBe('2026-06-14T22:00:00.000Z');
  });

  it('counts calendar days across the changes to and from summer time', () => {
    // 29 March 2026 has 23 hours: its midnight is still winter time (+01:00), though its noon is not.
    expect(startOfDay('2026-03-28', 1, 'Europe/Amsterdam').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDay('2026-03-28', 2, 'Europe/Amsterdam').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    // 25 October 2026 has 25 hours: its midnight is still summer time (+02:00).
    expect(startOfDay('2026-10-24', 1, 'Europe/Amsterdam').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDay('2026-10-20', 7, 'Europe/Amsterdam').toISOString()).toBe('2026-10-26T23:00:00.000Z');
  });

  it('crosses months and years, and follows the organisation’s zone', () => {
    expect(startOfDay('2026-12-31', 1, 'Europe/Amsterdam').toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(startOfDay('2026-02-28', 1, 'UTC').toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(startOfDay('2026-07-01', 0, 'America/New_York').toISOString()).toBe('2026-07-01T04:00:00.000Z');
  });
});
