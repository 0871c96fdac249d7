import type { CaseAbilities, CatalogueItemDefinition, ComplaintAction } from '@voordeur/shared';
import type { Actor } from '../../platform/actor.ts';
import { allows, type Rule } from '../../platform/policy.ts';
import type { AppError } from '../../plugins/errors.ts';
import type { ComplaintState } from './cases.clock.ts';
import { caseErrors } from './cases.errors.ts';
import type { CaseRow } from './cases.queries.ts';

export const casesPolicy = {
  /** Front and back office work in one system: both see cases; management and quality read along. */
  read: allows('readCases'),
  create: allows('createCases'),
  /** Handle a case: statuses, messages, the clock, complaints, links. */
  work: allows('workCases'),
  /** Register what the person said, or an internal note (the front office too). */
  annotate: allows('annotateCases'),
  /** Hand work to someone else, in bulk. */
  assign: allows('assignCases'),
  templates: allows('editTemplates'),
  settings: allows('manageCaseSettings'),
};

/** Every action on one case; the case page offers exactly those its `abilities` allow. */
export type CaseAction =
  | 'transition'
  | 'message'
  | 'reply'
  | 'note'
  | 'attachment'
  | 'suspend'
  | 'resume'
  | 'extend'
  | 'assign'
  | 'claim'
  | 'child'
  | 'merge'
  | 'reopen'
  | 'refuseReopen'
  | 'complaint';

/** Whose role allows each action (the first check of every action: 403 before anything is read). */
export const caseActionRules: Record<CaseAction, Rule> = {
  transition: casesPolicy.work,
  message: casesPolicy.work,
  reply: casesPolicy.annotate,
  note: casesPolicy.annotate,
  attachment: casesPolicy.annotate,
  suspend: casesPolicy.work,
  resume: casesPolicy.work,
  extend: casesPolicy.work,
  assign: casesPolicy.assign,
  /** Only a person becomes an assignee; an API token works cases without claiming them. */
  claim: (actor) => casesPolicy.work(actor) && actor.kind === 'user' && actor.userId !== null,
  child: casesPolicy.work,
  merge: casesPolicy.work,
  reopen: casesPolicy.work,
  refuseReopen: casesPolicy.work,
  complaint: casesPolicy.work,
};

/** What the rules of a case's state look at: its row and the handling definition of its item version. */
export interface CaseState {
  c: Pick<
    CaseRow['c'],
    | 'status'
    | 'kind'
    | 'closedAt'
    | 'parentCaseId'
    | 'mainCaseId'
    | 'suspendedSince'
    | 'extension'
    | 'complaint'
    | 'acknowledgedAt'
    | 'reopenRequestedAt'
  >;
  def: CatalogueItemDefinition;
}

const COMPLAINT_STEPS = ['acknowledge', 'hearing', 'advisory_committee', 'extend', 'decide'] as const;

/**
 * Why the case, as it stands, refuses an action whatever the request says (null: it does not). The actions
 * throw this (422 with a stable reason) and the presenter turns "null" into the case's abilities, so the web
 * offers an action exactly when the API would take it. A transition also names its target status, a complaint
 * step its step; a transition into a final status also needs the references of the child tasks still open.
 */
export function caseRefusal(
  s: CaseState,
  action: CaseAction,
  detail: { to?: string; step?: ComplaintAction['action']; openChildren?: readonly string[] } = {},
): AppError | null {
  const { c } = s;
  const closed = c.closedAt !== null;
  switch (action) {
    case 'note':
    case 'reply':
    case 'attachment':
      return null;
    case 'message':
      if (closed) return caseErrors.closed();
      // The person of a child task follows the main case: a message here would reach nobody.
      if (c.parentCaseId)
        return caseErrors.invalid(
          'id',
          'A child task: write to the person on the main case',
          'child_task_message',
        );
      return null;
    case 'claim':
      return closed ? caseErrors.closed() : null;
    case 'assign':
      return closed ? caseErrors.invalid('id', 'Closed', 'closed') : null;
    case 'suspend':
      if (closed) return caseErrors.closed();
      if (c.suspendedSince)
        return caseErrors.invalid('id', 'The clock already stands still', 'clock_stopped');
      return null;
    case 'resume':
      if (closed) return caseErrors.closed();
      if (!c.suspendedSince) return caseErrors.invalid('id', 'The clock is running', 'clock_running');
      if (statusStopsClock(s))
        return caseErrors.invalid(
          'id',
          'This status stops the clock: move the case on to resume it',
          'status_stops_clock',
        );
      return null;
    case 'extend':
      if (closed) return caseErrors.closed();
      if (c.extension)
        return caseErrors.invalid('extension', 'The norm was extended once already', 'extended_once');
      return null;
    case 'child':
      if (closed) return caseErrors.closed();
      if (c.parentCaseId)
        return caseErrors.invalid('id', 'A child task cannot have child tasks', 'nested_child_task');
      return null;
    case 'merge':
      if (closed) return caseErrors.closed();
      if (c.parentCaseId)
        return caseErrors.invalid('mainCaseId', 'Child tasks are not merged', 'child_task_merge');
      return null;
    case 'reopen':
      if (!closed) return caseErrors.invalid('id', 'The case is open', 'case_open');
      if (c.mainCaseId)
        return caseErrors.invalid('id', 'A merged duplicate: work on the main case', 'merged_duplicate');
      return null;
    case 'refuseReopen':
      if (!c.reopenRequestedAt)
        return caseErrors.invalid('reason', 'The person did not ask to reopen', 'no_reopen_request');
      return null;
    case 'transition':
      return transitionRefusal(s, detail.to, detail.openChildren ?? []);
    case 'complaint':
      return complaintRefusal(s, detail.step);
  }
}

/** The references of a case's child tasks still open, from its linked cases (no final status before they close). */
export const openChildTasks = (
  id: string,
  linked: readonly { c: Pick<CaseRow['c'], 'parentCaseId' | 'closedAt' | 'reference'> }[],
) => linked.filter((x) => x.c.parentCaseId === id && !x.c.closedAt).map((x) => x.c.reference);

/** Whether the case's current status stops the clock (then only moving on resumes it). */
export function statusStopsClock({ c, def }: Pick<CaseState, 'def'> & { c: Pick<CaseState['c'], 'status'> }) {
  return def.handling.statuses.find((x) => x.key === c.status)?.stopsClock ?? false;
}

function transitionRefusal({ c, def }: CaseState, to: string | undefined, openChildren: readonly string[]) {
  if (c.closedAt) return caseErrors.closed();
  if (to === undefined) return null;
  const allowed = def.handling.transitions.filter((t) => t.from === c.status).map((t) => t.to);
  const target = def.handling.statuses.find((x) => x.key === to);
  if (!target || !allowed.includes(to)) return caseErrors.transition(c.status, to, allowed);
  if (target.final) {
    if (openChildren.length)
      return caseErrors.invalid(
        'to',
        `Child tasks still open: ${openChildren.join(', ')}`,
        'child_tasks_open',
      );
    if (c.kind === 'complaint' && c.complaint && !(c.complaint as ComplaintState).decision)
      return caseErrors.invalid('to', 'Decide on the complaint first (Awb 9:12)', 'decide_complaint_first');
  }
  return null;
}

function complaintRefusal({ c }: CaseState, step: ComplaintAction['action'] | undefined) {
  if (c.kind !== 'complaint' || !c.complaint)
    return caseErrors.invalid('action', 'Not a complaint', 'not_a_complaint');
  if (c.closedAt) return caseErrors.closed();
  const state = c.complaint as ComplaintState;
  if (state.decision)
    return caseErrors.invalid('action', 'The complaint has been decided', 'complaint_decided');
  switch (step) {
    case 'acknowledge':
      return c.acknowledgedAt
        ? caseErrors.invalid('action', 'Receipt was acknowledged already', 'acknowledged_already')
        : null;
    case 'advisory_committee':
      return state.advisoryCommittee
        ? caseErrors.invalid('action', 'Already with the advisory committee', 'committee_already')
        : null;
    case 'extend':
      return state.extension
        ? caseErrors.invalid('weeks', 'The decision may be postponed once (Awb 9:11)', 'postponed_once')
        : null;
    default:
      return null;
  }
}

/** Whether the actor's role allows the action and the case's state does not refuse it. */
export const mayNow = (actor: Actor, s: CaseState, action: CaseAction) =>
  caseActionRules[action](actor) && caseRefusal(s, action) === null;

/** The abilities a case carries in a list: what the queue offers on a row. */
export const caseListAbilities = (actor: Actor, s: CaseState) => ({
  claim: mayNow(actor, s, 'claim'),
  assign: mayNow(actor, s, 'assign'),
});

/**
 * What this actor may do to this case now: the role rule of each action and the state rule above — the same
 * two checks each action makes. `openChildren`: references of its child tasks still open.
 */
export function caseAbilities(actor: Actor, s: CaseState, openChildren: readonly string[]): CaseAbilities {
  const may = (action: CaseAction) => mayNow(actor, s, action);
  const transitions = s.def.handling.transitions.filter((t) => t.from === s.c.status).map((t) => t.to);
  return {
    transition: may('transition')
      ? [...new Set(transitions)].filter((to) => caseRefusal(s, 'transition', { to, openChildren }) === null)
      : [],
    message: may('message'),
    reply: may('reply'),
    note: may('note'),
    attachment: may('attachment'),
    suspend: may('suspend'),
    resume: may('resume'),
    extend: may('extend'),
    assign: may('assign'),
    claim: may('claim'),
    child: may('child'),
    merge: may('merge'),
    reopen: may('reopen'),
    refuseReopen: may('refuseReopen'),
    complaint: caseActionRules.complaint(actor)
      ? COMPLAINT_STEPS.filter((step) => caseRefusal(s, 'complaint', { step }) === null)
      : [],
  };
}
