/**
 * Innovation (issue 15, item 4): the ideas pipeline — idea → experiment → pilot → rollout, or stopped with a
 * reason — with every stage move dated and noted, the experiment that tests an idea against a comparison group
 * (its result computed from the KPIs), and the residents' comments on a published idea, held for moderation.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { organisationId } from './organisations.ts';
import { appUser } from './users.ts';

export const idea = pgTable(
  'idea',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    /** Short title, e.g. "Paspoort ophalen zonder afspraak". */
    title: text('title').notNull(),
    /** The idea in plain words (B1): what changes for residents. Shown on the public page when published. */
    description: text('description').notNull(),
    /** IDEA_STAGES: idea, experiment, pilot, rollout, stopped. */
    stage: text('stage').notNull().default('idea'),
    /** Who takes it forward. */
    ownerId: uuid('owner_id').notNull(),
    /** The employee who proposed it; null when a resident did (no personal data of the resident is kept). */
    proposedBy: uuid('proposed_by'),
    /** `staff` or `resident`. */
    proposedByKind: text('proposed_by_kind').notNull().default('staff'),
    /** Why it was stopped (required for `stopped`). */
    stopReason: text('stop_reason'),
    /** Shown to residents at /p/<slug>/ideeen, who may comment on it. */
    published: boolean('published').notNull().default(false),
    // ---- the experiment (null until designed) ----
    hypothesis: text('hypothesis'),
    /** The KPI catalogue code the experiment should move. */
    kpiCode: text('kpi_code'),
    /** The experiment's duration (local dates, `to` inclusive): the test group's period. */
    experimentFrom: date('experiment_from'),
    experimentTo: date('experiment_to'),
    /** Monitoring filters without period: { channel?, teamId?, itemId?, area? }. */
    testGroup: jsonb('test_group'),
    /** The same, optionally with its own period { from, to } (e.g. the same group before the experiment). */
    comparisonGroup: jsonb('comparison_group'),
    /** When we call it a success, in words (e.g. "FCR 5 points higher and significant"). */
    decisionRule: text('decision_rule'),
    /** The KPI comparison of test against comparison group (compareKpi's answer), when measured. */
    result: jsonb('result'),
    resultAt: timestamp('result_at', { withTimezone: true }),
    /** `rollout` or `stop`, with its note. */
    decision: text('decision'),
    decisionNote: text('decision_note'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The improvement created at roll-out (origin `idea`), when one was. */
    improvementId: uuid('improvement_id'),
    createdBy: uuid('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'idea_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'idea_owner_fk',
      columns: [t.organisationId, t.ownerId],
      foreignColumns: [appUser.organisationId, appUser.id],
    }),
    index('idea_org_stage_idx').on(t.organisationId, t.stage),
    check('idea_stage_ck', sql`${t.stage} in ('idea', 'experiment', 'pilot', 'rollout', 'stopped')`),
    check('idea_proposed_by_kind_ck', sql`${t.proposedByKind} in ('staff', 'resident')`),
    check('idea_decision_ck', sql`${t.decision} is null or ${t.decision} in ('rollout', 'stop')`),
  ],
);

/** Every stage move of an idea, dated, with its note (the reason when stopped). Never changed. */
export const ideaStageMove = pgTable(
  'idea_stage_move',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    ideaId: uuid('idea_id').notNull(),
    /** null for the first stage (created). */
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    note: text('note').notNull().default(''),
    /** The employee's name as shown then. */
    movedBy: text('moved_by').notNull(),
    movedAt: timestamp('moved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'idea_stage_move_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'idea_stage_move_idea_fk',
      columns: [t.organisationId, t.ideaId],
      foreignColumns: [idea.organisationId, idea.id],
    }).onDelete('cascade'),
    index('idea_stage_move_idea_idx').on(t.organisationId, t.ideaId),
  ],
);

/**
 * A resident's comment on a published idea: pending until a moderator approves it (then public) or rejects it
 * with a reason. No email or other contact data; the display name is optional. The sender's IP address is not
 * kept (the rate limit counts in memory).
 */
export const ideaComment = pgTable(
  'idea_comment',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    ideaId: uuid('idea_id').notNull(),
    body: text('body').notNull(),
    /** Optional, as the resident typed it; '' shows as "een inwoner". */
    displayName: text('display_name').notNull().default(''),
    /** `pending`, `approved`, `rejected`. */
    status: text('status').notNull().default('pending'),
    rejectReason: text('reject_reason'),
    moderatedBy: text('moderated_by'),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'idea_comment_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'idea_comment_idea_fk',
      columns: [t.organisationId, t.ideaId],
      foreignColumns: [idea.organisationId, idea.id],
    }).onDelete('cascade'),
    index('idea_comment_idea_idx').on(t.organisationId, t.ideaId, t.status),
    check('idea_comment_status_ck', sql`${t.status} in ('pending', 'approved', 'rejected')`),
  ],
);
