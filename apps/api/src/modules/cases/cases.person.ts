import { createHash } from 'node:crypto';
import { type Db, readAll } from '@voordeur/db';
import { CASE_LIMITS } from '@voordeur/shared';
import { type Ctx, systemCtx } from '../../platform/actor.ts';
import { authorize } from '../../platform/policy.ts';
import { type AttachmentFile, checkedFile } from './cases.attachments.ts';
import { resumeFields } from './cases.clock.ts';
import { caseErrors } from './cases.errors.ts';
import { caseActionRules, caseRefusal, statusStopsClock } from './cases.policy.ts';
import * as q from './cases.queries.ts';
import { type Change, change } from './cases.service.ts';

/**
 * What the person does on their case's own page (module tracking): reply when the case waits for them, and ask
 * to look again after it was closed. They are not signed in: the page's private link or one-time code is their
 * proof, and they act as "the person" (the audit trail names them so, never by name).
 */
export const PERSON_LABEL = 'De persoon zelf (via de zaakpagina)';

export function personCtx(organisationId: string): Ctx {
  return systemCtx(organisationId, PERSON_LABEL);
}

/**
 * The case behind a tracking token's hash, or nothing: what its person's page shows and no more (not the audit
 * trail, links or settings the staff's case page reads), in one read of the case and three of its timeline.
 */
export async function caseByTrackingHash(db: Db, organisationId: string, hash: string) {
  const row = await q.caseByTrackingHash(db, organisationId, hash);
  if (!row) return undefined;
  const { c } = row;
  const [history, events, attachments, refs] = await readAll(
    db,
    () => q.historyOf(db, organisationId, c.id),
    () => q.eventsOf(db, organisationId, c.id),
    () => q.attachmentCount(db, organisationId, c.id),
    async () => (c.mainCaseId ? q.referencesOf(db, organisationId, [c.mainCaseId]) : []),
  );
  return { row, history, events, attachments, mainReference: refs[0]?.reference ?? null };
}
export type TrackingDetail = NonNullable<Awaited<ReturnType<typeof caseByTrackingHash>>>;

/** A case and who hears of it, by its reference (asking for a one-time code). */
export async function caseByReference(db: Db, organisationId: string, reference: string) {
  const id = await q.caseIdByReference(db, organisationId, reference);
  if (!id) return undefined;
  const people = await q.personRecipients(db, organisationId, id);
  const own = people.find((p) => p.caseId === id);
  return {
    id,
    email: (own?.customerEmail ?? own?.contactEmail)?.toLowerCase() ?? null,
    language: own?.language === 'en' ? ('en' as const) : ('nl' as const),
  };
}

/** Whether the case waits for the person now: its clock stands still and it is open. */
export const waitsForPerson = (c: { closedAt: Date | null; suspendedSince: Date | null }) =>
  !c.closedAt && c.suspendedSince !== null;

/**
 * The person answers a case that waits for them: a public "message from the person" with their files, and the
 * clock runs again — by moving on from a status that stops the clock (to the first status it leads to that does
 * not), else by ending the suspension. Refused on a closed case and on one that waits for nobody.
 */
export async function replyFromPerson(
  db: Db,
  organisationId: string,
  id: string,
  input: { body: string; files: AttachmentFile[] },
) {
  const ctx = personCtx(organisationId);
  authorize(ctx.actor, caseActionRules.reply);
  const body = input.body.trim().slice(0, CASE_LIMITS.messageMax);
  if (!body && !input.files.length)
    throw caseErrors.invalid('body', 'Write an answer or add a file', 'empty_reply');
  const files = await Promise.all(input.files.map(checkedFile));
  return change(db, ctx, id, undefined, async (l, tx, now) => {
    const { c } = l.row;
    if (c.closedAt) throw caseErrors.closed();
    if (!waitsForPerson(c))
      throw caseErrors.invalid('body', 'The case does not wait for an answer', 'not_waiting');
    const existing = await q.attachmentsOf(tx, organisationId, id);
    if (existing.length + files.length > CASE_LIMITS.attachmentsPerCase)
      throw caseErrors.attachmentRejected(`At most ${CASE_LIMITS.attachmentsPerCase} attachments per case`);
    const events: NonNullable<Change['events']> = [];
    for (const f of files) {
      const [row] = await q.insertAttachment(tx, {
        organisationId,
        caseId: id,
        fileName: f.fileName,
        contentType: f.type.mime,
        size: f.data.length,
        sha256: createHash('sha256').update(f.data).digest('hex'),
        data: f.data,
        byUserId: null,
        byLabel: PERSON_LABEL,
      });
      events.push({
        kind: 'attachment',
        body: f.fileName,
        data: { attachmentId: row!.id, contentType: f.type.mime, size: f.data.length, fromPerson: true },
      });
    }
    // A status that stops the clock is left for the first one it leads to that lets the clock run.
    const next = statusStopsClock({ c, def: l.def })
      ? l.def.handling.statuses.find(
          (s) =>
            !s.final &&
            !s.stopsClock &&
            l.def.handling.transitions.some((t) => t.from === c.status && t.to === s.key),
        )
      : undefined;
    const resumes = !statusStopsClock({ c, def: l.def }) || next !== undefined;
    const result: Change = {
      set: resumes ? resumeFields(l, now) : {},
      ...(next ? { status: { to: next.key, note: '' } } : {}),
      events: [
        { kind: 'message_in', visibility: 'public', body, data: { via: 'tracking_page' } },
        ...events,
        ...(resumes ? [{ kind: 'resumed', body: 'The person answered.' }] : []),
      ],
      publish: [
        { type: 'message_received' },
        ...(files.length ? [{ type: 'attachment_added' as const }] : []),
        ...(next ? [{ type: 'status_changed' as const, data: { from: c.status, to: next.key } }] : []),
        ...(resumes ? [{ type: 'resumed' as const }] : []),
      ],
      audit: {
        action: 'message_received',
        after: { via: 'tracking_page', attachments: files.length, resumed: resumes },
      },
    };
    return result;
  });
}

/**
 * "This is not solved": after closure the person asks to look again, with their reason. The case is flagged
 * (`reopenRequestedAt`) for staff, who reopen it or refuse with a reason the person is told. One request per
 * closure: a second one, or one on an open case, is refused.
 */
export async function requestReopen(db: Db, organisationId: string, id: string, reason: string) {
  const ctx = personCtx(organisationId);
  authorize(ctx.actor, caseActionRules.reply);
  const body = reason.trim().slice(0, CASE_LIMITS.textMax);
  if (!body) throw caseErrors.invalid('reason', 'Say what is not solved', 'empty_reason');
  return change(db, ctx, id, undefined, async (l, tx, now) => {
    const { c } = l.row;
    const refusal = reopenRequestRefusal(c, await q.eventsOf(tx, organisationId, id));
    if (refusal) throw refusal;
    return {
      set: { reopenRequestedAt: now },
      events: [
        { kind: 'message_in', visibility: 'public', body, data: { via: 'tracking_page' } },
        { kind: 'reopen_requested', visibility: 'public', body: 'Not solved, says the person.' },
      ],
      publish: [{ type: 'message_received' }, { type: 'reopen_requested' }],
      audit: { action: 'reopen_requested', after: { via: 'tracking_page' } },
    };
  });
}

/** Why the person may not ask to reopen the case now (null: they may). */
export function reopenRequestRefusal(
  c: { closedAt: Date | null; reopenRequestedAt: Date | null; mainCaseId: string | null },
  events: readonly { kind: string; at: Date }[],
) {
  if (!c.closedAt) return caseErrors.invalid('reason', 'The case is open', 'case_open');
  if (c.mainCaseId) return caseErrors.invalid('reason', 'A merged duplicate', 'merged_duplicate');
  const closedAt = c.closedAt;
  if (c.reopenRequestedAt || events.some((e) => e.kind === 'reopen_requested' && e.at >= closedAt))
    return caseErrors.invalid('reason', 'Asked once already', 'reopen_requested_already');
  return null;
}

/**
 * Staff refuse a person's request to reopen, with the reason the person is told (by their channel, and on their
 * page); the flag is cleared. Reopening is the other answer (`reopen`).
 */
export async function refuseReopen(db: Db, ctx: Ctx, id: string, input: { reason: string; version: number }) {
  authorize(ctx.actor, caseActionRules.refuseReopen);
  return change(db, ctx, id, input.version, (l) => {
    const refusal = caseRefusal({ c: l.row.c, def: l.def }, 'refuseReopen');
    if (refusal) throw refusal;
    return {
      set: { reopenRequestedAt: null },
      events: [{ kind: 'reopen_refused', visibility: 'public', body: input.reason }],
      person: [
        {
          kind: 'message',
          templateKey: 'reopen_refused',
          values: { reason: input.reason },
          includeDuplicates: false,
        },
      ],
      publish: [],
      audit: { action: 'reopen_refused', after: { reason: input.reason } },
    };
  });
}
