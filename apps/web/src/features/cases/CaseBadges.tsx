import type { CaseSummary } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { dueState } from './format.ts';

/**
 * What needs attention about a case, in words: too late, waiting (clock stopped), due today, closed, high
 * priority, a reopen request. The badge colours only repeat what the words say.
 */
export function CaseBadges({ c, now = new Date() }: { c: CaseSummary; now?: Date }) {
  const { t } = useTranslation();
  const state = dueState(c, now);
  return (
    <span className="vd-badge-row">
      {state === 'overdue' ? <StatusBadge status="warning">{t('cases.badge.overdue')}</StatusBadge> : null}
      {state === 'suspended' ? (
        <StatusBadge status="neutral">{t('cases.badge.suspended')}</StatusBadge>
      ) : null}
      {state === 'today' ? <StatusBadge status="neutral">{t('cases.badge.today')}</StatusBadge> : null}
      {state === 'closed' ? <StatusBadge status="inactive">{t('cases.badge.closed')}</StatusBadge> : null}
      {state === 'closed' && c.breached ? (
        <StatusBadge status="warning">{t('cases.badge.closedLate')}</StatusBadge>
      ) : null}
      {c.reopenRequested ? (
        <StatusBadge status="warning">{t('cases.badge.reopenRequested')}</StatusBadge>
      ) : null}
      {c.followUp ? <StatusBadge status="warning">{t('cases.badge.followUp')}</StatusBadge> : null}
    </span>
  );
}

/** Priority in words; "high" and "urgent" stand out. */
export function PriorityText({ priority }: { priority: CaseSummary['priority'] }) {
  const { t } = useTranslation();
  const label = t(`cases.priority.${priority}`);
  if (priority === 'urgent') return <StatusBadge status="warning">{label}</StatusBadge>;
  if (priority === 'high') return <strong>{label}</strong>;
  return <>{label}</>;
}
