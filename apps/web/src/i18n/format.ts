import { useTranslation } from 'react-i18next';

export const intlLocale = (lng: string) => (lng === 'en' ? 'en-GB' : 'nl-NL');

/** Date formatting in the interface language; `null` renders as the given fallback. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return {
    dateTime: (iso: string) => dateTimeFormat.format(new Date(iso)),
    date: (iso: string) => dateFormat.format(new Date(iso)),
  };
}
