/**
 * The Voordeur schema. Every table carries `organisation_id` (the tenant and, on a distributed engine such as
 * Citus, the distribution key); the `organisation` table itself is keyed by that id. Instants are `timestamptz`.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
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

/** PostgreSQL full-text vector; maintained by the services (unaccent is not immutable, so not generated). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A product or service of the catalogue (PDC). Its content lives in versions; `publishedVersionId` is what
 * the public and the front office see, `draftVersionId` what editors work on. Cases keep their version.
 */
export const catalogueItem = pgTable(
  'catalogue_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    code: text('code').notNull(),
    /** draft (never published) | published | retired */
    state: text('state').notNull().default('draft'),
    audience: text('audience').notNull(),
    kind: text('kind').notNull(),
    teamId: uuid('team_id').references(() => team.id, { onDelete: 'set null' }),
    publishedVersionId: uuid('published_version_id'),
    draftVersionId: uuid('draft_version_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('catalogue_item_org_code_uq').on(t.organisationId, t.code)],
);

export const catalogueItemVersion = pgTable(
  'catalogue_item_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => catalogueItem.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    /** The full CatalogueItemDefinition (packages/shared), validated before it is stored. */
    definition: jsonb('definition').notNull(),
    /** draft | published | superseded | retired */
    state: text('state').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('catalogue_item_version_uq').on(t.itemId, t.number),
    index('civ_org_idx').on(t.organisationId),
  ],
);

/** A knowledge-base article, versioned like catalogue items. */
export const article = pgTable(
  'article',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    code: text('code').notNull(),
    state: text('state').notNull().default('draft'),
    audience: text('audience').notNull(),
    ownerTeamId: uuid('owner_team_id').references(() => team.id, { onDelete: 'set null' }),
    reviewDate: text('review_date'),
    publishedVersionId: uuid('published_version_id'),
    draftVersionId: uuid('draft_version_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('article_org_code_uq').on(t.organisationId, t.code)],
);

export const articleVersion = pgTable(
  'article_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => article.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    definition: jsonb('definition').notNull(),
    state: text('state').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('article_version_uq').on(t.articleId, t.number),
    index('av_org_idx').on(t.organisationId),
  ],
);

/**
 * What search looks in: one row per published item or article, written in the same transaction as the
 * publication. Weighted Dutch full text plus trigram-indexed title and synonyms for typo tolerance.
 */
export const searchDocument = pgTable(
  'search_document',
  {
    organisationId: organisationId(),
    /** item | article */
    kind: text('kind').notNull(),
    refId: uuid('ref_id').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    /** Synonyms, keywords and tags, space-separated. */
    terms: text('terms').notNull(),
    /** external | internal (items), public | internal (articles) */
    audience: text('audience').notNull(),
    itemKind: text('item_kind'),
    teamId: uuid('team_id'),
    /** How often a search result led to this document being used: ranks frequently used answers up. */
    usageCount: integer('usage_count').notNull().default(0),
    tsv: tsvector('tsv').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.kind, t.refId] }),
    index('search_document_tsv_idx').using('gin', t.tsv),
    index('search_document_title_trgm_idx').using(
      'gin',
      sql`(lower(${t.title} || ' ' || ${t.terms})) gin_trgm_ops`,
    ),
  ],
);

/** The vocabulary of the catalogue and knowledge base: for "did you mean" expansion of misspelt words. */
export const searchWord = pgTable(
  'search_word',
  {
    organisationId: organisationId(),
    word: text('word').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.word] }),
    index('search_word_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`),
  ],
);

/** Every search, and whether a result was used: shows which questions the knowledge base fails to answer. */
export const searchQuery = pgTable(
  'search_query',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    actorUserId: uuid('actor_user_id'),
    /** public | staff */
    scope: text('scope').notNull(),
    query: text('query').notNull(),
    resultCount: integer('result_count').notNull(),
    topResults: jsonb('top_results').notNull().default(sql`'[]'::jsonb`),
    usedKind: text('used_kind'),
    usedRefId: uuid('used_ref_id'),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('search_query_org_time_idx').on(t.organisationId, t.createdAt)],
);

/** The organisation's working-time calendar (opening hours, holiday choices, closures). */
export const workingCalendar = pgTable('working_calendar', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisation.id, { onDelete: 'restrict' }),
  definition: jsonb('definition').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: updatedAt(),
});
