/** Column helpers shared by every module's tables. */
import { customType, timestamp } from 'drizzle-orm/pg-core';

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** PostgreSQL full-text vector; maintained by the services (unaccent is not immutable, so not generated). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Binary data (ciphertexts, attachments). */
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
