import { auditEvent, caseFile, notification, trackingCode } from '@voordeur/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../platform/actor.ts';
import { trackingHash, trackingToken } from '../../platform/tracking-links.ts';
import { itemDef, publishContent } from '../../test/catalogue-fixtures.ts';
import {
  makeOrg,
  postMultipart,
  type Session,
  signIn,
  type TestOrg,
  useTestApp,
} from '../../test/harness.ts';
import { intakeCase } from '../cases/index.ts';

const t = useTestApp();

type CaseBody = {
  id: string;
  reference: string;
  version: number;
  trackingUrl?: string;
  reopenRequestedAt: string | null;
  abilities: Record<string, unknown>;
  clock: { suspended: unknown };
};

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let org: TestOrg;
let agent: Session;
let worker: Session;
let resident: { id: string };
const EMAIL = 'Marie.Jansen@Example.nl';

const post = (url: string, payload: object, s = worker) =>
  t.app.inject({ method: 'POST', url, headers: s.headers, payload });
const read = async (id: string): Promise<CaseBody> =>
  (await t.app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: worker.headers })).json();
async function act(c: CaseBody, action: string, body: object) {
  const res = await post(`/api/cases/${c.id}/${action}`, { ...body, version: (await read(c.id)).version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CaseBody>();
}

/** A resident of their own (each test counts its own code requests per address). */
async function newResident(email: string) {
  return (await post('/api/customers', { kind: 'resident', name: 'Marie Jansen', email }, agent)).json<{
    id: string;
  }>();
}

/** A case opened at the desk; its link read from the confirmation the person received, as they would. */
async function intake(over: object = {}): Promise<CaseBody & { trackingUrl: string }> {
  const res = await post(
    '/api/cases',
    {
      itemCode: 'lamp-kapot',
      description: 'Lamp voor nummer 12 is uit',
      location: { description: 'Dorpsstraat 12' },
      customerId: resident.id,
      ...over,
    },
    agent,
  );
  expect(res.statusCode, res.body).toBe(201);
  const c = res.json<CaseBody>();
  const [first] = await mails(c.id);
  const link = /(?:Bekijk de stand van zaken|See where things stand): (\S+)/.exec(first?.body ?? '')?.[1];
  return { ...c, trackingUrl: link! };
}

/** The path of a tracking link (the app is asked by path; the link starts at PUBLIC_URL). */
const pathOf = (url: string) => new URL(url).pathname;
const page = (url: string) => t.app.inject({ method: 'GET', url });
const form = (url: string, fields: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
const multipart = (url: string, body: string, files: { name: string; data: Buffer }[] = []) =>
  postMultipart(
    t.app,
    url,
    [['body', body]],
    files.map((f) => ({ name: 'files', fileName: f.name, data: f.data })),
  );
const mails = (caseId: string) =>
  t.database.db
    .select()
    .from(notification)
    .where(and(eq(notification.caseId, caseId), eq(notification.audience, 'person')))
    .orderBy(notification.createdAt);
const caseRow = async (id: string) =>
  (await t.database.db.select().from(caseFile).where(eq(caseFile.id, id)))[0]!;

beforeAll(async () => {
  org = await makeOrg(t.database);
  await publishContent(t.database.db, org.id, { items: [itemDef('lamp-kapot')] });
  [agent, worker] = await Promise.all([signIn(t.app, org.users.agent), signIn(t.app, org.users.backoffice)]);
  resident = (
    await post('/api/customers', { kind: 'resident', name: 'Marie Jansen', email: EMAIL }, agent)
  ).json();
});

describe('the private link', () => {
  it('is made at intake: ≥128-bit, not the reference, only its hash stored; the page shows the public status', async () => {
    const c = await intake();
    // Every channel's intake answers with the link (the portal's confirmation page shows it).
    const direct = await intakeCase(t.database.db, systemCtx(org.id), {
      itemCode: 'lamp-kapot',
      description: 'Lamp kapot',
      location: { description: 'Dorpsstraat 1' },
      answers: {},
      channel: 'web',
      priority: 'normal',
    });
    expect(direct.trackingUrl).toBe(
      `http://localhost:3000/p/${org.slug}/zaak/${trackingToken(org.id, direct.row.c.id)}`,
    );
    expect(c.trackingUrl).toMatch(new RegExp(`^http://localhost:\\d+/p/${org.slug}/zaak/[A-Za-z0-9_-]{32}$`));
    const token = c.trackingUrl.split('/').pop()!;
    expect(token).not.toContain(c.reference);
    const row = await caseRow(c.id);
    expect(row.trackingHash).toBe(trackingHash(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const res = await page(pathOf(c.trackingUrl));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).not.toContain('<script');
    expect(res.body).toContain(c.reference);
    expect(res.body).toContain('We hebben uw melding ontvangen.');
    expect(res.body).toContain('U kunt het resultaat uiterlijk');
    const en = await page(`${pathOf(c.trackingUrl)}?lang=en`);
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('You can expect the result by');
    // The header links the same page in the other language, named in that language (and nowhere else).
    const path = pathOf(c.trackingUrl);
    const toDutch = `href="${path}" hrefLang="nl" lang="nl">Nederlands</a>`;
    expect(en.body).toContain(`vd-header__language" ${toDutch}`);
    expect(en.body.split(toDutch)).toHaveLength(2);
    expect(res.body).toContain(`href="${path}?lang=en" hrefLang="en" lang="en">English</a>`);
  });

  it('a wrong, malformed or other organisation’s token answers a clear 404 page that reveals nothing', async () => {
    const c = await intake();
    const token = c.trackingUrl.split('/').pop()!;
    const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const url of [
      `/p/${org.slug}/zaak/${wrong}`,
      `/p/${org.slug}/zaak/${c.reference}`,
      `/p/${org.slug}/zaak/${c.id}`,
      `/p/onbekende-gemeente/zaak/${token}`,
    ]) {
      const res = await page(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('Deze link werkt niet');
      expect(res.body).not.toContain(c.reference);
    }
    const other = await makeOrg(t.database, 'Andere gemeente');
    expect((await page(`/p/${other.slug}/zaak/${token}`)).statusCode).toBe(404);
    const en = await page(`/p/${org.slug}/zaak/${wrong}?lang=en`);
    expect(en.body).toContain('This link does not work');
  });
});

describe('what the page shows', () => {
  it('only public statuses, public messages and dates: never internal notes, staff names or internal statuses', async () => {
    const c = await intake();
    await post(`/api/cases/${c.id}/notes`, { body: 'Geheime interne notitie over de buurman' });
    await act(c, 'transitions', { to: 'in_behandeling', notify: false });
    await post(`/api/cases/${c.id}/messages`, { direction: 'out', body: 'We komen dinsdag kijken.' });
    await act(c, 'extend', {
      extension: { amount: 5, unit: 'working_days' },
      reason: 'Er is een onderdeel besteld.',
    });
    const res = await page(pathOf(c.trackingUrl));
    expect(res.body).toContain('We komen dinsdag kijken.');
    expect(res.body).toContain('Er is een onderdeel besteld.');
    expect(res.body).toContain('Ontvangen');
    for (const secret of [
      'Geheime interne notitie',
      'In behandeling',
      'in_behandeling',
      `backoffice ${org.slug}`,
    ])
      expect(res.body, secret).not.toContain(secret);
  });

  it('says honestly when the promised date was missed', async () => {
    const c = await intake();
    await t.database.db
      .update(caseFile)
      .set({ dueAt: new Date(Date.now() - 86_400_000) })
      .where(eq(caseFile.id, c.id));
    expect((await page(pathOf(c.trackingUrl))).body).toContain(
      'Het is ons niet gelukt om dit op tijd af te ronden',
    );
  });
});

describe('answering a question', () => {
  it('a reply with a photo is a case event, stores the file and resumes the clock (Post/Redirect/Get)', async () => {
    const c = await intake();
    await act(c, 'transitions', { to: 'in_behandeling', notify: false });
    await act(c, 'suspend', { reason: 'Wacht op foto', message: 'Kunt u een foto van de lamp sturen?' });
    const url = pathOf(c.trackingUrl);
    const before = await page(url);
    expect(before.body).toContain('Kunt u een foto van de lamp sturen?');
    expect(before.body).toContain('action="');
    expect(before.body).toContain('/antwoord"');
    const res = await multipart(`${url}/antwoord`, 'Hierbij de foto.', [{ name: 'lamp.png', data: png }]);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`${url}?klaar=antwoord`);
    const after = await read(c.id);
    expect(after.clock.suspended).toBeNull();
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/cases/${c.id}`, headers: worker.headers })
    ).json<{
      timeline: { kind: string; body: string }[];
      attachments: { contentType: string }[];
    }>();
    expect(detail.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['message_in', 'resumed']));
    expect(detail.attachments).toEqual([expect.objectContaining({ contentType: 'image/png' })]);
    const shown = await page(`${url}?klaar=antwoord`);
    expect(shown.body).toContain('We hebben uw antwoord ontvangen');
    expect(shown.body).toContain('Hierbij de foto.');
    expect(shown.body).not.toContain('/antwoord"');
  });

  it('in a status that stops the clock, the reply moves the case on; a disguised file is refused and nothing is stored', async () => {
    const c = await intake();
    await act(c, 'transitions', { to: 'in_behandeling', notify: false });
    await act(c, 'transitions', { to: 'wacht_op_melder', notify: false });
    const url = pathOf(c.trackingUrl);
    const bad = await multipart(`${url}/antwoord`, 'Zie bijlage', [
      { name: 'foto.png', data: Buffer.from('<html>not a picture</html>') },
    ]);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Dit bestand kunnen we niet gebruiken');
    expect(bad.body).toContain('href="#files"');
    expect((await caseRow(c.id)).status).toBe('wacht_op_melder');
    const empty = await multipart(`${url}/antwoord`, '   ');
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Schrijf uw antwoord');
    const ok = await multipart(`${url}/antwoord`, 'De lamp staat bij nummer 14.');
    expect(ok.statusCode).toBe(303);
    const row = await caseRow(c.id);
    expect(row.status).toBe('in_behandeling');
    expect(row.suspendedSince).toBeNull();
  });

  it('a reply when nothing is asked, or to a closed case, gets a clear error on the page', async () => {
    const c = await intake();
    const url = pathOf(c.trackingUrl);
    const idle = await multipart(`${url}/antwoord`, 'Hallo?');
    expect(idle.statusCode).toBe(409);
    expect(idle.body).toContain('We wachten nu niet op een antwoord van u');
    await act(c, 'transitions', { to: 'in_behandeling', notify: false });
    await act(c, 'transitions', { to: 'afgehandeld', notify: true });
    const closed = await multipart(`${url}/antwoord`, 'Nog een vraag');
    expect(closed.statusCode).toBe(409);
    expect(closed.body).toContain('Uw zaak is al afgerond');
    const events = (await read(c.id)) as unknown as { timeline: { kind: string }[] };
    expect(events.timeline.filter((e) => e.kind === 'message_in')).toEqual([]);
  });
});

describe('“this is not solved”', () => {
  it('flags the case for staff once; staff refuse with a reason the person is told, by email with the link and on the page', async () => {
    const c = await intake();
    const url = pathOf(c.trackingUrl);
    expect((await page(url)).body).not.toContain('/niet-opgelost"');
    const early = await form(`${url}/niet-opgelost`, { reason: 'Nog kapot' });
    expect(early.statusCode).toBe(409);
    await act(c, 'transitions', { to: 'in_behandeling', notify: false });
    await act(c, 'transitions', { to: 'afgehandeld', notify: true });
    expect((await page(url)).body).toContain('/niet-opgelost"');
    const asked = await form(`${url}/niet-opgelost`, { reason: 'De lamp is nog steeds uit.' });
    expect(asked.statusCode, asked.body).toBe(303);
    expect(asked.headers.location).toBe(`${url}?klaar=niet-opgelost`);
    const flagged = await read(c.id);
    expect(flagged.reopenRequestedAt).not.toBeNull();
    expect(flagged.abilities.refuseReopen).toBe(true);
    expect(flagged.abilities.reopen).toBe(true);
    const again = await form(`${url}/niet-opgelost`, { reason: 'Echt!' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('U heeft al gevraagd');
    const audit = await t.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, c.id), eq(auditEvent.action, 'reopen_requested')));
    expect(audit).toHaveLength(1);

    const refused = await act(c, 'reopen-refusal', {
      reason: 'De lamp is vervangen; de storing zit in het net van de netbeheerder.',
    });
    expect(refused.reopenRequestedAt).toBeNull();
    expect(refused.abilities.refuseReopen).toBe(false);
    const last = (await mails(c.id)).at(-1)!;
    expect(last.body).toContain('netbeheerder');
    expect(last.body).toContain(c.trackingUrl);
    const shown = await page(url);
    expect(shown.body).toContain('netbeheerder');
    expect(shown.body).not.toContain('/niet-opgelost"');
    // Refusing again has nothing to refuse.
    const twice = await post(`/api/cases/${c.id}/reopen-refusal`, { reason: 'x', version: refused.version });
    expect(twice.statusCode).toBe(422);
  });
});

describe('every message to the person carries the link', () => {
  it('by email for every kind of message, and in a letter; an own template without it gets the line added', async () => {
    const c = await intake();
    await act(c, 'transitions', { to: 'in_behandeling', notify: true, message: 'We zijn begonnen.' });
    await act(c, 'suspend', { reason: 'Vraag', message: 'Welke paal is het?' });
    await act(c, 'resume', {});
    await post(`/api/cases/${c.id}/messages`, { direction: 'out', body: 'Eigen bericht' });
    await act(c, 'extend', { extension: { amount: 2, unit: 'working_days' }, reason: 'Onderdeel' });
    await act(c, 'transitions', { to: 'afgehandeld', notify: true });
    const sent = await mails(c.id);
    // received, suspended (the question), message, extended, closing
    expect(sent.length).toBeGreaterThanOrEqual(5);
    for (const m of sent) {
      expect(m.body, m.kind).toContain(`Bekijk de stand van zaken: ${c.trackingUrl}`);
    }

    // A person without email gets letters: the link is printed in them too.
    const byPost = (
      await post(
        '/api/customers',
        {
          kind: 'resident',
          name: 'Piet Brief',
          address: { street: 'Dorpsstraat', houseNumber: 3, postcode: '1234AB', city: 'Voorbeeld' },
        },
        agent,
      )
    ).json<{ id: string }>();
    const l = await intake({ customerId: byPost.id, language: 'en' });
    const letters = await mails(l.id);
    expect(letters.map((m) => m.channel)).toEqual(['post']);
    expect(letters[0]!.body).toContain(`See where things stand: ${l.trackingUrl}`);

    // The organisation's own text without {{trackingLink}}: the line is added.
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/message-templates/message',
      headers: (await signIn(t.app, org.users.admin)).headers,
      payload: {
        name: 'Bericht',
        subject: { nl: 'Bericht {{reference}}', en: 'Message {{reference}}' },
        body: { nl: 'Beste {{name}},\n\n{{message}}', en: 'Dear {{name}},\n\n{{message}}' },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await post(`/api/cases/${c.id}/messages`, { direction: 'out', body: 'Nog iets' });
    expect((await mails(c.id)).at(-1)!.body).toContain(`Bekijk de stand van zaken: ${c.trackingUrl}`);
  });
});

describe('access by reference, email address and a one-time code', () => {
  async function askCode(reference: string, email: string, ip = '10.0.0.1') {
    return t.app.inject({
      method: 'POST',
      url: `/p/${org.slug}/zaak`,
      remoteAddress: ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ reference, email }).toString(),
    });
  }
  const codeOf = async (caseId: string) => {
    const m = (await mails(caseId)).filter((x) => x.kind === 'tracking_code').at(-1)!;
    return /:\n\n(\d{6})\n/.exec(m.body)![1]!;
  };

  it('the right code opens the case page once; the mail holds the code, the database only its hash', async () => {
    const c = await intake({ customerId: (await newResident('Marie.Jansen@Example.nl')).id });
    expect((await page(`/p/${org.slug}/zaak`)).body).toContain('Stuur mij een code');
    const res = await askCode(c.reference.toLowerCase(), '  marie.jansen@example.NL ', '10.0.1.1');
    expect(res.statusCode, res.body).toBe(303);
    const codeUrl = res.headers.location as string;
    expect(codeUrl).toMatch(new RegExp(`^/p/${org.slug}/zaak/code/[0-9a-f-]{36}$`));
    expect((await page(codeUrl)).body).toContain('Vul uw code in');
    const code = await codeOf(c.id);
    const [row] = await t.database.db.select().from(trackingCode).where(eq(trackingCode.caseId, c.id));
    expect(JSON.stringify(row)).not.toContain(code);
    expect(JSON.stringify(row)).not.toContain('marie');
    const ok = await form(codeUrl, { code });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(pathOf(c.trackingUrl));
    const reused = await form(codeUrl, { code });
    expect(reused.statusCode).toBe(410);
  });

  it('wrong codes count down; after 5 the code is spent; after 15 minutes it has expired', async () => {
    const c = await intake({ customerId: (await newResident('codes@example.nl')).id });
    const codeUrl = (await askCode(c.reference, 'codes@example.nl', '10.0.2.1')).headers.location as string;
    const code = await codeOf(c.id);
    const wrong = code === '000000' ? '111111' : '000000';
    const first = await form(codeUrl, { code: wrong });
    expect(first.statusCode).toBe(422);
    expect(first.body).toContain('nog 4 keer');
    expect((await form(codeUrl, { code: '12' })).body).toContain('Vul de 6 cijfers');
    for (let i = 0; i < 3; i++) await form(codeUrl, { code: wrong });
    const spent = await form(codeUrl, { code: wrong });
    expect(spent.statusCode).toBe(410);
    expect((await form(codeUrl, { code })).statusCode).toBe(410);

    const second = (await askCode(c.reference, 'codes@example.nl', '10.0.2.2')).headers.location as string;
    await t.database.db
      .update(trackingCode)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(trackingCode.id, second.split('/').pop()!));
    const expired = await form(second, { code: await codeOf(c.id) });
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('De code is verlopen');
  });

  it('answers the same whether or not reference and address match (no enumeration), and sends nothing then', async () => {
    const c = await intake({ customerId: (await newResident('enum@example.nl')).id });
    const before = (await mails(c.id)).length;
    const wrongEmail = await askCode(c.reference, 'iemand.anders@example.nl', '10.0.3.1');
    const unknownRef = await askCode('ZK-1999-999999', 'enum@example.nl', '10.0.3.2');
    for (const res of [wrongEmail, unknownRef]) {
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toMatch(new RegExp(`^/p/${org.slug}/zaak/code/[0-9a-f-]{36}$`));
      const codePage = await page(res.headers.location as string);
      expect(codePage.statusCode).toBe(200);
      expect(codePage.body).toContain('Als het kenmerk en het e-mailadres bij elkaar horen');
      expect((await form(res.headers.location as string, { code: '123456' })).statusCode).toBe(422);
    }
    expect((await mails(c.id)).length).toBe(before);
    const missing = await askCode('', 'geen-adres', '10.0.3.3');
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('href="#reference"');
    expect(missing.body).toContain('href="#email"');
  });

  it('limits requests per email address and per IP address (counted in the database)', async () => {
    const c = await intake({ customerId: (await newResident('limits@example.nl')).id });
    for (let i = 0; i < 3; i++)
      expect((await askCode(c.reference, 'limits@example.nl', `10.0.4.${i}`)).statusCode).toBe(303);
    const limited = await askCode(c.reference, 'limits@example.nl', '10.0.4.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('te vaak een code gevraagd');
    for (let i = 0; i < 20; i++) await askCode(c.reference, `x${i}@example.nl`, '10.0.5.1');
    expect((await askCode(c.reference, 'nieuw@example.nl', '10.0.5.1')).statusCode).toBe(429);
  });
});
