import { address, type Db, queryRows } from '@voordeur/db';
import { and, asc, eq, sql } from 'drizzle-orm';

export const LOOKUP_LIMIT = 20;

const view = {
  postcode: address.postcode,
  houseNumber: address.houseNumber,
  addition: address.addition,
  street: address.street,
  place: address.place,
  lat: address.lat,
  lon: address.lon,
};

export function findByPostcode(
  db: Db,
  organisationId: string,
  postcode: string,
  houseNumber?: number,
  addition?: string,
) {
  return db
    .select(view)
    .from(address)
    .where(
      and(
        eq(address.organisationId, organisationId),
        eq(address.postcode, postcode),
        houseNumber === undefined ? undefined : eq(address.houseNumber, houseNumber),
        addition === undefined ? undefined : eq(address.addition, addition),
      ),
    )
    .orderBy(asc(address.houseNumber), asc(address.addition))
    .limit(LOOKUP_LIMIT);
}

/** Street names starting with the text first, then similar ones (trigram, for typing errors). */
export function findByStreet(db: Db, organisationId: string, street: string, houseNumber?: number) {
  const needle = street.toLowerCase();
  const prefix = sql`lower(${address.street}) LIKE ${`${needle.replace(/[\\%_]/g, '\\$&')}%`}`;
  return db
    .select(view)
    .from(address)
    .where(
      and(
        eq(address.organisationId, organisationId),
        sql`(${prefix} OR lower(${address.street}) % ${needle})`,
        houseNumber === undefined ? undefined : eq(address.houseNumber, houseNumber),
      ),
    )
    .orderBy(
      sql`${prefix} DESC`,
      sql`similarity(lower(${address.street}), ${needle}) DESC`,
      asc(address.street),
      asc(address.houseNumber),
      asc(address.addition),
    )
    .limit(LOOKUP_LIMIT);
}

export function registerKeys(db: Db, organisationId: string) {
  return db
    .select({
      id: address.id,
      postcode: address.postcode,
      houseNumber: address.houseNumber,
      addition: address.addition,
      street: address.street,
      place: address.place,
      rdX: address.rdX,
      rdY: address.rdY,
      bagId: address.bagId,
    })
    .from(address)
    .where(eq(address.organisationId, organisationId));
}

export function insertAddresses(db: Db, rows: (typeof address.$inferInsert)[]) {
  return db.insert(address).values(rows);
}

export function updateAddress(
  db: Db,
  organisationId: string,
  id: string,
  values: Pick<typeof address.$inferInsert, 'street' | 'place' | 'rdX' | 'rdY' | 'lat' | 'lon' | 'bagId'>,
) {
  return db
    .update(address)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(address.organisationId, organisationId), eq(address.id, id)));
}

// ---- places (issue 13, item 3): the register's address at or nearest to a point -------------------------------

/** The address with exactly this postcode, number and addition (letter and addition, dashes and spaces ignored). */
export function findExact(
  db: Db,
  organisationId: string,
  postcode: string,
  houseNumber: number,
  addition: string,
) {
  return db
    .select(view)
    .from(address)
    .where(
      and(
        eq(address.organisationId, organisationId),
        eq(address.postcode, postcode),
        eq(address.houseNumber, houseNumber),
        sql`regexp_replace(${address.addition}, '[\\s-]', '', 'g') = ${addition}`,
      ),
    )
    .orderBy(asc(address.addition))
    .limit(1);
}

/**
 * The register's address nearest to a point, with its distance in metres: a KNN scan of the GiST index on
 * `ll_to_earth(lat, lon)` (cube's `<->`, the straight-line distance through the earth, orders like the distance over it).
 */
export function nearest(db: Db, organisationId: string, lat: number, lon: number) {
  const point = sql`ll_to_earth(${lat}::float8, ${lon}::float8)`;
  return db
    .select({
      ...view,
      metres: sql<number>`earth_distance(ll_to_earth(${address.lat}, ${address.lon}), ${point})`.mapWith(
        Number,
      ),
    })
    .from(address)
    .where(eq(address.organisationId, organisationId))
    .orderBy(sql`ll_to_earth(${address.lat}, ${address.lon}) <-> ${point}`)
    .limit(1);
}

/** Whether the organisation has a register at all (without one, no place can be called outside it). */
export async function hasRegister(db: Db, organisationId: string) {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(address)
    .where(eq(address.organisationId, organisationId))
    .limit(1);
  return rows.length > 0;
}

/** The middle of the register's addresses (where a map of the organisation opens); null without a register. */
export async function centre(db: Db, organisationId: string) {
  const [row] = await db
    .select({ lat: sql<number | null>`avg(${address.lat})`, lon: sql<number | null>`avg(${address.lon})` })
    .from(address)
    .where(eq(address.organisationId, organisationId));
  return row?.lat == null || row.lon == null ? null : { lat: Number(row.lat), lon: Number(row.lon) };
}

/**
 * The middle of the register's addresses in each of a set of postcode ranges (a district is one or more ranges of
 * four-digit postcodes), with how many addresses lie in it; a district without addresses is left out.
 */
export function centresOfRanges(
  db: Db,
  organisationId: string,
  ranges: { name: string; from: string; to: string }[],
) {
  if (!ranges.length) return Promise.resolve([]);
  const values = sql.join(
    ranges.map((r) => sql`(${r.name}::text, ${r.from}::text, ${r.to}::text)`),
    sql`, `,
  );
  return queryRows<{ name: string; lat: number; lon: number; addresses: number }>(
    db,
    sql`SELECT r.name, avg(a.lat)::float8 AS lat, avg(a.lon)::float8 AS lon, count(DISTINCT a.id)::int AS addresses
        FROM address a
        JOIN (VALUES ${values}) AS r(name, pc_from, pc_to) ON left(a.postcode, 4) BETWEEN r.pc_from AND r.pc_to
        WHERE a.organisation_id = ${organisationId}
        GROUP BY r.name
        ORDER BY r.name`,
  );
}
