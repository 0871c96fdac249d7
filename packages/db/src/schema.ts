/**
 * The Voordeur schema. Every table carries `organisation_id` (the tenant and, on a distributed engine such as
 * Citus, the distribution key); the `organisation` table itself is keyed by that id. Instants are `timestamptz`.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const organisationId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisation.id, { onDelete: 'restrict' });

export const organisation = pgTable('organisation', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** Free-form settings (calendar, channels, ...) added by later modules; validated by their owners. */
  settings: jsonb('settings').notNull().default(sql`'{}'::jsonb`),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const team = pgTable(
  'team',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    name: text('name').notNull(),
    /** front_office | back_office | management */
    kind: text('kind').notNull(),
    description: text('description').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('team_org_name_uq').on(t.organisationId, t.name)],
);

export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    /** Stored lower-case; unique across organisations so that login needs only the address. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('nl'),
    active: boolean('active').notNull().default(true),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('app_user_email_uq').on(t.email), index('app_user_org_idx').on(t.organisationId)],
);

export const membership = pgTable(
  'membership',
  {
    organisationId: organisationId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => team.id, { onDelete: 'cascade' }),
    /** agent | backoffice | teamlead | manager | quality | admin */
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.teamId, t.role] }),
    index('membership_org_team_idx').on(t.organisationId, t.teamId),
  ],
);

export const session = pgTable(
  'session',
  {
    /** SHA-256 of the cookie value: a stolen database does not yield usable sessions. */
    id: text('id').primaryKey(),
    organisationId: organisationId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Sliding idle expiry; `absoluteExpiresAt` caps it. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
    /** Synchronizer-token secret for CSRF protection; never leaves the server except as derived tokens. */
    csrfSecret: text('csrf_secret').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('session_user_idx').on(t.userId), index('session_expires_idx').on(t.expiresAt)],
);

export const apiToken = pgTable(
  'api_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    /** SHA-256 of the secret; the secret itself is shown once at creation. */
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_token_hash_uq').on(t.tokenHash), index('api_token_org_idx').on(t.organisationId)],
);

/** Append-only (a trigger refuses UPDATE and DELETE): the integrity of every change is demonstrable. */
export const auditEvent = pgTable(
  'audit_event',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    organisationId: organisationId(),
    /** user | token | system */
    actorKind: text('actor_kind').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorTokenId: uuid('actor_token_id'),
    /** Name at the time of the event, kept even if the user is later renamed or removed. */
    actorLabel: text('actor_label').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    /** { field: { before, after } } — secrets are never recorded, only that they changed. */
    changes: jsonb('changes').notNull().default(sql`'{}'::jsonb`),
    requestId: text('request_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_event_org_time_idx').on(t.organisationId, t.id),
    index('audit_event_org_entity_idx').on(t.organisationId, t.entityType, t.entityId, t.id),
    index('audit_event_org_actor_idx').on(t.organisationId, t.actorUserId, t.id),
  ],
);
