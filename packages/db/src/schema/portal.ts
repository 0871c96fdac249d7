/** The resident portal: how often each sender used a public form (abuse protection, shared by every app node). */
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt } from './columns.ts';
import { organisationId } from './organisations.ts';

/**
 * Counts of public form posts per sender and time window: one row per organisation, key (a SHA-256 of what the
 * sender is known by: `ip:<address>` or `email:<address>`, never the address itself) and window start. In the
 * database, not in memory, so several app nodes count together. Old windows are deleted by the portal's task.
 */
export const portalThrottle = pgTable(
  'portal_throttle',
  {
    organisationId: organisationId(),
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.key, t.windowStart] }),
    index('portal_throttle_window_idx').on(t.windowStart),
  ],
);

/**
 * A file a person uploaded with a public form before sending it: kept until the report that names it takes it
 * (it becomes a case attachment and this row goes, in the report's transaction) or until the portal's task
 * removes it a day later. Named by an opaque upload id (128-bit random) that only its uploader knows; stored as
 * the id's SHA-256. The type was decided from the bytes on upload.
 */
export const portalUpload = pgTable(
  'portal_upload',
  {
    organisationId: organisationId(),
    id: uuid('id').notNull().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex('portal_upload_token_uq').on(t.organisationId, t.tokenHash),
    index('portal_upload_created_idx').on(t.createdAt),
  ],
);
