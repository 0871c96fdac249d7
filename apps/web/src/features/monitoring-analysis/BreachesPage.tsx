import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n/format.ts';
import { Chart } from '../../lib/charts/Chart.tsx';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { MonitoringNav } from '../monitoring/index.ts';
import { useBreaches } from './api.ts';
import { AnalysisFilters, useAnalysisFilter, useNumbers } from './filters.tsx';

/** Why cases missed their norm: the reasons ranked, and per month how many were late and why. */
export function BreachesPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('analysis.breaches.title'));
  const { filter, valid, set } = useAnalysisFilter();
  const breaches = useBreaches(filter, valid);
  const n = useNumbers();
  const monthName = new Intl.DateTimeFormat(intlLocale(i18n.language), { month: 'long', year: 'numeric' });
  const data = breaches.data;
  // The month table has a column per reason, most frequent first.
  const reasons = data?.items ?? [];
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('analysis.breaches.title')} intro={t('analysis.breaches.intro')} />
      <MonitoringNav />
      <AnalysisFilters filter={filter} valid={valid} set={set} />
      {breaches.isError ? <ErrorAlert error={breaches.error} /> : null}
      {valid && breaches.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {data ? (
        <>
          <Paragraph>
            {t('analysis.breaches.summary', {
              closed: n.count(data.closed),
              late: n.count(data.late),
              share: n.percent(data.closed ? (100 * data.late) / data.closed : null),
            })}
          </Paragraph>
          {data.items.length === 0 ? (
            <Paragraph>{t('analysis.breaches.none')}</Paragraph>
          ) : (
            <Section headingId="breach-reasons" title={t('analysis.breaches.ranked')}>
              <Table caption={t('analysis.breaches.ranked')} captionHidden>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('analysis.breaches.reason')}</TableHeaderCell>
                    <TableHeaderCell>{t('analysis.breaches.count')}</TableHeaderCell>
                    <TableHeaderCell>{t('analysis.breaches.share')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.items.map((item) => (
                    <TableRow key={item.reason ?? '-'}>
                      <TableHeaderCell scope="row">{item.label[n.lang]}</TableHeaderCell>
                      <TableCell>{n.count(item.count)}</TableCell>
                      <TableCell>{n.percent(item.share)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Section>
          )}
          <Section headingId="breach-months" title={t('analysis.breaches.perMonth')}>
            <Chart
              spec={{
                type: 'line',
                title: t('analysis.breaches.trend'),
                categoryLabel: t('analysis.breaches.month'),
                categories: data.months.map((m) => monthName.format(new Date(`${m.month}T12:00:00`))),
                categoryKeys: data.months.map((m) => m.month.slice(0, 7)),
                series: [
                  { name: t('analysis.breaches.late'), values: data.months.map((m) => m.late) },
                  ...reasons.slice(0, 5).map((r) => ({
                    name: r.label[n.lang],
                    values: data.months.map((m) => m.reasons.find((x) => x.reason === r.reason)?.count ?? 0),
                  })),
                ],
                unit: 'count',
              }}
            />
            <Table caption={t('analysis.breaches.perMonth')} captionHidden>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('analysis.breaches.month')}</TableHeaderCell>
                  <TableHeaderCell>{t('analysis.breaches.closed')}</TableHeaderCell>
                  <TableHeaderCell>{t('analysis.breaches.late')}</TableHeaderCell>
                  {reasons.map((r) => (
                    <TableHeaderCell key={r.reason ?? '-'}>{r.label[n.lang]}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.months.map((month) => (
                  <TableRow key={month.month}>
                    <TableHeaderCell scope="row">
                      {monthName.format(new Date(`${month.month}T12:00:00`))}
                    </TableHeaderCell>
                    <TableCell>{n.count(month.closed)}</TableCell>
                    <TableCell>{n.count(month.late)}</TableCell>
                    {reasons.map((r) => (
                      <TableCell key={r.reason ?? '-'}>
                        {n.count(month.reasons.find((x) => x.reason === r.reason)?.count ?? 0)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Section>
        </>
      ) : null}
    </div>
  );
}
