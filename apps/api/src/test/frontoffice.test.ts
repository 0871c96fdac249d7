import { customer, type Database, metricContactDay, notification } from '@voordeur/db';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { calendarOf, instantOf, isWorkingDay, localDate } from '../modules/calendar/index.ts';
import { autoCloseStaleContacts } from '../modules/contacts/index.ts';
import { catchUpMetrics } from '../modules/metrics/index.ts';
import { articleDef, itemDef, publishContent } from './catalogue-fixtures.ts';
import { expectProblem, makeOrg, type Session, signIn, type TestOrg, useTestApp } from './harness.ts';

/** The last 30 days up to today, as the figures' query. */
const lastMonth = () =>
  `from=${localDate(new Date(Date.now() - 30 * 86_400_000))}&to=${localDate(new Date())}`;

const t = useTestApp();
let org: TestOrg;
let agent: Session;
let articleId: string;

const jan = {
  kind: 'resident',
  name: 'Jan de Vries',
  bsn: '111222333',
  email: 'Jan.deVries@Example.nl',
  phone: '06-12345678',
  address: { street: 'Dorpsstraat', houseNumber: 12, postcode: '1234 ab', city: 'Voorbeeld' },
};

async function post(url: string, payload: object, s = agent, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url, headers: { ...s.headers, ...headers }, payload });
}

async function seed(database: Database, o: TestOrg) {
  await publishContent(database.db, o.id, {
    items: [
      itemDef('lamp-kapot', {
        intakeFields: [
          { key: 'locatie', label: { nl: 'Waar?' }, type: 'location', required: true },
          {
            key: 'probleem',
            label: { nl: 'Wat?' },
            type: 'choice',
            required: true,
            options: [
              { value: 'uit', label: { nl: 'Uit' } },
              { value: 'knippert', label: { nl: 'Knippert' } },
            ],
          },
        ],
      }),
      itemDef('info-vraag', { kind: 'question' }),
    ],
    articles: [articleDef('kb-paspoort-kwijt')],
  });
}

beforeAll(async () => {
  org = await makeOrg(t.database);
  await seed(t.database, org);
  agent = await signIn(t.app, org.users.agent);
  articleId = (
    await t.app.inject({ url: '/api/knowledge/articles/kb-paspoort-kwijt', headers: agent.headers })
  ).json().id;
});

describe('customers', () => {
  it('registers a resident with normalised details, the BSN encrypted and masked, and finds them every way', async () => {
    const res = await post('/api/customers', jan);
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      name: 'Jan de Vries',
      email: 'jan.devries@example.nl',
      phone: '+31612345678',
      bsnMasked: '******333',
      address: { postcode: '1234AB', houseNumber: 12 },
      version: 1,
    });
    expect(res.body).not.toContain('111222333');
    const [stored] = await t.database.db.select().from(customer).where(eq(customer.id, c.id));
    expect(stored!.bsnEncrypted!.toString('latin1')).not.toContain('111222333');
    expect(stored!.bsnHash).not.toContain('111222333');

    for (const q of [
      'jan de',
      'vries',
      '0031 6 12345678',
      '+31612345678',
      '1234ab 12',
      '1234 AB',
      '111222333',
      'JAN.DEVRIES@example.nl',
    ]) {
      const found = await t.app.inject({
        url: `/api/customers?q=${encodeURIComponent(q)}`,
        headers: agent.headers,
      });
      expect(found.statusCode, q).toBe(200);
      expect(
        found.json().items.map((m: { id: string }) => m.id),
        q,
      ).toContain(c.id);
    }
    const none = await t.app.inject({ url: '/api/customers?q=pietersen', headers: agent.headers });
    expect(none.json().items).toEqual([]);
    // A postcode with another house number is somebody else's address.
    const neighbour = await t.app.inject({ url: '/api/customers?q=1234ab%2099', headers: agent.headers });
    expect(neighbour.json().items.map((m: { id: string }) => m.id)).not.toContain(c.id);
  });

  it('rejects an invalid BSN, phone or postcode with the field named, and stores nothing', async () => {
    const before = (await t.database.db.select().from(customer).where(eq(customer.organisationId, org.id)))
      .length;
    for (const [field, value] of [
      ['bsn', '123456789'],
      ['phone', '12345'],
    ] as const) {
      const res = await post('/api/customers', { ...jan, [field]: value });
      expectProblem(res, 400, 'validation_failed');
      expect(JSON.stringify(res.json().errors)).toContain(field);
    }
    const badPostcode = await post('/api/customers', {
      ...jan,
      address: { ...jan.address, postcode: '0123 SS' },
    });
    expectProblem(badPostcode, 400, 'validation_failed');
    expect(JSON.stringify(badPostcode.json().errors)).toContain('postcode');
    expect(
      (await t.database.db.select().from(customer).where(eq(customer.organisationId, org.id))).length,
    ).toBe(before);
  });

  it('detects concurrent edits, finds duplicates and merges them with an audit trail', async () => {
    const one = (
      await post('/api/customers', { kind: 'resident', name: 'Els Bakker', email: 'els@example.nl' })
    ).json();
    const two = (
      await post('/api/customers', {
        kind: 'resident',
        name: 'E. Bakker',
        email: 'els@example.nl',
        phone: '0201234567',
      })
    ).json();
    const patch = (version: number, name: string) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/customers/${one.id}`,
        headers: agent.headers,
        payload: { name, version },
      });
    expect((await patch(1, 'Els Bakker-de Wit')).statusCode).toBe(200);
    expectProblem(await patch(1, 'Els de Wit'), 409, 'version_conflict');

    const dups = await t.app.inject({ url: `/api/customers/${one.id}/duplicates`, headers: agent.headers });
    expect(dups.json().items).toEqual([expect.objectContaining({ reasons: ['email'] })]);
    // Agents may not merge; a team lead may.
    expectProblem(
      await post(`/api/customers/${one.id}/merge`, { duplicateId: two.id, version: 2 }),
      403,
      'forbidden',
    );
    const lead = await signIn(t.app, org.users.teamlead);
    const merged = await post(`/api/customers/${one.id}/merge`, { duplicateId: two.id, version: 2 }, lead);
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ name: 'Els Bakker-de Wit', phone: '+31201234567' });
    const gone = await t.app.inject({
      url: `/api/customers?q=${encodeURIComponent('E. Bakker')}`,
      headers: agent.headers,
    });
    expect(gone.json().items.map((m: { id: string }) => m.id)).not.toContain(two.id);
    const audit = await t.app.inject({
      url: `/api/audit-events?entityType=customer&entityId=${two.id}`,
      headers: (await signIn(t.app, org.users.admin)).headers,
    });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toContain('merged_into');
  });
});

describe('contacts', () => {
  it('answers a question at the first contact: recorded with the article and counted in the daily figures', async () => {
    const started = await post('/api/contacts', { channel: 'phone' });
    expect(started.statusCode).toBe(201);
    const c = started.json();
    expect(c).toMatchObject({
      channel: 'phone',
      endedAt: null,
      outcome: null,
      team: { id: org.teams.front },
    });
    const closed = await post(`/api/contacts/${c.id}/close`, {
      outcome: 'answered',
      articleIds: [articleId],
      answer: 'Aangifte en nieuw paspoort uitgelegd',
      version: c.version,
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ outcome: 'answered', articles: [{ id: articleId }] });
    expect(closed.json().endedAt).not.toBeNull();
    expectProblem(
      await post(`/api/contacts/${c.id}/close`, { outcome: 'answered', version: 2 }),
      409,
      'contact_closed',
    );
    // The closed contact reaches the "Eerste keer goed" figures through the rollups (metrics' catch-up).
    await catchUpMetrics(t.database.db);
    const manager = await signIn(t.app, org.users.manager);
    const stats = await t.app.inject({
      url: `/api/metrics/breakdown?kpi=fcr&by=channel&${lastMonth()}`,
      headers: manager.headers,
    });
    const phone = stats.json().rows.find((r: { key: string }) => r.key === 'phone');
    expect(phone.n).toBeGreaterThanOrEqual(1);
    expect(phone.value).toBeGreaterThan(0);
  });

  it('hands a desk report over as a case with due dates, and shows it in the 360° view', async () => {
    const person = (
      await post('/api/customers', {
        ...jan,
        name: 'Jan de Vries (2)',
        bsn: undefined,
        email: 'jan2@example.nl',
      })
    ).json();
    const c = (await post('/api/contacts', { channel: 'desk', customerId: person.id })).json();
    const bad = await post(`/api/contacts/${c.id}/cases`, {
      itemCode: 'lamp-kapot',
      description: 'Lamp is uit',
      answers: { probleem: 'ontploft' },
      version: c.version,
    });
    expectProblem(bad, 422, 'intake_invalid');
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['answers.locatie', 'answers.probleem']);
    const question = await post(`/api/contacts/${c.id}/cases`, {
      itemCode: 'info-vraag',
      description: 'x',
      version: c.version,
    });
    expectProblem(question, 422, 'item_not_for_cases');

    const res = await post(`/api/contacts/${c.id}/cases`, {
      itemCode: 'lamp-kapot',
      description: 'Lamp voor nummer 12 is uit',
      answers: { probleem: 'uit' },
      location: { address: jan.address },
      version: c.version,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { case: created, contact } = res.json();
    expect(created.reference).toMatch(/^ZK-\d{4}-\d{6}$/);
    expect(created).toMatchObject({
      status: { key: 'ontvangen', public: true },
      team: { id: org.teams.back },
      customer: { id: person.id },
      item: { code: 'lamp-kapot', version: 1 },
    });
    const expected = (
      await t.app.inject({
        url: `/api/catalogue/items/lamp-kapot/expected-date?start=${encodeURIComponent(created.createdAt)}`,
        headers: agent.headers,
      })
    ).json();
    expect(created.dueAt).toBe(expected.expected);
    expect(created.dueDate).toBe(expected.expectedDate);
    // The person is told the case was received, at the address of their customer record.
    const told = await t.database.db.select().from(notification).where(eq(notification.caseId, created.id));
    expect(told.map((n) => [n.recipient, n.kind, n.subject.includes(created.reference)])).toEqual([
      ['jan2@example.nl', 'status', true],
    ]);
    const closed = await post(`/api/contacts/${c.id}/close`, { version: contact.version });
    expect(closed.json()).toMatchObject({ outcome: 'case', cases: [{ reference: created.reference }] });

    const overview = (
      await t.app.inject({ url: `/api/customers/${person.id}/overview`, headers: agent.headers })
    ).json();
    expect(overview.openCases.map((k: { reference: string }) => k.reference)).toEqual([created.reference]);
    expect(overview.recentContacts.map((k: { id: string }) => k.id)).toContain(c.id);

    // The figures per subject name the item, not its code.
    await catchUpMetrics(t.database.db);
    const byItem = await t.app.inject({
      url: `/api/metrics/breakdown?kpi=contacts&by=item&${lastMonth()}`,
      headers: (await signIn(t.app, org.users.manager)).headers,
    });
    expect(byItem.json().rows.map((r: { label: string }) => r.label)).toContain('Dienst lamp-kapot');
  });

  it('takes a case’s district from the reported location, never from the reporter’s home; unknown otherwise', async () => {
    const o = await makeOrg(t.database);
    await seed(t.database, o);
    const admin = await signIn(t.app, o.users.admin);
    const desk = await signIn(t.app, o.users.agent);
    const settings = await t.app.inject({
      method: 'PUT',
      url: '/api/front-office/settings',
      headers: admin.headers,
      payload: {
        areas: [
          { name: 'Centrum', postcodes: [{ from: '1230', to: '1234' }] },
          { name: 'Oost', postcodes: [{ from: '1240', to: '1244' }] },
        ],
      },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    // Jan lives in Centrum (1234 AB).
    const person = (await post('/api/customers', { ...jan, bsn: undefined }, desk)).json();
    expect(person.area).toBe('Centrum');
    const report = async (location: object) => {
      const c = (await post('/api/contacts', { channel: 'phone', customerId: person.id }, desk)).json();
      const res = await post(
        `/api/contacts/${c.id}/cases`,
        {
          itemCode: 'lamp-kapot',
          description: 'Lamp is uit',
          answers: { probleem: 'uit' },
          location,
          version: c.version,
        },
        desk,
      );
      expect(res.statusCode, res.body).toBe(201);
      return res.json().case as { id: string; area: string | null };
    };
    const elsewhere = await report({
      address: { street: 'Kerkplein', houseNumber: 7, postcode: '1241 EF', city: 'Voorbeeld' },
    });
    expect(elsewhere.area).toBe('Oost');
    // Typed by the agent, with a postcode: that postcode decides.
    expect((await report({ description: 'Kerkplein 7, 1241 EF' })).area).toBe('Oost');
    // A street without a postcode, or coordinates: unknown — not Jan's Centrum.
    const vague = await report({ description: 'Parklaan, bij de speeltuin' });
    expect(vague.area).toBeNull();
    const coordinates = await report({ lat: 52.1, lon: 5.1 });
    expect(coordinates.area).toBeNull();
    // Over POST /api/cases too, and without any location.
    const direct = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: desk.headers,
      payload: {
        itemCode: 'lamp-kapot',
        description: 'Lamp is uit',
        answers: { probleem: 'uit' },
        location: { description: 'Bij de molen' },
        customerId: person.id,
        channel: 'web',
      },
    });
    expect(direct.statusCode, direct.body).toBe(201);
    expect(direct.json().area).toBeNull();

    // The queue filters on a district and on "unknown".
    const queue = async (query: string) =>
      (await t.app.inject({ url: `/api/cases?${query}`, headers: admin.headers }))
        .json()
        .items.map((c: { id: string }) => c.id)
        .sort();
    expect(await queue('area=Oost')).toHaveLength(2);
    expect(await queue('area=Centrum')).toEqual([]);
    expect(await queue('areaUnknown=true')).toEqual([vague.id, coordinates.id, direct.json().id].sort());
  });

  it('marks a second contact about the same subject within the window as a repeat', async () => {
    const person = (await post('/api/customers', { kind: 'resident', name: 'Piet Herhaal' })).json();
    const ask = async () => {
      const c = (
        await post('/api/contacts', { channel: 'phone', customerId: person.id, itemCode: 'info-vraag' })
      ).json();
      return (await post(`/api/contacts/${c.id}/close`, { outcome: 'answered', version: c.version })).json();
    };
    expect((await ask()).isRepeat).toBe(false);
    const second = await ask();
    expect(second.isRepeat).toBe(true);
    expect(second.repeatOf).not.toBeNull();
  });

  it('never creates a second contact for a retried delivery (Idempotency-Key)', async () => {
    const payload = {
      channel: 'email',
      startedAt: '2026-11-20T09:00:00Z',
      question: 'Wanneer wordt het grofvuil opgehaald?',
    };
    const first = await post('/api/contacts', payload, agent, { 'idempotency-key': 'mail-4711' });
    const again = await post('/api/contacts', payload, agent, { 'idempotency-key': 'mail-4711' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const other = await post('/api/contacts', { ...payload, channel: 'chat' }, agent, {
      'idempotency-key': 'mail-4711',
    });
    expectProblem(other, 422, 'idempotency_conflict');
  });

  it('closes contacts left open past the limit, without an outcome, and counts them as unrecorded', async () => {
    const c = (
      await post('/api/contacts', {
        channel: 'chat',
        startedAt: new Date(Date.now() - 6 * 3600_000).toISOString(),
      })
    ).json();
    expect(await autoCloseStaleContacts(t.database.db)).toBeGreaterThanOrEqual(1);
    const after = (await t.app.inject({ url: `/api/contacts/${c.id}`, headers: agent.headers })).json();
    expect(after).toMatchObject({ outcome: null, closedAutomatically: true, handlingSeconds: 240 * 60 });
    await catchUpMetrics(t.database.db);
    const rows = await t.database.db
      .select()
      .from(metricContactDay)
      .where(eq(metricContactDay.organisationId, org.id));
    expect(rows.reduce((n, r) => n + r.unrecorded, 0)).toBeGreaterThanOrEqual(1);
  });
});

describe('callbacks', () => {
  it('lands in the team queue with a due time, records attempts, and is done when the person is reached', async () => {
    const c = (await post('/api/contacts', { channel: 'phone' })).json();
    const res = await post(`/api/contacts/${c.id}/callbacks`, {
      phone: '06 98765432',
      teamId: org.teams.back,
      note: 'Wil weten wanneer de lamp gemaakt wordt',
      version: c.version,
    });
    expect(res.statusCode).toBe(201);
    const cb = res.json().callback;
    expect(cb).toMatchObject({
      state: 'open',
      phone: '+31698765432',
      team: { id: org.teams.back },
      overdue: false,
    });
    expect(new Date(cb.dueAt).getTime()).toBeGreaterThan(Date.now());
    const queue = await t.app.inject({
      url: `/api/callbacks?teamId=${org.teams.back}`,
      headers: agent.headers,
    });
    expect(queue.json().items.map((x: { id: string }) => x.id)).toContain(cb.id);
    expect((await post(`/api/callbacks/${cb.id}/attempts`, { result: 'not_reached' })).json()).toMatchObject({
      state: 'open',
      attempts: [{ result: 'not_reached' }],
    });
    expect((await post(`/api/callbacks/${cb.id}/attempts`, { result: 'reached' })).json().state).toBe('done');
    expectProblem(
      await post(`/api/callbacks/${cb.id}/attempts`, { result: 'reached' }),
      409,
      'callback_done',
    );
    const closed = await post(`/api/contacts/${c.id}/close`, { version: res.json().contact.version });
    expect(closed.json().outcome).toBe('callback');
  });
});

describe('bad input on the front office', () => {
  it('takes the time slot the person chose: due at its end (norm or not), shown in the queue; refuses a slot that cannot be', async () => {
    const tz = 'Europe/Amsterdam';
    const { definition: cal } = await calendarOf(t.database.db, org.id);
    /** The n-th local date after today that is (or is not) a working day. */
    const dateAhead = (n: number, working = true) => {
      let found = 0;
      for (let d = 1; d < 400; d++) {
        const date = localDate(new Date(Date.now() + d * 86_400_000), tz);
        if (isWorkingDay(cal, date) === working && ++found === n) return date;
      }
      throw new Error('no such day');
    };
    const request = async (slot: object) => {
      const c = (await post('/api/contacts', { channel: 'phone' })).json();
      return post(`/api/contacts/${c.id}/callbacks`, {
        phone: '06 98765432',
        teamId: org.teams.back,
        note: 'Liefst na de lunch',
        slot,
        version: c.version,
      });
    };
    // "Morgen tussen 13:00 en 15:00" (the next working day).
    const tomorrow = dateAhead(1);
    const res = await request({ date: tomorrow, from: '13:00', to: '15:00' });
    expect(res.statusCode, res.body).toBe(201);
    const cb = res.json().callback;
    const start = instantOf(tomorrow, '13:00', tz).toISOString();
    const end = instantOf(tomorrow, '15:00', tz).toISOString();
    expect(cb.slot).toEqual({ start, end });
    expect(cb.dueAt).toBe(end);
    // Later than the callback norm (1 working day): the person's choice wins, and the request is not late.
    const later = dateAhead(6);
    const laterRes = await request({ date: later, from: '09:00', to: '10:30' });
    expect(laterRes.statusCode, laterRes.body).toBe(201);
    expect(laterRes.json().callback.dueAt).toBe(instantOf(later, '10:30', tz).toISOString());
    const queue = await t.app.inject({
      url: `/api/callbacks?teamId=${org.teams.back}`,
      headers: agent.headers,
    });
    const listed = queue.json().items.find((x: { id: string }) => x.id === cb.id);
    expect(listed).toMatchObject({ slot: { start, end }, dueAt: end, overdue: false });

    const refused = async (slot: object, field: string, code: string) => {
      const r = await request(slot);
      const problem = expectProblem(r, 400, 'validation_failed');
      expect(problem.errors?.map((e) => [e.field, (e as { code?: string }).code])).toEqual([[field, code]]);
    };
    await refused({ date: tomorrow, from: '15:00', to: '13:00' }, 'slot.to', 'slot_order');
    await refused({ date: '2020-01-06', from: '13:00', to: '15:00' }, 'slot.date', 'slot_past');
    await refused({ date: dateAhead(80), from: '13:00', to: '15:00' }, 'slot.date', 'slot_too_far');
    await refused({ date: dateAhead(1, false), from: '13:00', to: '15:00' }, 'slot.from', 'slot_closed');
    await refused({ date: tomorrow, from: '18:00', to: '20:00' }, 'slot.from', 'slot_closed');
    expect(
      expectProblem(await request({ date: tomorrow, from: '25:00', to: '26:00' }), 400, 'validation_failed')
        .errors?.[0]?.field,
    ).toBe('slot.from');
  });

  it('random bodies and random identifiers never cause a 500 and never store a half record', async () => {
    const person = (await post('/api/customers', { kind: 'resident', name: 'Fuzz Persoon' })).json();
    const c = (await post('/api/contacts', { channel: 'phone', customerId: person.id })).json();
    const cb = (
      await post(`/api/contacts/${c.id}/callbacks`, {
        phone: '0612345678',
        teamId: org.teams.back,
        note: 'fuzz',
        version: c.version,
      })
    ).json().callback;
    const targets = [
      ['POST', '/api/customers'],
      ['PATCH', `/api/customers/${person.id}`],
      ['POST', `/api/customers/${person.id}/consents`],
      ['POST', `/api/customers/${person.id}/merge`],
      ['POST', '/api/contacts'],
      ['PATCH', `/api/contacts/${c.id}`],
      ['POST', `/api/contacts/${c.id}/close`],
      ['POST', `/api/contacts/${c.id}/cases`],
      ['POST', `/api/contacts/${c.id}/callbacks`],
      ['POST', `/api/callbacks/${cb.id}/attempts`],
      ['PUT', '/api/front-office/settings'],
    ] as const;
    const admin = await signIn(t.app, org.users.admin);
    const countCustomers = async () =>
      (await t.database.db.select().from(customer).where(eq(customer.organisationId, org.id))).length;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fc.jsonValue(), async ([method, url], body) => {
        const res = await t.app.inject({
          method,
          url,
          headers: { ...admin.headers, 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: 120 },
    );
    const before = await countCustomers();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          bsn: fc.string({ maxLength: 15 }),
          phone: fc.string({ maxLength: 20 }),
          postcode: fc.string({ maxLength: 10 }),
        }),
        async (r) => {
          const res = await post('/api/customers', {
            kind: 'resident',
            name: 'Willekeurig',
            bsn: r.bsn,
            phone: r.phone,
            address: { street: 'Straat', houseNumber: 1, postcode: r.postcode, city: 'Voorbeeld' },
          });
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode === 400) expect(res.json().errors.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60 },
    );
    // Random identifiers are (almost) never valid together: whatever was refused left nothing behind.
    const created = (await countCustomers()) - before;
    const ok = (await t.app.inject({ url: '/api/customers?q=willekeurig', headers: agent.headers })).json()
      .items.length;
    expect(created).toBe(ok);
  });
});
