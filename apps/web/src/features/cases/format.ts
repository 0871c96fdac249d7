import type { CaseSummary } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n/format.ts';

/** Case times are the organisation's: Dutch time, whatever the browser's clock says. */
export const CASE_TIME_ZONE = 'Europe/Amsterdam';

/**
 * Dates of cases in the interface language and in Dutch time: "woensdag 8 april 2026" for terms the person
 * was promised, "8 apr 2026 14:05" for events, "8 apr" in a queue.
 */
export function useCaseFormat() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const long = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: CASE_TIME_ZONE,
  });
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: CASE_TIME_ZONE,
  });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: CASE_TIME_ZONE });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: CASE_TIME_ZONE });
  const bytes = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    /** "woensdag 8 april 2026". */
    longDate: (iso: string) => long.format(new Date(iso)),
    /** "woensdag 8 april 2026, 17:00": a term with its hour. */
    longDateTime: (iso: string) => `${long.format(new Date(iso))}, ${time.format(new Date(iso))}`,
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    date: (iso: string) => date.format(new Date(iso)),
    /** A local calendar date ("2026-04-08") as a medium date. */
    localDate: (isoDate: string) => date.format(new Date(`${isoDate}T12:00:00Z`)),
    size: (n: number) =>
      n < 1024 * 1024 ? `${bytes.format(n / 1024)} kB` : `${bytes.format(n / 1024 / 1024)} MB`,
  };
}

/** Where a case stands against its norm, in words (never by colour alone). */
export type DueState = 'closed' | 'suspended' | 'overdue' | 'today' | 'open';

export function dueState(
  c: Pick<CaseSummary, 'closedAt' | 'suspended' | 'breached' | 'dueAt'>,
  now: Date,
): DueState {
  if (c.closedAt) return 'closed';
  if (c.suspended) return 'suspended';
  if (c.breached || new Date(c.dueAt) < now) return 'overdue';
  const due = new Date(c.dueAt);
  const sameDay = (a: Date) => a.toLocaleDateString('en-CA', { timeZone: CASE_TIME_ZONE });
  if (sameDay(due) === sameDay(now)) return 'today';
  return 'open';
}
