/** The pieces every monitoring page is built from: the period and filter controls, KPI tiles, trend, breakdown, top 10. */
import type { KpiCode, KpiValue, MetricDimension, MetricFilter, MetricGrain } from '@voordeur/shared';
import { CHANNELS } from '@voordeur/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { intlLocale, useFormat } from '../../i18n/format.ts';
import { Chart, type ChartSpec, useChartWords } from '../../lib/charts/Chart.tsx';
import { formatValue } from '../../lib/charts/chartData.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useTeams } from '../admin-teams/index.ts';
import { useCatalogueItems } from '../catalogue/index.ts';
import {
  type KpiDefinition,
  useBreakdown,
  useKpis,
  useSegments,
  useSeries,
  useTop,
  type Words,
} from './api.ts';
import {
  FILTER_KEYS,
  type FilterKey,
  filterSearch,
  grainFor,
  PERIOD_KINDS,
  type PeriodKind,
  type PeriodState,
  periodChoices,
  pointRange,
  readFilter,
  readPeriod,
} from './period.ts';
import './monitoring.css';

/** The section's navigation lives in a light file of its own (the analysis and inputs pages show it too). */
export { MonitoringNav } from './MonitoringNav.tsx';

/** The period and filters from the URL, and a way to change them (each change is a new history entry). */
export function useMonitoring() {
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => new Date(), []);
  const period = readPeriod(params, today);
  const filter = readFilter(params, period);
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };
  return { params, period, filter, set, today, ready: period.problem === null };
}

/** Words of the API in the interface language. */
export function useWords() {
  const { i18n } = useTranslation();
  return (words: Words) => (i18n.language === 'en' ? words.en : words.nl);
}

/** KPI definitions by code. */
export function useKpiMap() {
  const kpis = useKpis();
  const map = useMemo(() => new Map((kpis.data ?? []).map((k) => [k.code, k])), [kpis.data]);
  return { kpis, map };
}

/** A period's first day as a label in the grain it stands for. */
export function usePeriodLabel() {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return (iso: string, grain: MetricGrain) => {
    const date = new Date(`${iso}T12:00:00`);
    if (grain === 'year') return String(date.getFullYear());
    if (grain === 'quarter')
      return t('monitoring.period.quarterLabel', {
        q: Math.floor(date.getMonth() / 3) + 1,
        year: date.getFullYear(),
      });
    if (grain === 'month')
      return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric' }).format(date);
    const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(date);
    return grain === 'week' ? t('monitoring.period.weekOf', { day }) : day;
  };
}

const PERIOD_COUNT: Record<Exclude<PeriodKind, 'custom'>, number> = { month: 24, quarter: 12, year: 5 };

/**
 * The period (month, quarter, year or custom dates; compared with the period before it of the same length) and the
 * filters. `filters` names which filters this page offers; each change goes to the URL.
 */
export function MonitoringFilters({ filters = FILTER_KEYS }: { filters?: readonly FilterKey[] }) {
  const { t, i18n } = useTranslation();
  const { params, period, set, today, filter } = useMonitoring();
  const locale = intlLocale(i18n.language);
  const teams = useTeams(filters.includes('teamId'));
  const segments = useSegments(filters.includes('segment'));
  // The districts to choose from: those with cases in the period (without the district filter itself).
  const { area: _area, ...withoutArea } = filter;
  const areas = useBreakdown(
    withoutArea,
    'cases_opened',
    'area',
    filters.includes('area') && period.problem === null,
  );
  const label = (kind: Exclude<PeriodKind, 'custom'>, at: string) => {
    if (kind === 'month')
      return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(
        new Date(`${at}-15T12:00:00`),
      );
    if (kind === 'quarter')
      return t('monitoring.period.quarterLabel', { q: at.slice(-1), year: at.slice(0, 4) });
    return at;
  };
  const word = useWords();
  const problem = period.problem ? t(`monitoring.period.problem.${period.problem}`) : undefined;
  return (
    <search className="vd-monitoring-filters" aria-label={t('monitoring.filters.label')}>
      <div className="vd-filters__grid">
        <SelectField
          id="monitoring-period"
          label={t('monitoring.period.kind')}
          value={period.kind}
          onChange={(event) => {
            const kind = event.target.value as PeriodKind;
            set(
              kind === 'custom'
                ? { period: kind, at: undefined, from: period.from, to: period.to }
                : { period: kind, at: undefined, from: undefined, to: undefined },
            );
          }}
          options={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`monitoring.period.kinds.${kind}`) }))}
        />
        {period.kind === 'custom' ? (
          <>
            <TextField
              id="monitoring-from"
              label={t('monitoring.period.from')}
              type="date"
              value={params.get('from') ?? ''}
              onChange={(event) => set({ from: event.target.value })}
              error={problem}
            />
            <TextField
              id="monitoring-to"
              label={t('monitoring.period.to')}
              type="date"
              value={params.get('to') ?? ''}
              onChange={(event) => set({ to: event.target.value })}
            />
          </>
        ) : (
          <SelectField
            id="monitoring-at"
            label={t(`monitoring.period.kinds.${period.kind}`)}
            value={period.at}
            onChange={(event) => set({ at: event.target.value })}
            options={[
              // The running month, quarter or year up to today, then the complete ones before it.
              ...(() => {
                const current = new Date(
                  today.getFullYear(),
                  today.getMonth() + (period.kind === 'month' ? 1 : period.kind === 'quarter' ? 3 : 12),
                  1,
                );
                return periodChoices(period.kind, current, 1);
              })().map((at) => ({
                value: at,
                label: `${label(period.kind as Exclude<PeriodKind, 'custom'>, at)} ${t('monitoring.period.soFar')}`,
              })),
              ...periodChoices(period.kind, today, PERIOD_COUNT[period.kind]).map((at) => ({
                value: at,
                label: label(period.kind as Exclude<PeriodKind, 'custom'>, at),
              })),
            ]}
          />
        )}
        {filters.includes('channel') ? (
          <SelectField
            id="monitoring-channel"
            label={t('monitoring.filters.channel')}
            value={params.get('channel') ?? ''}
            onChange={(event) => set({ channel: event.target.value })}
            emptyOption={t('monitoring.filters.all')}
            options={CHANNELS.map((c) => ({ value: c, label: t(`catalogue.channel.${c}`) }))}
          />
        ) : null}
        {filters.includes('teamId') ? (
          <SelectField
            id="monitoring-team"
            label={t('monitoring.filters.team')}
            value={params.get('teamId') ?? ''}
            onChange={(event) => set({ teamId: event.target.value, agentId: undefined })}
            emptyOption={t('monitoring.filters.all')}
            options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          />
        ) : null}
        {filters.includes('itemId') ? <ItemSelect /> : null}
        {filters.includes('area') && areas.data?.rows.some((row) => row.key) ? (
          <SelectField
            id="monitoring-area"
            label={t('monitoring.filters.area')}
            value={params.get('area') ?? ''}
            onChange={(event) => set({ area: event.target.value, areaLabel: undefined })}
            emptyOption={t('monitoring.filters.all')}
            options={areas.data.rows
              .filter((row): row is typeof row & { key: string } => row.key !== null)
              .map((row) => ({ value: row.key, label: row.label || row.key }))}
          />
        ) : null}
        {filters.includes('segment') && segments.data?.length ? (
          <SelectField
            id="monitoring-segment"
            label={t('monitoring.filters.segment')}
            value={params.get('segment') ?? ''}
            onChange={(event) => set({ segment: event.target.value })}
            emptyOption={t('monitoring.filters.all')}
            options={segments.data.map((s) => ({ value: s.code, label: word(s.name) }))}
          />
        ) : null}
      </div>
      <ActiveFilters controls={filters.filter((key) => key !== 'agentId')} />
    </search>
  );
}

/** The catalogue's items as a filter (a component of its own: the catalogue is asked for only where it is offered). */
function ItemSelect() {
  const { t, i18n } = useTranslation();
  const { params, set } = useMonitoring();
  const items = useCatalogueItems();
  if (!items.data?.length) return null;
  return (
    <SelectField
      id="monitoring-item"
      label={t('monitoring.filters.itemId')}
      value={params.get('itemId') ?? ''}
      onChange={(event) => set({ itemId: event.target.value, itemIdLabel: undefined })}
      emptyOption={t('monitoring.filters.all')}
      options={items.data.map((item) => ({
        value: item.id,
        label: (i18n.language === 'en' && item.name.en) || item.name.nl,
      }))}
    />
  );
}

/** Filters set by a drill (an area, an item, an agent) that have no control on the page: shown, and removable. */
function ActiveFilters({ controls }: { controls: readonly FilterKey[] }) {
  const { t } = useTranslation();
  const { params, set } = useMonitoring();
  const shown = (['area', 'itemId', 'agentId'] as const).filter(
    (key) => params.get(key) && !controls.includes(key),
  );
  if (!shown.length) return null;
  return (
    <ul className="vd-monitoring-active">
      {shown.map((key) => (
        <li key={key}>
          {t(`monitoring.filters.${key}`)}:{' '}
          {key === 'agentId'
            ? t('monitoring.filters.oneAgent')
            : (params.get(`${key}Label`) ?? params.get(key))}{' '}
          <button
            type="button"
            className="vd-link-button"
            onClick={() => set({ [key]: undefined, [`${key}Label`]: undefined })}
          >
            {t('monitoring.filters.remove')}
            <span className="vd-visually-hidden"> {t(`monitoring.filters.${key}`)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** met / missed / none in words and with an icon, never colour alone. */
function StatusText({ status }: { status: KpiValue['status'] }) {
  const { t } = useTranslation();
  const icon = status === 'met' ? '✓' : status === 'missed' ? '✗' : '–';
  return (
    <span className={`vd-kpi-status vd-kpi-status--${status}`}>
      <span aria-hidden="true">{icon} </span>
      {t(`monitoring.status.${status}`)}
    </span>
  );
}

/** Change against the previous period, in words (better / worse depends on the KPI's direction). */
function Change({ value }: { value: KpiValue }) {
  const { t } = useTranslation();
  if (
    value.value === null ||
    value.previous === null ||
    value.value === value.previous ||
    value.direction === 'none'
  )
    return null;
  const up = value.value > value.previous;
  const better = value.direction === 'higher' ? up : !up;
  return <span>{t(better ? 'monitoring.tile.better' : 'monitoring.tile.worse')}</span>;
}

/** The page where an input module's figures are entered and listed, per source the KPI reads. */
const INPUT_PAGES: Record<string, string> = {
  waiting: '/monitoring/waiting',
  cost: '/monitoring/costs',
  mystery: '/monitoring/mystery',
};

/**
 * Where the figures behind an imported KPI (queues, unit costs, mystery checks) are listed, for the period; undefined
 * for a KPI of the rollups. Those pages read `from` and `to`.
 */
export function inputsHref(definition: KpiDefinition, period: { from: string; to: string }) {
  const page = definition.reads.map((r) => INPUT_PAGES[r]).find(Boolean);
  return page ? `${page}?${new URLSearchParams({ from: period.from, to: period.to }).toString()}` : undefined;
}

/** One KPI tile per value: name, value, target, previous period, met or missed; the value drills down. */
export function KpiTiles({
  items,
  definitions,
  drill = {},
}: {
  items: KpiValue[];
  definitions: Map<KpiCode, KpiDefinition>;
  /** Filters the drill-down adds (one's own id on My figures). */
  drill?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const words = useChartWords();
  const word = useWords();
  const { params } = useMonitoring();
  return (
    <ul className="vd-kpi-tiles">
      {items.map((item) => {
        const definition = definitions.get(item.code);
        const name = definition ? word(definition.name) : item.code;
        const format = (v: number | null) => formatValue(v, item.unit, words);
        return (
          <li key={item.code} className={`vd-kpi-tile vd-kpi-tile--${item.status}`}>
            <Heading level={3} className="vd-kpi-tile__name">
              <Link to={`/monitoring/kpis/${item.code}`}>{name}</Link>
            </Heading>
            <p className={`vd-kpi-tile__value${item.value === null ? ' vd-kpi-tile__value--none' : ''}`}>
              {item.value === null ? (
                <span>{t('monitoring.tile.noValue')}</span>
              ) : !definition?.drill ? (
                // No list of cases or contacts behind this figure (a grade, an imported figure): no link.
                <span>{format(item.value)}</span>
              ) : (
                <Link
                  to={`/monitoring/drill${filterSearch(params, { ...drill, kpi: item.code })}`}
                  aria-label={t('monitoring.tile.drill', { name, value: format(item.value) })}
                >
                  {format(item.value)}
                </Link>
              )}
            </p>
            {item.status === 'none' ? null : <StatusText status={item.status} />}
            <dl className="vd-kpi-tile__facts">
              <div>
                <dt>{t('monitoring.tile.target')}</dt>
                <dd>{item.target === null ? t('monitoring.tile.noTarget') : format(item.target)}</dd>
              </div>
              <div>
                <dt>{t('monitoring.tile.previous')}</dt>
                <dd>
                  {format(item.previous)} <Change value={item} />
                </dd>
              </div>
              <div>
                <dt>{t('monitoring.tile.n')}</dt>
                <dd>{formatValue(item.n, 'count', words)}</dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}

/** The trend of one KPI over the period, the previous period dashed, the target drawn in. */
export function TrendChart({
  filter,
  previous,
  definition,
  title,
  grain: chosen,
}: {
  filter: MetricFilter;
  previous?: { from: string; to: string } | undefined;
  definition: KpiDefinition | undefined;
  title?: string;
  /** The period of each point; by the period's length when absent. */
  grain?: MetricGrain;
}) {
  const { t } = useTranslation();
  const { params } = useMonitoring();
  const navigate = useNavigate();
  const word = useWords();
  const label = usePeriodLabel();
  const code = definition?.code ?? 'fcr';
  const grain = chosen ?? grainFor(filter.from, filter.to);
  const current = useSeries(filter, code, grain, Boolean(definition));
  const before = useSeries({ ...filter, ...(previous ?? {}) }, code, grain, Boolean(definition && previous));
  if (!definition) return null;
  if (current.isError) return <ErrorAlert error={current.error} />;
  if (!current.data) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  const points = current.data.points;
  const spec: ChartSpec = {
    type: 'line',
    title: title ?? t('monitoring.trend.title', { name: word(definition.name) }),
    categoryLabel: t(`monitoring.grain.${grain}`),
    categories: points.map((p) => label(p.period, grain)),
    categoryKeys: points.map((p) => p.period),
    unit: definition.unit,
    target: current.data.target,
    series: [
      { name: t('monitoring.trend.current'), values: points.map((p) => p.value) },
      ...(previous && before.data
        ? [
            {
              name: t('monitoring.trend.previous'),
              kind: 'previous' as const,
              values: points.map((_, i) => before.data.points[i]?.value ?? null),
            },
          ]
        : []),
    ],
  };
  // Each point drills down to what is behind its own day, week, month, quarter or year (within the chosen period).
  const href = (index: number) => {
    const range = pointRange(points, index, filter);
    if (!range || points[index]?.value === null || !definition.drill) return undefined;
    return `/monitoring/drill${filterSearch(params, { kpi: code, period: 'custom', at: undefined, ...range })}`;
  };
  return (
    <Chart
      spec={spec}
      direction={definition.direction}
      rowHref={href}
      onSelect={(index) => {
        const to = href(index);
        if (to) void navigate(to);
      }}
    />
  );
}

/** Which filter a breakdown row sets when followed (the drill-down). */
const DRILL_KEY: Partial<Record<MetricDimension, string>> = {
  channel: 'channel',
  team: 'teamId',
  agent: 'agentId',
  item: 'itemId',
  area: 'area',
  segment: 'segment',
};

/** One KPI split by a dimension as bars against the target; each row drills down to its cases or contacts. */
export function BreakdownChart({
  filter,
  definition,
  by,
  title,
  sort,
}: {
  filter: MetricFilter;
  definition: KpiDefinition | undefined;
  by: MetricDimension;
  /** "<KPI> per <dimension>" when absent. */
  title?: string;
  /** Worst first (by the KPI's direction): the rows that need attention on top. */
  sort?: 'worst';
}) {
  const { t } = useTranslation();
  const { params } = useMonitoring();
  const navigate = useNavigate();
  const word = useWords();
  const code = definition?.code ?? 'fcr';
  const breakdown = useBreakdown(filter, code, by, Boolean(definition));
  if (!definition) return null;
  if (breakdown.isError) return <ErrorAlert error={breakdown.error} />;
  if (!breakdown.data) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  let rows = breakdown.data.rows;
  if (sort === 'worst' && definition.direction !== 'none') {
    const sign = definition.direction === 'higher' ? 1 : -1;
    rows = [...rows].sort((a, b) => sign * ((a.value ?? Infinity) - (b.value ?? Infinity)));
  }
  const label = (key: string | null, text: string) =>
    by === 'channel' && key
      ? t(`catalogue.channel.${key}` as 'catalogue.channel.web')
      : text || t('monitoring.unknown');
  const spec: ChartSpec = {
    type: 'bar',
    title:
      title ??
      t('monitoring.breakdown.title', {
        name: word(definition.name),
        by: t(`monitoring.dimension.${by}`).toLowerCase(),
      }),
    categoryLabel: t(`monitoring.dimension.${by}`),
    categories: rows.map((r) => label(r.key, r.label)),
    categoryKeys: rows.map((r) => r.key ?? ''),
    unit: definition.unit,
    target: definition.target,
    series: [{ name: t('monitoring.trend.current'), values: rows.map((r) => r.value) }],
  };
  const drillKey = DRILL_KEY[by];
  const href = (index: number) => {
    const row = rows[index];
    if (!row?.key || !drillKey || !definition.drill) return undefined;
    const named =
      drillKey === 'area' || drillKey === 'itemId' ? { [`${drillKey}Label`]: label(row.key, row.label) } : {};
    return `/monitoring/drill${filterSearch(params, { kpi: code, [drillKey]: row.key, ...named })}`;
  };
  return (
    <Chart
      spec={spec}
      direction={definition.direction}
      rowHref={href}
      onSelect={(index) => {
        // A click on a bar goes where its table row links to (keyboard users follow the table's link).
        const to = href(index);
        if (to) void navigate(to);
      }}
      initialView={rows.length > 12 ? 'table' : 'chart'}
    />
  );
}

/** The ten questions (contacts) or reports (cases) asked most in the period; each drills to its contacts or cases. */
export function TopList({ filter, kind }: { filter: MetricFilter; kind: 'questions' | 'reports' }) {
  const { t } = useTranslation();
  const { params } = useMonitoring();
  const top = useTop(filter, kind);
  const words = useChartWords();
  return (
    <section className="vd-stack" aria-labelledby={`top-${kind}`}>
      <Heading level={2} id={`top-${kind}`}>
        {t(`monitoring.top.${kind}`)}
      </Heading>
      {top.isError ? <ErrorAlert error={top.error} /> : null}
      {top.data && !top.data.length ? <Paragraph>{t('monitoring.top.none')}</Paragraph> : null}
      {top.data?.length ? (
        <ol className="vd-top-list">
          {top.data.map((item) => (
            <li key={item.itemId}>
              <Link
                to={`/monitoring/drill${filterSearch(params, {
                  kpi: kind === 'questions' ? 'contacts' : 'cases_opened',
                  itemId: item.itemId,
                  itemIdLabel: item.name,
                })}`}
              >
                {item.name}
              </Link>{' '}
              —{' '}
              {t('monitoring.top.count', {
                count: item.count,
                formatted: formatValue(item.count, 'count', words),
              })}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

/** The period shown and the one it is compared with, in words (also what a printed page says). */
export function PeriodLine({
  overview,
}: {
  overview: { from: string; to: string; previousFrom: string; previousTo: string };
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paragraph className="vd-period-line">
      {t('monitoring.period.shown', {
        from: format.date(overview.from),
        to: format.date(overview.to),
        previousFrom: format.date(overview.previousFrom),
        previousTo: format.date(overview.previousTo),
      })}
    </Paragraph>
  );
}

/** Shown instead of figures while the chosen dates cannot be asked for. */
export function PeriodProblem({ period }: { period: PeriodState }) {
  const { t } = useTranslation();
  if (!period.problem) return null;
  return <Paragraph>{t(`monitoring.period.problem.${period.problem}`)}</Paragraph>;
}
