/** Tracking a case without its link: one-time codes sent to the case's person (module tracking). */
import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { caseFile } from './cases.ts';
import { createdAt } from './columns.ts';
import { organisationId } from './organisations.ts';

/**
 * A request for a one-time code by reference + email address. Written for every request, also when the two do
 * not match a case (then `case_id` and `code_hash` are null): the page answers the same either way, and the rows
 * are what the per-address and per-IP limits count. The address and the IP are kept only as keyed hashes.
 */
export const trackingCode = pgTable(
  'tracking_code',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    /** The case whose person asked; null when reference and address did not match. */
    caseId: uuid('case_id'),
    /** HMAC of the lower-cased email address (server key): counts requests per address without keeping it. */
    emailKey: text('email_key').notNull(),
    /** HMAC of the client's IP address. */
    ipKey: text('ip_key').notNull(),
    /** SHA-256 of the 6-digit code (with the row id); null when nothing was sent. */
    codeHash: text('code_hash'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Wrong codes entered; at 5 the code is spent. */
    attempts: integer('attempts').notNull().default(0),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'tracking_code_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'tracking_code_case_id_fk',
      columns: [t.organisationId, t.caseId],
      foreignColumns: [caseFile.organisationId, caseFile.id],
    }),
    index('tracking_code_email_idx').on(t.organisationId, t.emailKey, t.createdAt),
    index('tracking_code_ip_idx').on(t.organisationId, t.ipKey, t.createdAt),
  ],
);
