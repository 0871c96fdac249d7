import { type Db, readAll } from '@voordeur/db';
import type {
  CallbackSlot,
  ContactOutcome,
  callbackCreateSchema,
  caseCreateFromContactSchema,
  contactCloseSchema,
  contactCreateSchema,
  contactUpdateSchema,
} from '@voordeur/shared';
import type { z } from 'zod';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import {
  addDuration,
  type CalendarDefinition,
  calendarOf,
  instantOf,
  workingMinutesBetween,
} from '../calendar/index.ts';
import { casesOfContact, casesOfCustomer, type IntakeInput, intakeCase } from '../cases/index.ts';
import { findItem, publishedDefinition } from '../catalogue/index.ts';
import { customerErrors, findCustomer, frontOfficeSettings, getCustomer } from '../customers/index.ts';
import { teamIdsIn } from '../teams/index.ts';
import { contactErrors } from './contacts.errors.ts';
import { contactsPolicy } from './contacts.policy.ts';
import * as q from './contacts.queries.ts';

type CreateInput = z.output<typeof contactCreateSchema>;
type UpdateInput = z.output<typeof contactUpdateSchema>;
type CloseInput = z.output<typeof contactCloseSchema>;

/** Checks that what a contact refers to belongs to the caller's organisation; returns the ids to store. */
async function resolveRefs(
  db: Db,
  organisationId: string,
  input: {
    customerId?: string | null | undefined;
    itemCode?: string | null | undefined;
    articleIds?: string[] | undefined;
  },
) {
  const out: { customerId?: string | null; catalogueItemId?: string | null; articleIds?: string[] } = {};
  if (input.customerId !== undefined) {
    if (input.customerId === null) out.customerId = null;
    else {
      const c = await findCustomer(db, organisationId, input.customerId);
      if (!c) throw contactErrors.unknown('customerId', 'customer');
      if (c.mergedIntoId) throw customerErrors.merged(c.mergedIntoId);
      out.customerId = c.id;
    }
  }
  if (input.itemCode !== undefined) {
    if (input.itemCode === null) out.catalogueItemId = null;
    else {
      const item = await findItem(db, organisationId, input.itemCode);
      if (!item) throw contactErrors.unknown('itemCode', 'catalogue item');
      out.catalogueItemId = item.item.id;
    }
  }
  if (input.articleIds !== undefined) {
    const unique = [...new Set(input.articleIds)];
    const found = await q.existingArticles(db, organisationId, unique);
    if (found.length !== unique.length) throw contactErrors.unknown('articleIds', 'article');
    out.articleIds = unique;
  }
  return out;
}

/** Marks a repeat contact, closes the row and adds it to the daily figures: all in the caller's transaction. */
async function finishClose(tx: Db, row: q.ContactRow, values: Partial<q.ContactRow>) {
  const settings = await frontOfficeSettings(tx, row.organisationId);
  const closing = { ...row, ...values };
  let repeatOfId: string | null = null;
  if (closing.customerId && (closing.catalogueItemId || closing.topic)) {
    const since = new Date(closing.startedAt.getTime() - settings.repeatWindowDays * 86_400_000);
    repeatOfId = (await q.earlierOnSameSubject(tx, closing, since))?.id ?? null;
  }
  const closed = await q.updateContact(tx, row.organisationId, row.id, row.version, {
    ...values,
    isRepeat: repeatOfId !== null,
    repeatOfId,
  });
  if (!closed) throw errors.versionConflict();
  return closed;
}

export async function createContact(db: Db, ctx: Ctx, input: CreateInput, idempotencyKey?: string) {
  authorize(ctx.actor, contactsPolicy.register);
  const organisationId = ctx.actor.organisationId;
  const refs = await resolveRefs(db, organisationId, input);
  const team = ctx.actor.userId ? await q.agentTeam(db, organisationId, ctx.actor.userId) : undefined;
  const startedAt = input.startedAt ? new Date(input.startedAt) : new Date();
  const endedAt = input.endedAt ? new Date(input.endedAt) : input.outcome ? new Date() : null;
  if (endedAt && endedAt < startedAt)
    throw errors.validation([{ field: 'endedAt', message: 'Ends before it starts' }]);
  if (input.endedAt && !input.outcome) throw contactErrors.outcomeRequired();
  if (input.outcome === 'referred' && !input.referredTo)
    throw errors.validation([{ field: 'referredTo', message: 'Say to which organisation' }]);
  const result = await db.transaction(async (tx) => {
    const [row] = await q.insertContact(tx, {
      organisationId,
      channel: input.channel,
      direction: input.direction,
      startedAt,
      waitSeconds: input.waitSeconds ?? null,
      customerId: refs.customerId ?? null,
      catalogueItemId: refs.catalogueItemId ?? null,
      topic: input.topic || null,
      question: input.question ?? '',
      answer: input.answer ?? '',
      articleIds: refs.articleIds ?? [],
      agentUserId: ctx.actor.userId,
      teamId: team?.id ?? null,
      language: input.language ?? 'nl',
      idempotencyKey: idempotencyKey ?? null,
    });
    if (!row) return null;
    await recordAudit(tx, ctx, {
      entityType: 'contact',
      entityId: row.id,
      action: 'created',
      after: { channel: row.channel, customerId: row.customerId },
    });
    if (!input.outcome) return row;
    return finishClose(tx, row, { endedAt, outcome: input.outcome, referredTo: input.referredTo ?? null });
  });
  if (result) return { row: result, replayed: false };
  // A retried delivery: the contact exists already. The same content answers with it; other content is an error.
  const existing = await q.findByIdempotencyKey(db, organisationId, idempotencyKey!);
  if (!existing) throw errors.versionConflict();
  const same =
    existing.channel === input.channel &&
    existing.customerId === (refs.customerId ?? null) &&
    (!input.startedAt || existing.startedAt.getTime() === startedAt.getTime());
  if (!same) throw contactErrors.idempotencyConflict();
  return { row: existing, replayed: true };
}

/** What a list of contacts shows besides its own rows: the names it refers to and the cases handed over from each. */
export async function contactLinks(db: Db, organisationId: string, rows: q.ContactRow[]) {
  const [labels, cases] = await Promise.all([
    q.labelsFor(db, organisationId, rows),
    casesOfContact(
      db,
      organisationId,
      rows.map((r) => r.id),
    ),
  ]);
  return { labels, cases };
}

export async function getContact(db: Db, ctx: Ctx, id: string) {
  authorize(ctx.actor, contactsPolicy.register);
  const row = await q.findContact(db, ctx.actor.organisationId, id);
  if (!row) throw errors.notFound('contact');
  return row;
}

export async function listContacts(
  db: Db,
  ctx: Ctx,
  f: {
    customerId?: string | undefined;
    mine?: boolean | undefined;
    open?: boolean | undefined;
    limit: number;
  },
) {
  authorize(ctx.actor, contactsPolicy.register);
  return q.listContacts(
    db,
    ctx.actor.organisationId,
    {
      customerId: f.customerId,
      agentUserId: f.mine ? (ctx.actor.userId ?? undefined) : undefined,
      open: f.open,
    },
    f.limit,
  );
}

async function lockOpen(tx: Db, organisationId: string, id: string, version: number) {
  const row = await q.findContact(tx, organisationId, id, true);
  if (!row) throw errors.notFound('contact');
  if (row.endedAt) throw contactErrors.closed();
  if (row.version !== version) throw errors.versionConflict();
  return row;
}

export async function updateContact(db: Db, ctx: Ctx, id: string, input: UpdateInput) {
  authorize(ctx.actor, contactsPolicy.register);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const before = await lockOpen(tx, organisationId, id, input.version);
    const refs = await resolveRefs(tx, organisationId, input);
    const values: Partial<q.ContactRow> = { ...refs };
    if (input.topic !== undefined) values.topic = input.topic || null;
    if (input.question !== undefined) values.question = input.question;
    if (input.answer !== undefined) values.answer = input.answer;
    if (input.language !== undefined) values.language = input.language;
    const after = await q.updateContact(tx, organisationId, id, input.version, values);
    if (!after) throw errors.versionConflict();
    await recordAudit(tx, ctx, { entityType: 'contact', entityId: id, action: 'updated', before, after });
    return after;
  });
}

export async function closeContact(db: Db, ctx: Ctx, id: string, input: CloseInput) {
  authorize(ctx.actor, contactsPolicy.register);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const before = await lockOpen(tx, organisationId, id, input.version);
    const refs = await resolveRefs(tx, organisationId, input);
    let outcome: ContactOutcome | undefined = input.outcome;
    if (!outcome) {
      const [cases, callbacks] = await readAll(
        tx,
        () => casesOfContact(tx, organisationId, [id]),
        () => q.callbacksOfContact(tx, organisationId, id),
      );
      outcome = cases.length ? 'case' : callbacks.length ? 'callback' : undefined;
    }
    if (!outcome) throw contactErrors.outcomeRequired();
    if (outcome === 'referred' && !input.referredTo)
      throw errors.validation([{ field: 'referredTo', message: 'Say to which organisation' }]);
    const closed = await finishClose(tx, before, {
      ...refs,
      ...(input.answer !== undefined ? { answer: input.answer } : {}),
      endedAt: new Date(),
      outcome,
      referredTo: input.referredTo ?? null,
      statusInquiry: input.statusInquiry ?? false,
    });
    await recordAudit(tx, ctx, {
      entityType: 'contact',
      entityId: id,
      action: 'closed',
      before,
      after: closed,
    });
    return closed;
  });
}

async function publishedItem(db: Db, organisationId: string, code: string, field = 'itemCode') {
  const item = await findItem(db, organisationId, code);
  if (!item) throw contactErrors.unknown(field, 'catalogue item');
  const definition = publishedDefinition(item);
  return { id: item.item.id, versionId: item.published!.id, teamId: item.item.teamId, definition };
}

/**
 * Hands the contact over as a case through the one intake of cases (`intakeCase`), in the contact's transaction:
 * the case is opened for the contact's customer on the contact's channel and linked to it, and the contact takes
 * the case's subject.
 */
export async function createCaseFromContact(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.output<typeof caseCreateFromContactSchema>,
) {
  authorize(ctx.actor, contactsPolicy.register);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const c = await lockOpen(tx, organisationId, id, input.version);
    const opened = await intakeCase(tx, ctx, {
      itemCode: input.itemCode,
      description: input.description,
      answers: input.answers,
      location: input.location,
      priority: input.priority,
      channel: c.channel as IntakeInput['channel'],
      customerId: c.customerId ?? undefined,
      contact: { id: c.id, language: c.language },
    });
    const after = await q.updateContact(tx, organisationId, id, c.version, {
      catalogueItemId: opened.row.c.catalogueItemId,
    });
    return { opened, contact: after! };
  });
}

/** How far ahead a person may choose a callback slot. */
const SLOT_MAX_DAYS = 60;

/**
 * The slot the person chose, as instants in the organisation's time zone; refused (with a reason code) when it
 * is not a time range, has passed, lies too far ahead, or falls wholly outside the opening hours (nobody calls
 * then). The callback is due at its end: the person's own choice outweighs the callback norm both ways.
 */
export function callbackSlot(cal: CalendarDefinition, slot: CallbackSlot | undefined, now: Date) {
  if (!slot) return null;
  const refuse = (field: string, message: string, code: string) =>
    errors.validation([{ field: `slot.${field}`, message, code }], 'The chosen time slot cannot be used.');
  if (slot.to <= slot.from) throw refuse('to', 'Must be later than the start of the slot', 'slot_order');
  const start = instantOf(slot.date, slot.from, cal.timeZone);
  const end = instantOf(slot.date, slot.to, cal.timeZone);
  if (end <= now) throw refuse('date', 'The slot has passed', 'slot_past');
  if (end.getTime() - now.getTime() > SLOT_MAX_DAYS * 86_400_000)
    throw refuse('date', `At most ${SLOT_MAX_DAYS} days ahead`, 'slot_too_far');
  if (workingMinutesBetween(cal, start, end) === 0)
    throw refuse('from', 'The organisation is closed during this slot', 'slot_closed');
  return { start, end };
}

export async function createCallback(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.output<typeof callbackCreateSchema>,
) {
  authorize(ctx.actor, contactsPolicy.register);
  const organisationId = ctx.actor.organisationId;
  const settings = await frontOfficeSettings(db, organisationId);
  const { definition: calendar } = await calendarOf(db, organisationId);
  return db.transaction(async (tx) => {
    const c = await lockOpen(tx, organisationId, id, input.version);
    const item = input.itemCode ? await publishedItem(tx, organisationId, input.itemCode) : undefined;
    const teamId = input.teamId ?? item?.teamId ?? null;
    if (!teamId) throw errors.validation([{ field: 'teamId', message: 'Which team calls back?' }]);
    if (!(await teamIdsIn(tx, organisationId)).some((t) => t.id === teamId))
      throw contactErrors.unknown('teamId', 'team');
    const now = new Date();
    const slot = callbackSlot(calendar, input.slot, now);
    const [cb] = await q.insertCallback(tx, {
      organisationId,
      contactId: c.id,
      customerId: c.customerId,
      teamId,
      catalogueItemId: item?.id ?? null,
      phone: input.phone,
      note: input.note,
      dueAt: slot?.end ?? addDuration(calendar, now, settings.callbackNorm),
      slotStart: slot?.start ?? null,
      slotEnd: slot?.end ?? null,
      createdAt: now,
    });
    await recordAudit(tx, ctx, {
      entityType: 'callback',
      entityId: cb!.id,
      action: 'created',
      after: { contactId: c.id, teamId, dueAt: cb!.dueAt, slot: slot ?? null },
    });
    const after = await q.updateContact(
      tx,
      organisationId,
      id,
      c.version,
      item ? { catalogueItemId: item.id } : {},
    );
    return { callback: cb!, contact: after! };
  });
}

export async function listCallbacks(
  db: Db,
  ctx: Ctx,
  f: {
    teamId?: string | undefined;
    state?: 'open' | 'done';
    overdue?: boolean | undefined;
    customerId?: string;
    id?: string;
  },
) {
  authorize(ctx.actor, contactsPolicy.callbacks);
  const organisationId = ctx.actor.organisationId;
  const rows = await q.listCallbacks(db, organisationId, f);
  const attempts = await q.attemptsOf(
    db,
    organisationId,
    rows.map((r) => r.cb.id),
  );
  return rows.map((r) => ({ ...r, attempts: attempts.filter((a) => a.callbackId === r.cb.id) }));
}

/** One callback request with its attempts, whatever its state. */
export async function getCallback(db: Db, ctx: Ctx, id: string) {
  const [row] = await listCallbacks(db, ctx, { id });
  if (!row) throw errors.notFound('callback');
  return row;
}

export async function recordAttempt(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { result: 'reached' | 'not_reached' | 'message_left'; note?: string | undefined },
) {
  authorize(ctx.actor, contactsPolicy.callbacks);
  const organisationId = ctx.actor.organisationId;
  await db.transaction(async (tx) => {
    const cb = await q.findCallback(tx, organisationId, id, true);
    if (!cb) throw errors.notFound('callback');
    if (cb.state === 'done') throw contactErrors.callbackDone();
    await q.insertAttempt(tx, {
      organisationId,
      callbackId: id,
      result: input.result,
      note: input.note ?? '',
      byUserId: ctx.actor.userId,
      byLabel: ctx.actor.label,
    });
    if (input.result === 'reached') await q.closeCallback(tx, organisationId, id);
    await recordAudit(tx, ctx, {
      entityType: 'callback',
      entityId: id,
      action: 'attempt_recorded',
      changes: { result: { before: null, after: input.result } },
    });
  });
  return getCallback(db, ctx, id);
}

/** The 360° view: the person, what is running, and what happened lately on every channel. */
export async function customerOverview(db: Db, ctx: Ctx, customerId: string) {
  authorize(ctx.actor, contactsPolicy.register);
  const customer = await getCustomer(db, ctx, customerId, 'viewed_overview');
  const [cases, contacts, callbacks] = await Promise.all([
    casesOfCustomer(db, ctx, customerId),
    q.listContacts(db, ctx.actor.organisationId, { customerId }, 10),
    listCallbacks(db, ctx, { state: 'open', customerId }),
  ]);
  return { customer, cases, contacts, callbacks };
}

/**
 * Closes contacts left open past the organisation's limit (an agent closed the browser, a channel never sent
 * the end). Their handling time is capped at the limit; the outcome stays unrecorded and counts as such.
 */
export async function autoCloseStaleContacts(db: Db, now = new Date()) {
  let closed = 0;
  // No organisation closes them sooner than after 15 minutes: only those with a contact open longer are read.
  const organisations = await q.organisationsWithOpenContacts(db, new Date(now.getTime() - 15 * 60_000));
  for (const organisationId of organisations) {
    const settings = await frontOfficeSettings(db, organisationId);
    const limitMs = settings.contactAutoCloseMinutes * 60_000;
    closed += await db.transaction(async (tx) => {
      const stale = await q.staleOpenContacts(tx, organisationId, new Date(now.getTime() - limitMs), 500);
      let n = 0;
      for (const row of stale) {
        await finishClose(tx, row, {
          endedAt: new Date(row.startedAt.getTime() + limitMs),
          closedAutomatically: true,
        });
        n++;
      }
      return n;
    });
  }
  return closed;
}
