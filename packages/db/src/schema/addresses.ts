/** The organisation's address register: every address it serves, with its place on the map (issue 13, item 3). */
import { sql } from 'drizzle-orm';
import {
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { organisationId } from './organisations.ts';

export const address = pgTable(
  'address',
  {
    id: uuid('id').notNull().defaultRandom(),
    organisationId: organisationId(),
    /** Normalised: four digits and two capitals, no space (`1234AB`). */
    postcode: text('postcode').notNull(),
    houseNumber: integer('house_number').notNull(),
    /** House letter and/or addition (`A`, `2-HG`); empty when none. */
    addition: text('addition').notNull().default(''),
    street: text('street').notNull(),
    place: text('place').notNull(),
    /** Rijksdriehoeksmeting (RD New, EPSG:28992), metres: what the register delivers. */
    rdX: doublePrecision('rd_x').notNull(),
    rdY: doublePrecision('rd_y').notNull(),
    /** WGS84 degrees, converted from RD on import: what maps use. */
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    /** The BAG nummeraanduiding id, when the file gives it. */
    bagId: text('bag_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'address_pkey', columns: [t.organisationId, t.id] }),
    uniqueIndex('address_org_postcode_number_uq').on(t.organisationId, t.postcode, t.houseNumber, t.addition),
    index('address_street_trgm_idx').using('gin', sql`lower(${t.street}) gin_trgm_ops`),
    /** The nearest address to a point picked on the map (KNN `<->` over earthdistance's cube). */
    index('address_earth_idx').using('gist', sql`ll_to_earth(${t.lat}, ${t.lon})`),
  ],
);
