import type { AuditEvent } from '@voordeur/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { VisuallyHidden } from '../../ui/VisuallyHidden.tsx';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** How a value is read out: dates in the interface language, known records by their reference or name. */
export interface ValueWords {
  t: TFunction;
  dateTime: (iso: string) => string;
  date: (iso: string) => string;
  /** What the API calls the records named in the events, by id. */
  labels: Record<string, string>;
}

/** A stored value as short, readable text: no JSON quotes, booleans as yes/no, empty as "(empty)". */
export function formatValue(value: unknown, words: ValueWords): string {
  const { t } = words;
  if (value === null || value === undefined || value === '') return t('common.empty');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') {
    const label = words.labels[value.toLowerCase()];
    if (label !== undefined) return label;
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return words.dateTime(value);
    if (DAY.test(value)) return words.date(`${value}T12:00:00`);
    return value;
  }
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value))
    return value.length === 0 ? t('common.none') : value.map((v) => formatNested(v, words)).join('; ');
  return formatNested(value, words);
}

function formatNested(value: unknown, words: ValueWords): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value)
      .map(([key, v]) => `${key}: ${formatValue(v, words)}`)
      .join(', ');
  }
  return formatValue(value, words);
}

/** The changed fields of an event: "field: before → after", read out as "from … to …". */
export function AuditChanges({
  changes,
  labels,
}: {
  changes: AuditEvent['changes'];
  labels: Record<string, string>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const words: ValueWords = { t, dateTime: format.dateTime, date: format.date, labels };
  const entries = Object.entries(changes);
  if (entries.length === 0) return <span className="vd-muted">{t('audit.noChanges')}</span>;
  return (
    <dl className="vd-changes">
      {entries.map(([field, { before, after }]) => (
        <div key={field} className="vd-changes__item">
          <dt className="vd-changes__field">{field}</dt>
          <dd className="vd-changes__values">
            <VisuallyHidden>{t('audit.changeFrom')} </VisuallyHidden>
            <span className="vd-changes__before">{formatValue(before, words)}</span>
            <span aria-hidden="true"> → </span>
            <VisuallyHidden> {t('audit.changeTo')} </VisuallyHidden>
            <span className="vd-changes__after">{formatValue(after, words)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
