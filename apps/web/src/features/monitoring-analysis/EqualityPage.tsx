import {
  EQUALITY_DIMENSIONS,
  EQUALITY_MEASURES,
  type EqualityDimension,
  type EqualityMeasure,
} from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../lib/charts/Chart.tsx';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { UnorderedList, UnorderedListItem } from '../../ui/UnorderedList.tsx';
import { MonitoringNav } from '../monitoring/index.ts';
import { useEquality } from './api.ts';
import { AnalysisFilters, useAnalysisFilter, useNumbers } from './filters.tsx';

const pick = <T extends string>(options: readonly T[], value: string | null, fallback: T): T =>
  options.includes(value as T) ? (value as T) : fallback;

/**
 * Equal treatment: one measure per group of people, each group compared with everybody else; differences that
 * are hardly chance are flagged, with the test and its p-value in words. Small groups are left out.
 */
export function EqualityPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('analysis.equality.title'));
  const { filter, valid, params, set } = useAnalysisFilter();
  const measure = pick<EqualityMeasure>(EQUALITY_MEASURES, params.get('measure'), 'fcr');
  const by = pick<EqualityDimension>(EQUALITY_DIMENSIONS, params.get('by'), 'area');
  const equality = useEquality({ ...filter, measure, by }, valid);
  const n = useNumbers();
  const data = equality.data;
  // Every case or contact in the one group whose value is not known (no district of a contact, say): nothing to compare.
  const onlyUnknown = Boolean(data?.groups.length) && data?.groups.every((group) => group.key === null);
  const value = (v: number | null) => (data?.unit === 'grade' ? n.two(v) : n.percent(v));
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('analysis.equality.title')} intro={t('analysis.equality.intro')} />
      <MonitoringNav />
      <AnalysisFilters filter={filter} valid={valid} set={set}>
        <SelectField
          id="analysis-measure"
          label={t('analysis.equality.measure')}
          value={measure}
          onChange={(event) => set({ measure: event.target.value })}
          options={EQUALITY_MEASURES.map((m) => ({ value: m, label: t(`analysis.equality.measures.${m}`) }))}
        />
        <SelectField
          id="analysis-by"
          label={t('analysis.equality.by')}
          value={by}
          onChange={(event) => set({ by: event.target.value })}
          options={EQUALITY_DIMENSIONS.map((d) => ({
            value: d,
            label: t(`analysis.equality.dimensions.${d}`),
          }))}
        />
      </AnalysisFilters>
      {equality.isError ? <ErrorAlert error={equality.error} /> : null}
      {valid && equality.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {data ? (
        <>
          <Paragraph>
            {t('analysis.equality.overall', {
              value: value(data.overall.value),
              count: data.overall.n,
            })}
          </Paragraph>
          {data.groups.length === 0 ? (
            <Paragraph>{t('analysis.equality.none')}</Paragraph>
          ) : onlyUnknown ? (
            <Paragraph>
              {t('analysis.equality.onlyUnknown', {
                by: t(`analysis.equality.dimensions.${data.by}`).toLowerCase(),
              })}
            </Paragraph>
          ) : (
            <Chart
              spec={{
                type: 'bar',
                title: t('analysis.equality.caption', {
                  measure: t(`analysis.equality.measures.${data.measure}`),
                  by: t(`analysis.equality.dimensions.${data.by}`).toLowerCase(),
                }),
                categoryLabel: t(`analysis.equality.dimensions.${data.by}`),
                categories: data.groups.map((g) => g.label[n.lang]),
                categoryKeys: data.groups.map((g) => g.key ?? ''),
                series: [
                  { name: t('analysis.equality.value'), values: data.groups.map((g) => g.value) },
                  {
                    name: t('analysis.equality.rest'),
                    values: data.groups.map((g) => g.restValue),
                    kind: 'previous',
                  },
                ],
                unit: data.unit,
              }}
            />
          )}
          {data.groups.length === 0 ? null : (
            <Table
              caption={t('analysis.equality.captionTable', {
                measure: t(`analysis.equality.measures.${data.measure}`),
                by: t(`analysis.equality.dimensions.${data.by}`).toLowerCase(),
              })}
              captionHidden
            >
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t(`analysis.equality.dimensions.${data.by}`)}</TableHeaderCell>
                  <TableHeaderCell>{t('analysis.equality.n')}</TableHeaderCell>
                  <TableHeaderCell>{t('analysis.equality.value')}</TableHeaderCell>
                  <TableHeaderCell>{t('analysis.equality.rest')}</TableHeaderCell>
                  <TableHeaderCell>{t('analysis.equality.adjustedP')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.groups.map((group) => (
                  <TableRow key={group.key ?? '-'}>
                    <TableHeaderCell scope="row">
                      {group.label[n.lang]}
                      {group.test?.significant ? (
                        <>
                          {' '}
                          <span className="vd-analysis-flag">{t('analysis.equality.flag')}</span>
                        </>
                      ) : null}
                    </TableHeaderCell>
                    <TableCell>{n.count(group.n)}</TableCell>
                    <TableCell>{value(group.value)}</TableCell>
                    <TableCell>{value(group.restValue)}</TableCell>
                    <TableCell>
                      {group.test
                        ? `${n.p(group.test.adjustedP)} (${t(`analysis.equality.tests.${group.test.name}`)})`
                        : '—'}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {data.groups.length === 0 || onlyUnknown ? null : (
            <Section headingId="equality-reading" title={t('analysis.equality.reading')} level={2}>
              <UnorderedList>
                {data.groups.map((group) => (
                  <UnorderedListItem key={group.key ?? '-'}>
                    <strong>{group.label[n.lang]}</strong>: {group.reading[n.lang]}
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            </Section>
          )}
          {data.hiddenGroups > 0 ? (
            <Paragraph>
              {t('analysis.equality.hidden', { count: data.hiddenGroups, min: data.minGroup })}
            </Paragraph>
          ) : null}
          {onlyUnknown ? null : <Paragraph>{data.method[n.lang]}</Paragraph>}
        </>
      ) : null}
    </div>
  );
}
