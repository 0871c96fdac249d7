import { barChartSvg, type ChartInput, lineChartSvg } from '../../platform/charts.ts';
import type { Figure } from './accountability.service.ts';
import type { Language } from './accountability.words.ts';

/** Building blocks of the server-rendered accountability pages: figures as text, tables, charts with their table. */

const numbers = {
  nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};

export interface FigureWords {
  lessThan: string;
  withheld: string;
  none: string;
}

/** A figure as text: "87,5%", "minder dan 5", "niet getoond", "—". */
export function figureText(f: Figure, language: Language, words: FigureWords, suffix = ''): string {
  if (f.withheld) return words.withheld;
  if (f.suppressed) return words.lessThan;
  if (f.value === null) return words.none;
  return `${numbers[language].format(f.value)}${suffix}`;
}

export function numberText(n: number, language: Language): string {
  return numbers[language].format(n);
}

/**
 * A chart drawn on the server (SVG from platform/charts.ts, named by its description) under a visible caption; its
 * table follows it. Below its drawn width it scrolls sideways in its own focusable container, as tables do.
 */
export function Chart({
  kind,
  input,
  language,
}: {
  kind: 'bar' | 'line';
  input: ChartInput;
  language: Language;
}) {
  const svg = (kind === 'bar' ? barChartSvg : lineChartSvg)({
    format: (v) => numberText(v, language),
    ...input,
  });
  const caption = input.description;
  return (
    <figure className="vd-chart-figure">
      <figcaption className="utrecht-paragraph vd-chart-caption">{caption}</figcaption>
      {/* The SVG is ECharts' own output: only figures and our own labels, no text of a person. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered SVG of figures and our own labels. */}
      <div className="vd-chart" tabIndex={0} dangerouslySetInnerHTML={{ __html: svg }} />
    </figure>
  );
}

/** The little CSS these pages need beyond the design system: figures aligned, charts scaled, and print. */
export function PageStyle({ print }: { print: boolean }) {
  const css = `
.vd-table-container .vd-figure { text-align: end; font-variant-numeric: tabular-nums; }
.vd-table-container td.vd-figure { white-space: nowrap; }
.vd-table-container .vd-row-header { font-weight: 600; text-align: start; }
.vd-chart-figure { margin: 0; }
.vd-chart-caption { font-weight: 600; margin-block-end: 0.25rem; }
.vd-chart { max-width: 100%; overflow-x: auto; }
.vd-chart svg { display: block; max-width: 100%; min-width: 480px; height: auto; }
.vd-section { display: flex; flex-direction: column; gap: 1rem; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  .utrecht-page-header, .utrecht-page-footer, .utrecht-skip-link, .vd-no-print { display: none !important; }
  .vd-table-container, .vd-chart { overflow: visible !important; }
  .vd-chart svg { min-width: 0; }
  .vd-section { display: block; }
  .vd-section > * + * { margin-block-start: 8pt; }
  figure, .vd-chart, tr { break-inside: avoid; }
  h1, h2, h3, caption, figcaption { break-after: avoid; }
  ${print ? '.vd-section + .vd-section { break-before: page; }' : ''}
  body { font-size: 10pt; }
  .utrecht-heading-1 { font-size: 20pt; }
  .utrecht-heading-2 { font-size: 15pt; }
  .utrecht-heading-3 { font-size: 12pt; }
  .utrecht-table__caption { font-size: 11pt; padding-block: 2pt; }
  .vd-table-container .utrecht-table__cell, .vd-table-container .utrecht-table__header-cell { padding: 3pt 6pt; }
}`;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: our own constant CSS.
  return <style dangerouslySetInnerHTML={{ __html: css }} />;
}
