import {
  appUser,
  caseFile,
  caseStatusChange,
  compliment,
  contact,
  type Db,
  membership,
  surveyResponse,
  team,
} from '@voordeur/db';
import { and, count, desc, eq, gte, isNotNull, isNull, ne, sql } from 'drizzle-orm';

/** Survey answers marked as compliment that have not been routed yet, over all organisations (oldest first). */
export function unrouted(db: Db, limit = 200) {
  return db
    .select({
      id: surveyResponse.id,
      organisationId: surveyResponse.organisationId,
      source: surveyResponse.source,
      caseId: surveyResponse.caseId,
      contactId: surveyResponse.contactId,
      teamId: surveyResponse.teamId,
      itemCode: surveyResponse.itemCode,
      grade: surveyResponse.grade,
      comment: surveyResponse.comment,
      answeredAt: surveyResponse.answeredAt,
    })
    .from(surveyResponse)
    .leftJoin(
      compliment,
      and(
        eq(compliment.organisationId, surveyResponse.organisationId),
        eq(compliment.surveyResponseId, surveyResponse.id),
      ),
    )
    .where(and(eq(surveyResponse.compliment, true), isNull(compliment.id)))
    .orderBy(surveyResponse.answeredAt)
    .limit(limit);
}

/** The employee who closed the case (the last status change made by a person), else its assignee. */
export async function handlerOfCase(db: Db, organisationId: string, caseId: string) {
  const [last] = await db
    .select({ userId: caseStatusChange.byUserId })
    .from(caseStatusChange)
    .where(
      and(
        eq(caseStatusChange.organisationId, organisationId),
        eq(caseStatusChange.caseId, caseId),
        isNotNull(caseStatusChange.byUserId),
      ),
    )
    .orderBy(desc(caseStatusChange.at))
    .limit(1);
  if (last?.userId) return last.userId;
  const [c] = await db
    .select({ userId: caseFile.assigneeUserId })
    .from(caseFile)
    .where(and(eq(caseFile.organisationId, organisationId), eq(caseFile.id, caseId)));
  return c?.userId ?? null;
}

export async function agentOfContact(db: Db, organisationId: string, contactId: string) {
  const [c] = await db
    .select({ userId: contact.agentUserId })
    .from(contact)
    .where(and(eq(contact.organisationId, organisationId), eq(contact.id, contactId)));
  return c?.userId ?? null;
}

export function userById(db: Db, organisationId: string, id: string) {
  return db
    .select({
      id: appUser.id,
      email: appUser.email,
      name: appUser.name,
      locale: appUser.locale,
      active: appUser.active,
    })
    .from(appUser)
    .where(and(eq(appUser.organisationId, organisationId), eq(appUser.id, id)))
    .then((r) => r[0]);
}

export function insertCompliment(db: Db, values: typeof compliment.$inferInsert) {
  return db
    .insert(compliment)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: compliment.id })
    .then((r) => r[0]);
}

const complimentColumns = {
  id: compliment.id,
  grade: compliment.grade,
  comment: compliment.comment,
  receivedAt: compliment.receivedAt,
  source: compliment.source,
  caseId: compliment.caseId,
  itemCode: compliment.itemCode,
  employeeName: appUser.name,
};

function complimentsQuery(db: Db) {
  return db
    .select(complimentColumns)
    .from(compliment)
    .leftJoin(
      appUser,
      and(eq(appUser.organisationId, compliment.organisationId), eq(appUser.id, compliment.employeeUserId)),
    )
    .$dynamic();
}

export function complimentsOfUser(db: Db, organisationId: string, userId: string, limit = 50) {
  return complimentsQuery(db)
    .where(and(eq(compliment.organisationId, organisationId), eq(compliment.employeeUserId, userId)))
    .orderBy(desc(compliment.receivedAt))
    .limit(limit);
}

export function complimentsOfTeam(db: Db, organisationId: string, teamId: string, from: Date, limit = 50) {
  return complimentsQuery(db)
    .where(
      and(
        eq(compliment.organisationId, organisationId),
        eq(compliment.teamId, teamId),
        gte(compliment.receivedAt, from),
      ),
    )
    .orderBy(desc(compliment.receivedAt))
    .limit(limit);
}

/** Residents' comments on the team's work (survey answers with a text), newest first. */
export function surveyCommentsOfTeam(db: Db, organisationId: string, teamId: string, from: Date, limit = 30) {
  return db
    .select({
      grade: surveyResponse.grade,
      comment: surveyResponse.comment,
      answeredAt: surveyResponse.answeredAt,
    })
    .from(surveyResponse)
    .where(
      and(
        eq(surveyResponse.organisationId, organisationId),
        eq(surveyResponse.teamId, teamId),
        gte(surveyResponse.answeredAt, from),
        ne(surveyResponse.comment, ''),
      ),
    )
    .orderBy(desc(surveyResponse.answeredAt))
    .limit(limit);
}

export function teamWithCount(db: Db, organisationId: string, teamId: string) {
  return db
    .select({
      id: team.id,
      name: team.name,
      memberCount:
        sql<number>`(select ${count()} from (select distinct ${membership.userId} from ${membership} where ${membership.organisationId} = ${team.organisationId} and ${membership.teamId} = ${team.id}) m)`.mapWith(
          Number,
        ),
    })
    .from(team)
    .where(and(eq(team.organisationId, organisationId), eq(team.id, teamId)))
    .then((r) => r[0]);
}

export function allTeams(db: Db, organisationId: string) {
  return db
    .select({ id: team.id, name: team.name })
    .from(team)
    .where(eq(team.organisationId, organisationId))
    .orderBy(team.name);
}

export function teamIdsOfUser(db: Db, organisationId: string, userId: string) {
  return db
    .selectDistinct({ id: membership.teamId })
    .from(membership)
    .where(and(eq(membership.organisationId, organisationId), eq(membership.userId, userId)))
    .then((r) => r.map((x) => x.id));
}
