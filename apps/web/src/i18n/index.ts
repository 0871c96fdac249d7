import { DEFAULT_LOCALE, LOCALES, type Locale } from '@voordeur/shared';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

/** Where the chosen language of this browser is kept. */
export const LOCALE_STORAGE_KEY = 'voordeur.locale';

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    // Storage can be unavailable (privacy settings); the default language is fine then.
    return null;
  }
}

/**
 * Each language's words are a chunk of their own, loaded when the language is first used: a page loads the words of
 * the language it speaks, not both (about 22 kB gzip less on every first visit). Both files hold the same keys
 * (i18n.unit.test.ts), so no language needs another as its fallback.
 */
const WORDS: Record<Locale, () => Promise<{ default: object }>> = {
  nl: () => import('./nl.json'),
  en: () => import('./en.json'),
};
const loading = new Map<Locale, Promise<void>>();

/** Load a language's words (once); resolves when they are in place. */
export function loadWords(locale: Locale): Promise<void> {
  let done = loading.get(locale);
  if (!done) {
    done = WORDS[locale]().then((words) => {
      // Deep and without overwriting: a section's words (i18n/sections/) may already be there.
      i18n.addResourceBundle(locale, 'translation', words.default, true, false);
    });
    loading.set(locale, done);
  }
  return done;
}

/**
 * The language a link asked for (`?lang=en`): the server-rendered public pages (ADR 0022) say their language in the
 * address, and the web app pages they link to go on in it (and remember it, as the switch does).
 */
function askedLocale(): Locale | null {
  const value = new URLSearchParams(window.location.search).get('lang');
  if (!isLocale(value)) return null;
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, value);
  } catch {
    // Not remembered; this page still speaks it.
  }
  return value;
}

const initial = askedLocale() ?? storedLocale() ?? DEFAULT_LOCALE;

void i18n.use(initReactI18next).init({
  resources: {},
  partialBundledLanguages: true,
  lng: initial,
  fallbackLng: false,
  supportedLngs: [...LOCALES],
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** Resolves when the first language's words are in place: the app renders after it (main.tsx). */
export const wordsReady = loadWords(initial);

const syncHtmlLang = (lng: string) => {
  document.documentElement.lang = lng;
};
syncHtmlLang(i18n.language);
i18n.on('languageChanged', syncHtmlLang);

/** The language the interface speaks now. */
export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/** Switch the interface language and remember the choice in this browser. */
export function applyLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered; the switch itself still works.
  }
  return loadWords(locale).then(async () => {
    if (i18n.language !== locale) await i18n.changeLanguage(locale);
  });
}

export default i18n;
