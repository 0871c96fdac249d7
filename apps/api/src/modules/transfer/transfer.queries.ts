import { article, articleVersion, catalogueItem, catalogueItemVersion, type Db, team } from '@voordeur/db';
import { and, eq, sql } from 'drizzle-orm';

/** The newest definition (draft, else published) of every item and article, and the team names, of one organisation. */
export async function currentContent(db: Db, organisationId: string) {
  const items = await db
    .select({ code: catalogueItem.code, definition: catalogueItemVersion.definition })
    .from(catalogueItem)
    .leftJoin(
      catalogueItemVersion,
      eq(
        catalogueItemVersion.id,
        sql`coalesce(${catalogueItem.draftVersionId}, ${catalogueItem.publishedVersionId})`,
      ),
    )
    .where(eq(catalogueItem.organisationId, organisationId));
  const articles = await db
    .select({ code: article.code, definition: articleVersion.definition })
    .from(article)
    .leftJoin(
      articleVersion,
      eq(articleVersion.id, sql`coalesce(${article.draftVersionId}, ${article.publishedVersionId})`),
    )
    .where(eq(article.organisationId, organisationId));
  const teams = await db
    .select({ name: team.name })
    .from(team)
    .where(eq(team.organisationId, organisationId));
  return { items, articles, teams };
}

/** The current version of an item or article by its code (it exists: the import checked). */
export async function versionOf(db: Db, organisationId: string, kind: 'item' | 'article', code: string) {
  const table = kind === 'item' ? catalogueItem : article;
  const [row] = await db
    .select({ v: table.version })
    .from(table)
    .where(and(eq(table.organisationId, organisationId), eq(table.code, code)));
  return row!.v;
}

/** The published definitions of every item and article, by code, for the export. */
export async function publishedContent(db: Db, organisationId: string) {
  const items = await db
    .select({ definition: catalogueItemVersion.definition })
    .from(catalogueItem)
    .innerJoin(catalogueItemVersion, eq(catalogueItemVersion.id, catalogueItem.publishedVersionId))
    .where(and(eq(catalogueItem.organisationId, organisationId), eq(catalogueItem.state, 'published')))
    .orderBy(catalogueItem.code);
  const articles = await db
    .select({ definition: articleVersion.definition })
    .from(article)
    .innerJoin(articleVersion, eq(articleVersion.id, article.publishedVersionId))
    .where(and(eq(article.organisationId, organisationId), eq(article.state, 'published')))
    .orderBy(article.code);
  return { items, articles };
}
