import { Button } from '@utrecht/button-react';
import { KPI_CODES, type KpiCode } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { useCan } from '../../lib/access.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { drillCsvHref, useDrill } from './api.ts';
import {
  MonitoringFilters,
  MonitoringNav,
  PeriodProblem,
  useKpiMap,
  useMonitoring,
  useWords,
} from './parts.tsx';

/**
 * The cases, contacts, survey answers or callbacks behind a number (`/monitoring/drill?kpi=…&<filter>`): what a
 * tile, bar or table cell counted, 50 at a time, each case (and the case an answer was about) linking to its page,
 * and the whole list as CSV. No personal data: subject, channel, team, dates, reasons, grades.
 */
export function DrillPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { params, filter, period } = useMonitoring();
  const { map } = useKpiMap();
  const word = useWords();
  const kpiParam = params.get('kpi') ?? '';
  const kpi = (KPI_CODES as readonly string[]).includes(kpiParam) ? (kpiParam as KpiCode) : null;
  const definition = kpi ? map.get(kpi) : undefined;
  const name = definition ? word(definition.name) : (kpi ?? '');
  const title = t('monitoring.drill.title', { name });
  useDocumentTitle(title);
  const drill = useDrill(filter, kpi ?? 'cases_opened', Boolean(kpi) && period.problem === null);
  const mayReadAll = useCan('readMetrics');
  const mayOpenCases = useCan('readCases');
  const pages = drill.data?.pages ?? [];
  const kind = pages[0]?.kind;
  const items = pages.flatMap((p) => p.items);
  const date = (iso: string | null | undefined) => (iso ? format.date(iso) : '—');
  return (
    <div className="vd-stack vd-stack--loose vd-monitoring">
      <PageIntro
        title={title}
        intro={
          definition?.drillShows
            ? `${word(definition.drillShows)} ${t('monitoring.drill.introScope')}`
            : t('monitoring.drill.intro')
        }
      />
      <MonitoringNav />
      {kpi ? null : <Paragraph>{t('monitoring.drill.noKpi')}</Paragraph>}
      <MonitoringFilters filters={mayReadAll ? ['channel', 'teamId', 'segment'] : ['channel']} />
      <PeriodProblem period={period} />
      {drill.isError ? <ErrorAlert error={drill.error} /> : null}
      {kpi && period.problem === null && drill.isPending ? (
        <Paragraph role="status">{t('app.loading')}</Paragraph>
      ) : null}
      {drill.data && !items.length ? <Paragraph>{t('monitoring.drill.none')}</Paragraph> : null}
      {items.length ? (
        <Table caption={t(`monitoring.drill.${kind ?? 'cases'}`, { count: items.length })}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('monitoring.drill.subject')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitoring.drill.channel')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitoring.drill.team')}</TableHeaderCell>
              <TableHeaderCell scope="col">
                {t(
                  kind === 'responses'
                    ? 'monitoring.drill.answered'
                    : kind === 'callbacks'
                      ? 'monitoring.drill.asked'
                      : 'monitoring.drill.opened',
                )}
              </TableHeaderCell>
              {kind === 'cases' || kind === 'callbacks' ? (
                <>
                  <TableHeaderCell scope="col">{t('monitoring.drill.due')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('monitoring.drill.closed')}</TableHeaderCell>
                </>
              ) : null}
              {kind === 'cases' ? (
                <TableHeaderCell scope="col">{t('monitoring.drill.breachReason')}</TableHeaderCell>
              ) : null}
              {kind === 'contacts' ? (
                <TableHeaderCell scope="col">{t('monitoring.drill.outcome')}</TableHeaderCell>
              ) : null}
              {kind === 'responses' ? (
                <>
                  <TableHeaderCell scope="col">{t('monitoring.drill.grade')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('monitoring.drill.effort')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('monitoring.drill.solved')}</TableHeaderCell>
                </>
              ) : null}
              {kind === 'callbacks' ? (
                <TableHeaderCell scope="col">{t('monitoring.drill.state')}</TableHeaderCell>
              ) : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((item) => {
              // A case opens on its page; so does the case a survey answer was about.
              const caseId = kind === 'cases' ? item.id : item.caseId;
              const label = (
                <>
                  {item.reference ? `${item.reference} — ` : ''}
                  {item.subject}
                </>
              );
              return (
                <TableRow key={item.id}>
                  <TableHeaderCell scope="row">
                    {caseId && mayOpenCases ? <Link to={`/cases/${caseId}`}>{label}</Link> : label}
                    {item.item && item.item !== item.subject ? (
                      <div className="vd-muted">{item.item}</div>
                    ) : null}
                  </TableHeaderCell>
                  <TableCell>
                    {item.channel ? t(`catalogue.channel.${item.channel}` as 'catalogue.channel.web') : '—'}
                  </TableCell>
                  <TableCell>{item.team ?? '—'}</TableCell>
                  <TableCell>{date(item.openedAt)}</TableCell>
                  {kind === 'cases' || kind === 'callbacks' ? (
                    <>
                      <TableCell>{date(item.dueAt)}</TableCell>
                      <TableCell>{date(item.closedAt)}</TableCell>
                    </>
                  ) : null}
                  {kind === 'cases' ? <TableCell>{item.breachReason ?? '—'}</TableCell> : null}
                  {kind === 'contacts' ? <TableCell>{item.outcome ?? '—'}</TableCell> : null}
                  {kind === 'responses' ? (
                    <>
                      <TableCell>{item.grade ?? '—'}</TableCell>
                      <TableCell>{item.effort ?? '—'}</TableCell>
                      <TableCell>
                        {item.solved === undefined
                          ? '—'
                          : t(item.solved ? 'monitoring.drill.yes' : 'monitoring.drill.no')}
                      </TableCell>
                    </>
                  ) : null}
                  {kind === 'callbacks' ? (
                    <TableCell>
                      {t(item.state === 'done' ? 'monitoring.drill.stateDone' : 'monitoring.drill.stateOpen')}
                    </TableCell>
                  ) : null}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ) : null}
      {drill.hasNextPage ? (
        <Button
          appearance="secondary-action-button"
          onClick={() => void drill.fetchNextPage()}
          disabled={drill.isFetchingNextPage}
        >
          {t('monitoring.drill.more')}
        </Button>
      ) : null}
      {kpi && items.length ? (
        <Paragraph>
          {/* The whole list, not only the pages shown: the server streams it. */}
          <a href={drillCsvHref(filter, kpi)} download>
            {t('monitoring.drill.csv')}
          </a>
        </Paragraph>
      ) : null}
    </div>
  );
}
