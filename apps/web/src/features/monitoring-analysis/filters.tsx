import { CHANNELS, type MetricFilter, rolesAllow } from '@voordeur/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { intlLocale } from '../../i18n/format.ts';
import { useCan } from '../../lib/access.ts';
import { useCurrentUser } from '../../lib/CurrentUser.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useAnalysisTeams } from './api.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A local date as YYYY-MM-DD. */
const isoDate = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/**
 * The period and filters of the analysis pages, kept in the URL so a view can be shared and reloaded. Without a
 * period: the last twelve months up to today (statistics need many answers).
 */
export function useAnalysisFilter() {
  const [params, setParams] = useSearchParams();
  const today = new Date();
  const from =
    params.get('from') ?? isoDate(new Date(today.getFullYear() - 1, today.getMonth(), today.getDate() + 1));
  const to = params.get('to') ?? isoDate(today);
  const filter: MetricFilter = {
    from,
    to,
    ...(params.get('channel') ? { channel: params.get('channel')! } : {}),
    ...(params.get('teamId') ? { teamId: params.get('teamId')! } : {}),
  };
  const valid = DAY.test(from) && DAY.test(to) && from <= to && to <= isoDate(today);
  const set = (change: Record<string, string>) => {
    const next = new URLSearchParams(params);
    if (!next.has('from')) next.set('from', from);
    if (!next.has('to')) next.set('to', to);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return { filter, valid, params, set };
}

/**
 * The filter fields: period, channel and team (without the whole organisation, one chooses among the teams in
 * which one's role grants the figures).
 */
export function AnalysisFilters({
  filter,
  valid,
  set,
  children,
}: {
  filter: MetricFilter;
  valid: boolean;
  set: (change: Record<string, string>) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const whole = useCan('readMetrics');
  const teams = useAnalysisTeams(whole);
  const own = [
    ...new Map(
      me.memberships.filter((m) => rolesAllow([m.role], 'analyseMetrics')).map((m) => [m.teamId, m.teamName]),
    ),
  ].map(([id, name]) => ({ id, name }));
  const teamOptions = (whole ? (teams.data ?? []) : own).map((team) => ({
    value: team.id,
    label: team.name,
  }));
  return (
    <form
      className="vd-filters__grid"
      aria-label={t('analysis.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      <TextField
        id="analysis-from"
        label={t('analysis.from')}
        type="date"
        value={filter.from}
        onChange={(event) => set({ from: event.target.value })}
        error={valid ? undefined : t('analysis.periodInvalid')}
      />
      <TextField
        id="analysis-to"
        label={t('analysis.to')}
        type="date"
        value={filter.to}
        onChange={(event) => set({ to: event.target.value })}
      />
      <SelectField
        id="analysis-channel"
        label={t('analysis.channel')}
        value={filter.channel ?? ''}
        emptyOption={t('analysis.all')}
        onChange={(event) => set({ channel: event.target.value })}
        options={CHANNELS.map((value) => ({ value, label: t(`catalogue.channel.${value}`) }))}
      />
      <SelectField
        id="analysis-team"
        label={t('analysis.team')}
        value={filter.teamId ?? ''}
        emptyOption={whole ? t('analysis.all') : t('analysis.allMine')}
        onChange={(event) => set({ teamId: event.target.value })}
        options={teamOptions}
      />
      {children}
    </form>
  );
}

/** Numbers in the interface language. */
export function useNumbers() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const fixed = (digits: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const [one, two, none] = [fixed(1), fixed(2), fixed(0)];
  const lang: 'nl' | 'en' = i18n.language === 'en' ? 'en' : 'nl';
  return {
    lang,
    one: (v: number | null) => (v === null ? '—' : one.format(v)),
    two: (v: number | null) => (v === null ? '—' : two.format(v)),
    count: (v: number) => none.format(v),
    percent: (v: number | null) => (v === null ? '—' : `${one.format(v)}%`),
    p: (v: number) => (v < 0.001 ? `< ${fixed(3).format(0.001)}` : fixed(3).format(v)),
  };
}
