/**
 * Self-assessments (issue 15, item 1): a team of raters scores every element of a maturity model (Service
 * Excellence, the Antwoord profile, or a model the organisation loaded) independently, then agrees one level per
 * element in a consensus round. Models are versioned data: an assessment keeps a copy of the model version it was
 * started with, so loading a new version never changes an existing assessment.
 */
import { sql } from 'drizzle-orm';
import {
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { organisationId } from './organisations.ts';
import { appUser } from './users.ts';

/** A model version the organisation loaded itself (the shipped models live in code). Immutable once stored. */
export const assessmentModel = pgTable(
  'assessment_model',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    /** The whole model as validated by `assessmentModelSchema` (dimensions, elements, questions, scale). */
    definition: jsonb('definition').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'assessment_model_pkey', columns: [t.organisationId, t.id] }),
    uniqueIndex('assessment_model_code_version_uq').on(t.organisationId, t.code, t.version),
  ],
);

export const assessment = pgTable(
  'assessment',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    title: text('title').notNull(),
    modelCode: text('model_code').notNull(),
    modelVersion: integer('model_version').notNull(),
    /** The model version as it was when the assessment started (never changes afterwards). */
    model: jsonb('model').notNull(),
    /** The day the assessment looks at (the situation "as of"). */
    referenceDate: date('reference_date').notNull(),
    /** scoring → consensus → closed. */
    status: text('status').notNull().default('scoring'),
    createdBy: uuid('created_by').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'assessment_pkey', columns: [t.organisationId, t.id] }),
    index('assessment_org_model_idx').on(t.organisationId, t.modelCode, t.closedAt),
    check('assessment_status_ck', sql`${t.status} in ('scoring', 'consensus', 'closed')`),
  ],
);

/** An invited rater; `submitted_at` locks their scores. */
export const assessmentRater = pgTable(
  'assessment_rater',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    assessmentId: uuid('assessment_id').notNull(),
    userId: uuid('user_id').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'assessment_rater_pkey', columns: [t.organisationId, t.id] }),
    uniqueIndex('assessment_rater_uq').on(t.organisationId, t.assessmentId, t.userId),
    foreignKey({
      name: 'assessment_rater_assessment_fk',
      columns: [t.organisationId, t.assessmentId],
      foreignColumns: [assessment.organisationId, assessment.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'assessment_rater_user_fk',
      columns: [t.organisationId, t.userId],
      foreignColumns: [appUser.organisationId, appUser.id],
    }),
  ],
);

/** One rater's score of one element: a level 1–5, or null for "weet ik niet", with its evidence. */
export const assessmentScore = pgTable(
  'assessment_score',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    assessmentId: uuid('assessment_id').notNull(),
    userId: uuid('user_id').notNull(),
    elementCode: text('element_code').notNull(),
    level: integer('level'),
    /** { text, kpis: KpiCode[], documents: url[], improvements: uuid[] } */
    evidence: jsonb('evidence').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'assessment_score_pkey', columns: [t.organisationId, t.id] }),
    uniqueIndex('assessment_score_uq').on(t.organisationId, t.assessmentId, t.userId, t.elementCode),
    foreignKey({
      name: 'assessment_score_assessment_fk',
      columns: [t.organisationId, t.assessmentId],
      foreignColumns: [assessment.organisationId, assessment.id],
    }).onDelete('cascade'),
    check('assessment_score_level_ck', sql`${t.level} between 1 and 5`),
  ],
);

/** The level agreed for one element in the consensus round, and the improvement made from it. */
export const assessmentElement = pgTable(
  'assessment_element',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    assessmentId: uuid('assessment_id').notNull(),
    elementCode: text('element_code').notNull(),
    level: integer('level').notNull(),
    note: text('note').notNull().default(''),
    decidedBy: uuid('decided_by').notNull(),
    /** The improvement made from this element ("Maak verbeteractie"), when one was. */
    improvementId: uuid('improvement_id'),
    version: integer('version').notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'assessment_element_pkey', columns: [t.organisationId, t.id] }),
    uniqueIndex('assessment_element_uq').on(t.organisationId, t.assessmentId, t.elementCode),
    foreignKey({
      name: 'assessment_element_assessment_fk',
      columns: [t.organisationId, t.assessmentId],
      foreignColumns: [assessment.organisationId, assessment.id],
    }).onDelete('cascade'),
    check('assessment_element_level_ck', sql`${t.level} between 1 and 5`),
  ],
);
