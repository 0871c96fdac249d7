/**
 * THE chart of Voordeur (issue 14): a line or bar chart on ECharts (SVG, aria description written from the data)
 * with, always, a "Tabel" toggle that shows the same figures as a table and a "CSV" download built in the browser
 * from the same rows. Prints without its buttons. ECharts is loaded only when a chart is first drawn.
 */
import { Button } from '@utrecht/button-react';
import type { KpiDirection, KpiUnit } from '@voordeur/shared';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { intlLocale } from '../../i18n/format.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import {
  type ChartSpec,
  type ChartWords,
  chartCsv,
  chartDescription,
  chartTable,
  csvFileName,
} from './chartData.ts';
import './charts.css';

export type { ChartSeries, ChartSpec } from './chartData.ts';

const EChart = lazy(() => import('./EChart.tsx'));

/** The chart words in the interface language. */
export function useChartWords(): ChartWords {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return useMemo(
    () => ({
      locale,
      target: t('monitoring.chart.target'),
      unitSuffix: (unit: KpiUnit) =>
        unit === 'days'
          ? t('monitoring.chart.unit.days')
          : unit === 'minutes'
            ? t('monitoring.chart.unit.minutes')
            : '',
      describe: {
        kind: (type, title) =>
          t(type === 'bar' ? 'monitoring.chart.describe.bar' : 'monitoring.chart.describe.line', { title }),
        range: (count, first, last) => t('monitoring.chart.describe.range', { count, first, last }),
        extremes: (series, min, minAt, max, maxAt, last) =>
          t('monitoring.chart.describe.extremes', { series, min, minAt, max, maxAt, last }),
        target: (target, met, count) => t('monitoring.chart.describe.target', { target, met, count }),
        empty: t('monitoring.chart.describe.empty'),
      },
    }),
    [t, locale],
  );
}

export interface ChartProps {
  spec: ChartSpec;
  /** Which way is good: the description counts how often the target was met. */
  direction?: KpiDirection;
  /** Where a category's figures come from (the drill-down): a link in the table, a click in the chart. */
  rowHref?: (index: number) => string | undefined;
  onSelect?: (index: number) => void;
  /** Start with the table (e.g. when the chart would have one bar). */
  initialView?: 'chart' | 'table';
}

/** Save text as a file through a temporary link (nothing leaves the browser). */
function download(text: string, name: string) {
  // A byte order mark so spreadsheet programs read the file as UTF-8 (ë, €).
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function Chart({ spec, direction = 'none', rowHref, onSelect, initialView = 'chart' }: ChartProps) {
  const { t } = useTranslation();
  const words = useChartWords();
  const [view, setView] = useState(initialView);
  const description = useMemo(() => chartDescription(spec, words, direction), [spec, words, direction]);
  const table = useMemo(() => chartTable(spec, words), [spec, words]);
  const empty = spec.categories.length === 0;
  return (
    <figure className="vd-chart">
      <figcaption className="vd-chart__title">{spec.title}</figcaption>
      {empty ? (
        <Paragraph>{t('monitoring.chart.describe.empty')}</Paragraph>
      ) : (
        <>
          <ButtonGroup className="vd-chart__tools">
            <Button
              appearance="secondary-action-button"
              aria-pressed={view === 'table'}
              onClick={() => setView(view === 'table' ? 'chart' : 'table')}
            >
              {t('monitoring.chart.table')}
            </Button>
            <Button
              appearance="secondary-action-button"
              onClick={() => download(chartCsv(spec, words), csvFileName(spec.title))}
            >
              {t('monitoring.chart.csv')}
              <span className="vd-visually-hidden">: {spec.title}</span>
            </Button>
          </ButtonGroup>
          {view === 'chart' ? (
            <Suspense fallback={<div className="vd-chart__canvas" />}>
              <EChart spec={spec} words={words} description={description} onSelect={onSelect} />
            </Suspense>
          ) : (
            <Table caption={spec.title} captionHidden>
              <TableHeader>
                <TableRow>
                  {table.head.map((cell) => (
                    <TableHeaderCell key={cell} scope="col">
                      {cell}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {table.rows.map((row, index) => {
                  const href = rowHref?.(index);
                  const [first, ...rest] = row;
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the rows are the categories, in order.
                    <TableRow key={index}>
                      <TableHeaderCell scope="row">
                        {href ? <Link to={href}>{first}</Link> : first}
                      </TableHeaderCell>
                      {rest.map((cell, column) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the columns are the series, in order.
                        <TableCell key={column}>{cell}</TableCell>
                      ))}
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </figure>
  );
}
