import { catalogueItem, catalogueItemVersion, type Db, team } from '@voordeur/db';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

const published = alias(catalogueItemVersion, 'published');
const draft = alias(catalogueItemVersion, 'draft');

const itemColumns = {
  item: catalogueItem,
  published: {
    id: published.id,
    number: published.number,
    definition: published.definition,
    publishedAt: published.publishedAt,
  },
  draft: { id: draft.id, number: draft.number, definition: draft.definition },
  teamName: team.name,
};

function itemsQuery(db: Db) {
  return db
    .select(itemColumns)
    .from(catalogueItem)
    .leftJoin(published, eq(published.id, catalogueItem.publishedVersionId))
    .leftJoin(draft, eq(draft.id, catalogueItem.draftVersionId))
    .leftJoin(team, eq(team.id, catalogueItem.teamId));
}

export type ItemRow = Awaited<ReturnType<typeof findItem>>;

export function findItem(db: Db, organisationId: string, code: string) {
  return itemsQuery(db)
    .where(and(eq(catalogueItem.organisationId, organisationId), eq(catalogueItem.code, code)))
    .then((r) => r[0]);
}

export interface ItemFilters {
  audience?: string | undefined;
  kind?: string | undefined;
  state?: string | undefined;
  teamId?: string | undefined;
}

export function listItems(db: Db, organisationId: string, f: ItemFilters) {
  const where: SQL[] = [eq(catalogueItem.organisationId, organisationId)];
  if (f.audience) where.push(eq(catalogueItem.audience, f.audience));
  if (f.kind) where.push(eq(catalogueItem.kind, f.kind));
  if (f.state) where.push(eq(catalogueItem.state, f.state));
  if (f.teamId) where.push(eq(catalogueItem.teamId, f.teamId));
  return itemsQuery(db)
    .where(and(...where))
    .orderBy(asc(catalogueItem.code));
}

export function listVersions(db: Db, organisationId: string, itemId: string) {
  return db
    .select()
    .from(catalogueItemVersion)
    .where(
      and(eq(catalogueItemVersion.organisationId, organisationId), eq(catalogueItemVersion.itemId, itemId)),
    )
    .orderBy(desc(catalogueItemVersion.number));
}

/** Code -> related codes, over the newest definition of every item (draft if any, else published). */
export async function relationGraph(db: Db, organisationId: string) {
  const rows = await db
    .select({
      code: catalogueItem.code,
      related: sql<string[] | null>`coalesce(${draft.definition}, ${published.definition})->'related'`,
    })
    .from(catalogueItem)
    .leftJoin(published, eq(published.id, catalogueItem.publishedVersionId))
    .leftJoin(draft, eq(draft.id, catalogueItem.draftVersionId))
    .where(eq(catalogueItem.organisationId, organisationId));
  return new Map(rows.map((r) => [r.code, r.related ?? []]));
}
