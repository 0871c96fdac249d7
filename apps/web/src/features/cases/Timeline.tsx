import type { Case, TimelineKind } from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActionLabel } from '../../i18n/auditWords.ts';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { CaseTime } from './CaseTime.tsx';

type Entry = Case['timeline'][number];

const COMPLAINT_ACTIONS = ['acknowledge', 'hearing', 'advisory_committee', 'extend', 'decide'] as const;

/**
 * Everything that happened to the case, newest first: statuses, notes, messages both ways, the clock, links,
 * attachments and the audit trail. Whether the person sees an entry is written out ("Openbaar"/"Intern"),
 * not left to colour; the audit entries can be hidden.
 */
export function Timeline({ current }: { current: Case }) {
  const { t } = useTranslation();
  const [audit, setAudit] = useState(false);
  const entries = [...current.timeline]
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => audit || entry.kind !== 'audit')
    .sort((a, b) => b.entry.at.localeCompare(a.entry.at) || b.index - a.index);
  const auditCount = current.timeline.filter((entry) => entry.kind === 'audit').length;

  const title = (entry: Entry) => {
    switch (entry.kind) {
      case 'status':
        return t('cases.timeline.status', { status: entry.title });
      case 'complaint': {
        const action = entry.data.action;
        return (COMPLAINT_ACTIONS as readonly unknown[]).includes(action)
          ? t(`cases.timeline.complaint.${action as (typeof COMPLAINT_ACTIONS)[number]}`)
          : entry.title;
      }
      case 'audit':
        return t('cases.timeline.audit', { action: auditActionLabel(entry.title, t) });
      default:
        return t(
          `cases.timeline.kind.${entry.kind as Exclude<TimelineKind, 'status' | 'complaint' | 'audit'>}`,
        );
    }
  };

  return (
    <Section headingId="case-timeline" title={t('cases.timeline.title')} panel>
      {auditCount > 0 ? (
        <CheckboxField
          id="case-timeline-audit"
          label={t('cases.timeline.showAudit', { count: auditCount })}
          checked={audit}
          onChange={(event) => setAudit(event.target.checked)}
        />
      ) : null}
      {entries.length === 0 ? (
        <Paragraph className="vd-muted">{t('cases.timeline.empty')}</Paragraph>
      ) : (
        <ol className="vd-timeline" aria-label={t('cases.timeline.listLabel')}>
          {entries.map(({ entry, index }) => (
            <li
              key={`${entry.at}-${index}`}
              className={`vd-timeline__item vd-timeline__item--${entry.visibility} vd-timeline__item--${entry.kind}`}
            >
              <div className="vd-timeline__head">
                <strong className="vd-timeline__title">{title(entry)}</strong>
                <StatusBadge status={entry.visibility === 'public' ? 'active' : 'neutral'}>
                  {t(`cases.timeline.visibility.${entry.visibility}`)}
                </StatusBadge>
              </div>
              <p className="vd-timeline__meta">
                <CaseTime iso={entry.at} />
                {entry.by ? ` · ${entry.by}` : ''}
              </p>
              {entry.body ? <div className="vd-timeline__body vd-pre">{entry.body}</div> : null}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
