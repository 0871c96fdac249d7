/**
 * The portal's server-rendered pages (ADR 0022, addendum): the public home with its search, the catalogue with its
 * filter and an item's page, as plain HTML without a script, in Dutch and English; never an internal item or
 * article; unknown organisations and items a 404 page; every text escaped.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { articleDef, complaintItemDef, itemDef, publishContent } from '../../test/catalogue-fixtures.ts';
import { makeOrg, type TestOrg, useTestApp } from '../../test/harness.ts';

const t = useTestApp();
let org: TestOrg;

beforeAll(async () => {
  org = await makeOrg(t.database);
  await publishContent(t.database.db, org.id, {
    items: [
      itemDef('lamp', {
        name: { nl: 'Lantaarnpaal kapot', en: 'Broken street light' },
        summary: { nl: 'Meld een lamp die niet brandt.' },
        description: {
          nl: 'Wij maken het **snel** weer goed.\n\n- overdag\n- [uitleg](https://example.nl/lamp)',
        },
        synonyms: ['lantaarnpaal kapot'],
        related: ['gat'],
        conditions: { nl: 'Alleen in de openbare ruimte.' },
      }),
      itemDef('gat', { name: { nl: 'Gat in de weg <b>diep</b>' } }),
      itemDef('paspoort', {
        kind: 'request',
        channels: ['desk', 'phone'],
        name: { nl: 'Paspoort aanvragen', en: 'Apply for a passport' },
        costCents: 8470,
        norms: {
          serviceNorm: { amount: 2, unit: 'weeks' },
          internalTarget: { amount: 1, unit: 'weeks' },
        },
      }),
      itemDef('intern', { audience: 'internal', name: { nl: 'Interne storing lantaarnpaal' } }),
      complaintItemDef('klacht', { channels: ['web', 'letter'] }),
    ],
    articles: [
      articleDef('lamp-uitleg', {
        items: ['lamp'],
        question: { nl: 'Wanneer wordt een lantaarnpaal gemaakt?' },
      }),
      articleDef('lamp-intern', {
        items: ['lamp'],
        audience: 'internal',
        question: { nl: 'Werkinstructie' },
      }),
    ],
  });
});

async function html(url: string, status = 200) {
  const res = await t.app.inject({ url });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  // Server-rendered: no script at all.
  expect(res.body).not.toMatch(/<script/i);
  return res.body;
}

describe('the public home', () => {
  it('offers the search, the popular services, and the ways to the catalogue, a case and the figures', async () => {
    const body = await html(`/p/${org.slug}`);
    expect(body).toContain('<h1 class="utrecht-heading-1">Waarmee kunnen we u helpen?</h1>');
    expect(body).toContain(`action="/p/${org.slug}"`);
    for (const path of ['diensten', 'zaak', 'mijn', 'prestaties', 'verbeteridee'])
      expect(body).toContain(`href="/p/${org.slug}/${path}"`);
    expect(body).toContain(`href="/p/${org.slug}?lang=en"`);
    expect(body).not.toContain('Interne storing');
  });

  it('answers a search with the public items and articles only, and keeps the words in the English link', async () => {
    const body = await html(`/p/${org.slug}?q=lantaarnpaal`);
    expect(body).toContain('Resultaten voor ‘lantaarnpaal’');
    expect(body).toContain(`href="/p/${org.slug}/diensten/lamp"`);
    expect(body).toContain('Wanneer wordt een lantaarnpaal gemaakt?');
    expect(body).not.toContain('Interne storing');
    expect(body).not.toContain('Werkinstructie');
    expect(body).toContain(`href="/p/${org.slug}?lang=en&amp;q=lantaarnpaal"`);

    const english = await html(`/p/${org.slug}?lang=en&q=lantaarnpaal`);
    expect(english).toContain('<html lang="en"');
    expect(english).toContain('Results for ‘lantaarnpaal’');
    expect(english).toContain(`href="/p/${org.slug}/diensten/lamp?lang=en"`);
    // An article found leads to its own page.
    expect(body).toContain(`href="/p/${org.slug}/vragen/lamp-uitleg"`);
  });

  it('shows a public article on its own page with the services it is about; never an internal one', async () => {
    const body = await html(`/p/${org.slug}/vragen/lamp-uitleg`);
    expect(body).toContain('<h1 class="utrecht-heading-1">Wanneer wordt een lantaarnpaal gemaakt?</h1>');
    expect(body).toContain('Antwoord op lamp-uitleg.');
    expect(body).toContain('Hier regelt u het');
    expect(body).toContain(`href="/p/${org.slug}/diensten/lamp"`);
    // In English: the Dutch question marked as Dutch, the links in English.
    const english = await html(`/p/${org.slug}/vragen/lamp-uitleg?lang=en`);
    expect(english).toContain(
      '<h1 class="utrecht-heading-1" lang="nl">Wanneer wordt een lantaarnpaal gemaakt?</h1>',
    );
    expect(english).toContain(`href="/p/${org.slug}/diensten/lamp?lang=en"`);
    for (const code of ['lamp-intern', 'bestaat-niet', '%3Cb%3E']) {
      const missing = await html(`/p/${org.slug}/vragen/${code}`, 404);
      expect(missing).toContain('Pagina niet gevonden');
      expect(missing).not.toContain('Werkinstructie');
    }
  });

  it('says when the words are too short, finds nothing without an error, and escapes what was typed', async () => {
    expect(await html(`/p/${org.slug}?q=a`)).toContain('Typ minstens 2 letters.');
    const nothing = await html(`/p/${org.slug}?q=${encodeURIComponent('!! ??')}`);
    expect(nothing).toContain('0 resultaten gevonden.');
    const typed = await html(`/p/${org.slug}?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(typed).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is a 404 page for an unknown organisation, and refuses an over-long search as a problem', async () => {
    expect(await html('/p/nergens', 404)).toContain('Pagina niet gevonden');
    const long = await t.app.inject({ url: `/p/${org.slug}?q=${'x'.repeat(201)}` });
    expect(long.statusCode).toBe(400);
    expect(long.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('the catalogue', () => {
  it('lists every public service with norm, cost and channels, grouped by kind, each linked to its page', async () => {
    const body = await html(`/p/${org.slug}/diensten`);
    expect(body).toContain('4 diensten.');
    expect(body).toContain('binnen 2 weken');
    expect(body).toMatch(/€\s84,70/);
    expect(body).toContain(`href="/p/${org.slug}/diensten/paspoort"`);
    expect(body).toContain('Gat in de weg &lt;b&gt;diep&lt;/b&gt;');
    expect(body).not.toContain('Interne storing');
    expect(body).toContain('>Meldingen</h2>');
  });

  it('filters by words and kind, and says how many of all are shown', async () => {
    const words = await html(`/p/${org.slug}/diensten?q=LANTAARNPÁAL`);
    expect(words).toContain('1 van de 4 diensten gevonden.');
    expect(words).toContain('Lantaarnpaal kapot');
    expect(words).not.toContain('Paspoort aanvragen');
    const kind = await html(`/p/${org.slug}/diensten?soort=request`);
    expect(kind).toContain('1 van de 4 diensten gevonden.');
    expect(kind).toContain('<option value="request" selected="">');
    // An unknown kind is no filter.
    expect(await html(`/p/${org.slug}/diensten?soort=nonsense`)).toContain('4 diensten.');
    const english = await html(`/p/${org.slug}/diensten?lang=en&q=passport`);
    expect(english).toContain('1 of 4 services found.');
    expect(english).toContain('within 2 weeks');
    expect(english).toMatch(/€84\.70/);
  });
});

describe("an item's page", () => {
  it('says what to expect, renders its text, and leads to the online form', async () => {
    const body = await html(`/p/${org.slug}/diensten/lamp`);
    expect(body).toContain('<h1 class="utrecht-heading-1">Lantaarnpaal kapot</h1>');
    expect(body).toContain('binnen 5 werkdagen');
    expect(body).toMatch(/<time dateTime="\d{4}-\d{2}-\d{2}">/i);
    expect(body).toContain('<strong>snel</strong>');
    expect(body).toContain(
      '<a class="utrecht-link utrecht-link--html-a" href="https://example.nl/lamp">uitleg</a>',
    );
    expect(body).toContain('Alleen in de openbare ruimte.');
    expect(body).toContain(`href="/p/${org.slug}/diensten/lamp/melden"`);
    expect(body).toContain('Wanneer wordt een lantaarnpaal gemaakt?');
    expect(body).not.toContain('Werkinstructie');
    expect(body).toContain(`href="/p/${org.slug}/diensten/gat"`);
  });

  it('names the other ways when it cannot be done online, in English with the English name', async () => {
    const body = await html(`/p/${org.slug}/diensten/paspoort?lang=en`);
    expect(body).toContain('Apply for a passport');
    expect(body).toContain('You cannot arrange this online.');
    expect(body).toContain('Visit our desk.');
    expect(body).not.toContain('/melden');
  });

  it('is a 404 page for an internal, unknown or malformed item, linking the home when the organisation exists', async () => {
    for (const code of ['intern', 'bestaat-niet', 'NIET_GELDIG'])
      expect(await html(`/p/${org.slug}/diensten/${code}`, 404)).toContain(`href="/p/${org.slug}"`);
    expect(await html('/p/nergens/diensten/lamp', 404)).not.toContain('href="/p/nergens"');
  });
});
