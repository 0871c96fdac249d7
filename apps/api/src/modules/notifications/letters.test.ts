/**
 * Letters for people without an email address (issue 11, finding 9): a complaint acknowledged for such a person
 * becomes a printable letter in the post queue, not a promise of an email that never goes out.
 */
import { auditEvent, notification, outboxJob } from '@voordeur/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { complaintItemDef, publishContent } from '../../test/catalogue-fixtures.ts';
import {
  expectProblem,
  makeOrg,
  type Session,
  signIn,
  type TestOrg,
  useTestApp,
} from '../../test/harness.ts';
import { pdfText } from '../../test/pdf-text.ts';

const t = useTestApp();
let org: TestOrg;
let agent: Session;
let worker: Session;
let admin: Session;
let manager: Session;

type CaseBody = {
  id: string;
  reference: string;
  version: number;
  reach: string;
  complaint: { acknowledgedAt: string | null };
};
type Letter = {
  id: string;
  caseId: string;
  reference: string;
  kind: string;
  recipientName: string | null;
  address: string[];
  language: string;
  subject: string;
  state: string;
  senderAddressMissing: boolean;
  sentAt: string | null;
  sentBy: string | null;
};

const req = (method: 'GET' | 'POST' | 'PUT', url: string, s: Session, payload?: object) =>
  t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

const address = {
  street: 'Dorpsstraat',
  houseNumber: 12,
  houseLetter: 'a',
  postcode: '1234AB',
  city: 'Voorbeeld',
};

async function person(fields: object) {
  const res = await req('POST', '/api/customers', agent, { kind: 'resident', ...fields });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function complaint(customerId: string): Promise<CaseBody> {
  const res = await req('POST', '/api/cases', agent, {
    itemCode: 'klacht',
    description: 'Ik ben onheus bejegend aan de balie',
    customerId,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const rowsOf = (caseId: string) =>
  t.database.db
    .select()
    .from(notification)
    .where(eq(notification.caseId, caseId))
    .orderBy(notification.createdAt);

async function acknowledge(c: CaseBody) {
  const res = await req('POST', `/api/cases/${c.id}/complaint`, worker, {
    action: 'acknowledge',
    version: c.version,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CaseBody>();
}

beforeAll(async () => {
  org = await makeOrg(t.database);
  await publishContent(t.database.db, org.id, {
    items: [complaintItemDef()],
  });
  agent = await signIn(t.app, org.users.agent);
  worker = await signIn(t.app, org.users.backoffice);
  admin = await signIn(t.app, org.users.admin);
  manager = await signIn(t.app, org.users.manager);
  // The organisation's postal address, for the letterhead: through the case settings, by an administrator.
  const settings = (await req('GET', '/api/case-settings', admin)).json();
  const saved = await req('PUT', '/api/case-settings', admin, {
    ...settings,
    letterhead: { address: ['Postbus 100', '1000 AA  TESTSTAD'], contact: ['Telefoon 14 020'] },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  expect(saved.json().letterhead.address).toEqual(['Postbus 100', '1000 AA  TESTSTAD']);
});

describe('letters for people without an email address', () => {
  it('acknowledges a complaint of a person without email as a letter in the post queue, not an email', async () => {
    const id = await person({ name: 'Mies Bakker', address });
    const c = await complaint(id);
    expect(c.reach).toBe('post');

    // The preview says what will happen: a letter, to the postal address.
    const preview = await req('POST', `/api/cases/${c.id}/preview`, worker, { kind: 'acknowledge' });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      channel: 'post',
      note: null,
      recipients: [{ channel: 'post', name: 'Mies Bakker', address: 'Dorpsstraat 12A, 1234 AB VOORBEELD' }],
    });

    const acknowledged = await acknowledge(c);
    expect(acknowledged.complaint.acknowledgedAt).not.toBeNull();
    const rows = await rowsOf(c.id);
    // The intake's confirmation and the acknowledgement: both letters, neither with an outbox job (no email).
    expect(rows.map((r) => [r.kind, r.channel, r.status])).toEqual([
      ['status', 'post', 'queued'],
      ['acknowledgement', 'post', 'queued'],
    ]);
    const jobs = await t.database.db
      .select()
      .from(outboxJob)
      .where(
        and(
          eq(outboxJob.organisationId, org.id),
          inArray(
            sql`${outboxJob.payload} ->> 'notificationId'`,
            rows.map((r) => r.id),
          ),
        ),
      );
    expect(jobs).toEqual([]);

    const queue = await req('GET', '/api/letters', worker);
    expect(queue.statusCode, queue.body).toBe(200);
    const mine = queue.json<{ items: Letter[] }>().items.filter((l) => l.caseId === c.id);
    expect(mine.map((l) => l.kind)).toEqual(['status', 'acknowledgement']);
    expect(mine[1]).toMatchObject({
      reference: c.reference,
      recipientName: 'Mies Bakker',
      address: ['Dorpsstraat 12A', '1234 AB  VOORBEELD'],
      language: 'nl',
      state: 'to_send',
      senderAddressMissing: false,
      sentAt: null,
      sentBy: null,
    });
  });

  it('renders the letter as a real PDF with the reference, the addresses and the text', async () => {
    const c = await complaint(await person({ name: 'Kees Jansen', address }));
    await acknowledge(c);
    const letter = (await rowsOf(c.id)).find((r) => r.kind === 'acknowledgement')!;
    const res = await req('GET', `/api/letters/${letter.id}.pdf`, worker);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="brief-${c.reference}.pdf"`);
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    const text = pdfText(pdf);
    for (const printed of [
      c.reference,
      'Kees Jansen',
      'Dorpsstraat 12A',
      '1234 AB VOORBEELD',
      'Postbus 100',
      '1000 AA TESTSTAD',
      'Telefoon 14 020',
      'Kenmerk',
      'Ontvangstbevestiging van uw klacht',
      'Wij hebben uw klacht van',
    ])
      expect(text).toContain(printed);
  });

  it('writes the letter in the person’s language', async () => {
    const c = await complaint(await person({ name: 'Anna Smith', address, preferredLanguage: 'en' }));
    await acknowledge(c);
    const letter = (await rowsOf(c.id)).find((r) => r.kind === 'acknowledgement')!;
    expect(letter.language).toBe('en');
    const text = pdfText((await req('GET', `/api/letters/${letter.id}.pdf`, worker)).rawPayload);
    expect(text).toContain('Reference');
    expect(text).toContain('We received your complaint');
    expect(text).not.toContain('Kenmerk');
  });

  it('marks a letter sent by post once: who and when, audited; a second time changes nothing', async () => {
    const c = await complaint(await person({ name: 'Piet Post', address }));
    const [letter] = await rowsOf(c.id);
    const first = await req('POST', `/api/letters/${letter!.id}/sent`, worker, {});
    expect(first.statusCode, first.body).toBe(200);
    const sent = first.json<Letter>();
    expect(sent.state).toBe('sent');
    expect(sent.sentBy).toContain(`backoffice ${org.slug}`);
    expect(sent.sentAt).not.toBeNull();
    // A colleague (or a double click) marks it again: the first sender and time stay, no second audit event.
    const again = await req('POST', `/api/letters/${letter!.id}/sent`, admin, {});
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(sent);
    const audits = await t.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityType, 'notification'), eq(auditEvent.entityId, letter!.id)));
    expect(audits.map((a) => [a.action, a.actorUserId])).toEqual([['sent_by_post', org.users.backoffice.id]]);
    expect(audits[0]!.changes).toMatchObject({ status: { before: 'queued', after: 'sent' } });
    // Gone from the post queue, listed with the sent ones; the delivery log shows who posted it.
    const queued = (await req('GET', '/api/letters', worker)).json<{ items: Letter[] }>().items;
    expect(queued.map((l) => l.id)).not.toContain(letter!.id);
    const done = (await req('GET', '/api/letters?state=sent', worker)).json<{ items: Letter[] }>().items;
    expect(done.map((l) => l.id)).toContain(letter!.id);
    const log = (await req('GET', `/api/notifications?caseId=${c.id}`, worker)).json().items;
    expect(log[0]).toMatchObject({ channel: 'post', status: 'sent', sentBy: sent.sentBy });
  });

  it('tells the person by email when an address is known, and by letter when they asked for letters', async () => {
    const byEmail = await complaint(await person({ name: 'Els Mail', email: 'els@example.nl', address }));
    expect(byEmail.reach).toBe('email');
    expect((await rowsOf(byEmail.id)).map((r) => r.channel)).toEqual(['email']);
    const byPost = await complaint(
      await person({ name: 'Wim Brief', email: 'wim@example.nl', address, preferredChannel: 'letter' }),
    );
    expect(byPost.reach).toBe('post');
    expect((await rowsOf(byPost.id)).map((r) => r.channel)).toEqual(['post']);
  });

  it('says nobody is told when a person has neither an email nor a postal address', async () => {
    const c = await complaint(await person({ name: 'Onbekend Adres' }));
    expect(c.reach).toBe('none');
    const preview = await req('POST', `/api/cases/${c.id}/preview`, worker, { kind: 'acknowledge' });
    expect(preview.json()).toMatchObject({ recipients: [], channel: null, note: 'no_address' });
    await acknowledge(c);
    expect(await rowsOf(c.id)).toEqual([]);
  });

  it('keeps letters to those who work cases, and refuses what is not a letter', async () => {
    const c = await complaint(await person({ name: 'Jan Slot', address }));
    const [letter] = await rowsOf(c.id);
    for (const s of [agent, manager]) {
      expectProblem(await req('GET', '/api/letters', s), 403, 'forbidden');
      expectProblem(await req('GET', `/api/letters/${letter!.id}.pdf`, s), 403, 'forbidden');
      expectProblem(await req('POST', `/api/letters/${letter!.id}/sent`, s, {}), 403, 'forbidden');
    }
    const email = await complaint(await person({ name: 'Per Mail', email: 'per@example.nl' }));
    const [mail] = await rowsOf(email.id);
    expectProblem(await req('GET', `/api/letters/${mail!.id}.pdf`, worker), 404, 'not_found');
    expectProblem(await req('POST', `/api/letters/${mail!.id}/sent`, worker, {}), 404, 'not_found');
    expectProblem(
      await req('POST', `/api/letters/${letter!.id}/sent`, worker, { at: 'x' }),
      400,
      'validation_failed',
    );
    expectProblem(await req('GET', '/api/letters/not-a-uuid.pdf', worker), 400, 'validation_failed');
  });

  it('documents the PDF with its media type', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/letters/{id}.pdf'].get;
    expect(Object.keys(op.responses['200'].content)).toEqual(['application/pdf']);
    expect(op.responses['200'].content['application/pdf'].schema).toEqual({
      type: 'string',
      format: 'binary',
    });
    expect(op.responses['404']).toBeDefined();
  });
});
