import {
  catalogueItem,
  catalogueItemVersion,
  type Db,
  kpiTarget,
  metricBacklogDay,
  metricCaseDay,
  metricContactDay,
  metricSurveyDay,
  organisation,
  team,
} from '@voordeur/db';
import { type AnyColumn, and, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';

/**
 * SQL only: public accountability reads the daily rollups (metric_*_day, kept by the metrics module) over a
 * period of local days, never the raw rows — so a year of a large city is a few thousand rows. Every query takes
 * the organisation. Employees' own contacts and answers (the internal front office) are not the public's figures.
 */
export interface Span {
  from: string;
  to: string;
}

const int = (column: unknown) => sql<number>`coalesce(sum(${column}), 0)::int`;
const notEmployee = (column: typeof metricContactDay.customerKind | typeof metricSurveyDay.customerKind) =>
  sql`${column} IS DISTINCT FROM 'employee'`;

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

const caseSpan = (organisationId: string, span: Span) =>
  and(
    eq(metricCaseDay.organisationId, organisationId),
    gte(metricCaseDay.day, span.from),
    lte(metricCaseDay.day, span.to),
  );

/** Closed cases per item in the period, and how many within the public norm and the internal target. */
export function closedByItem(db: Db, organisationId: string, span: Span) {
  return db
    .select({
      itemId: metricCaseDay.catalogueItemId,
      closed: int(metricCaseDay.closed),
      inNorm: int(metricCaseDay.closedInNorm),
      inTarget: int(metricCaseDay.closedInTarget),
    })
    .from(metricCaseDay)
    .where(caseSpan(organisationId, span))
    .groupBy(metricCaseDay.catalogueItemId);
}

/** The same per team. */
export function closedByTeam(db: Db, organisationId: string, span: Span) {
  return db
    .select({
      teamId: metricCaseDay.teamId,
      team: team.name,
      closed: int(metricCaseDay.closed),
      inNorm: int(metricCaseDay.closedInNorm),
      inTarget: int(metricCaseDay.closedInTarget),
    })
    .from(metricCaseDay)
    .leftJoin(
      team,
      and(eq(team.organisationId, metricCaseDay.organisationId), eq(team.id, metricCaseDay.teamId)),
    )
    .where(caseSpan(organisationId, span))
    .groupBy(metricCaseDay.teamId, team.name);
}

/** Cases closed after the public norm, per item and reason. */
export function lateByItemAndReason(db: Db, organisationId: string, span: Span) {
  return db
    .select({
      itemId: metricCaseDay.catalogueItemId,
      reason: metricCaseDay.breachReason,
      late: sql<number>`coalesce(sum(${metricCaseDay.closed} - ${metricCaseDay.closedInNorm}), 0)::int`,
    })
    .from(metricCaseDay)
    .where(and(caseSpan(organisationId, span), isNotNull(metricCaseDay.breachReason)))
    .groupBy(metricCaseDay.catalogueItemId, metricCaseDay.breachReason);
}

/** The period's case totals: opened, closed, in norm and target, reopened, and the complaints decided. */
export function caseTotals(db: Db, organisationId: string, span: Span) {
  return db
    .select({
      opened: int(metricCaseDay.opened),
      closed: int(metricCaseDay.closed),
      inNorm: int(metricCaseDay.closedInNorm),
      inTarget: int(metricCaseDay.closedInTarget),
      reopened: int(metricCaseDay.reopened),
      complaintsClosed: int(metricCaseDay.complaintsClosed),
      complaintsInTerm: int(metricCaseDay.complaintsInTerm),
      founded: int(metricCaseDay.complaintsFounded),
      partlyFounded: int(metricCaseDay.complaintsPartlyFounded),
      unfounded: int(metricCaseDay.complaintsUnfounded),
      withdrawn: int(metricCaseDay.complaintsWithdrawn),
    })
    .from(metricCaseDay)
    .where(caseSpan(organisationId, span))
    .then((rows) => rows[0]!);
}

/** Survey answers per channel: count, sum of grades, grades of 7 or more, "solved" answers. */
export function surveyByChannel(db: Db, organisationId: string, span: Span) {
  return db
    .select({
      channel: metricSurveyDay.channel,
      responses: int(metricSurveyDay.responses),
      gradeSum: int(metricSurveyDay.gradeSum),
      atLeast7: int(metricSurveyDay.gradeAtLeast7),
      solvedYes: int(metricSurveyDay.solvedYes),
      solvedAnswers: int(metricSurveyDay.solvedAnswers),
    })
    .from(metricSurveyDay)
    .where(
      and(
        eq(metricSurveyDay.organisationId, organisationId),
        gte(metricSurveyDay.day, span.from),
        lte(metricSurveyDay.day, span.to),
        notEmployee(metricSurveyDay.customerKind),
      ),
    )
    .groupBy(metricSurveyDay.channel);
}

/** Contacts per channel: count, answered at once (first-contact resolution), without a recorded outcome, repeats. */
export function contactsByChannel(db: Db, organisationId: string, span: Span) {
  return db
    .select({
      channel: metricContactDay.channel,
      contacts: int(metricContactDay.contacts),
      answered: int(metricContactDay.answered),
      unrecorded: int(metricContactDay.unrecorded),
      repeats: int(metricContactDay.repeats),
    })
    .from(metricContactDay)
    .where(
      and(
        eq(metricContactDay.organisationId, organisationId),
        gte(metricContactDay.day, span.from),
        lte(metricContactDay.day, span.to),
        notEmployee(metricContactDay.customerKind),
      ),
    )
    .groupBy(metricContactDay.channel);
}

export type TrendGrain = 'week' | 'month';

/** Per week or month of the period: first-contact resolution, norm compliance and the mean grade's sums. */
export async function trend(db: Db, organisationId: string, span: Span, grain: TrendGrain) {
  const bucket = (day: AnyColumn) =>
    sql<string>`to_char(date_trunc(${grain}, ${day}::timestamp), 'YYYY-MM-DD')`;
  const [cases, contacts, surveys] = await Promise.all([
    db
      .select({
        period: bucket(metricCaseDay.day),
        closed: int(metricCaseDay.closed),
        inNorm: int(metricCaseDay.closedInNorm),
      })
      .from(metricCaseDay)
      .where(caseSpan(organisationId, span))
      .groupBy(sql`1`),
    db
      .select({
        period: bucket(metricContactDay.day),
        contacts: int(metricContactDay.contacts),
        answered: int(metricContactDay.answered),
        unrecorded: int(metricContactDay.unrecorded),
      })
      .from(metricContactDay)
      .where(
        and(
          eq(metricContactDay.organisationId, organisationId),
          gte(metricContactDay.day, span.from),
          lte(metricContactDay.day, span.to),
          notEmployee(metricContactDay.customerKind),
        ),
      )
      .groupBy(sql`1`),
    db
      .select({
        period: bucket(metricSurveyDay.day),
        responses: int(metricSurveyDay.responses),
        gradeSum: int(metricSurveyDay.gradeSum),
      })
      .from(metricSurveyDay)
      .where(
        and(
          eq(metricSurveyDay.organisationId, organisationId),
          gte(metricSurveyDay.day, span.from),
          lte(metricSurveyDay.day, span.to),
          notEmployee(metricSurveyDay.customerKind),
        ),
      )
      .groupBy(sql`1`),
  ]);
  return { cases, contacts, surveys };
}

/** Open cases at the end of the last day of the span that has a backlog snapshot. */
export function backlogAtEnd(db: Db, organisationId: string, span: Span) {
  return db
    .select({
      open: int(metricBacklogDay.open),
      overdue: int(metricBacklogDay.overdue),
      /** Rows of the snapshot: none when no day of the span was snapshotted (the backlog is then unknown). */
      rows: sql<number>`count(*)::int`,
    })
    .from(metricBacklogDay)
    .where(
      and(
        eq(metricBacklogDay.organisationId, organisationId),
        sql`${metricBacklogDay.day} = (SELECT max(b.day) FROM metric_backlog_day b WHERE b.organisation_id = ${organisationId} AND b.day BETWEEN ${span.from} AND ${span.to})`,
      ),
    )
    .then((rows) => rows[0]!);
}

/** The organisation's own KPI targets. */
export function targets(db: Db, organisationId: string) {
  return db
    .select({ code: kpiTarget.kpiCode, target: kpiTarget.target })
    .from(kpiTarget)
    .where(eq(kpiTarget.organisationId, organisationId));
}
