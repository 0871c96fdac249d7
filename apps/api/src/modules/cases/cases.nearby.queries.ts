/** SQL of "already reported nearby?", the map of open reports and case followers (issue 13, items 3 and 4). */
import { caseFile, caseFollower, catalogueItemVersion, type Db, onKey, organisation } from '@voordeur/db';
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';

const earthOf = sql`ll_to_earth(${caseFile.locationLat}, ${caseFile.locationLon})`;

/** The public label of the case's current status in its item version, null when that status is internal. */
const publicStatusLabel = sql<{ nl: string; en?: string } | null>`(
  SELECT s->'label' FROM jsonb_array_elements(${catalogueItemVersion.definition}->'handling'->'statuses') s
  WHERE s->>'key' = ${caseFile.status} AND s->>'visibility' = 'public' LIMIT 1)`;

/**
 * Open reports of one item within `radius` metres of a point whose current status is public: not child tasks
 * (their parent is the report) and not duplicates merged into another case. `earth_box @>` is what the GiST index
 * on `ll_to_earth(location_lat, location_lon)` (open cases) answers; `earth_distance` then trims the box's corners.
 */
export function openReportsNear(
  db: Db,
  organisationId: string,
  itemId: string,
  lat: number,
  lon: number,
  radius: number,
  limit = 10,
) {
  const point = sql`ll_to_earth(${lat}::float8, ${lon}::float8)`;
  const metres = sql<number>`earth_distance(${earthOf}, ${point})`.mapWith(Number);
  return db
    .select({
      id: caseFile.id,
      reference: caseFile.reference,
      createdAt: caseFile.createdAt,
      location: caseFile.location,
      statusLabel: publicStatusLabel,
      metres,
    })
    .from(caseFile)
    .innerJoin(
      catalogueItemVersion,
      onKey(catalogueItemVersion, caseFile.organisationId, caseFile.itemVersionId),
    )
    .where(
      and(
        eq(caseFile.organisationId, organisationId),
        eq(caseFile.catalogueItemId, itemId),
        isNull(caseFile.closedAt),
        isNull(caseFile.parentCaseId),
        isNull(caseFile.mainCaseId),
        sql`earth_box(${point}, ${radius}::float8) @> ${earthOf}`,
        sql`earth_distance(${earthOf}, ${point}) <= ${radius}::float8`,
        sql`${publicStatusLabel} IS NOT NULL`,
      ),
    )
    .orderBy(metres, asc(caseFile.createdAt))
    .limit(limit);
}

/** The same query's plan (EXPLAIN), for the test that proves the GiST index answers it on a server. */
export async function explainNear(db: Db, organisationId: string, itemId: string, lat: number, lon: number) {
  const point = sql`ll_to_earth(${lat}::float8, ${lon}::float8)`;
  const result = await db.execute(sql`EXPLAIN SELECT ${caseFile.id} FROM ${caseFile}
    WHERE ${caseFile.organisationId} = ${organisationId} AND ${caseFile.catalogueItemId} = ${itemId}
      AND ${caseFile.closedAt} IS NULL AND earth_box(${point}, 50::float8) @> ${earthOf}`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
    string,
    string
  >[];
  return rows.map((r) => Object.values(r)[0]).join('\n');
}

/** Open cases with a known place (the map of open reports), at most `limit`; the team filter is the queue's. */
export function openCasesWithPlace(
  db: Db,
  organisationId: string,
  teamId: string | undefined,
  limit: number,
) {
  return db
    .select({
      id: caseFile.id,
      reference: caseFile.reference,
      subject: caseFile.subject,
      lat: caseFile.locationLat,
      lon: caseFile.locationLon,
      location: caseFile.location,
    })
    .from(caseFile)
    .where(
      and(
        eq(caseFile.organisationId, organisationId),
        isNull(caseFile.closedAt),
        isNull(caseFile.parentCaseId),
        isNotNull(caseFile.locationLat),
        isNotNull(caseFile.locationLon),
        teamId ? eq(caseFile.teamId, teamId) : undefined,
      ),
    )
    .orderBy(asc(caseFile.dueAt))
    .limit(limit);
}

/** The case a follower may follow: found by its reference, with its item version's definition. */
export function followableCase(db: Db, organisationId: string, reference: string) {
  return db
    .select({
      id: caseFile.id,
      reference: caseFile.reference,
      closedAt: caseFile.closedAt,
      parentCaseId: caseFile.parentCaseId,
      mainCaseId: caseFile.mainCaseId,
      dueAt: caseFile.dueAt,
      definition: catalogueItemVersion.definition,
      statusLabel: publicStatusLabel,
      organisationName: organisation.name,
      slug: organisation.slug,
    })
    .from(caseFile)
    .innerJoin(
      catalogueItemVersion,
      onKey(catalogueItemVersion, caseFile.organisationId, caseFile.itemVersionId),
    )
    .innerJoin(organisation, eq(organisation.id, caseFile.organisationId))
    .where(and(eq(caseFile.organisationId, organisationId), eq(caseFile.reference, reference)))
    .limit(1)
    .then((r) => r[0]);
}

/** Adds a follower unless the address follows the case already; returns the new row (none when it did). */
export function insertFollower(db: Db, values: typeof caseFollower.$inferInsert) {
  return db
    .insert(caseFollower)
    .values(values)
    .onConflictDoNothing({ target: [caseFollower.organisationId, caseFollower.caseId, caseFollower.email] })
    .returning({ id: caseFollower.id });
}

/** The followers of a case, who hear of its public progress. */
export function followersOf(db: Db, organisationId: string, caseId: string) {
  return db
    .select({
      id: caseFollower.id,
      email: caseFollower.email,
      language: caseFollower.language,
      slug: organisation.slug,
    })
    .from(caseFollower)
    .innerJoin(organisation, eq(organisation.id, caseFollower.organisationId))
    .where(and(eq(caseFollower.organisationId, organisationId), eq(caseFollower.caseId, caseId)));
}

export function followerByTokenHash(db: Db, organisationId: string, tokenHash: string) {
  return db
    .select({ id: caseFollower.id, caseId: caseFollower.caseId, reference: caseFile.reference })
    .from(caseFollower)
    .innerJoin(caseFile, onKey(caseFile, caseFollower.organisationId, caseFollower.caseId))
    .where(
      and(eq(caseFollower.organisationId, organisationId), eq(caseFollower.unsubscribeTokenHash, tokenHash)),
    )
    .limit(1)
    .then((r) => r[0]);
}

export function deleteFollower(db: Db, organisationId: string, id: string) {
  return db
    .delete(caseFollower)
    .where(and(eq(caseFollower.organisationId, organisationId), eq(caseFollower.id, id)))
    .returning({ id: caseFollower.id });
}
