import { CHANNELS, type Channel, type Contact } from '@voordeur/shared';
import { useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../lib/CurrentUser.tsx';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { displayPhone } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { Heading } from '../../ui/Heading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { AgentSearch, type OpenedResult, SEARCH_INPUT_ID } from '../search/index.ts';
import {
  type ContactCloseBody,
  closeContact,
  createCallback,
  createCase,
  updateContact,
  useCustomerOverview,
} from './api.ts';
import { CallbackForm } from './CallbackForm.tsx';
import { CaseForm } from './CaseForm.tsx';
import { LOOKUP_INPUT_ID } from './CustomerLookup.tsx';
import { CustomerPanel } from './CustomerPanel.tsx';
import { HandlingPanel } from './HandlingPanel.tsx';
import { REFERRED_ID, ReferredForm } from './ReferredForm.tsx';
import { ShortcutList, useShortcuts } from './Shortcuts.tsx';
import { clearNotesDraft, readNotesDraft, useContactNotes } from './useContactNotes.ts';
import { useContactSession } from './useContactSession.ts';
import { NEW_CONTACT_ID, WorkspaceHeader } from './WorkspaceHeader.tsx';
import {
  answeredClosing,
  blockedBy,
  type ContactAction,
  callbackTeams,
  type Hint,
  handOverText,
  initialWorkspace,
  notHelpedClosing,
  referredClosing,
  subjectCode,
  workspaceReducer,
} from './workspaceReducer.ts';

const CHANNEL_KEY = 'voordeur.workspace.channel';
const DONE_ID = 'workspace-done';

function storedChannel(): Channel {
  try {
    const value = localStorage.getItem(CHANNEL_KEY);
    if (value && (CHANNELS as readonly string[]).includes(value)) return value as Channel;
  } catch {
    // Storage may be unavailable; the telephone is the usual channel of a contact centre.
  }
  return 'phone';
}

/** Where the keyboard goes when an action is refused for `hint`. */
const HINT_FOCUS: Record<Hint, string | null> = {
  noContact: NEW_CONTACT_ID,
  needItem: SEARCH_INPUT_ID,
  handedOverAlready: null,
};

/**
 * The front-office workspace: one screen per contact, operable from the keyboard. Start a contact on the
 * current channel, find the person (or go on anonymously), see their 360° view, find the answer, and end
 * the contact answered at first contact — or hand it over as a case or a callback request with everything
 * already asked.
 *
 * The page's state and its changes are `workspaceReducer`; this component does the side effects (requests on
 * the contact session, focus, the remembered channel) and puts the parts together.
 */
export function WorkspacePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('workspace.title'));
  const me = useCurrentUser();
  const [state, dispatch] = useReducer(workspaceReducer, undefined, () => initialWorkspace(storedChannel()));
  // Monitoring (issue 14): the person only asked where an open case stands (avoidable contact).
  const [statusInquiry, setStatusInquiry] = useState(false);
  // The agent's open contact, picked up again after another page or a reload, as it was left.
  const session = useContactSession((open) =>
    dispatch({ type: 'resumed', contact: open, notesDraft: readNotesDraft(open.id) }),
  );
  const contact = session.contact;
  const savedNotes = useContactNotes(contact, state.notes, (contactId, value) =>
    session.update((c) =>
      c.id !== contactId || c.answer === value.trim()
        ? Promise.resolve(c)
        : updateContact(c, { answer: value }),
    ),
  );
  const { who, panel } = state;
  const known = who.mode === 'known' ? who.id : null;
  const overview = useCustomerOverview(known);
  const customer = overview.data?.customer ?? null;

  const chooseChannel = (value: Channel) => {
    dispatch({ type: 'channelChosen', channel: value });
    try {
      localStorage.setItem(CHANNEL_KEY, value);
    } catch {
      // Not remembered in this browser; the choice holds for this page.
    }
  };

  const newContact = async () => {
    dispatch({ type: 'contactStarting' });
    try {
      await session.start(state.channel);
      focusLater(LOOKUP_INPUT_ID);
    } catch {
      // Shown by the error alert.
    }
  };

  /** Say why `action` cannot be taken now (and move focus where it can be helped); true when it can. */
  const allowed = (action: ContactAction) => {
    const hint = blockedBy(state, contact, action);
    if (!hint) return true;
    dispatch({ type: 'blocked', hint });
    const focus = HINT_FOCUS[hint];
    if (focus) focusLater(focus);
    return false;
  };

  const identify = (id: string) => {
    dispatch({ type: 'identified', customerId: id });
    session.update((c) => updateContact(c, { customerId: id })).catch(() => undefined);
    focusLater(SEARCH_INPUT_ID);
  };

  const anonymous = async () => {
    // Alt+N and Alt+A typed in one go: wait for the contact being started.
    const current = contact ?? (await session.settled());
    if (!current) {
      dispatch({ type: 'blocked', hint: 'noContact' });
      focusLater(NEW_CONTACT_ID);
      return;
    }
    dispatch({ type: 'wentAnonymous' });
    if (current.customer)
      session.update((c) => updateContact(c, { customerId: null })).catch(() => undefined);
    focusLater(SEARCH_INPUT_ID);
  };

  /** An opened article is recorded on the contact; an opened item becomes its subject. */
  const onOpen = (opened: OpenedResult) => {
    dispatch({ type: 'resultOpened', opened, recording: Boolean(contact) });
    if (!contact) return;
    const question = (c: Contact) => (!c.question && opened.query ? { question: opened.query } : {});
    if (opened.kind === 'article' && opened.id) {
      const id = opened.id;
      session
        .update((c) => {
          const ids = c.articles.map((a) => a.id);
          return updateContact(c, { articleIds: ids.includes(id) ? ids : [...ids, id], ...question(c) });
        })
        .catch(() => undefined);
    } else if (opened.kind === 'item') {
      session
        .update((c) => updateContact(c, { itemCode: opened.code, ...question(c) }))
        .catch(() => undefined);
    }
  };

  const close = async (body: (c: Contact) => ContactCloseBody) => {
    if (!allowed('close')) return;
    // The notes go with the closing itself, where they are used at all; a save still waiting is dropped.
    savedNotes.cancel();
    try {
      const closed = await session.update((c) =>
        closeContact(c, { ...body(c), ...(statusInquiry ? { statusInquiry: true } : {}) }),
      );
      setStatusInquiry(false);
      clearNotesDraft(closed.id);
      session.finish();
      dispatch({ type: 'closed', contact: closed });
      focusLater(NEW_CONTACT_ID);
    } catch {
      // Shown by the error alert; the contact stays open.
    }
  };

  const answered = () => {
    if (allowed('answered')) void close(answeredClosing(state));
  };
  const openPanel = (next: 'case' | 'callback' | 'referred') => {
    if (!allowed(next)) return;
    dispatch({ type: 'panelOpened', panel: next });
    if (next === 'referred') focusLater(REFERRED_ID);
  };
  const backToSearch = () => {
    dispatch({ type: 'panelClosed' });
    focusLater(SEARCH_INPUT_ID);
  };
  const submitReferred = () => {
    const body = referredClosing(state);
    dispatch({ type: 'referredChecked', missing: !body });
    if (!body) {
      focusLater(REFERRED_ID);
      return;
    }
    void close(() => body);
  };

  useShortcuts({
    KeyN: () => void newContact(),
    KeyA: () => void anonymous(),
    KeyS: () => focusLater(SEARCH_INPUT_ID),
    KeyB: answered,
    KeyZ: () => openPanel('case'),
    KeyT: () => openPanel('callback'),
  });

  const itemCode = subjectCode(state, contact);
  const description = handOverText(state, contact);
  // A hand-over form waits for the customer's profile, which fills it in.
  const profileLoading = Boolean(known && overview.isPending);

  return (
    <div className="vd-stack vd-workspace">
      <WorkspaceHeader
        channel={state.channel}
        onChannel={chooseChannel}
        onNewContact={() => void newContact()}
        starting={session.busy && !contact}
        contact={contact}
        resuming={session.resuming}
      />
      <ShortcutList />

      {state.done ? <DoneNotice closed={state.done} /> : null}
      {state.hint ? <Notice type="warning">{t(`workspace.${state.hint}`)}</Notice> : null}
      {session.error ? <ErrorAlert error={session.error} /> : null}

      {contact ? (
        <HandlingPanel
          contact={contact}
          notes={state.notes}
          onNotes={(notes) => dispatch({ type: 'notesChanged', notes })}
          item={state.item}
          articles={state.articles}
          onAnswered={answered}
          onCase={() => openPanel('case')}
          onCallback={() => openPanel('callback')}
          onReferred={() => openPanel('referred')}
          onNotHelped={() => void close(() => notHelpedClosing(state))}
          statusInquiry={statusInquiry}
          onStatusInquiry={setStatusInquiry}
        />
      ) : null}

      <div className="vd-workspace__grid">
        <div className="vd-stack vd-workspace__side">
          <CustomerPanel
            open={Boolean(contact)}
            who={who}
            onWho={(next) => dispatch({ type: 'whoChanged', who: next })}
            onIdentified={identify}
            onAnonymous={() => void anonymous()}
          />
        </div>

        <section className="vd-panel vd-stack vd-workspace__main" aria-labelledby="workspace-answer">
          <Heading level={2} id="workspace-answer">
            {t('workspace.answerTitle')}
          </Heading>
          <div hidden={panel !== null} className="vd-stack">
            <AgentSearch
              key={contact?.id ?? 'none'}
              filters={false}
              level={3}
              hint={t('workspace.searchHint')}
              onOpen={onOpen}
            />
          </div>
          {contact && panel && profileLoading ? (
            <Paragraph role="status">{t('app.loading')}</Paragraph>
          ) : null}
          {contact && panel === 'case' && itemCode && !profileLoading ? (
            <CaseForm
              key={`${contact.id}:${itemCode}`}
              itemCode={itemCode}
              customer={customer}
              description={description}
              onCreate={(body) =>
                session.run(async (c) => {
                  const created = await createCase(c, body);
                  return { contact: created.contact, result: created.case };
                })
              }
              onFinish={() => void close(() => ({ outcome: 'case' }))}
              onCancel={backToSearch}
            />
          ) : null}
          {contact && panel === 'callback' && !profileLoading ? (
            <CallbackForm
              key={contact.id}
              phone={customer?.phone ? displayPhone(customer.phone) : ''}
              note={description || (state.item?.title ?? '')}
              itemCode={itemCode}
              teams={callbackTeams(me.memberships)}
              onCreate={(body) =>
                session.run(async (c) => {
                  const created = await createCallback(c, body);
                  return { contact: created.contact, result: created.callback };
                })
              }
              onFinish={() => void close(() => ({ outcome: 'callback' }))}
              onCancel={backToSearch}
            />
          ) : null}
          {contact && panel === 'referred' ? (
            <ReferredForm
              referredTo={state.referredTo}
              onChange={(referredTo) => dispatch({ type: 'referredToChanged', referredTo })}
              missing={state.referredMissing}
              onSubmit={submitReferred}
              onCancel={backToSearch}
            />
          ) : null}
        </section>
      </div>
    </div>
  );
}

/** How the contact just closed ended, in words. */
function DoneNotice({ closed }: { closed: Contact }) {
  const { t } = useTranslation();
  const message = () => {
    switch (closed.outcome) {
      case 'answered':
        return t('workspace.done.answered');
      case 'case':
        return t('workspace.done.case', { reference: closed.cases.map((c) => c.reference).join(', ') });
      case 'callback':
        return t('workspace.done.callback');
      case 'referred':
        return t('workspace.done.referred', { to: closed.referredTo ?? '' });
      default:
        return t('workspace.done.notHelped');
    }
  };
  return <Notice id={DONE_ID}>{message()}</Notice>;
}
