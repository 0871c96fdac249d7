import { Button } from '@utrecht/button-react';
import { CHANNELS, type Channel, type Contact, type CustomerMatch } from '@voordeur/shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useCurrentUser } from '../../lib/CurrentUser.tsx';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { displayPhone } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
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
import { CustomerLookup, LOOKUP_INPUT_ID } from './CustomerLookup.tsx';
import { CustomerView } from './CustomerView.tsx';
import { NewCustomerForm } from './NewCustomerForm.tsx';
import { clearNotesDraft, readNotesDraft, useContactNotes } from './useContactNotes.ts';
import { useContactSession } from './useContactSession.ts';

const CHANNEL_KEY = 'voordeur.workspace.channel';
const NEW_CONTACT_ID = 'workspace-new-contact';
const DONE_ID = 'workspace-done';
const NOTES_ID = 'workspace-notes';
const REFERRED_ID = 'workspace-referred-to';

function storedChannel(): Channel {
  try {
    const value = localStorage.getItem(CHANNEL_KEY);
    if (value && (CHANNELS as readonly string[]).includes(value)) return value as Channel;
  } catch {
    // Storage may be unavailable; the telephone is the usual channel of a contact centre.
  }
  return 'phone';
}

/** The shortcuts, in the order of a contact. Alt + a letter: free in browsers and screen readers alike. */
const SHORTCUTS = [
  { keys: 'Alt+N', code: 'KeyN', label: 'workspace.shortcuts.new' },
  { keys: 'Alt+A', code: 'KeyA', label: 'workspace.shortcuts.anonymous' },
  { keys: 'Alt+S', code: 'KeyS', label: 'workspace.shortcuts.search' },
  { keys: 'Alt+B', code: 'KeyB', label: 'workspace.shortcuts.answered' },
  { keys: 'Alt+Z', code: 'KeyZ', label: 'workspace.shortcuts.case' },
  { keys: 'Alt+T', code: 'KeyT', label: 'workspace.shortcuts.callback' },
] as const;
type ShortcutCode = (typeof SHORTCUTS)[number]['code'];

type Who = { mode: 'lookup' } | { mode: 'new' } | { mode: 'anonymous' } | { mode: 'known'; id: string };
type Panel = null | 'case' | 'callback' | 'referred';

interface Recorded {
  id: string;
  title: string;
}

/**
 * The front-office workspace: one screen per contact, operable from the keyboard. Start a contact on the
 * current channel, find the person (or go on anonymously), see their 360° view, find the answer, and end
 * the contact answered at first contact — or hand it over as a case or a callback request with everything
 * already asked.
 */
export function WorkspacePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('workspace.title'));
  const f = useFormat();
  const me = useCurrentUser();
  const [channel, setChannel] = useState<Channel>(storedChannel);
  const [who, setWho] = useState<Who>({ mode: 'lookup' });
  const [notes, setNotes] = useState('');
  const [query, setQuery] = useState('');
  const [item, setItem] = useState<{ code: string; title: string | null } | null>(null);
  const [articles, setArticles] = useState<Recorded[]>([]);
  // The agent's open contact, picked up again after another page or a reload, as it was left.
  const session = useContactSession((open) => {
    setWho(open.customer ? { mode: 'known', id: open.customer.id } : { mode: 'lookup' });
    setNotes(readNotesDraft(open.id) ?? open.answer);
    setItem(open.item ? { code: open.item.code, title: open.item.name } : null);
    setArticles(open.articles.map((a) => ({ id: a.id, title: a.title })));
  });
  const contact = session.contact;
  const savedNotes = useContactNotes(contact, notes, (contactId, value) =>
    session.update((c) =>
      c.id !== contactId || c.answer === value.trim()
        ? Promise.resolve(c)
        : updateContact(c, { answer: value }),
    ),
  );
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [referredTo, setReferredTo] = useState('');
  const [referredError, setReferredError] = useState<string | undefined>();
  const known = who.mode === 'known' ? who.id : null;
  const overview = useCustomerOverview(known);
  const customer = overview.data?.customer ?? null;

  const chooseChannel = (value: Channel) => {
    setChannel(value);
    try {
      localStorage.setItem(CHANNEL_KEY, value);
    } catch {
      // Not remembered in this browser; the choice holds for this page.
    }
  };

  const resetContactState = () => {
    setNotes('');
    setQuery('');
    setItem(null);
    setArticles([]);
    setPanel(null);
    setReferredTo('');
    setReferredError(undefined);
  };

  const newContact = async () => {
    setDone(null);
    setHint(null);
    setWho({ mode: 'lookup' });
    resetContactState();
    try {
      await session.start(channel);
      focusLater(LOOKUP_INPUT_ID);
    } catch {
      // Shown by the error alert.
    }
  };

  const needContact = () => {
    if (contact) return true;
    setHint(t('workspace.noContact'));
    focusLater(NEW_CONTACT_ID);
    return false;
  };

  const identify = (id: string) => {
    setWho({ mode: 'known', id });
    setHint(null);
    session.update((c) => updateContact(c, { customerId: id })).catch(() => undefined);
    focusLater(SEARCH_INPUT_ID);
  };

  const anonymous = async () => {
    // Alt+N and Alt+A typed in one go: wait for the contact being started.
    const current = contact ?? (await session.settled());
    if (!current) {
      needContact();
      return;
    }
    setWho({ mode: 'anonymous' });
    setHint(null);
    if (current.customer)
      session.update((c) => updateContact(c, { customerId: null })).catch(() => undefined);
    focusLater(SEARCH_INPUT_ID);
  };

  /** An opened article is recorded on the contact; an opened item becomes its subject. */
  const onOpen = (opened: OpenedResult) => {
    setQuery(opened.query);
    if (!contact) return;
    const question = (c: Contact) => (!c.question && opened.query ? { question: opened.query } : {});
    if (opened.kind === 'article' && opened.id) {
      const id = opened.id;
      setArticles((list) =>
        list.some((a) => a.id === id) ? list : [...list, { id, title: opened.title ?? opened.code }],
      );
      session
        .update((c) => {
          const ids = c.articles.map((a) => a.id);
          return updateContact(c, { articleIds: ids.includes(id) ? ids : [...ids, id], ...question(c) });
        })
        .catch(() => undefined);
    } else if (opened.kind === 'item') {
      setItem({ code: opened.code, title: opened.title });
      session
        .update((c) => updateContact(c, { itemCode: opened.code, ...question(c) }))
        .catch(() => undefined);
    }
  };

  const doneMessage = (closed: Contact) => {
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

  const close = async (body: (c: Contact) => ContactCloseBody) => {
    if (!needContact()) return;
    // The notes go with the closing itself, where they are used at all; a save still waiting is dropped.
    savedNotes.cancel();
    try {
      const closed = await session.update((c) => closeContact(c, body(c)));
      clearNotesDraft(closed.id);
      session.finish();
      resetContactState();
      setHint(null);
      setDone(doneMessage(closed));
      focusLater(NEW_CONTACT_ID);
    } catch {
      // Shown by the error alert; the contact stays open.
    }
  };

  const answered = () => {
    if (!needContact()) return;
    if (contact?.cases.length || contact?.callbacks.length) {
      setHint(t('workspace.handedOverAlready'));
      return;
    }
    const local = articles.map((a) => a.id);
    void close((c) => {
      const answer =
        notes.trim() || articles.map((a) => a.title).join('; ') || item?.title || c.item?.name || '';
      const ids = [...new Set([...c.articles.map((a) => a.id), ...local])];
      return {
        outcome: 'answered',
        ...(answer ? { answer } : {}),
        ...(ids.length ? { articleIds: ids } : {}),
      };
    });
  };

  const itemCode = item?.code ?? contact?.item?.code ?? null;
  const openCase = () => {
    if (!needContact()) return;
    if (!itemCode) {
      setHint(t('workspace.needItem'));
      focusLater(SEARCH_INPUT_ID);
      return;
    }
    setHint(null);
    setPanel('case');
  };
  const openCallback = () => {
    if (!needContact()) return;
    setHint(null);
    setPanel('callback');
  };
  const openReferred = () => {
    if (!needContact()) return;
    setHint(null);
    setPanel('referred');
    focusLater(REFERRED_ID);
  };
  const backToSearch = () => {
    setPanel(null);
    focusLater(SEARCH_INPUT_ID);
  };

  const actions: Record<ShortcutCode, () => void> = {
    KeyN: () => void newContact(),
    KeyA: () => void anonymous(),
    KeyS: () => focusLater(SEARCH_INPUT_ID),
    KeyB: answered,
    KeyZ: openCase,
    KeyT: openCallback,
  };
  const actionsRef = useRef(actions);
  actionsRef.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const action = actionsRef.current[event.code as ShortcutCode];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const submitReferred = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const to = referredTo.trim();
    if (!to) {
      setReferredError(t('validation.required'));
      focusLater(REFERRED_ID);
      return;
    }
    setReferredError(undefined);
    void close(() => ({
      outcome: 'referred',
      referredTo: to,
      ...(notes.trim() ? { answer: notes.trim() } : {}),
    }));
  };

  // Front-office teams first: without an item, the agent's own team usually calls back.
  const callbackTeams = [
    ...new Map(
      [...me.memberships]
        .sort((a, b) => Number(b.teamKind === 'front_office') - Number(a.teamKind === 'front_office'))
        .map((m) => [m.teamId, { id: m.teamId, name: m.teamName }]),
    ).values(),
  ];
  const description = notes.trim() || contact?.question || query;

  return (
    <div className="vd-stack vd-workspace">
      <div className="vd-workspace__header">
        <Heading level={1}>{t('workspace.title')}</Heading>
        <div className="vd-workspace__start">
          <SelectField
            id="workspace-channel"
            label={t('workspace.channel')}
            value={channel}
            onChange={(event) => chooseChannel(event.target.value as Channel)}
            options={CHANNELS.map((value) => ({ value, label: t(`catalogue.channel.${value}`) }))}
          />
          <Button
            id={NEW_CONTACT_ID}
            appearance="primary-action-button"
            onClick={() => void newContact()}
            busy={session.busy && !contact}
          >
            {t('workspace.newContact')} <kbd className="vd-kbd">Alt+N</kbd>
          </Button>
        </div>
        <Paragraph className="vd-workspace__state">
          {contact
            ? t('workspace.contactOpen', {
                channel: t(`catalogue.channel.${contact.channel}`),
                time: f.dateTime(contact.startedAt),
              })
            : session.resuming
              ? t('app.loading')
              : t('workspace.noContactOpen')}
        </Paragraph>
      </div>

      <section aria-labelledby="workspace-shortcuts" className="vd-workspace__shortcuts">
        <h2 id="workspace-shortcuts" className="vd-workspace__shortcuts-title">
          {t('workspace.shortcuts.title')}
        </h2>
        <ul className="vd-inline-links">
          {SHORTCUTS.map((shortcut) => (
            <li key={shortcut.code}>
              <kbd className="vd-kbd">{shortcut.keys}</kbd> {t(shortcut.label)}
            </li>
          ))}
        </ul>
      </section>

      {done ? <Notice id={DONE_ID}>{done}</Notice> : null}
      {hint ? <Notice type="warning">{hint}</Notice> : null}
      {session.error ? <ErrorAlert error={session.error} /> : null}

      {contact ? (
        <section className="vd-panel vd-workspace__handling" aria-labelledby="workspace-handling">
          <Heading level={2} id="workspace-handling" className="vd-visually-hidden">
            {t('workspace.handlingTitle')}
          </Heading>
          <TextareaField
            id={NOTES_ID}
            label={t('workspace.notes')}
            description={t('workspace.notesHint')}
            value={notes}
            onChange={(event) => setNotes(event.target.value)}
            rows={3}
            maxLength={4000}
          />
          <div className="vd-stack vd-stack--tight">
            <ButtonGroup className="vd-workspace__actions">
              <Button appearance="primary-action-button" onClick={answered}>
                {t('workspace.answered')} <kbd className="vd-kbd">Alt+B</kbd>
              </Button>
              <Button appearance="secondary-action-button" onClick={openCase}>
                {t('workspace.createCase')} <kbd className="vd-kbd">Alt+Z</kbd>
              </Button>
              <Button appearance="secondary-action-button" onClick={openCallback}>
                {t('workspace.createCallback')} <kbd className="vd-kbd">Alt+T</kbd>
              </Button>
              <Button appearance="secondary-action-button" onClick={openReferred}>
                {t('workspace.referred')}
              </Button>
              <Button
                appearance="subtle-button"
                onClick={() =>
                  void close(() => ({
                    outcome: 'not_helped',
                    ...(notes.trim() ? { answer: notes.trim() } : {}),
                  }))
                }
              >
                {t('workspace.notHelped')}
              </Button>
            </ButtonGroup>
            <RecordedLine contact={contact} item={item} articles={articles} />
          </div>
        </section>
      ) : null}

      <div className="vd-workspace__grid">
        <div className="vd-stack vd-workspace__side">
          <section className="vd-panel vd-stack" aria-labelledby="workspace-customer">
            <Heading level={2} id="workspace-customer">
              {t('workspace.customerTitle')}
            </Heading>
            {!contact && who.mode !== 'known' ? (
              <Paragraph className="vd-muted">{t('workspace.startHint')}</Paragraph>
            ) : null}
            {contact && who.mode === 'lookup' ? (
              <CustomerLookup
                onSelect={(match: CustomerMatch) => identify(match.id)}
                onAnonymous={() => void anonymous()}
                onNew={() => {
                  setWho({ mode: 'new' });
                  focusLater('new-customer-heading');
                }}
              />
            ) : null}
            {contact && who.mode === 'new' ? (
              <NewCustomerForm
                onCreated={(created) => identify(created.id)}
                onCancel={() => {
                  setWho({ mode: 'lookup' });
                  focusLater(LOOKUP_INPUT_ID);
                }}
              />
            ) : null}
            {contact && who.mode === 'anonymous' ? (
              <div className="vd-stack vd-stack--tight">
                <Paragraph>{t('workspace.anonymous')}</Paragraph>
                <ButtonGroup>
                  <Button appearance="subtle-button" onClick={() => setWho({ mode: 'lookup' })}>
                    {t('workspace.identifyAfterAll')}
                  </Button>
                </ButtonGroup>
              </div>
            ) : null}
            {who.mode === 'known' ? (
              <>
                {contact ? (
                  <ButtonGroup>
                    <Button appearance="subtle-button" onClick={() => setWho({ mode: 'lookup' })}>
                      {t('workspace.otherCustomer')}
                    </Button>
                  </ButtonGroup>
                ) : null}
                <CustomerView customerId={who.id} />
              </>
            ) : null}
          </section>
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
          {contact && panel && known && overview.isPending ? (
            <Paragraph role="status">{t('app.loading')}</Paragraph>
          ) : null}
          {contact && panel === 'case' && itemCode && !(known && overview.isPending) ? (
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
          {contact && panel === 'callback' && !(known && overview.isPending) ? (
            <CallbackForm
              key={contact.id}
              phone={customer?.phone ? displayPhone(customer.phone) : ''}
              note={description || (item?.title ?? '')}
              itemCode={itemCode}
              teams={callbackTeams}
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
            <form className="vd-form vd-stack" noValidate onSubmit={submitReferred}>
              <Heading level={3}>{t('workspace.referredTitle')}</Heading>
              <TextField
                id={REFERRED_ID}
                label={t('workspace.referredTo')}
                value={referredTo}
                onChange={(event) => setReferredTo(event.target.value)}
                error={referredError}
                maxLength={200}
                autoComplete="off"
                required
              />
              <ButtonGroup>
                <Button type="submit" appearance="primary-action-button">
                  {t('workspace.referredSubmit')}
                </Button>
                <Button appearance="secondary-action-button" onClick={backToSearch}>
                  {t('workspace.backToSearch')}
                </Button>
              </ButtonGroup>
            </form>
          ) : null}
        </section>
      </div>
    </div>
  );
}

/** What is recorded on the contact so far: its subject and the articles used. */
function RecordedLine({
  contact,
  item,
  articles,
}: {
  contact: Contact;
  item: { code: string; title: string | null } | null;
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
