import {
  caseCounter,
  caseFile,
  caseStatusChange,
  catalogueItemVersion,
  customer,
  type Db,
  team,
} from '@voordeur/db';
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';

/** The next case number of the year for the organisation; the row lock serialises concurrent intakes. */
export async function nextCaseNumber(db: Db, organisationId: string, year: number) {
  const [row] = await db
    .insert(caseCounter)
    .values({ organisationId, year, last: 1 })
    .onConflictDoUpdate({
      target: [caseCounter.organisationId, caseCounter.year],
      set: { last: sql`${caseCounter.last} + 1` },
    })
    .returning({ last: caseCounter.last });
  return row!.last;
}

export function insertCase(db: Db, values: typeof caseFile.$inferInsert) {
  return db.insert(caseFile).values(values).returning({ id: caseFile.id });
}

export function insertStatusChange(db: Db, values: typeof caseStatusChange.$inferInsert) {
  return db.insert(caseStatusChange).values(values);
}

const caseColumns = {
  c: caseFile,
  definition: catalogueItemVersion.definition,
  itemVersion: catalogueItemVersion.number,
  teamName: team.name,
  customerName: customer.name,
};

function casesQuery(db: Db) {
  return db
    .select(caseColumns)
    .from(caseFile)
    .innerJoin(catalogueItemVersion, eq(catalogueItemVersion.id, caseFile.itemVersionId))
    .leftJoin(team, eq(team.id, caseFile.teamId))
    .leftJoin(customer, eq(customer.id, caseFile.customerId));
}

export type CaseRow = Awaited<ReturnType<typeof findCase>>;

export function findCase(db: Db, organisationId: string, id: string) {
  return casesQuery(db)
    .where(and(eq(caseFile.organisationId, organisationId), eq(caseFile.id, id)))
    .then((r) => r[0]);
}

export function casesOfCustomer(
  db: Db,
  organisationId: string,
  customerId: string,
  open: boolean,
  limit: number,
) {
  return casesQuery(db)
    .where(
      and(
        eq(caseFile.organisationId, organisationId),
        eq(caseFile.customerId, customerId),
        open ? isNull(caseFile.closedAt) : isNotNull(caseFile.closedAt),
      ),
    )
    .orderBy(desc(caseFile.createdAt))
    .limit(limit);
}

export function casesOfContact(db: Db, organisationId: string, contactIds: string[]) {
  if (!contactIds.length) return Promise.resolve([]);
  return db
    .select({ id: caseFile.id, reference: caseFile.reference, contactId: caseFile.contactId })
    .from(caseFile)
    .where(and(eq(caseFile.organisationId, organisationId), inArray(caseFile.contactId, contactIds)))
    .orderBy(asc(caseFile.createdAt));
}

export function historyOf(db: Db, organisationId: string, caseId: string) {
  return db
    .select()
    .from(caseStatusChange)
    .where(and(eq(caseStatusChange.organisationId, organisationId), eq(caseStatusChange.caseId, caseId)))
    .orderBy(asc(caseStatusChange.at));
}
