/** Customers (residents, businesses, employees) and their consents. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, updatedAt } from './columns.ts';
import { organisationId } from './organisations.ts';

/** A resident, business or employee. Identifiers are normalised; the BSN is encrypted, and found by its HMAC. */
export const customer = pgTable(
  'customer',
  {
    id: uuid('id').notNull().defaultRandom(),
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
    primaryKey({ name: 'customer_pkey', columns: [t.organisationId, t.id] }),
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
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    customerId: uuid('customer_id').notNull(),
    purpose: text('purpose').notNull(),
    granted: boolean('granted').notNull(),
    channel: text('channel'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'customer_consent_pkey', columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'customer_consent_customer_id_fk',
      columns: [t.organisationId, t.customerId],
      foreignColumns: [customer.organisationId, customer.id],
    }),
    index('customer_consent_customer_idx').on(t.organisationId, t.customerId),
  ],
);
