import { KPI_CATALOGUE, type KpiCode, type KpiUnit } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n/format.ts';

/** A KPI's name, a value in its unit, and a day, in the reader's language. */
export function useStrategyFormat() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });
  const en = i18n.language === 'en';
  return {
    kpiName: (code: KpiCode) => KPI_CATALOGUE[code].name[en ? 'en' : 'nl'],
    value: (v: number | null, unit: KpiUnit) => {
      if (v === null) return '—';
      const n = number.format(v);
      if (unit === 'percent') return `${n}%`;
      if (unit === 'euro') return `€ ${n}`;
      if (unit === 'days') return en ? `${n} days` : `${n} dagen`;
      if (unit === 'minutes') return en ? `${n} min` : `${n} min.`;
      return n;
    },
    day: (iso: string) => day.format(new Date(`${iso}T12:00:00`)),
  };
}

/** Today as YYYY-MM-DD in the reader's time zone. */
export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
