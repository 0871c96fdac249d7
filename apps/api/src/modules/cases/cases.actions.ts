import type { Db } from '@voordeur/db';
import type {
  assignSchema,
  childCreateSchema,
  extendSchema,
  mergeSchema,
  messageCreateSchema,
  noteCreateSchema,
  reopenSchema,
  suspendSchema,
} from '@voordeur/shared';
import type { z } from 'zod';
import type { Ctx } from '../../platform/actor.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { extended, resumeFields } from './cases.clock.ts';
import { caseErrors } from './cases.errors.ts';
import { messages } from './cases.messages.ts';
import {
  type CaseAction,
  caseRefusal,
  casesPolicy,
  caseActionRules as may,
  statusStopsClock,
} from './cases.policy.ts';
import * as q from './cases.queries.ts';
import { change, commit, getCaseIn, type Loaded, loadForChange, openCase } from './cases.service.ts';

type In<T extends z.ZodType> = z.output<T>;

/** Assigns cases (in bulk) to a person, or unassigns them; optionally moves them to another team. */
export async function assign(db: Db, ctx: Ctx, input: In<typeof assignSchema>) {
  authorize(ctx.actor, may.assign);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const user = input.assigneeId ? await q.userInOrg(tx, organisationId, input.assigneeId) : null;
    if (input.assigneeId && !user) throw caseErrors.unknown('assigneeId', 'user');
    const team = input.teamId ? await q.teamInOrg(tx, organisationId, input.teamId) : null;
    if (input.teamId && !team) throw caseErrors.unknown('teamId', 'team');
    const now = new Date();
    for (const [i, item] of input.cases.entries()) {
      const l = await loadForChange(tx, organisationId, item.id).catch((e) => {
        throw e === undefined ? e : withField(e, `cases.${i}.id`);
      });
      if (l.row.c.version !== item.version) throw withField(errors.versionConflict(), `cases.${i}.version`);
      refuse(l, 'assign', `cases.${i}.id`);
      await commit(
        tx,
        ctx,
        l,
        {
          set: { assigneeUserId: user?.id ?? null, ...(team ? { teamId: team.id } : {}) },
          events: [
            {
              kind: 'assigned',
              body: user ? user.name : '',
              data: { assigneeId: user?.id ?? null, teamId: team?.id ?? l.row.c.teamId },
            },
          ],
          publish: [
            { type: 'assigned', data: { assigneeId: user?.id ?? null, teamId: team?.id ?? l.row.c.teamId } },
          ],
          audit: {
            action: 'assigned',
            before: { assigneeId: l.row.c.assigneeUserId, teamId: l.row.c.teamId },
            after: { assigneeId: user?.id ?? null, teamId: team?.id ?? l.row.c.teamId },
          },
        },
        now,
      );
    }
    return { updated: input.cases.length };
  });
}

/** Throws why the case refuses the action as it stands (the same rule that makes its `abilities`). */
function refuse(l: Loaded, action: CaseAction, field?: string) {
  const refusal = caseRefusal({ c: l.row.c, def: l.def }, action);
  if (refusal) throw field ? withField(refusal, field) : refusal;
}

function withField<E>(e: E, field: string): E {
  const err = e as { errors?: { field: string; message: string }[] };
  if (err.errors) err.errors = err.errors.map((x) => ({ ...x, field }));
  else if (e && typeof e === 'object') err.errors = [{ field, message: 'Not found' }];
  return e;
}

/** "I'll take it": the caller becomes the assignee. */
export async function claim(db: Db, ctx: Ctx, id: string, version: number) {
  authorize(ctx.actor, casesPolicy.work);
  const me = ctx.actor.userId;
  if (!me || !may.claim(ctx.actor)) throw errors.forbidden('Only a person can claim a case.');
  return change(db, ctx, id, version, (l) => {
    refuse(l, 'claim');
    return {
      set: { assigneeUserId: me },
      events: [{ kind: 'assigned', body: ctx.actor.label, data: { assigneeId: me, claimed: true } }],
      publish: [{ type: 'assigned', data: { assigneeId: me } }],
      audit: { action: 'claimed', before: { assigneeId: l.row.c.assigneeUserId }, after: { assigneeId: me } },
    };
  });
}

/** An internal note: never shown to the person. */
export async function addNote(db: Db, ctx: Ctx, id: string, input: In<typeof noteCreateSchema>) {
  authorize(ctx.actor, may.note);
  return change(db, ctx, id, undefined, () => ({
    set: {},
    events: [{ kind: 'note', body: input.body }],
    publish: [{ type: 'note_added' }],
    audit: { action: 'note_added' },
  }));
}

/**
 * A message to the person (by email, or as a letter without an email address; public on the timeline) or from
 * the person (registered). A reply from the person resumes a stopped clock; on a closed case it becomes a reopen
 * request instead of being lost.
 */
export async function addMessage(db: Db, ctx: Ctx, id: string, input: In<typeof messageCreateSchema>) {
  authorize(ctx.actor, input.direction === 'out' ? may.message : may.reply);
  return change(db, ctx, id, undefined, (l, _tx, now) => {
    const { c } = l.row;
    if (input.direction === 'out') {
      refuse(l, 'message');
      return {
        set: {},
        events: [
          {
            kind: 'message_out',
            visibility: 'public',
            body: input.body,
            data: { subject: input.subject ?? null },
          },
        ],
        person: [messages.free(input.body, input.templateKey, input.subject)],
        publish: [{ type: 'message_sent' }],
        audit: { action: 'message_sent' },
      };
    }
    if (c.closedAt) {
      return {
        set: { reopenRequestedAt: now },
        events: [
          { kind: 'message_in', visibility: 'public', body: input.body },
          { kind: 'reopen_requested', body: 'The person replied after the case was closed.' },
        ],
        publish: [{ type: 'message_received' }, { type: 'reopen_requested' }],
        audit: { action: 'reopen_requested' },
      };
    }
    const resumed = c.suspendedSince && !statusStopsClock({ c, def: l.def });
    return {
      set: resumed ? resumeFields(l, now) : {},
      events: [
        { kind: 'message_in', visibility: 'public', body: input.body },
        ...(resumed ? [{ kind: 'resumed', body: 'The person answered.' }] : []),
      ],
      publish: [{ type: 'message_received' }, ...(resumed ? [{ type: 'resumed' as const }] : [])],
      audit: { action: 'message_received', ...(resumed ? { after: { resumed: true } } : {}) },
    };
  });
}

/** Stops the clock while waiting for the person, with the reason; the question goes to the person. */
export async function suspend(db: Db, ctx: Ctx, id: string, input: In<typeof suspendSchema>) {
  authorize(ctx.actor, may.suspend);
  return change(db, ctx, id, input.version, (l, _tx, now) => {
    refuse(l, 'suspend');
    return {
      set: { suspendedSince: now, suspendedReason: input.reason },
      events: [
        {
          kind: 'suspended',
          visibility: input.message ? 'public' : 'internal',
          body: input.reason,
          data: { message: input.message ?? null },
        },
      ],
      person: input.message ? [messages.suspended(input.message, input.reason)] : [],
      publish: [{ type: 'suspended', data: { reason: input.reason } }],
      audit: { action: 'suspended', after: { reason: input.reason } },
    };
  });
}

export async function resume(db: Db, ctx: Ctx, id: string, version: number) {
  authorize(ctx.actor, may.resume);
  return change(db, ctx, id, version, (l, _tx, now) => {
    const { c } = l.row;
    refuse(l, 'resume');
    const set = resumeFields(l, now);
    return {
      set,
      events: [{ kind: 'resumed', data: { dueAt: set.dueAt.toISOString() } }],
      publish: [{ type: 'resumed', data: { dueAt: set.dueAt.toISOString() } }],
      audit: { action: 'resumed', before: { dueAt: c.dueAt }, after: { dueAt: set.dueAt } },
    };
  });
}

/** Extends the public norm once, with a reason and a message to the person with the new date. */
export async function extend(db: Db, ctx: Ctx, id: string, input: In<typeof extendSchema>) {
  authorize(ctx.actor, may.extend);
  return change(db, ctx, id, input.version, (l, _tx, now) => {
    const { c } = l.row;
    refuse(l, 'extend');
    const { extension, times } = extended(l, input.extension, input.reason, now);
    return {
      set: { extension, ...times, breachedAt: null },
      events: [
        {
          kind: 'extended',
          visibility: 'public',
          body: input.reason,
          data: { ...input.extension, dueAt: times.dueAt.toISOString() },
        },
      ],
      person: [messages.extended(input.reason)],
      publish: [{ type: 'extended', data: { dueAt: times.dueAt.toISOString(), reason: input.reason } }],
      audit: {
        action: 'extended',
        before: { dueAt: c.dueAt },
        after: { dueAt: times.dueAt, reason: input.reason },
      },
    };
  });
}

/** Reopens a closed case (e.g. after the person replied): back to the first status, the clock runs on. */
export async function reopen(db: Db, ctx: Ctx, id: string, input: In<typeof reopenSchema>) {
  authorize(ctx.actor, may.reopen);
  return change(db, ctx, id, input.version, (l) => {
    const { c } = l.row;
    refuse(l, 'reopen');
    const first = l.def.handling.statuses.find((s) => !s.final)!;
    return {
      set: { closedAt: null, reopenRequestedAt: null },
      status: { to: first.key, note: input.reason },
      events: [{ kind: 'reopened', body: input.reason }],
      publish: [{ type: 'status_changed', data: { from: c.status, to: first.key, reopened: true } }],
      audit: {
        action: 'reopened',
        before: { status: c.status },
        after: { status: first.key, reason: input.reason },
      },
    };
  });
}

/** A child task for another team; the person keeps seeing the one (parent) case. */
export async function createChild(db: Db, ctx: Ctx, id: string, input: In<typeof childCreateSchema>) {
  authorize(ctx.actor, may.child);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const l = await loadForChange(tx, organisationId, id, input.version);
    const { c } = l.row;
    refuse(l, 'child');
    const team = await q.teamInOrg(tx, organisationId, input.teamId);
    if (!team) throw caseErrors.unknown('teamId', 'team');
    // The next number is counted under the parent's row lock: simultaneous requests would count the same.
    if (!(await q.lockCaseVersion(tx, organisationId, c.id, c.version))) throw errors.versionConflict();
    const number = (await q.childCount(tx, organisationId, c.id)) + 1;
    const child = await openCase(tx, ctx, {
      item: { id: c.catalogueItemId, versionId: c.itemVersionId, teamId: team.id, definition: l.def },
      description: input.description,
      answers: {},
      location: (c.location as never) ?? undefined,
      area: c.area,
      customerId: c.customerId,
      contactId: null,
      channel: c.channel,
      priority: c.priority,
      referencePrefix: '',
      language: c.language as 'nl' | 'en',
      parent: { id: c.id, reference: c.reference, number },
      teamId: team.id,
      context: { settings: l.settings, calendar: l.calendar },
    });
    await commit(tx, ctx, l, {
      set: {},
      events: [
        { kind: 'linked', body: child.row.c.reference, data: { child: child.row.c.id, team: team.name } },
      ],
      publish: [{ type: 'linked', data: { child: child.row.c.id, reference: child.row.c.reference } }],
      audit: { action: 'child_created', after: { child: child.row.c.reference, team: team.name } },
    });
    return child;
  });
}

/**
 * Merges this case as a duplicate into a main case: it closes, its reporter is told and from then on hears of
 * every public step of the main case.
 */
export async function merge(db: Db, ctx: Ctx, id: string, input: In<typeof mergeSchema>) {
  authorize(ctx.actor, may.merge);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const l = await loadForChange(tx, organisationId, id, input.version);
    if (input.mainCaseId === id)
      throw caseErrors.invalid('mainCaseId', 'A case cannot be its own duplicate', 'own_duplicate');
    const main = await loadForChange(tx, organisationId, input.mainCaseId).catch(() => {
      throw caseErrors.unknown('mainCaseId', 'case');
    });
    const { c } = l.row;
    refuse(l, 'merge');
    if (main.row.c.closedAt)
      throw caseErrors.invalid('mainCaseId', 'The main case is closed', 'main_case_closed');
    if (main.row.c.mainCaseId)
      throw caseErrors.invalid('mainCaseId', 'That case is itself a duplicate', 'main_is_duplicate');
    if (main.row.c.parentCaseId)
      throw caseErrors.invalid('mainCaseId', 'Child tasks are not merged', 'child_task_merge');
    const now = new Date();
    await commit(
      tx,
      ctx,
      l,
      {
        set: { mainCaseId: main.row.c.id, closedAt: now },
        events: [
          { kind: 'linked', visibility: 'public', body: main.row.c.reference, data: { main: main.row.c.id } },
        ],
        person: [
          {
            kind: 'merged',
            templateKey: 'merged',
            values: { mainReference: main.row.c.reference },
            includeDuplicates: false,
          },
        ],
        publish: [
          { type: 'linked', data: { main: main.row.c.id, reference: main.row.c.reference } },
          { type: 'closed', data: { merged: true } },
        ],
        audit: { action: 'merged', after: { mainCaseId: main.row.c.id, main: main.row.c.reference } },
      },
      now,
    );
    await commit(
      tx,
      ctx,
      main,
      {
        set: {},
        events: [{ kind: 'linked', body: c.reference, data: { duplicate: c.id } }],
        publish: [{ type: 'linked', data: { duplicate: c.id, reference: c.reference } }],
        audit: { action: 'duplicate_merged', after: { duplicate: c.reference } },
      },
      now,
    );
    return getCaseIn(tx, organisationId, id);
  });
}
