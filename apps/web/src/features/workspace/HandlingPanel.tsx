import { Button } from '@utrecht/button-react';
import type { Contact } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import type { Recorded, Subject } from './workspaceReducer.ts';

const NOTES_ID = 'workspace-notes';

export interface HandlingPanelProps {
  contact: Contact;
  notes: string;
  onNotes: (notes: string) => void;
  item: Subject | null;
  articles: Recorded[];
  onAnswered: () => void;
  onCase: () => void;
  onCallback: () => void;
  onReferred: () => void;
  onNotHelped: () => void;
  /** Monitoring (avoidable contact): the person only asked where an open case stands; sent with the closing. */
  statusInquiry: boolean;
  onStatusInquiry: (value: boolean) => void;
}

/** The open contact's notes, the ways to end it, and what is recorded on it so far. */
export function HandlingPanel({
  contact,
  notes,
  onNotes,
  item,
  articles,
  onAnswered,
  onCase,
  onCallback,
  onReferred,
  onNotHelped,
  statusInquiry,
  onStatusInquiry,
}: HandlingPanelProps) {
  const { t } = useTranslation();
  return (
    <section className="vd-panel vd-workspace__handling" aria-labelledby="workspace-handling">
      <Heading level={2} id="workspace-handling" className="vd-visually-hidden">
        {t('workspace.handlingTitle')}
      </Heading>
      <TextareaField
        id={NOTES_ID}
        label={t('workspace.notes')}
        description={t('workspace.notesHint')}
        value={notes}
        onChange={(event) => onNotes(event.target.value)}
        rows={3}
        maxLength={4000}
      />
      <div className="vd-stack vd-stack--tight">
        <CheckboxField
          id="workspace-status-inquiry"
          label={t('workspace.statusInquiry')}
          description={t('workspace.statusInquiryHint')}
          checked={statusInquiry}
          onChange={(event) => onStatusInquiry(event.target.checked)}
        />
        <ButtonGroup className="vd-workspace__actions">
          <Button appearance="primary-action-button" onClick={onAnswered}>
            {t('workspace.answered')} <kbd className="vd-kbd">Alt+B</kbd>
          </Button>
          <Button appearance="secondary-action-button" onClick={onCase}>
            {t('workspace.createCase')} <kbd className="vd-kbd">Alt+Z</kbd>
          </Button>
          <Button appearance="secondary-action-button" onClick={onCallback}>
            {t('workspace.createCallback')} <kbd className="vd-kbd">Alt+T</kbd>
          </Button>
          <Button appearance="secondary-action-button" onClick={onReferred}>
            {t('workspace.referred')}
          </Button>
          <Button appearance="subtle-button" onClick={onNotHelped}>
            {t('workspace.notHelped')}
          </Button>
        </ButtonGroup>
        <RecordedLine contact={contact} item={item} articles={articles} />
      </div>
    </section>
  );
}

/** What is recorded on the contact so far: its subject and the articles used. */
function RecordedLine({
  contact,
  item,
  articles,
}: {
  contact: Contact;
  item: Subject | null;
  articles: Recorded[];
}) {
  const { t } = useTranslation();
  const subject = contact.item?.name ?? item?.title ?? item?.code;
  const used = contact.articles.length ? contact.articles.map((a) => a.title) : articles.map((a) => a.title);
  return (
    <ul className="vd-plain-list vd-compact-list">
      <li>
        <strong>{t('workspace.subject')}</strong> {subject ?? t('workspace.noSubject')}
      </li>
      <li>
        <strong>{t('workspace.articles')}</strong> {used.length ? used.join('; ') : t('workspace.noArticles')}
      </li>
      {contact.cases.length ? (
        <li>
          <strong>{t('workspace.cases')}</strong> {contact.cases.map((c) => c.reference).join(', ')}
        </li>
      ) : null}
    </ul>
  );
}
