import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@voordeur/shared';
import { describe, expect, it } from 'vitest';
import en from './sections/staff.en.json';
import nl from './sections/staff.nl.json';

// Every action and kind of record the API can put in the audit trail has words in both languages, and no words
// are kept for codes that no longer exist.
describe('audit trail words', () => {
  for (const [lang, texts] of [
    ['nl', nl],
    ['en', en],
  ] as const) {
    it(`words every audit action and kind of record in ${lang}`, () => {
      expect(Object.keys(texts.auditWords.actions).sort()).toEqual([...AUDIT_ACTIONS].sort());
      expect(Object.keys(texts.auditWords.entityTypes).sort()).toEqual([...AUDIT_ENTITY_TYPES].sort());
      for (const words of [
        ...Object.values(texts.auditWords.actions),
        ...Object.values(texts.auditWords.entityTypes),
      ])
        expect(words.trim()).not.toBe('');
    });
  }
});
