import type { KpiCode } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../lib/access.ts';
import { useChartWords } from '../../lib/charts/Chart.tsx';
import { formatValue, meets } from '../../lib/charts/chartData.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { Heading } from '../../ui/Heading.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { DistrictsMap, OpenReportsMap } from '../location/index.ts';
import { useBreakdown } from './api.ts';
import {
  BreakdownChart,
  MonitoringFilters,
  MonitoringNav,
  PeriodProblem,
  useKpiMap,
  useMonitoring,
  useWords,
} from './parts.tsx';
import { filterSearch } from './period.ts';

/** The columns of the districts table. */
const AREA_CODES: KpiCode[] = ['cases_opened', 'norm_compliance', 'backlog_overdue', 'grade_mean'];

/**
 * Districts (`/monitoring/areas`): a table always (every figure per district, each drilling down); where the
 * organisation has a map, each district's norm compliance at its middle (green when it meets the target), and the
 * open reports.
 */
export function AreasPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('monitoring.areas.title'));
  const { filter, period, params } = useMonitoring();
  const { map } = useKpiMap();
  const word = useWords();
  const words = useChartWords();
  const ready = period.problem === null;
  const columns = [
    useBreakdown(filter, 'cases_opened', 'area', ready),
    useBreakdown(filter, 'norm_compliance', 'area', ready),
    useBreakdown(filter, 'backlog_overdue', 'area', ready),
    useBreakdown(filter, 'grade_mean', 'area', ready),
  ];
  const error = columns.find((c) => c.isError)?.error;
  const loaded = columns.every((c) => c.data);
  const areas = new Map<string | null, string>();
  for (const column of columns) for (const row of column.data?.rows ?? []) areas.set(row.key, row.label);
  const mayReadCases = useCan('readCases');
  const nameOf = (code: KpiCode) => {
    const definition = map.get(code);
    return definition ? word(definition.name) : code;
  };
  // The map of districts: norm compliance, each marker drilling to the district's late cases.
  const norm = map.get('norm_compliance');
  const figures = (columns[1]?.data?.rows ?? []).flatMap((row) =>
    row.key && row.value !== null && norm
      ? [
          {
            name: row.key,
            text: formatValue(row.value, norm.unit, words), // the map's heading and label name the figure
            href: `/monitoring/drill${filterSearch(params, { kpi: norm.code, area: row.key, areaLabel: row.label })}`,
            tone:
              norm.target === null || norm.direction === 'none'
                ? ('none' as const)
                : meets(row.value, norm.target, norm.direction)
                  ? ('met' as const)
                  : ('missed' as const),
          },
        ]
      : [],
  );
  return (
    <div className="vd-stack vd-stack--loose vd-monitoring">
      <PageIntro title={t('monitoring.areas.title')} intro={t('monitoring.areas.intro')} />
      <MonitoringNav />
      <MonitoringFilters filters={['channel', 'teamId', 'segment']} />
      <PeriodProblem period={period} />
      {error ? <ErrorAlert error={error} /> : null}
      {ready && !loaded && !error ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {loaded ? (
        areas.size === 0 ? (
          <Paragraph>{t('monitoring.areas.none')}</Paragraph>
        ) : (
          <Table caption={t('monitoring.areas.caption')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('monitoring.dimension.area')}</TableHeaderCell>
                {AREA_CODES.map((code) => (
                  <TableHeaderCell key={code} scope="col">
                    {nameOf(code)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...areas].map(([key, label]) => (
                <TableRow key={key ?? ''}>
                  <TableHeaderCell scope="row">{label || t('monitoring.unknown')}</TableHeaderCell>
                  {AREA_CODES.map((code, index) => {
                    const row = columns[index]?.data?.rows.find((r) => r.key === key);
                    const unit = map.get(code)?.unit ?? 'count';
                    const text = formatValue(row?.value ?? null, unit, words);
                    return (
                      <TableCell key={code}>
                        {row && row.value !== null && key && map.get(code)?.drill ? (
                          <Link
                            to={`/monitoring/drill${filterSearch(params, { kpi: code, area: key, areaLabel: label })}`}
                          >
                            {text}
                          </Link>
                        ) : (
                          text
                        )}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )
      ) : null}
      {loaded && areas.size > 0 ? (
        <BreakdownChart filter={filter} definition={map.get('norm_compliance')} by="area" sort="worst" />
      ) : null}
      {loaded && figures.length ? (
        <DistrictsMap
          title={t('monitoring.areas.districtMapTitle')}
          label={t('monitoring.areas.districtMap', { name: norm ? word(norm.name) : '' })}
          figures={figures}
        />
      ) : null}
      {mayReadCases ? (
        <section className="vd-stack" aria-labelledby="areas-map">
          <Heading level={2} id="areas-map">
            {t('monitoring.areas.map')}
          </Heading>
          <OpenReportsMap />
        </section>
      ) : null}
    </div>
  );
}
