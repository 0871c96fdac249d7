import {
  appUser,
  assessment,
  assessmentElement,
  assessmentModel,
  assessmentRater,
  assessmentScore,
  type Db,
} from '@voordeur/db';
import { and, asc, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';

export type AssessmentRow = typeof assessment.$inferSelect;

export function orgModels(db: Db, organisationId: string) {
  return db
    .select()
    .from(assessmentModel)
    .where(eq(assessmentModel.organisationId, organisationId))
    .orderBy(asc(assessmentModel.code), asc(assessmentModel.version));
}

export function insertModel(db: Db, values: typeof assessmentModel.$inferInsert) {
  return db
    .insert(assessmentModel)
    .values(values)
    .onConflictDoNothing()
    .returning()
    .then((r) => r[0]);
}

/** Active staff users of the organisation (all, or those of `ids`). */
export function activeUsers(db: Db, organisationId: string, ids?: string[]) {
  return db
    .select({ id: appUser.id, name: appUser.name })
    .from(appUser)
    .where(
      and(
        eq(appUser.organisationId, organisationId),
        eq(appUser.active, true),
        ...(ids ? [inArray(appUser.id, ids)] : []),
      ),
    )
    .orderBy(asc(appUser.name));
}

export function insertAssessment(db: Db, values: typeof assessment.$inferInsert) {
  return db
    .insert(assessment)
    .values(values)
    .returning()
    .then((r) => r[0]!);
}

export function insertRaters(db: Db, organisationId: string, assessmentId: string, userIds: string[]) {
  return db
    .insert(assessmentRater)
    .values(userIds.map((userId) => ({ organisationId, assessmentId, userId })));
}

const counts = {
  raters: sql<number>`(select count(*)::int from assessment_rater r where r.organisation_id = assessment.organisation_id and r.assessment_id = assessment.id)`,
  submitted: sql<number>`(select count(*)::int from assessment_rater r where r.organisation_id = assessment.organisation_id and r.assessment_id = assessment.id and r.submitted_at is not null)`,
};

/** Assessments, newest first; only those `invitedUserId` is a rater of when given. */
export function listAssessments(db: Db, organisationId: string, invitedUserId: string | null) {
  return db
    .select({ a: assessment, ...counts })
    .from(assessment)
    .where(
      and(
        eq(assessment.organisationId, organisationId),
        ...(invitedUserId
          ? [
              sql`exists (select 1 from assessment_rater r where r.organisation_id = assessment.organisation_id
                  and r.assessment_id = assessment.id and r.user_id = ${invitedUserId})`,
            ]
          : []),
      ),
    )
    .orderBy(desc(assessment.referenceDate), desc(assessment.createdAt))
    .limit(200);
}

export function getAssessment(db: Db, organisationId: string, id: string, forUpdate = false) {
  const query = db
    .select({ a: assessment, ...counts })
    .from(assessment)
    .where(and(eq(assessment.organisationId, organisationId), eq(assessment.id, id)));
  return (forUpdate ? query.for('update', { of: assessment }) : query).then((r) => r[0]);
}

/** Moves an assessment on when it still has `version`; undefined when someone else changed it first. */
export function updateAssessment(
  db: Db,
  organisationId: string,
  id: string,
  version: number,
  set: Partial<Pick<typeof assessment.$inferInsert, 'status' | 'closedAt'>>,
) {
  return db
    .update(assessment)
    .set({ ...set, version: version + 1, updatedAt: new Date() })
    .where(
      and(
        eq(assessment.organisationId, organisationId),
        eq(assessment.id, id),
        eq(assessment.version, version),
      ),
    )
    .returning()
    .then((r) => r[0]);
}

export function raters(db: Db, organisationId: string, assessmentId: string) {
  return db
    .select({ userId: assessmentRater.userId, name: appUser.name, submittedAt: assessmentRater.submittedAt })
    .from(assessmentRater)
    .innerJoin(
      appUser,
      and(eq(appUser.organisationId, assessmentRater.organisationId), eq(appUser.id, assessmentRater.userId)),
    )
    .where(
      and(eq(assessmentRater.organisationId, organisationId), eq(assessmentRater.assessmentId, assessmentId)),
    )
    .orderBy(asc(appUser.name));
}

export function rater(
  db: Db,
  organisationId: string,
  assessmentId: string,
  userId: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(assessmentRater)
    .where(
      and(
        eq(assessmentRater.organisationId, organisationId),
        eq(assessmentRater.assessmentId, assessmentId),
        eq(assessmentRater.userId, userId),
      ),
    );
  return (forUpdate ? query.for('update') : query).then((r) => r[0]);
}

export function markSubmitted(db: Db, organisationId: string, assessmentId: string, userId: string) {
  return db
    .update(assessmentRater)
    .set({ submittedAt: new Date() })
    .where(
      and(
        eq(assessmentRater.organisationId, organisationId),
        eq(assessmentRater.assessmentId, assessmentId),
        eq(assessmentRater.userId, userId),
      ),
    );
}

/** Scores of an assessment: one rater's when `userId` is given, else every rater's. */
export function scores(db: Db, organisationId: string, assessmentId: string, userId?: string) {
  return db
    .select()
    .from(assessmentScore)
    .where(
      and(
        eq(assessmentScore.organisationId, organisationId),
        eq(assessmentScore.assessmentId, assessmentId),
        ...(userId ? [eq(assessmentScore.userId, userId)] : []),
      ),
    );
}

export function upsertScore(db: Db, values: typeof assessmentScore.$inferInsert) {
  return db
    .insert(assessmentScore)
    .values(values)
    .onConflictDoUpdate({
      target: [
        assessmentScore.organisationId,
        assessmentScore.assessmentId,
        assessmentScore.userId,
        assessmentScore.elementCode,
      ],
      set: { level: values.level, evidence: values.evidence, updatedAt: new Date() },
    })
    .returning()
    .then((r) => r[0]!);
}

export function agreed(db: Db, organisationId: string, assessmentIds: string[]) {
  if (!assessmentIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(assessmentElement)
    .where(
      and(
        eq(assessmentElement.organisationId, organisationId),
        inArray(assessmentElement.assessmentId, assessmentIds),
      ),
    );
}

export function agreedElement(db: Db, organisationId: string, assessmentId: string, elementCode: string) {
  return db
    .select()
    .from(assessmentElement)
    .where(
      and(
        eq(assessmentElement.organisationId, organisationId),
        eq(assessmentElement.assessmentId, assessmentId),
        eq(assessmentElement.elementCode, elementCode),
      ),
    )
    .for('update')
    .then((r) => r[0]);
}

export function insertAgreed(db: Db, values: typeof assessmentElement.$inferInsert) {
  return db
    .insert(assessmentElement)
    .values(values)
    .onConflictDoNothing()
    .returning()
    .then((r) => r[0]);
}

export function updateAgreed(
  db: Db,
  organisationId: string,
  id: string,
  version: number,
  set: Partial<Pick<typeof assessmentElement.$inferInsert, 'level' | 'note' | 'decidedBy' | 'improvementId'>>,
) {
  return db
    .update(assessmentElement)
    .set({ ...set, version: version + 1, updatedAt: new Date() })
    .where(
      and(
        eq(assessmentElement.organisationId, organisationId),
        eq(assessmentElement.id, id),
        eq(assessmentElement.version, version),
      ),
    )
    .returning()
    .then((r) => r[0]);
}

/** Closed assessments of a model (oldest first), except `exceptId`. */
export function closedOfModel(db: Db, organisationId: string, modelCode: string, exceptId?: string) {
  return db
    .select()
    .from(assessment)
    .where(
      and(
        eq(assessment.organisationId, organisationId),
        eq(assessment.modelCode, modelCode),
        eq(assessment.status, 'closed'),
        isNotNull(assessment.closedAt),
        ...(exceptId ? [ne(assessment.id, exceptId)] : []),
      ),
    )
    .orderBy(asc(assessment.closedAt))
    .limit(20);
}

/** The latest closed assessment of the organisation (any model). */
export function latestClosed(db: Db, organisationId: string) {
  return db
    .select()
    .from(assessment)
    .where(and(eq(assessment.organisationId, organisationId), eq(assessment.status, 'closed')))
    .orderBy(desc(assessment.closedAt))
    .limit(1)
    .then((r) => r[0]);
}

/** The assessments a user is invited to rate, with whether they submitted. */
export function invitationsOf(db: Db, organisationId: string, userId: string) {
  return db
    .select({ assessmentId: assessmentRater.assessmentId, submittedAt: assessmentRater.submittedAt })
    .from(assessmentRater)
    .where(and(eq(assessmentRater.organisationId, organisationId), eq(assessmentRater.userId, userId)));
}
