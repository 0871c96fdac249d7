import { describe, expect, it } from 'vitest';
import { acceptedLanguage, localised } from './language.ts';

describe('acceptedLanguage', () => {
  it('takes the first of Dutch and English by preference, Dutch when neither is named', () => {
    expect(acceptedLanguage(undefined)).toBe('nl');
    expect(acceptedLanguage('en')).toBe('en');
    expect(acceptedLanguage('en-GB,en;q=0.9,nl;q=0.8')).toBe('en');
    expect(acceptedLanguage('nl-NL,nl;q=0.9,en;q=0.8')).toBe('nl');
    expect(acceptedLanguage('de-DE,fr;q=0.9')).toBe('nl');
    expect(acceptedLanguage('de,en;q=0.5,nl;q=0.7')).toBe('nl');
    expect(acceptedLanguage('en;q=0,nl;q=0.1')).toBe('nl');
    expect(acceptedLanguage('*')).toBe('nl');
  });
});

describe('localised', () => {
  it('gives the English text in English when there is one, else the Dutch', () => {
    expect(localised({ nl: 'Ontvangen', en: 'Received' }, 'en')).toBe('Received');
    expect(localised({ nl: 'Ontvangen', en: 'Received' }, 'nl')).toBe('Ontvangen');
    expect(localised({ nl: 'Ontvangen', en: '' }, 'en')).toBe('Ontvangen');
    expect(localised({ nl: 'Ontvangen' }, 'en')).toBe('Ontvangen');
  });
});
