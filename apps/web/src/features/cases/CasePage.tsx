import { Button } from '@utrecht/button-react';
import type { Case } from '@voordeur/shared';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useCan } from '../../lib/access.ts';
import { useCurrentUser } from '../../lib/CurrentUser.tsx';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { Alert } from '../../ui/Alert.tsx';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { AssignForm } from './AssignForm.tsx';
import { Attachments } from './Attachments.tsx';
import { type ActionProps, Disclosure, isConflict, notConflict } from './actionKit.tsx';
import { useCase, useCaseAction } from './api.ts';
import { CaseBadges } from './CaseBadges.tsx';
import { CaseFacts, ClockPanel, LinksPanel, WorkflowProgress } from './CaseDetails.tsx';
import { ExtendForm, SuspendForm } from './ClockForms.tsx';
import { ComplaintPanel } from './ComplaintPanel.tsx';
import { DeliveryLog } from './DeliveryLog.tsx';
import { ChildForm, MergeForm, RefuseReopenForm, ReopenForm } from './LinkForms.tsx';
import { MessageInForm, MessageOutForm, NoteForm } from './MessageForms.tsx';
import { Timeline } from './Timeline.tsx';
import { TransitionForm } from './TransitionForm.tsx';

const NOTICE_ID = 'case-notice';
const CONFLICT_ID = 'case-conflict';

/**
 * One case ("Zaak VB-2026-000123"): what it is about and who handles it, the norm clock, the workflow, every
 * action the worker's role allows, the whole timeline and the emails sent. Each action answers with the whole
 * case; when someone else changed it meanwhile (409), the page says so and shows the case as it is now.
 */
export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useCase(id);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const canReadDeliveries = useCan('readDeliveries');
  const current = query.data;
  useDocumentTitle(current ? t('cases.title', { reference: current.reference }) : t('cases.titleLoading'));

  const onDone = (message: string) => {
    setConflict(false);
    setNotice(message);
    focusLater(NOTICE_ID);
  };
  const onConflict = () => {
    setNotice(null);
    setConflict(true);
    void query.refetch();
    focusLater(CONFLICT_ID);
  };

  if (!current) {
    const missing = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return (
      <div className="vd-stack vd-stack--loose">
        <BackLink />
        <Heading level={1}>{t('cases.titleLoading')}</Heading>
        {query.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
        {missing ? <Paragraph>{t('cases.notFound')}</Paragraph> : null}
        {query.isError && !missing ? <ErrorAlert error={query.error} /> : null}
      </div>
    );
  }

  return (
    <div className="vd-stack vd-stack--loose vd-case">
      <CaseHeader current={current} onConflict={onConflict} />
      {conflict ? (
        <Alert type="warning" role="alert" id={CONFLICT_ID} tabIndex={-1}>
          <Paragraph>
            <strong>{t('cases.conflict')}</strong>
          </Paragraph>
          <ButtonGroup>
            <Button
              appearance="secondary-action-button"
              busy={query.isFetching}
              onClick={() => {
                setConflict(false);
                void query.refetch();
              }}
            >
              {t('cases.reload')}
            </Button>
          </ButtonGroup>
        </Alert>
      ) : null}
      {notice ? <Notice id={NOTICE_ID}>{notice}</Notice> : null}
      <div className="vd-case__grid">
        <div className="vd-stack vd-case__main">
          <CaseFacts current={current} />
          {/* The last action's notice goes as soon as the next one is filled in: it said whether the person was
              told of that change, and would contradict what the form now says of the next. */}
          <div className="vd-stack" onChange={() => setNotice(null)}>
            {current.complaint ? (
              <ComplaintPanel current={current} onDone={onDone} onConflict={onConflict} />
            ) : null}
            <CaseActions current={current} onDone={onDone} onConflict={onConflict} />
          </div>
          <Timeline current={current} />
          {canReadDeliveries ? <DeliveryLog caseId={current.id} /> : null}
        </div>
        <div className="vd-stack vd-case__side">
          <ClockPanel current={current} />
          <WorkflowProgress current={current} />
          <LinksPanel current={current} />
          <Attachments current={current} canAdd={current.abilities.attachment} />
        </div>
      </div>
    </div>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Paragraph className="vd-back">
      <Link className="utrecht-link utrecht-link--html-a" to="/queue">
        {t('cases.back')}
      </Link>
    </Paragraph>
  );
}

/** Reference, subject and where the case stands, with "Oppakken" when it is not yours yet. */
function CaseHeader({ current, onConflict }: { current: Case; onConflict: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const claim = useCaseAction(current);
  const mine = current.assignee?.id === me.id;
  return (
    <div className="vd-case__header">
      <div className="vd-stack vd-stack--tight">
        <BackLink />
        <Heading level={1}>{t('cases.title', { reference: current.reference })}</Heading>
        <Paragraph appearance="lead" className="vd-case__subject">
          {current.subject}
        </Paragraph>
        <p className="vd-badge-row">
          <StatusBadge status={current.closedAt ? 'inactive' : 'active'}>{current.status.label}</StatusBadge>
          <StatusBadge status="neutral">{t(`catalogue.kind.${current.kind}`)}</StatusBadge>
          <CaseBadges c={current} />
        </p>
      </div>
      {current.abilities.claim && !mine ? (
        <div className="vd-stack vd-stack--tight vd-case__claim">
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              busy={claim.isPending}
              disabled={claim.isPending}
              onClick={() =>
                claim.mutate(
                  { kind: 'claim', body: {} },
                  { onError: (error) => isConflict(error) && onConflict() },
                )
              }
            >
              {t('queue.claim')}
            </Button>
          </ButtonGroup>
          {notConflict(claim.error) ? <ErrorAlert error={claim.error} /> : null}
        </div>
      ) : null}
    </div>
  );
}

type ActionKey =
  | 'transition'
  | 'message'
  | 'note'
  | 'reply'
  | 'clock'
  | 'extend'
  | 'assign'
  | 'child'
  | 'merge'
  | 'reopen'
  | 'refuseReopen';

/** "Behandelen": every action the case's `abilities` allow (the API's rules for this role and state), one open at a time. */
function CaseActions({ current, onDone, onConflict }: ActionProps) {
  const { t } = useTranslation();
  const may = current.abilities;
  const closed = current.closedAt !== null;
  // The usual next step is open; for a complaint that is its acknowledgement, in the complaint panel above.
  const [open, setOpen] = useState<ActionKey | null>(
    may.transition.length > 0 && !(current.complaint && !current.complaint.acknowledgedAt)
      ? 'transition'
      : null,
  );
  const props = { current, onConflict, onDone };
  const entries: { key: ActionKey; title: string; show: boolean; render: () => ReactNode }[] = [
    {
      key: 'transition',
      title: t('cases.actions.transition'),
      show: may.transition.length > 0,
      render: () => <TransitionForm {...props} />,
    },
    {
      key: 'message',
      title: t('cases.actions.message'),
      show: may.message,
      render: () => <MessageOutForm {...props} />,
    },
    { key: 'note', title: t('cases.actions.note'), show: may.note, render: () => <NoteForm {...props} /> },
    {
      key: 'reply',
      title: t('cases.actions.reply'),
      show: may.reply,
      render: () => <MessageInForm {...props} />,
    },
    {
      key: 'clock',
      title: current.clock.suspended ? t('cases.actions.resume') : t('cases.actions.suspend'),
      show: current.clock.suspended ? may.resume : may.suspend,
      render: () => <SuspendForm {...props} />,
    },
    {
      key: 'extend',
      title: t('cases.actions.extend'),
      show: may.extend,
      render: () => <ExtendForm {...props} />,
    },
    {
      key: 'assign',
      title: t('cases.actions.assign'),
      show: may.assign,
      render: () => <AssignForm {...props} />,
    },
    {
      key: 'child',
      title: t('cases.actions.child'),
      show: may.child,
      render: () => <ChildForm {...props} />,
    },
    {
      key: 'merge',
      title: t('cases.actions.merge'),
      show: may.merge,
      render: () => <MergeForm {...props} />,
    },
    {
      key: 'reopen',
      title: t('cases.actions.reopen'),
      // A merged duplicate is worked on through its main case (the API refuses it: `abilities.reopen` is false).
      show: may.reopen,
      render: () => <ReopenForm {...props} />,
    },
    {
      key: 'refuseReopen',
      title: t('cases.actions.refuseReopen'),
      // Only while the person's request to reopen ("this is not solved", from their case page) waits for a decision.
      show: may.refuseReopen,
      render: () => <RefuseReopenForm {...props} />,
    },
  ];
  const shown = entries.filter((entry) => entry.show);
  if (shown.length === 0) return null;
  return (
    <Section headingId="case-actions" title={t('cases.actions.title')} panel>
      {closed ? <Paragraph className="vd-muted">{t('cases.actions.closedIntro')}</Paragraph> : null}
      <div className="vd-disclosures">
        {shown.map((entry) => (
          <Disclosure
            key={entry.key}
            id={`case-${entry.key}`}
            title={entry.title}
            open={open === entry.key}
            onToggle={(isOpen) => setOpen((now) => (isOpen ? entry.key : now === entry.key ? null : now))}
          >
            {entry.render()}
          </Disclosure>
        ))}
      </div>
    </Section>
  );
}
