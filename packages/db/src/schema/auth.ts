/** Sign-in sessions and API tokens. */
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
import { createdAt } from './columns.ts';
import { organisationId } from './organisations.ts';
import { appUser } from './users.ts';

export const session = pgTable(
  'session',
  {
    /** SHA-256 of the cookie value: a stolen database does not yield usable sessions. */
    id: text('id').notNull(),
    organisationId: organisationId(),
    userId: uuid('user_id').notNull(),
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
  (t) => [
    primaryKey({ name: 'session_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'session_user_id_fk',
      columns: [t.organisationId, t.userId],
      foreignColumns: [appUser.organisationId, appUser.id],
    }).onDelete('cascade'),
    // Each request finds its session by the cookie's hash alone (the cookie does not name the organisation).
    index('session_id_idx').on(t.id),
    index('session_user_idx').on(t.userId),
    index('session_expires_idx').on(t.expiresAt),
  ],
);

export const apiToken = pgTable(
  'api_token',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    /** SHA-256 of the secret; the secret itself is shown once at creation. */
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'api_token_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'api_token_created_by_user_id_fk',
      columns: [t.organisationId, t.createdByUserId],
      foreignColumns: [appUser.organisationId, appUser.id],
    }).onDelete('set null'),
    // Led by the hash: a request finds its token by the hash alone (the token does not name the organisation).
    uniqueIndex('api_token_hash_uq').on(t.tokenHash, t.organisationId),
  ],
);
