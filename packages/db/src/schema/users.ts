/** Staff accounts and their memberships of teams. */
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { organisationId } from './organisations.ts';
import { team } from './teams.ts';

export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').notNull().defaultRandom(),
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
  (t) => [
    primaryKey({ name: 'app_user_pkey', columns: [t.organisationId, t.id] }),
    // The one unique index without organisation_id: an address signs in to one organisation only (ADR 0018
    // keys-that-shard: on Citus it becomes a reference table of addresses).
    uniqueIndex('app_user_email_uq').on(t.email),
  ],
);

export const membership = pgTable(
  'membership',
  {
    organisationId: organisationId(),
    userId: uuid('user_id').notNull(),
    teamId: uuid('team_id').notNull(),
    /** agent | backoffice | teamlead | manager | quality | admin */
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: 'membership_user_id_fk',
      columns: [t.organisationId, t.userId],
      foreignColumns: [appUser.organisationId, appUser.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'membership_team_id_fk',
      columns: [t.organisationId, t.teamId],
      foreignColumns: [team.organisationId, team.id],
    }).onDelete('cascade'),
    primaryKey({ name: 'membership_pkey', columns: [t.organisationId, t.userId, t.teamId, t.role] }),
    index('membership_org_team_idx').on(t.organisationId, t.teamId),
  ],
);
