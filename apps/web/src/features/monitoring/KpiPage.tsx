import { KPI_CODES, type KpiCode, PERMISSIONS, type Permission } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../../lib/access.ts';
import { useChartWords } from '../../lib/charts/Chart.tsx';
import { formatValue } from '../../lib/charts/chartData.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { DataList } from '../../ui/DataList.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { type KpiDefinition, useKpis } from './api.ts';
import {
  BreakdownChart,
  inputsHref,
  MonitoringFilters,
  MonitoringNav,
  TrendChart,
  useMonitoring,
  useWords,
} from './parts.tsx';
import { filterSearch } from './period.ts';

/**
 * The lists behind a figure that has none of its own: the digital share is counted over contacts and new cases
 * together, so its page leads to both (each split by channel there).
 */
const LISTS_OF: Partial<Record<KpiCode, KpiCode[]>> = { digital_share: ['contacts', 'cases_opened'] };

/**
 * A KPI's definition page (`/monitoring/kpis/:code`): the formula in words, where the figures come from, the unit,
 * the target and which way is good, who sees it; then its trend over the chosen period, and (for management) the
 * figure split by channel, subject, team, agent, district or target group as the reader chooses (`?by=`).
 */
export function KpiPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const kpis = useKpis();
  const word = useWords();
  const words = useChartWords();
  const { filter, period, params, set } = useMonitoring();
  const mayReadAll = useCan('readMetrics');
  const mayReadInputs = useCan('readServiceInputs');
  const known = (KPI_CODES as readonly string[]).includes(code ?? '');
  const definition = kpis.data?.find((k) => k.code === code);
  const kpiOf = (c: KpiCode) => kpis.data?.find((k) => k.code === c);
  const name = definition ? word(definition.name) : t('monitoring.kpi.unknown');
  useDocumentTitle(name);
  if (kpis.isError) return <ErrorAlert error={kpis.error} />;
  if (kpis.isPending) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  if (!known || !definition)
    return (
      <div className="vd-stack">
        <PageIntro title={t('monitoring.kpi.unknown')} intro={t('monitoring.kpi.unknownIntro')} />
        <Link to="/monitoring/kpis">{t('monitoring.nav.kpis')}</Link>
      </div>
    );
  const splits = definition.splits;
  const by = splits.find((d) => d === params.get('by')) ?? 'channel';
  // An imported figure: the page where its figures are entered, for this period.
  const inputs = mayReadInputs ? inputsHref(definition, period) : undefined;
  const roles = (permission: Permission) => PERMISSIONS[permission].map((role) => t(`roles.${role}`));
  const audience = [...new Set(definition.audience.flatMap((p) => (p in PERMISSIONS ? roles(p) : [])))];
  return (
    <div className="vd-stack vd-stack--loose vd-monitoring">
      <PageIntro title={name} intro={t('monitoring.kpi.intro')} />
      <MonitoringNav />
      <DataList
        items={[
          { key: 'formula', label: t('monitoring.kpi.formula'), value: word(definition.formula) },
          { key: 'source', label: t('monitoring.kpi.source'), value: word(definition.source) },
          { key: 'unit', label: t('monitoring.kpi.unit'), value: t(`monitoring.unit.${definition.unit}`) },
          {
            key: 'target',
            label: t('monitoring.kpi.target'),
            value:
              definition.target === null
                ? t('monitoring.tile.noTarget')
                : t('monitoring.kpi.targetValue', {
                    target: formatValue(definition.target, definition.unit, words),
                    standard:
                      definition.defaultTarget === null
                        ? t('monitoring.tile.noTarget')
                        : formatValue(definition.defaultTarget, definition.unit, words),
                  }),
          },
          {
            key: 'direction',
            label: t('monitoring.kpi.direction'),
            value: t(`monitoring.direction.${definition.direction}`),
          },
          { key: 'audience', label: t('monitoring.kpi.audience'), value: audience.join(', ') || '—' },
          ...(definition.drillShows
            ? [{ key: 'behind', label: t('monitoring.kpi.behind'), value: word(definition.drillShows) }]
            : []),
        ]}
      />
      <section className="vd-stack" aria-labelledby="kpi-trend">
        <Heading level={2} id="kpi-trend">
          {t('monitoring.kpi.trend')}
        </Heading>
        <MonitoringFilters filters={mayReadAll ? ['channel', 'teamId', 'segment'] : ['channel']} />
        {period.problem === null ? (
          <>
            <TrendChart filter={filter} definition={definition} />
            {mayReadAll ? (
              <>
                {splits.length > 1 ? (
                  <SelectField
                    id="kpi-split"
                    label={t('monitoring.kpi.splitBy')}
                    value={by}
                    onChange={(event) =>
                      set({ by: event.target.value === 'channel' ? undefined : event.target.value })
                    }
                    options={splits.map((d) => ({ value: d, label: t(`monitoring.dimension.${d}`) }))}
                  />
                ) : null}
                <BreakdownChart filter={filter} definition={definition} by={by} sort="worst" />
              </>
            ) : null}
            {inputs ? (
              <Paragraph>
                <Link to={inputs}>{t('monitoring.kpi.inputs', { name })}</Link>
              </Paragraph>
            ) : null}
            {(definition.drill ? [definition] : (LISTS_OF[definition.code] ?? []).map((c) => kpiOf(c)))
              .filter((d): d is KpiDefinition => Boolean(d?.drill))
              .map((d) => (
                <Paragraph key={d.code}>
                  <Link to={`/monitoring/drill${filterSearch(params, { kpi: d.code })}`}>
                    {t('monitoring.kpi.drill', { name: word(d.name) })}
                  </Link>
                </Paragraph>
              ))}
          </>
        ) : null}
      </section>
    </div>
  );
}
