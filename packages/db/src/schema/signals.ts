/**
 * The improvement inbox (issue 15, "Verbeteren"): signals from every source — unhappy survey answers, complaints,
 * norm breaches, KPIs off target, repeat contacts, staff and resident suggestions — grouped into clusters that
 * triage dismisses or turns into an improvement proposal. Each source record gives at most one signal
 * (`signal_source_uq`), so the collecting task may run any number of times.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { organisationId } from './organisations.ts';

/** A group of open signals about the same thing: same item, team or breach reason, and similar text. */
export const signalCluster = pgTable(
  'signal_cluster',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    /** open | dismissed | proposed (became an improvement proposal) */
    status: text('status').notNull().default('open'),
    /** Why triage dismissed it (required for `dismissed`). */
    dismissReason: text('dismiss_reason'),
    /** The improvement proposal it became. */
    improvementId: uuid('improvement_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'signal_cluster_pkey', columns: [t.organisationId, t.id] }),
    index('signal_cluster_status_idx').on(t.organisationId, t.status),
    check('signal_cluster_status_ck', sql`${t.status} in ('open', 'dismissed', 'proposed')`),
  ],
);

/**
 * One signal. Its free text may hold personal data (a resident's comment, a suggestion): it is never logged and
 * shown only to those who triage (`triageSignals`).
 */
export const signal = pgTable(
  'signal',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    /** SIGNAL_KINDS */
    kind: text('kind').notNull(),
    /** The source record's key (a survey answer's id, a case's id, `kpi:<code>:<team>:<month>`, …); unique per kind. */
    sourceKey: text('source_key').notNull(),
    /** The case, contact or survey answer it came from, when there is one (for a link in the inbox). */
    caseId: uuid('case_id'),
    clusterId: uuid('cluster_id'),
    /** open | dismissed | proposed */
    status: text('status').notNull().default('open'),
    /** How much it counts in a cluster: an upheld complaint counts double. */
    weight: integer('weight').notNull().default(1),
    catalogueItemId: uuid('catalogue_item_id'),
    teamId: uuid('team_id'),
    area: text('area'),
    channel: text('channel'),
    /** Why the norm was not met (norm breaches): the organisation's reason code. */
    breachReason: text('breach_reason'),
    /** The survey grade (1–10), when it came from a survey answer. */
    grade: integer('grade'),
    /** The KPI off target (kpi_deviation). */
    kpiCode: text('kpi_code'),
    /** What was said or what happened, in words (may hold personal data: never logged). */
    text: text('text').notNull(),
    /** The staff page a suggestion was sent from (path only, without its query string). */
    page: text('page'),
    /** The employee who sent a staff suggestion. */
    createdBy: uuid('created_by'),
    dismissReason: text('dismiss_reason'),
    /** When it happened at the source (the answer, the closing, the month's end). */
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'signal_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'signal_cluster_fk',
      columns: [t.organisationId, t.clusterId],
      foreignColumns: [signalCluster.organisationId, signalCluster.id],
    }),
    uniqueIndex('signal_source_uq').on(t.organisationId, t.kind, t.sourceKey),
    index('signal_cluster_idx').on(t.organisationId, t.clusterId),
    index('signal_open_idx').on(t.organisationId, t.occurredAt).where(sql`${t.status} = 'open'`),
    check('signal_status_ck', sql`${t.status} in ('open', 'dismissed', 'proposed')`),
    check(
      'signal_kind_ck',
      sql`${t.kind} in ('survey', 'complaint', 'norm_breach', 'kpi_deviation', 'repeat_contact', 'staff_suggestion', 'resident_suggestion')`,
    ),
  ],
);

/** Resident suggestions counted per IP address (hashed) and hour, so every app node counts together. */
export const signalSuggestionThrottle = pgTable(
  'signal_suggestion_throttle',
  {
    organisationId: organisationId(),
    /** SHA-256 of the sender's IP address (never the address itself). */
    keyHash: text('key_hash').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({
      name: 'signal_suggestion_throttle_pkey',
      columns: [t.organisationId, t.keyHash, t.windowStart],
    }),
  ],
);
