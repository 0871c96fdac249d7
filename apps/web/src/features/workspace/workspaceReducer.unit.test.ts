import type { Contact, Me } from '@voordeur/shared';
import { describe, expect, it } from 'vitest';
import type { OpenedResult } from '../search/index.ts';
import {
  answeredClosing,
  blockedBy,
  callbackTeams,
  handOverText,
  initialWorkspace,
  notHelpedClosing,
  referredClosing,
  subjectCode,
  type WorkspaceAction,
  type WorkspaceState,
  workspaceReducer,
} from './workspaceReducer.ts';

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** An open contact as the API returns it; `changes` override. */
function contact(changes: Partial<Contact> = {}): Contact {
  return {
    id: ID(1),
    channel: 'phone',
    direction: 'in',
    startedAt: '2026-12-01T09:00:00.000Z',
    endedAt: null,
    handlingSeconds: null,
    waitSeconds: null,
    customer: null,
    item: null,
    topic: null,
    question: '',
    answer: '',
    articles: [],
    outcome: null,
    referredTo: null,
    closedAutomatically: false,
    isRepeat: false,
    statusInquiry: false,
    repeatOf: null,
    agent: null,
    team: null,
    language: 'nl',
    cases: [],
    callbacks: [],
    version: 1,
    ...changes,
  };
}

const run = (actions: WorkspaceAction[], start: WorkspaceState = initialWorkspace('phone')) =>
  actions.reduce(workspaceReducer, start);

const article = (id: string, title: string | null, query = 'paspoort'): OpenedResult => ({
  kind: 'article',
  code: `code-${id}`,
  id,
  title,
  query,
});
const item = (code: string, title: string | null, query = 'lamp'): OpenedResult => ({
  kind: 'item',
  code,
  id: null,
  title,
  query,
});

/** A state in the middle of a contact: notes, a search, an item, an article and a referral typed. */
const busy = run([
  { type: 'notesChanged', notes: ' Lamp kapot ' },
  { type: 'resultOpened', opened: item('lamp', 'Kapotte lamp'), recording: true },
  { type: 'resultOpened', opened: article(ID(7), 'Lamp melden'), recording: true },
  { type: 'panelOpened', panel: 'referred' },
  { type: 'referredToChanged', referredTo: 'Stedin' },
  { type: 'referredChecked', missing: true },
  { type: 'blocked', hint: 'needItem' },
  { type: 'whoChanged', who: { mode: 'anonymous' } },
]);

describe('workspaceReducer', () => {
  it('starts without a contact on the channel given', () => {
    expect(initialWorkspace('desk')).toMatchObject({
      channel: 'desk',
      who: { mode: 'lookup' },
      panel: null,
      done: null,
      hint: null,
    });
  });

  it('keeps the chosen channel through a new contact and a closing', () => {
    const state = run([
      { type: 'channelChosen', channel: 'email' },
      { type: 'contactStarting' },
      { type: 'closed', contact: contact() },
    ]);
    expect(state.channel).toBe('email');
  });

  it('forgets everything of the last contact when a new one starts, and the message of how it ended', () => {
    const closed = workspaceReducer(busy, { type: 'closed', contact: contact({ outcome: 'answered' }) });
    const state = workspaceReducer(closed, { type: 'contactStarting' });
    expect(state).toEqual(initialWorkspace('phone'));
  });

  it('closing clears the contact, its panel and hint, and keeps how it ended and who it was with', () => {
    const closed = contact({ outcome: 'referred', referredTo: 'Stedin' });
    const state = workspaceReducer(busy, { type: 'closed', contact: closed });
    expect(state).toEqual({ ...initialWorkspace('phone'), who: { mode: 'anonymous' }, done: closed });
  });

  it('picks up an open contact as it was left: its customer, subject, articles and answer', () => {
    const open = contact({
      customer: { id: ID(2), name: 'J. Jansen' },
      item: { id: ID(3), code: 'lamp', name: 'Kapotte lamp' },
      articles: [{ id: ID(4), code: 'a', title: 'Lamp melden' }],
      answer: 'saved on the server',
    });
    const state = run([{ type: 'resumed', contact: open, notesDraft: null }]);
    expect(state.who).toEqual({ mode: 'known', id: ID(2) });
    expect(state.item).toEqual({ code: 'lamp', title: 'Kapotte lamp' });
    expect(state.articles).toEqual([{ id: ID(4), title: 'Lamp melden' }]);
    expect(state.notes).toBe('saved on the server');
  });

  it('prefers the notes typed in this tab over the saved answer, and looks up a contact without customer', () => {
    const state = run([{ type: 'resumed', contact: contact({ answer: 'old' }), notesDraft: 'typed later' }]);
    expect(state.notes).toBe('typed later');
    expect(state.who).toEqual({ mode: 'lookup' });
    expect(state.item).toBeNull();
  });

  it('identifying the person or going on anonymously clears the hint', () => {
    const blocked = run([{ type: 'blocked', hint: 'noContact' }]);
    expect(workspaceReducer(blocked, { type: 'identified', customerId: ID(5) })).toMatchObject({
      who: { mode: 'known', id: ID(5) },
      hint: null,
    });
    expect(workspaceReducer(blocked, { type: 'wentAnonymous' })).toMatchObject({
      who: { mode: 'anonymous' },
      hint: null,
    });
  });

  it('records an opened article once, titled by its code when it has no title', () => {
    const state = run([
      { type: 'resultOpened', opened: article(ID(6), null), recording: true },
      { type: 'resultOpened', opened: article(ID(6), 'again'), recording: true },
      { type: 'resultOpened', opened: article(ID(7), 'Tweede'), recording: true },
    ]);
    expect(state.articles).toEqual([
      { id: ID(6), title: `code-${ID(6)}` },
      { id: ID(7), title: 'Tweede' },
    ]);
  });

  it('makes an opened item the subject, the last one opened winning', () => {
    const state = run([
      { type: 'resultOpened', opened: item('a', 'A'), recording: true },
      { type: 'resultOpened', opened: item('b', null, 'b zoeken'), recording: true },
    ]);
    expect(state.item).toEqual({ code: 'b', title: null });
    expect(state.query).toBe('b zoeken');
  });

  it('without a contact, an opened result only remembers the search', () => {
    const state = run([
      { type: 'resultOpened', opened: item('a', 'A', 'eerst'), recording: false },
      { type: 'resultOpened', opened: article(ID(8), 'B', 'daarna'), recording: false },
    ]);
    expect(state.item).toBeNull();
    expect(state.articles).toEqual([]);
    expect(state.query).toBe('daarna');
  });

  it('an article result without an id is not recorded', () => {
    const state = run([
      { type: 'resultOpened', opened: { ...article('x', 'X'), id: null }, recording: true },
    ]);
    expect(state.articles).toEqual([]);
  });

  it('opening a panel clears the hint; closing it goes back to the search and keeps what was typed', () => {
    const state = run([
      { type: 'blocked', hint: 'noContact' },
      { type: 'panelOpened', panel: 'referred' },
      { type: 'referredToChanged', referredTo: 'Stedin' },
    ]);
    expect(state).toMatchObject({ panel: 'referred', hint: null });
    expect(workspaceReducer(state, { type: 'panelClosed' })).toMatchObject({
      panel: null,
      referredTo: 'Stedin',
    });
  });

  it('shows a referral left empty until it is filled in', () => {
    const missing = run([{ type: 'referredChecked', missing: true }]);
    expect(missing.referredMissing).toBe(true);
    expect(workspaceReducer(missing, { type: 'referredChecked', missing: false }).referredMissing).toBe(
      false,
    );
  });
});

describe('what the workspace decides', () => {
  const start = initialWorkspace('phone');

  it('refuses every action without an open contact', () => {
    for (const action of ['close', 'answered', 'case', 'callback', 'referred'] as const)
      expect(blockedBy(start, null, action)).toBe('noContact');
  });

  it('refuses "answered" once the contact was handed over as a case or a callback', () => {
    expect(blockedBy(start, contact({ cases: [{ id: ID(1), reference: 'Z-1' }] }), 'answered')).toBe(
      'handedOverAlready',
    );
    expect(
      blockedBy(
        start,
        contact({ callbacks: [{ id: ID(1), dueAt: '2026-12-02T09:00:00.000Z' }] }),
        'answered',
      ),
    ).toBe('handedOverAlready');
    expect(blockedBy(start, contact(), 'answered')).toBeNull();
    // Another hand-over or a referral is still possible.
    expect(blockedBy(start, contact({ cases: [{ id: ID(1), reference: 'Z-1' }] }), 'callback')).toBeNull();
  });

  it('a case needs an item: opened here or already on the contact', () => {
    expect(blockedBy(start, contact(), 'case')).toBe('needItem');
    const withItem = run([{ type: 'resultOpened', opened: item('lamp', 'Lamp'), recording: true }]);
    expect(blockedBy(withItem, contact(), 'case')).toBeNull();
    const onContact = contact({ item: { id: ID(3), code: 'afval', name: 'Afval' } });
    expect(blockedBy(start, onContact, 'case')).toBeNull();
    expect(subjectCode(start, onContact)).toBe('afval');
    expect(subjectCode(withItem, onContact)).toBe('lamp');
    expect(blockedBy(start, contact(), 'callback')).toBeNull();
  });

  it('a hand-over starts from the notes, else the question, else the search', () => {
    const searched = run([{ type: 'resultOpened', opened: item('a', 'A', 'gezocht'), recording: false }]);
    expect(handOverText(searched, contact({ question: 'De vraag' }))).toBe('De vraag');
    expect(handOverText(searched, contact())).toBe('gezocht');
    expect(handOverText(searched, null)).toBe('gezocht');
    const noted = workspaceReducer(searched, { type: 'notesChanged', notes: '  Notities ' });
    expect(handOverText(noted, contact({ question: 'De vraag' }))).toBe('Notities');
  });

  it('answered: the notes are the answer, with the articles recorded and opened here, each once', () => {
    const body = answeredClosing(busy)(contact({ articles: [{ id: ID(9), code: 'x', title: 'Eerder' }] }));
    expect(body).toEqual({ outcome: 'answered', answer: 'Lamp kapot', articleIds: [ID(9), ID(7)] });
    const same = answeredClosing(busy)(
      contact({ articles: [{ id: ID(7), code: 'x', title: 'Lamp melden' }] }),
    );
    expect(same.articleIds).toEqual([ID(7)]);
  });

  it('answered without notes: the articles used, else the subject opened, else the subject on the contact', () => {
    const articles = run([
      { type: 'resultOpened', opened: article(ID(1), 'Een'), recording: true },
      { type: 'resultOpened', opened: article(ID(2), 'Twee'), recording: true },
      { type: 'resultOpened', opened: item('lamp', 'Kapotte lamp'), recording: true },
    ]);
    expect(answeredClosing(articles)(contact()).answer).toBe('Een; Twee');
    const subject = run([{ type: 'resultOpened', opened: item('lamp', 'Kapotte lamp'), recording: true }]);
    expect(answeredClosing(subject)(contact())).toEqual({ outcome: 'answered', answer: 'Kapotte lamp' });
    const onContact = contact({ item: { id: ID(3), code: 'afval', name: 'Afval' } });
    expect(answeredClosing(start)(onContact)).toEqual({ outcome: 'answered', answer: 'Afval' });
    // Nothing at all: no answer and no articles are sent (not empty ones).
    expect(answeredClosing(start)(contact())).toEqual({ outcome: 'answered' });
  });

  it('referred: needs where to; sends the notes as the answer when there are any', () => {
    expect(referredClosing(start)).toBeNull();
    expect(referredClosing(run([{ type: 'referredToChanged', referredTo: '   ' }]))).toBeNull();
    expect(referredClosing(busy)).toEqual({
      outcome: 'referred',
      referredTo: 'Stedin',
      answer: 'Lamp kapot',
    });
    expect(referredClosing(run([{ type: 'referredToChanged', referredTo: ' Stedin ' }]))).toEqual({
      outcome: 'referred',
      referredTo: 'Stedin',
    });
  });

  it('not helped: with the notes when there are any', () => {
    expect(notHelpedClosing(start)).toEqual({ outcome: 'not_helped' });
    expect(notHelpedClosing(busy)).toEqual({ outcome: 'not_helped', answer: 'Lamp kapot' });
  });

  it("offers the agent's own teams for a callback, front-office teams first, each once", () => {
    const membership = (teamId: string, teamName: string, teamKind: string, role = 'agent') =>
      ({ teamId, teamName, teamKind, role }) as Me['memberships'][number];
    const teams = callbackTeams([
      membership(ID(1), 'Vergunningen', 'back_office'),
      membership(ID(2), 'KCC', 'front_office'),
      membership(ID(1), 'Vergunningen', 'back_office', 'teamlead'),
      membership(ID(3), 'Balie', 'front_office'),
    ]);
    expect(teams).toEqual([
      { id: ID(2), name: 'KCC' },
      { id: ID(3), name: 'Balie' },
      { id: ID(1), name: 'Vergunningen' },
    ]);
  });
});
