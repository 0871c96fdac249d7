import {
  catalogueItem,
  catalogueItemVersion,
  type Db,
  kpiTarget,
  metricCaseDay,
  metricCaseTeamDay,
  organisation,
  team,
} from '@voordeur/db';
import { and, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';

/**
 * SQL only: what public accountability needs besides the KPIs (those come from the metrics module, one definition
 * per KPI): the organisation, its published services, breach reasons and complaint outcomes from the daily
 * rollups, its teams and targets. Every query takes the organisation.
 */
export interface Span {
  from: string;
  to: string;
}

const int = (column: unknown) => sql<number>`coalesce(sum(${column}), 0)::int`;
export function organisationBySlug(db: Db, slug: string) {
  return db
    .select({ id: organisation.id, slug: organisation.slug, name: organisation.name })
    .from(organisation)
    .where(eq(organisation.slug, slug))
    .then((rows) => rows[0]);
}

export function organisationById(db: Db, organisationId: string) {
  return db
    .select({
      id: organisation.id,
      slug: organisation.slug,
      name: organisation.name,
      breachReasons: sql<unknown>`${organisation.settings} -> 'cases' -> 'breachReasons'`,
    })
    .from(organisation)
    .where(eq(organisation.id, organisationId))
    .then((rows) => rows[0]);
}

/** The services the public sees: published items for residents and businesses, with their published definition. */
export function publishedServices(db: Db, organisationId: string) {
  return db
    .select({
      id: catalogueItem.id,
      code: catalogueItem.code,
      kind: catalogueItem.kind,
      definition: catalogueItemVersion.definition,
    })
    .from(catalogueItem)
    .innerJoin(
      catalogueItemVersion,
      and(
        eq(catalogueItemVersion.organisationId, catalogueItem.organisationId),
        eq(catalogueItemVersion.id, catalogueItem.publishedVersionId),
      ),
    )
    .where(
      and(
        eq(catalogueItem.organisationId, organisationId),
        eq(catalogueItem.audience, 'external'),
        eq(catalogueItem.state, 'published'),
      ),
    );
}

/** A case rollup's rows (the daily one or the team one) of the organisation within the span. */
const caseSpan = (t: typeof metricCaseDay | typeof metricCaseTeamDay, organisationId: string, span: Span) =>
  and(eq(t.organisationId, organisationId), gte(t.day, span.from), lte(t.day, span.to));

/** Cases closed after the public norm, per item and reason. */
export function lateByItemAndReason(db: Db, organisationId: string, span: Span) {
  return db
    .select({
      itemId: metricCaseDay.catalogueItemId,
      reason: metricCaseDay.breachReason,
      late: sql<number>`coalesce(sum(${metricCaseDay.closed} - ${metricCaseDay.closedInNorm}), 0)::int`,
    })
    .from(metricCaseDay)
    .where(and(caseSpan(metricCaseDay, organisationId, span), isNotNull(metricCaseDay.breachReason)))
    .groupBy(metricCaseDay.catalogueItemId, metricCaseDay.breachReason);
}

/**
 * The outcomes of the complaints decided in the period (counts, not a KPI: the KPIs come from the metrics module),
 * from the team rollup (a row per day × channel × team, whatever the volume).
 */
export function complaintOutcomes(db: Db, organisationId: string, span: Span) {
  return db
    .select({
      founded: int(metricCaseTeamDay.complaintsFounded),
      partlyFounded: int(metricCaseTeamDay.complaintsPartlyFounded),
      unfounded: int(metricCaseTeamDay.complaintsUnfounded),
      withdrawn: int(metricCaseTeamDay.complaintsWithdrawn),
    })
    .from(metricCaseTeamDay)
    .where(caseSpan(metricCaseTeamDay, organisationId, span))
    .then((rows) => rows[0]!);
}

export type TrendGrain = 'week' | 'month';

/** The organisation's teams by id (the report names them). */
export function teamNames(db: Db, organisationId: string) {
  return db
    .select({ id: team.id, name: team.name })
    .from(team)
    .where(eq(team.organisationId, organisationId));
}

/** The organisation's own KPI targets. */
export function targets(db: Db, organisationId: string) {
  return db
    .select({ code: kpiTarget.kpiCode, target: kpiTarget.target })
    .from(kpiTarget)
    .where(eq(kpiTarget.organisationId, organisationId));
}
