/**
 * Open311 GeoReport v2 (issue 13, item 8): the client apps an administrator let in, each with its own API key,
 * and what each service request posted through Open311 brought beyond the case itself.
 */
import {
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { caseFile } from './cases.ts';
import { createdAt } from './columns.ts';
import { organisationId } from './organisations.ts';
import { appUser } from './users.ts';

/** A client app (an Open311 "api_key" holder), issued by an administrator. */
export const open311Client = pgTable(
  'open311_client',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    name: text('name').notNull(),
    /** Who to contact about this app (free text: a team, a mailbox). */
    contact: text('contact').notNull().default(''),
    /** SHA-256 of the key; the key itself is shown once at creation. */
    keyHash: text('key_hash').notNull(),
    /** The first characters of the key, so an administrator recognises it. */
    prefix: text('prefix').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'open311_client_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'open311_client_created_by_user_id_fk',
      columns: [t.organisationId, t.createdByUserId],
      foreignColumns: [appUser.organisationId, appUser.id],
    }).onDelete('set null'),
    // A POST names its jurisdiction, so the key is looked up within the organisation.
    uniqueIndex('open311_client_key_hash_uq').on(t.organisationId, t.keyHash),
  ],
);

/**
 * A service request posted through Open311: the case it opened, the client that posted it, the token of the
 * spec's token flow (its SHA-256), and what the case has no place for (the media URL, the register's address id).
 */
export const open311Request = pgTable(
  'open311_request',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    caseId: uuid('case_id').notNull(),
    clientId: uuid('client_id').notNull(),
    /** Only for services of type batch, whose POST answers with a token instead of the id. */
    tokenHash: text('token_hash'),
    mediaUrl: text('media_url'),
    addressId: text('address_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'open311_request_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'open311_request_case_id_fk',
      columns: [t.organisationId, t.caseId],
      foreignColumns: [caseFile.organisationId, caseFile.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'open311_request_client_id_fk',
      columns: [t.organisationId, t.clientId],
      foreignColumns: [open311Client.organisationId, open311Client.id],
    }),
    uniqueIndex('open311_request_case_uq').on(t.organisationId, t.caseId),
    uniqueIndex('open311_request_token_uq').on(t.organisationId, t.tokenHash),
    index('open311_request_client_idx').on(t.organisationId, t.clientId),
  ],
);
