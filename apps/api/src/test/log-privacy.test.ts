/**
 * No log line, at any level, carries a person's BSN, name, e-mail address, phone number or birth date.
 * The server logs at trace level into memory while the front office works with one person's details (lookups
 * by every identifier, create, update, contact, case intake, refused input), while database queries with those
 * details as parameters fail, and while every endpoint of the API document is called with them in its path,
 * query and body (so a new endpoint is covered without a change here). Then the captured lines are searched.
 */
import { appUser, type Database } from '@voordeur/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { blankPersonalData, loggerOptions, routeForLog } from '../platform/logging.ts';
import { articleDef, itemDef, publishContent } from './catalogue-fixtures.ts';
import { makeOrg, openTestDatabase, type Session, signIn, type TestOrg, testConfig } from './harness.ts';

/** One person's details; each spelling a log line must not contain. */
const person = {
  name: 'Privacia Logvrij',
  bsn: '236810005',
  email: 'privacia.logvrij@example.nl',
  phone: '06-1287 3456',
  dateOfBirth: '1961-07-23',
};
const forbidden = [
  person.name,
  'Logvrij',
  person.bsn,
  person.email,
  '612873456',
  '1287 3456',
  '1287%203456',
  person.dateOfBirth,
  'privacia.logvrij%40example.nl',
];

const lines: string[] = [];
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let org: TestOrg;
let agent: Session;
let admin: Session;

beforeAll(async () => {
  database = await openTestDatabase({ reuse: true });
  app = await buildApp({
    config: testConfig({ LOG_LEVEL: 'trace' }),
    database,
    logger: { ...loggerOptions('trace'), stream: { write: (line: string) => void lines.push(line) } },
  });
  // A query that fails with the person's details as its parameters, the way a bug in a service would fail.
  const hidden = { config: { public: true }, schema: { hide: true } };
  app.get('/api/test-only/failing-query/:kind', hidden, async (request) => {
    const { kind } = request.params as { kind: string };
    if (kind === 'cast') {
      await app.db.execute(
        sql`SELECT ${person.email}::uuid, ${person.bsn}, ${person.name}, ${person.phone}, ${person.dateOfBirth}`,
      );
    } else {
      // A unique violation: the database's detail names the value ("Key (email)=(…) already exists").
      const [existing] = await app.db.select().from(appUser).limit(1);
      await app.db.insert(appUser).values({ ...existing!, id: undefined, name: person.name } as never);
    }
    return {};
  });
  await app.ready();
  org = await makeOrg(database);
  await publishContent(database.db, org.id, {
    items: [itemDef('lamp-kapot')],
    articles: [articleDef('kb-privacy')],
  });
  agent = await signIn(app, org.users.agent);
  admin = await signIn(app, org.users.admin);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const send = (method: string, url: string, s: Session, payload?: unknown) =>
  app.inject({
    method: method as 'GET',
    url,
    headers: s.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

function expectNoPersonalData() {
  const log = lines.join('');
  // The capture works: requests and the failed queries were logged.
  expect(log).toContain('incoming request');
  expect(log).toContain('request failed');
  const found = forbidden.filter((value) => log.toLowerCase().includes(value.toLowerCase()));
  const sample = found.length
    ? lines.filter((l) => found.some((f) => l.toLowerCase().includes(f.toLowerCase()))).slice(0, 3)
    : [];
  expect({ found, sample }).toEqual({ found: [], sample: [] });
}

describe('log privacy', () => {
  it('front-office journeys and failed queries leave no personal data in the log', async () => {
    const created = await send('POST', '/api/customers', agent, {
      kind: 'resident',
      ...person,
      address: { street: 'Dorpsstraat', houseNumber: 12, postcode: '1234 ab', city: 'Voorbeeld' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const customer = created.json<{ id: string; version: number }>();
    for (const q of [person.bsn, person.phone, person.email, person.name, '+31612873456']) {
      const found = await send('GET', `/api/customers?q=${encodeURIComponent(q)}&limit=5`, agent);
      expect(found.statusCode, q).toBe(200);
      expect(found.body, q).toContain(customer.id);
    }
    // Refused input: an invalid query string, a duplicate BSN, an unknown field carrying the details.
    await send('GET', `/api/customers?q=${encodeURIComponent(person.email)}&limit=${person.bsn}`, agent);
    await send('POST', '/api/customers', agent, { kind: 'resident', ...person, [person.email]: person.bsn });
    await send('POST', '/api/customers', agent, { kind: 'resident', ...person, bsn: '111222334' });
    const updated = await send('PATCH', `/api/customers/${customer.id}`, agent, {
      email: `x.${person.email}`,
      phone: person.phone,
      version: customer.version,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    await send('GET', `/api/customers/${customer.id}`, agent);
    await send('GET', `/api/customers/${customer.id}/overview`, agent);

    const contact = await send('POST', '/api/contacts', agent, {
      channel: 'desk',
      customerId: customer.id,
      topic: `${person.name} belt`,
      question: `Mail naar ${person.email}, bsn ${person.bsn}`,
    });
    expect(contact.statusCode, contact.body).toBe(201);
    const c = contact.json<{ id: string; version: number }>();
    const handed = await send('POST', `/api/contacts/${c.id}/cases`, agent, {
      itemCode: 'lamp-kapot',
      description: `Lamp bij ${person.name}, bel ${person.phone}`,
      answers: { locatie: 'Dorpsstraat 12' },
      version: c.version,
    });
    expect([201, 422]).toContain(handed.statusCode);
    // An unknown page of the web app, with details in its path and query.
    await app.inject({ url: `/klanten/${person.bsn}?naam=${encodeURIComponent(person.name)}` });
    await app.inject({ url: `/api/klanten/${encodeURIComponent(person.email)}` });

    for (const kind of ['cast', 'unique']) {
      expect((await app.inject({ url: `/api/test-only/failing-query/${kind}` })).statusCode).toBe(500);
    }
    expectNoPersonalData();
    // What went wrong is still there: the unique violation by its code and constraint.
    expect(lines.join('')).toContain('app_user_email_uq');
  });

  it('every endpoint, called with personal data in its path, query and body, logs none of it', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    };
    const values = [person.bsn, person.email, person.name, person.phone, person.dateOfBirth];
    const body = {
      name: person.name,
      email: person.email,
      bsn: person.bsn,
      phone: person.phone,
      q: person.bsn,
    };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    );
    // Signing out ends the session: last.
    operations.sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
    expect(operations.length).toBeGreaterThan(50);
    let i = 0;
    for (const { path, method, op } of operations) {
      const next = () => encodeURIComponent(values[i++ % values.length]!);
      const url = path.replace(/\{[^}]+\}/g, () => next());
      const query = (op.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => `${p.name}=${next()}`)
        .join('&');
      const res = await send(
        method,
        query ? `${url}?${query}` : url,
        admin,
        method === 'GET' || method === 'DELETE' ? undefined : body,
      );
      expect(res.statusCode, `${method} ${path}`).toBeLessThan(500);
    }
    expectNoPersonalData();
  });
});

describe('what a log line shows', () => {
  it('a request by its route pattern and query parameter names only', () => {
    const route = (url: string, pattern?: string) =>
      routeForLog({ url, routeOptions: { url: pattern } as never });
    expect(route('/api/customers?q=111222333&limit=5', '/api/customers')).toBe('/api/customers?q=…&limit=…');
    expect(route('/api/customers/abc', '/api/customers/:id')).toBe('/api/customers/:id');
    expect(route('/klanten/111222333?naam=Jan')).toBe('/klanten/…?naam=…');
    expect(route('/jan@example.nl/x?jan%40example.nl=1&111222333=2')).toBe('/…/…?…&…');
  });

  it('strings lose e-mail addresses and long numbers; times, ids and codes stay', () => {
    const line = JSON.stringify({
      time: 1735000000000,
      reqId: '12345678-1234-4abc-9def-0123456789ab',
      msg: 'mail to jan.jansen@example.nl (BSN 111222333, tel +31 6 12345678, 06-12345678) failed',
      at: '2026-01-15T10:00:00.000Z',
      code: '23505',
    });
    const out = JSON.parse(blankPersonalData(line));
    expect(out).toEqual({
      time: 1735000000000,
      reqId: '12345678-1234-4abc-9def-0123456789ab',
      msg: 'mail to [e-mail] (BSN [number], tel [number], [number]) failed',
      at: '2026-01-15T10:00:00.000Z',
      code: '23505',
    });
  });
});
