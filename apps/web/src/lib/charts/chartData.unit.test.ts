import { describe, expect, it } from 'vitest';
import {
  type ChartSpec,
  type ChartWords,
  chartCsv,
  chartDescription,
  chartTable,
  csvFileName,
  formatValue,
} from './chartData.ts';

const words: ChartWords = {
  locale: 'nl-NL',
  target: 'Doel',
  unitSuffix: (unit) => (unit === 'days' ? 'dagen' : ''),
  describe: {
    kind: (type, title) => `${type === 'bar' ? 'Staafgrafiek' : 'Lijngrafiek'}: ${title}.`,
    range: (count, first, last) => `${count} punten, van ${first} tot ${last}.`,
    extremes: (series, min, minAt, max, maxAt, last) =>
      `${series}: laagste ${min} (${minAt}), hoogste ${max} (${maxAt}), laatste ${last}.`,
    target: (target, met, count) => `Doel ${target}: ${met} van ${count} op of beter dan het doel.`,
    empty: 'Geen gegevens.',
  },
};

const fcr: ChartSpec = {
  type: 'line',
  title: 'Eerste keer goed per maand',
  categoryLabel: 'Maand',
  categories: ['jan 2026', 'feb 2026', 'mrt 2026'],
  categoryKeys: ['2026-01-01', '2026-02-01', '2026-03-01'],
  series: [
    { name: 'Deze periode', values: [78.5, null, 84] },
    { name: 'Vorige periode', values: [70, 72, 75], kind: 'previous' },
  ],
  unit: 'percent',
  target: 80,
};

describe('chart builders', () => {
  it('formats values in their unit', () => {
    expect(formatValue(78.5, 'percent', words)).toBe('78,5%');
    expect(formatValue(12.25, 'days', words)).toBe('12,3 dagen');
    expect(formatValue(1234, 'count', words)).toBe('1.234');
    expect(formatValue(3.2, 'euro', words)).toBe('€\u00a03,20');
    expect(formatValue(null, 'grade', words)).toBe('—');
  });

  it('builds the table from the same rows as the chart, the target as its own column', () => {
    expect(chartTable(fcr, words)).toEqual({
      head: ['Maand', 'Deze periode', 'Vorige periode', 'Doel'],
      rows: [
        ['jan 2026', '78,5%', '70%', '80%'],
        ['feb 2026', '—', '72%', '80%'],
        ['mrt 2026', '84%', '75%', '80%'],
      ],
    });
  });

  it('writes CSV with plain numbers, the unit in the header, empty cells for no value, CRLF lines', () => {
    expect(chartCsv(fcr, words)).toBe(
      'Maand,Deze periode (%),Vorige periode (%),Doel (%)\r\n' +
        '2026-01-01,78.5,70,80\r\n2026-02-01,,72,80\r\n2026-03-01,84,75,80\r\n',
    );
  });

  it('quotes separators and defuses spreadsheet formulas in CSV text', () => {
    const csv = chartCsv(
      {
        type: 'bar',
        title: 'Per team',
        categoryLabel: 'Team',
        categories: ['Wijk, Noord', '=HYPERLINK("x")', '-5 graden'],
        series: [{ name: 'Aantal', values: [1, 2, -3] }],
        unit: 'count',
      },
      words,
    );
    expect(csv).toBe('Team,Aantal\r\n"Wijk, Noord",1\r\n"\'=HYPERLINK(""x"")",2\r\n-5 graden,-3\r\n');
  });

  it('describes the chart from its data: range, extremes per series and the target met', () => {
    expect(chartDescription(fcr, words, 'higher')).toBe(
      'Lijngrafiek: Eerste keer goed per maand. 3 punten, van jan 2026 tot mrt 2026. ' +
        'Deze periode: laagste 78,5% (jan 2026), hoogste 84% (mrt 2026), laatste 84%. ' +
        'Vorige periode: laagste 70% (jan 2026), hoogste 75% (mrt 2026), laatste 75%. ' +
        'Doel 80%: 1 van 2 op of beter dan het doel.',
    );
    expect(chartDescription({ ...fcr, series: [{ name: 'x', values: [null, null, null] }] }, words)).toBe(
      'Lijngrafiek: Eerste keer goed per maand. Geen gegevens.',
    );
  });

  it('names the download after the title', () => {
    expect(csvFileName('Eerste keer goed — per maand')).toBe('eerste-keer-goed-per-maand.csv');
    expect(csvFileName('Één')).toBe('een.csv');
  });
});
