/**
 * My page: sign-in by an email link, the resident's session, and what a resident may read and change of their own
 * records. A resident is whoever proved to hold an email address; their records are the organisation's customers
 * with that address (and cases given with it). Nothing here takes a staff actor, and no staff session reaches it.
 */
import Tokens from '@fastify/csrf';
import type { Db } from '@voordeur/db';
import {
  type CatalogueItemDefinition,
  CONSENT_PURPOSE,
  consentKindOf,
  type Locale,
  RESIDENT_CONSENT_KINDS,
  RESIDENT_LINK_MINUTES,
  type ResidentChannel,
  type ResidentConsentKind,
} from '@voordeur/shared';
import type { Actor, Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { randomSecret, sha256 } from '../../platform/secrets.ts';
import { trackingLink } from '../../platform/tracking-links.ts';
import { errors } from '../../plugins/errors.ts';
import { localDate } from '../calendar/index.ts';
import { queueNotifications, replaceNotificationBodies } from '../notifications/index.ts';
import { organisationBySlug } from '../organisations/index.ts';
import { residentErrors } from './residents.errors.ts';
import * as q from './residents.queries.ts';

const csrfTokens = new Tokens({ userInfo: false });

/** A resident session ends after 30 idle minutes, and at the latest 8 hours after sign-in. */
export const RESIDENT_IDLE_MINUTES = 30;
export const RESIDENT_MAX_HOURS = 8;
/** Links are kept a day after they were asked for: the hourly limits read them, the cleanup removes them. */
const LINKS_KEPT_HOURS = 24;

export interface SignInLimits {
  perEmailPerHour: number;
  perIpPerHour: number;
}

/** The actor of a resident's own changes in the audit trail. */
function residentCtx(organisationId: string, requestId: string): Ctx {
  const actor: Actor = {
    kind: 'resident',
    organisationId,
    userId: null,
    tokenId: null,
    sessionId: null,
    roles: new Set(),
    label: 'Inwoner (Mijn pagina)',
  };
  return { actor, requestId };
}

async function organisationOf(db: Db, slug: string) {
  const org = await organisationBySlug(db, slug);
  if (!org) throw errors.notFound('organisation');
  return org;
}

const WORDS = {
  nl: {
    subject: (org: string) => `Uw link voor Mijn pagina van ${org}`,
    body: (org: string, link: string) =>
      [
        'Goedendag,',
        '',
        `U vroeg om een link om in te loggen op Mijn pagina van ${org}.`,
        `Open de link hieronder. De link werkt ${RESIDENT_LINK_MINUTES} minuten en maar één keer.`,
        '',
        link,
        '',
        'Heeft u hier niet om gevraagd? Dan hoeft u niets te doen. Zonder deze link kan niemand inloggen.',
        '',
        'Met vriendelijke groet,',
        org,
      ].join('\n'),
  },
  en: {
    subject: (org: string) => `Your link for My page of ${org}`,
    body: (org: string, link: string) =>
      [
        'Hello,',
        '',
        `You asked for a link to sign in to My page of ${org}.`,
        `Open the link below. It works for ${RESIDENT_LINK_MINUTES} minutes, and only once.`,
        '',
        link,
        '',
        'Did you not ask for this? Then you need not do anything. Nobody can sign in without this link.',
        '',
        'Kind regards,',
        org,
      ].join('\n'),
  },
} as const;

export interface LinkRequest {
  slug: string;
  email: string;
  language: Locale;
  ip: string;
  publicUrl: string;
  requestId: string;
}

/**
 * Sends a sign-in link to an address, whether or not the organisation knows it (a new address simply has nothing
 * yet): the answer and the work are the same for every address, so nobody learns who is a customer. Refused (429)
 * after too many links for one address or from one IP within the hour — counted in the database, so every app
 * node counts the same.
 */
export async function requestLink(db: Db, limits: SignInLimits, input: LinkRequest, now = new Date()) {
  const org = await organisationOf(db, input.slug);
  const email = input.email.trim().toLowerCase();
  const ipHash = sha256(`resident-ip:${input.ip}`);
  const recent = await q.recentSignIns(db, org.id, email, ipHash, new Date(now.getTime() - 3_600_000));
  if (recent.byEmail >= limits.perEmailPerHour || recent.byIp >= limits.perIpPerHour) {
    throw residentErrors.tooManyLinks();
  }
  const secret = randomSecret(32);
  const link = `${input.publicUrl.replace(/\/$/, '')}/p/${org.slug}/mijn/inloggen/${secret}`;
  const words = WORDS[input.language];
  await db.transaction(async (tx) => {
    const [notificationId] = await queueNotifications(tx, [
      {
        organisationId: org.id,
        caseId: null,
        kind: 'sign_in_link',
        audience: 'person',
        channel: 'email',
        recipient: email,
        language: input.language,
        subject: words.subject(org.name),
        body: words.body(org.name, link),
      },
    ]);
    await q.insertSignIn(tx, {
      id: sha256(secret),
      organisationId: org.id,
      email,
      ipHash,
      language: input.language,
      notificationId: notificationId ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESIDENT_LINK_MINUTES * 60_000),
    });
  });
  return { minutes: RESIDENT_LINK_MINUTES };
}

/** What the delivery log keeps of a sign-in email once its link is used or expired. */
const SPENT_LINK = {
  nl: 'Deze e-mail had een link om in te loggen op Mijn pagina. De link is gebruikt of verlopen en is daarom weggehaald.',
  en: 'This email had a link to sign in to My page. The link was used or has expired, so it was removed.',
} as const;

export type LinkState = 'valid' | 'used' | 'expired' | 'unknown';

/** What a sign-in link is now, without using it (the page that asks to confirm the sign-in). */
export async function linkState(db: Db, slug: string, secret: string, now = new Date()) {
  const org = await organisationBySlug(db, slug);
  if (!org) return { org: null, state: 'unknown' as LinkState };
  const row = await q.findSignIn(db, org.id, sha256(secret));
  const state: LinkState = !row
    ? 'unknown'
    : row.usedAt
      ? 'used'
      : row.expiresAt <= now
        ? 'expired'
        : 'valid';
  return { org, state, language: (row?.language === 'en' ? 'en' : 'nl') as Locale };
}

/**
 * Uses a sign-in link (once: of two requests with the same link only one succeeds) and starts a resident session.
 * Returns the session cookie's value, or the reason the link does not work.
 */
export async function signInWithLink(
  db: Db,
  slug: string,
  secret: string,
  requestId: string,
  now = new Date(),
): Promise<
  | { ok: true; cookieValue: string; slug: string; language: string }
  | { ok: false; state: Exclude<LinkState, 'valid'> }
> {
  const org = await organisationBySlug(db, slug);
  if (!org) return { ok: false as const, state: 'unknown' as const };
  return db.transaction(async (tx) => {
    const used = await q.markSignInUsed(tx, org.id, sha256(secret), now);
    if (!used) {
      const row = await q.findSignIn(tx, org.id, sha256(secret));
      const state = !row ? ('unknown' as const) : row.usedAt ? ('used' as const) : ('expired' as const);
      return { ok: false as const, state };
    }
    // The email has done its work: the delivery log keeps no live link.
    if (used.notificationId)
      await replaceNotificationBodies(
        tx,
        org.id,
        [used.notificationId],
        SPENT_LINK[used.language === 'en' ? 'en' : 'nl'],
      );
    const cookieValue = randomSecret(32);
    await q.insertSession(tx, {
      id: sha256(cookieValue),
      organisationId: org.id,
      email: used.email,
      csrfSecret: csrfTokens.secretSync(),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + RESIDENT_IDLE_MINUTES * 60_000),
      absoluteExpiresAt: new Date(now.getTime() + RESIDENT_MAX_HOURS * 3_600_000),
    });
    const ctx = residentCtx(org.id, requestId);
    for (const c of await q.customersByEmail(tx, org.id, used.email)) {
      await recordAudit(tx, ctx, { entityType: 'customer', entityId: c.id, action: 'login' });
    }
    return { ok: true as const, cookieValue, slug: org.slug, language: used.language };
  });
}

/** The resident of a session cookie, for the organisation of `slug`: a session of another organisation is none. */
export interface Resident {
  organisationId: string;
  organisationName: string;
  slug: string;
  email: string;
  sessionId: string;
  csrfSecret: string;
  requestId: string;
}

export async function residentOf(
  db: Db,
  cookieValue: string | undefined,
  slug: string,
  requestId: string,
  now = new Date(),
): Promise<Resident | null> {
  if (!cookieValue || cookieValue.length > 200) return null;
  const id = sha256(cookieValue);
  const row = await q.findLiveSession(db, id, now);
  if (!row || row.slug !== slug) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await q.touchSession(
      db,
      row.organisationId,
      id,
      now,
      new Date(now.getTime() + RESIDENT_IDLE_MINUTES * 60_000),
    );
  }
  return {
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    slug,
    email: row.email,
    sessionId: id,
    csrfSecret: row.csrfSecret,
    requestId,
  };
}

export function csrfTokenFor(resident: Resident) {
  return csrfTokens.create(resident.csrfSecret);
}

export function csrfTokenValid(resident: Resident, token: string | undefined) {
  return (
    typeof token === 'string' &&
    token.length > 0 &&
    token.length < 200 &&
    csrfTokens.verify(resident.csrfSecret, token)
  );
}

export async function signOut(db: Db, resident: Resident) {
  await db.transaction(async (tx) => {
    await q.deleteSession(tx, resident.sessionId);
    const ctx = residentCtx(resident.organisationId, resident.requestId);
    for (const c of await q.customersByEmail(tx, resident.organisationId, resident.email)) {
      await recordAudit(tx, ctx, { entityType: 'customer', entityId: c.id, action: 'logout' });
    }
  });
}

// ---- reading ----------------------------------------------------------------------------------------------

type Local = { nl: string; en: string | null };
const local = (text: { nl: string; en?: string | undefined } | undefined): Local | null =>
  text ? { nl: text.nl, en: text.en?.trim() ? text.en : null } : null;

/**
 * Everything of the resident, for My page and the download. Reading it is recorded on each of their customers,
 * as a staff member's reading of a profile is (`viewed`).
 */
export async function recordsOf(db: Db, resident: Resident) {
  const org = resident.organisationId;
  const customers = await q.customersByEmail(db, org, resident.email);
  const ids = customers.map((c) => c.id);
  const [cases, contacts, consents] = await Promise.all([
    q.casesOf(db, org, ids, resident.email),
    q.contactsOf(db, org, ids),
    q.consentsOf(db, org, ids),
  ]);
  const caseIds = cases.map((c) => c.id);
  const [history, messages] = await Promise.all([
    q.historyOf(db, org, caseIds),
    q.messagesOf(db, org, caseIds),
  ]);
  const ctx = residentCtx(org, resident.requestId);
  await db.transaction(async (tx) => {
    for (const id of ids)
      await recordAudit(tx, ctx, { entityType: 'customer', entityId: id, action: 'viewed' });
  });

  const residentCases = cases.map((c) => {
    const def = c.definition as CatalogueItemDefinition;
    const isPublic = (status: string) =>
      def.handling.statuses.find((s) => s.key === status)?.visibility === 'public';
    const labelOf = (status: string) =>
      local(def.handling.statuses.find((s) => s.key === status)?.label) ?? { nl: status, en: null };
    const steps = history.filter((h) => h.caseId === c.id && isPublic(h.status));
    const current = isPublic(c.status) ? c.status : steps.at(-1)?.status;
    const location = c.location as {
      description?: string;
      address?: { street: string; houseNumber: number; postcode: string; city: string };
    } | null;
    return {
      id: c.id,
      reference: c.reference,
      item: local(def.name) ?? { nl: c.subject, en: null },
      status: current ? labelOf(current) : null,
      closed: c.closedAt !== null,
      createdAt: c.createdAt.toISOString(),
      expectedDate: c.closedAt ? null : localDate(c.dueAt),
      closedAt: c.closedAt?.toISOString() ?? null,
      trackingUrl: trackingLink(resident.slug, org, c.id),
      description: c.description,
      channel: c.channel,
      location: location?.address
        ? `${location.address.street} ${location.address.houseNumber}, ${location.address.postcode} ${location.address.city}`
        : (location?.description ?? null),
      history: steps.map((h) => ({ at: h.at.toISOString(), status: labelOf(h.status) })),
      messages: messages
        .filter((m) => m.caseId === c.id)
        .map((m) => ({
          at: m.at.toISOString(),
          from: m.kind === 'message_in' ? ('you' as const) : ('organisation' as const),
          body: m.body,
        })),
    };
  });

  const residentContacts = contacts.map((c) => {
    const def = c.itemDefinition as CatalogueItemDefinition | null;
    return {
      id: c.id,
      at: c.startedAt.toISOString(),
      channel: c.channel,
      direction: (c.direction === 'out' ? 'out' : 'in') as 'in' | 'out',
      subject: (def ? local(def.name) : null) ?? (c.topic ? { nl: c.topic, en: null } : null),
    };
  });

  const consentHistory = consents.map((k) => ({
    kind: consentKindOf(k.purpose),
    granted: k.granted,
    recordedAt: k.recordedAt.toISOString(),
    recordedBy: k.recordedBy,
  }));
  const first = customers[0];
  return {
    customers,
    cases: residentCases,
    contacts: residentContacts,
    consentHistory,
    preferences: {
      channel: (first?.preferredChannel === 'email' || first?.preferredChannel === 'letter'
        ? first.preferredChannel
        : null) as ResidentChannel | null,
      language: (first?.preferredLanguage === 'nl' || first?.preferredLanguage === 'en'
        ? first.preferredLanguage
        : null) as Locale | null,
    },
    consents: RESIDENT_CONSENT_KINDS.map((kind) => ({
      kind,
      // Newest first: the first of its kind is the current choice.
      granted: consents.find((k) => k.purpose === CONSENT_PURPOSE[kind])?.granted ?? null,
    })),
  };
}

// ---- changing ---------------------------------------------------------------------------------------------

async function ownCustomers(tx: Db, resident: Resident) {
  const customers = await q.customersByEmail(tx, resident.organisationId, resident.email, true);
  // Nothing to keep a choice on yet: the organisation knows no customer with this address.
  if (!customers.length) throw errors.notFound('customer');
  return customers;
}

/** Saves how the resident wants to hear back, and in which language, on each of their customers (audited). */
export async function savePreferences(
  db: Db,
  resident: Resident,
  input: { channel: ResidentChannel; language: Locale },
) {
  const ctx = residentCtx(resident.organisationId, resident.requestId);
  await db.transaction(async (tx) => {
    const customers = await ownCustomers(tx, resident);
    await q.updatePreferences(
      tx,
      resident.organisationId,
      customers.map((c) => c.id),
      { preferredChannel: input.channel, preferredLanguage: input.language },
      new Date(),
    );
    for (const c of customers) {
      await recordAudit(tx, ctx, {
        entityType: 'customer',
        entityId: c.id,
        action: 'updated',
        before: { preferredChannel: c.preferredChannel, preferredLanguage: c.preferredLanguage },
        after: { preferredChannel: input.channel, preferredLanguage: input.language },
      });
    }
  });
}

/** Records a consent given or withdrawn, on each of the resident's customers (kept as history; audited). */
export async function saveConsent(
  db: Db,
  resident: Resident,
  input: { kind: ResidentConsentKind; granted: boolean },
) {
  const ctx = residentCtx(resident.organisationId, resident.requestId);
  await db.transaction(async (tx) => {
    const customers = await ownCustomers(tx, resident);
    await q.insertConsents(
      tx,
      customers.map((c) => ({
        organisationId: resident.organisationId,
        customerId: c.id,
        purpose: CONSENT_PURPOSE[input.kind],
        granted: input.granted,
        channel: 'web',
        recordedBy: ctx.actor.label,
      })),
    );
    for (const c of customers) {
      await recordAudit(tx, ctx, {
        entityType: 'customer',
        entityId: c.id,
        action: 'consent_recorded',
        changes: { [`consent:${input.kind}`]: { before: null, after: input.granted } },
      });
    }
  });
}

/**
 * Whether a customer may be approached for `kind`: their latest choice, and when they never chose, the kind's
 * default — surveys may be sent unless the person said no (issue 13: "no survey to someone who opted out").
 */
export async function hasConsent(
  db: Db,
  organisationId: string,
  customerId: string,
  kind: ResidentConsentKind,
) {
  const latest = await q.latestConsent(db, organisationId, customerId, CONSENT_PURPOSE[kind]);
  return latest ? latest.granted : CONSENT_DEFAULTS[kind];
}

const CONSENT_DEFAULTS: Record<ResidentConsentKind, boolean> = { surveys: true };

/**
 * Removes expired resident sessions and day-old sign-in links, and blanks the emails of links that expired unused
 * (periodic; every organisation).
 */
export async function purgeExpired(db: Db, now = new Date()) {
  let blanked = 0;
  for (const link of await q.expiredUnblanked(db, now)) {
    await db.transaction(async (tx) => {
      await replaceNotificationBodies(
        tx,
        link.organisationId,
        [link.notificationId],
        SPENT_LINK[link.language === 'en' ? 'en' : 'nl'],
      );
      await q.markBlanked(tx, link.organisationId, link.id);
    });
    blanked++;
  }
  return {
    ...(await q.deleteExpired(db, now, new Date(now.getTime() - LINKS_KEPT_HOURS * 3_600_000))),
    blanked,
  };
}
