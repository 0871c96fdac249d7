/** Organisations (the tenants) and the platform administrators' tokens: the global tables. */
import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';

/** The owning organisation: the tenant, and on a distributed engine (Citus) the distribution key (ADR 0018). */
export const organisationId = () =>
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
