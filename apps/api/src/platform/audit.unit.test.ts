import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diff } from './audit.ts';

describe('audit diff', () => {
  it('lists changed fields only, with before and after', () => {
    expect(diff({ name: 'A', kind: 'x', version: 1 }, { name: 'B', kind: 'x', version: 2 })).toEqual({
      name: { before: 'A', after: 'B' },
    });
  });

  it('records creation and deletion against nothing', () => {
    expect(diff(null, { name: 'A' })).toEqual({ name: { before: null, after: 'A' } });
    expect(diff({ name: 'A' }, undefined)).toEqual({ name: { before: 'A', after: null } });
  });

  it('never records secret values, only that they changed', () => {
    const changes = diff({ passwordHash: '$argon2id$old' }, { passwordHash: '$argon2id$new' });
    expect(changes).toEqual({ passwordHash: { before: '[redacted]', after: '[redacted]' } });
  });

  it('serialises dates and bigints', () => {
    expect(diff({ at: new Date('2026-01-01T00:00:00Z') }, { at: 5n })).toEqual({
      at: { before: '2026-01-01T00:00:00.000Z', after: '5' },
    });
  });

  it('is empty exactly when the snapshots are equal', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.jsonValue()), (snapshot) => {
        const copy = JSON.parse(JSON.stringify(snapshot));
        expect(diff(snapshot, copy)).toEqual({});
      }),
    );
  });
});
