import { describe, expect, it } from 'vitest';
import { identifierHash } from '../../platform/personal-data.ts';
import { lookupClauses } from './customers.service.ts';

describe('how a lookup text is read', () => {
  it('as exact identifiers, normalised as stored (the BSN as its keyed hash)', () => {
    expect(lookupClauses('Jan.deVries@Example.nl')).toEqual({
      clauses: [{ matchedOn: 'email', value: 'jan.devries@example.nl' }],
      name: null,
    });
    // Nine digits that pass the eleven-test: a BSN (not also an employee number).
    expect(lookupClauses('111222333').clauses).toEqual([
      { matchedOn: 'bsn', value: identifierHash('111222333') },
    ]);
    expect(lookupClauses('06 12345678').clauses).toEqual([{ matchedOn: 'phone', value: '+31612345678' }]);
  });

  it('a postcode with or without the house number after it', () => {
    expect(lookupClauses('1234 ab, 12').clauses).toEqual([
      { matchedOn: 'postcode', value: '1234AB', houseNumber: 12 },
    ]);
    expect(lookupClauses('1234AB').clauses).toEqual([{ matchedOn: 'postcode', value: '1234AB' }]);
  });

  it('as a name when it has letters and looks like no identifier', () => {
    expect(lookupClauses('  Jan  de Vriës ')).toEqual({ clauses: [], name: 'jan de vries' });
    expect(lookupClauses('j').name).toBeNull();
  });
});
