/**
 * The resident portal's API: an item's public page (what you may expect, the action, the form token), the public
 * search that never shows internal items or articles, the report through the one intake with channel web (the
 * customer found or created as at the desk; email, phone or letter), uploads sniffed by content, the abuse
 * protection (honeypot, time trap, limits per IP and email address in the database), "you may also need…" the
 * same for desk and web, and bad input that stores nothing.
 */
import {
  auditEvent,
  caseAttachment,
  caseFile,
  customer,
  notification,
  portalThrottle,
  portalUpload,
} from '@voordeur/db';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../platform/actor.ts';
import { articleDef, complaintItemDef, itemDef, publishContent } from '../../test/catalogue-fixtures.ts';
import {
  expectProblem,
  makeOrg,
  type Session,
  signIn,
  type TestOrg,
  useTestApp,
} from '../../test/harness.ts';
import { intakeCase } from '../cases/index.ts';
import { createCustomer } from '../customers/index.ts';
import { formToken } from './portal.service.ts';

const t = useTestApp({
  PORTAL_MIN_FILL_SECONDS: '3',
  PORTAL_POSTS_PER_IP_PER_HOUR: '6',
  PORTAL_REPORTS_PER_EMAIL_PER_DAY: '3',
});
let org: TestOrg;
let other: TestOrg;
let agent: Session;

const lampFields = [
  { key: 'locatie', label: { nl: 'Waar is het?' }, type: 'location' as const, required: true },
  {
    key: 'probleem',
    label: { nl: 'Wat is er aan de hand?' },
    type: 'choice' as const,
    required: true,
    options: [
      { value: 'brandt_niet', label: { nl: 'De lamp brandt niet' } },
      { value: 'knippert', label: { nl: 'De lamp knippert' } },
    ],
  },
  { key: 'paalnummer', label: { nl: 'Nummer op de paal' }, type: 'number' as const },
  { key: 'sinds', label: { nl: 'Sinds wanneer?' }, type: 'date' as const },
  { key: 'gevaarlijk', label: { nl: 'Is het gevaarlijk?' }, type: 'yes_no' as const },
  { key: 'email', label: { nl: 'Uw e-mailadres' }, type: 'text' as const, prefill: 'email' as const },
  { key: 'foto', label: { nl: 'Foto' }, type: 'attachment' as const },
];

let ips = 0;
/** Each test sends from its own address, so only the limit tests meet the per-IP limit. */
const nextIp = () => `10.0.${Math.floor(++ips / 250)}.${ips % 250}`;

beforeAll(async () => {
  org = await makeOrg(t.database);
  other = await makeOrg(t.database);
  await publishContent(t.database.db, org.id, {
    items: [
      itemDef('lamp', {
        name: { nl: 'Lantaarnpaal kapot', en: 'Broken street light' },
        synonyms: ['lantaarnpaal kapot'],
        intakeFields: lampFields,
        related: ['gat', 'intern'],
        conditions: { nl: 'Alleen in de openbare ruimte.' },
      }),
      itemDef('gat', { name: { nl: 'Gat in de weg' } }),
      itemDef('paspoort', { kind: 'request', channels: ['desk'], name: { nl: 'Paspoort' } }),
      itemDef('intern', { audience: 'internal', name: { nl: 'Interne storing lantaarnpaal' } }),
      itemDef('bord', { name: { nl: 'Verkeersbord kapot' } }),
      complaintItemDef('klacht', {
        channels: ['web', 'letter'],
        intakeFields: [
          { key: 'wat', label: { nl: 'Wat is er gebeurd?' }, type: 'long_text', required: true },
        ],
      }),
    ],
    articles: [
      articleDef('lamp-uitleg', {
        items: ['lamp'],
        question: { nl: 'Wanneer wordt een lantaarnpaal gemaakt?' },
      }),
      articleDef('lamp-intern', {
        items: ['lamp'],
        audience: 'internal',
        question: { nl: 'Werkinstructie lantaarnpaal' },
      }),
    ],
  });
  await publishContent(t.database.db, other.id, { items: [itemDef('lamp')] });
  agent = await signIn(t.app, org.users.agent);
});

const itemUrl = (code: string, slug = org.slug) => `/api/portal/${slug}/items/${code}`;
const page = async (code: string) => {
  const res = await t.app.inject({ url: itemUrl(code) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
/** A form token handed out ten seconds ago: a person's pace. */
const token = (code: string, organisationId = org.id) =>
  formToken(organisationId, code, new Date(Date.now() - 10_000));

let people = 0;
function report(over: Record<string, unknown> = {}) {
  people++;
  return {
    itemCode: 'lamp',
    answers: { probleem: 'brandt_niet', paalnummer: 42 },
    location: { description: 'Postcode 1234 AB, huisnummer 12' },
    contact: { name: `Inwoner ${people}`, reach: 'email', email: `inwoner-${people}@example.nl` },
    formToken: token('lamp'),
    ...over,
  };
}
const post = (payload: object, ip = nextIp(), slug = org.slug) =>
  t.app.inject({ method: 'POST', url: `/api/portal/${slug}/reports`, payload, remoteAddress: ip });

const casesOf = async (organisationId = org.id) =>
  (
    await t.database.db
      .select({ n: count() })
      .from(caseFile)
      .where(eq(caseFile.organisationId, organisationId))
  )[0]!.n;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
function multipart(data: Buffer, fileName = 'foto.png') {
  return {
    headers: { 'content-type': 'multipart/form-data; boundary=b' },
    payload: Buffer.concat([
      Buffer.from(`--b\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n\r\n`),
      data,
      Buffer.from('\r\n--b--\r\n'),
    ]),
  };
}
const uploadFile = (data: Buffer, fileName?: string, slug = org.slug) =>
  t.app.inject({
    method: 'POST',
    url: `/api/portal/${slug}/uploads`,
    remoteAddress: nextIp(),
    ...multipart(data, fileName),
  });

describe('the public page of an item', () => {
  it('says what to expect and offers the form when the item has the web channel', async () => {
    const lamp = await page('lamp');
    expect(lamp).toMatchObject({
      code: 'lamp',
      kind: 'report',
      name: { nl: 'Lantaarnpaal kapot', en: 'Broken street light' },
      conditions: { nl: 'Alleen in de openbare ruimte.' },
      serviceNorm: { amount: 5, unit: 'working_days' },
      action: 'online',
    });
    expect(lamp.expectedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(lamp.intakeFields.map((f: { key: string }) => f.key)).toEqual(lampFields.map((f) => f.key));
    // Only public articles; related: the items it names that are public and published, in its order.
    expect(lamp.articles.map((a: { code: string }) => a.code)).toEqual(['lamp-uitleg']);
    expect(lamp.related).toEqual([expect.objectContaining({ code: 'gat', reason: 'link' })]);
    expect(lamp.formToken).toMatch(/^\d+\.[\w-]+$/);
    // Nothing internal leaves: no team, no internal target, no workflow.
    expect(JSON.stringify(lamp)).not.toMatch(/Openbare ruimte|internalTarget|ontvangen/);
  });

  it('without the web channel it says how to reach the organisation instead, without a form', async () => {
    const passport = await page('paspoort');
    expect(passport).toMatchObject({ action: 'elsewhere', channels: ['desk'], intakeFields: [] });
  });

  it('is not found for internal, unknown or another organisation’s items, and for an unknown organisation', async () => {
    for (const url of [itemUrl('intern'), itemUrl('bestaat-niet'), itemUrl('lamp', 'geen-gemeente')])
      expectProblem(await t.app.inject({ url }), 404, 'not_found');
  });

  it('the home lists the most asked public services by kind', async () => {
    const res = await t.app.inject({ url: `/api/portal/${org.slug}/home` });
    expect(res.statusCode, res.body).toBe(200);
    const kinds = res.json().popular.map((g: { kind: string }) => g.kind);
    expect(kinds).toContain('report');
    expect(JSON.stringify(res.json())).not.toContain('intern');
  });
});

describe('the public search', () => {
  it('finds public items and articles, never internal ones', async () => {
    const res = await t.app.inject({
      url: `/api/public/organisations/${org.slug}/search?q=${encodeURIComponent('lantaarnpaal kapot')}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const codes = res.json().hits.map((h: { code: string }) => h.code);
    expect(codes[0]).toBe('lamp');
    expect(codes).not.toContain('intern');
    expect(codes).not.toContain('lamp-intern');
  });
});

describe('a report from the portal', () => {
  it('opens a case through the one intake with channel web, for a new customer, and confirms it by email', async () => {
    const body = report();
    const res = await post(body);
    expect(res.statusCode, res.body).toBe(201);
    const result = res.json();
    expect(result).toMatchObject({ reach: 'email', confirmationSent: true, attachments: 0 });
    expect(result.reference).toMatch(/-\d{4}-\d{6}$/);
    const [c] = await t.database.db
      .select()
      .from(caseFile)
      .where(and(eq(caseFile.organisationId, org.id), eq(caseFile.reference, result.reference)));
    expect(c).toMatchObject({ channel: 'web', kind: 'report', status: 'ontvangen' });
    // The email field of the form is answered from the contact details ("ask once").
    expect(c!.answers).toEqual({ probleem: 'brandt_niet', paalnummer: 42, email: body.contact.email });
    expect(result.expectedDate).toBe(c!.dueAt.toISOString().slice(0, 10));
    const [person] = await t.database.db.select().from(customer).where(eq(customer.id, c!.customerId!));
    expect(person).toMatchObject({ email: body.contact.email, preferredChannel: 'email' });
    const mails = await t.database.db
      .select()
      .from(notification)
      .where(and(eq(notification.organisationId, org.id), eq(notification.caseId, c!.id)));
    expect(mails).toEqual([expect.objectContaining({ channel: 'email', recipient: body.contact.email })]);
    // The confirmation page links to the case's own page, the same link as in the email.
    expect(result.trackingUrl).toMatch(new RegExp(`/p/${org.slug}/zaak/[A-Za-z0-9_-]{22,}$`));
    expect(mails[0]!.body).toContain(result.trackingUrl);
    const page = await t.app.inject({ url: new URL(result.trackingUrl).pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(result.reference);
    const audit = await t.database.db
      .select({ action: auditEvent.action, entityType: auditEvent.entityType, actor: auditEvent.actorLabel })
      .from(auditEvent)
      .where(and(eq(auditEvent.organisationId, org.id), eq(auditEvent.entityId, c!.id)));
    expect(audit).toEqual([{ action: 'created', entityType: 'case', actor: 'Website (inwoner)' }]);

    // The same person reporting again is the same customer, as the desk would find them.
    const again = await post({ ...report(), contact: body.contact });
    expect(again.statusCode, again.body).toBe(201);
    const [second] = await t.database.db
      .select()
      .from(caseFile)
      .where(and(eq(caseFile.organisationId, org.id), eq(caseFile.reference, again.json().reference)));
    expect(second!.customerId).toBe(c!.customerId);
  });

  it('by post: a customer with the postal address, and the confirmation as a letter', async () => {
    const res = await post(
      report({
        contact: {
          name: 'Per Post',
          reach: 'post',
          address: { street: 'Dorpsstraat', houseNumber: 3, postcode: '1234 AB', city: 'Voorbeeld' },
        },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ reach: 'post', confirmationSent: true });
    const [letter] = await t.database.db
      .select()
      .from(notification)
      .innerJoin(caseFile, eq(caseFile.id, notification.caseId))
      .where(and(eq(notification.organisationId, org.id), eq(caseFile.reference, res.json().reference)));
    expect(letter!.notification.channel).toBe('post');
  });

  it('by phone: no confirmation is promised', async () => {
    const res = await post(report({ contact: { name: 'Bel Mij', reach: 'phone', phone: '06 12345678' } }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ reach: 'phone', confirmationSent: false });
  });

  it('a complaint with the web channel is taken as well', async () => {
    const res = await post(
      report({ itemCode: 'klacht', answers: { wat: 'Niet teruggebeld.' }, formToken: token('klacht') }),
    );
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('bad input stores nothing', () => {
  it('refuses required answers missing and answers of the wrong type, naming each field', async () => {
    const before = await casesOf();
    const res = await post(
      report({
        answers: { paalnummer: 'twaalf', sinds: '31-12-2026', gevaarlijk: 'ja', onbekend: 'x' },
        location: undefined,
      }),
    );
    const problem = expectProblem(res, 400, 'validation_failed');
    expect(problem.errors!.map((e) => e.field).sort()).toEqual(
      [
        'answers.gevaarlijk',
        'answers.locatie',
        'answers.onbekend',
        'answers.paalnummer',
        'answers.probleem',
        'answers.sinds',
      ].sort(),
    );
    expect(await casesOf()).toBe(before);
  });

  it('refuses contact details that do not fit how the person wants to hear back', async () => {
    const res = await post(report({ contact: { name: 'Zonder Mail', reach: 'email' } }));
    expect(expectProblem(res, 400, 'validation_failed').errors!.map((e) => e.field)).toContain(
      'contact.email',
    );
  });

  it('answers 404 for an unknown item and 422 for one without the web channel', async () => {
    expectProblem(
      await post(report({ itemCode: 'bestaat-niet', formToken: token('bestaat-niet') })),
      404,
      'not_found',
    );
    expectProblem(await post(report({ itemCode: 'intern', formToken: token('intern') })), 404, 'not_found');
    expectProblem(
      await post(report({ itemCode: 'paspoort', formToken: token('paspoort') })),
      422,
      'not_online',
    );
  });

  it('refuses a filled honeypot, a form sent back too fast, an old or changed token', async () => {
    const before = await casesOf();
    expectProblem(await post(report({ website: 'http://spam.example' })), 400, 'form_rejected');
    const fresh = (await page('lamp')).formToken;
    expectProblem(await post(report({ formToken: fresh })), 400, 'form_too_fast');
    const old = formToken(org.id, 'lamp', new Date(Date.now() - 2 * 24 * 3600_000));
    expectProblem(await post(report({ formToken: old })), 400, 'form_expired');
    expectProblem(await post(report({ formToken: `${token('lamp')}x` })), 400, 'form_expired');
    // A token for another item or another organisation is not this form's.
    expectProblem(await post(report({ formToken: token('gat') })), 400, 'form_expired');
    expectProblem(await post(report({ formToken: token('lamp', other.id) })), 400, 'form_expired');
    expect(await casesOf()).toBe(before);
  });

  it('limits reports per IP address and per email address, counted in the database', async () => {
    const ip = nextIp();
    for (let i = 0; i < 6; i++) expect((await post(report({ website: 'x' }), ip)).statusCode).toBe(400);
    const limited = expectProblem(await post(report(), ip), 429, 'too_many_reports');
    expect(limited.errors![0]!.field).toBe('ip');
    const contact = { name: 'Veel Melder', reach: 'email', email: 'veel@example.nl' };
    for (let i = 0; i < 3; i++) expect((await post(report({ contact }))).statusCode).toBe(201);
    const byEmail = await post(report({ contact: { ...contact, email: 'VEEL@example.nl' } }));
    expect(expectProblem(byEmail, 429, 'too_many_reports').errors![0]!.field).toBe('contact.email');
    expect(byEmail.headers['retry-after']).toBeDefined();
    const rows = await t.database.db
      .select()
      .from(portalThrottle)
      .where(eq(portalThrottle.organisationId, org.id));
    // Only hashes: no address in the table.
    expect(JSON.stringify(rows)).not.toMatch(/veel@|10\.0\./);
  });
});

describe('attachments', () => {
  it('uploads a photo and attaches it to the case; an upload is used once', async () => {
    const up = await uploadFile(PNG, '../../etc/foto.png');
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ fileName: 'foto.png', contentType: 'image/png', size: PNG.length });
    const uploads = [{ field: 'foto', id: up.json().id }];
    const res = await post(report({ uploads }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().attachments).toBe(1);
    const [c] = await t.database.db
      .select()
      .from(caseFile)
      .where(eq(caseFile.reference, res.json().reference));
    const files = await t.database.db
      .select()
      .from(caseAttachment)
      .where(and(eq(caseAttachment.organisationId, org.id), eq(caseAttachment.caseId, c!.id)));
    expect(files).toEqual([expect.objectContaining({ fileName: 'foto.png', contentType: 'image/png' })]);

    const before = await casesOf();
    const reused = await post(report({ uploads }));
    expect(expectProblem(reused, 422, 'upload_unknown').errors![0]!.field).toBe('uploads.0.id');
    expect(await casesOf()).toBe(before);
  });

  it('an upload of another organisation, or for a field that is no attachment field, is refused', async () => {
    const theirs = await uploadFile(PNG, 'foto.png', other.slug);
    expect(theirs.statusCode).toBe(201);
    const before = await casesOf();
    expectProblem(
      await post(report({ uploads: [{ field: 'foto', id: theirs.json().id }] })),
      422,
      'upload_unknown',
    );
    const mine = await uploadFile(PNG);
    const wrongField = await post(report({ uploads: [{ field: 'probleem', id: mine.json().id }] }));
    expect(expectProblem(wrongField, 400, 'validation_failed').errors![0]!.field).toBe('uploads.0.field');
    expect(await casesOf()).toBe(before);
  });

  it('refuses a disguised file and an oversized one', async () => {
    const before = (await t.database.db.select({ n: count() }).from(portalUpload))[0]!.n;
    expectProblem(
      await uploadFile(Buffer.from('<script>alert(1)</script>'), 'foto.png'),
      422,
      'attachment_rejected',
    );
    expectProblem(await uploadFile(Buffer.alloc(0)), 422, 'attachment_rejected');
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
    const res = await uploadFile(big);
    expect([413]).toContain(res.statusCode);
    expect((await t.database.db.select({ n: count() }).from(portalUpload))[0]!.n).toBe(before);
  });
});

describe('you may also need…', () => {
  it('adds what people asked next, the same for the agent and the resident', async () => {
    const ctx = systemCtx(org.id);
    // Two people reported a street light and, a few days later, a traffic sign.
    for (const n of [1, 2]) {
      const { row } = await createCustomer(t.database.db, ctx, { kind: 'resident', name: `Volger ${n}` });
      const at = new Date(Date.now() - 10 * 24 * 3600_000);
      await intakeCase(t.database.db, ctx, {
        itemCode: 'lamp',
        description: 'Lamp uit',
        answers: { probleem: 'knippert' },
        location: { description: 'Dorpsstraat' },
        priority: 'normal',
        customerId: row.id,
        channel: 'phone',
        receivedAt: at,
      });
      await intakeCase(t.database.db, ctx, {
        itemCode: n === 1 ? 'bord' : 'intern',
        description: 'Bord scheef',
        answers: {},
        location: { description: 'Dorpsstraat' },
        priority: 'normal',
        customerId: row.id,
        channel: 'phone',
        receivedAt: new Date(at.getTime() + 3 * 24 * 3600_000),
      });
    }
    const web = (await page('lamp')).related;
    expect(web.map((r: { code: string; reason: string }) => [r.code, r.reason])).toEqual([
      ['gat', 'link'],
      ['bord', 'next'],
    ]);
    const desk = await t.app.inject({ url: '/api/related/lamp', headers: agent.headers });
    expect(desk.statusCode, desk.body).toBe(200);
    // Staff also see the internal item, named by the link and asked next.
    expect(desk.json().related.map((r: { code: string }) => r.code)).toEqual(['gat', 'intern', 'bord']);
    expectProblem(await t.app.inject({ url: '/api/related/lamp' }), 401, 'unauthenticated');
    expectProblem(
      await t.app.inject({ url: '/api/related/onbekend', headers: agent.headers }),
      404,
      'not_found',
    );
  });
});
