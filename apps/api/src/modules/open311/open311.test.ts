import { address, auditEvent, caseFile, customer, open311Client, open311Request } from '@voordeur/db';
import { and, count, eq } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { itemDef, publishContent } from '../../test/catalogue-fixtures.ts';
import {
  expectProblem,
  makeOrg,
  type Session,
  signIn,
  type TestOrg,
  testApp,
  useTestApp,
} from '../../test/harness.ts';

const t = useTestApp();

/** Lists in GeoReport's XML, by their path: everything else is one element. */
const LISTS = new Set([
  'services.service',
  'service_definition.attributes.attribute',
  'service_definition.attributes.attribute.values.value',
  'service_requests.request',
  'errors.error',
  'discovery.endpoints.endpoint',
  'discovery.endpoints.endpoint.formats.format',
]);
const parser = new XMLParser({ isArray: (_name, path) => LISTS.has(String(path)), parseTagValue: false });
const parseXml = (body: string) => parser.parse(body) as Record<string, unknown>;

/** The JSON of a response as its XML reads back: every value a string, null an empty string. */
const asXmlText = (value: unknown): unknown => {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(asXmlText);
  if (typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asXmlText(v)]));
  return String(value);
};

const form = (fields: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
};

const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

const lamp = itemDef('lantaarnpaal-kapot', {
  name: { nl: 'Lantaarnpaal kapot', en: 'Broken street light' },
  summary: { nl: 'Meld een lamp die niet brandt.', en: 'Report a light that is out.' },
  channels: ['web', 'app', 'phone'],
  synonyms: ['straatlamp', 'lantaarnpaal'],
  keywords: ['verlichting'],
  intakeFields: [
    { key: 'locatie', label: { nl: 'Waar is het?' }, type: 'location', required: true },
    {
      key: 'probleem',
      label: { nl: 'Wat is er aan de hand?' },
      type: 'choice',
      required: true,
      options: [
        { value: 'brandt_niet', label: { nl: 'De lamp brandt niet' } },
        { value: 'knippert', label: { nl: 'De lamp knippert' } },
      ],
    },
    { key: 'paalnummer', label: { nl: 'Nummer op de paal' }, type: 'text', help: { nl: 'Op een sticker.' } },
    { key: 'gevaarlijk', label: { nl: 'Is het gevaarlijk?' }, type: 'yes_no' },
    {
      key: 'momenten',
      label: { nl: 'Wanneer?' },
      type: 'multi_choice',
      options: [
        { value: 'avond', label: { nl: "'s Avonds" } },
        { value: 'nacht', label: { nl: "'s Nachts" } },
      ],
    },
    { key: 'aantal', label: { nl: 'Hoeveel lampen?' }, type: 'number' },
    { key: 'sinds', label: { nl: 'Sinds wanneer?' }, type: 'date' },
    { key: 'toelichting', label: { nl: 'Toelichting' }, type: 'long_text' },
    { key: 'foto', label: { nl: 'Foto' }, type: 'attachment' },
    { key: 'naam', label: { nl: 'Uw naam' }, type: 'text', prefill: 'name' },
    { key: 'email', label: { nl: 'Uw e-mailadres' }, type: 'text', prefill: 'email' },
  ],
});
const bulky = itemDef('grofvuil-ophalen', {
  kind: 'request',
  name: { nl: 'Grofvuil laten ophalen' },
  channels: ['web', 'app'],
  intakeFields: [
    {
      key: 'wat',
      label: { nl: 'Wat moet er weg?' },
      type: 'multi_choice',
      required: true,
      options: [
        { value: 'bank', label: { nl: 'Een bank' } },
        { value: 'kast', label: { nl: 'Een kast' } },
      ],
    },
  ],
});
/** Not for apps: only on the web (so not an Open311 service). */
const webOnly = itemDef('alleen-web', { channels: ['web'] });

let org: TestOrg;
let other: TestOrg;
let admin: Session;
let agent: Session;
let otherAdmin: Session;
let apiKey: string;
let clientId: string;

async function casesCount() {
  const [row] = await t.database.db
    .select({ n: count() })
    .from(caseFile)
    .where(eq(caseFile.organisationId, org.id));
  return row!.n;
}

const post = (
  fields: Record<string, string | string[]>,
  format = 'json',
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    headers: { ...FORM, ...headers },
    payload: form(fields),
  });

const lampReport = (over: Record<string, string | string[]> = {}) => ({
  api_key: apiKey,
  jurisdiction_id: org.slug,
  service_code: 'lantaarnpaal-kapot',
  lat: '52.0907',
  long: '5.1214',
  address_string: 'Kerkstraat bij nummer 12',
  'attribute[probleem]': 'knippert',
  'attribute[gevaarlijk]': 'false',
  'attribute[momenten][]': ['avond', 'nacht'],
  'attribute[aantal]': '2',
  'attribute[sinds]': '2026-12-01T20:00:00+01:00',
  description: 'De lamp knippert de hele avond.',
  media_url: 'https://example.org/foto/123.jpg',
  email: 'open311.melder@example.nl',
  first_name: 'Mira',
  last_name: 'Openbaar',
  phone: '06 12345678',
  device_id: 'apparaat-1',
  account_id: 'account-9',
  ...over,
});

beforeAll(async () => {
  org = await makeOrg(t.database, 'Open311-gemeente');
  other = await makeOrg(t.database, 'Andere gemeente');
  await publishContent(t.database.db, org.id, { items: [lamp, bulky, webOnly] });
  await publishContent(t.database.db, other.id, { items: [lamp] });
  admin = await signIn(t.app, org.users.admin);
  agent = await signIn(t.app, org.users.agent);
  otherAdmin = await signIn(t.app, other.users.admin);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/open311/clients',
    headers: admin.headers,
    payload: { name: 'BuitenBeter', contact: 'app-team@example.org' },
  });
  expect(res.statusCode).toBe(201);
  apiKey = res.json().apiKey;
  clientId = res.json().id;
});

describe('Open311 GeoReport v2: reading', () => {
  it('answers discovery in JSON and XML, the same document', async () => {
    const json = await t.app.inject({ url: `/open311/v2/discovery.json?jurisdiction_id=${org.slug}` });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    // Public data without personal data: readable by dashboards on other sites.
    expect(json.headers['access-control-allow-origin']).toBe('*');
    const doc = json.json();
    expect(doc.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      type: 'production',
      formats: ['text/xml', 'application/json'],
    });
    expect(doc.endpoints[0].url).toMatch(/\/open311\/v2$/);
    const xml = await t.app.inject({ url: `/open311/v2/discovery.xml?jurisdiction_id=${org.slug}` });
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const back = parseXml(xml.body).discovery as Record<string, unknown>;
    expect(back).toEqual(
      asXmlText({
        ...doc,
        endpoints: {
          endpoint: doc.endpoints.map((e: object & { formats: string[] }) => ({
            ...e,
            formats: { format: e.formats },
          })),
        },
      }),
    );
  });

  it('lists the items offered to apps as services; location-based ones realtime; XML reads back as the JSON', async () => {
    const res = await t.app.inject({ url: `/open311/v2/services.json?jurisdiction_id=${org.slug}` });
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list.map((s: { service_code: string }) => s.service_code)).toEqual([
      'grofvuil-ophalen',
      'lantaarnpaal-kapot',
    ]);
    expect(list[1]).toEqual({
      service_code: 'lantaarnpaal-kapot',
      service_name: 'Lantaarnpaal kapot',
      description: 'Meld een lamp die niet brandt.',
      metadata: true,
      type: 'realtime',
      keywords: 'straatlamp, lantaarnpaal, verlichting',
      group: 'Openbare ruimte',
    });
    expect(list[0]).toMatchObject({ type: 'batch', metadata: true });
    // In English when asked.
    const en = await t.app.inject({
      url: `/open311/v2/services.json?jurisdiction_id=${org.slug}`,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json()[1].service_name).toBe('Broken street light');
    const xml = await t.app.inject({ url: `/open311/v2/services.xml?jurisdiction_id=${org.slug}` });
    expect(xml.statusCode).toBe(200);
    expect(parseXml(xml.body)).toEqual({ '?xml': '', services: { service: asXmlText(list) } });
  });

  it('defines a service: intake fields as attributes with datatypes and values, in order', async () => {
    const res = await t.app.inject({
      url: `/open311/v2/services/lantaarnpaal-kapot.json?jurisdiction_id=${org.slug}`,
    });
    expect(res.statusCode).toBe(200);
    const def = res.json();
    expect(def.service_code).toBe('lantaarnpaal-kapot');
    // Not the place (lat/long, address), the photo (media_url) or the contact fields (first_name, email…).
    expect(def.attributes.map((a: { code: string; datatype: string }) => [a.code, a.datatype])).toEqual([
      ['probleem', 'singlevaluelist'],
      ['paalnummer', 'string'],
      ['gevaarlijk', 'singlevaluelist'],
      ['momenten', 'multivaluelist'],
      ['aantal', 'number'],
      ['sinds', 'datetime'],
      ['toelichting', 'text'],
    ]);
    expect(def.attributes[0]).toEqual({
      variable: true,
      code: 'probleem',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: null,
      order: 1,
      description: 'Wat is er aan de hand?',
      values: [
        { key: 'brandt_niet', name: 'De lamp brandt niet' },
        { key: 'knippert', name: 'De lamp knippert' },
      ],
    });
    expect(def.attributes[1]).toMatchObject({
      description: 'Nummer op de paal — Op een sticker.',
      required: false,
    });
    expect(def.attributes[1].values).toBeUndefined();
    expect(def.attributes[2].values).toEqual([
      { key: 'true', name: 'Ja' },
      { key: 'false', name: 'Nee' },
    ]);
    const xml = await t.app.inject({
      url: `/open311/v2/services/lantaarnpaal-kapot.xml?jurisdiction_id=${org.slug}`,
    });
    const back = parseXml(xml.body).service_definition as { attributes: { attribute: unknown[] } };
    expect(back.attributes.attribute).toEqual(
      asXmlText(
        def.attributes.map(({ values, ...a }: { values?: unknown[] }) =>
          values ? { ...a, values: { value: values } } : a,
        ),
      ),
    );
  });
});

describe('Open311 GeoReport v2: posting and reading back', () => {
  let id: string;

  it('opens a case through the one intake from a form-encoded POST, which staff see with channel app', async () => {
    const before = await casesCount();
    const res = await post(lampReport());
    expect(res.statusCode).toBe(200);
    const [created] = res.json();
    expect(Object.keys(created)).toEqual(['service_request_id', 'service_notice', 'account_id']);
    expect(created.service_request_id).toMatch(/^[A-Z]+-\d{4}-\d+$/);
    expect(created.service_notice).toMatch(/^We handelen dit uiterlijk \d+ \w+ \d{4} af\.$/);
    expect(created.account_id).toBeNull();
    expect(await casesCount()).toBe(before + 1);
    id = created.service_request_id;

    // The same case in the staff's queue.
    const queue = await t.app.inject({ url: `/api/cases?reference=${id}`, headers: agent.headers });
    expect(queue.json().items).toHaveLength(1);
    const staff = await t.app.inject({
      url: `/api/cases/${queue.json().items[0].id}`,
      headers: agent.headers,
    });
    const c = staff.json();
    expect(c.channel).toBe('app');
    expect(c.item.code).toBe('lantaarnpaal-kapot');
    expect(c.answers).toEqual({
      probleem: 'knippert',
      gevaarlijk: false,
      momenten: ['avond', 'nacht'],
      aantal: 2,
      sinds: '2026-12-01',
      naam: 'Mira Openbaar',
      email: 'open311.melder@example.nl',
    });
    expect(c.location).toMatchObject({ lat: 52.0907, lon: 5.1214, description: 'Kerkstraat bij nummer 12' });
    expect(c.description).toBe('De lamp knippert de hele avond.\n\nMedia: https://example.org/foto/123.jpg');
    // The person, found or recorded as the desk does.
    expect(c.customer.name).toBe('Mira Openbaar');
    const [person] = await t.database.db
      .select()
      .from(customer)
      .where(and(eq(customer.organisationId, org.id), eq(customer.email, 'open311.melder@example.nl')));
    expect(person!.phone).toBe('+31612345678');
    // The audit trail names the app.
    const events = await t.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.organisationId, org.id), eq(auditEvent.entityType, 'case')));
    expect(events.some((e) => e.actorLabel === 'Open311-app "BuitenBeter"' && e.action === 'created')).toBe(
      true,
    );
  });

  it('reads the request back by id, in JSON and XML, without any personal data', async () => {
    const res = await t.app.inject({ url: `/open311/v2/requests/${id}.json?jurisdiction_id=${org.slug}` });
    expect(res.statusCode).toBe(200);
    const [r] = res.json();
    expect(r).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: 'We hebben uw melding ontvangen.',
      service_name: 'Lantaarnpaal kapot',
      service_code: 'lantaarnpaal-kapot',
      description: null,
      agency_responsible: 'Openbare ruimte',
      address: 'Kerkstraat bij nummer 12',
      address_id: null,
      zipcode: null,
      lat: 52.0907,
      long: 5.1214,
      media_url: 'https://example.org/foto/123.jpg',
    });
    for (const at of ['requested_datetime', 'updated_datetime', 'expected_datetime'])
      expect(r[at]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(r.expected_datetime)).toBeGreaterThan(Date.parse(r.requested_datetime));
    for (const secret of ['Mira', 'Openbaar', 'melder@', '612345678', 'knippert de hele'])
      expect(res.body).not.toContain(secret);
    const xml = await t.app.inject({ url: `/open311/v2/requests/${id}.xml?jurisdiction_id=${org.slug}` });
    expect(xml.statusCode).toBe(200);
    expect(parseXml(xml.body)).toEqual({ '?xml': '', service_requests: { request: asXmlText(res.json()) } });
    // The expected date is the norm clock's: the case's due date.
    const queue = await t.app.inject({ url: `/api/cases?reference=${id}`, headers: agent.headers });
    expect(Date.parse(queue.json().items[0].dueAt)).toBe(Date.parse(r.expected_datetime));
  });

  it('takes the address register’s id as the location and answers a batch service with a token', async () => {
    const [a] = await t.database.db
      .insert(address)
      .values({
        organisationId: org.id,
        postcode: '3511AB',
        houseNumber: 7,
        street: 'Domplein',
        place: 'Utrecht',
        rdX: 136000,
        rdY: 456000,
        lat: 52.0907,
        lon: 5.1222,
        bagId: '0344200000123456',
      })
      .returning();
    const res = await post(
      lampReport({
        lat: '',
        long: '',
        address_string: '',
        address_id: '0344200000123456',
        email: '',
        phone: '',
      }),
      'xml',
    );
    expect(res.statusCode).toBe(200);
    const byRegister = (parseXml(res.body).service_requests as { request: { service_request_id: string }[] })
      .request[0]!.service_request_id;
    const read = await t.app.inject({
      url: `/open311/v2/requests/${byRegister}.json?jurisdiction_id=${org.slug}`,
    });
    expect(read.json()[0]).toMatchObject({
      address: 'Domplein 7, 3511AB Utrecht',
      address_id: '0344200000123456',
      zipcode: '3511AB',
      lat: 52.0907,
      long: 5.1222,
    });
    expect(a!.id).toBeTruthy();

    // A service without a place: type batch, answered with a token, which leads to the id.
    const batch = await post({
      api_key: apiKey,
      jurisdiction_id: org.slug,
      service_code: 'grofvuil-ophalen',
      'attribute[wat][]': ['bank', 'kast'],
    });
    expect(batch.statusCode).toBe(200);
    const [{ token, service_request_id }] = batch.json();
    expect(service_request_id).toBeUndefined();
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const [row] = await t.database.db
      .select()
      .from(open311Request)
      .where(and(eq(open311Request.organisationId, org.id), eq(open311Request.clientId, clientId)))
      .orderBy(open311Request.createdAt)
      .limit(1)
      .offset(2);
    expect(row!.tokenHash).not.toBe(token);
    const tok = await t.app.inject({ url: `/open311/v2/tokens/${token}.json?jurisdiction_id=${org.slug}` });
    expect(tok.statusCode).toBe(200);
    const [{ service_request_id: fromToken }] = tok.json();
    expect(tok.json()).toEqual([{ service_request_id: fromToken, token }]);
    const tokXml = await t.app.inject({ url: `/open311/v2/tokens/${token}.xml?jurisdiction_id=${org.slug}` });
    expect(parseXml(tokXml.body)).toEqual({
      '?xml': '',
      service_requests: { request: asXmlText(tok.json()) },
    });
    // Not a location-based service: no place is shown, whatever was posted.
    const bulkyRead = await t.app.inject({
      url: `/open311/v2/requests/${fromToken}.json?jurisdiction_id=${org.slug}`,
    });
    expect(bulkyRead.json()[0]).toMatchObject({ service_code: 'grofvuil-ophalen', address: null, lat: null });
    const unknown = await t.app.inject({
      url: `/open311/v2/tokens/AAAAAAAAAAAAAAAAAAAAAA.json?jurisdiction_id=${org.slug}`,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual([{ code: 404, description: 'token was not found.' }]);
  });

  it('filters GET requests by id list, service code, status and dates (90 days by default)', async () => {
    const url = (q: string) => `/open311/v2/requests.json?jurisdiction_id=${org.slug}${q}`;
    const all = (await t.app.inject({ url: url('') })).json();
    expect(all).toHaveLength(3);
    expect(all.map((r: { service_code: string }) => r.service_code)).toEqual([
      'grofvuil-ophalen',
      'lantaarnpaal-kapot',
      'lantaarnpaal-kapot',
    ]);
    const lamps = (await t.app.inject({ url: url('&service_code=lantaarnpaal-kapot') })).json();
    expect(lamps).toHaveLength(2);
    const byIds = (
      await t.app.inject({ url: url(`&service_request_id=${id},${all[0].service_request_id}`) })
    ).json();
    expect(byIds.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual(
      [id, all[0].service_request_id].sort(),
    );
    expect((await t.app.inject({ url: url('&status=closed') })).json()).toEqual([]);
    expect((await t.app.inject({ url: url('&status=open,closed') })).json()).toHaveLength(3);
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect(
      (
        await t.app.inject({ url: url(`&start_date=${iso(now - 86_400_000)}&end_date=${iso(now + 60_000)}`) })
      ).json(),
    ).toHaveLength(3);
    expect((await t.app.inject({ url: url(`&end_date=${iso(now - 86_400_000)}`) })).json()).toEqual([]);
    expect((await t.app.inject({ url: url(`&start_date=${iso(now - 200 * 86_400_000)}`) })).json()).toEqual(
      [],
    );
    // The XML of a list reads back as its JSON.
    const xml = await t.app.inject({ url: `/open311/v2/requests.xml?jurisdiction_id=${org.slug}` });
    expect(parseXml(xml.body)).toEqual({ '?xml': '', service_requests: { request: asXmlText(all) } });
    // Another organisation's requests are its own.
    expect(
      (await t.app.inject({ url: `/open311/v2/requests.json?jurisdiction_id=${other.slug}` })).json(),
    ).toEqual([]);
    expect(
      (await t.app.inject({ url: `/open311/v2/requests/${id}.json?jurisdiction_id=${other.slug}` }))
        .statusCode,
    ).toBe(404);
  });
});

describe('Open311 GeoReport v2: errors in the spec’s format, nothing stored', () => {
  it('refuses a POST without or with a wrong or revoked api_key (403)', async () => {
    const before = await casesCount();
    const { api_key: _k, ...withoutKey } = lampReport();
    const none = await post(withoutKey);
    expect(none.statusCode).toBe(403);
    expect(none.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(none.json()).toEqual([
      { code: 403, description: 'api_key is required to post a service request.' },
    ]);
    const wrong = await post(lampReport({ api_key: 'o311_verkeerd' }), 'xml');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(parseXml(wrong.body).errors).toEqual({
      error: [{ code: '403', description: 'Invalid api_key: unknown or revoked.' }],
    });
    // Another organisation's key does not open this one.
    const otherKey = (
      await t.app.inject({
        method: 'POST',
        url: '/api/open311/clients',
        headers: otherAdmin.headers,
        payload: { name: 'Andere app' },
      })
    ).json().apiKey;
    expect((await post(lampReport({ api_key: otherKey }))).statusCode).toBe(403);
    expect(await casesCount()).toBe(before);
  });

  it('answers 404 for an unknown service, jurisdiction or request, and 400 when the jurisdiction is missing', async () => {
    const unknownService = await post(lampReport({ service_code: 'bestaat-niet' }));
    expect(unknownService.statusCode).toBe(404);
    expect(unknownService.json()).toEqual([{ code: 404, description: 'service_code was not found.' }]);
    // An item only on the web is no Open311 service.
    expect((await post(lampReport({ service_code: 'alleen-web' }))).statusCode).toBe(404);
    const def = await t.app.inject({
      url: `/open311/v2/services/alleen-web.xml?jurisdiction_id=${org.slug}`,
    });
    expect(def.statusCode).toBe(404);
    expect(parseXml(def.body).errors).toEqual({
      error: [{ code: '404', description: 'service_code was not found.' }],
    });
    const jur = await t.app.inject({ url: '/open311/v2/services.json?jurisdiction_id=bestaat-niet' });
    expect(jur.statusCode).toBe(404);
    expect(jur.json()).toEqual([{ code: 404, description: 'jurisdiction_id was not found.' }]);
    // This installation serves several organisations: the jurisdiction must be named.
    const missing = await t.app.inject({ url: '/open311/v2/services.json' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()[0].description).toMatch(/^jurisdiction_id: Required/);
    expect(
      (await t.app.inject({ url: `/open311/v2/requests/XX-0000-1.json?jurisdiction_id=${org.slug}` }))
        .statusCode,
    ).toBe(404);
    const route = await t.app.inject({ url: '/open311/v2/nergens.json' });
    expect(route.statusCode).toBe(404);
    expect(route.json()[0].code).toBe(404);
    const format = await t.app.inject({
      url: `/open311/v2/services/lantaarnpaal-kapot.html?jurisdiction_id=${org.slug}`,
    });
    expect(format.statusCode).toBe(404);
    expect(format.headers['content-type']).toBe('text/xml; charset=utf-8');
  });

  it('refuses bad input with 400 naming the parameter, and stores nothing', async () => {
    const before = await casesCount();
    const [requestsBefore] = await t.database.db
      .select({ n: count() })
      .from(open311Request)
      .where(eq(open311Request.organisationId, org.id));
    const refused = async (fields: Record<string, string | string[]>, description: RegExp) => {
      const res = await post(fields);
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(res.json()[0].code).toBe(400);
      expect(res.json()[0].description).toMatch(description);
    };
    await refused(
      lampReport({ lat: '', long: '', address_string: '' }),
      /^lat: This service needs a location/,
    );
    await refused(lampReport({ long: '' }), /^long: lat and long are sent together/);
    await refused(lampReport({ lat: '48.85', long: '2.35' }), /^lat: A WGS84 latitude in the Netherlands/);
    await refused(lampReport({ 'attribute[probleem]': '' }), /^attribute\[probleem\]: Required/);
    await refused(
      lampReport({ 'attribute[probleem]': 'ontploft' }),
      /^attribute\[probleem\]: Invalid option: expected one of "brandt_niet"/,
    );
    await refused(
      lampReport({ 'attribute[kleur]': 'rood' }),
      /^attribute\[kleur\]: Not an attribute of this service/,
    );
    await refused(lampReport({ 'attribute[aantal]': 'veel' }), /^attribute\[aantal\]: A number expected/);
    await refused(lampReport({ 'attribute[sinds]': 'gisteren' }), /^attribute\[sinds\]: An ISO 8601 date/);
    await refused(
      lampReport({ 'attribute[gevaarlijk]': 'misschien' }),
      /^attribute\[gevaarlijk\]: true or false/,
    );
    await refused(lampReport({ email: 'geen-adres' }), /^email: Not an email address/);
    await refused(lampReport({ phone: 'bel me' }), /^phone: Not a valid phone number/);
    await refused(lampReport({ media_url: 'javascript:alert(1)' }), /^media_url: An http\(s\) URL/);
    await refused(lampReport({ address_id: 'onbekend' }), /^address_id: Not an address/);
    await refused(lampReport({ description: 'x'.repeat(4001) }), /^description: At most 4000 characters/);
    await refused(lampReport({ service_code: '' }), /^service_code: Required/);
    await refused(lampReport({ service_code: ['a', 'b'] }), /^service_code: Given more than once/);
    await refused(lampReport({ description: 'nul \u0000 teken' }), /nul_character|NUL/);
    // JSON is not GeoReport's way of posting.
    const json = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: lampReport(),
    });
    expect(json.statusCode).toBe(400);
    expect(json.json()[0].description).toMatch(/^content-type: Send application\/x-www-form-urlencoded/);
    expect(await casesCount()).toBe(before);
    const [requestsAfter] = await t.database.db
      .select({ n: count() })
      .from(open311Request)
      .where(eq(open311Request.organisationId, org.id));
    expect(requestsAfter!.n).toBe(requestsBefore!.n);
  });

  it('limits posting per address and per client app, answering in the spec’s format', async () => {
    // The same database under a strict limit: 20 requests a minute, so 2 posts a minute.
    const strict = await testApp(t.database, { RATE_LIMIT_PER_MINUTE: '20' });
    try {
      const from = (remoteAddress: string, fields: Record<string, string>) =>
        strict.inject({
          method: 'POST',
          url: '/open311/v2/requests.xml',
          headers: FORM,
          payload: form(fields),
          remoteAddress,
        });
      // Per address: a third post from one address waits, whatever it posts.
      const byAddress = [];
      for (let i = 0; i < 3; i++)
        byAddress.push((await from('192.0.2.1', { jurisdiction_id: org.slug })).statusCode);
      expect(byAddress).toEqual([403, 403, 429]);
      // Per key: a third post with one key waits, even from another address each time.
      const byKey = [];
      for (const ip of ['192.0.2.2', '192.0.2.3', '192.0.2.4'])
        byKey.push(await from(ip, { jurisdiction_id: org.slug, api_key: 'o311_onbekende-sleutel' }));
      expect(byKey.map((r) => r.statusCode)).toEqual([403, 403, 429]);
      const limited = parseXml(byKey[2]!.body).errors as { error: { code: string; description: string }[] };
      expect(limited.error[0]!.code).toBe('429');
      expect(limited.error[0]!.description).toMatch(
        /^Limit of 2 service requests per minute for this api_key/,
      );
      expect(byKey[2]!.headers['retry-after']).toMatch(/^\d+$/);
    } finally {
      await strict.close();
    }
  });

  it('answers framework errors and bad queries in the spec’s format too', async () => {
    const badEncoding = await t.app.inject({ url: '/open311/v2/services/%E0%A4%A.json' });
    expect(badEncoding.statusCode).toBe(400);
    expect(badEncoding.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(badEncoding.json()[0]).toMatchObject({ code: 400 });
    const nul = await t.app.inject({
      url: `/open311/v2/requests.xml?jurisdiction_id=${org.slug}&status=%00`,
    });
    expect(nul.statusCode).toBe(400);
    expect(parseXml(nul.body).errors).toMatchObject({ error: [{ code: '400' }] });
    const q = (s: string) =>
      t.app.inject({ url: `/open311/v2/requests.json?jurisdiction_id=${org.slug}${s}` });
    expect((await q('&status=weg')).json()[0].description).toBe('status: open or closed');
    expect((await q('&start_date=2026-01-01')).json()[0].description).toMatch(/^start_date: A w3 datetime/);
    expect(
      (await q('&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z')).json()[0].description,
    ).toBe('end_date: The span may not exceed 90 days');
    expect((await q('&start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z')).statusCode).toBe(400);
    expect((await q('&status=open&status=closed')).json()[0].description).toBe(
      'status: Given more than once',
    );
  });
});

describe('Open311 client apps (administrators)', () => {
  it('issues keys once, stores them hashed, shows last use, revokes them, and audits it', async () => {
    const list = await t.app.inject({ url: '/api/open311/clients', headers: admin.headers });
    expect(list.statusCode).toBe(200);
    const [app] = list.json().items;
    expect(app).toMatchObject({
      id: clientId,
      name: 'BuitenBeter',
      contact: 'app-team@example.org',
      revokedAt: null,
    });
    expect(app.prefix).toBe(apiKey.slice(0, 11));
    expect(app.requests).toBe(3);
    expect(app.lastUsedAt).not.toBeNull();
    expect(list.body).not.toContain(apiKey);
    const [row] = await t.database.db.select().from(open311Client).where(eq(open311Client.id, clientId));
    expect(JSON.stringify(row)).not.toContain(apiKey);

    // Only administrators.
    expectProblem(
      await t.app.inject({ url: '/api/open311/clients', headers: agent.headers }),
      403,
      'forbidden',
    );
    // Another organisation's administrator cannot revoke it.
    expectProblem(
      await t.app.inject({
        method: 'DELETE',
        url: `/api/open311/clients/${clientId}`,
        headers: otherAdmin.headers,
      }),
      404,
      'not_found',
    );

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/open311/clients/${clientId}`,
      headers: admin.headers,
    });
    expect(revoked.statusCode).toBe(204);
    const refused = await post(lampReport());
    expect(refused.statusCode).toBe(403);
    const events = await t.database.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(and(eq(auditEvent.organisationId, org.id), eq(auditEvent.entityType, 'open311_client')));
    expect(events.map((e) => e.action).sort()).toEqual(['created', 'revoked']);
    // Reading still works without a key.
    expect(
      (await t.app.inject({ url: `/open311/v2/requests.json?jurisdiction_id=${org.slug}` })).statusCode,
    ).toBe(200);
  });
});
