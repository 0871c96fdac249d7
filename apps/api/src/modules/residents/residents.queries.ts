/**
 * SQL of My page. A resident reads only their own records: every query takes the organisation and either the
 * resident's email address or the ids of their customers (found by that address), never an id alone.
 */
import {
  caseEvent,
  caseFile,
  caseStatusChange,
  catalogueItemVersion,
  contact,
  customer,
  customerConsent,
  type Db,
  onKey,
  organisation,
  residentSession,
  residentSignIn,
  statementName,
} from '@voordeur/db';
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';

// ---- sign-in links and sessions ----------------------------------------------------------------------------

export function insertSignIn(db: Db, values: typeof residentSignIn.$inferInsert) {
  return db.insert(residentSignIn).values(values);
}

/** How many links were asked for this address, and from this IP, since `since` (the rate limits). */
export async function recentSignIns(
  db: Db,
  organisationId: string,
  email: string,
  ipHash: string,
  since: Date,
) {
  const [row] = await db
    .select({
      byEmail: sql<number>`count(*) filter (where ${residentSignIn.email} = ${email})`.mapWith(Number),
      byIp: sql<number>`count(*) filter (where ${residentSignIn.ipHash} = ${ipHash})`.mapWith(Number),
    })
    .from(residentSignIn)
    .where(
      and(
        eq(residentSignIn.organisationId, organisationId),
        or(eq(residentSignIn.email, email), eq(residentSignIn.ipHash, ipHash)),
        gte(residentSignIn.createdAt, since),
      ),
    );
  return row ?? { byEmail: 0, byIp: 0 };
}

/** A link of this organisation by its hash, used or not, expired or not (the page says which). */
export function findSignIn(db: Db, organisationId: string, id: string) {
  return db
    .select()
    .from(residentSignIn)
    .where(and(eq(residentSignIn.organisationId, organisationId), eq(residentSignIn.id, id)))
    .then((r) => r[0]);
}

/**
 * Marks a live, unused link used, atomically: of two requests with the same link only one gets the row back.
 */
export function markSignInUsed(db: Db, organisationId: string, id: string, now: Date) {
  return db
    .update(residentSignIn)
    .set({ usedAt: now })
    .where(
      and(
        eq(residentSignIn.organisationId, organisationId),
        eq(residentSignIn.id, id),
        isNull(residentSignIn.usedAt),
        gt(residentSignIn.expiresAt, now),
      ),
    )
    .returning({
      email: residentSignIn.email,
      language: residentSignIn.language,
      notificationId: residentSignIn.notificationId,
    })
    .then((r) => r[0]);
}

export function insertSession(db: Db, values: typeof residentSession.$inferInsert) {
  return db.insert(residentSession).values(values);
}

const liveSessionQueries = new WeakMap<Db, ReturnType<typeof prepareLiveSession>>();

function prepareLiveSession(db: Db) {
  return db
    .select({
      organisationId: residentSession.organisationId,
      slug: organisation.slug,
      organisationName: organisation.name,
      email: residentSession.email,
      csrfSecret: residentSession.csrfSecret,
      lastSeenAt: residentSession.lastSeenAt,
    })
    .from(residentSession)
    .innerJoin(organisation, eq(organisation.id, residentSession.organisationId))
    .where(
      and(
        eq(residentSession.id, sql.placeholder('id')),
        gt(residentSession.expiresAt, sql.placeholder('now')),
        gt(residentSession.absoluteExpiresAt, sql.placeholder('now')),
      ),
    )
    .prepare(statementName(db, 'voordeur_live_resident_session'));
}

/** A live resident session with its organisation's slug, or nothing. */
export async function findLiveSession(db: Db, id: string, now: Date) {
  let prepared = liveSessionQueries.get(db);
  if (!prepared) {
    prepared = prepareLiveSession(db);
    liveSessionQueries.set(db, prepared);
  }
  return (await prepared.execute({ id, now: now.toISOString() }))[0];
}

export function touchSession(db: Db, organisationId: string, id: string, now: Date, expiresAt: Date) {
  return db
    .update(residentSession)
    .set({ lastSeenAt: now, expiresAt })
    .where(and(eq(residentSession.organisationId, organisationId), eq(residentSession.id, id)));
}

export function deleteSession(db: Db, id: string) {
  return db.delete(residentSession).where(eq(residentSession.id, id));
}

/** Links that expired unused and whose email still carries them (at most 500 a run). */
export function expiredUnblanked(db: Db, now: Date) {
  return db
    .select({
      organisationId: residentSignIn.organisationId,
      id: residentSignIn.id,
      notificationId: sql<string>`${residentSignIn.notificationId}`,
      language: residentSignIn.language,
    })
    .from(residentSignIn)
    .where(
      and(
        lt(residentSignIn.expiresAt, now),
        isNull(residentSignIn.usedAt),
        isNotNull(residentSignIn.notificationId),
      ),
    )
    .limit(500);
}

/** Forgets the email of a link once its body is blanked (so the cleanup does not visit it again). */
export function markBlanked(db: Db, organisationId: string, id: string) {
  return db
    .update(residentSignIn)
    .set({ notificationId: null })
    .where(and(eq(residentSignIn.organisationId, organisationId), eq(residentSignIn.id, id)));
}

/** Sessions past their expiry, and links older than a day (kept that long for the rate limits). */
export async function deleteExpired(db: Db, now: Date, linksBefore: Date) {
  const sessions = await db
    .delete(residentSession)
    .where(or(lt(residentSession.expiresAt, now), lt(residentSession.absoluteExpiresAt, now)))
    .returning({ id: residentSession.id });
  const links = await db
    .delete(residentSignIn)
    .where(lt(residentSignIn.createdAt, linksBefore))
    .returning({ id: residentSignIn.id });
  return { sessions: sessions.length, links: links.length };
}

// ---- the resident's records --------------------------------------------------------------------------------

/** The customers (not merged away) of the organisation with this email address. */
export function customersByEmail(db: Db, organisationId: string, email: string, lock = false) {
  const q = db
    .select()
    .from(customer)
    .where(
      and(
        eq(customer.organisationId, organisationId),
        eq(customer.email, email),
        isNull(customer.mergedIntoId),
      ),
    )
    .orderBy(asc(customer.createdAt));
  return lock ? q.for('update') : q;
}

export function updatePreferences(
  db: Db,
  organisationId: string,
  ids: string[],
  values: { preferredChannel: string; preferredLanguage: string },
  now: Date,
) {
  return db
    .update(customer)
    .set({ ...values, updatedAt: now, version: sql`${customer.version} + 1` })
    .where(and(eq(customer.organisationId, organisationId), inArray(customer.id, ids)));
}

export function consentsOf(db: Db, organisationId: string, customerIds: string[]) {
  if (!customerIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(customerConsent)
    .where(
      and(
        eq(customerConsent.organisationId, organisationId),
        inArray(customerConsent.customerId, customerIds),
      ),
    )
    .orderBy(desc(customerConsent.recordedAt), desc(customerConsent.id));
}

export function insertConsents(db: Db, rows: (typeof customerConsent.$inferInsert)[]) {
  return db.insert(customerConsent).values(rows);
}

/** The latest consent of one purpose of a customer (granted or withdrawn), or nothing. */
export function latestConsent(db: Db, organisationId: string, customerId: string, purpose: string) {
  return db
    .select({ granted: customerConsent.granted })
    .from(customerConsent)
    .where(
      and(
        eq(customerConsent.organisationId, organisationId),
        eq(customerConsent.customerId, customerId),
        eq(customerConsent.purpose, purpose),
      ),
    )
    .orderBy(desc(customerConsent.recordedAt), desc(customerConsent.id))
    .limit(1)
    .then((r) => r[0]);
}

/** The cases of these customers, or given with this email address, with the item version they run under. */
export function casesOf(db: Db, organisationId: string, customerIds: string[], email: string) {
  return db
    .select({
      id: caseFile.id,
      reference: caseFile.reference,
      subject: caseFile.subject,
      description: caseFile.description,
      status: caseFile.status,
      channel: caseFile.channel,
      createdAt: caseFile.createdAt,
      dueAt: caseFile.dueAt,
      closedAt: caseFile.closedAt,
      suspendedSince: caseFile.suspendedSince,
      location: caseFile.location,
      definition: catalogueItemVersion.definition,
    })
    .from(caseFile)
    .innerJoin(
      catalogueItemVersion,
      onKey(catalogueItemVersion, caseFile.organisationId, caseFile.itemVersionId),
    )
    .where(
      and(
        eq(caseFile.organisationId, organisationId),
        customerIds.length
          ? or(inArray(caseFile.customerId, customerIds), eq(sql`lower(${caseFile.contactEmail})`, email))
          : eq(sql`lower(${caseFile.contactEmail})`, email),
      ),
    )
    .orderBy(desc(caseFile.createdAt))
    .limit(500);
}

/** The status history of these cases (every step: which are public the caller decides by the workflow). */
export function historyOf(db: Db, organisationId: string, caseIds: string[]) {
  if (!caseIds.length) return Promise.resolve([]);
  return db
    .select({ caseId: caseStatusChange.caseId, status: caseStatusChange.status, at: caseStatusChange.at })
    .from(caseStatusChange)
    .where(
      and(eq(caseStatusChange.organisationId, organisationId), inArray(caseStatusChange.caseId, caseIds)),
    )
    .orderBy(asc(caseStatusChange.at), asc(caseStatusChange.id));
}

/** The messages between the organisation and the person on these cases (public events only). */
export function messagesOf(db: Db, organisationId: string, caseIds: string[]) {
  if (!caseIds.length) return Promise.resolve([]);
  return db
    .select({ caseId: caseEvent.caseId, kind: caseEvent.kind, body: caseEvent.body, at: caseEvent.at })
    .from(caseEvent)
    .where(
      and(
        eq(caseEvent.organisationId, organisationId),
        inArray(caseEvent.caseId, caseIds),
        eq(caseEvent.visibility, 'public'),
        inArray(caseEvent.kind, ['message_out', 'message_in']),
      ),
    )
    .orderBy(asc(caseEvent.at), asc(caseEvent.id));
}

/** The contacts of these customers: when, how and about what (never the agent's notes). */
export function contactsOf(db: Db, organisationId: string, customerIds: string[]) {
  if (!customerIds.length) return Promise.resolve([]);
  return db
    .select({
      id: contact.id,
      startedAt: contact.startedAt,
      channel: contact.channel,
      direction: contact.direction,
      topic: contact.topic,
      itemDefinition: catalogueItemVersion.definition,
    })
    .from(contact)
    .leftJoin(
      catalogueItemVersion,
      and(
        eq(catalogueItemVersion.organisationId, contact.organisationId),
        eq(catalogueItemVersion.itemId, contact.catalogueItemId),
        eq(catalogueItemVersion.state, 'published'),
      ),
    )
    .where(and(eq(contact.organisationId, organisationId), inArray(contact.customerId, customerIds)))
    .orderBy(desc(contact.startedAt))
    .limit(500);
}
