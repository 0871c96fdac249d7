import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffMs, RETRY_CAP_MS } from './outbox.ts';

describe('retry backoff', () => {
  it('doubles per attempt, between half and all of base · 2^(attempt−1)', () => {
    expect(backoffMs(1, 10_000, () => 0)).toBe(5_000);
    expect(backoffMs(1, 10_000, () => 1)).toBe(10_000);
    expect(backoffMs(2, 10_000, () => 0)).toBe(10_000);
    expect(backoffMs(2, 10_000, () => 1)).toBe(20_000);
    expect(backoffMs(5, 10_000, () => 1)).toBe(160_000);
  });

  it('never waits longer than an hour, nor less than half a base', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 10, max: 3_600_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, base, r) => {
          const d = backoffMs(attempt, base, () => r);
          return d <= RETRY_CAP_MS && d >= Math.min(base, RETRY_CAP_MS) / 2 - 1;
        },
      ),
    );
  });
});
