import { DEFAULT_LOCALE, LOCALES, type Locale } from '@voordeur/shared';
import type { FastifyRequest } from 'fastify';

/**
 * The language a caller reads, from its Accept-Language header: the first of Voordeur's languages by
 * preference (`q`), Dutch when it names none. The web app sends its interface language, so names the
 * organisation wrote in both languages (statuses, workflow steps, item names) are presented in it.
 */
export function acceptedLanguage(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: range.trim().toLowerCase().split('-')[0] ?? '', weight, index };
    })
    .filter((r) => Number.isFinite(r.weight) && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const found = ranked.find((r) => (LOCALES as readonly string[]).includes(r.tag));
  return (found?.tag as Locale | undefined) ?? DEFAULT_LOCALE;
}

/** The language of this request (see acceptedLanguage). */
export const languageOf = (request: FastifyRequest): Locale =>
  acceptedLanguage(request.headers['accept-language']);

/** A text in the caller's language: English when asked for and written, else the Dutch. */
export const localised = (text: { nl: string; en?: string | undefined } | undefined, language: Locale) =>
  text ? (language === 'en' && text.en?.trim() ? text.en : text.nl) : undefined;
