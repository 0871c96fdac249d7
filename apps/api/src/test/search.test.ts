import { searchDocument, searchQuery } from '@voordeur/db';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleDef, itemDef, publishContent } from './catalogue-fixtures.ts';
import { expectProblem, makeOrg, signIn, type TestOrg, useTestApp } from './harness.ts';

const t = useTestApp();
let org: TestOrg;
let staff: Record<string, string>;

beforeAll(async () => {
  org = await makeOrg(t.database);
  await publishContent(t.database.db, org.id, {
    items: [
      itemDef('straatverlichting-kapot', {
        name: { nl: 'Kapotte straatverlichting melden' },
        summary: { nl: 'Meld een lantaarnpaal die niet brandt of beschadigd is.' },
        synonyms: ['lantaarnpaal kapot', 'straatlantaarn', 'straatlamp doet het niet'],
        keywords: ['verlichting', 'lamp', 'defect'],
      }),
      itemDef('losliggende-tegel', {
        name: { nl: 'Losliggende stoeptegel melden' },
        summary: { nl: 'Een tegel ligt los of steekt uit.' },
        synonyms: ['stoep kapot', 'tegel los'],
      }),
      itemDef('paspoort-aanvragen', {
        kind: 'request',
        name: { nl: 'Paspoort aanvragen' },
        summary: { nl: 'Vraag een nieuw paspoort aan bij de balie.' },
        synonyms: ['reisdocument'],
        team: 'KCC',
      }),
      itemDef('vergaderzaal-reserveren', {
        audience: 'internal',
        kind: 'request',
        name: { nl: 'Vergaderzaal reserveren' },
        summary: { nl: 'Reserveer een vergaderruimte in het stadskantoor.' },
        synonyms: ['zaal boeken', 'overlegruimte'],
        team: 'KCC',
      }),
    ],
    articles: [
      articleDef('kb-paspoort-kwijt', {
        question: { nl: 'Ik ben mijn paspoort kwijt. Wat moet ik doen?' },
        answer: {
          nl: 'Doe aangifte van vermissing bij de gemeente. Daarna vraagt u een **nieuw paspoort** aan.',
        },
        items: ['paspoort-aanvragen'],
        tags: ['vermissing', 'verloren'],
      }),
      // "lantaarnpalen" only in answers: a word the vocabulary (titles, synonyms, summaries) does not know.
      ...['park', 'plein', 'fietspad'].map((place) =>
        articleDef(`kb-verlichting-${place}`, {
          question: { nl: `Wie onderhoudt de verlichting bij het ${place}?` },
          answer: { nl: `De gemeente onderhoudt de lantaarnpalen bij het ${place} en vervangt lampen.` },
        }),
      ),
      articleDef('kb-intern-zaal', {
        audience: 'internal',
        question: { nl: 'Hoe reserveer ik een vergaderzaal voor een extern overleg?' },
        answer: { nl: 'Via het MCC of zelf in de agenda.' },
      }),
    ],
  });
  staff = (await signIn(t.app, org.users.agent)).headers;
});

const search = async (q: string, headers = staff) =>
  (await t.app.inject({ url: `/api/search?q=${encodeURIComponent(q)}`, headers })).json();
const publicSearch = async (q: string) =>
  (
    await t.app.inject({ url: `/api/public/organisations/${org.slug}/search?q=${encodeURIComponent(q)}` })
  ).json();

describe('search', () => {
  it('puts the broken street light first for a misspelt "lantarenpaal kapot"', async () => {
    const r = await search('lantarenpaal kapot');
    expect(r.hits[0]).toMatchObject({ kind: 'item', code: 'straatverlichting-kapot' });
    expect(r.didYouMean).toContain('lantaarnpaal');
  });

  it('finds the lost-passport article for "paspoort kwijt", with the words highlighted', async () => {
    const r = await search('paspoort kwijt');
    expect(r.hits[0]).toMatchObject({ kind: 'article', code: 'kb-paspoort-kwijt' });
    expect(r.hits.map((h: { code: string }) => h.code)).toContain('paspoort-aanvragen');
    const hit = r.hits.find((h: { code: string }) => h.code === 'kb-paspoort-kwijt');
    expect(
      hit.snippet.some((s: { text: string; match: boolean }) => s.match && /paspoort/i.test(s.text)),
    ).toBe(true);
  });

  it('finds the internal meeting-room item for staff, and nothing internal for the public', async () => {
    const mcc = await search('vergaderzaal reserveren');
    expect(mcc.hits[0]).toMatchObject({ code: 'vergaderzaal-reserveren', audience: 'internal' });
    const pub = await publicSearch('vergaderzaal reserveren');
    expect(pub.hits.filter((h: { audience: string }) => h.audience === 'internal')).toEqual([]);
    expect(JSON.stringify(pub)).not.toContain('vergaderzaal-reserveren');
    expect(JSON.stringify(pub)).not.toContain('kb-intern-zaal');
  });

  it('filters by kind and audience; accents and case do not matter', async () => {
    const items = await t.app.inject({ url: '/api/search?q=paspoort&kind=item', headers: staff });
    expect(items.json().hits.every((h: { kind: string }) => h.kind === 'item')).toBe(true);
    const external = await t.app.inject({ url: '/api/search?q=zaal&audience=external', headers: staff });
    expect(external.json().hits.every((h: { audience: string }) => h.audience !== 'internal')).toBe(true);
    expect((await search('PASPÓÓRT')).hits[0].code).toMatch(/paspoort/);
  });

  it('records every search and which result was used; a used result ranks higher', async () => {
    const r = await search('tegel kapot');
    const [logged] = await t.database.db.select().from(searchQuery).where(eq(searchQuery.id, r.searchId));
    expect(logged).toMatchObject({
      query: 'tegel kapot',
      scope: 'staff',
      resultCount: r.hits.length,
      topResults: r.hits
        .slice(0, 5)
        .map((h: { kind: string; code: string }) => ({ kind: h.kind, code: h.code })),
      usedRefId: null,
    });
    const hit = r.hits.find((h: { code: string }) => h.code === 'losliggende-tegel');
    const used = await t.app.inject({
      method: 'POST',
      url: `/api/search/${r.searchId}/used`,
      headers: staff,
      payload: { kind: 'item', id: hit.id },
    });
    expect(used.statusCode).toBe(204);
    const [after] = await t.database.db.select().from(searchQuery).where(eq(searchQuery.id, r.searchId));
    expect(after!.usedRefId).toBe(hit.id);
    const [doc] = await t.database.db
      .select()
      .from(searchDocument)
      .where(and(eq(searchDocument.organisationId, org.id), eq(searchDocument.refId, hit.id)));
    expect(doc!.usageCount).toBe(1);
  });

  it('records what was finally shown after a second pass, and searches that found nothing', async () => {
    // "lantarenpaal" is misspelt: the first pass finds little, the corrected pass finds the street light.
    const corrected = await search('lantaarnpaall kappot');
    expect(corrected.hits.length).toBeGreaterThan(0);
    const nothing = await search('qwxyzzy');
    expect(nothing.hits).toEqual([]);
    const rows = await t.database.db
      .select()
      .from(searchQuery)
      .where(inArray(searchQuery.id, [corrected.searchId, nothing.searchId]));
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(corrected.searchId)).toMatchObject({
      resultCount: corrected.hits.length,
      topResults: corrected.hits
        .slice(0, 5)
        .map((h: { kind: string; code: string }) => ({ kind: h.kind, code: h.code })),
    });
    expect(byId.get(nothing.searchId)).toMatchObject({ query: 'qwxyzzy', resultCount: 0, topResults: [] });
  });

  it('takes an unknown word as typed when it finds enough, and only corrects it when it does not', async () => {
    // Close to the known "lantaarnpaal", but found as typed in three answers: no correction, no second pass.
    const asTyped = await search('lantaarnpalen');
    expect(asTyped.didYouMean).toEqual([]);
    expect(asTyped.hits.map((h: { code: string }) => h.code)).toEqual(
      expect.arrayContaining(['kb-verlichting-park', 'kb-verlichting-plein', 'kb-verlichting-fietspad']),
    );
    const misspelt = await search('lantaarnpaall');
    expect(misspelt.didYouMean).toContain('lantaarnpaal');
    expect(misspelt.hits[0]).toMatchObject({ code: 'straatverlichting-kapot' });
  });

  it('refuses empty or absurd queries clearly, and another organisation’s search id', async () => {
    expectProblem(await t.app.inject({ url: '/api/search?q=', headers: staff }), 400, 'validation_failed');
    expectProblem(
      await t.app.inject({ url: `/api/search?q=${'x'.repeat(201)}`, headers: staff }),
      400,
      'validation_failed',
    );
    expectProblem(
      await t.app.inject({ url: '/api/search?q=%20%21%21', headers: staff }),
      400,
      'validation_failed',
    );
    const other = await makeOrg(t.database);
    const r = await search('paspoort', (await signIn(t.app, other.users.agent)).headers);
    expect(r.hits).toEqual([]);
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: `/api/search/${r.searchId}/used`,
        headers: staff,
        payload: { kind: 'item', id: r.searchId },
      }),
      404,
      'not_found',
    );
  });

  it('answers the public search of an unknown organisation with 404, and checks the words after the organisation', async () => {
    const unknown = (q: string) =>
      t.app.inject({ url: `/api/public/organisations/bestaat-niet/search?q=${encodeURIComponent(q)}` });
    expectProblem(await unknown('paspoort'), 404, 'not_found');
    // No words to search with: still the organisation is what is not found.
    expectProblem(await unknown('!!'), 404, 'not_found');
    expectProblem(
      await t.app.inject({ url: `/api/public/organisations/${org.slug}/search?q=%21%21` }),
      400,
      'validation_failed',
    );
  });
});
