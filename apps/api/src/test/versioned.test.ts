/**
 * The one lifecycle of versioned content (`platform/versioned.ts`), through both of its users: catalogue items
 * and knowledge articles. A publish or retire on a version the caller did not see is refused with 409 and
 * changes nothing — also when two requests race past the first check (PostgreSQL: the version-checked update
 * decides, and its result is not ignored).
 */
import {
  article,
  articleVersion,
  auditEvent,
  catalogueItem,
  catalogueItemVersion,
  queryRows,
} from '@voordeur/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { articleDef, itemDef } from './catalogue-fixtures.ts';
import { dbKind, expectProblem, makeOrg, signIn, type TestOrg, useTestApp } from './harness.ts';

const t = useTestApp();

/** The two kinds of versioned content, each by its routes and tables. */
const kinds = [
  {
    name: 'catalogue item',
    base: '/api/catalogue/items',
    entityType: 'catalogue_item',
    def: (code: string) => itemDef(code),
    table: catalogueItem,
    versions: catalogueItemVersion,
    parent: catalogueItemVersion.itemId,
  },
  {
    name: 'knowledge article',
    base: '/api/knowledge/articles',
    entityType: 'article',
    def: (code: string) => articleDef(code),
    table: article,
    versions: articleVersion,
    parent: articleVersion.articleId,
  },
] as const;

type Kind = (typeof kinds)[number];

async function admin(org: TestOrg) {
  return (await signIn(t.app, org.users.admin)).headers;
}

/** Everything the lifecycle writes for one document: its row, its versions, its audit trail. */
async function snapshot(kind: Kind, id: string) {
  const [row] = await t.database.db
    .select({
      state: kind.table.state,
      version: kind.table.version,
      publishedVersionId: kind.table.publishedVersionId,
      draftVersionId: kind.table.draftVersionId,
    })
    .from(kind.table)
    .where(eq(kind.table.id, id));
  const versions = await t.database.db
    .select({ number: kind.versions.number, state: kind.versions.state, at: kind.versions.publishedAt })
    .from(kind.versions)
    .where(eq(kind.parent, id))
    .orderBy(asc(kind.versions.number));
  const audit = await t.database.db
    .select({ action: auditEvent.action })
    .from(auditEvent)
    .where(and(eq(auditEvent.entityType, kind.entityType), eq(auditEvent.entityId, id)))
    .orderBy(asc(auditEvent.id));
  return { row, versions, audit: audit.map((a) => a.action) };
}

describe.each(kinds)('the lifecycle of a $name', (kind) => {
  const post = (h: Record<string, string>, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: h, payload });
  const create = async (h: Record<string, string>, code: string) => {
    const res = await post(h, kind.base, { definition: kind.def(code) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };

  it('refuses a publish on a version the caller did not see, and changes nothing', async () => {
    const h = await admin(await makeOrg(t.database));
    const doc = await create(h, 'oud-publiceren');
    const before = await snapshot(kind, doc.id);
    for (const stale of [doc.version - 1, doc.version + 1]) {
      expectProblem(
        await post(h, `${kind.base}/oud-publiceren/publish`, { version: stale }),
        409,
        'version_conflict',
      );
    }
    expect(await snapshot(kind, doc.id)).toEqual(before);
    // The version it did see publishes, once.
    const ok = await post(h, `${kind.base}/oud-publiceren/publish`, { version: doc.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'published', version: doc.version + 1 });
    expectProblem(
      await post(h, `${kind.base}/oud-publiceren/publish`, { version: doc.version }),
      409,
      'version_conflict',
    );
  });

  it('refuses a retire on a version the caller did not see, and changes nothing', async () => {
    const h = await admin(await makeOrg(t.database));
    const doc = await create(h, 'oud-intrekken');
    const published = (await post(h, `${kind.base}/oud-intrekken/publish`, { version: doc.version })).json();
    const before = await snapshot(kind, doc.id);
    expect(before.row).toMatchObject({ state: 'published' });
    expectProblem(
      await post(h, `${kind.base}/oud-intrekken/retire`, { version: doc.version }),
      409,
      'version_conflict',
    );
    expect(await snapshot(kind, doc.id)).toEqual(before);
    const retired = await post(h, `${kind.base}/oud-intrekken/retire`, { version: published.version });
    expect(retired.statusCode, retired.body).toBe(200);
    const after = await snapshot(kind, doc.id);
    expect(after.row).toMatchObject({ state: 'retired', version: published.version + 1 });
    expect(after.versions.map((v) => v.state)).toEqual(['retired']);
    expect(after.audit).toEqual(['created', 'published', 'retired']);
  });

  it('keeps the published version while a new draft is saved, supersedes it on publish', async () => {
    const h = await admin(await makeOrg(t.database));
    const doc = await create(h, 'twee-versies');
    const v1 = (await post(h, `${kind.base}/twee-versies/publish`, { version: doc.version })).json();
    const draft = await t.app.inject({
      method: 'PUT',
      url: `${kind.base}/twee-versies/draft`,
      headers: h,
      payload: { definition: kind.def('twee-versies'), version: v1.version },
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({ published: { number: 1 }, draft: { number: 2 } });
    // A second save edits the open draft, it does not start a third version.
    const again = await t.app.inject({
      method: 'PUT',
      url: `${kind.base}/twee-versies/draft`,
      headers: h,
      payload: { definition: kind.def('twee-versies'), version: draft.json().version },
    });
    expect(again.json()).toMatchObject({ published: { number: 1 }, draft: { number: 2 } });
    const stale = await t.app.inject({
      method: 'PUT',
      url: `${kind.base}/twee-versies/draft`,
      headers: h,
      payload: { definition: kind.def('twee-versies'), version: draft.json().version },
    });
    expectProblem(stale, 409, 'version_conflict');
    const v2 = await post(h, `${kind.base}/twee-versies/publish`, { version: again.json().version });
    expect(v2.json()).toMatchObject({ state: 'published', published: { number: 2 }, draft: null });
    const after = await snapshot(kind, doc.id);
    expect(after.versions.map((v) => [v.number, v.state])).toEqual([
      [1, 'superseded'],
      [2, 'published'],
    ]);
    expect(after.audit).toEqual(['created', 'published', 'draft_saved', 'draft_saved', 'published']);
    expectProblem(
      await post(h, `${kind.base}/twee-versies/publish`, { version: v2.json().version }),
      409,
      'no_draft',
    );
  });

  /**
   * Two requests that both saw the current version: both pass the first check, and the row's version-checked
   * update decides. Held at that point by a lock on the row (taken here), they are let go together; the second
   * must get 409 and write nothing. (Before the one lifecycle, the second's update matched no row, was ignored,
   * and it published — or retired — a second time.) PGlite is one session, so requests cannot interleave there.
   */
  it.runIf(dbKind === 'postgres').each(['publish', 'retire'] as const)(
    'lets one of two racing %s requests through and refuses the other with 409',
    async (action) => {
      const h = await admin(await makeOrg(t.database));
      const code = `race-${action}`;
      let doc = await create(h, code);
      if (action === 'retire')
        doc = (await post(h, `${kind.base}/${code}/publish`, { version: doc.version })).json();
      const before = await snapshot(kind, doc.id);
      const requests = await t.database.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT id FROM ${kind.table} WHERE ${kind.table.id} = ${doc.id} FOR UPDATE`);
        const both = [1, 2].map(() => post(h, `${kind.base}/${code}/${action}`, { version: doc.version }));
        // Both are past their reads and wait for a row lock (the row, or a version row the first one wrote).
        for (let i = 0; ; i++) {
          const [{ n }] = (await queryRows<{ n: number }>(
            t.database.db,
            sql`SELECT count(*)::int AS n FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          )) as [{ n: number }];
          if (n >= 2) break;
          if (i > 200) throw new Error('the two requests never reached the update');
          await new Promise((r) => setTimeout(r, 25));
        }
        return both;
      });
      const results = await Promise.all(requests);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expectProblem(results.find((r) => r.statusCode === 409)!, 409, 'version_conflict');
      const after = await snapshot(kind, doc.id);
      expect(after.row!.version).toBe(before.row!.version + 1);
      expect(after.audit).toEqual([...before.audit, action === 'publish' ? 'published' : 'retired']);
    },
  );
});
