import {
  type Db,
  membership,
  pulseAnswer,
  pulseHeld,
  pulseParticipation,
  pulseQuestionnaire,
  pulseRound,
  team,
} from '@voordeur/db';
import { and, count, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';

export function latestQuestionnaire(db: Db, organisationId: string) {
  return db
    .select()
    .from(pulseQuestionnaire)
    .where(eq(pulseQuestionnaire.organisationId, organisationId))
    .orderBy(desc(pulseQuestionnaire.number))
    .limit(1)
    .then((r) => r[0]);
}

export function insertQuestionnaire(db: Db, values: typeof pulseQuestionnaire.$inferInsert) {
  return db
    .insert(pulseQuestionnaire)
    .values(values)
    .returning()
    .then((r) => r[0]!);
}

const roundColumns = {
  id: pulseRound.id,
  period: pulseRound.period,
  startsOn: pulseRound.startsOn,
  endsOn: pulseRound.endsOn,
  closedAt: pulseRound.closedAt,
  respondents: pulseRound.respondents,
  questionnaire: pulseQuestionnaire.number,
  questions: pulseQuestionnaire.questions,
  participants:
    sql<number>`(select ${count()} from ${pulseParticipation} where ${pulseParticipation.organisationId} = ${pulseRound.organisationId} and ${pulseParticipation.roundId} = ${pulseRound.id})`.mapWith(
      Number,
    ),
};
export type RoundRow = Awaited<ReturnType<typeof rounds>>[number];

function roundsQuery(db: Db, organisationId: string) {
  return db
    .select(roundColumns)
    .from(pulseRound)
    .innerJoin(
      pulseQuestionnaire,
      and(
        eq(pulseQuestionnaire.organisationId, pulseRound.organisationId),
        eq(pulseQuestionnaire.id, pulseRound.questionnaireId),
      ),
    )
    .where(eq(pulseRound.organisationId, organisationId))
    .$dynamic();
}

/** The rounds, newest first. */
export function rounds(db: Db, organisationId: string, limit = 12) {
  return roundsQuery(db, organisationId).orderBy(desc(pulseRound.startsOn)).limit(limit);
}

export function roundById(db: Db, organisationId: string, id: string) {
  return roundsQuery(db, organisationId)
    .where(and(eq(pulseRound.organisationId, organisationId), eq(pulseRound.id, id)))
    .then((r) => r[0]);
}

/** The open round on this day (the newest, should two overlap). */
export function openRoundOn(db: Db, organisationId: string, day: string) {
  return roundsQuery(db, organisationId)
    .where(
      and(
        eq(pulseRound.organisationId, organisationId),
        isNull(pulseRound.closedAt),
        lte(pulseRound.startsOn, day),
        gte(pulseRound.endsOn, day),
      ),
    )
    .orderBy(desc(pulseRound.startsOn))
    .limit(1)
    .then((r) => r[0]);
}

/** Open rounds that share a day with [from, to] (a round closed early makes room for a new one). */
export function overlapping(db: Db, organisationId: string, from: string, to: string) {
  return db
    .select({ id: pulseRound.id })
    .from(pulseRound)
    .where(
      and(
        eq(pulseRound.organisationId, organisationId),
        isNull(pulseRound.closedAt),
        lte(pulseRound.startsOn, to),
        gte(pulseRound.endsOn, from),
      ),
    );
}

export function insertRound(db: Db, values: typeof pulseRound.$inferInsert) {
  return db
    .insert(pulseRound)
    .values(values)
    .returning({ id: pulseRound.id })
    .then((r) => r[0]!);
}

/** The round, locked for this transaction (answers and closing wait for each other). */
export function lockRound(db: Db, organisationId: string, id: string) {
  return db
    .select({
      id: pulseRound.id,
      closedAt: pulseRound.closedAt,
      startsOn: pulseRound.startsOn,
      endsOn: pulseRound.endsOn,
    })
    .from(pulseRound)
    .where(and(eq(pulseRound.organisationId, organisationId), eq(pulseRound.id, id)))
    .for('update')
    .then((r) => r[0]);
}

/** Open rounds whose last day lies before this day, over all organisations (the closing task). */
export function roundsToClose(db: Db, day: string) {
  return db
    .select({ organisationId: pulseRound.organisationId, id: pulseRound.id })
    .from(pulseRound)
    .where(and(isNull(pulseRound.closedAt), sql`${pulseRound.endsOn} < ${day}`))
    .limit(100);
}

export function markClosed(db: Db, organisationId: string, id: string, respondents: number) {
  return db
    .update(pulseRound)
    .set({ closedAt: new Date(), respondents })
    .where(and(eq(pulseRound.organisationId, organisationId), eq(pulseRound.id, id)));
}

/** Records that the user answered; false when they already had. */
export function insertParticipation(db: Db, organisationId: string, roundId: string, userId: string) {
  return db
    .insert(pulseParticipation)
    .values({ organisationId, roundId, userId })
    .onConflictDoNothing()
    .returning({ roundId: pulseParticipation.roundId })
    .then((r) => r.length > 0);
}

export function hasParticipated(db: Db, organisationId: string, roundId: string, userId: string) {
  return db
    .select({ roundId: pulseParticipation.roundId })
    .from(pulseParticipation)
    .where(
      and(
        eq(pulseParticipation.organisationId, organisationId),
        eq(pulseParticipation.roundId, roundId),
        eq(pulseParticipation.userId, userId),
      ),
    )
    .then((r) => r.length > 0);
}

/**
 * Rewrites every participation row of the round in one statement: afterwards they all carry this transaction's
 * system columns, so none points at the transaction of its answer.
 */
export function rewriteParticipation(db: Db, organisationId: string, roundId: string) {
  return db
    .update(pulseParticipation)
    .set({ userId: sql`${pulseParticipation.userId}` })
    .where(
      and(eq(pulseParticipation.organisationId, organisationId), eq(pulseParticipation.roundId, roundId)),
    );
}

export function insertHeld(db: Db, organisationId: string, roundId: string, sealed: Buffer) {
  return db.insert(pulseHeld).values({ organisationId, roundId, sealed });
}

export function heldOf(db: Db, organisationId: string, roundId: string) {
  return db
    .select({ sealed: pulseHeld.sealed })
    .from(pulseHeld)
    .where(and(eq(pulseHeld.organisationId, organisationId), eq(pulseHeld.roundId, roundId)));
}

export function deleteHeld(db: Db, organisationId: string, roundId: string) {
  return db
    .delete(pulseHeld)
    .where(and(eq(pulseHeld.organisationId, organisationId), eq(pulseHeld.roundId, roundId)));
}

/** The answers, in the order given (one statement: one transaction, one moment for them all). */
export function insertAnswers(db: Db, rows: (typeof pulseAnswer.$inferInsert)[]) {
  return rows.length ? db.insert(pulseAnswer).values(rows) : Promise.resolve();
}

export function answersOf(db: Db, organisationId: string, roundIds: string[]) {
  if (!roundIds.length) return Promise.resolve([]);
  return db
    .select({
      roundId: pulseAnswer.roundId,
      teamId: pulseAnswer.teamId,
      scores: pulseAnswer.scores,
      comment: pulseAnswer.comment,
    })
    .from(pulseAnswer)
    .where(and(eq(pulseAnswer.organisationId, organisationId), inArray(pulseAnswer.roundId, roundIds)));
}

/** The teams the user is a member of. */
export function teamsOfUser(db: Db, organisationId: string, userId: string) {
  return db
    .selectDistinct({ id: team.id, name: team.name })
    .from(membership)
    .innerJoin(team, and(eq(team.organisationId, membership.organisationId), eq(team.id, membership.teamId)))
    .where(and(eq(membership.organisationId, organisationId), eq(membership.userId, userId)))
    .orderBy(team.name);
}

export function teamsOf(db: Db, organisationId: string) {
  return db
    .select({ id: team.id, name: team.name })
    .from(team)
    .where(eq(team.organisationId, organisationId))
    .orderBy(team.name);
}

/** Removes what closing left behind (dead row versions) from the tables that held answers; outside a transaction. */
export async function vacuumHeld(db: Db) {
  await db.execute(sql`VACUUM pulse_held, pulse_participation`);
}
