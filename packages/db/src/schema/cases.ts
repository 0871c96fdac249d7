/** Cases (zaken): numbering, the case itself, its timeline, attachments, status changes and message templates. */
import { sql } from 'drizzle-orm';
import {
  doublePrecision,
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
import { catalogueItem, catalogueItemVersion } from './catalogue.ts';
import { bytea, createdAt, updatedAt } from './columns.ts';
import { contact } from './contacts.ts';
import { customer } from './customers.ts';
import { organisationId } from './organisations.ts';
import { team } from './teams.ts';
import { appUser } from './users.ts';

/** Per organisation and year, the last case number handed out (VB-2026-000123). */
export const caseCounter = pgTable(
  'case_counter',
  {
    organisationId: organisationId(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.year] })],
);

/** A case (zaak): one unit of work under the handling definition of the item version it started with. */
export const caseFile = pgTable(
  'case_file',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    reference: text('reference').notNull(),
    catalogueItemId: uuid('catalogue_item_id').notNull(),
    itemVersionId: uuid('item_version_id').notNull(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    answers: jsonb('answers').notNull().default(sql`'{}'::jsonb`),
    location: jsonb('location'),
    /**
     * The location's place in WGS84 degrees (the point picked, else the register address's), apart from the
     * jsonb so that it can be indexed for "reported nearby?" (`ll_to_earth`, GiST); null when unknown.
     */
    locationLat: doublePrecision('location_lat'),
    locationLon: doublePrecision('location_lon'),
    area: text('area'),
    customerId: uuid('customer_id'),
    contactId: uuid('contact_id'),
    channel: text('channel').notNull(),
    priority: text('priority').notNull().default('normal'),
    teamId: uuid('team_id'),
    assigneeUserId: uuid('assignee_user_id'),
    status: text('status').notNull(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    internalDueAt: timestamp('internal_due_at', { withTimezone: true }),
    legalDueAt: timestamp('legal_due_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Working minutes from intake to closure net of suspensions (the calendar's), set at closure; null while open. */
    resolutionMinutes: integer('resolution_minutes'),
    /** Language of the messages to the person (nl | en). */
    language: text('language').notNull().default('nl'),
    /** Where the person hears of progress when there is no customer record (e.g. an anonymous report). */
    contactEmail: text('contact_email'),
    /** A child task of another case: the person sees only the parent. */
    parentCaseId: uuid('parent_case_id'),
    /** A duplicate merged into this main case; its reporter hears of the main case's progress. */
    mainCaseId: uuid('main_case_id'),
    /** A complaint about another case. */
    aboutCaseId: uuid('about_case_id'),
    /** The clock stands still since this instant (waiting for the person), with the reason. */
    suspendedSince: timestamp('suspended_since', { withTimezone: true }),
    suspendedReason: text('suspended_reason'),
    /** Past suspensions: [{ from, to, reason }] (ISO instants); due times are pushed out by them. */
    suspensions: jsonb('suspensions').notNull().default(sql`'[]'::jsonb`),
    /** An extension of the public norm: { amount, unit, reason, at }. */
    extension: jsonb('extension'),
    /** When to warn the team: the configured working time before the internal target. */
    warnAt: timestamp('warn_at', { withTimezone: true }),
    /** The team was warned that the internal target is near. */
    warnedAt: timestamp('warned_at', { withTimezone: true }),
    internalBreachedAt: timestamp('internal_breached_at', { withTimezone: true }),
    /** The public norm passed while the case was open (set by the breach sweep or at a late close). */
    breachedAt: timestamp('breached_at', { withTimezone: true }),
    /** Why the norm was not met: a code from the organisation's list, and text. */
    breachReason: text('breach_reason'),
    breachNote: text('breach_note'),
    /** The person replied after the case was closed: staff decide whether to reopen. */
    reopenRequestedAt: timestamp('reopen_requested_at', { withTimezone: true }),
    /** Complaints (Awb 9): acknowledgement due/sent, hearing, advisory committee, extension, decision. */
    acknowledgeDueAt: timestamp('acknowledge_due_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    complaint: jsonb('complaint'),
    // ---- surveys (issue 13): a survey answer asked the team to follow the case up ----
    /** When a survey answer flagged the case for follow-up (low grade or "not solved"); null: not flagged. */
    followUpAt: timestamp('follow_up_at', { withTimezone: true }),
    /** low_grade | not_solved */
    followUpReason: text('follow_up_reason'),
    /**
     * The number of the case's last CloudEvent: each event of the case takes the next one (the `sequence`
     * extension attribute), so receivers can order a case's events however they arrive (ADR 0005).
     */
    eventSequence: integer('event_sequence').notNull().default(0),
    /**
     * SHA-256 of the case's private tracking token (the link in every message to the person; the token itself is
     * derived from the case id with a server key and never stored). Null for child tasks.
     */
    trackingHash: text('tracking_hash'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'case_file_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'case_file_catalogue_item_id_fk',
      columns: [t.organisationId, t.catalogueItemId],
      foreignColumns: [catalogueItem.organisationId, catalogueItem.id],
    }),
    foreignKey({
      name: 'case_file_item_version_id_fk',
      columns: [t.organisationId, t.itemVersionId],
      foreignColumns: [catalogueItemVersion.organisationId, catalogueItemVersion.id],
    }),
    foreignKey({
      name: 'case_file_customer_id_fk',
      columns: [t.organisationId, t.customerId],
      foreignColumns: [customer.organisationId, customer.id],
    }),
    foreignKey({
      name: 'case_file_contact_id_fk',
      columns: [t.organisationId, t.contactId],
      foreignColumns: [contact.organisationId, contact.id],
    }),
    foreignKey({
      name: 'case_file_team_id_fk',
      columns: [t.organisationId, t.teamId],
      foreignColumns: [team.organisationId, team.id],
    }),
    foreignKey({
      name: 'case_file_assignee_user_id_fk',
      columns: [t.organisationId, t.assigneeUserId],
      foreignColumns: [appUser.organisationId, appUser.id],
    }),
    uniqueIndex('case_reference_uq').on(t.organisationId, t.reference),
    uniqueIndex('case_tracking_uq').on(t.organisationId, t.trackingHash),
    index('case_customer_idx').on(t.organisationId, t.customerId, t.createdAt),
    // The portal: the latest askers of an item ("what others asked next") and the most asked items.
    index('case_item_idx').on(t.organisationId, t.catalogueItemId, t.createdAt),
    index('case_team_open_idx').on(t.organisationId, t.teamId, t.dueAt).where(sql`${t.closedAt} IS NULL`),
    index('case_assignee_open_idx')
      .on(t.organisationId, t.assigneeUserId, t.dueAt)
      .where(sql`${t.closedAt} IS NULL`),
    index('case_contact_idx').on(t.organisationId, t.contactId),
    index('case_main_idx').on(t.organisationId, t.mainCaseId),
    index('case_parent_idx').on(t.organisationId, t.parentCaseId),
    /** "Reported nearby?" and the map of open reports: open cases by place (earthdistance over cube). */
    index('case_location_earth_idx')
      .using('gist', sql`ll_to_earth(${t.locationLat}, ${t.locationLon})`)
      .where(sql`${t.closedAt} IS NULL`),
    /** The breach sweep reads only the open, running, not yet breached cases, by due time. */
    index('case_breach_sweep_idx')
      .on(t.dueAt)
      .where(sql`${t.closedAt} IS NULL AND ${t.breachedAt} IS NULL AND ${t.suspendedSince} IS NULL`),
    index('case_warn_sweep_idx')
      .on(t.warnAt)
      .where(sql`${t.closedAt} IS NULL AND ${t.warnedAt} IS NULL AND ${t.suspendedSince} IS NULL`),
    index('case_internal_sweep_idx')
      .on(t.internalDueAt)
      .where(sql`${t.closedAt} IS NULL AND ${t.internalBreachedAt} IS NULL AND ${t.suspendedSince} IS NULL`),
  ],
);

/** Timeline entries other than status changes: notes, messages to and from the person, clock events, links. */
export const caseEvent = pgTable(
  'case_event',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    caseId: uuid('case_id').notNull(),
    /** note | message_out | message_in | assigned | suspended | resumed | extended | linked | reopen_requested | breached | complaint */
    kind: text('kind').notNull(),
    /** internal | public */
    visibility: text('visibility').notNull().default('internal'),
    body: text('body').notNull().default(''),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    byUserId: uuid('by_user_id'),
    byLabel: text('by_label').notNull(),
    at: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'case_event_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'case_event_case_id_fk',
      columns: [t.organisationId, t.caseId],
      foreignColumns: [caseFile.organisationId, caseFile.id],
    }),
    index('case_event_idx').on(t.organisationId, t.caseId, t.at),
  ],
);

/** A file attached to a case; stored in the database (size-limited, type sniffed from the content). */
export const caseAttachment = pgTable(
  'case_attachment',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    caseId: uuid('case_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    byUserId: uuid('by_user_id'),
    byLabel: text('by_label').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'case_attachment_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'case_attachment_case_id_fk',
      columns: [t.organisationId, t.caseId],
      foreignColumns: [caseFile.organisationId, caseFile.id],
    }),
    index('case_attachment_idx').on(t.organisationId, t.caseId),
  ],
);

export const caseStatusChange = pgTable(
  'case_status_change',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    caseId: uuid('case_id').notNull(),
    status: text('status').notNull(),
    byUserId: uuid('by_user_id'),
    byLabel: text('by_label').notNull(),
    note: text('note').notNull().default(''),
    at: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'case_status_change_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'case_status_change_case_id_fk',
      columns: [t.organisationId, t.caseId],
      foreignColumns: [caseFile.organisationId, caseFile.id],
    }),
    index('case_status_change_idx').on(t.organisationId, t.caseId, t.at),
  ],
);

/** Message templates staff choose from; `{{placeholders}}` are filled per case. */
export const messageTemplate = pgTable(
  'message_template',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    /** { nl, en } */
    subject: jsonb('subject').notNull(),
    body: jsonb('body').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'message_template_pkey', columns: [t.organisationId, t.id] }),
    uniqueIndex('message_template_key_uq').on(t.organisationId, t.key),
  ],
);

/**
 * Someone following a case they did not report (issue 13: "already reported nearby? follow that one"): they hear
 * of its public progress like its reporter, by email, until they stop through the link in each message.
 */
export const caseFollower = pgTable(
  'case_follower',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    caseId: uuid('case_id').notNull(),
    /** Lower-cased; one follower per address per case. */
    email: text('email').notNull(),
    /** nl | en: the language of the messages. */
    language: text('language').notNull().default('nl'),
    /** SHA-256 of the stop-following token (the token itself is derived, never stored). */
    unsubscribeTokenHash: text('unsubscribe_token_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'case_follower_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'case_follower_case_id_fk',
      columns: [t.organisationId, t.caseId],
      foreignColumns: [caseFile.organisationId, caseFile.id],
    }),
    uniqueIndex('case_follower_case_email_uq').on(t.organisationId, t.caseId, t.email),
    uniqueIndex('case_follower_token_uq').on(t.organisationId, t.unsubscribeTokenHash),
  ],
);
