import type { Driver } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../lib/charts/Chart.tsx';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { MonitoringNav } from '../monitoring/index.ts';
import { useDrivers } from './api.ts';
import { AnalysisFilters, useAnalysisFilter, useNumbers } from './filters.tsx';

/**
 * What drives satisfaction: per driver the grade by band, and how strongly they go together (correlation,
 * regression with its 95 % interval), said in plain words. Nothing rests on fewer than 30 answers.
 */
export function DriversPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('analysis.drivers.title'));
  const { filter, valid, set } = useAnalysisFilter();
  const drivers = useDrivers(filter, valid);
  const n = useNumbers();
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('analysis.drivers.title')} intro={t('analysis.drivers.intro')} />
      <MonitoringNav />
      <AnalysisFilters filter={filter} valid={valid} set={set} />
      {drivers.isError ? <ErrorAlert error={drivers.error} /> : null}
      {valid && drivers.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {drivers.data ? (
        <>
          <Paragraph>
            {t('analysis.drivers.responses', {
              count: drivers.data.responses,
              min: drivers.data.minResponses,
            })}
          </Paragraph>
          {drivers.data.items.map((driver) => (
            <DriverSection key={driver.code} driver={driver} n={n} />
          ))}
        </>
      ) : null}
    </div>
  );
}

function DriverSection({ driver, n }: { driver: Driver; n: ReturnType<typeof useNumbers> }) {
  const { t } = useTranslation();
  const id = `driver-${driver.code}`;
  return (
    <Section headingId={id} title={driver.name[n.lang]} panel>
      <Paragraph>
        <strong>{driver.reading[n.lang]}</strong>
      </Paragraph>
      {driver.enough ? (
        <>
          <Chart
            spec={{
              type: 'bar',
              title: t('analysis.drivers.chart', { name: driver.name[n.lang] }),
              categoryLabel: t('analysis.drivers.band'),
              categories: driver.bands.map((band) => band.label[n.lang]),
              categoryKeys: driver.bands.map((band) => band.key),
              series: [
                { name: t('analysis.drivers.gradeMean'), values: driver.bands.map((b) => b.gradeMean) },
              ],
              unit: 'grade',
            }}
          />
          <Table caption={t('analysis.drivers.caption', { name: driver.name[n.lang] })} captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('analysis.drivers.band')}</TableHeaderCell>
                <TableHeaderCell>{t('analysis.drivers.answers')}</TableHeaderCell>
                <TableHeaderCell>{t('analysis.drivers.gradeMean')}</TableHeaderCell>
                <TableHeaderCell>{t('analysis.drivers.share7Plus')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {driver.bands.map((band) => (
                <TableRow key={band.key}>
                  <TableHeaderCell scope="row">{band.label[n.lang]}</TableHeaderCell>
                  <TableCell>{n.count(band.n)}</TableCell>
                  <TableCell>{n.one(band.gradeMean)}</TableCell>
                  <TableCell>{n.percent(band.share7Plus)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {driver.bands.some((band) => band.gradeMean === null) ? (
            <Paragraph>{t('analysis.drivers.smallBand')}</Paragraph>
          ) : null}
          <Statistics driver={driver} n={n} />
        </>
      ) : null}
    </Section>
  );
}

function Statistics({ driver, n }: { driver: Driver; n: ReturnType<typeof useNumbers> }) {
  const { t } = useTranslation();
  if (driver.regression)
    return (
      <dl className="vd-analysis-stats">
        <dt>{t('analysis.drivers.correlation')}</dt>
        <dd>{n.two(driver.correlation)}</dd>
        <dt>{t(driver.kind === 'binary' ? 'analysis.drivers.difference' : 'analysis.drivers.slope')}</dt>
        <dd>
          {t('analysis.drivers.interval', {
            slope: n.two(driver.regression.slope),
            low: n.two(driver.regression.slopeLow),
            high: n.two(driver.regression.slopeHigh),
          })}
        </dd>
        <dt>{t('analysis.drivers.r2')}</dt>
        <dd>{n.two(driver.regression.r2)}</dd>
        <dt>{t('analysis.pValue')}</dt>
        <dd>{n.p(driver.regression.pValue)}</dd>
      </dl>
    );
  if (driver.anova)
    return (
      <dl className="vd-analysis-stats">
        <dt>{t('analysis.drivers.etaSquared')}</dt>
        <dd>{n.two(driver.anova.etaSquared)}</dd>
        <dt>{t('analysis.pValue')}</dt>
        <dd>{n.p(driver.anova.pValue)}</dd>
      </dl>
    );
  return null;
}
