/** My page: residents signing in by an email link (no password), and their sessions. */
import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { organisationId } from './organisations.ts';

/**
 * One request for a sign-in link. The link's secret is stored only as its SHA-256; the row is also the memory of
 * the rate limits (requests per address and per client IP in the last hour), so every app node counts the same.
 */
export const residentSignIn = pgTable(
  'resident_sign_in',
  {
    /** SHA-256 of the link's secret. */
    id: text('id').notNull(),
    organisationId: organisationId(),
    /** Lower-cased; whom the session is for once the link is used. */
    email: text('email').notNull(),
    /** SHA-256 of the client IP (the rate limit per IP needs no readable address). */
    ipHash: text('ip_hash').notNull(),
    language: text('language').notNull().default('nl'),
    /** The email that carries the link: its body is blanked once the link is used or expired. */
    notificationId: uuid('notification_id'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set when the link was used: a link works once. */
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'resident_sign_in_pkey', columns: [t.organisationId, t.id] }),
    // A link is found by its hash alone (the link names the organisation's slug, checked after).
    index('resident_sign_in_id_idx').on(t.id),
    index('resident_sign_in_email_idx').on(t.organisationId, t.email, t.createdAt),
    index('resident_sign_in_ip_idx').on(t.organisationId, t.ipHash, t.createdAt),
  ],
);

/**
 * A resident's session on My page: its own table and cookie, never a staff session. It names an email address,
 * not a customer: the customers with that address are looked up on each request (a new address has none yet).
 */
export const residentSession = pgTable(
  'resident_session',
  {
    /** SHA-256 of the cookie value. */
    id: text('id').notNull(),
    organisationId: organisationId(),
    email: text('email').notNull(),
    /** Synchronizer-token secret for CSRF protection of the resident's writes. */
    csrfSecret: text('csrf_secret').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Sliding idle expiry; `absoluteExpiresAt` caps it. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'resident_session_pkey', columns: [t.organisationId, t.id] }),
    index('resident_session_id_idx').on(t.id),
    index('resident_session_expires_idx').on(t.expiresAt),
  ],
);
