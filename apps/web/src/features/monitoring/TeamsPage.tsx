import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { Heading } from '../../ui/Heading.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { useOverview } from './api.ts';
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

/**
 * Teams and their agents (`/monitoring/teams`): a team lead sees their own teams (the API limits them), others
 * every team. First-contact resolution per agent against the 80% target, norm compliance per team, and the ten
 * questions and reports asked most of these teams.
 */
export function TeamsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('monitoring.teams.title'));
  const { filter, period } = useMonitoring();
  const { map } = useKpiMap();
  const overview = useOverview(
    filter,
    ['fcr', 'norm_compliance', 'backlog_overdue', 'handling_time', 'grade_mean'],
    period.problem === null,
  );
  const previous = overview.data
    ? { from: overview.data.previousFrom, to: overview.data.previousTo }
    : undefined;
  return (
    <div className="vd-stack vd-stack--loose vd-monitoring">
      <PageIntro title={t('monitoring.teams.title')} intro={t('monitoring.teams.intro')} />
      <MonitoringNav />
      <MonitoringFilters filters={['teamId', 'channel', 'segment']} />
      <PeriodProblem period={period} />
      {overview.isError ? <ErrorAlert error={overview.error} /> : null}
      {period.problem === null && overview.isPending ? (
        <Paragraph role="status">{t('app.loading')}</Paragraph>
      ) : null}
      {overview.data ? (
        <>
          <PeriodLine overview={overview.data} />
          <KpiTiles items={overview.data.items} definitions={map} />
          <section className="vd-stack" aria-labelledby="teams-agents">
            <Heading level={2} id="teams-agents">
              {t('monitoring.teams.agents')}
            </Heading>
            <Paragraph>{t('monitoring.teams.agentsIntro')}</Paragraph>
            <BreakdownChart filter={filter} definition={map.get('fcr')} by="agent" sort="worst" />
          </section>
          <section className="vd-stack" aria-labelledby="teams-teams">
            <Heading level={2} id="teams-teams">
              {t('monitoring.teams.teams')}
            </Heading>
            <div className="vd-chart-grid">
              <BreakdownChart
                filter={filter}
                definition={map.get('norm_compliance')}
                by="team"
                sort="worst"
              />
              <BreakdownChart filter={filter} definition={map.get('fcr')} by="team" sort="worst" />
            </div>
            <TrendChart filter={filter} previous={previous} definition={map.get('fcr')} />
          </section>
          {/* The questions and reports of these teams ("top meldingen"), e.g. the internal MCC's for its lead. */}
          <div className="vd-chart-grid">
            <TopList filter={filter} kind="questions" />
            <TopList filter={filter} kind="reports" />
          </div>
        </>
      ) : null}
    </div>
  );
}
