/** Surveys (klanttevredenheidsonderzoek): versioned definitions, the configuration, invitations and responses. */
import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { bytea, createdAt, updatedAt } from './columns.ts';
import { organisationId } from './organisations.ts';

/** A survey: versioned content (ADR 0017), like catalogue items and articles. */
export const survey = pgTable(
  'survey',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    code: text('code').notNull(),
    state: text('state').notNull().default('draft'),
    publishedVersionId: uuid('published_version_id'),
    draftVersionId: uuid('draft_version_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'survey_pkey', columns: [t.organisationId, t.id] }),
    uniqueIndex('survey_org_code_uq').on(t.organisationId, t.code),
  ],
);

export const surveyVersion = pgTable(
  'survey_version',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    surveyId: uuid('survey_id').notNull(),
    number: integer('number').notNull(),
    definition: jsonb('definition').notNull(),
    state: text('state').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'survey_version_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'survey_version_survey_id_fk',
      columns: [t.organisationId, t.surveyId],
      foreignColumns: [survey.organisationId, survey.id],
    }).onDelete('cascade'),
    uniqueIndex('survey_version_uq').on(t.organisationId, t.surveyId, t.number),
  ],
);

/**
 * Which survey applies when (`SurveySettings` in @voordeur/shared, validated JSON), and how far the invitation
 * task has looked: the cases closed and contacts ended up to `scanned_until` have been considered.
 */
export const surveySettings = pgTable(
  'survey_settings',
  {
    organisationId: organisationId(),
    settings: jsonb('settings').notNull(),
    scannedUntil: timestamp('scanned_until', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ name: 'survey_settings_pkey', columns: [t.organisationId] })],
);

/**
 * One invitation to answer a survey: after a closed case or a sampled contact (unique per case and per contact,
 * so the task may run twice). The link's secret is stored only as its SHA-256.
 */
export const surveyInvitation = pgTable(
  'survey_invitation',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    tokenHash: text('token_hash').notNull(),
    /**
     * The same secret, encrypted with the data key (AES-256-GCM, platform/personal-data.ts): the reminder and the
     * tracking page show the link again. Lookups go by the hash only.
     */
    tokenEncrypted: bytea('token_encrypted').notNull(),
    surveyId: uuid('survey_id').notNull(),
    surveyVersionId: uuid('survey_version_id').notNull(),
    /** case | contact */
    source: text('source').notNull(),
    caseId: uuid('case_id'),
    contactId: uuid('contact_id'),
    customerId: uuid('customer_id'),
    /** Where the invitation and its reminder go (lower case); also the key of the cooldown. */
    email: text('email').notNull(),
    language: text('language').notNull().default('nl'),
    /** What the response will be stored with (`SurveyDimensions`): read when the invitation is made. */
    dimensions: jsonb('dimensions').notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    remindAt: timestamp('remind_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'survey_invitation_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'survey_invitation_version_fk',
      columns: [t.organisationId, t.surveyVersionId],
      foreignColumns: [surveyVersion.organisationId, surveyVersion.id],
    }),
    uniqueIndex('survey_invitation_token_uq').on(t.organisationId, t.tokenHash),
    uniqueIndex('survey_invitation_case_uq').on(t.organisationId, t.caseId),
    uniqueIndex('survey_invitation_contact_uq').on(t.organisationId, t.contactId),
    index('survey_invitation_email_idx').on(t.organisationId, t.email, t.createdAt),
    index('survey_invitation_remind_idx')
      .on(t.remindAt)
      .where(sql`reminded_at IS NULL AND answered_at IS NULL`),
  ],
);

/**
 * One answer to an invitation (unique: a second answer is refused), stored with the dimensions of the case or
 * contact as they were — channel, item, team, area, resolution time — so reports need no join to data that changes.
 */
export const surveyResponse = pgTable(
  'survey_response',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    invitationId: uuid('invitation_id').notNull(),
    surveyVersionId: uuid('survey_version_id').notNull(),
    source: text('source').notNull(),
    caseId: uuid('case_id'),
    contactId: uuid('contact_id'),
    grade: integer('grade').notNull(),
    effort: integer('effort'),
    solved: boolean('solved'),
    comment: text('comment').notNull().default(''),
    language: text('language').notNull(),
    channel: text('channel').notNull(),
    itemCode: text('item_code'),
    teamId: uuid('team_id'),
    area: text('area'),
    /** From receipt to closing, in seconds (cases; null for contacts that are not cases). */
    resolutionSeconds: integer('resolution_seconds'),
    /** The case was flagged for follow-up (low grade or not solved). */
    followUp: boolean('follow_up').notNull().default(false),
    /** Grade of at least the compliment threshold with a text: shown to the team. */
    compliment: boolean('compliment').notNull().default(false),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'survey_response_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'survey_response_invitation_fk',
      columns: [t.organisationId, t.invitationId],
      foreignColumns: [surveyInvitation.organisationId, surveyInvitation.id],
    }),
    uniqueIndex('survey_response_invitation_uq').on(t.organisationId, t.invitationId),
    index('survey_response_answered_idx').on(t.organisationId, t.answeredAt),
  ],
);
