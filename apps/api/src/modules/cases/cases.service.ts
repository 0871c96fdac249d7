import { randomUUID } from 'node:crypto';
import { type Db, readAll } from '@voordeur/db';
import type {
  AuditAction,
  CaseListQuery,
  CatalogueItemDefinition,
  Locale,
  PersonReach,
  transitionSchema,
} from '@voordeur/shared';
import type { z } from 'zod';
import type { Ctx } from '../../platform/actor.ts';
import { auditWrite, diff } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { type Write, writeTogether } from '../../platform/writes.ts';
import { errors } from '../../plugins/errors.ts';
import { addDuration, type CalendarDefinition, calendarOf, instantOf, localDate } from '../calendar/index.ts';
import { type NotificationInput, notificationWrites } from '../notifications/index.ts';
import { activeSubscriptions, type CaseEventType, caseEventWrites } from '../webhooks/index.ts';
import { type ComplaintState, dueTimes, resolutionMinutes, resumeFields } from './cases.clock.ts';
import { caseErrors } from './cases.errors.ts';
import {
  channelFor,
  composePersonMessages,
  messages,
  type PersonMessage,
  statusValues,
} from './cases.messages.ts';
import { caseActionRules, caseRefusal, casesPolicy, openChildTasks } from './cases.policy.ts';
import * as q from './cases.queries.ts';
import { caseSettings, type IntakeContext, intakeContext } from './cases.settings.ts';
import { checkIntake } from './intake.ts';

export interface OpenCaseInput {
  item: { id: string; versionId: string; teamId: string | null; definition: CatalogueItemDefinition };
  description: string;
  answers: Record<string, unknown>;
  location?:
    | {
        address?: object | undefined;
        lat?: number | undefined;
        lon?: number | undefined;
        description?: string | undefined;
      }
    | undefined;
  area: string | null;
  /** The location's place in WGS84 degrees (picked, or its register address's), for nearby search and maps. */
  point?: { lat: number; lon: number } | null | undefined;
  customerId: string | null;
  contactId: string | null;
  channel: string;
  priority: string;
  /** Prefix of the human-friendly reference, e.g. VB → VB-2026-000123. */
  referencePrefix: string;
  language?: Locale | undefined;
  contactEmail?: string | null | undefined;
  aboutCaseId?: string | null | undefined;
  parent?: { id: string; reference: string; number: number } | undefined;
  /** The case number, when the caller drew it outside its transaction (see intakeCase). */
  number?: number | undefined;
  /** The organisation's settings and calendar (and templates, webhooks), when the caller has read them already. */
  context?:
    | {
        settings: IntakeContext['settings'];
        calendar: CalendarDefinition;
        templates?: IntakeContext['templates'];
        webhooks?: IntakeContext['webhooks'];
      }
    | undefined;
  /**
   * Who hears of the case (a new case has no merged duplicates yet): the customer record, whose email or else
   * postal address is used; nobody when absent.
   */
  recipients?: CaseRecipient | undefined;
  teamId?: string | null | undefined;
  now?: Date;
  /** The new case's id and the hash of its tracking token, when the intake made them (cases.intake.ts). */
  tracking?: { id: string; hash: string } | undefined;
}

/** The person of a new case as the caller read them (the customer record has these fields). */
export interface CaseRecipient {
  name: string | null;
  email: string | null;
  preferredChannel?: string | null | undefined;
  street?: string | null | undefined;
  houseNumber?: number | null | undefined;
  houseLetter?: string | null | undefined;
  houseAddition?: string | null | undefined;
  postcode?: string | null | undefined;
  city?: string | null | undefined;
}

/** What one action does to a case, written together in one transaction by {@link commit}. */
export interface Change {
  set: q.CaseUpdate;
  status?: { to: string; note?: string };
  events?: {
    kind: string;
    visibility?: 'internal' | 'public';
    body?: string;
    data?: Record<string, unknown>;
  }[];
  person?: PersonMessage[];
  staff?: NotificationInput[];
  publish: { type: CaseEventType; data?: Record<string, unknown> }[];
  audit: { action: AuditAction; before?: object; after?: object };
}

/**
 * Opens a case: under the published version of its item, in the item's first status, with due times from the
 * norms in the organisation's working time, its status history, audit event, the person's confirmation (when
 * the first status is public) and the CloudEvent — all written in one statement (ADR 0006), so it is atomic
 * with or without the caller's transaction.
 */
export async function openCase(tx: Db, ctx: Ctx, input: OpenCaseInput) {
  authorize(ctx.actor, casesPolicy.create);
  const organisationId = ctx.actor.organisationId;
  const def = input.item.definition;
  if (def.kind === 'question') throw caseErrors.notForCases();
  const intake = input.parent
    ? { answers: {}, problems: [] }
    : checkIntake(def.intakeFields, input.answers, input.location !== undefined);
  if (intake.problems.length) throw caseErrors.intakeInvalid(intake.problems);
  const now = input.now ?? new Date();
  const context = input.context ?? (await intakeContext(tx, organisationId));
  const { calendar, settings } = context;
  let reference: string;
  if (input.parent) reference = `${input.parent.reference}-T${input.parent.number}`;
  else {
    const year = Number(localDate(now, calendar.timeZone).slice(0, 4));
    const number = input.number ?? (await q.nextCaseNumber(tx, organisationId, year));
    reference = `${input.referencePrefix}-${year}-${String(number).padStart(6, '0')}`;
  }
  const first = def.handling.statuses[0]!;
  const times = dueTimes(calendar, def, settings, {
    createdAt: now,
    kind: def.kind,
    suspensions: [],
    extension: null,
    complaint: null,
  });
  const isComplaint = def.kind === 'complaint' && !input.parent;
  const id = input.tracking?.id ?? randomUUID();
  const writes: (Write | null)[] = [];
  writes.push(
    q.insertCase(tx, {
      id,
      organisationId,
      reference,
      catalogueItemId: input.item.id,
      itemVersionId: input.item.versionId,
      kind: def.kind,
      subject: def.name.nl,
      description: input.description,
      answers: intake.answers,
      location: input.location ?? null,
      locationLat: input.point?.lat ?? null,
      locationLon: input.point?.lon ?? null,
      area: input.area,
      customerId: input.customerId,
      contactId: input.contactId,
      channel: input.channel,
      priority: input.priority,
      teamId: input.teamId !== undefined ? input.teamId : input.item.teamId,
      status: first.key,
      statusChangedAt: now,
      ...times,
      language: input.language ?? 'nl',
      contactEmail: input.contactEmail ?? null,
      aboutCaseId: input.aboutCaseId ?? null,
      parentCaseId: input.parent?.id ?? null,
      acknowledgeDueAt: isComplaint ? addDuration(calendar, now, settings.complaintAcknowledgeWithin) : null,
      // Its first CloudEvent, 'created', is number 1.
      eventSequence: 1,
      complaint: isComplaint ? emptyComplaint() : null,
      suspendedSince: first.stopsClock ? now : null,
      suspendedReason: first.stopsClock ? first.label.nl : null,
      trackingHash: input.tracking?.hash ?? null,
      createdAt: now,
    }),
  );
  const status = {
    id: randomUUID(),
    organisationId,
    caseId: id,
    status: first.key,
    byUserId: ctx.actor.userId,
    byLabel: ctx.actor.label,
    note: '',
    at: now,
  };
  writes.push(q.insertStatusChange(tx, status));
  const created = {
    reference,
    item: def.code,
    status: first.key,
    customerId: input.customerId,
    contactId: input.contactId,
  };
  writes.push(auditWrite(tx, ctx, { entityType: 'case', entityId: id, action: 'created', after: created }));
  // The case is not written yet, so its person cannot be read through it: the caller says who it is.
  const who = input.recipients ?? { name: null, email: null };
  const recipient = {
    caseId: id,
    reference,
    language: input.language ?? 'nl',
    contactEmail: input.contactEmail ?? null,
    customerName: who.name,
    customerEmail: who.email,
    customerLanguage: null,
    preferredChannel: who.preferredChannel ?? null,
    street: who.street ?? null,
    houseNumber: who.houseNumber ?? null,
    houseLetter: who.houseLetter ?? null,
    houseAddition: who.houseAddition ?? null,
    postcode: who.postcode ?? null,
    city: who.city ?? null,
  };
  if (first.visibility === 'public' && !input.parent) {
    const { items } = await composePersonMessages(
      tx,
      organisationId,
      { id, reference, parentCaseId: null, dueAt: times.dueAt, definition: def },
      {
        kind: 'status',
        templateKey: 'received',
        values: {},
        localValues: (l) => statusValues(first, l),
        includeDuplicates: false,
      },
      settings,
      { recipient, templates: context.templates },
    );
    writes.push(...notificationWrites(tx, items).writes);
  }
  const published = [
    {
      organisationId,
      type: 'created' as const,
      caseId: id,
      reference,
      sequence: 1,
      time: now,
      data: { item: def.code, kind: def.kind, status: first.key, dueAt: times.dueAt.toISOString() },
    },
  ];
  writes.push(
    ...caseEventWrites(tx, published, context.webhooks ?? (await activeSubscriptions(tx, organisationId))),
  );
  // Every row of the new case in one statement: without a transaction of the caller's, it is still atomic.
  await writeTogether(tx, writes);
  // A new case has nothing else yet: its page is built from what was just written (one read for the joins).
  const full = await q.findCase(tx, organisationId, id);
  const refs = input.parent ? [{ id: input.parent.id, reference: input.parent.reference }] : [];
  if (input.aboutCaseId) refs.push(...(await q.referencesOf(tx, organisationId, [input.aboutCaseId])));
  return {
    row: full!,
    history: [status],
    events: [],
    audit: [{ action: 'created', at: now, by: ctx.actor.label, changes: diff(null, created) as unknown }],
    attachments: [],
    linked: [],
    refs,
    settings,
    reach: input.parent ? 'none' : (channelFor(recipient)?.channel ?? 'none'),
  } satisfies CaseDetail;
}

function emptyComplaint(): ComplaintState {
  return { advisoryCommittee: false, hearing: null, extension: null, decision: null };
}

/** Everything the case page shows: the case, its history, timeline events, audit, links and attachments. */
export async function getCaseIn(db: Db, organisationId: string, id: string) {
  const row = await q.findCase(db, organisationId, id);
  if (!row) throw errors.notFound('case');
  const c = row.c;
  const [history, events, audit, attachments, linked, refs, settings, people] = await readAll(
    db,
    () => q.historyOf(db, organisationId, id),
    () => q.eventsOf(db, organisationId, id),
    () => q.auditOf(db, organisationId, id),
    () => q.attachmentsOf(db, organisationId, id),
    () => q.linkedCases(db, organisationId, id),
    () =>
      q.referencesOf(
        db,
        organisationId,
        [c.parentCaseId, c.mainCaseId, c.aboutCaseId].filter((x): x is string => !!x),
      ),
    () => caseSettings(db, organisationId),
    async () => (c.parentCaseId ? [] : q.personRecipients(db, organisationId, id)),
  );
  const own = people.find((p) => p.caseId === id);
  const reach: PersonReach = (own && channelFor(own)?.channel) || 'none';
  return { row, history, events, audit, attachments, linked, refs, settings, reach };
}
export type CaseDetail = Awaited<ReturnType<typeof getCaseIn>>;

export async function getCase(db: Db, ctx: Ctx, id: string) {
  authorize(ctx.actor, casesPolicy.read);
  return getCaseIn(db, ctx.actor.organisationId, id);
}

export async function listCases(db: Db, ctx: Ctx, query: CaseListQuery) {
  authorize(ctx.actor, casesPolicy.read);
  const organisationId = ctx.actor.organisationId;
  const { definition: cal } = await calendarOf(db, organisationId);
  const now = new Date();
  const today = localDate(now, cal.timeZone);
  return q.listCases(
    db,
    organisationId,
    query,
    ctx.actor.userId,
    now,
    startOfDay(today, 1, cal.timeZone),
    startOfDay(today, 7, cal.timeZone),
  );
}

/**
 * The instant the local day `days` after `date` (YYYY-MM-DD) begins in the zone: the end of today is the start
 * of tomorrow. Days are counted on the calendar, so a day of 23 or 25 hours (summer time) is one day.
 */
export function startOfDay(date: string, days: number, timeZone: string): Date {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return instantOf(day.toISOString().slice(0, 10), '00:00', timeZone);
}

export async function casesOfCustomer(db: Db, ctx: Ctx, customerId: string) {
  authorize(ctx.actor, casesPolicy.read);
  const organisationId = ctx.actor.organisationId;
  const [open, recent] = await Promise.all([
    q.casesOfCustomer(db, organisationId, customerId, true, 50),
    q.casesOfCustomer(db, organisationId, customerId, false, 10),
  ]);
  return { open, recent };
}

// ---- changing a case ---------------------------------------------------------------------------------------

export interface Loaded {
  row: q.CaseRow;
  def: CatalogueItemDefinition;
  settings: Awaited<ReturnType<typeof caseSettings>>;
  calendar: Awaited<ReturnType<typeof calendarOf>>['definition'];
}

/** Loads a case for a change and checks the version the caller saw (409 when someone else changed it). */
export async function loadForChange(
  tx: Db,
  organisationId: string,
  id: string,
  version?: number,
): Promise<Loaded> {
  const [row, settings, { definition: calendar }] = await readAll(
    tx,
    () => q.findCase(tx, organisationId, id),
    () => caseSettings(tx, organisationId),
    () => calendarOf(tx, organisationId),
  );
  if (!row) throw errors.notFound('case');
  if (version !== undefined && row.c.version !== version) throw errors.versionConflict();
  return { row, def: row.definition as CatalogueItemDefinition, settings, calendar };
}

/**
 * Writes one change of a case: the row (version-checked), the status history, timeline events, the person's
 * messages and staff notices (outbox), CloudEvents and the audit event — all in the caller's transaction.
 */
export async function commit(tx: Db, ctx: Ctx, l: Loaded, change: Change, now = new Date()) {
  const { c } = l.row;
  const organisationId = c.organisationId;
  const set = { ...change.set };
  if (change.status) {
    set.status = change.status.to;
    set.statusChangedAt = now;
  }
  // ---- monitoring (issue 14, rollups): the working time to resolve, set at closure and cleared by a reopen ----
  if (set.closedAt instanceof Date)
    set.resolutionMinutes = resolutionMinutes(
      l.calendar,
      {
        createdAt: c.createdAt,
        suspensions: set.suspensions ?? c.suspensions,
        suspendedSince: set.suspendedSince !== undefined ? set.suspendedSince : c.suspendedSince,
      },
      set.closedAt,
    );
  else if (set.closedAt === null) set.resolutionMinutes = null;
  const updated = await q.updateCase(tx, organisationId, c.id, c.version, set, change.publish.length);
  if (!updated) throw errors.versionConflict();
  // Everything else the change writes goes in one statement after the version-checked update.
  const writes: (Write | null)[] = [];
  if (change.status) {
    writes.push(
      q.insertStatusChange(tx, {
        organisationId,
        caseId: c.id,
        status: change.status.to,
        byUserId: ctx.actor.userId,
        byLabel: ctx.actor.label,
        note: change.status.note ?? '',
        at: now,
      }),
    );
  }
  const messages: NotificationInput[] = [];
  for (const m of change.person ?? []) {
    const { items } = await composePersonMessages(
      tx,
      organisationId,
      {
        id: c.id,
        reference: c.reference,
        parentCaseId: c.parentCaseId,
        dueAt: set.dueAt ?? c.dueAt,
        definition: l.def,
      },
      m,
      l.settings,
    );
    messages.push(...items);
  }
  writes.push(...notificationWrites(tx, [...messages, ...(change.staff ?? [])]).writes);
  writes.push(
    q.insertEvents(
      tx,
      (change.events ?? []).map((e) => ({
        organisationId,
        caseId: c.id,
        kind: e.kind,
        visibility: e.visibility ?? 'internal',
        body: e.body ?? '',
        data: {
          ...e.data,
          ...(messages.length && e.visibility === 'public'
            ? { notified: messages.map((m) => m.recipient) }
            : {}),
        },
        byUserId: ctx.actor.userId,
        byLabel: ctx.actor.label,
        at: now,
      })),
    ),
  );
  // The row lock of the version-checked update orders every change of the case: its numbers are the next ones.
  const firstSequence = updated.eventSequence - change.publish.length + 1;
  const published = change.publish.map((p, i) => ({
    organisationId,
    type: p.type,
    caseId: c.id,
    reference: c.reference,
    sequence: firstSequence + i,
    time: now,
    data: { status: set.status ?? c.status, ...p.data },
  }));
  if (published.length)
    writes.push(...caseEventWrites(tx, published, await activeSubscriptions(tx, organisationId)));
  writes.push(auditWrite(tx, ctx, { entityType: 'case', entityId: c.id, ...change.audit }));
  await writeTogether(tx, writes);
  return updated;
}

/** Runs a change in a transaction and returns the case as it is afterwards. */
export async function change(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number | undefined,
  build: (l: Loaded, tx: Db, now: Date) => Promise<Change> | Change,
) {
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const l = await loadForChange(tx, organisationId, id, version);
    const now = new Date();
    const ch = await build(l, tx, now);
    await commit(tx, ctx, l, ch, now);
    return getCaseIn(tx, organisationId, id);
  });
}

export async function transition(db: Db, ctx: Ctx, id: string, input: z.output<typeof transitionSchema>) {
  authorize(ctx.actor, caseActionRules.transition);
  return change(db, ctx, id, input.version, async (l, tx, now) => {
    const { c } = l.row;
    const state = { c, def: l.def };
    const target = l.def.handling.statuses.find((s) => s.key === input.to);
    // Into a final status the child tasks still open are read as well: none may stay open.
    const openChildren = target?.final
      ? openChildTasks(c.id, await q.linkedCases(tx, c.organisationId, c.id))
      : [];
    const refusal = caseRefusal(state, 'transition', { to: input.to, openChildren });
    if (refusal || !target) throw refusal;
    const set: q.CaseUpdate = {};
    const events: NonNullable<Change['events']> = [];
    const publish: Change['publish'] = [{ type: 'status_changed', data: { from: c.status, to: target.key } }];
    // Leaving a status that stops the clock resumes it; entering one stops it.
    if (c.suspendedSince && !target.stopsClock) {
      Object.assign(set, resumeFields(l, now));
      events.push({ kind: 'resumed', data: { since: c.suspendedSince.toISOString() } });
    } else if (!c.suspendedSince && target.stopsClock) {
      Object.assign(set, { suspendedSince: now, suspendedReason: target.label.nl });
      events.push({ kind: 'suspended', body: target.label.nl });
    }
    if (target.final) {
      const dueAt = (set.dueAt as Date | undefined) ?? c.dueAt;
      const late = now > dueAt && !c.suspendedSince;
      if (late || c.breachedAt) {
        const reasons = l.settings.breachReasons.map((r) => r.code);
        const problems = [];
        if (!input.breachReason || !reasons.includes(input.breachReason))
          problems.push({ field: 'breachReason', message: `One of: ${reasons.join(', ')}` });
        if (!input.breachNote)
          problems.push({ field: 'breachNote', message: 'Explain why the norm was not met' });
        if (problems.length) throw caseErrors.breachReason(problems);
        Object.assign(set, {
          breachedAt: c.breachedAt ?? now,
          breachReason: input.breachReason,
          breachNote: input.breachNote,
        });
      }
      // Closing again also ends a follow-up a survey answer asked for (issue 13: surveys).
      Object.assign(set, { closedAt: now, reopenRequestedAt: null, followUpAt: null, followUpReason: null });
      publish.push({
        type: 'closed',
        data: { late: !!(late || c.breachedAt), breachReason: input.breachReason ?? null },
      });
    }
    const person: PersonMessage[] = [];
    if (target.visibility === 'public' && input.notify) person.push(messages.status(target, input.message));
    return {
      set,
      status: { to: target.key, note: input.message ?? '' },
      events,
      person,
      publish,
      audit: {
        action: target.final ? 'closed' : 'status_changed',
        before: { status: c.status },
        after: { status: target.key, ...(set.breachReason ? { breachReason: set.breachReason } : {}) },
      },
    };
  });
}
