import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n/format.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { STAT_DIMENSIONS, type StatDimension, type StatRow, useContactStats, useFcrTotal } from './api.ts';

/** A local date as YYYY-MM-DD. */
const isoDate = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/**
 * "Eerste keer goed": how many contacts were answered at the first contact, per channel, team, agent or subject,
 * over a period. The figures are monitoring's (the KPI catalogue's definitions, from the daily rollups); kept
 * simple on purpose: the numbers, no charts.
 */
export function ContactStatsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('contactStats.title'));
  const today = isoDate(new Date());
  const now = new Date();
  const [from, setFrom] = useState(isoDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 29)));
  const [to, setTo] = useState(today);
  const [by, setBy] = useState<StatDimension>('channel');
  const dates = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to);
  const inOrder = dates && from <= to;
  const notAhead = !dates || to <= today;
  const valid = inOrder && notAhead;
  const stats = useContactStats({ from, to, by }, valid);
  const total = useFcrTotal({ from, to }, valid);
  const locale = intlLocale(i18n.language);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const share = (value: number | null) => (value === null ? '—' : percent.format(value / 100));
  const minutes = (value: number | null) => {
    if (value === null) return '—';
    const seconds = Math.round(value * 60);
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  };
  const label = (row: StatRow) =>
    by === 'channel' && row.key ? t(`catalogue.channel.${row.key}` as 'catalogue.channel.web') : row.label;
  const fcr = total.data;

  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('contactStats.title')} intro={t('contactStats.intro')} />
      <div className="vd-filters__grid">
        <TextField
          id="stats-from"
          label={t('contactStats.from')}
          type="date"
          value={from}
          max={today}
          onChange={(event) => setFrom(event.target.value)}
          error={dates && !inOrder ? t('validation.dateOrder') : undefined}
        />
        <TextField
          id="stats-to"
          label={t('contactStats.to')}
          type="date"
          value={to}
          max={today}
          onChange={(event) => setTo(event.target.value)}
          error={notAhead ? undefined : t('contactStats.notAhead')}
        />
        <SelectField
          id="stats-by"
          label={t('contactStats.by')}
          value={by}
          onChange={(event) => setBy(event.target.value as StatDimension)}
          options={STAT_DIMENSIONS.map((value) => ({ value, label: t(`contactStats.dimension.${value}`) }))}
        />
      </div>
      {stats.isError ? <ErrorAlert error={stats.error} /> : null}
      {valid && stats.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {fcr && fcr.value !== null ? (
        <Paragraph>
          {fcr.target === null
            ? t('contactStats.total', { value: share(fcr.value), n: fcr.n })
            : t('contactStats.totalTarget', { value: share(fcr.value), n: fcr.n, target: share(fcr.target) })}
        </Paragraph>
      ) : null}
      {stats.rows && stats.rows.length === 0 ? <Paragraph>{t('contactStats.none')}</Paragraph> : null}
      {stats.rows && stats.rows.length > 0 ? (
        <Table caption={t('contactStats.caption', { by: t(`contactStats.dimension.${by}`).toLowerCase() })}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t(`contactStats.dimension.${by}`)}</TableHeaderCell>
              <TableHeaderCell>{t('contactStats.contacts')}</TableHeaderCell>
              <TableHeaderCell>{t('contactStats.recorded')}</TableHeaderCell>
              <TableHeaderCell>{t('contactStats.fcr')}</TableHeaderCell>
              <TableHeaderCell>{t('contactStats.repeats')}</TableHeaderCell>
              <TableHeaderCell>{t('contactStats.handling')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {stats.rows.map((row) => (
              <TableRow key={row.key ?? row.label}>
                <TableHeaderCell scope="row">{label(row)}</TableHeaderCell>
                <TableCell>{row.values.contacts ?? 0}</TableCell>
                <TableCell>{row.recorded}</TableCell>
                <TableCell>
                  <strong>{share(row.values.fcr)}</strong>
                </TableCell>
                <TableCell>{share(row.values.repeat_contacts)}</TableCell>
                <TableCell>{minutes(row.values.handling_time)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </div>
  );
}
