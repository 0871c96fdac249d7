import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatPhone,
  maskBsn,
  normaliseBsn,
  normaliseKvk,
  normalisePhone,
  normalisePostcode,
  parseHouseNumber,
} from './dutch.ts';

describe('phone numbers', () => {
  it.each([
    ['06-12345678', '+31612345678'],
    ['06 1234 5678', '+31612345678'],
    ['+31 6 12345678', '+31612345678'],
    ['+31 (0)6 12345678', '+31612345678'],
    ['0031612345678', '+31612345678'],
    ['020-1234567', '+31201234567'],
    ['(020) 123 45 67', '+31201234567'],
    ['+32 470 12 34 56', '+32470123456'],
  ])('%s is %s', (input, e164) => expect(normalisePhone(input)).toBe(e164));

  it.each(['12345', '06-1234', 'nul zes', '+31 6 1234567890123', '', '0612345678; drop table'])(
    'refuses %s',
    (input) => expect(normalisePhone(input)).toBeNull(),
  );

  it('shows Dutch numbers the Dutch way and is stable on its own output', () => {
    expect(formatPhone('+31612345678')).toBe('06 12345678');
    fc.assert(
      fc.property(fc.integer({ min: 10_000_000, max: 99_999_999 }), (n) => {
        const e164 = normalisePhone(`06${n}`);
        expect(e164).toBe(`+316${n}`);
        expect(normalisePhone(formatPhone(e164!))).toBe(e164);
      }),
    );
  });
});

describe('postcodes', () => {
  it.each([
    ['1234AB', '1234AB'],
    ['1234 ab', '1234AB'],
    [' 1234  Ab ', '1234AB'],
    ['1234-AB', '1234AB'],
  ])('%s is %s', (input, pc) => expect(normalisePostcode(input)).toBe(pc));
  it.each(['0123AB', '123AB', '1234A', '1234 SS', '1234 SA', '1234 SD', '12345AB', 'ABCD12'])(
    'refuses %s',
    (input) => expect(normalisePostcode(input)).toBeNull(),
  );
});

/** A BSN that passes the 11-test, built from 8 random digits. */
const validBsn = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .map((d) => {
    const sum = d.reduce((s, x, i) => s + x * (9 - i), 0);
    const last = sum % 11;
    return last === 10 ? null : `${d.join('')}${last}`;
  })
  .filter((b): b is string => b !== null && !/^0+$/.test(b));

describe('BSN 11-test', () => {
  it.each([
    ['111222333', '111222333'],
    ['1112.22.333', '111222333'],
    ['12345672', '012345672'],
  ])('%s is valid as %s', (input, bsn) => expect(normaliseBsn(input)).toBe(bsn));
  it.each(['123456789', '000000000', '11122233', '1112223334', 'abcdefghi', ''])('refuses %s', (input) =>
    expect(normaliseBsn(input)).toBeNull(),
  );
  it('accepts every number built to pass, and refuses it with any single digit changed', () => {
    fc.assert(
      fc.property(
        validBsn,
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (bsn, pos, delta) => {
          expect(normaliseBsn(bsn)).toBe(bsn);
          const changed = bsn.slice(0, pos) + ((Number(bsn[pos]) + delta) % 10) + bsn.slice(pos + 1);
          expect(normaliseBsn(changed)).toBeNull();
        },
      ),
    );
  });
  it('is masked to its last three digits', () => expect(maskBsn('111222333')).toBe('******333'));
});

describe('KvK numbers and house numbers', () => {
  it('KvK: 8 digits', () => {
    expect(normaliseKvk('1234 5678')).toBe('12345678');
    expect(normaliseKvk('1234567')).toBeNull();
  });
  it.each([
    ['12', { number: 12, letter: null, addition: null }],
    ['12a', { number: 12, letter: 'A', addition: null }],
    ['12 A', { number: 12, letter: 'A', addition: null }],
    ['12-3', { number: 12, letter: null, addition: '3' }],
    ['12 bis', { number: 12, letter: null, addition: 'BIS' }],
  ])('%s', (input, parsed) => expect(parseHouseNumber(input)).toEqual(parsed));
  it.each(['', 'a12', '0', 'twaalf'])('refuses %s', (input) => expect(parseHouseNumber(input)).toBeNull());
});
