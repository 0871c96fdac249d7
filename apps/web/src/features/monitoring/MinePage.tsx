import { KPI_CATALOGUE, KPI_CODES, type KpiCode, type MetricFilter } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../lib/CurrentUser.tsx';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { Heading } from '../../ui/Heading.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { useOverview } from './api.ts';
import {
  KpiTiles,
  MonitoringFilters,
  MonitoringNav,
  PeriodLine,
  PeriodProblem,
  TrendChart,
  useKpiMap,
  useMonitoring,
} from './parts.tsx';
import { grainFor } from './period.ts';

/**
 * The figures one may see of oneself: those the catalogue opens to `readOwnMetrics` (the contact KPIs). The API
 * refuses the others at this level, so the page never asks for them.
 */
const MINE_CODES: KpiCode[] = KPI_CODES.filter((code) =>
  (KPI_CATALOGUE[code].audience as readonly string[]).includes('readOwnMetrics'),
);

/**
 * My figures (`/monitoring/mine`): only one's own — the filter always names oneself (the API forces it too),
 * and the page offers no team or colleague to choose.
 */
export function MinePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('monitoring.mine.title'));
  const me = useCurrentUser();
  const { filter: base, period } = useMonitoring();
  const filter: MetricFilter = {
    from: base.from,
    to: base.to,
    agentId: me.id,
    ...(base.channel ? { channel: base.channel } : {}),
  };
  const { map } = useKpiMap();
  const overview = useOverview(filter, MINE_CODES, period.problem === null);
  const previous = overview.data
    ? { from: overview.data.previousFrom, to: overview.data.previousTo }
    : undefined;
  return (
    <div className="vd-stack vd-stack--loose vd-monitoring">
      <PageIntro title={t('monitoring.mine.title')} intro={t('monitoring.mine.intro')} />
      <MonitoringNav />
      <MonitoringFilters filters={['channel']} />
      <PeriodProblem period={period} />
      {overview.isError ? <ErrorAlert error={overview.error} /> : null}
      {period.problem === null && overview.isPending ? (
        <Paragraph role="status">{t('app.loading')}</Paragraph>
      ) : null}
      {overview.data ? (
        <>
          <PeriodLine overview={overview.data} />
          <KpiTiles items={overview.data.items} definitions={map} drill={{ agentId: me.id }} />
          <section className="vd-stack" aria-labelledby="mine-trend">
            <Heading level={2} id="mine-trend">
              {t('monitoring.mine.trend')}
            </Heading>
            <TrendChart
              filter={filter}
              previous={previous}
              definition={map.get('fcr')}
              // One person's contacts of a single day are too few to say much: per week instead of per day.
              grain={grainFor(filter.from, filter.to) === 'day' ? 'week' : undefined}
            />
          </section>
        </>
      ) : null}
    </div>
  );
}
