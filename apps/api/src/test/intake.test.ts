/**
 * The one case intake (`intakeCase` in modules/cases) through both of its doors: the desk's `POST /api/cases`
 * and the front office's hand-over of a contact (`POST /api/contacts/:id/cases`). The two used to assemble a
 * case each, and differed; each difference is pinned here on both paths:
 * - a customer merged into another is refused (409 customer_merged) — the hand-over used to open the case on
 *   the merged record;
 * - the case's language is the one asked for, else the customer's preferred one, else the one spoken at the
 *   contact, else Dutch — the hand-over knew only English-or-Dutch from the customer record;
 * - an item that is not published is `unknown` on `itemCode` (422), a retired one `not_published` (409) — the
 *   hand-over answered `reference_invalid` for an unknown code and 409 for a draft;
 * - the channel is the desk's (as sent) or the contact's, and only a hand-over links the contact.
 * A refused intake writes nothing, and leaves the contact as it was.
 */
import { caseFile, contact, notification } from '@voordeur/db';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { itemDef, publishContent } from './catalogue-fixtures.ts';
import { expectProblem, makeOrg, type Session, signIn, type TestOrg, useTestApp } from './harness.ts';

const t = useTestApp();
let org: TestOrg;
let agent: Session;

const report = {
  itemCode: 'lamp',
  description: 'Lamp voor nummer 12 is uit',
  location: { description: 'Dorpsstraat 12' },
};

beforeAll(async () => {
  org = await makeOrg(t.database);
  await publishContent(t.database.db, org.id, { items: [itemDef('lamp'), itemDef('oud')] });
  const admin = (await signIn(t.app, org.users.admin)).headers;
  const draft = await t.app.inject({
    method: 'POST',
    url: '/api/catalogue/items',
    headers: admin,
    payload: { definition: itemDef('concept') },
  });
  expect(draft.statusCode, draft.body).toBe(201);
  const old = (await t.app.inject({ url: '/api/catalogue/items/oud', headers: admin })).json();
  const retired = await t.app.inject({
    method: 'POST',
    url: '/api/catalogue/items/oud/retire',
    headers: admin,
    payload: { version: old.version },
  });
  expect(retired.statusCode, retired.body).toBe(200);
  agent = await signIn(t.app, org.users.agent);
});

async function post(url: string, payload: object, s = agent) {
  return t.app.inject({ method: 'POST', url, headers: s.headers, payload });
}

let people = 0;
/** A customer of the organisation, with a preferred language or none. */
async function customer(preferredLanguage?: 'nl' | 'en') {
  people++;
  const res = await post('/api/customers', {
    kind: 'resident',
    name: `Inwoner ${people} ${org.slug}`,
    email: `inwoner-${people}-${org.slug}@example.nl`,
    ...(preferredLanguage ? { preferredLanguage } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

/** An open contact at the desk (or on another channel), for a customer or anonymous. */
async function openContact(customerId: string | null, extra: object = {}) {
  const res = await post('/api/contacts', { channel: 'desk', customerId, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

const desk = (payload: object) => post('/api/cases', { ...report, ...payload });
const handOver = (c: { id: string; version: number }, payload: object = {}) =>
  post(`/api/contacts/${c.id}/cases`, { ...report, ...payload, version: c.version });

async function caseRow(id: string) {
  const [row] = await t.database.db.select().from(caseFile).where(eq(caseFile.id, id));
  return row!;
}

async function casesOfOrg() {
  const [row] = await t.database.db
    .select({ n: count() })
    .from(caseFile)
    .where(eq(caseFile.organisationId, org.id));
  return row!.n;
}

async function contactRow(id: string) {
  const [row] = await t.database.db.select().from(contact).where(eq(contact.id, id));
  return row!;
}

describe('one intake for the desk and the front office', () => {
  it('refuses a customer merged into another on both paths, and writes nothing', async () => {
    const keep = await customer();
    const duplicate = await customer();
    const c = await openContact(duplicate.id);
    const lead = await signIn(t.app, org.users.teamlead);
    const merged = await post(
      `/api/customers/${keep.id}/merge`,
      { duplicateId: duplicate.id, version: keep.version },
      lead,
    );
    expect(merged.statusCode, merged.body).toBe(200);
    // A merge moves the duplicate's contacts to the surviving record, and a contact cannot be linked to a merged
    // record; a contact row that still names one (written around a merge) is refused at the intake all the same.
    expect((await contactRow(c.id)).customerId).toBe(keep.id);
    await t.database.db.update(contact).set({ customerId: duplicate.id }).where(eq(contact.id, c.id));
    const before = await casesOfOrg();
    const contactBefore = await contactRow(c.id);

    expectProblem(await desk({ customerId: duplicate.id }), 409, 'customer_merged');
    expectProblem(await handOver(c), 409, 'customer_merged');

    expect(await casesOfOrg()).toBe(before);
    expect(await contactRow(c.id)).toEqual(contactBefore);
    // On the surviving record both paths open the case.
    expect((await desk({ customerId: keep.id })).statusCode).toBe(201);
    const relinked = await t.app.inject({
      method: 'PATCH',
      url: `/api/contacts/${c.id}`,
      headers: agent.headers,
      payload: { customerId: keep.id, version: c.version },
    });
    expect(relinked.statusCode, relinked.body).toBe(200);
    const handed = await handOver(relinked.json());
    expect(handed.statusCode, handed.body).toBe(201);
    expect(handed.json().case.customer).toMatchObject({ id: keep.id });
  });

  it('writes in the person’s language on both paths: asked for, else the customer’s, else the contact’s, else Dutch', async () => {
    const english = await customer('en');
    const dutch = await customer('nl');
    const unsure = await customer();
    const language = async (res: { statusCode: number; body: string; json: () => unknown }) => {
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json() as { id: string } | { case: { id: string } };
      return (await caseRow('case' in body ? body.case.id : body.id)).language;
    };
    // The desk: the language asked for, else the customer's, else Dutch.
    expect(await language(await desk({ customerId: english.id }))).toBe('en');
    expect(await language(await desk({ customerId: english.id, language: 'nl' }))).toBe('nl');
    expect(await language(await desk({ customerId: unsure.id }))).toBe('nl');
    expect(await language(await desk({ language: 'en' }))).toBe('en');
    // The front office: the customer's, else the language spoken at the contact, else Dutch.
    expect(await language(await handOver(await openContact(english.id)))).toBe('en');
    expect(await language(await handOver(await openContact(dutch.id, { language: 'en' })))).toBe('nl');
    expect(await language(await handOver(await openContact(unsure.id, { language: 'en' })))).toBe('en');
    expect(await language(await handOver(await openContact(null, { language: 'en' })))).toBe('en');
    expect(await language(await handOver(await openContact(null)))).toBe('nl');
  });

  it('tells the English-speaking customer in English on both paths', async () => {
    const english = await customer('en');
    for (const res of [
      await desk({ customerId: english.id }),
      await handOver(await openContact(english.id)),
    ]) {
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      const id = (body.case ?? body).id as string;
      const told = await t.database.db
        .select({ language: notification.language, kind: notification.kind })
        .from(notification)
        .where(and(eq(notification.caseId, id), eq(notification.audience, 'person')));
      expect(told).toEqual([{ language: 'en', kind: 'status' }]);
    }
  });

  it('refuses an item that is not published the same way on both paths, and writes nothing', async () => {
    const c = await openContact(null);
    const before = await casesOfOrg();
    for (const intake of [desk, (p: object) => handOver(c, p)]) {
      for (const itemCode of ['bestaat-niet', 'concept']) {
        const problem = expectProblem(await intake({ itemCode }), 422, 'case_invalid_action');
        expect(problem.errors).toEqual([expect.objectContaining({ field: 'itemCode', code: 'unknown' })]);
      }
      expectProblem(await intake({ itemCode: 'oud' }), 409, 'not_published');
    }
    expect(await casesOfOrg()).toBe(before);
    expect((await contactRow(c.id)).version).toBe(c.version);
  });

  it('takes the channel from the desk’s request or from the contact; only a hand-over links its contact', async () => {
    const byPhone = await desk({ channel: 'phone' });
    expect(byPhone.statusCode, byPhone.body).toBe(201);
    expect(await caseRow(byPhone.json().id)).toMatchObject({ channel: 'phone', contactId: null });
    const c = await openContact(null, { channel: 'email' });
    const handed = await handOver(c);
    expect(handed.statusCode, handed.body).toBe(201);
    expect(await caseRow(handed.json().case.id)).toMatchObject({ channel: 'email', contactId: c.id });
    expect(handed.json().contact).toMatchObject({ item: { code: 'lamp' }, version: c.version + 1 });
  });
});
