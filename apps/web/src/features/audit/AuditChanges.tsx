import type { AuditEvent } from '@voordeur/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { VisuallyHidden } from '../../ui/VisuallyHidden.tsx';

/** A stored value as short, readable text: no JSON quotes, booleans as yes/no, empty as "(empty)". */
export function formatValue(value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('common.empty');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint')
    return String(value);
  if (Array.isArray(value))
    return value.length === 0 ? t('common.none') : value.map((v) => formatNested(v, t)).join('; ');
  return formatNested(value, t);
}

function formatNested(value: unknown, t: TFunction): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value)
      .map(([key, v]) => `${key}: ${formatValue(v, t)}`)
      .join(', ');
  }
  return formatValue(value, t);
}

/** The changed fields of an event: "field: before → after", read out as "from … to …". */
export function AuditChanges({ changes }: { changes: AuditEvent['changes'] }) {
  const { t } = useTranslation();
  const entries = Object.entries(changes);
  if (entries.length === 0) return <span className="vd-muted">{t('audit.noChanges')}</span>;
  return (
    <dl className="vd-changes">
      {entries.map(([field, { before, after }]) => (
        <div key={field} className="vd-changes__item">
          <dt className="vd-changes__field">{field}</dt>
          <dd className="vd-changes__values">
            <VisuallyHidden>{t('audit.changeFrom')} </VisuallyHidden>
            <span className="vd-changes__before">{formatValue(before, t)}</span>
            <span aria-hidden="true"> → </span>
            <VisuallyHidden> {t('audit.changeTo')} </VisuallyHidden>
            <span className="vd-changes__after">{formatValue(after, t)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
