import { appUser, type Db, idea, ideaComment, ideaStageMove } from '@voordeur/db';
import { and, asc, desc, eq, sql } from 'drizzle-orm';

// The subqueries below name the outer table literally (`idea.…`): drizzle leaves a column unqualified when the
// query has a single table, which inside a subquery would mean the subquery's own table.

export type IdeaRow = typeof idea.$inferSelect;

const pendingCount = sql<number>`(select count(*)::int from ${ideaComment} c
  where c.organisation_id = idea.organisation_id and c.idea_id = idea.id and c.status = 'pending')`;
const stageSince = sql<Date>`(select max(m.moved_at) from ${ideaStageMove} m
  where m.organisation_id = idea.organisation_id and m.idea_id = idea.id)`;
const proposerName = sql<string | null>`(select u.name from ${appUser} u
  where u.organisation_id = idea.organisation_id and u.id = idea.proposed_by)`;

/** Every idea of the organisation with its owner's and proposer's names, pending comments and stage date. */
export function listIdeas(db: Db, organisationId: string) {
  return db
    .select({
      idea,
      ownerName: appUser.name,
      proposedByName: proposerName,
      pendingComments: pendingCount,
      stageSince,
    })
    .from(idea)
    .innerJoin(appUser, and(eq(appUser.organisationId, idea.organisationId), eq(appUser.id, idea.ownerId)))
    .where(eq(idea.organisationId, organisationId))
    .orderBy(desc(idea.updatedAt));
}

export function findIdea(db: Db, organisationId: string, id: string) {
  return listIdeasWhere(db, organisationId, id).then((r) => r[0]);
}

function listIdeasWhere(db: Db, organisationId: string, id: string) {
  return db
    .select({
      idea,
      ownerName: appUser.name,
      proposedByName: proposerName,
      pendingComments: pendingCount,
      stageSince,
    })
    .from(idea)
    .innerJoin(appUser, and(eq(appUser.organisationId, idea.organisationId), eq(appUser.id, idea.ownerId)))
    .where(and(eq(idea.organisationId, organisationId), eq(idea.id, id)));
}

/** The idea itself, locked for the change in this transaction. */
export function lockIdea(db: Db, organisationId: string, id: string) {
  return db
    .select()
    .from(idea)
    .where(and(eq(idea.organisationId, organisationId), eq(idea.id, id)))
    .for('update')
    .then((r) => r[0]);
}

/** An active user of the organisation, or undefined. */
export function activeUser(db: Db, organisationId: string, userId: string) {
  return db
    .select({ id: appUser.id, name: appUser.name })
    .from(appUser)
    .where(and(eq(appUser.organisationId, organisationId), eq(appUser.id, userId), eq(appUser.active, true)))
    .then((r) => r[0]);
}

export function insertIdea(db: Db, values: typeof idea.$inferInsert) {
  return db
    .insert(idea)
    .values(values)
    .returning()
    .then((r) => r[0]!);
}

/** Updates the idea when its version is still `version`; undefined when someone else changed it first. */
export function updateIdea(
  db: Db,
  organisationId: string,
  id: string,
  version: number,
  values: Partial<typeof idea.$inferInsert>,
) {
  return db
    .update(idea)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(idea.organisationId, organisationId), eq(idea.id, id), eq(idea.version, version)))
    .returning()
    .then((r) => r[0]);
}

export function insertMove(db: Db, values: typeof ideaStageMove.$inferInsert) {
  return db.insert(ideaStageMove).values(values);
}

export function movesOf(db: Db, organisationId: string, ideaId: string) {
  return db
    .select()
    .from(ideaStageMove)
    .where(and(eq(ideaStageMove.organisationId, organisationId), eq(ideaStageMove.ideaId, ideaId)))
    .orderBy(asc(ideaStageMove.movedAt), asc(ideaStageMove.id));
}

export function commentsOf(db: Db, organisationId: string, ideaId: string, approvedOnly: boolean) {
  return db
    .select()
    .from(ideaComment)
    .where(
      and(
        eq(ideaComment.organisationId, organisationId),
        eq(ideaComment.ideaId, ideaId),
        ...(approvedOnly ? [eq(ideaComment.status, 'approved')] : []),
      ),
    )
    .orderBy(asc(ideaComment.createdAt), asc(ideaComment.id));
}

export function insertComment(db: Db, values: typeof ideaComment.$inferInsert) {
  return db
    .insert(ideaComment)
    .values(values)
    .returning({ id: ideaComment.id })
    .then((r) => r[0]!);
}

/** Moderates a pending comment of this idea; undefined when there is none such (unknown or already moderated). */
export function moderateComment(
  db: Db,
  organisationId: string,
  ideaId: string,
  commentId: string,
  values: { status: 'approved' | 'rejected'; rejectReason: string | null; moderatedBy: string },
) {
  return db
    .update(ideaComment)
    .set({ ...values, moderatedAt: new Date() })
    .where(
      and(
        eq(ideaComment.organisationId, organisationId),
        eq(ideaComment.ideaId, ideaId),
        eq(ideaComment.id, commentId),
        eq(ideaComment.status, 'pending'),
      ),
    )
    .returning()
    .then((r) => r[0]);
}

export function findComment(db: Db, organisationId: string, ideaId: string, commentId: string) {
  return db
    .select({ id: ideaComment.id, status: ideaComment.status })
    .from(ideaComment)
    .where(
      and(
        eq(ideaComment.organisationId, organisationId),
        eq(ideaComment.ideaId, ideaId),
        eq(ideaComment.id, commentId),
      ),
    )
    .then((r) => r[0]);
}

// ---- public ----------------------------------------------------------------------------------------------

/** The published ideas (not stopped), newest first, with their number of approved comments. */
export function publishedIdeas(db: Db, organisationId: string) {
  return db
    .select({
      id: idea.id,
      title: idea.title,
      description: idea.description,
      stage: idea.stage,
      comments: sql<number>`(select count(*)::int from ${ideaComment} c
        where c.organisation_id = idea.organisation_id and c.idea_id = idea.id and c.status = 'approved')`,
    })
    .from(idea)
    .where(and(eq(idea.organisationId, organisationId), eq(idea.published, true)))
    .orderBy(desc(idea.createdAt));
}

export function publishedIdea(db: Db, organisationId: string, id: string) {
  return db
    .select({ id: idea.id, title: idea.title, description: idea.description, stage: idea.stage })
    .from(idea)
    .where(and(eq(idea.organisationId, organisationId), eq(idea.id, id), eq(idea.published, true)))
    .then((r) => r[0]);
}
