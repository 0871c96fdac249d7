import type { Channel, Contact, Me } from '@voordeur/shared';
import type { OpenedResult } from '../search/index.ts';
import type { ContactCloseBody } from './api.ts';

/**
 * The workspace's own state and every way it changes, as a pure reducer: what the page shows between the
 * contact on the server (useContactSession) and the agent's keyboard. Side effects (requests, focus, the
 * remembered channel) stay in the page; what they decide on is here, so it can be tested without a browser.
 */

/** Who the contact is with: still looking them up, a new customer being entered, anonymous, or known. */
export type Who =
  | { mode: 'lookup' }
  | { mode: 'new' }
  | { mode: 'anonymous' }
  | { mode: 'known'; id: string };
/** What the answer panel shows instead of the search: a hand-over form, or none. */
export type Panel = null | 'case' | 'callback' | 'referred';
/** The subject the agent opened (an item), before or after the contact has it. */
export interface Subject {
  code: string;
  title: string | null;
}
export interface Recorded {
  id: string;
  title: string;
}
/** Why an action cannot be taken now; the page words it (`workspace.<hint>`). */
export type Hint = 'noContact' | 'handedOverAlready' | 'needItem';

export interface WorkspaceState {
  channel: Channel;
  who: Who;
  /** The agent's notes: the answer, or the start of a hand-over's description. */
  notes: string;
  /** The words last searched for. */
  query: string;
  item: Subject | null;
  /** Articles opened during this contact, as shown before the server has recorded them. */
  articles: Recorded[];
  panel: Panel;
  /** The contact just closed, for the message that says how. */
  done: Contact | null;
  hint: Hint | null;
  /** "Referred to": where the person was sent, and whether it was left empty on submit. */
  referredTo: string;
  referredMissing: boolean;
}

export type WorkspaceAction =
  | { type: 'channelChosen'; channel: Channel }
  /** An open contact picked up again (after another page or a reload), with the notes left unsaved. */
  | { type: 'resumed'; contact: Contact; notesDraft: string | null }
  /** A new contact is being started: whatever was on screen goes. */
  | { type: 'contactStarting' }
  | { type: 'blocked'; hint: Hint }
  | { type: 'whoChanged'; who: Who }
  /** The person is known (found or just created), or the agent goes on without them. */
  | { type: 'identified'; customerId: string }
  | { type: 'wentAnonymous' }
  | { type: 'notesChanged'; notes: string }
  /** A search result was opened; `recording` when there is a contact to record it on. */
  | { type: 'resultOpened'; opened: OpenedResult; recording: boolean }
  | { type: 'panelOpened'; panel: Exclude<Panel, null> }
  | { type: 'panelClosed' }
  | { type: 'referredToChanged'; referredTo: string }
  | { type: 'referredChecked'; missing: boolean }
  | { type: 'closed'; contact: Contact };

export const initialWorkspace = (channel: Channel): WorkspaceState => ({
  channel,
  who: { mode: 'lookup' },
  notes: '',
  query: '',
  item: null,
  articles: [],
  panel: null,
  done: null,
  hint: null,
  referredTo: '',
  referredMissing: false,
});

/** What belongs to one contact: gone when it closes or a new one starts. */
const contactCleared = {
  notes: '',
  query: '',
  item: null,
  articles: [],
  panel: null,
  referredTo: '',
  referredMissing: false,
} satisfies Partial<WorkspaceState>;

export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case 'channelChosen':
      return { ...state, channel: action.channel };
    case 'resumed': {
      const { contact } = action;
      return {
        ...state,
        who: contact.customer ? { mode: 'known', id: contact.customer.id } : { mode: 'lookup' },
        notes: action.notesDraft ?? contact.answer,
        item: contact.item ? { code: contact.item.code, title: contact.item.name } : null,
        articles: contact.articles.map((a) => ({ id: a.id, title: a.title })),
      };
    }
    case 'contactStarting':
      return { ...state, ...contactCleared, done: null, hint: null, who: { mode: 'lookup' } };
    case 'blocked':
      return { ...state, hint: action.hint };
    case 'whoChanged':
      return { ...state, who: action.who };
    case 'identified':
      return { ...state, who: { mode: 'known', id: action.customerId }, hint: null };
    case 'wentAnonymous':
      return { ...state, who: { mode: 'anonymous' }, hint: null };
    case 'notesChanged':
      return { ...state, notes: action.notes };
    case 'resultOpened': {
      const { opened } = action;
      const next = { ...state, query: opened.query };
      if (!action.recording) return next;
      if (opened.kind === 'article' && opened.id) {
        const id = opened.id;
        return state.articles.some((a) => a.id === id)
          ? next
          : { ...next, articles: [...state.articles, { id, title: opened.title ?? opened.code }] };
      }
      if (opened.kind === 'item') return { ...next, item: { code: opened.code, title: opened.title } };
      return next;
    }
    case 'panelOpened':
      return { ...state, panel: action.panel, hint: null };
    case 'panelClosed':
      return { ...state, panel: null };
    case 'referredToChanged':
      return { ...state, referredTo: action.referredTo };
    case 'referredChecked':
      return { ...state, referredMissing: action.missing };
    case 'closed':
      return { ...state, ...contactCleared, hint: null, done: action.contact };
  }
}

/** The item a case would be about: the one opened now, else the one the contact already has. */
export const subjectCode = (state: WorkspaceState, contact: Contact | null): string | null =>
  state.item?.code ?? contact?.item?.code ?? null;

/** The start of a hand-over's description: the notes, else the contact's question, else the search. */
export const handOverText = (state: WorkspaceState, contact: Contact | null): string =>
  state.notes.trim() || contact?.question || state.query;

/** What the agent can try to do with the open contact: end it, end it answered, or open a hand-over form. */
export type ContactAction = 'close' | 'answered' | Exclude<Panel, null>;

/**
 * Why `action` cannot be taken now, or null when it can. Every action needs an open contact; "answered"
 * not after a hand-over (the contact ends as that hand-over), and a case needs its item.
 */
export function blockedBy(
  state: WorkspaceState,
  contact: Contact | null,
  action: ContactAction,
): Hint | null {
  if (!contact) return 'noContact';
  if (action === 'answered' && (contact.cases.length || contact.callbacks.length)) return 'handedOverAlready';
  if (action === 'case' && !subjectCode(state, contact)) return 'needItem';
  return null;
}

/** The agent's notes as the answer of a closing, when there are any. */
const notesAnswer = (notes: string) => (notes.trim() ? { answer: notes.trim() } : {});

/**
 * The closing of a contact answered at first contact, from what is on screen now and the contact as the
 * server has it when the closing is sent: the answer is the notes, else the articles used, else the subject;
 * the articles are those recorded and those opened here.
 */
export function answeredClosing(state: WorkspaceState): (contact: Contact) => ContactCloseBody {
  const local = state.articles.map((a) => a.id);
  return (contact) => {
    const answer =
      state.notes.trim() ||
      state.articles.map((a) => a.title).join('; ') ||
      state.item?.title ||
      contact.item?.name ||
      '';
    const ids = [...new Set([...contact.articles.map((a) => a.id), ...local])];
    return {
      outcome: 'answered',
      ...(answer ? { answer } : {}),
      ...(ids.length ? { articleIds: ids } : {}),
    };
  };
}

/** The closing of a contact referred elsewhere; null when where to is not given. */
export function referredClosing(state: WorkspaceState): ContactCloseBody | null {
  const to = state.referredTo.trim();
  return to ? { outcome: 'referred', referredTo: to, ...notesAnswer(state.notes) } : null;
}

/** The closing of a contact the agent could not help with. */
export const notHelpedClosing = (state: WorkspaceState): ContactCloseBody => ({
  outcome: 'not_helped',
  ...notesAnswer(state.notes),
});

/**
 * The teams that can call back, the agent's own, front-office teams first: without an item, the agent's own
 * team usually calls back. Each team once.
 */
export function callbackTeams(memberships: Me['memberships']): { id: string; name: string }[] {
  return [
    ...new Map(
      [...memberships]
        .sort((a, b) => Number(b.teamKind === 'front_office') - Number(a.teamKind === 'front_office'))
        .map((m) => [m.teamId, { id: m.teamId, name: m.teamName }]),
    ).values(),
  ];
}
