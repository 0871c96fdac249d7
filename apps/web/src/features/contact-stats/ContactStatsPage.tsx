import { type ContactStatRow, STAT_DIMENSIONS } from '@voordeur/shared';
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
import { useContactStats } from './api.ts';

type Dimension = (typeof STAT_DIMENSIONS)[number];

/** A local date as YYYY-MM-DD. */
const isoDate = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/**
 * "Eerste keer goed": how many contacts were answered at the first contact, per channel, team, agent,
 * subject or day, over a period. Kept simple on purpose: the numbers, no charts.
 */
export function ContactStatsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('contactStats.title'));
  const today = new Date();
  const [from, setFrom] = useState(
    isoDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29)),
  );
  const [to, setTo] = useState(isoDate(today));
  const [by, setBy] = useState<Dimension>('channel');
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const stats = useContactStats({ from, to, by }, valid);
  const locale = intlLocale(i18n.language);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const minutes = (seconds: number | null) =>
    seconds === null
      ? '—'
      : `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;
  const day = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const label = (row: ContactStatRow) => {
    if (by === 'channel' && row.key) return t(`catalogue.channel.${row.key}` as 'catalogue.channel.web');
    // A day as a date in words (the API gives 2026-12-06), read at noon so no time zone moves it.
    if (by === 'day' && row.key && /^\d{4}-\d{2}-\d{2}$/.test(row.key))
      return day.format(new Date(`${row.key}T12:00:00`));
    return row.label;
  };

  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('contactStats.title')} intro={t('contactStats.intro')} />
      <div className="vd-filters__grid">
        <TextField
          id="stats-from"
          label={t('contactStats.from')}
          type="date"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
          error={valid ? undefined : t('validation.dateOrder')}
        />
        <TextField
          id="stats-to"
          label={t('contactStats.to')}
          type="date"
          value={to}
          onChange={(event) => setTo(event.target.value)}
        />
        <SelectField
          id="stats-by"
          label={t('contactStats.by')}
          value={by}
          onChange={(event) => setBy(event.target.value as Dimension)}
          options={STAT_DIMENSIONS.map((value) => ({ value, label: t(`contactStats.dimension.${value}`) }))}
        />
      </div>
      {stats.isError ? <ErrorAlert error={stats.error} /> : null}
      {valid && stats.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {stats.data && stats.data.length === 0 ? <Paragraph>{t('contactStats.none')}</Paragraph> : null}
      {stats.data && stats.data.length > 0 ? (
        <Table caption={t('contactStats.caption', { by: t(`contactStats.dimension.${by}`).toLowerCase() })}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t(`contactStats.dimension.${by}`)}</TableHeaderCell>
              <TableHeaderCell>{t('contactStats.contacts')}</TableHeaderCell>
              <TableHeaderCell>{t('contactStats.answered')}</TableHeaderCell>
              <TableHeaderCell>{t('contactStats.fcr')}</TableHeaderCell>
              <TableHeaderCell>{t('contactStats.handedOver')}</TableHeaderCell>
              <TableHeaderCell>{t('contactStats.callbacks')}</TableHeaderCell>
              <TableHeaderCell>{t('contactStats.referred')}</TableHeaderCell>
              <TableHeaderCell>{t('contactStats.notHelped')}</TableHeaderCell>
              <TableHeaderCell>{t('contactStats.unrecorded')}</TableHeaderCell>
              <TableHeaderCell>{t('contactStats.repeats')}</TableHeaderCell>
              <TableHeaderCell>{t('contactStats.handling')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {stats.data.map((row) => (
              <TableRow key={row.key ?? row.label}>
                <TableHeaderCell scope="row">{label(row)}</TableHeaderCell>
                <TableCell>{row.contacts}</TableCell>
                <TableCell>{row.answered}</TableCell>
                <TableCell>
                  <strong>{row.fcrRate === null ? '—' : percent.format(row.fcrRate)}</strong>
                </TableCell>
                <TableCell>{row.handedOver}</TableCell>
                <TableCell>{row.callbacks}</TableCell>
                <TableCell>{row.referred}</TableCell>
                <TableCell>{row.notHelped}</TableCell>
                <TableCell>{row.unrecorded}</TableCell>
                <TableCell>{row.repeats}</TableCell>
                <TableCell>{minutes(row.avgHandlingSeconds)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </div>
  );
}
