/**
 * Strategy (issue 15, elements 1 and 2 of the Service Excellence model): the organisation's service vision (versioned:
 * a new version keeps the old ones readable), objectives in a tree with KPI targets from the catalogue and actions,
 * and the explanations asked for in the periodic review where a target was missed.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { organisationId } from './organisations.ts';
import { team } from './teams.ts';
import { appUser } from './users.ts';

/** One version of the service vision, mission and values; never changed, a new version replaces it. */
export const strategyVision = pgTable(
  'strategy_vision',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    /** 1, 2, 3 … per organisation; the highest is the current one. */
    version: integer('version').notNull(),
    vision: text('vision').notNull(),
    mission: text('mission').notNull(),
    /** [{ name, description }] */
    values: jsonb('values').notNull(),
    /** Who set it with us, e.g. ["bewonerspanel", "gemeenteraad"]. */
    stakeholders: jsonb('stakeholders').notNull(),
    adoptedOn: date('adopted_on').notNull(),
    nextReviewOn: date('next_review_on').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'strategy_vision_pkey', columns: [t.organisationId, t.id] }),
    uniqueIndex('strategy_vision_org_version_uq').on(t.organisationId, t.version),
  ],
);

/** An objective: what we want to achieve in a period, with an owner; optionally a team's and under a parent. */
export const objective = pgTable(
  'objective',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerId: uuid('owner_id').notNull(),
    teamId: uuid('team_id'),
    /** The objective it serves; the links never form a circle (the service refuses one). */
    parentId: uuid('parent_id'),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'objective_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'objective_owner_fk',
      columns: [t.organisationId, t.ownerId],
      foreignColumns: [appUser.organisationId, appUser.id],
    }),
    foreignKey({
      name: 'objective_team_fk',
      columns: [t.organisationId, t.teamId],
      foreignColumns: [team.organisationId, team.id],
    }),
    foreignKey({
      name: 'objective_parent_fk',
      columns: [t.organisationId, t.parentId],
      foreignColumns: [t.organisationId, t.id],
    }),
    index('objective_org_parent_idx').on(t.organisationId, t.parentId),
    check('objective_period_ck', sql`${t.periodFrom} <= ${t.periodTo}`),
  ],
);

/** A KPI target under an objective: a catalogue KPI, the value to reach (direction from the catalogue), a filter. */
export const objectiveTarget = pgTable(
  'objective_target',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    objectiveId: uuid('objective_id').notNull(),
    kpiCode: text('kpi_code').notNull(),
    target: doublePrecision('target').notNull(),
    /** { teamId?, itemId?, channel?, area? } */
    filter: jsonb('filter').notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'objective_target_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'objective_target_objective_fk',
      columns: [t.organisationId, t.objectiveId],
      foreignColumns: [objective.organisationId, objective.id],
    }).onDelete('cascade'),
    index('objective_target_org_objective_idx').on(t.organisationId, t.objectiveId),
  ],
);

/** An action under an objective: who does what by when. */
export const objectiveAction = pgTable(
  'objective_action',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    objectiveId: uuid('objective_id').notNull(),
    title: text('title').notNull(),
    ownerId: uuid('owner_id').notNull(),
    dueOn: date('due_on').notNull(),
    /** open | done | cancelled */
    status: text('status').notNull().default('open'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'objective_action_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'objective_action_objective_fk',
      columns: [t.organisationId, t.objectiveId],
      foreignColumns: [objective.organisationId, objective.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'objective_action_owner_fk',
      columns: [t.organisationId, t.ownerId],
      foreignColumns: [appUser.organisationId, appUser.id],
    }),
    index('objective_action_org_objective_idx').on(t.organisationId, t.objectiveId),
    check('objective_action_status_ck', sql`${t.status} in ('open', 'done', 'cancelled')`),
  ],
);

/**
 * Why a target was missed in a review period (a month `2026-11` or a quarter `2026-Q4`): one explanation per
 * target and period (written again, it replaces the earlier one; the audit trail keeps both).
 */
export const targetExplanation = pgTable(
  'target_explanation',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    targetId: uuid('target_id').notNull(),
    period: text('period').notNull(),
    text: text('text').notNull(),
    authorId: uuid('author_id'),
    authorName: text('author_name').notNull(),
    /** The improvement made of this miss, when one was. */
    improvementId: uuid('improvement_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'target_explanation_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'target_explanation_target_fk',
      columns: [t.organisationId, t.targetId],
      foreignColumns: [objectiveTarget.organisationId, objectiveTarget.id],
    }).onDelete('cascade'),
    uniqueIndex('target_explanation_org_target_period_uq').on(t.organisationId, t.targetId, t.period),
  ],
);
