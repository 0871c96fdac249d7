import {
  appUser,
  auditEvent,
  caseAttachment,
  caseCounter,
  caseEvent,
  caseFile,
  caseStatusChange,
  catalogueItemVersion,
  customer,
  type Db,
  membership,
  messageTemplate,
  onKey,
  team,
} from '@voordeur/db';
import type { CaseListQuery } from '@voordeur/shared';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

/** The next case number of the year for the organisation; the row lock serialises concurrent intakes. */
export async function nextCaseNumber(db: Db, organisationId: string, year: number) {
  const [row] = await db
    .insert(caseCounter)
    .values({ organisationId, year, last: 1 })
    .onConflictDoUpdate({
      target: [caseCounter.organisationId, caseCounter.year],
      set: { last: sql`${caseCounter.last} + 1` },
    })
    .returning({ last: caseCounter.last });
  return row!.last;
}

export type CaseInsert = typeof caseFile.$inferInsert;
export type CaseUpdate = Partial<Omit<CaseInsert, 'id' | 'organisationId' | 'version'>>;

/** Inserts of a case's rows, not yet sent: the service sends them together (`writeTogether`). */
export function insertCase(db: Db, values: CaseInsert) {
  return db.insert(caseFile).values(values);
}

/** Applies a change when the case still has the version the caller saw; returns nothing when it has not. */
export async function updateCase(
  db: Db,
  organisationId: string,
  id: string,
  version: number,
  set: CaseUpdate,
  /** CloudEvents this change publishes: they take the case's next sequence numbers (returned: the last). */
  events = 0,
) {
  const [row] = await db
    .update(caseFile)
    .set({
      ...set,
      version: sql`${caseFile.version} + 1`,
      ...(events ? { eventSequence: sql`${caseFile.eventSequence} + ${events}` } : {}),
      updatedAt: new Date(),
    })
    .where(
      and(eq(caseFile.organisationId, organisationId), eq(caseFile.id, id), eq(caseFile.version, version)),
    )
    .returning({ id: caseFile.id, version: caseFile.version, eventSequence: caseFile.eventSequence });
  return row;
}

export function insertStatusChange(db: Db, values: typeof caseStatusChange.$inferInsert) {
  return db.insert(caseStatusChange).values(values);
}

export function insertEvents(db: Db, values: (typeof caseEvent.$inferInsert)[]) {
  if (!values.length) return null;
  return db.insert(caseEvent).values(values);
}

const assignee = alias(appUser, 'assignee');

const caseColumns = {
  c: caseFile,
  definition: catalogueItemVersion.definition,
  itemVersion: catalogueItemVersion.number,
  teamName: team.name,
  customerName: customer.name,
  assigneeName: assignee.name,
};

function casesQuery(db: Db) {
  return db
    .select(caseColumns)
    .from(caseFile)
    .innerJoin(
      catalogueItemVersion,
      onKey(catalogueItemVersion, caseFile.organisationId, caseFile.itemVersionId),
    )
    .leftJoin(team, onKey(team, caseFile.organisationId, caseFile.teamId))
    .leftJoin(customer, onKey(customer, caseFile.organisationId, caseFile.customerId))
    .leftJoin(assignee, onKey(assignee, caseFile.organisationId, caseFile.assigneeUserId));
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export function findCase(db: Db, organisationId: string, id: string) {
  return casesQuery(db)
    .where(and(eq(caseFile.organisationId, organisationId), eq(caseFile.id, id)))
    .then((r) => r[0]);
}

export function findCases(db: Db, organisationId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return casesQuery(db).where(and(eq(caseFile.organisationId, organisationId), inArray(caseFile.id, ids)));
}

/** A queue: open (or closed) cases by team, assignee, status, area, priority, kind and due time; earliest due first. */
export async function listCases(
  db: Db,
  organisationId: string,
  f: CaseListQuery,
  me: string | null,
  now: Date,
  endOfToday: Date,
  endOfWeek: Date,
) {
  const where: (SQL | undefined)[] = [eq(caseFile.organisationId, organisationId)];
  if (f.state === 'open') where.push(isNull(caseFile.closedAt));
  if (f.state === 'closed') where.push(isNotNull(caseFile.closedAt));
  if (f.teamId) where.push(eq(caseFile.teamId, f.teamId));
  if (f.assignee === 'none') where.push(isNull(caseFile.assigneeUserId));
  else if (f.assignee === 'me') where.push(me ? eq(caseFile.assigneeUserId, me) : sql`false`);
  else if (f.assignee) where.push(eq(caseFile.assigneeUserId, f.assignee));
  if (f.status) where.push(eq(caseFile.status, f.status));
  if (f.area) where.push(eq(caseFile.area, f.area));
  if (f.areaUnknown === 'true') where.push(isNull(caseFile.area));
  if (f.followUp === 'true') where.push(isNotNull(caseFile.followUpAt));
  if (f.priority) where.push(eq(caseFile.priority, f.priority));
  if (f.kind) where.push(eq(caseFile.kind, f.kind));
  if (f.reference)
    where.push(sql`${caseFile.reference} ILIKE ${`%${f.reference.replace(/[%_\\]/g, '\\$&')}%`}`);
  if (f.due === 'overdue') where.push(or(lt(caseFile.dueAt, now), isNotNull(caseFile.breachedAt)));
  if (f.due === 'internal_overdue') where.push(lt(caseFile.internalDueAt, now));
  if (f.due === 'today') where.push(lt(caseFile.dueAt, endOfToday));
  if (f.due === 'week') where.push(lt(caseFile.dueAt, endOfWeek));
  const cond = and(...where);
  const [items, [total]] = await Promise.all([
    casesQuery(db)
      .where(cond)
      .orderBy(f.state === 'closed' ? desc(caseFile.closedAt) : asc(caseFile.dueAt), asc(caseFile.reference))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(caseFile).where(cond),
  ]);
  return { items, total: total?.n ?? 0 };
}

export function casesOfCustomer(
  db: Db,
  organisationId: string,
  customerId: string,
  open: boolean,
  limit: number,
) {
  return casesQuery(db)
    .where(
      and(
        eq(caseFile.organisationId, organisationId),
        eq(caseFile.customerId, customerId),
        open ? isNull(caseFile.closedAt) : isNotNull(caseFile.closedAt),
      ),
    )
    .orderBy(desc(caseFile.createdAt))
    .limit(limit);
}

export function casesOfContact(db: Db, organisationId: string, contactIds: string[]) {
  if (!contactIds.length) return Promise.resolve([]);
  return db
    .select({ id: caseFile.id, reference: caseFile.reference, contactId: caseFile.contactId })
    .from(caseFile)
    .where(and(eq(caseFile.organisationId, organisationId), inArray(caseFile.contactId, contactIds)))
    .orderBy(asc(caseFile.createdAt));
}

export function historyOf(db: Db, organisationId: string, caseId: string) {
  return db
    .select()
    .from(caseStatusChange)
    .where(and(eq(caseStatusChange.organisationId, organisationId), eq(caseStatusChange.caseId, caseId)))
    .orderBy(asc(caseStatusChange.at));
}

export function eventsOf(db: Db, organisationId: string, caseId: string) {
  return db
    .select()
    .from(caseEvent)
    .where(and(eq(caseEvent.organisationId, organisationId), eq(caseEvent.caseId, caseId)))
    .orderBy(asc(caseEvent.at));
}

export function auditOf(db: Db, organisationId: string, caseId: string) {
  return db
    .select({
      action: auditEvent.action,
      at: auditEvent.occurredAt,
      by: auditEvent.actorLabel,
      changes: auditEvent.changes,
    })
    .from(auditEvent)
    .where(
      and(
        eq(auditEvent.organisationId, organisationId),
        eq(auditEvent.entityType, 'case'),
        eq(auditEvent.entityId, caseId),
      ),
    )
    .orderBy(asc(auditEvent.occurredAt), asc(auditEvent.id))
    .limit(500);
}

export function attachmentsOf(db: Db, organisationId: string, caseId: string) {
  return db
    .select({
      id: caseAttachment.id,
      fileName: caseAttachment.fileName,
      contentType: caseAttachment.contentType,
      size: caseAttachment.size,
      byLabel: caseAttachment.byLabel,
      createdAt: caseAttachment.createdAt,
    })
    .from(caseAttachment)
    .where(and(eq(caseAttachment.organisationId, organisationId), eq(caseAttachment.caseId, caseId)))
    .orderBy(asc(caseAttachment.createdAt));
}

export function findAttachment(db: Db, organisationId: string, caseId: string, id: string) {
  return db
    .select()
    .from(caseAttachment)
    .where(
      and(
        eq(caseAttachment.organisationId, organisationId),
        eq(caseAttachment.caseId, caseId),
        eq(caseAttachment.id, id),
      ),
    )
    .then((r) => r[0]);
}

export function insertAttachment(db: Db, values: typeof caseAttachment.$inferInsert) {
  return db.insert(caseAttachment).values(values).returning({ id: caseAttachment.id });
}

/** Cases pointing at this one: child tasks, merged duplicates, complaints about it. */
export function linkedCases(db: Db, organisationId: string, caseId: string) {
  return casesQuery(db).where(
    and(
      eq(caseFile.organisationId, organisationId),
      or(
        eq(caseFile.parentCaseId, caseId),
        eq(caseFile.mainCaseId, caseId),
        eq(caseFile.aboutCaseId, caseId),
      ),
    ),
  );
}

export function referencesOf(db: Db, organisationId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: caseFile.id, reference: caseFile.reference })
    .from(caseFile)
    .where(and(eq(caseFile.organisationId, organisationId), inArray(caseFile.id, ids)));
}

/**
 * Locks a case row until the transaction ends, if it still has this version. Whoever waited for the lock sees
 * the version its holder wrote and gets nothing: a version conflict instead of a duplicate child number.
 */
export async function lockCaseVersion(db: Db, organisationId: string, id: string, version: number) {
  const [row] = await db
    .select({ id: caseFile.id })
    .from(caseFile)
    .where(
      and(eq(caseFile.organisationId, organisationId), eq(caseFile.id, id), eq(caseFile.version, version)),
    )
    .for('update');
  return row;
}

/** How many child tasks a case has (numbers the next one). */
export async function childCount(db: Db, organisationId: string, caseId: string) {
  const [r] = await db
    .select({ n: count() })
    .from(caseFile)
    .where(and(eq(caseFile.organisationId, organisationId), eq(caseFile.parentCaseId, caseId)));
  return r?.n ?? 0;
}

/** Who hears of a case's public steps: its own person and the people whose duplicates were merged into it. */
export function personRecipients(db: Db, organisationId: string, caseId: string) {
  return db
    .select({
      caseId: caseFile.id,
      reference: caseFile.reference,
      language: caseFile.language,
      contactEmail: caseFile.contactEmail,
      customerName: customer.name,
      customerEmail: customer.email,
      customerLanguage: customer.preferredLanguage,
      preferredChannel: customer.preferredChannel,
      street: customer.street,
      houseNumber: customer.houseNumber,
      houseLetter: customer.houseLetter,
      houseAddition: customer.houseAddition,
      postcode: customer.postcode,
      city: customer.city,
    })
    .from(caseFile)
    .leftJoin(customer, onKey(customer, caseFile.organisationId, caseFile.customerId))
    .where(
      and(
        eq(caseFile.organisationId, organisationId),
        or(eq(caseFile.id, caseId), eq(caseFile.mainCaseId, caseId)),
      ),
    );
}

/** Active staff of a team holding one of the roles (for warnings and breach reports). */
export function staffOf(db: Db, organisationId: string, teamIds: string[], roles: string[]) {
  if (!teamIds.length) return Promise.resolve([]);
  return db
    .selectDistinct({
      teamId: membership.teamId,
      email: appUser.email,
      name: appUser.name,
      locale: appUser.locale,
    })
    .from(membership)
    .innerJoin(appUser, onKey(appUser, membership.organisationId, membership.userId))
    .where(
      and(
        eq(membership.organisationId, organisationId),
        inArray(membership.teamId, teamIds),
        inArray(membership.role, roles),
        eq(appUser.active, true),
      ),
    );
}

export function userInOrg(db: Db, organisationId: string, userId: string) {
  return db
    .select({ id: appUser.id, name: appUser.name })
    .from(appUser)
    .where(and(eq(appUser.organisationId, organisationId), eq(appUser.id, userId), eq(appUser.active, true)))
    .then((r) => r[0]);
}

export function teamInOrg(db: Db, organisationId: string, teamId: string) {
  return db
    .select({ id: team.id, name: team.name })
    .from(team)
    .where(and(eq(team.organisationId, organisationId), eq(team.id, teamId)))
    .then((r) => r[0]);
}

export function templatesOf(db: Db, organisationId: string) {
  return db.select().from(messageTemplate).where(eq(messageTemplate.organisationId, organisationId));
}

export async function saveTemplate(
  db: Db,
  organisationId: string,
  key: string,
  values: { name: string; subject: object; body: object },
  version: number | undefined,
) {
  if (version === undefined) {
    const [row] = await db
      .insert(messageTemplate)
      .values({ organisationId, key, ...values })
      .onConflictDoNothing()
      .returning();
    return row;
  }
  const [row] = await db
    .update(messageTemplate)
    .set({ ...values, version: sql`${messageTemplate.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(messageTemplate.organisationId, organisationId),
        eq(messageTemplate.key, key),
        eq(messageTemplate.version, version),
      ),
    )
    .returning();
  return row;
}

/** The case a tracking token (by its SHA-256) belongs to, with its item version's definition. */
export function caseByTrackingHash(db: Db, organisationId: string, hash: string) {
  return db
    .select({ c: caseFile, definition: catalogueItemVersion.definition })
    .from(caseFile)
    .innerJoin(
      catalogueItemVersion,
      onKey(catalogueItemVersion, caseFile.organisationId, caseFile.itemVersionId),
    )
    .where(and(eq(caseFile.organisationId, organisationId), eq(caseFile.trackingHash, hash)))
    .then((r) => r[0]);
}

/** How many files a case has. */
export async function attachmentCount(db: Db, organisationId: string, caseId: string) {
  const [r] = await db
    .select({ n: count() })
    .from(caseAttachment)
    .where(and(eq(caseAttachment.organisationId, organisationId), eq(caseAttachment.caseId, caseId)));
  return r?.n ?? 0;
}

/** A case by its reference (not a child task: the person follows the main case). */
export function caseIdByReference(db: Db, organisationId: string, reference: string) {
  return db
    .select({ id: caseFile.id })
    .from(caseFile)
    .where(
      and(
        eq(caseFile.organisationId, organisationId),
        eq(caseFile.reference, reference),
        isNull(caseFile.parentCaseId),
      ),
    )
    .then((r) => r[0]?.id);
}
