import {
  callback,
  caseFile,
  contact,
  customer,
  customerConsent,
  type Db,
  organisation,
  queryRows,
} from '@voordeur/db';
import type { FrontOfficeSettings } from '@voordeur/shared';
import { and, asc, desc, eq, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';

export type CustomerRow = typeof customer.$inferSelect;

export function findCustomer(db: Db, organisationId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(customer)
    .where(and(eq(customer.organisationId, organisationId), eq(customer.id, id)));
  return (lock ? q.for('update') : q).then((r) => r[0]);
}

export function consentsOf(db: Db, organisationId: string, customerId: string) {
  return db
    .select()
    .from(customerConsent)
    .where(
      and(eq(customerConsent.organisationId, organisationId), eq(customerConsent.customerId, customerId)),
    )
    .orderBy(desc(customerConsent.recordedAt));
}

export function insertCustomer(db: Db, values: typeof customer.$inferInsert) {
  return db.insert(customer).values(values).returning();
}

export function updateCustomer(
  db: Db,
  organisationId: string,
  id: string,
  version: number,
  values: Partial<typeof customer.$inferInsert>,
) {
  return db
    .update(customer)
    .set({ ...values, version: sql`${customer.version} + 1`, updatedAt: new Date() })
    .where(
      and(eq(customer.organisationId, organisationId), eq(customer.id, id), eq(customer.version, version)),
    )
    .returning()
    .then((r) => r[0]);
}

export function insertConsent(db: Db, values: typeof customerConsent.$inferInsert) {
  return db.insert(customerConsent).values(values);
}

/** How many name matches are ranked at most (see `lookup`). */
const NAME_CANDIDATES = 300;

/**
 * One way a lookup text can match exactly, on its own index; several may apply to one text (8 digits: a KvK number
 * or a BSN). `value` is normalised as stored (the BSN as its keyed hash); a postcode may come with a house number.
 */
export interface LookupClause {
  matchedOn: 'email' | 'phone' | 'postcode' | 'bsn' | 'kvk' | 'employee_number';
  value: string;
  houseNumber?: number;
}

const LOOKUP_COLUMNS = {
  bsn: customer.bsnHash,
  kvk: customer.kvkNumber,
  email: customer.email,
  phone: customer.phone,
  postcode: customer.postcode,
  employee_number: customer.employeeNumber,
} as const;

function whereOf(clause: LookupClause): SQL {
  const where = eq(LOOKUP_COLUMNS[clause.matchedOn], clause.value);
  return clause.houseNumber === undefined ? where : and(where, eq(customer.houseNumber, clause.houseNumber))!;
}

const active = (organisationId: string) =>
  and(eq(customer.organisationId, organisationId), isNull(customer.mergedIntoId));

/**
 * Find-as-you-type. Exact identifiers go through their own index; a name matches when every typed word occurs in
 * it (trigram index), names that start with the text first.
 */
export async function lookup(
  db: Db,
  organisationId: string,
  clauses: LookupClause[],
  name: string | null,
  kind: string | undefined,
  limit: number,
) {
  const kindFilter = kind ? eq(customer.kind, kind) : undefined;
  const exact = clauses.map((c) =>
    db
      .select({ row: customer, matchedOn: sql<string>`${c.matchedOn}` })
      .from(customer)
      .where(and(active(organisationId), kindFilter, whereOf(c)))
      .orderBy(asc(customer.nameSearch))
      .limit(limit),
  );
  // Names: those that start with the text first (btree prefix index, already in order), then names that contain
  // every typed word (trigram index). A common name matches thousands of people; only the first few hundred
  // are ranked, so a lookup stays fast whatever the size of the register: typing more narrows it down.
  const like = (w: string) => w.replace(/[\\%_]/g, '\\$&');
  const scope = sql`organisation_id = ${organisationId} AND merged_into_id IS NULL ${kind ? sql`AND kind = ${kind}` : sql``}`;
  // Words under three letters ("de", "el", an initial) give the trigram index nothing to narrow with and would
  // be checked row by row over every match of the other words: they only count in the prefix match and ranking.
  const words = name?.split(' ').filter((w) => w.length >= 3) ?? [];
  const byName = name
    ? queryRows<{ id: string }>(
        db,
        sql`WITH prefix AS (
              SELECT id, name_search FROM customer
              WHERE ${scope} AND name_search LIKE ${`${like(name)}%`}
              -- ~<~ is the order of the text_pattern_ops index: the first names come straight from it.
              ORDER BY name_search USING ~<~ LIMIT ${limit}
            ), contains AS (
              SELECT id, name_search FROM customer
              -- Only when too few names start with the text (a one-time filter: otherwise not run at all).
              WHERE (SELECT count(*) FROM prefix) < ${limit} AND ${scope} AND ${
                words.length
                  ? sql.join(
                      words.map((w) => sql`name_search LIKE ${`%${like(w)}%`}`),
                      sql` AND `,
                    )
                  : sql`false`
              }
              LIMIT ${NAME_CANDIDATES}
            )
            SELECT id FROM (
              SELECT id, name_search, true AS starts FROM prefix
              UNION ALL SELECT id, name_search, false FROM contains
            ) m
            GROUP BY id, name_search
            ORDER BY bool_or(starts) DESC, similarity(name_search, ${name}) DESC, name_search
            LIMIT ${limit}`,
      )
    : Promise.resolve([]);
  const [exactRows, nameIds] = await Promise.all([Promise.all(exact), byName]);
  const named = nameIds.length
    ? await db
        .select()
        .from(customer)
        .where(
          and(
            eq(customer.organisationId, organisationId),
            inArray(
              customer.id,
              nameIds.map((r) => r.id),
            ),
          ),
        )
    : [];
  const order = new Map(nameIds.map((r, i) => [r.id, i]));
  return [
    ...exactRows
      .flat()
      .map((r) => ({ row: r.row, matchedOn: r.matchedOn as LookupClause['matchedOn'] | 'name' })),
    ...named
      .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
      .map((row) => ({ row, matchedOn: 'name' as const })),
  ];
}

/** Records that look like the same person: same BSN, email or phone, or the same name at the same postcode. */
export function duplicateCandidates(db: Db, c: CustomerRow) {
  const conditions: SQL[] = [];
  if (c.bsnHash) conditions.push(eq(customer.bsnHash, c.bsnHash));
  if (c.email) conditions.push(eq(customer.email, c.email));
  if (c.phone) conditions.push(eq(customer.phone, c.phone));
  if (c.postcode)
    conditions.push(and(eq(customer.nameSearch, c.nameSearch), eq(customer.postcode, c.postcode))!);
  if (c.kvkNumber) conditions.push(eq(customer.kvkNumber, c.kvkNumber));
  if (!conditions.length) return Promise.resolve([]);
  return db
    .select()
    .from(customer)
    .where(and(active(c.organisationId), ne(customer.id, c.id), or(...conditions)))
    .limit(20);
}

/** Moves everything that belongs to `from` over to `to` (contacts, cases, callbacks, consents). */
export async function repointCustomer(db: Db, organisationId: string, from: string, to: string) {
  for (const table of [contact, caseFile, callback, customerConsent]) {
    await db
      .update(table)
      .set({ customerId: to })
      .where(and(eq(table.organisationId, organisationId), eq(table.customerId, from)));
  }
}

/** Marks `duplicateId` as merged into `survivorId` (it stays, for the trail). */
export function markMerged(db: Db, organisationId: string, duplicateId: string, survivorId: string) {
  return db
    .update(customer)
    .set({ mergedIntoId: survivorId, version: sql`${customer.version} + 1`, updatedAt: new Date() })
    .where(and(eq(customer.organisationId, organisationId), eq(customer.id, duplicateId)));
}

/** Re-derives every customer's district from the postcode ranges of the organisation's areas. */
export async function reassignAreas(
  db: Db,
  organisationId: string,
  areas: { name: string; postcodes: { from: string; to: string }[] }[],
) {
  await db.execute(sql`UPDATE customer SET area = NULL WHERE organisation_id = ${organisationId}`);
  for (const area of areas) {
    for (const r of area.postcodes) {
      await db.execute(
        sql`UPDATE customer SET area = ${area.name}
            WHERE organisation_id = ${organisationId} AND left(postcode, 4) BETWEEN ${r.from} AND ${r.to}`,
      );
    }
  }
}

/** The front-office settings as stored in the organisation's settings (unchecked; `settings.ts` reads them). */
export function storedFrontOfficeSettings(db: Db, organisationId: string) {
  return db
    .select({ settings: sql<unknown>`${organisation.settings} -> 'frontOffice'` })
    .from(organisation)
    .where(eq(organisation.id, organisationId))
    .then((r) => r[0]?.settings);
}

export function saveFrontOfficeSettings(db: Db, organisationId: string, settings: FrontOfficeSettings) {
  return db
    .update(organisation)
    .set({
      settings: sql`jsonb_set(${organisation.settings}, '{frontOffice}', ${JSON.stringify(settings)}::jsonb)`,
      updatedAt: new Date(),
    })
    .where(eq(organisation.id, organisationId));
}
