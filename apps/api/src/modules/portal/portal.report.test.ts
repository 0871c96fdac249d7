/**
 * The report form as a server-rendered page (ADR 0022, addendum): generated from the item's intake fields with the
 * browser's checks, posted as one multipart form. Errors come back listed on top and linked to their fields, with
 * what was typed and the files sent kept; the place is found in the register; "already reported?" comes before a
 * report at a place with open reports of the same problem, and following one instead is a button of the form. A
 * sent report opens a case through the same checks as the API and leads to the case's page, which confirms it.
 */
import { caseAttachment, caseFile, caseFollower } from '@voordeur/db';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { itemDef, publishContent } from '../../test/catalogue-fixtures.ts';
import {
  type FormFile,
  importRegister,
  makeOrg,
  postMultipart,
  type Session,
  signIn,
  type TestOrg,
  useTestApp,
} from '../../test/harness.ts';
import { formToken } from './portal.service.ts';

const t = useTestApp({ PORTAL_MIN_FILL_SECONDS: '3', PORTAL_POSTS_PER_IP_PER_HOUR: '30' });
let org: TestOrg;
let admin: Session;

/** Two addresses under one postcode, one under another (RD metres, Amersfoort). */
const REGISTER = [
  'postcode;huisnummer;toevoeging;straat;woonplaats;x;y',
  '3811AB;1;;Stadhuisplein;Amersfoort;155000;463000',
  '3811AB;3;;Stadhuisplein;Amersfoort;155030;463000',
  '3812CD;7;;Langestraat;Amersfoort;155400;463000',
].join('\n');

const lampFields = [
  { key: 'locatie', label: { nl: 'Waar is het?' }, type: 'location' as const, required: true },
  {
    key: 'probleem',
    label: { nl: 'Wat is er aan de hand?', en: 'What is wrong?' },
    type: 'choice' as const,
    required: true,
    options: [
      { value: 'brandt_niet', label: { nl: 'De lamp brandt niet' } },
      { value: 'knippert', label: { nl: 'De lamp knippert' } },
    ],
  },
  { key: 'paalnummer', label: { nl: 'Nummer op de paal' }, type: 'number' as const },
  {
    key: 'wanneer',
    label: { nl: 'Wanneer?' },
    type: 'multi_choice' as const,
    options: [
      { value: 'avond', label: { nl: '’s Avonds' } },
      { value: 'nacht', label: { nl: '’s Nachts' } },
    ],
  },
  { key: 'email', label: { nl: 'Uw e-mailadres' }, type: 'text' as const, prefill: 'email' as const },
  { key: 'foto', label: { nl: 'Foto' }, type: 'attachment' as const },
];

beforeAll(async () => {
  org = await makeOrg(t.database);
  await publishContent(t.database.db, org.id, {
    items: [
      itemDef('lamp', {
        name: { nl: 'Lantaarnpaal kapot', en: 'Broken street light' },
        intakeFields: lampFields,
        related: ['gat'],
      }),
      itemDef('gat', { name: { nl: 'Gat in de weg' } }),
      itemDef('paspoort', { kind: 'request', channels: ['desk'], name: { nl: 'Paspoort' } }),
      itemDef('intern', { audience: 'internal', name: { nl: 'Interne storing' } }),
    ],
  });
  admin = await signIn(t.app, org.users.admin);
  await importRegister(t.app, admin, REGISTER);
});

const formUrl = (code = 'lamp', lang = '') => `/p/${org.slug}/diensten/${code}/melden${lang}`;
/** A form token handed out ten seconds ago: a person's pace. */
const token = () => formToken(org.id, 'lamp', new Date(Date.now() - 10_000));

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let ips = 0;
let people = 0;
type Fields = [string, string][];
/** The form as a browser posts it, each post from an address of its own (the per-IP limit is not what is tested). */
const send = (fields: Fields, files: FormFile[] = [], url = formUrl()) =>
  postMultipart(t.app, url, fields, files, { remoteAddress: `10.1.0.${++ips}` });

/** A complete report, the place described in words (no address: so no reports nearby), by email. */
function complete(over: Fields = []): Fields {
  people++;
  const base: Fields = [
    ['formToken', token()],
    ['loc.description', 'Bij de speeltuin'],
    ['a.probleem', 'brandt_niet'],
    ['a.paalnummer', '42'],
    ['a.wanneer', 'avond'],
    ['a.wanneer', 'nacht'],
    ['name', `Inwoner ${people}`],
    ['reach', 'email'],
    ['email', `inwoner-${people}@example.nl`],
    ['intent', 'send'],
  ];
  const keys = new Set(over.map(([k]) => k));
  return [...base.filter(([k]) => !keys.has(k)), ...over];
}

const casesOf = async () =>
  (await t.database.db.select({ n: count() }).from(caseFile).where(eq(caseFile.organisationId, org.id)))[0]!
    .n;

/** The attributes of each `<tag …>` of a page (names in lower case), whatever their order. */
function elements(html: string, tag: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map((m) =>
    Object.fromEntries(
      [...(m[1] ?? '').matchAll(/([\w:.-]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!.toLowerCase(), a[2] ?? '']),
    ),
  );
}
/** The control of that name (and value), or undefined. */
const control = (html: string, tag: string, name: string, value?: string) =>
  elements(html, tag).find((a) => a.name === name && (value === undefined || a.value === value));

/** The ids the error summary on top links to. */
const summaryLinks = (html: string) => {
  const summary = /<div[^>]*id="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
};

describe('the report form page', () => {
  it('is generated from the intake fields with the browser’s checks, and loads no script', async () => {
    const res = await t.app.inject({ url: formUrl() });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.body;
    expect(html).not.toMatch(/<script/i);
    const form = elements(html, 'form')[0]!;
    expect(form).toMatchObject({ method: 'post', enctype: 'multipart/form-data' });
    expect(form.action).toMatch(/^\/p\/[^/]+\/diensten\/lamp\/melden$/);
    // A required choice: a select the browser will not send empty.
    expect(control(html, 'select', 'a.probleem')).toMatchObject({
      id: 'report-field-probleem',
      required: '',
    });
    expect(html).toContain('De lamp brandt niet');
    expect(control(html, 'input', 'a.paalnummer')).toMatchObject({ inputmode: 'decimal' });
    expect(control(html, 'input', 'a.wanneer', 'avond')).toMatchObject({
      type: 'checkbox',
      id: 'report-field-wanneer',
    });
    expect(control(html, 'input', 'a.foto')).toMatchObject({ type: 'file', multiple: '' });
    // The email question is answered by the contact details: not asked twice.
    expect(control(html, 'input', 'a.email')).toBeUndefined();
    expect(control(html, 'input', 'formToken')?.value).toMatch(/^\d+\.[\w-]+$/);
    expect(control(html, 'input', 'loc.postcode')).toBeDefined();
    expect(control(html, 'input', 'reach', 'email')).toMatchObject({ checked: '' });
    expect(control(html, 'input', 'email')).toMatchObject({ type: 'email', autocomplete: 'email' });
    expect(control(html, 'button', 'intent', 'find')).toMatchObject({ formnovalidate: '' });
    expect(html).toContain('class="vd-honeypot"');
    expect(html).toContain('Nummer op de paal (optioneel)');

    const english = await t.app.inject({ url: formUrl('lamp', '?lang=en') });
    expect(english.body).toContain('<h1 class="utrecht-heading-1">Broken street light</h1>');
    expect(english.body).toContain('What is wrong?');
    expect(elements(english.body, 'form')[0]!.action).toMatch(/\/melden\?lang=en$/);
  });

  it('is a 404 page for an unknown or internal item, and says where to go for one that is not online', async () => {
    for (const code of ['bestaat-niet', 'intern', '%3Cb%3E']) {
      const res = await t.app.inject({ url: formUrl(code) });
      expect(res.statusCode, code).toBe(404);
      expect(res.body).toContain('Pagina niet gevonden');
    }
    const desk = await t.app.inject({ url: formUrl('paspoort') });
    expect(desk.statusCode).toBe(200);
    expect(desk.body).not.toContain('<form');
    expect(desk.body).toContain('Dit kunt u niet online regelen.');
  });
});

describe('sending the form', () => {
  it('opens a case with the place from the register and the photo, and leads to the case page that confirms it', async () => {
    const before = await casesOf();
    const res = await send(
      complete([
        ['loc.postcode', '3812 cd'],
        ['loc.number', '7'],
      ]),
      [{ name: 'a.foto', fileName: 'lamp.png', data: PNG }],
    );
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
    const location = res.headers.location as string;
    expect(location).toMatch(
      new RegExp(`^/p/${org.slug}/zaak/[A-Za-z0-9_-]{22,}\\?klaar=ontvangen&via=email$`),
    );
    expect(await casesOf()).toBe(before + 1);
    const [c] = await t.database.db
      .select()
      .from(caseFile)
      .where(eq(caseFile.organisationId, org.id))
      .orderBy(caseFile.createdAt)
      .then((rows) => rows.slice(-1));
    expect(c).toMatchObject({ channel: 'web' });
    expect(c!.answers).toEqual({
      probleem: 'brandt_niet',
      paalnummer: 42,
      wanneer: ['avond', 'nacht'],
      email: `inwoner-${people}@example.nl`,
    });
    expect(c!.location).toMatchObject({
      address: { street: 'Langestraat', houseNumber: 7, postcode: '3812CD' },
    });
    const files = await t.database.db
      .select({ name: caseAttachment.fileName })
      .from(caseAttachment)
      .where(and(eq(caseAttachment.organisationId, org.id), eq(caseAttachment.caseId, c!.id)));
    expect(files).toEqual([{ name: 'lamp.png' }]);

    const confirmation = await t.app.inject({ url: location });
    expect(confirmation.statusCode).toBe(200);
    expect(confirmation.body).toContain(`Bedankt, we hebben het ontvangen. Uw nummer is ${c!.reference}.`);
    expect(confirmation.body).toContain('U krijgt zo een bevestiging per e-mail');
    // The related services, as on the item's page.
    expect(confirmation.body).toContain('Misschien heeft u dit ook nodig');
    expect(confirmation.body).toMatch(/href="\/p\/[^"]+\/diensten\/gat"/);
    // Opened later without the notice: the case page alone.
    const plain = await t.app.inject({ url: location.split('?')[0]! });
    expect(plain.body).not.toContain('Bedankt, we hebben het ontvangen');
  });

  it('lists every problem on top, linked to its field, keeps what was typed and the file, and stores no case', async () => {
    const before = await casesOf();
    const res = await send(
      complete([
        ['a.probleem', ''],
        ['email', 'mira@voorbeeld'],
        ['loc.postcode', '9999 ZZ'],
        ['a.paalnummer', 'veertig'],
      ]),
      [{ name: 'a.foto', fileName: 'mijn-lamp.png', data: PNG }],
    );
    expect(res.statusCode).toBe(422);
    expect(summaryLinks(res.body).sort()).toEqual(
      ['location', 'report-email', 'report-field-paalnummer', 'report-field-probleem'].sort(),
    );
    expect(res.body).toContain('We vinden dit adres niet in onze gemeente.');
    expect(res.body).toContain('Vul een geldig e-mailadres in');
    expect(res.body).toContain('Kies een van de mogelijkheden.');
    expect(res.body).toContain('Vul een getal in.');
    // What was typed stays; the file is kept as an upload, ticked.
    expect(res.body).toContain(`value="Inwoner ${people}"`);
    expect(res.body).toContain('value="mira@voorbeeld"');
    const keptBox = control(res.body, 'input', 'kept');
    expect(keptBox).toMatchObject({ type: 'checkbox', checked: '' });
    const kept = keptBox?.value;
    expect(kept).toMatch(/^foto\|[A-Za-z0-9_-]{16,}\|mijn-lamp\.png$/);
    expect(control(res.body, 'input', 'email')).toMatchObject({ 'aria-invalid': 'true' });
    expect(await casesOf()).toBe(before);

    // Corrected and sent with the kept file: the case has it.
    const again = await send(complete([['kept', kept!.replaceAll('&amp;', '&')]]));
    expect(again.statusCode, again.body.slice(0, 1500)).toBe(303);
    expect(await casesOf()).toBe(before + 1);
    const [last] = await t.database.db
      .select({ id: caseFile.id })
      .from(caseFile)
      .where(eq(caseFile.organisationId, org.id))
      .orderBy(caseFile.createdAt)
      .then((rows) => rows.slice(-1));
    const files = await t.database.db
      .select({ name: caseAttachment.fileName })
      .from(caseAttachment)
      .where(eq(caseAttachment.caseId, last!.id));
    expect(files).toEqual([{ name: 'mijn-lamp.png' }]);
  });

  it('finds the address: several under one postcode to choose from, then the one chosen', async () => {
    const several = await send([
      ['formToken', token()],
      ['loc.postcode', '3811AB'],
      ['intent', 'find'],
    ]);
    expect(several.statusCode).toBe(200);
    expect(several.body).toContain('We vonden 2 adressen. Kies het goede adres.');
    expect(several.body).toContain('Stadhuisplein 1, 3811 AB Amersfoort');
    expect(several.body).toContain('Stadhuisplein 3, 3811 AB Amersfoort');
    // "Find address" checks nothing else: no error summary.
    expect(several.body).not.toContain('id="error-summary"');
    const chosen = await send([
      ['formToken', token()],
      ['loc.postcode', '3811AB'],
      ['loc.choice', '3811AB|3|'],
      ['intent', 'find'],
    ]);
    expect(chosen.body).toContain('Gekozen plek:</strong> Stadhuisplein 3, 3811 AB Amersfoort');
    const byStreet = await send([
      ['formToken', token()],
      ['loc.street', 'Langestr'],
      ['loc.number', '7'],
      ['intent', 'find'],
    ]);
    expect(byStreet.body).toContain('Gekozen plek:</strong> Langestraat 7, 3812 CD Amersfoort');
    // Sent without choosing: the place is the problem.
    const unchosen = await send(complete([['loc.postcode', '3811AB']]));
    expect(unchosen.statusCode).toBe(422);
    expect(summaryLinks(unchosen.body)).toEqual(['location']);
    expect(unchosen.body).toContain('Kies een van de gevonden adressen.');
  });

  it('offers an open report nearby before sending; following it is a button of the form', async () => {
    // An open report at Stadhuisplein 1.
    const first = await send(
      complete([
        ['loc.postcode', '3811AB'],
        ['loc.number', '1'],
      ]),
    );
    expect(first.statusCode, first.body.slice(0, 1500)).toBe(303);
    const [open] = await t.database.db
      .select({ id: caseFile.id, reference: caseFile.reference })
      .from(caseFile)
      .where(eq(caseFile.organisationId, org.id))
      .orderBy(caseFile.createdAt)
      .then((rows) => rows.slice(-1));

    // A neighbour 30 m away sends: first "already reported?", nothing stored yet.
    const before = await casesOf();
    const neighbour = complete([
      ['loc.postcode', '3811AB'],
      ['loc.number', '3'],
    ]);
    const offered = await send(neighbour);
    expect(offered.statusCode).toBe(200);
    expect(offered.body).toContain('Is dit al gemeld?');
    expect(control(offered.body, 'button', 'follow', open!.reference)).toBeDefined();
    const seen = control(offered.body, 'input', 'nearbySeen');
    expect(seen).toMatchObject({ type: 'hidden' });
    expect(seen!.value).toMatch(/^[\d.]+,[\d.]+$/);
    expect(await casesOf()).toBe(before);

    // Following without an email address is refused; with one, they follow it and are told so.
    const noEmail = await send([
      ...neighbour.filter(([k]) => k !== 'email' && k !== 'intent'),
      ['follow', open!.reference],
    ]);
    expect(noEmail.statusCode).toBe(422);
    expect(summaryLinks(noEmail.body)).toEqual(['report-follow-email']);
    const follows = await send([
      ...neighbour.filter(([k]) => k !== 'intent'),
      ['followEmail', 'buur@example.nl'],
      ['follow', open!.reference],
    ]);
    expect(follows.statusCode).toBe(303);
    expect(follows.headers.location).toBe(`${formUrl()}?gevolgd=${open!.reference}`);
    const followers = await t.database.db
      .select({ email: caseFollower.email })
      .from(caseFollower)
      .where(eq(caseFollower.caseId, open!.id));
    expect(followers).toEqual([{ email: 'buur@example.nl' }]);
    const told = await t.app.inject({ url: follows.headers.location as string });
    expect(told.body).toContain(`U volgt nu melding ${open!.reference}.`);
    expect(await casesOf()).toBe(before);

    // "It is a different problem": sent again with the list seen, the report goes.
    const own = await send([...neighbour, ['nearbySeen', seen!.value!]]);
    expect(own.statusCode, own.body.slice(0, 1500)).toBe(303);
    expect(await casesOf()).toBe(before + 1);
  });
});

describe('bad input stores nothing', () => {
  it('refuses a disguised file, a filled honeypot, a form sent back too fast, and a post that is not a form', async () => {
    const before = await casesOf();
    const disguised = await send(complete(), [
      { name: 'a.foto', fileName: 'foto.png', data: Buffer.from('#!/bin/sh\necho niet een foto\n') },
    ]);
    expect(disguised.statusCode).toBe(422);
    expect(summaryLinks(disguised.body)).toEqual(['report-field-foto']);
    expect(disguised.body).toContain('Dit bestand kunnen we niet gebruiken.');

    const honeypot = await send(complete([['website', 'https://spam.example']]));
    expect(honeypot.statusCode).toBe(400);
    expect(honeypot.body).toContain('We konden uw formulier niet aannemen.');

    const fast = await send(complete([['formToken', formToken(org.id, 'lamp', new Date())]]));
    expect(fast.statusCode).toBe(400);
    expect(fast.body).toContain('Dat ging erg snel.');
    // The same (good) token stays in the form: sending again later works.
    expect(fast.body).toContain('name="formToken"');

    const changed = await send(complete([['formToken', '1.abc']]));
    expect(changed.statusCode).toBe(400);
    expect(changed.body).toContain('Dit formulier stond te lang open.');

    const urlencoded = await t.app.inject({
      method: 'POST',
      url: formUrl(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=x',
    });
    // Not the form's encoding: the framework's own refusal, as problem+json.
    expect(urlencoded.statusCode).toBe(415);
    expect(urlencoded.headers['content-type']).toMatch(/^application\/problem\+json/);

    // A photo over 10 MB: cut off while read, refused under its field; the rest of the form is kept.
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await send(complete([['name', 'Groot Bestand']]), [
      { name: 'a.foto', fileName: 'groot.png', data: big },
    ]);
    expect(tooLarge.statusCode).toBe(422);
    expect(summaryLinks(tooLarge.body)).toEqual(['report-field-foto']);
    expect(tooLarge.body).toContain('Dit bestand is te groot.');
    expect(control(tooLarge.body, 'input', 'name')?.value).toBe('Groot Bestand');

    // More files than a report may carry: said under the field; the first five are kept for the next post.
    const six = Array.from({ length: 6 }, (_, i) => ({
      name: 'a.foto',
      fileName: `foto-${i}.png`,
      data: PNG,
    }));
    const many = await send(complete(), six);
    expect(many.statusCode).toBe(422);
    expect(summaryLinks(many.body)).toEqual(['report-field-foto']);
    expect(many.body).toContain('Stuur hoogstens 5 bestanden.');
    expect(elements(many.body, 'input').filter((a) => a.name === 'kept')).toHaveLength(5);
    expect(await casesOf()).toBe(before);
  });

  it('answers in English with the form in English', async () => {
    const res = await send(complete([['email', 'not-an-address']]), [], formUrl('lamp', '?lang=en'));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Enter a valid email address');
    expect(res.body).toContain('<html lang="en"');
  });
});
