import type { Duration, LocalText } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n/format.ts';

/** A text of the catalogue in the interface language: English when there is English, else Dutch. */
export interface Localised {
  text: string;
  /** Set when the text is in another language than the interface ("nl" in the English interface). */
  lang: string | undefined;
}

/**
 * Formatting for catalogue content in the interface language: texts with a Dutch fallback, norms in
 * words ("binnen 5 werkdagen"), costs in euros ("gratis" when there are none) and expected dates.
 */
export function useCatalogueFormat() {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const english = i18n.language === 'en';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const euro = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
  const longDate = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

  const local = (value: LocalText | undefined | null): Localised => {
    if (english && value?.en) return { text: value.en, lang: undefined };
    return { text: value?.nl ?? '', lang: english ? 'nl' : undefined };
  };

  return {
    local,
    /** The plain string, for attributes and sorting. */
    text: (value: LocalText | undefined | null) => local(value).text,
    /** "binnen 5 werkdagen"; a dash when the norm is incomplete (an editor's preview). */
    norm: (duration: Partial<Duration> | undefined | null): string => {
      const amount = duration?.amount;
      if (!duration?.unit || typeof amount !== 'number' || !Number.isFinite(amount)) return '—';
      return t(`catalogue.norm.${duration.unit}`, { count: amount, amount: number.format(amount) });
    },
    /** "€ 84,70", or "gratis" for no cost. */
    cost: (cents: number | null | undefined) =>
      typeof cents === 'number' && cents > 0 ? euro.format(cents / 100) : t('catalogue.free'),
    /** "woensdag 8 april 2026", from a local date "2026-04-08". */
    longDate: (isoDate: string) => longDate.format(new Date(`${isoDate}T00:00:00Z`)),
  };
}

/** Lower-case, without accents: for matching typed text against names. */
export const foldText = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
