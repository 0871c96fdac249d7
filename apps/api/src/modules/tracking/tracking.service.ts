import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { Db } from '@voordeur/db';
import type { CatalogueItemDefinition, Locale } from '@voordeur/shared';
import { auditWrite } from '../../platform/audit.ts';
import { purposeHmac } from '../../platform/personal-data.ts';
import { TRACKING_TOKEN, trackingHash, trackingToken } from '../../platform/tracking-links.ts';
import { type Write, writeTogether } from '../../platform/writes.ts';
import { safeEqual } from '../../plugins/security.ts';
import {
  caseByReference,
  caseByTrackingHash,
  personCtx,
  reopenRequestRefusal,
  statusValues,
  type TrackingDetail,
  waitsForPerson,
} from '../cases/index.ts';
import { notificationWrites } from '../notifications/index.ts';
import { organisationBySlug } from '../organisations/index.ts';
import { surveyLinkOfCase } from '../surveys/index.ts';
import * as q from './tracking.queries.ts';
import { WORDS } from './tracking.words.ts';

/** Limits of access by reference + email address (ADR 0024-case-tracking-links). */
export const TRACKING_LIMITS = {
  /** How long a one-time code may be used. */
  codeMinutes: 15,
  /** Wrong codes before a code is spent. */
  codeTries: 5,
  /** Code requests per email address, and per client IP address, within the window. */
  requestsPerEmail: 3,
  requestsPerIp: 20,
  windowMinutes: 60,
  /** What a reply or a request to reopen may be long, and how many files a reply may carry. */
  replyFiles: 3,
} as const;

export type Organisation = NonNullable<Awaited<ReturnType<typeof organisationBySlug>>>;

export function findOrganisation(db: Db, slug: string) {
  return organisationBySlug(db, slug);
}

/** The case behind a tracking token, or nothing (a token of the wrong shape is not looked up). */
export async function caseByToken(db: Db, org: Organisation, token: string) {
  if (!TRACKING_TOKEN.test(token)) return undefined;
  return caseByTrackingHash(db, org.id, trackingHash(token));
}

// ---- what the page shows -----------------------------------------------------------------------------------

type Status = CatalogueItemDefinition['handling']['statuses'][number];

/** One entry of the public history: a public status the case reached, when. */
export interface HistoryEntry {
  id: string;
  at: Date;
  label: string;
}

/** A message on the page: from the organisation, or what the person wrote. */
export interface PageMessage {
  id: string;
  at: Date;
  from: 'organisation' | 'person';
  body: string;
  /** What the message is: a question (the case waits), a refusal to reopen, a new date, or plain. */
  kind: 'question' | 'message' | 'reopen_refused' | 'extended' | 'reply' | 'reopen_request';
}

export interface TrackingView {
  reference: string;
  subject: string;
  kind: string;
  status: { label: string; text: string };
  history: HistoryEntry[];
  receivedAt: Date;
  dueAt: Date;
  /** The reason the date was moved, when the norm was extended. */
  extendedBecause: string | null;
  /** The promised date passed while the case was open (or it closed late). */
  late: boolean;
  closedAt: Date | null;
  waiting: boolean;
  /** The case was merged into another report of the same thing: its reference. */
  mergedInto: string | null;
  messages: PageMessage[];
  attachments: number;
  reopen: 'possible' | 'requested' | 'refused' | 'not_possible';
}

/**
 * What the person may see of their case, and nothing else: the public statuses (an internal one shows as the
 * last public status before it), their dates, the promised date with the reason it moved or that it was missed,
 * and the messages between the organisation and the person — never internal notes, staff names or internal
 * statuses.
 */
/** The link of the case's open survey invitation (module surveys), shown on its page; null when there is none. */
export function openSurvey(db: Db, organisation: Organisation, caseId: string) {
  return surveyLinkOfCase(db, organisation.id, caseId);
}

export function trackingView(d: TrackingDetail, language: Locale, now = new Date()): TrackingView {
  const { c } = d.row;
  const def = d.row.definition as CatalogueItemDefinition;
  const statuses = new Map<string, Status>(def.handling.statuses.map((s) => [s.key, s]));
  const history: HistoryEntry[] = [];
  let current: Status | undefined;
  for (const h of d.history) {
    const s = statuses.get(h.status);
    if (s?.visibility !== 'public') continue;
    if (current?.key === s.key) continue;
    current = s;
    history.push({ id: h.id, at: h.at, label: s.label[language] || s.label.nl });
  }
  const first = def.handling.statuses[0]!;
  const shown = statusValues(current ?? first, language);
  const words = WORDS[language];
  const messages: PageMessage[] = [];
  for (const e of d.events) {
    if (e.visibility !== 'public') continue;
    const data = (e.data ?? {}) as Record<string, unknown>;
    if (e.kind === 'message_out')
      messages.push({ id: e.id, at: e.at, from: 'organisation', body: e.body, kind: 'message' });
    else if (e.kind === 'suspended' && typeof data.message === 'string' && data.message)
      messages.push({ id: e.id, at: e.at, from: 'organisation', body: data.message, kind: 'question' });
    else if (e.kind === 'extended')
      messages.push({ id: e.id, at: e.at, from: 'organisation', body: e.body, kind: 'extended' });
    else if (e.kind === 'reopen_refused')
      messages.push({ id: e.id, at: e.at, from: 'organisation', body: e.body, kind: 'reopen_refused' });
    else if (e.kind === 'message_in') {
      const next = d.events[d.events.indexOf(e) + 1];
      const reopening = next?.kind === 'reopen_requested' && next.at.getTime() === e.at.getTime();
      messages.push({
        id: e.id,
        at: e.at,
        from: 'person',
        body: e.body,
        kind: reopening ? 'reopen_request' : 'reply',
      });
    }
  }
  // A public status change with the worker's own words is a message too.
  for (const h of d.history) {
    if (h.note && statuses.get(h.status)?.visibility === 'public')
      messages.push({ id: h.id, at: h.at, from: 'organisation', body: h.note, kind: 'message' });
  }
  messages.sort((a, b) => a.at.getTime() - b.at.getTime());
  // While the case waits for the person, what the organisation wrote since it began waiting is the question.
  const since = waitsForPerson(c) ? c.suspendedSince : null;
  if (since)
    for (const m of messages)
      if (m.from === 'organisation' && m.kind === 'message' && m.at >= since) m.kind = 'question';
  const extension = c.extension as { reason?: string } | null;
  const refusedSinceClosed = d.events.some(
    (e) => e.kind === 'reopen_refused' && c.closedAt !== null && e.at >= c.closedAt,
  );
  let reopen: TrackingView['reopen'] = 'not_possible';
  if (c.closedAt && !c.mainCaseId) {
    if (c.reopenRequestedAt) reopen = 'requested';
    else if (refusedSinceClosed) reopen = 'refused';
    else reopen = reopenRequestRefusal(c, d.events) ? 'not_possible' : 'possible';
  }
  const mergedInto = d.mainReference;
  return {
    reference: c.reference,
    subject: def.name[language]?.trim() || def.name.nl,
    kind: words.kinds[c.kind as keyof typeof words.kinds] ?? words.kinds.other,
    status: { label: shown.status, text: shown.statusText },
    history,
    receivedAt: c.createdAt,
    dueAt: c.dueAt,
    extendedBecause: extension?.reason ?? null,
    late: c.breachedAt !== null || (!c.closedAt && !c.suspendedSince && now > c.dueAt),
    closedAt: c.closedAt,
    waiting: waitsForPerson(c),
    mergedInto,
    messages,
    attachments: d.attachments,
    reopen,
  };
}

// ---- access by reference + email address -------------------------------------------------------------------

const keyOf = (purpose: string, value: string) => purposeHmac(purpose, value).toString('base64url');
const codeHash = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('hex');

export type CodeRequest = { id: string } | { limited: true };

/**
 * Someone asks for a one-time code with a reference and an email address. The answer is the same whether or
 * not the two match a case (no one learns which references or addresses exist): a request row to enter the code
 * for. Only when they match is a 6-digit code sent to that address (its hash kept, 15 minutes, 5 tries). Refused
 * beyond 3 requests per address or 20 per IP address in an hour (counted in the database, so across app nodes).
 */
export async function requestCode(
  db: Db,
  org: Organisation,
  input: { reference: string; email: string; ip: string; language: Locale },
  now = new Date(),
): Promise<CodeRequest> {
  const email = input.email.trim().toLowerCase();
  const reference = input.reference.trim().toUpperCase();
  const keys = { emailKey: keyOf('tracking-email', email), ipKey: keyOf('tracking-ip', input.ip) };
  return db.transaction(async (tx) => {
    const since = new Date(now.getTime() - TRACKING_LIMITS.windowMinutes * 60_000);
    const recent = await q.recentRequests(tx, org.id, keys, since);
    if (recent.byEmail >= TRACKING_LIMITS.requestsPerEmail || recent.byIp >= TRACKING_LIMITS.requestsPerIp)
      return { limited: true } as const;
    const found = reference ? await caseByReference(tx, org.id, reference) : undefined;
    const matches = !!found?.email && email.length > 0 && safeEqual(found.email, email);
    const id = randomUUID();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const ctx = personCtx(org.id);
    const writes: (Write | null)[] = [
      q.insertCode(tx, {
        id,
        organisationId: org.id,
        caseId: matches ? found.id : null,
        ...keys,
        codeHash: matches ? codeHash(id, code) : null,
        expiresAt: new Date(now.getTime() + TRACKING_LIMITS.codeMinutes * 60_000),
        createdAt: now,
      }),
      auditWrite(tx, ctx, {
        entityType: 'tracking_code',
        entityId: id,
        action: 'created',
        after: { matched: matches },
      }),
    ];
    if (matches) {
      const language = found.language;
      const w = WORDS[language].codeMail;
      writes.push(
        ...notificationWrites(tx, [
          {
            organisationId: org.id,
            caseId: found.id,
            kind: 'tracking_code',
            audience: 'person',
            channel: 'email',
            recipient: found.email!,
            language,
            subject: w.subject(reference),
            body: w.body(code, reference, TRACKING_LIMITS.codeMinutes, org.name),
          },
        ]).writes,
      );
    }
    await writeTogether(tx, writes);
    return { id };
  });
}

export type CodeCheck =
  | { ok: true; token: string }
  | { ok: false; reason: 'wrong'; left: number }
  | { ok: false; reason: 'expired' | 'spent' | 'unknown' };

/**
 * Checks an entered code: right (once) → the case's tracking token, to go to its page; wrong → one try fewer
 * (after 5 the code is spent); after 15 minutes expired. A request that matched no case behaves as one whose code
 * is never right.
 */
export async function checkCode(
  db: Db,
  org: Organisation,
  id: string,
  code: string,
  now = new Date(),
): Promise<CodeCheck> {
  return db.transaction(async (tx) => {
    const row = await q.lockCode(tx, org.id, id);
    if (!row) return { ok: false, reason: 'unknown' } as const;
    if (row.usedAt || row.attempts >= TRACKING_LIMITS.codeTries)
      return { ok: false, reason: 'spent' } as const;
    if (row.expiresAt <= now) return { ok: false, reason: 'expired' } as const;
    const ctx = personCtx(org.id);
    const right =
      row.codeHash !== null && row.caseId !== null && safeEqual(row.codeHash, codeHash(id, code.trim()));
    if (right) {
      await writeTogether(tx, [
        q.updateCode(tx, org.id, id, { usedAt: now }),
        auditWrite(tx, ctx, { entityType: 'tracking_code', entityId: id, action: 'login' }),
      ]);
      return { ok: true, token: trackingToken(org.id, row.caseId!) } as const;
    }
    const attempts = row.attempts + 1;
    await writeTogether(tx, [
      q.updateCode(tx, org.id, id, { attempts }),
      auditWrite(tx, ctx, {
        entityType: 'tracking_code',
        entityId: id,
        action: attempts >= TRACKING_LIMITS.codeTries ? 'locked' : 'updated',
        after: { attempts },
      }),
    ]);
    if (attempts >= TRACKING_LIMITS.codeTries) return { ok: false, reason: 'spent' } as const;
    return { ok: false, reason: 'wrong', left: TRACKING_LIMITS.codeTries - attempts } as const;
  });
}

/** Whether a code request exists (the code form of an unknown one says so, as an expired one does). */
export function codeRequestExists(db: Db, org: Organisation, id: string) {
  return q.findCode(db, org.id, id);
}
