/**
 * The versioned-document helper on its own, on both databases: a step given a document as read before someone
 * else changed it is refused by its version-checked update (409), and writes nothing — the state a racing
 * request is in on PostgreSQL (see test/versioned.test.ts), made here one step after the other.
 */
import { auditEvent, catalogueItem, catalogueItemVersion } from '@voordeur/db';
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { AppError } from '../plugins/errors.ts';
import { itemDef } from '../test/catalogue-fixtures.ts';
import { makeOrg, useTestApp } from '../test/harness.ts';
import { type Actor, systemCtx } from './actor.ts';
import { allows } from './policy.ts';
import { type Current, versionedDocuments } from './versioned.ts';

const t = useTestApp();

const lifecycle = versionedDocuments({
  documents: catalogueItem,
  versions: catalogueItemVersion,
  documentKey: 'itemId',
  entityType: 'catalogue_item',
  rule: allows('manageCatalogue'),
  refusals: {
    noDraft: () => new AppError(409, 'no_draft', 'Nothing to publish'),
    retiredAlready: () => new AppError(409, 'not_published', 'Not published'),
  },
});

/** The document as a caller reads it, and everything the lifecycle writes for it. */
async function read(id: string) {
  const [doc] = await t.database.db.select().from(catalogueItem).where(eq(catalogueItem.id, id));
  const versions = await t.database.db
    .select()
    .from(catalogueItemVersion)
    .where(eq(catalogueItemVersion.itemId, id))
    .orderBy(asc(catalogueItemVersion.number));
  const audit = await t.database.db
    .select({ action: auditEvent.action })
    .from(auditEvent)
    .where(and(eq(auditEvent.entityType, 'catalogue_item'), eq(auditEvent.entityId, id)));
  const version = (vid: string | null) => {
    const v = versions.find((x) => x.id === vid);
    return v ? { id: v.id, number: v.number } : null;
  };
  const current: Current = {
    doc: doc!,
    draft: version(doc!.draftVersionId),
    published: version(doc!.publishedVersionId),
  };
  return { current, rows: { doc, versions, audit } };
}

async function refused(step: Promise<unknown>) {
  await expect(step).rejects.toMatchObject({ status: 409, code: 'version_conflict' });
}

describe('versionedDocuments', () => {
  it('refuses every step on a document read before another change, and writes nothing', async () => {
    const org = await makeOrg(t.database);
    const ctx = systemCtx(org.id);
    const id = await t.database.db.transaction((tx) =>
      lifecycle.create(tx, ctx, {
        definition: itemDef('verouderd'),
        values: { code: 'verouderd', audience: 'external', kind: 'report' },
      }),
    );
    const created = await read(id);
    expect(created.rows.doc).toMatchObject({ state: 'draft', version: 2, publishedVersionId: null });
    expect(created.current.draft).toMatchObject({ number: 1 });
    expect(created.rows.audit.map((a) => a.action)).toEqual(['created']);

    // Someone else publishes; the stale reader still holds version 2 and the draft.
    const stale = created.current;
    await lifecycle.publish(t.database.db, ctx, { ...stale, draft: stale.draft! }, stale.doc.version);
    const now = await read(id);
    expect(now.rows.doc).toMatchObject({ state: 'published', version: 3, draftVersionId: null });

    await refused(
      lifecycle.publish(t.database.db, ctx, { ...stale, draft: stale.draft! }, stale.doc.version),
    );
    await refused(lifecycle.retire(t.database.db, ctx, stale, stale.doc.version));
    await refused(
      lifecycle.saveDraft(t.database.db, ctx, stale, stale.doc.version, { definition: itemDef('verouderd') }),
    );
    expect((await read(id)).rows).toEqual(now.rows);

    // The early check refuses the same reader before any write.
    expect(() => lifecycle.expectVersion(now.current, stale.doc.version)).toThrow(
      expect.objectContaining({ code: 'version_conflict' }),
    );
    // With what it reads now, the same steps go through.
    await lifecycle.saveDraft(t.database.db, ctx, now.current, now.current.doc.version, {
      definition: itemDef('verouderd'),
    });
    const drafted = await read(id);
    expect(drafted.current).toMatchObject({ draft: { number: 2 }, published: { number: 1 } });
    await lifecycle.retire(t.database.db, ctx, drafted.current, drafted.current.doc.version);
    const retired = await read(id);
    expect(retired.rows.doc).toMatchObject({ state: 'retired', version: 5 });
    expect(retired.rows.versions.map((v) => [v.number, v.state])).toEqual([
      [1, 'retired'],
      [2, 'draft'],
    ]);
    expect(retired.rows.audit.map((a) => a.action).sort()).toEqual([
      'created',
      'draft_saved',
      'published',
      'retired',
    ]);
  });

  it('refuses by state what the abilities say no to, before it writes anything', async () => {
    const org = await makeOrg(t.database);
    const ctx = systemCtx(org.id);
    const id = await t.database.db.transaction((tx) =>
      lifecycle.create(tx, ctx, {
        definition: itemDef('stappen'),
        values: { code: 'stappen', audience: 'external', kind: 'report' },
      }),
    );
    const editor: Actor = { ...ctx.actor, roles: new Set(['admin']) };
    const reader: Actor = { ...ctx.actor, roles: new Set(['manager']) };
    const drafted = (await read(id)).current;
    expect(lifecycle.abilities(editor, drafted)).toEqual({ saveDraft: true, publish: true, retire: true });
    expect(lifecycle.abilities(reader, drafted)).toEqual({ saveDraft: false, publish: false, retire: false });
    expect(() => lifecycle.authorize(reader)).toThrow(expect.objectContaining({ status: 403 }));

    await lifecycle.publish(t.database.db, ctx, { ...drafted, draft: drafted.draft! }, drafted.doc.version);
    const published = await read(id);
    expect(lifecycle.abilities(editor, published.current)).toEqual({
      saveDraft: true,
      publish: false,
      retire: true,
    });
    // Publishing without a draft: the module's problem, and nothing written (the version stays).
    await expect(
      lifecycle.publish(
        t.database.db,
        ctx,
        // The type asks for a draft; a caller that skipped `check` would send none.
        { ...published.current, draft: null } as never,
        published.current.doc.version,
      ),
    ).rejects.toMatchObject({ status: 409, code: 'no_draft' });

    await lifecycle.retire(t.database.db, ctx, published.current, published.current.doc.version);
    const retired = await read(id);
    expect(lifecycle.abilities(editor, retired.current)).toEqual({
      saveDraft: true,
      publish: false,
      retire: false,
    });
    await expect(
      lifecycle.retire(t.database.db, ctx, retired.current, retired.current.doc.version),
    ).rejects.toMatchObject({ status: 409, code: 'not_published' });
    expect((await read(id)).rows).toEqual(retired.rows);
  });
});
