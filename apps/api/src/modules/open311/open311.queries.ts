import {
  address,
  appUser,
  caseFile,
  catalogueItem,
  catalogueItemVersion,
  type Db,
  open311Client,
  open311Request,
  organisation,
  team,
} from '@voordeur/db';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

// ---- jurisdictions ------------------------------------------------------------------------------------------

/** The organisation a jurisdiction_id (its slug) names. */
export function organisationBySlug(db: Db, slug: string) {
  return db
    .select({ id: organisation.id, slug: organisation.slug, name: organisation.name })
    .from(organisation)
    .where(eq(organisation.slug, slug))
    .then((r) => r[0]);
}

/** Up to two organisations: with exactly one, a request may leave out its jurisdiction_id. */
export function someOrganisations(db: Db) {
  return db
    .select({ id: organisation.id, slug: organisation.slug, name: organisation.name })
    .from(organisation)
    .orderBy(asc(organisation.slug))
    .limit(2);
}

// ---- services -----------------------------------------------------------------------------------------------

const published = alias(catalogueItemVersion, 'published');

/** Every external item of the organisation with its published definition and responsible team's name. */
export function publishedExternalItems(db: Db, organisationId: string) {
  return db
    .select({
      code: catalogueItem.code,
      definition: published.definition,
      publishedAt: published.publishedAt,
      teamName: team.name,
    })
    .from(catalogueItem)
    .innerJoin(
      published,
      and(
        eq(published.organisationId, catalogueItem.organisationId),
        eq(published.id, catalogueItem.publishedVersionId),
      ),
    )
    .leftJoin(
      team,
      and(eq(team.organisationId, catalogueItem.organisationId), eq(team.id, catalogueItem.teamId)),
    )
    .where(
      and(
        eq(catalogueItem.organisationId, organisationId),
        eq(catalogueItem.audience, 'external'),
        eq(catalogueItem.state, 'published'),
      ),
    )
    .orderBy(asc(catalogueItem.code));
}

// ---- addresses ----------------------------------------------------------------------------------------------

/** An address of the register by its id (our uuid) or its BAG nummeraanduiding id. */
export function registerAddress(db: Db, organisationId: string, id: string) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  return db
    .select({
      id: address.id,
      bagId: address.bagId,
      postcode: address.postcode,
      houseNumber: address.houseNumber,
      addition: address.addition,
      street: address.street,
      place: address.place,
      lat: address.lat,
      lon: address.lon,
    })
    .from(address)
    .where(
      and(eq(address.organisationId, organisationId), isUuid ? eq(address.id, id) : eq(address.bagId, id)),
    )
    .limit(1)
    .then((r) => r[0]);
}

// ---- clients ------------------------------------------------------------------------------------------------

/** Service requests the client posted. */
const requestCount = sql<number>`(SELECT count(*)::int FROM open311_request r WHERE r.organisation_id = ${open311Client.organisationId} AND r.client_id = ${open311Client.id})`;

const clientColumns = {
  id: open311Client.id,
  organisationId: open311Client.organisationId,
  name: open311Client.name,
  contact: open311Client.contact,
  prefix: open311Client.prefix,
  createdBy: appUser.name,
  createdAt: open311Client.createdAt,
  lastUsedAt: open311Client.lastUsedAt,
  revokedAt: open311Client.revokedAt,
  requests: requestCount,
};

export function listClients(db: Db, organisationId: string) {
  return db
    .select(clientColumns)
    .from(open311Client)
    .leftJoin(
      appUser,
      and(
        eq(appUser.organisationId, open311Client.organisationId),
        eq(appUser.id, open311Client.createdByUserId),
      ),
    )
    .where(eq(open311Client.organisationId, organisationId))
    .orderBy(desc(open311Client.createdAt));
}

export function findClient(db: Db, organisationId: string, id: string) {
  return db
    .select(clientColumns)
    .from(open311Client)
    .leftJoin(
      appUser,
      and(
        eq(appUser.organisationId, open311Client.organisationId),
        eq(appUser.id, open311Client.createdByUserId),
      ),
    )
    .where(and(eq(open311Client.organisationId, organisationId), eq(open311Client.id, id)))
    .then((r) => r[0]);
}

export function insertClient(db: Db, values: typeof open311Client.$inferInsert) {
  return db.insert(open311Client).values(values).returning({ id: open311Client.id });
}

export function revokeClient(db: Db, organisationId: string, id: string, now: Date) {
  return db
    .update(open311Client)
    .set({ revokedAt: now })
    .where(
      and(
        eq(open311Client.organisationId, organisationId),
        eq(open311Client.id, id),
        isNull(open311Client.revokedAt),
      ),
    )
    .returning({ id: open311Client.id });
}

/** The client holding this key (by its hash), unless revoked; marks it used in the same statement. */
export function markKeyUsed(db: Db, organisationId: string, keyHash: string, now: Date) {
  return db
    .update(open311Client)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(open311Client.organisationId, organisationId),
        eq(open311Client.keyHash, keyHash),
        isNull(open311Client.revokedAt),
      ),
    )
    .returning({ id: open311Client.id, name: open311Client.name })
    .then((r) => r[0]);
}

// ---- requests -----------------------------------------------------------------------------------------------

export function insertRequest(db: Db, values: typeof open311Request.$inferInsert) {
  return db.insert(open311Request).values(values);
}

export function requestByToken(db: Db, organisationId: string, tokenHash: string) {
  return db
    .select({ reference: caseFile.reference })
    .from(open311Request)
    .innerJoin(
      caseFile,
      and(eq(caseFile.organisationId, open311Request.organisationId), eq(caseFile.id, open311Request.caseId)),
    )
    .where(and(eq(open311Request.organisationId, organisationId), eq(open311Request.tokenHash, tokenHash)))
    .then((r) => r[0]);
}

export interface RequestFilters {
  /** Item codes of the organisation's Open311 services: nothing else is ever listed. */
  serviceCodes: string[];
  references?: string[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Only open (true) or only closed (false) cases; both when undefined. */
  open?: boolean | undefined;
  limit: number;
}

const version = alias(catalogueItemVersion, 'version');

/**
 * Cases of the Open311 services, newest first: what GeoReport's GET requests shows (no person's data is selected:
 * no customer, no answers, no description). Child tasks are staff work and never listed.
 */
export function listRequests(db: Db, organisationId: string, f: RequestFilters) {
  if (!f.serviceCodes.length) return Promise.resolve([]);
  const where: (SQL | undefined)[] = [
    eq(caseFile.organisationId, organisationId),
    inArray(catalogueItem.code, f.serviceCodes),
    isNull(caseFile.parentCaseId),
  ];
  if (f.references) where.push(inArray(caseFile.reference, f.references));
  if (f.from) where.push(gte(caseFile.createdAt, f.from));
  if (f.to) where.push(lt(caseFile.createdAt, f.to));
  if (f.open === true) where.push(isNull(caseFile.closedAt));
  if (f.open === false) where.push(isNotNull(caseFile.closedAt));
  return db
    .select({
      reference: caseFile.reference,
      code: catalogueItem.code,
      // Only what the presenter reads of the item version (not its whole definition for each of 1000 rows).
      name: sql<{ nl: string; en?: string }>`${version.definition}->'name'`,
      statuses: sql<unknown[]>`${version.definition}->'handling'->'statuses'`,
      locationBased: sql<boolean>`jsonb_path_exists(${version.definition}, '$.intakeFields[*] ? (@.type == "location")')`,
      status: caseFile.status,
      location: caseFile.location,
      createdAt: caseFile.createdAt,
      updatedAt: caseFile.updatedAt,
      closedAt: caseFile.closedAt,
      dueAt: caseFile.dueAt,
      teamName: team.name,
      mediaUrl: open311Request.mediaUrl,
      addressId: open311Request.addressId,
    })
    .from(caseFile)
    .innerJoin(
      catalogueItem,
      and(
        eq(catalogueItem.organisationId, caseFile.organisationId),
        eq(catalogueItem.id, caseFile.catalogueItemId),
      ),
    )
    .innerJoin(
      version,
      and(eq(version.organisationId, caseFile.organisationId), eq(version.id, caseFile.itemVersionId)),
    )
    .leftJoin(team, and(eq(team.organisationId, caseFile.organisationId), eq(team.id, caseFile.teamId)))
    .leftJoin(
      open311Request,
      and(eq(open311Request.organisationId, caseFile.organisationId), eq(open311Request.caseId, caseFile.id)),
    )
    .where(and(...where))
    .orderBy(desc(caseFile.createdAt), desc(caseFile.reference))
    .limit(f.limit);
}
