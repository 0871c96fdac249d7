import {
  type Db,
  metricCaseDay,
  metricCaseTeamDay,
  metricContactDay,
  metricContactTeamDay,
  metricSurveyDay,
  metricSurveyTeamDay,
  queryRows,
  unitCost,
} from '@voordeur/db';
import type { MetricFilter } from '@voordeur/shared';
import { and, eq, type SQL, sql } from 'drizzle-orm';

export function listUnitCosts(db: Db, organisationId: string) {
  return db.select().from(unitCost).where(eq(unitCost.organisationId, organisationId));
}

/** Sets a channel's cost when the version still matches (0: not set before); returns nothing on a stale version. */
export async function setUnitCost(
  db: Db,
  organisationId: string,
  channel: string,
  cents: number,
  version: number,
) {
  if (version === 0)
    return db
      .insert(unitCost)
      .values({ organisationId, channel, cents })
      .onConflictDoNothing()
      .returning()
      .then((r) => r[0]);
  return db
    .update(unitCost)
    .set({ cents, version: sql`${unitCost.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(unitCost.organisationId, organisationId),
        eq(unitCost.channel, channel),
        eq(unitCost.version, version),
      ),
    )
    .returning()
    .then((r) => r[0]);
}

type Rollup =
  | typeof metricContactDay
  | typeof metricCaseDay
  | typeof metricSurveyDay
  | typeof metricContactTeamDay
  | typeof metricCaseTeamDay
  | typeof metricSurveyTeamDay;

/** The rollups' filter on one of their tables (the dimensions all share; item and area only the daily ones). */
function where(table: Rollup, organisationId: string, f: MetricFilter): SQL {
  return sql.join(
    [
      sql`${table.organisationId} = ${organisationId}`,
      sql`${table.day} BETWEEN ${f.from}::date AND ${f.to}::date`,
      ...(f.channel ? [sql`${table.channel} = ${f.channel}`] : []),
      ...(f.teamId ? [sql`${table.teamId} = ${f.teamId}`] : []),
      ...(f.itemId && 'catalogueItemId' in table ? [sql`${table.catalogueItemId} = ${f.itemId}`] : []),
      ...(f.area && 'area' in table ? [sql`${table.area} = ${f.area}`] : []),
    ],
    sql` AND `,
  );
}

export interface ChannelVolume {
  channel: string;
  contacts: number;
  cases: number;
  responses: number;
  gradeSum: number;
  gradeAtLeast7: number;
}

/**
 * Per channel over a period: contacts (by the day they started), cases opened, and the survey answers given about
 * that channel. With an agent filter only that agent's contacts count (cases and answers know no agent).
 */
export function channelVolumes(db: Db, organisationId: string, f: MetricFilter) {
  const agent = f.agentId ? sql` AND ${metricContactDay.agentUserId} = ${f.agentId}` : sql``;
  // Per team and channel is enough unless an item, area or agent is asked for (ADR 0030, the team rollups).
  const fine = Boolean(f.itemId || f.area || f.agentId);
  const contacts = fine ? metricContactDay : metricContactTeamDay;
  const cases = fine ? metricCaseDay : metricCaseTeamDay;
  const answers = fine ? metricSurveyDay : metricSurveyTeamDay;
  return queryRows<ChannelVolume>(
    db,
    sql`SELECT channel, sum(contacts)::int AS contacts, sum(cases)::int AS cases, sum(responses)::int AS responses,
          sum(grade_sum)::int AS "gradeSum", sum(grade_at_least_7)::int AS "gradeAtLeast7"
        FROM (
          SELECT channel, contacts, 0 AS cases, 0 AS responses, 0 AS grade_sum, 0 AS grade_at_least_7
            FROM ${contacts} WHERE ${where(contacts, organisationId, f)}${agent}
          UNION ALL
          SELECT channel, 0, opened, 0, 0, 0 FROM ${cases}
            WHERE ${where(cases, organisationId, f)}${f.agentId ? sql` AND false` : sql``}
          UNION ALL
          SELECT channel, 0, 0, responses, grade_sum, grade_at_least_7 FROM ${answers}
            WHERE ${where(answers, organisationId, f)}${f.agentId ? sql` AND false` : sql``}
        ) v
        GROUP BY channel`,
  );
}
