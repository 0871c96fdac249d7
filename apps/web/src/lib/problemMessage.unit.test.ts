import { ERROR_CODES } from '@voordeur/shared';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import en from '../i18n/en.json';
import nl from '../i18n/nl.json';
import { problemMessage } from './problemMessage.ts';

// Every problem code the API can answer with has its own words in both languages: never a key path, never the
// API's English sentence.
describe('problem wording', () => {
  for (const [lang, texts] of [
    ['nl', nl],
    ['en', en],
  ] as const) {
    it(`words every API problem code in ${lang}`, async () => {
      const i18n = i18next.createInstance();
      await i18n.init({
        lng: lang,
        resources: { [lang]: { translation: texts } },
        interpolation: { escapeValue: false },
      });
      const detail = 'The API’s own sentence.';
      for (const code of ERROR_CODES) {
        const words = problemMessage(
          new ApiError({
            status: 400,
            code,
            title: 'Title',
            detail,
            // A refusal of a case action words its stable reason.
            errors: [{ field: 'id', message: detail, code: 'closed' }],
          }),
          i18n.t,
        );
        expect(words, code).not.toBe(detail);
        expect(words, code).not.toMatch(/^[a-zA-Z]+(\.[a-zA-Z_]+)+$/);
        expect(words.trim().length, code).toBeGreaterThan(5);
      }
    });
  }
});
