import { catalogueItem, catalogueItemVersion } from '@voordeur/db';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { articleDef, itemDef } from './catalogue-fixtures.ts';
import { expectProblem, makeOrg, signIn, type TestOrg, useTestApp } from './harness.ts';

const t = useTestApp();

async function admin(org: TestOrg) {
  return (await signIn(t.app, org.users.admin)).headers;
}

async function create(headers: Record<string, string>, definition: object) {
  return t.app.inject({ method: 'POST', url: '/api/catalogue/items', headers, payload: { definition } });
}

async function publish(headers: Record<string, string>, code: string) {
  const item = (await t.app.inject({ url: `/api/catalogue/items/${code}`, headers })).json();
  return t.app.inject({
    method: 'POST',
    url: `/api/catalogue/items/${code}/publish`,
    headers,
    payload: { version: item.version },
  });
}

describe('catalogue items', () => {
  it('are drafted, published, and versioned; an earlier version stays for the cases that use it', async () => {
    const org = await makeOrg(t.database);
    const h = await admin(org);
    const created = await create(h, itemDef('lantaarnpaal'));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      state: 'draft',
      published: null,
      draft: { number: 1 },
      team: { name: 'Openbare ruimte' },
    });
    const v1 = await publish(h, 'lantaarnpaal');
    expect(v1.json()).toMatchObject({ state: 'published', published: { number: 1 }, draft: null });

    const changed = itemDef('lantaarnpaal', { norms: { serviceNorm: { amount: 4, unit: 'working_days' } } });
    const draft = await t.app.inject({
      method: 'PUT',
      url: '/api/catalogue/items/lantaarnpaal/draft',
      headers: h,
      payload: { definition: changed, version: v1.json().version },
    });
    expect(draft.json()).toMatchObject({ published: { number: 1 }, draft: { number: 2 } });
    // Until published, everyone else still sees version 1.
    const agent = (await signIn(t.app, org.users.agent)).headers;
    const seen = (await t.app.inject({ url: '/api/catalogue/items/lantaarnpaal', headers: agent })).json();
    expect(seen.published.definition.norms.serviceNorm.amount).toBe(5);
    expect(seen.draft).toBeNull();
    await publish(h, 'lantaarnpaal');
    const versions = (
      await t.app.inject({ url: '/api/catalogue/items/lantaarnpaal/versions', headers: h })
    ).json();
    expect(versions.items.map((v: { number: number; state: string }) => [v.number, v.state])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    const audit = (
      await t.app.inject({
        url: `/api/audit-events?entityType=catalogue_item&entityId=${seen.id}`,
        headers: h,
      })
    ).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual([
      'published',
      'draft_saved',
      'published',
      'created',
    ]);
  });

  it('refuses bad definitions with the exact field, and stores nothing', async () => {
    const org = await makeOrg(t.database);
    const h = await admin(org);
    const before = (await t.database.db.select({ n: count() }).from(catalogueItemVersion))[0]!.n;
    const fieldsOf = async (definition: object, status: number, code: string) =>
      expectProblem(await create(h, definition), status, code).errors?.map((e) => e.field);

    expect(
      await fieldsOf(
        itemDef('x1', {
          norms: {
            serviceNorm: { amount: 5, unit: 'working_days' },
            internalTarget: { amount: 6, unit: 'working_days' },
          },
        }),
        422,
        'invalid_definition',
      ),
    ).toEqual(['norms.internalTarget']);
    expect(
      await fieldsOf(
        itemDef('x2', { norms: { serviceNorm: { amount: -1, unit: 'working_days' } } }),
        400,
        'validation_failed',
      ),
    ).toEqual(['definition.norms.serviceNorm.amount']);
    expect(
      await fieldsOf(
        itemDef('x3', { norms: { serviceNorm: { amount: 9999, unit: 'working_days' } } }),
        400,
        'validation_failed',
      ),
    ).toEqual(['definition.norms.serviceNorm.amount']);
    const unreachable = itemDef('x4');
    unreachable.handling = {
      ...unreachable.handling,
      statuses: [
        ...unreachable.handling.statuses,
        { key: 'vergeten', label: { nl: 'Vergeten' }, visibility: 'internal' },
      ],
    };
    expect(await fieldsOf(unreachable, 422, 'invalid_definition')).toEqual(['handling.statuses.4']);
    const noEnd = itemDef('x5');
    noEnd.handling = {
      statuses: noEnd.handling.statuses.map((s) => ({ ...s, final: false })),
      transitions: noEnd.handling.transitions,
    };
    expect(await fieldsOf(noEnd, 422, 'invalid_definition')).toEqual(['handling.statuses']);
    expect(await fieldsOf(itemDef('x6', { team: 'Bestaat niet' }), 422, 'invalid_definition')).toEqual([
      'team',
    ]);
    expect(await fieldsOf(itemDef('x7', { related: ['x7'] }), 422, 'invalid_definition')).toEqual([
      'related.0',
    ]);

    // A cycle through existing items: a -> b, then b -> a.
    expect((await create(h, itemDef('cyc-b'))).statusCode).toBe(201);
    expect((await create(h, itemDef('cyc-a', { related: ['cyc-b'] }))).statusCode).toBe(201);
    const b = (await t.app.inject({ url: '/api/catalogue/items/cyc-b', headers: h })).json();
    const cyclic = await t.app.inject({
      method: 'PUT',
      url: '/api/catalogue/items/cyc-b/draft',
      headers: h,
      payload: { definition: itemDef('cyc-b', { related: ['cyc-a'] }), version: b.version },
    });
    expect(cyclic.json().detail).toContain('cyc-b → cyc-a → cyc-b');
    expectProblem(cyclic, 422, 'invalid_definition');
    expectProblem(await create(h, itemDef('cyc-a')), 409, 'code_taken');

    const after = (await t.database.db.select({ n: count() }).from(catalogueItemVersion))[0]!.n;
    expect(after - before).toBe(2);
  });

  it('only admins edit; others see published items only', async () => {
    const org = await makeOrg(t.database);
    const h = await admin(org);
    await create(h, itemDef('concept'));
    const agent = (await signIn(t.app, org.users.agent)).headers;
    expectProblem(await create(agent, itemDef('mag-niet')), 403, 'forbidden');
    const list = (await t.app.inject({ url: '/api/catalogue/items', headers: agent })).json();
    expect(list.items).toEqual([]);
    const own = (await t.app.inject({ url: '/api/catalogue/items', headers: h })).json();
    expect(own.items.map((i: { code: string; hasDraft: boolean }) => [i.code, i.hasDraft])).toEqual([
      ['concept', true],
    ]);
  });

  it('tells the expected date under the public norm in Dutch working days (the two examples of the brief)', async () => {
    const org = await makeOrg(t.database);
    const h = await admin(org);
    await create(h, itemDef('drie-dagen', { norms: { serviceNorm: { amount: 3, unit: 'working_days' } } }));
    await create(h, itemDef('een-dag', { norms: { serviceNorm: { amount: 1, unit: 'working_days' } } }));
    await publish(h, 'drie-dagen');
    await publish(h, 'een-dag');
    const agent = (await signIn(t.app, org.users.agent)).headers;
    const at = async (code: string, start: string) =>
      (
        await t.app.inject({
          url: `/api/catalogue/items/${code}/expected-date?start=${encodeURIComponent(start)}`,
          headers: agent,
        })
      ).json();
    expect(await at('drie-dagen', '2026-04-02T10:00:00+02:00')).toMatchObject({
      expectedDate: '2026-04-08',
      // A public norm ends at the close of its last working day (17:00).
      expected: '2026-04-08T15:00:00.000Z',
    });
    expect((await at('een-dag', '2026-04-24T09:00:00+02:00')).expectedDate).toBe('2026-04-28');
    // An unpublished item has no public norm yet.
    await create(h, itemDef('nog-niet'));
    expectProblem(
      await t.app.inject({ url: '/api/catalogue/items/nog-niet/expected-date', headers: agent }),
      409,
      'not_published',
    );
  });

  it('the public catalogue lists published external services with norm, cost and channels, never internal ones', async () => {
    const org = await makeOrg(t.database);
    const h = await admin(org);
    await create(
      h,
      itemDef('paspoort', { kind: 'request', costCents: 8400, name: { nl: 'Paspoort aanvragen' } }),
    );
    await create(h, itemDef('vergaderzaal', { audience: 'internal', team: 'KCC' }));
    await publish(h, 'paspoort');
    await publish(h, 'vergaderzaal');
    const res = await t.app.inject({ url: `/api/public/organisations/${org.slug}/catalogue` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        code: 'paspoort',
        costCents: 8400,
        channels: ['web', 'phone'],
        serviceNorm: { amount: 5, unit: 'working_days' },
      }),
    ]);
    expectProblem(
      await t.app.inject({ url: '/api/public/organisations/bestaat-niet/catalogue' }),
      404,
      'not_found',
    );
    // Retired items leave the public catalogue.
    const item = (await t.app.inject({ url: '/api/catalogue/items/paspoort', headers: h })).json();
    await t.app.inject({
      method: 'POST',
      url: '/api/catalogue/items/paspoort/retire',
      headers: h,
      payload: { version: item.version },
    });
    expect(
      (await t.app.inject({ url: `/api/public/organisations/${org.slug}/catalogue` })).json().items,
    ).toEqual([]);
    const [row] = await t.database.db.select().from(catalogueItem).where(eq(catalogueItem.id, item.id));
    expect(row!.state).toBe('retired');
  });
});

describe('knowledge articles', () => {
  it('link to items, are versioned like them, and are flagged after their review date', async () => {
    const org = await makeOrg(t.database);
    const h = await admin(org);
    await create(h, itemDef('paspoort'));
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/knowledge/articles',
      headers: h,
      payload: { definition: articleDef('kb-x', { items: ['bestaat-niet'], owner: 'Niemand' }) },
    });
    expect(expectProblem(bad, 422, 'invalid_definition').errors?.map((e) => e.field)).toEqual([
      'owner',
      'items.0',
    ]);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/knowledge/articles',
      headers: h,
      payload: {
        definition: articleDef('kb-paspoort-kwijt', {
          items: ['paspoort'],
          owner: 'KCC',
          reviewDate: '2025-01-01',
        }),
      },
    });
    expect(ok.statusCode).toBe(201);
    await t.app.inject({
      method: 'POST',
      url: '/api/knowledge/articles/kb-paspoort-kwijt/publish',
      headers: h,
      payload: { version: ok.json().version },
    });
    const due = (await t.app.inject({ url: '/api/knowledge/articles?reviewDue=true', headers: h })).json();
    expect(due.items.map((a: { code: string; reviewDue: boolean }) => [a.code, a.reviewDue])).toEqual([
      ['kb-paspoort-kwijt', true],
    ]);
  });
});
