import {
  appUser,
  article,
  articleVersion,
  callback,
  callbackAttempt,
  catalogueItem,
  catalogueItemVersion,
  contact,
  customer,
  type Db,
  membership,
  onKey,
  team,
} from '@voordeur/db';
import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

export type ContactRow = typeof contact.$inferSelect;

export function findContact(db: Db, organisationId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(contact)
    .where(and(eq(contact.organisationId, organisationId), eq(contact.id, id)));
  return (lock ? q.for('update') : q).then((r) => r[0]);
}

export function findByIdempotencyKey(db: Db, organisationId: string, key: string) {
  return db
    .select()
    .from(contact)
    .where(and(eq(contact.organisationId, organisationId), eq(contact.idempotencyKey, key)))
    .then((r) => r[0]);
}

/** Inserts unless the idempotency key was seen; returns nothing on a duplicate delivery. */
export function insertContact(db: Db, values: typeof contact.$inferInsert) {
  return db
    .insert(contact)
    .values(values)
    .onConflictDoNothing({ target: [contact.organisationId, contact.idempotencyKey] })
    .returning();
}

export function updateContact(
  db: Db,
  organisationId: string,
  id: string,
  version: number,
  values: Partial<typeof contact.$inferInsert>,
) {
  return db
    .update(contact)
    .set({ ...values, version: sql`${contact.version} + 1`, updatedAt: new Date() })
    .where(and(eq(contact.organisationId, organisationId), eq(contact.id, id), eq(contact.version, version)))
    .returning()
    .then((r) => r[0]);
}

export function listContacts(
  db: Db,
  organisationId: string,
  f: { customerId?: string | undefined; agentUserId?: string | undefined; open?: boolean | undefined },
  limit: number,
) {
  const where: (SQL | undefined)[] = [eq(contact.organisationId, organisationId)];
  if (f.customerId) where.push(eq(contact.customerId, f.customerId));
  if (f.agentUserId) where.push(eq(contact.agentUserId, f.agentUserId));
  if (f.open !== undefined)
    where.push(f.open ? isNull(contact.endedAt) : sql`${contact.endedAt} IS NOT NULL`);
  return db
    .select()
    .from(contact)
    .where(and(...where))
    .orderBy(desc(contact.startedAt))
    .limit(limit);
}

/** Names for what a contact refers to (customer, item, articles, agent, team), fetched in one go for a list. */
export async function labelsFor(db: Db, organisationId: string, rows: ContactRow[]) {
  const ids = (pick: (r: ContactRow) => string | null) => [
    ...new Set(rows.map(pick).filter((x): x is string => !!x)),
  ];
  const customerIds = ids((r) => r.customerId);
  const itemIds = ids((r) => r.catalogueItemId);
  const userIds = ids((r) => r.agentUserId);
  const teamIds = ids((r) => r.teamId);
  const articleIds = [...new Set(rows.flatMap((r) => r.articleIds))];
  const org = (col: AnyPgColumn) => eq(col, organisationId);
  const [customers, items, users, teams, articles, callbacks] = await Promise.all([
    customerIds.length
      ? db
          .select({ id: customer.id, name: customer.name })
          .from(customer)
          .where(and(org(customer.organisationId), inArray(customer.id, customerIds)))
      : [],
    itemIds.length
      ? db
          .select({
            id: catalogueItem.id,
            code: catalogueItem.code,
            definition: catalogueItemVersion.definition,
          })
          .from(catalogueItem)
          .leftJoin(catalogueItemVersion, eq(catalogueItemVersion.id, catalogueItem.publishedVersionId))
          .where(and(org(catalogueItem.organisationId), inArray(catalogueItem.id, itemIds)))
      : [],
    userIds.length
      ? db
          .select({ id: appUser.id, name: appUser.name })
          .from(appUser)
          .where(and(org(appUser.organisationId), inArray(appUser.id, userIds)))
      : [],
    teamIds.length
      ? db
          .select({ id: team.id, name: team.name })
          .from(team)
          .where(and(org(team.organisationId), inArray(team.id, teamIds)))
      : [],
    articleIds.length
      ? db
          .select({ id: article.id, code: article.code, definition: articleVersion.definition })
          .from(article)
          .leftJoin(articleVersion, eq(articleVersion.id, article.publishedVersionId))
          .where(and(org(article.organisationId), inArray(article.id, articleIds)))
      : [],
    rows.length
      ? db
          .select({ id: callback.id, contactId: callback.contactId, dueAt: callback.dueAt })
          .from(callback)
          .where(
            and(
              org(callback.organisationId),
              inArray(
                callback.contactId,
                rows.map((r) => r.id),
              ),
            ),
          )
      : [],
  ]);
  return { customers, items, users, teams, articles, callbacks };
}

/** Articles of the organisation among `ids` (articles used must exist). */
export function existingArticles(db: Db, organisationId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: article.id })
    .from(article)
    .where(and(eq(article.organisationId, organisationId), inArray(article.id, ids)));
}

/** The team the agent works in for the front office: their first front-office team, else any team. */
export function agentTeam(db: Db, organisationId: string, userId: string) {
  return db
    .select({ id: team.id, kind: team.kind })
    .from(membership)
    .innerJoin(team, eq(team.id, membership.teamId))
    .where(and(eq(team.organisationId, organisationId), eq(membership.userId, userId)))
    .orderBy(sql`(${team.kind} = 'front_office') DESC`, asc(team.name))
    .limit(1)
    .then((r) => r[0]);
}

/** An earlier contact of the same customer about the same subject within the window: this one is a repeat. */
export function earlierOnSameSubject(db: Db, c: ContactRow, since: Date) {
  const subject = c.catalogueItemId
    ? eq(contact.catalogueItemId, c.catalogueItemId)
    : sql`lower(${contact.topic}) = lower(${c.topic})`;
  return db
    .select({ id: contact.id })
    .from(contact)
    .where(
      and(
        eq(contact.organisationId, c.organisationId),
        eq(contact.customerId, c.customerId!),
        ne(contact.id, c.id),
        gte(contact.startedAt, since),
        lt(contact.startedAt, c.startedAt),
        subject,
      ),
    )
    .orderBy(desc(contact.startedAt))
    .limit(1)
    .then((r) => r[0]);
}

/** The organisations with a contact open since before `before` (the auto-close job's first step). */
export function organisationsWithOpenContacts(db: Db, before: Date) {
  return db
    .selectDistinct({ organisationId: contact.organisationId })
    .from(contact)
    .where(and(isNull(contact.endedAt), lt(contact.startedAt, before)))
    .then((rows) => rows.map((r) => r.organisationId));
}

/** Contacts left open longer than the limit (oldest first), for the auto-close job. */
export function staleOpenContacts(db: Db, organisationId: string, before: Date, limit: number) {
  return db
    .select()
    .from(contact)
    .where(
      and(eq(contact.organisationId, organisationId), isNull(contact.endedAt), lt(contact.startedAt, before)),
    )
    .orderBy(asc(contact.startedAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export function insertCallback(db: Db, values: typeof callback.$inferInsert) {
  return db.insert(callback).values(values).returning();
}

export function findCallback(db: Db, organisationId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(callback)
    .where(and(eq(callback.organisationId, organisationId), eq(callback.id, id)));
  return (lock ? q.for('update') : q).then((r) => r[0]);
}

export function listCallbacks(
  db: Db,
  organisationId: string,
  f: {
    teamId?: string | undefined;
    state?: string | undefined;
    overdue?: boolean | undefined;
    customerId?: string | undefined;
    id?: string | undefined;
  },
) {
  const where: (SQL | undefined)[] = [eq(callback.organisationId, organisationId)];
  if (f.state) where.push(eq(callback.state, f.state));
  if (f.id) where.push(eq(callback.id, f.id));
  if (f.teamId) where.push(eq(callback.teamId, f.teamId));
  if (f.customerId) where.push(eq(callback.customerId, f.customerId));
  if (f.overdue !== undefined)
    where.push(f.overdue ? lt(callback.dueAt, new Date()) : gte(callback.dueAt, new Date()));
  return db
    .select({
      cb: callback,
      teamName: team.name,
      customerName: customer.name,
      itemCode: catalogueItem.code,
      itemDefinition: catalogueItemVersion.definition,
    })
    .from(callback)
    .innerJoin(team, onKey(team, callback.organisationId, callback.teamId))
    .leftJoin(customer, onKey(customer, callback.organisationId, callback.customerId))
    .leftJoin(catalogueItem, onKey(catalogueItem, callback.organisationId, callback.catalogueItemId))
    .leftJoin(
      catalogueItemVersion,
      onKey(catalogueItemVersion, catalogueItem.organisationId, catalogueItem.publishedVersionId),
    )
    .where(and(...where))
    .orderBy(asc(callback.dueAt))
    .limit(200);
}

export function attemptsOf(db: Db, organisationId: string, callbackIds: string[]) {
  if (!callbackIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(callbackAttempt)
    .where(
      and(
        eq(callbackAttempt.organisationId, organisationId),
        inArray(callbackAttempt.callbackId, callbackIds),
      ),
    )
    .orderBy(asc(callbackAttempt.at));
}

export function callbacksOfContact(db: Db, organisationId: string, contactId: string) {
  return db
    .select({ id: callback.id })
    .from(callback)
    .where(and(eq(callback.organisationId, organisationId), eq(callback.contactId, contactId)));
}

export function insertAttempt(db: Db, values: typeof callbackAttempt.$inferInsert) {
  return db.insert(callbackAttempt).values(values);
}

export function closeCallback(db: Db, organisationId: string, id: string) {
  return db
    .update(callback)
    .set({ state: 'done', doneAt: new Date() })
    .where(and(eq(callback.organisationId, organisationId), eq(callback.id, id)));
}
