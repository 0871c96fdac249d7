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
  unique,
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
  /** Built-in design-token theme (`voorbeeld`, `utrecht`) or `custom`; null: the install's configured theme. */
  theme: text('theme'),
  /** Root class of a custom theme (built-in themes know their own). */
  themeClass: text('theme_class'),
  /** A custom theme's design-token CSS, served from /p/<slug>/theme.css. */
  themeCss: text('theme_css'),
  /** Sender of the organisation's emails ("Naam <adres>"); null: SMTP_FROM. */
  mailFrom: text('mail_from'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * A platform administrator's credential: belongs to no organisation (the one table besides `organisation`
 * without `organisation_id`; ADR 0007) and may only list and create organisations. A Bearer token `vdp_…`.
 */
export const platformToken = pgTable(
  'platform_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** SHA-256 of the secret; the secret itself is shown once at creation. */
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('platform_token_hash_uq').on(t.tokenHash)],
);

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

// ---- front office: customers, contacts, callbacks; cases --------------------------------------------------

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** A resident, business or employee. Identifiers are normalised; the BSN is encrypted, and found by its HMAC. */
export const customer = pgTable(
  'customer',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    /** resident | business | employee */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** Lower-case, accent-free name for find-as-you-type. */
    nameSearch: text('name_search').notNull(),
    /** AES-256-GCM ciphertext of the BSN (key id, iv, tag, data). */
    bsnEncrypted: bytea('bsn_encrypted'),
    /** Keyed hash of the BSN: lookups and duplicate detection without decrypting. */
    bsnHash: text('bsn_hash'),
    bsnLast3: text('bsn_last3'),
    kvkNumber: text('kvk_number'),
    employeeNumber: text('employee_number'),
    department: text('department'),
    dateOfBirth: text('date_of_birth'),
    email: text('email'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** E.164 */
    phone: text('phone'),
    phoneVerifiedAt: timestamp('phone_verified_at', { withTimezone: true }),
    street: text('street'),
    houseNumber: integer('house_number'),
    houseLetter: text('house_letter'),
    houseAddition: text('house_addition'),
    /** 1234AB */
    postcode: text('postcode'),
    city: text('city'),
    area: text('area'),
    preferredChannel: text('preferred_channel'),
    preferredLanguage: text('preferred_language'),
    segments: text('segments').array().notNull().default(sql`'{}'::text[]`),
    confidential: boolean('confidential').notNull().default(false),
    /** Set when this record was merged into another; it is then kept only for the trail. */
    mergedIntoId: uuid('merged_into_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('customer_name_trgm_idx').using('gin', sql`${t.nameSearch} gin_trgm_ops`),
    index('customer_name_prefix_idx').on(t.organisationId, sql`${t.nameSearch} text_pattern_ops`),
    index('customer_email_idx').on(t.organisationId, t.email),
    index('customer_phone_idx').on(t.organisationId, t.phone),
    index('customer_postcode_idx').on(t.organisationId, t.postcode, t.houseNumber),
    index('customer_bsn_idx').on(t.organisationId, t.bsnHash),
    index('customer_kvk_idx').on(t.organisationId, t.kvkNumber),
    index('customer_employee_idx').on(t.organisationId, t.employeeNumber),
  ],
);

export const customerConsent = pgTable(
  'customer_consent',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customer.id),
    purpose: text('purpose').notNull(),
    granted: boolean('granted').notNull(),
    channel: text('channel'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: createdAt(),
  },
  (t) => [index('customer_consent_customer_idx').on(t.organisationId, t.customerId)],
);

/** One interaction through one channel; the register of every contact. */
export const contact = pgTable(
  'contact',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    channel: text('channel').notNull(),
    /** in | out */
    direction: text('direction').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    waitSeconds: integer('wait_seconds'),
    customerId: uuid('customer_id').references(() => customer.id),
    catalogueItemId: uuid('catalogue_item_id').references(() => catalogueItem.id),
    topic: text('topic'),
    question: text('question').notNull().default(''),
    answer: text('answer').notNull().default(''),
    articleIds: uuid('article_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** answered | case | callback | referred | not_helped; null while open or when closed automatically */
    outcome: text('outcome'),
    referredTo: text('referred_to'),
    closedAutomatically: boolean('closed_automatically').notNull().default(false),
    isRepeat: boolean('is_repeat').notNull().default(false),
    repeatOfId: uuid('repeat_of_id'),
    agentUserId: uuid('agent_user_id').references(() => appUser.id),
    teamId: uuid('team_id').references(() => team.id),
    language: text('language').notNull().default('nl'),
    /** A channel's delivery id: a retried delivery with the same key never creates a second contact. */
    idempotencyKey: text('idempotency_key'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('contact_idempotency_uq').on(t.organisationId, t.idempotencyKey),
    index('contact_customer_idx').on(t.organisationId, t.customerId, t.startedAt),
    index('contact_open_idx').on(t.organisationId, t.startedAt).where(sql`${t.endedAt} IS NULL`),
    index('contact_agent_idx').on(t.organisationId, t.agentUserId, t.startedAt),
  ],
);

/**
 * First-contact resolution per day, channel, team, agent and subject, kept up to date in the transaction that
 * closes a contact: reports over millions of contacts read a few thousand rows.
 */
export const contactDailyStat = pgTable(
  'contact_daily_stat',
  {
    organisationId: organisationId(),
    day: text('day').notNull(),
    channel: text('channel').notNull(),
    teamId: uuid('team_id'),
    agentUserId: uuid('agent_user_id'),
    catalogueItemId: uuid('catalogue_item_id'),
    contacts: integer('contacts').notNull().default(0),
    answered: integer('answered').notNull().default(0),
    handedOver: integer('handed_over').notNull().default(0),
    callbacks: integer('callbacks').notNull().default(0),
    referred: integer('referred').notNull().default(0),
    notHelped: integer('not_helped').notNull().default(0),
    unrecorded: integer('unrecorded').notNull().default(0),
    repeats: integer('repeats').notNull().default(0),
    handlingSeconds: bigint('handling_seconds', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    unique('contact_daily_stat_uq')
      .on(t.organisationId, t.day, t.channel, t.teamId, t.agentUserId, t.catalogueItemId)
      .nullsNotDistinct(),
  ],
);

/** A request for the back office to call the person back, with its own norm. */
export const callback = pgTable(
  'callback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contact.id),
    customerId: uuid('customer_id').references(() => customer.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => team.id),
    catalogueItemId: uuid('catalogue_item_id').references(() => catalogueItem.id),
    phone: text('phone').notNull(),
    note: text('note').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** The time slot the person chose to be called in ("tomorrow between 13:00 and 15:00"), if any. */
    slotStart: timestamp('slot_start', { withTimezone: true }),
    slotEnd: timestamp('slot_end', { withTimezone: true }),
    /** open | done */
    state: text('state').notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('callback_team_idx').on(t.organisationId, t.state, t.teamId, t.dueAt)],
);

export const callbackAttempt = pgTable(
  'callback_attempt',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    callbackId: uuid('callback_id')
      .notNull()
      .references(() => callback.id),
    /** reached | not_reached | message_left */
    result: text('result').notNull(),
    note: text('note').notNull().default(''),
    byUserId: uuid('by_user_id'),
    byLabel: text('by_label').notNull(),
    at: createdAt(),
  },
  (t) => [index('callback_attempt_idx').on(t.organisationId, t.callbackId)],
);

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
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    reference: text('reference').notNull(),
    catalogueItemId: uuid('catalogue_item_id')
      .notNull()
      .references(() => catalogueItem.id),
    itemVersionId: uuid('item_version_id')
      .notNull()
      .references(() => catalogueItemVersion.id),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    answers: jsonb('answers').notNull().default(sql`'{}'::jsonb`),
    location: jsonb('location'),
    area: text('area'),
    customerId: uuid('customer_id').references(() => customer.id),
    contactId: uuid('contact_id').references(() => contact.id),
    channel: text('channel').notNull(),
    priority: text('priority').notNull().default('normal'),
    teamId: uuid('team_id').references(() => team.id),
    assigneeUserId: uuid('assignee_user_id').references(() => appUser.id),
    status: text('status').notNull(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    internalDueAt: timestamp('internal_due_at', { withTimezone: true }),
    legalDueAt: timestamp('legal_due_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
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
    /**
     * The number of the case's last CloudEvent: each event of the case takes the next one (the `sequence`
     * extension attribute), so receivers can order a case's events however they arrive (ADR 0005).
     */
    eventSequence: integer('event_sequence').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('case_reference_uq').on(t.organisationId, t.reference),
    index('case_customer_idx').on(t.organisationId, t.customerId, t.createdAt),
    index('case_team_open_idx').on(t.organisationId, t.teamId, t.dueAt).where(sql`${t.closedAt} IS NULL`),
    index('case_assignee_open_idx')
      .on(t.organisationId, t.assigneeUserId, t.dueAt)
      .where(sql`${t.closedAt} IS NULL`),
    index('case_contact_idx').on(t.organisationId, t.contactId),
    index('case_main_idx').on(t.organisationId, t.mainCaseId),
    index('case_parent_idx').on(t.organisationId, t.parentCaseId),
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
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseFile.id),
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
  (t) => [index('case_event_idx').on(t.organisationId, t.caseId, t.at)],
);

/** A file attached to a case; stored in the database (size-limited, type sniffed from the content). */
export const caseAttachment = pgTable(
  'case_attachment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseFile.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    byUserId: uuid('by_user_id'),
    byLabel: text('by_label').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('case_attachment_idx').on(t.organisationId, t.caseId)],
);

/** Message templates staff choose from; `{{placeholders}}` are filled per case. */
export const messageTemplate = pgTable(
  'message_template',
  {
    id: uuid('id').primaryKey().defaultRandom(),
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
  (t) => [uniqueIndex('message_template_key_uq').on(t.organisationId, t.key)],
);

/**
 * The transactional outbox (ADR 0002): background work written in the same transaction as the change that
 * causes it, claimed by workers with FOR UPDATE SKIP LOCKED and a lease.
 */
export const outboxJob = pgTable(
  'outbox_job',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    /** notification | webhook */
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(12),
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_job_due_idx').on(t.runAt).where(sql`${t.doneAt} IS NULL`)],
);

/** A message to a person or a staff member, and its delivery state (the per-case delivery log). */
export const notification = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    caseId: uuid('case_id'),
    /** status | message | acknowledgement | extension | suspension | decision | warning | breach | ... */
    kind: text('kind').notNull(),
    /** person | staff */
    audience: text('audience').notNull(),
    /** email | sms | post (a printed letter: no outbox job; staff post it and mark it sent) */
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    recipientName: text('recipient_name'),
    language: text('language').notNull().default('nl'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** queued | sent | failed | bounced */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The Message-ID, stable across retries (receivers can drop a repeat). */
    messageId: text('message_id').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /**
     * A letter (channel post): what is printed besides subject and body, fixed when it was written — the person's
     * address lines, the case reference and the organisation's letterhead.
     */
    letter: jsonb('letter'),
    /** A letter: who marked it as sent by post (sent_at says when). */
    sentByUserId: uuid('sent_by_user_id'),
    sentByLabel: text('sent_by_label'),
  },
  (t) => [
    index('notification_case_idx').on(t.organisationId, t.caseId, t.createdAt),
    uniqueIndex('notification_message_id_uq').on(t.messageId),
    // The post queue: letters of one organisation by state, oldest first.
    index('notification_letters_idx')
      .on(t.organisationId, t.status, t.createdAt)
      .where(sql`${t.channel} = 'post'`),
  ],
);

/** A back-office system that follows case changes as CloudEvents over a signed webhook. */
export const webhookSubscription = pgTable(
  'webhook_subscription',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    /** The signing secret, encrypted with the data key (ADR 0004). */
    secretEncrypted: bytea('secret_encrypted').notNull(),
    /** CloudEvent types to send; empty means all. */
    eventTypes: text('event_types').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('webhook_subscription_org_idx').on(t.organisationId)],
);

/** One CloudEvent to one subscription, and how its delivery went (the webhook log). */
export const webhookDelivery = pgTable(
  'webhook_delivery',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscription.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    caseId: uuid('case_id'),
    event: jsonb('event').notNull(),
    /** queued | delivered | failed */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    responseStatus: integer('response_status'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('webhook_delivery_sub_idx').on(t.organisationId, t.subscriptionId, t.createdAt)],
);

export const caseStatusChange = pgTable(
  'case_status_change',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseFile.id),
    status: text('status').notNull(),
    byUserId: uuid('by_user_id'),
    byLabel: text('by_label').notNull(),
    note: text('note').notNull().default(''),
    at: createdAt(),
  },
  (t) => [index('case_status_change_idx').on(t.organisationId, t.caseId, t.at)],
);

// ---------------------------------------------------------------------------------------------------------------
// Worker: periodic task leases. A GLOBAL table (no organisation_id): a periodic task runs over all organisations,
// so its lease belongs to none. Kept in a block of its own at the end of this file until the schema is split per
// module (it belongs with the worker's tables).
// ---------------------------------------------------------------------------------------------------------------

/**
 * Which worker runs a periodic task now, so that no two workers run the same task at the same time (ADR "Modules
 * register their own background work"). A worker takes a task with one atomic upsert that succeeds only when
 * the row is missing or its lease has run out, renews the lease while the task runs, and ends it when done.
 * A row, not an advisory lock: a session lock is unsafe behind PgBouncer in transaction pooling (ADR 0013).
 */
export const periodicTaskLease = pgTable('periodic_task_lease', {
  /** The task's registered name (`PeriodicTask.name`, e.g. `cases.clock-sweep`). */
  task: text('task').primaryKey(),
  /** The worker id (`WORKER_ID`) that holds or last held the lease. */
  heldBy: text('held_by').notNull(),
  /** The lease ends here; a worker may take the task once this has passed. */
  heldUntil: timestamp('held_until', { withTimezone: true }).notNull(),
});
