import {
  article,
  articleVersion,
  catalogueItem,
  catalogueItemVersion,
  type Db,
  portalThrottle,
  portalUpload,
  queryRows,
} from '@voordeur/db';
import type { ArticleDefinition, CatalogueItemDefinition } from '@voordeur/shared';
import { and, asc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';

/** Published items by code; with `publicOnly` only those for residents and businesses (audience external). */
export function publishedItems(db: Db, organisationId: string, codes: string[], publicOnly: boolean) {
  if (!codes.length) return Promise.resolve([]);
  return db
    .select({ id: catalogueItem.id, code: catalogueItem.code, definition: catalogueItemVersion.definition })
    .from(catalogueItem)
    .innerJoin(
      catalogueItemVersion,
      and(
        eq(catalogueItemVersion.organisationId, catalogueItem.organisationId),
        eq(catalogueItemVersion.id, catalogueItem.publishedVersionId),
      ),
    )
    .where(
      and(
        eq(catalogueItem.organisationId, organisationId),
        eq(catalogueItem.state, 'published'),
        publicOnly ? eq(catalogueItem.audience, 'external') : undefined,
        inArray(catalogueItem.code, codes),
      ),
    )
    .then((rows) => rows.map((r) => ({ ...r, definition: r.definition as CatalogueItemDefinition })));
}

/** Published public articles matching `where`, by code. */
function publicArticles(db: Db, organisationId: string, where: SQL | undefined, limit: number) {
  return db
    .select({ code: article.code, definition: articleVersion.definition })
    .from(article)
    .innerJoin(
      articleVersion,
      and(
        eq(articleVersion.organisationId, article.organisationId),
        eq(articleVersion.id, article.publishedVersionId),
      ),
    )
    .where(
      and(
        eq(article.organisationId, organisationId),
        eq(article.state, 'published'),
        eq(article.audience, 'public'),
        where,
      ),
    )
    .orderBy(asc(article.code))
    .limit(limit)
    .then((rows) => rows.map((r) => ({ code: r.code, definition: r.definition as ArticleDefinition })));
}

/** Published public articles about an item (its code in the article's `items`). */
export function publicArticlesAbout(db: Db, organisationId: string, code: string) {
  return publicArticles(
    db,
    organisationId,
    sql`${articleVersion.definition} -> 'items' @> jsonb_build_array(${code}::text)`,
    10,
  );
}

/** The published public article with this code, or undefined. */
export async function publicArticle(db: Db, organisationId: string, code: string) {
  const [found] = await publicArticles(db, organisationId, eq(article.code, code), 1);
  return found;
}

/**
 * What people asked next: the items of the cases and contacts of the same customers that followed a case or
 * contact about this item within `days`, counted, most asked first. Only published items (with `publicOnly`
 * only external ones), never the item itself. Reads the latest 1000 askers of the item (each once, by their
 * latest ask; `case_item_idx`, `contact_item_idx`).
 */
export function askedNext(
  db: Db,
  organisationId: string,
  itemId: string,
  days: number,
  publicOnly: boolean,
  limit: number,
) {
  const org = organisationId;
  return queryRows<{ code: string; definition: CatalogueItemDefinition; n: number }>(
    db,
    sql`WITH asks AS (
          SELECT customer_id, created_at AS at FROM case_file
          WHERE organisation_id = ${org} AND catalogue_item_id = ${itemId} AND customer_id IS NOT NULL
          UNION ALL
          SELECT customer_id, started_at FROM contact
          WHERE organisation_id = ${org} AND catalogue_item_id = ${itemId} AND customer_id IS NOT NULL
        ), askers AS (
          -- One row per person (their latest ask): someone who asked fifty times is still one person.
          SELECT customer_id, max(at) AS at FROM asks GROUP BY customer_id ORDER BY max(at) DESC LIMIT 1000
        ), next AS (
          SELECT c.catalogue_item_id AS item_id, a.customer_id FROM askers a
          JOIN case_file c ON c.organisation_id = ${org} AND c.customer_id = a.customer_id
            AND c.created_at > a.at AND c.created_at <= a.at + make_interval(days => ${days})
          UNION ALL
          SELECT k.catalogue_item_id, a.customer_id FROM askers a
          JOIN contact k ON k.organisation_id = ${org} AND k.customer_id = a.customer_id
            AND k.started_at > a.at AND k.started_at <= a.at + make_interval(days => ${days})
          WHERE k.catalogue_item_id IS NOT NULL
        ), counted AS (
          -- People, not visits: one person asking three times counts once.
          SELECT item_id, count(DISTINCT customer_id)::int AS n FROM next
          WHERE item_id <> ${itemId} GROUP BY item_id
        )
        SELECT i.code, v.definition, counted.n FROM counted
        JOIN catalogue_item i ON i.organisation_id = ${org} AND i.id = counted.item_id AND i.state = 'published'
          ${publicOnly ? sql`AND i.audience = 'external'` : sql``}
        JOIN catalogue_item_version v ON v.organisation_id = ${org} AND v.id = i.published_version_id
        ORDER BY counted.n DESC, i.code
        LIMIT ${limit}`,
  );
}

/** The public items with the number of cases opened under them since `since`, most asked first. */
export function popularItems(db: Db, organisationId: string, since: Date) {
  const org = organisationId;
  return queryRows<{ code: string; definition: CatalogueItemDefinition; n: number }>(
    db,
    sql`SELECT i.code, v.definition, coalesce(c.n, 0)::int AS n
        FROM catalogue_item i
        JOIN catalogue_item_version v ON v.organisation_id = i.organisation_id AND v.id = i.published_version_id
        LEFT JOIN (
          SELECT catalogue_item_id, count(*) AS n FROM case_file
          WHERE organisation_id = ${org} AND created_at >= ${since.toISOString()}::timestamptz
          GROUP BY catalogue_item_id
        ) c ON c.catalogue_item_id = i.id
        WHERE i.organisation_id = ${org} AND i.state = 'published' AND i.audience = 'external'
        ORDER BY n DESC, i.code`,
  );
}

/**
 * Counts one post for each key in its window and answers the counts after it: one statement (an upsert), so
 * concurrent posts on several app nodes count together.
 */
export function countPosts(db: Db, organisationId: string, hits: { key: string; windowStart: Date }[]) {
  return db
    .insert(portalThrottle)
    .values(hits.map((h) => ({ organisationId, key: h.key, windowStart: h.windowStart, count: 1 })))
    .onConflictDoUpdate({
      target: [portalThrottle.organisationId, portalThrottle.key, portalThrottle.windowStart],
      set: { count: sql`${portalThrottle.count} + 1` },
    })
    .returning({ key: portalThrottle.key, count: portalThrottle.count });
}

/** Forgets counts of windows that started before `before` (all organisations: housekeeping). */
export function deleteOldCounts(db: Db, before: Date) {
  return db
    .delete(portalThrottle)
    .where(lt(portalThrottle.windowStart, before))
    .returning({ key: portalThrottle.key });
}

export function insertUpload(db: Db, values: typeof portalUpload.$inferInsert) {
  return db.insert(portalUpload).values(values).returning({ id: portalUpload.id });
}

/** Takes uploads by their token hashes: deletes them and answers what they held (none that is unknown). */
export function takeUploads(db: Db, organisationId: string, tokenHashes: string[]) {
  return db
    .delete(portalUpload)
    .where(and(eq(portalUpload.organisationId, organisationId), inArray(portalUpload.tokenHash, tokenHashes)))
    .returning();
}

/** Forgets uploads made before `before` that no report took (all organisations: housekeeping). */
export function deleteOldUploads(db: Db, before: Date) {
  return db.delete(portalUpload).where(lt(portalUpload.createdAt, before)).returning({ id: portalUpload.id });
}
