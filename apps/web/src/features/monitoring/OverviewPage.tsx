import type { KpiCode } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../lib/access.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { Heading } from '../../ui/Heading.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { useOverview } from './api.ts';
import { MinePage } from './MinePage.tsx';
import {
  BreakdownChart,
  KpiTiles,
  MonitoringFilters,
  MonitoringNav,
  PeriodLine,
  PeriodProblem,
  TopList,
  TrendChart,
  useKpiMap,
  useMonitoring,
} from './parts.tsx';
import { TeamsPage } from './TeamsPage.tsx';

/** What management looks at first: service, norms, backlog, satisfaction, channels. */
export const OVERVIEW_CODES: KpiCode[] = [
  'norm_compliance',
  'fcr',
  'backlog',
  'backlog_overdue',
  'resolution_mean',
  'callbacks_in_time',
  'complaints_in_term',
  'grade_mean',
  'digital_share',
  'avoidable_contacts',
  'contacts',
  'cases_opened',
];

/**
 * The management overview (`/monitoring`), the section's first page: KPI tiles against target and the previous
 * period, trends, the teams by norm compliance, the top 10. Someone who may only see their own figures gets
 * their own page here.
 */
export function OverviewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('monitoring.overview.title'));
  const all = useCan('readMetrics');
  const teams = useCan('readTeamMetrics');
  const { filter, period } = useMonitoring();
  const { map } = useKpiMap();
  const overview = useOverview(filter, OVERVIEW_CODES, all && period.problem === null);
  // Someone who may see only their own figures finds them here too (the section's one address in the navigation).
  // A team lead's first page is their teams.
  if (!all) return teams ? <TeamsPage /> : <MinePage />;
  const previous = overview.data
    ? { from: overview.data.previousFrom, to: overview.data.previousTo }
    : undefined;
  return (
    <div className="vd-stack vd-stack--loose vd-monitoring">
      <PageIntro title={t('monitoring.overview.title')} intro={t('monitoring.overview.intro')} />
      <MonitoringNav />
      <MonitoringFilters />
      <PeriodProblem period={period} />
      {overview.isError ? <ErrorAlert error={overview.error} /> : null}
      {period.problem === null && overview.isPending ? (
        <Paragraph role="status">{t('app.loading')}</Paragraph>
      ) : null}
      {overview.data ? (
        <>
          <PeriodLine overview={overview.data} />
          <section className="vd-stack" aria-labelledby="monitoring-tiles">
            <Heading level={2} id="monitoring-tiles">
              {t('monitoring.overview.tiles')}
            </Heading>
            <KpiTiles items={overview.data.items} definitions={map} />
          </section>
          <section className="vd-stack" aria-labelledby="monitoring-trends">
            <Heading level={2} id="monitoring-trends">
              {t('monitoring.overview.trends')}
            </Heading>
            <div className="vd-chart-grid">
              <TrendChart filter={filter} previous={previous} definition={map.get('norm_compliance')} />
              <TrendChart filter={filter} previous={previous} definition={map.get('fcr')} />
              <TrendChart filter={filter} previous={previous} definition={map.get('grade_mean')} />
              <TrendChart filter={filter} previous={previous} definition={map.get('digital_share')} />
            </div>
          </section>
          <section className="vd-stack" aria-labelledby="monitoring-teams">
            <Heading level={2} id="monitoring-teams">
              {t('monitoring.overview.byTeam')}
            </Heading>
            <Paragraph>{t('monitoring.overview.byTeamIntro')}</Paragraph>
            <div className="vd-chart-grid">
              <BreakdownChart
                filter={filter}
                definition={map.get('norm_compliance')}
                by="team"
                sort="worst"
              />
              <BreakdownChart filter={filter} definition={map.get('fcr')} by="channel" />
            </div>
          </section>
          <div className="vd-chart-grid">
            <TopList filter={filter} kind="questions" />
            <TopList filter={filter} kind="reports" />
          </div>
        </>
      ) : null}
    </div>
  );
}
