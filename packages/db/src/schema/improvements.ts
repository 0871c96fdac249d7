/**
 * Improvement proposals (issue 15, "Verbeteren"): the one record every source of improvement ends in — a cluster
 * of signals from the inbox, a gap found in a self-assessment, a missed strategic objective, an idea that was
 * rolled out, or a proposal written by hand. The improvements part owns this table and adds its own (the KPIs an
 * improvement should move and their measured effect) in its own migration; other parts create rows only through
 * `modules/improvements/index.ts`.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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

export const improvement = pgTable(
  'improvement',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    /** Short title, e.g. "Uitleg paspoortkosten op de website". */
    title: text('title').notNull(),
    /** The problem statement: what goes wrong, for whom, how we know. */
    problem: text('problem').notNull(),
    /** What we expect to change (in words; the KPIs it should move are the improvements part's own table). */
    expectedEffect: text('expected_effect').notNull().default(''),
    /** IMPROVEMENT_STATUSES: plan, do, check, act, done, stopped. */
    status: text('status').notNull().default('plan'),
    /** A quick win takes the fast lane (plan → done without the full cycle). */
    quickWin: boolean('quick_win').notNull().default(false),
    /** Who is responsible; an improvement without an owner is refused. */
    ownerId: uuid('owner_id').notNull(),
    /** IMPROVEMENT_ORIGINS: signals, assessment, strategy, idea, manual. */
    origin: text('origin').notNull().default('manual'),
    /** The origin's own id (an assessment, objective or idea), when there is one. */
    originId: uuid('origin_id'),
    /** The model element it serves (e.g. `se-8` of the Service Excellence model), when known. */
    elementCode: text('element_code'),
    /** The team and the catalogue item it concerns, when it concerns one. */
    teamId: uuid('team_id'),
    catalogueItemId: uuid('catalogue_item_id'),
    /** Why it was stopped (required for `stopped`). */
    stopReason: text('stop_reason'),
    /** What we tell the public on the performance page once done ("Wat we hebben verbeterd"), nl and en. */
    publicSummaryNl: text('public_summary_nl'),
    publicSummaryEn: text('public_summary_en'),
    /** Shown on the public page (only when done and a public summary exists). */
    published: boolean('published').notNull().default(false),
    doneAt: timestamp('done_at', { withTimezone: true }),
    // ---- improvements part (issue 15): each status move dated ----
    /** When "do" began (the measured effect compares the period before this day with the period after). */
    doAt: timestamp('do_at', { withTimezone: true }),
    checkAt: timestamp('check_at', { withTimezone: true }),
    actAt: timestamp('act_at', { withTimezone: true }),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    // ---- end improvements part ----
    createdBy: uuid('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'improvement_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'improvement_owner_fk',
      columns: [t.organisationId, t.ownerId],
      foreignColumns: [appUser.organisationId, appUser.id],
    }),
    index('improvement_org_status_idx').on(t.organisationId, t.status),
    check('improvement_status_ck', sql`${t.status} in ('plan', 'do', 'check', 'act', 'done', 'stopped')`),
    check(
      'improvement_origin_ck',
      sql`${t.origin} in ('signals', 'assessment', 'strategy', 'idea', 'manual')`,
    ),
  ],
);

/**
 * The KPIs an improvement should move (the catalogue's codes), each with an optional filter (team, item, channel,
 * area), and — once the improvement is done — the effect measured then (a `KpiComparison`, kept as it was so the
 * public page shows what was measured at the time, not a figure that later moved).
 */
export const improvementKpi = pgTable(
  'improvement_kpi',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    improvementId: uuid('improvement_id').notNull(),
    /** KPI_CODES */
    kpiCode: text('kpi_code').notNull(),
    /** `{ teamId?, itemId?, channel?, area? }` */
    filter: jsonb('filter').notNull().default({}),
    position: integer('position').notNull().default(0),
    /** The measured effect when done (KpiComparison); null before, or when it could not be measured. */
    effect: jsonb('effect'),
    measuredAt: timestamp('measured_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'improvement_kpi_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'improvement_kpi_improvement_fk',
      columns: [t.organisationId, t.improvementId],
      foreignColumns: [improvement.organisationId, improvement.id],
    }).onDelete('cascade'),
    index('improvement_kpi_improvement_idx').on(t.organisationId, t.improvementId),
  ],
);
