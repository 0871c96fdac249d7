import {
  catalogueItem,
  catalogueItemVersion,
  type Db,
  metricContactDay,
  metricSurveyDay,
  mysteryCheck,
  mysteryPoint,
  queryRows,
} from '@voordeur/db';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';

export function activePoints(db: Db, organisationId: string, channel?: string) {
  return db
    .select()
    .from(mysteryPoint)
    .where(
      and(
        eq(mysteryPoint.organisationId, organisationId),
        isNull(mysteryPoint.retiredAt),
        ...(channel ? [eq(mysteryPoint.channel, channel)] : []),
      ),
    )
    .orderBy(mysteryPoint.channel, mysteryPoint.createdAt);
}

export function insertPoint(db: Db, values: typeof mysteryPoint.$inferInsert) {
  return db
    .insert(mysteryPoint)
    .values(values)
    .returning()
    .then((r) => r[0]!);
}

export function retirePoint(db: Db, organisationId: string, id: string) {
  return db
    .update(mysteryPoint)
    .set({ retiredAt: new Date() })
    .where(
      and(
        eq(mysteryPoint.organisationId, organisationId),
        eq(mysteryPoint.id, id),
        isNull(mysteryPoint.retiredAt),
      ),
    )
    .returning()
    .then((r) => r[0]);
}

/** The item's name in Dutch (published, else its draft); undefined when the organisation has no such item. */
export function itemName(db: Db, organisationId: string, itemId: string) {
  return db
    .select({ name: sql<string>`${catalogueItemVersion.definition}->'name'->>'nl'` })
    .from(catalogueItem)
    .innerJoin(
      catalogueItemVersion,
      and(
        eq(catalogueItemVersion.organisationId, catalogueItem.organisationId),
        sql`${catalogueItemVersion.id} = coalesce(${catalogueItem.publishedVersionId}, ${catalogueItem.draftVersionId})`,
      ),
    )
    .where(and(eq(catalogueItem.organisationId, organisationId), eq(catalogueItem.id, itemId)))
    .then((r) => r[0]);
}

export function insertCheck(db: Db, values: typeof mysteryCheck.$inferInsert) {
  return db
    .insert(mysteryCheck)
    .values(values)
    .returning()
    .then((r) => r[0]!);
}

export interface CheckFilter {
  from: string;
  to: string;
  channel?: string | undefined;
  itemId?: string | undefined;
}

const checkWhere = (organisationId: string, f: CheckFilter) =>
  and(
    eq(mysteryCheck.organisationId, organisationId),
    sql`${mysteryCheck.day} BETWEEN ${f.from}::date AND ${f.to}::date`,
    ...(f.channel ? [eq(mysteryCheck.channel, f.channel)] : []),
    ...(f.itemId ? [eq(mysteryCheck.catalogueItemId, f.itemId)] : []),
  );

/** The period's checks, newest first, with the item's name. */
export function listChecks(db: Db, organisationId: string, f: CheckFilter, limit: number) {
  return db
    .select({
      check: mysteryCheck,
      itemName: sql<string | null>`(SELECT v.definition->'name'->>'nl' FROM ${catalogueItem} i
        JOIN ${catalogueItemVersion} v ON v.organisation_id = i.organisation_id
          AND v.id = coalesce(i.published_version_id, i.draft_version_id)
        WHERE i.organisation_id = mystery_check.organisation_id AND i.id = mystery_check.catalogue_item_id)`,
    })
    .from(mysteryCheck)
    .where(checkWhere(organisationId, f))
    .orderBy(desc(mysteryCheck.day), desc(mysteryCheck.createdAt))
    .limit(limit);
}

export interface ChannelScore {
  channel: string;
  checks: number;
  met: number;
  notMet: number;
  inTargetMet: number;
  inTargetApplicable: number;
}

export function scoresPerChannel(db: Db, organisationId: string, f: CheckFilter) {
  return queryRows<ChannelScore>(
    db,
    sql`SELECT channel, count(*)::int AS checks, sum(met)::int AS met, sum(not_met)::int AS "notMet",
          count(*) FILTER (WHERE answers->>'answered_in_target' = 'met')::int AS "inTargetMet",
          count(*) FILTER (WHERE answers->>'answered_in_target' IN ('met', 'not_met'))::int AS "inTargetApplicable"
        FROM ${mysteryCheck} WHERE ${checkWhere(organisationId, f)} GROUP BY channel ORDER BY channel`,
  );
}

export interface Measured {
  channel: string;
  contacts: number;
  answered: number;
  responses: number;
  gradeSum: number;
}

/** What the rollups measured per channel over the same period: contacts and FCR, survey answers and grades. */
export function measuredPerChannel(db: Db, organisationId: string, f: CheckFilter) {
  const where = (t: typeof metricContactDay | typeof metricSurveyDay) =>
    sql`${t.organisationId} = ${organisationId} AND ${t.day} BETWEEN ${f.from}::date AND ${f.to}::date
      ${f.channel ? sql`AND ${t.channel} = ${f.channel}` : sql``}
      ${f.itemId ? sql`AND ${t.catalogueItemId} = ${f.itemId}` : sql``}`;
  return queryRows<Measured>(
    db,
    sql`SELECT channel, sum(contacts)::int AS contacts, sum(answered)::int AS answered,
          sum(responses)::int AS responses, sum(grade_sum)::int AS "gradeSum"
        FROM (
          SELECT channel, contacts, answered, 0 AS responses, 0 AS grade_sum FROM ${metricContactDay}
            WHERE ${where(metricContactDay)}
          UNION ALL
          SELECT channel, 0, 0, responses, grade_sum FROM ${metricSurveyDay} WHERE ${where(metricSurveyDay)}
        ) v GROUP BY channel`,
  );
}
