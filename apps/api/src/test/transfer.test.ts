import { catalogueItem } from '@voordeur/db';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { articleDef, itemDef } from './catalogue-fixtures.ts';
import { expectProblem, makeOrg, signIn, type TestOrg, useTestApp } from './harness.ts';

const t = useTestApp();

async function adminOf(org: TestOrg) {
  return (await signIn(t.app, org.users.admin)).headers;
}
const itemCount = async (org: TestOrg) =>
  (
    await t.database.db
      .select({ n: count() })
      .from(catalogueItem)
      .where(eq(catalogueItem.organisationId, org.id))
  )[0]!.n;

describe('import and export', () => {
  it('an import with one bad row reports that row and changes nothing; a dry run changes nothing either', async () => {
    const org = await makeOrg(t.database);
    const h = await adminOf(org);
    const bad = itemDef('kapot-item', {
      norms: {
        serviceNorm: { amount: 2, unit: 'working_days' },
        internalTarget: { amount: 5, unit: 'working_days' },
      },
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/transfer/import',
      headers: h,
      payload: { items: [itemDef('goed-een'), bad, itemDef('goed-twee', { related: ['goed-een'] })] },
    });
    const problem = expectProblem(res, 422, 'import_invalid');
    expect(problem.errors).toEqual([{ field: 'items.1.norms.internalTarget', message: expect.any(String) }]);
    expect(await itemCount(org)).toBe(0);

    const dry = await t.app.inject({
      method: 'POST',
      url: '/api/transfer/import?dryRun=true',
      headers: h,
      payload: {
        items: [itemDef('goed-twee', { related: ['goed-een'] }), itemDef('goed-een')],
        articles: [articleDef('kb-een', { items: ['goed-een'] })],
      },
    });
    expect(dry.json()).toEqual({
      dryRun: true,
      items: { create: ['goed-twee', 'goed-een'], update: [], unchanged: [] },
      articles: { create: ['kb-een'], update: [], unchanged: [] },
    });
    expect(await itemCount(org)).toBe(0);
  });

  it('applies a valid import in dependency order, publishes it, and reports updates and unchanged rows on re-import', async () => {
    const org = await makeOrg(t.database);
    const h = await adminOf(org);
    const payload = {
      items: [itemDef('tweede', { related: ['eerste'] }), itemDef('eerste')],
      articles: [articleDef('kb-een', { items: ['tweede'] })],
    };
    const first = await t.app.inject({ method: 'POST', url: '/api/transfer/import', headers: h, payload });
    expect(first.json().items.create).toEqual(['tweede', 'eerste']);
    const item = (await t.app.inject({ url: '/api/catalogue/items/tweede', headers: h })).json();
    expect(item).toMatchObject({ state: 'published', published: { number: 1 } });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/transfer/import',
      headers: h,
      payload: {
        ...payload,
        items: [itemDef('tweede', { related: ['eerste'], name: { nl: 'Nieuwe naam' } }), itemDef('eerste')],
      },
    });
    expect(again.json()).toMatchObject({
      items: { create: [], update: ['tweede'], unchanged: ['eerste'] },
      articles: { unchanged: ['kb-een'] },
    });
    expect(
      (await t.app.inject({ url: '/api/catalogue/items/tweede', headers: h })).json().published.number,
    ).toBe(2);
  });

  it('round-trips through CSV as Dutch Excel writes it (semicolons, BOM, CRLF), with line numbers in errors', async () => {
    const source = await makeOrg(t.database);
    const hs = await adminOf(source);
    await t.app.inject({
      method: 'POST',
      url: '/api/transfer/import',
      headers: hs,
      payload: {
        items: [
          itemDef('een', { synonyms: ['één; met puntkomma', 'twee "quotes"'] }),
          itemDef('twee', { related: ['een'] }),
        ],
      },
    });
    const csv = await t.app.inject({ url: '/api/transfer/export/csv?type=items', headers: hs });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFFcode;name;')).toBe(true);
    expect(csv.body).toContain('\r\n');

    const target = await makeOrg(t.database);
    const ht = await adminOf(target);
    const post = (body: string, dry = false) =>
      t.app.inject({
        method: 'POST',
        url: `/api/transfer/import/csv?type=items&dryRun=${dry}`,
        headers: { ...ht, 'content-type': 'text/csv' },
        payload: body,
      });
    expect((await post(csv.body)).json().items.create.sort()).toEqual(['een', 'twee']);
    const exported = (await t.app.inject({ url: '/api/transfer/export', headers: ht })).json();
    expect(exported.items.find((i: { code: string }) => i.code === 'een').synonyms).toEqual([
      'één; met puntkomma',
      'twee "quotes"',
    ]);

    // Break the norm of the second data row (line 3 of the file).
    const lines = csv.body.split('\r\n');
    lines[2] = lines[2]!.replace('"amount"":5', '"amount"":-5');
    const broken = expectProblem(await post(lines.join('\r\n')), 422, 'import_invalid');
    expect(broken.errors?.[0]).toMatchObject({ line: 3, field: 'items.1.norms.serviceNorm.amount' });
  });

  it('articles import from comma CSV too; an unreadable file is refused', async () => {
    const org = await makeOrg(t.database);
    const h = await adminOf(org);
    const body =
      'code,question,answer,audience,items,tags,owner,review_date\nkb-open,Wanneer is het stadhuis open?,Maandag tot en met vrijdag.,public,,openingstijden,KCC,2027-01-01\n';
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/transfer/import/csv?type=articles',
      headers: { ...h, 'content-type': 'text/csv' },
      payload: body,
    });
    expect(ok.json().articles.create).toEqual(['kb-open']);
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/transfer/import/csv?type=articles',
      headers: { ...h, 'content-type': 'text/csv' },
      payload: 'code;question\n"kb-x;unterminated\n',
    });
    expect(expectProblem(broken, 422, 'import_invalid').errors?.[0]?.field).toBe('file');
  });

  it('is for admins only', async () => {
    const org = await makeOrg(t.database);
    const agent = (await signIn(t.app, org.users.agent)).headers;
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/transfer/import',
        headers: agent,
        payload: { items: [] },
      }),
      403,
      'forbidden',
    );
    expectProblem(await t.app.inject({ url: '/api/transfer/export', headers: agent }), 403, 'forbidden');
  });
});
