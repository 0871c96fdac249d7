/**
 * A maturity profile as a radar (ECharts, SVG, an aria description written from the data), always with the same
 * figures as a table and a CSV download built in the browser from the same rows.
 */
import { Button } from '@utrecht/button-react';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';

const RadarDraw = lazy(() => import('./RadarDraw.tsx'));

export interface RadarChartProps {
  title: string;
  axes: string[];
  series: { name: string; values: (number | null)[] }[];
}

const show = (v: number | null) => (v === null ? '—' : String(v).replace('.', ','));

export function RadarChart({ title, axes, series }: RadarChartProps) {
  const { t } = useTranslation();
  const description = useMemo(() => {
    const first = series[0];
    if (!first) return title;
    const known = axes
      .map((a, i) => [a, first.values[i]] as const)
      .filter(([, v]) => v !== null && v !== undefined);
    const sorted = [...known].sort((x, y) => (x[1] ?? 0) - (y[1] ?? 0));
    const low = sorted[0];
    const high = sorted.at(-1);
    return t('excellenceAssessments.radar.describe', {
      title,
      count: axes.length,
      series: first.name,
      low: low ? `${low[0]} (${show(low[1] ?? null)})` : '—',
      high: high ? `${high[0]} (${show(high[1] ?? null)})` : '—',
    });
  }, [axes, series, title, t]);
  const csv = () => {
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const lines = [
      [t('excellenceAssessments.element'), ...series.map((s) => s.name)].map(quote).join(';'),
      ...axes.map((a, i) => [quote(a), ...series.map((s) => show(s.values[i] ?? null))].join(';')),
    ];
    const url = URL.createObjectURL(new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <figure className="vd-assessment-figure">
      <figcaption className="utrecht-paragraph">
        <strong>{title}</strong>
      </figcaption>
      <Suspense fallback={<Paragraph role="status">{t('app.loading')}</Paragraph>}>
        <RadarDraw axes={axes} series={series} description={description} />
      </Suspense>
      <Table caption={t('excellenceAssessments.radar.tableCaption', { title })}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('excellenceAssessments.element')}</TableHeaderCell>
            {series.map((s) => (
              <TableHeaderCell key={s.name}>{s.name}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {axes.map((a, i) => (
            <TableRow key={a}>
              <TableHeaderCell scope="row">{a}</TableHeaderCell>
              {series.map((s) => (
                <TableCell key={s.name}>{show(s.values[i] ?? null)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ButtonGroup>
        <Button appearance="secondary-action-button" onClick={csv}>
          {t('excellenceAssessments.radar.csv')}
        </Button>
      </ButtonGroup>
    </figure>
  );
}
