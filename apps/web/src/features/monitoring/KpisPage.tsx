import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useChartWords } from '../../lib/charts/Chart.tsx';
import { formatValue } from '../../lib/charts/chartData.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { useKpis } from './api.ts';
import { MonitoringNav, useWords } from './parts.tsx';

/** The KPI catalogue (`/monitoring/kpis`): every KPI one may see, with its unit, target and which way is good. */
export function KpisPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('monitoring.kpis.title'));
  const kpis = useKpis();
  const word = useWords();
  const words = useChartWords();
  return (
    <div className="vd-stack vd-stack--loose vd-monitoring">
      <PageIntro title={t('monitoring.kpis.title')} intro={t('monitoring.kpis.intro')} />
      <MonitoringNav />
      {kpis.isError ? <ErrorAlert error={kpis.error} /> : null}
      {kpis.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {kpis.data ? (
        <Table caption={t('monitoring.kpis.caption')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('monitoring.kpi.name')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitoring.kpi.unit')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitoring.kpi.direction')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitoring.kpi.target')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {kpis.data.map((kpi) => (
              <TableRow key={kpi.code}>
                <TableHeaderCell scope="row">
                  <Link to={`/monitoring/kpis/${kpi.code}`}>{word(kpi.name)}</Link>
                </TableHeaderCell>
                <TableCell>{t(`monitoring.unit.${kpi.unit}`)}</TableCell>
                <TableCell>{t(`monitoring.direction.${kpi.direction}`)}</TableCell>
                <TableCell>
                  {kpi.target === null
                    ? t('monitoring.tile.noTarget')
                    : formatValue(kpi.target, kpi.unit, words)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </div>
  );
}
