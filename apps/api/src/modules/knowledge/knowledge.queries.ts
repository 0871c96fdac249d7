import { article, articleVersion, catalogueItem, type Db, team } from '@voordeur/db';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

const published = alias(articleVersion, 'published');
const draft = alias(articleVersion, 'draft');

function articlesQuery(db: Db) {
  return db
    .select({
      article,
      published: {
        id: published.id,
        number: published.number,
        definition: published.definition,
        publishedAt: published.publishedAt,
      },
      draft: { id: draft.id, number: draft.number, definition: draft.definition },
      ownerName: team.name,
    })
    .from(article)
    .leftJoin(published, eq(published.id, article.publishedVersionId))
    .leftJoin(draft, eq(draft.id, article.draftVersionId))
    .leftJoin(team, eq(team.id, article.ownerTeamId));
}

export type ArticleRow = Awaited<ReturnType<typeof findArticle>>;

export function findArticle(db: Db, organisationId: string, code: string) {
  return articlesQuery(db)
    .where(and(eq(article.organisationId, organisationId), eq(article.code, code)))
    .then((r) => r[0]);
}

export interface ArticleFilters {
  audience?: string | undefined;
  state?: string | undefined;
  /** Only articles whose review date has passed. */
  reviewDue?: boolean | undefined;
  today: string;
}

export function listArticles(db: Db, organisationId: string, f: ArticleFilters) {
  const where: SQL[] = [eq(article.organisationId, organisationId)];
  if (f.audience) where.push(eq(article.audience, f.audience));
  if (f.state) where.push(eq(article.state, f.state));
  if (f.reviewDue) where.push(sql`${article.reviewDate} < ${f.today}`);
  return articlesQuery(db)
    .where(and(...where))
    .orderBy(asc(article.code));
}

export function existingItemCodes(db: Db, organisationId: string, codes: string[]) {
  if (!codes.length) return Promise.resolve([] as string[]);
  return db
    .select({ code: catalogueItem.code })
    .from(catalogueItem)
    .where(and(eq(catalogueItem.organisationId, organisationId), inArray(catalogueItem.code, codes)))
    .then((r) => r.map((x) => x.code));
}

export function listVersions(db: Db, organisationId: string, articleId: string) {
  return db
    .select()
    .from(articleVersion)
    .where(and(eq(articleVersion.organisationId, organisationId), eq(articleVersion.articleId, articleId)))
    .orderBy(desc(articleVersion.number));
}
