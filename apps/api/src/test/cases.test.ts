import {
  auditEvent,
  caseFile,
  type Database,
  notification,
  outboxJob,
  webhookDelivery,
  webhookSubscription,
} from '@voordeur/db';
import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDuration, addLegalTerm, addPublicNorm, calendarOf } from '../modules/calendar/index.ts';
import { sweepClocks } from '../modules/cases/index.ts';
import { createUser } from '../modules/users/index.ts';
import { systemCtx } from '../platform/actor.ts';
import { encryptIdentifier } from '../platform/personal-data.ts';
import { complaintItemDef, itemDef, publishContent } from './catalogue-fixtures.ts';
import {
  expectProblem,
  makeOrg,
  type Session,
  signIn,
  TEST_PASSWORD,
  type TestOrg,
  useTestApp,
} from './harness.ts';

const t = useTestApp();

type CaseBody = {
  id: string;
  reference: string;
  version: number;
  status: { key: string };
  dueAt: string;
  clock: Record<string, unknown> & { dueAt: string; suspended: unknown; breachedAt: string | null };
  complaint: Record<string, unknown> & { acknowledgeDueAt: string; decisionDueAt: string };
  timeline: { kind: string; visibility: string; body: string }[];
  links: { children: { reference: string }[]; duplicates: { reference: string }[]; main: unknown };
  attachments: { id: string; contentType: string; fileName: string }[];
  [k: string]: unknown;
};

const mails = (caseId: string) =>
  t.database.db
    .select()
    .from(notification)
    .where(and(eq(notification.caseId, caseId), eq(notification.audience, 'person')))
    .orderBy(notification.createdAt);

async function setCase(id: string, set: Partial<typeof caseFile.$inferInsert>) {
  await t.database.db.update(caseFile).set(set).where(eq(caseFile.id, id));
}

async function seed(database: Database, o: TestOrg) {
  await publishContent(database.db, o.id, {
    items: [itemDef('lamp-kapot'), complaintItemDef()],
  });
}

/**
 * An organisation of its own (harness factories): the two items, a lead of the back-office team (who hears of
 * breaches), its staff signed in, a resident, and requests as them. Each describe block builds one before its tests
 * (`useWorld`), and a test that changes what the whole organisation shares (its templates) builds its own: no test
 * sees another's cases or settings, so any test runs alone (`-t`) and in any order.
 */
async function makeWorld() {
  const org = await makeOrg(t.database);
  await seed(t.database, org);
  const leadUser = { email: `lead-back-${org.slug}@example.nl`, password: TEST_PASSWORD };
  await createUser(t.database.db, systemCtx(org.id), {
    email: leadUser.email,
    name: 'Lead Openbare ruimte',
    locale: 'nl',
    password: TEST_PASSWORD,
    memberships: [{ teamId: org.teams.back, role: 'teamlead' }],
  });
  const [agent, worker, lead, admin] = await Promise.all([
    signIn(t.app, org.users.agent),
    signIn(t.app, org.users.backoffice),
    signIn(t.app, leadUser),
    signIn(t.app, org.users.admin),
  ]);
  const req = (method: 'GET' | 'POST' | 'PUT', url: string, s: Session, payload?: object) =>
    t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
  const post = (url: string, payload: object, s = worker) => req('POST', url, s, payload);
  const get = (url: string, s = worker) => req('GET', url, s);
  const resident: { id: string } = (
    await post('/api/customers', { kind: 'resident', name: 'Jan de Vries', email: 'jan@example.nl' }, agent)
  ).json();
  async function intake(over: object = {}, s = agent): Promise<CaseBody> {
    const res = await post(
      '/api/cases',
      {
        itemCode: 'lamp-kapot',
        description: 'Lamp voor nummer 12 is uit',
        location: { description: 'Dorpsstraat 12' },
        customerId: resident.id,
        ...over,
      },
      s,
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  return { org, agent, worker, lead, admin, req, post, get, intake };
}
type World = Awaited<ReturnType<typeof makeWorld>>;

/** The world of a describe block: built before its first test, filled in place (read it inside tests). */
function useWorld(): World {
  const w = {} as World;
  beforeAll(async () => {
    Object.assign(w, await makeWorld());
  });
  return w;
}

describe('intake and transitions', () => {
  const w = useWorld();

  it('opens a case over the API with due dates, tells the person, and publishes a CloudEvent in the same transaction', async () => {
    const { org, intake } = w;
    await t.database.db.insert(webhookSubscription).values({
      organisationId: org.id,
      name: 'Zaaksysteem',
      url: 'http://127.0.0.1:9/hook',
      secretEncrypted: encryptIdentifier('s3cret'),
    });
    // The subscription is the organisation's: it ends with this test, also when the test fails.
    try {
      const c = await intake();
      expect(c.reference).toMatch(/^ZK-\d{4}-\d{6}$/);
      const { definition: cal } = await calendarOf(t.database.db, org.id);
      const created = new Date(c.createdAt as string);
      // The public norm ends at the close of its last working day; the internal target is exact.
      expect(c.dueAt).toBe(addPublicNorm(cal, created, { amount: 5, unit: 'working_days' }).toISOString());
      expect(c.clock.internalDueAt).toBe(
        addDuration(cal, created, { amount: 3, unit: 'working_days' }).toISOString(),
      );
      const sent = await mails(c.id);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ recipient: 'jan@example.nl', kind: 'status', status: 'queued' });
      expect(sent[0]!.body).toContain('We hebben uw melding ontvangen.');
      expect(sent[0]!.body).toContain(c.reference);
      const jobs = await t.database.db
        .select()
        .from(outboxJob)
        .where(sql`${outboxJob.payload}->>'notificationId' = ${sent[0]!.id}`);
      expect(jobs).toHaveLength(1);
      const [delivery] = await t.database.db
        .select()
        .from(webhookDelivery)
        .where(eq(webhookDelivery.caseId, c.id));
      expect(delivery).toMatchObject({ eventType: 'nl.voordeur.case.created', status: 'queued' });
      expect(delivery!.event).toMatchObject({
        specversion: '1.0',
        subject: c.reference,
        type: 'nl.voordeur.case.created',
      });
    } finally {
      await t.database.db
        .update(webhookSubscription)
        .set({ active: false })
        .where(eq(webhookSubscription.organisationId, org.id));
    }
  });

  it('moves only along the workflow, records who and when, tells the person at public steps only, and refuses stale versions', async () => {
    const { agent, post, get, intake } = w;
    const c = await intake();
    const illegal = await post(`/api/cases/${c.id}/transitions`, { to: 'afgehandeld', version: c.version });
    expect(expectProblem(illegal, 422, 'transition_not_allowed').errors?.[0]?.field).toBe('to');
    expectProblem(
      await post(`/api/cases/${c.id}/transitions`, { to: 'in_behandeling', version: c.version }, agent),
      403,
      'forbidden',
    );

    const busy = (
      await post(`/api/cases/${c.id}/transitions`, { to: 'in_behandeling', version: c.version })
    ).json();
    expect(busy.status.key).toBe('in_behandeling');
    expect(busy.history.map((h: { status: string }) => h.status)).toEqual(['ontvangen', 'in_behandeling']);
    expect(busy.history[1].by).toContain('backoffice');
    expect(await mails(c.id)).toHaveLength(1); // internal status: nobody told

    const stale = await post(`/api/cases/${c.id}/transitions`, { to: 'afgehandeld', version: c.version });
    expectProblem(stale, 409, 'version_conflict');
    expect((await get(`/api/cases/${c.id}`)).json().status.key).toBe('in_behandeling');

    const done = (
      await post(`/api/cases/${c.id}/transitions`, {
        to: 'afgehandeld',
        message: 'De lamp brandt weer. Dank u wel voor uw melding, meneer De Vries!',
        version: busy.version,
      })
    ).json();
    expect(done.closedAt).not.toBeNull();
    const sent = await mails(c.id);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.kind).toBe('closing');
    expect(sent[1]!.body).toContain('De lamp brandt weer. Dank u wel voor uw melding, meneer De Vries!');
    const audit = await t.database.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(and(eq(auditEvent.entityType, 'case'), eq(auditEvent.entityId, c.id)))
      .orderBy(auditEvent.id);
    expect(audit.map((a) => a.action)).toEqual(['created', 'status_changed', 'closed']);
    // A reply to a closed case is not lost: it becomes a reopen request.
    const reply = (
      await post(`/api/cases/${c.id}/messages`, { direction: 'in', body: 'Hij is weer uit!' }, agent)
    ).json();
    expect(reply.reopenRequestedAt).not.toBeNull();
    expect(reply.timeline.map((e: { kind: string }) => e.kind)).toContain('reopen_requested');
    const reopened = (
      await post(`/api/cases/${c.id}/reopen`, { reason: 'Lamp weer uit', version: reply.version })
    ).json();
    expect(reopened).toMatchObject({ closedAt: null, reopenRequested: false, status: { key: 'ontvangen' } });
  });

  it('previews exactly what is sent', async () => {
    const { post, intake } = w;
    const c = await intake();
    const busy = (
      await post(`/api/cases/${c.id}/transitions`, { to: 'in_behandeling', version: c.version })
    ).json();
    const preview = (
      await post(`/api/cases/${c.id}/preview`, { kind: 'transition', to: 'afgehandeld' })
    ).json();
    expect(preview.recipients).toEqual([
      { address: 'jan@example.nl', name: 'Jan de Vries', channel: 'email' },
    ]);
    await post(`/api/cases/${c.id}/transitions`, { to: 'afgehandeld', version: busy.version });
    const last = (await mails(c.id)).at(-1)!;
    expect({ subject: last.subject, body: last.body }).toEqual({
      subject: preview.subject,
      body: preview.body,
    });
    const internal = (
      await post(`/api/cases/${c.id}/preview`, { kind: 'transition', to: 'in_behandeling' })
    ).json();
    expect(internal.recipients).toEqual([]);
    expect(internal.note).toBe('internal_status');
    // A message with the worker's own subject is previewed with that subject.
    const own = (
      await post(`/api/cases/${c.id}/preview`, {
        kind: 'message',
        body: 'Wij komen morgen.',
        subject: 'Afspraak',
      })
    ).json();
    expect(own.subject).toBe('Afspraak');
  });
});

describe('the norm clock', () => {
  const w = useWorld();

  it('stops while waiting for the person and moves the due times out by the stop when they answer', async () => {
    const { org, agent, post, intake } = w;
    const c = await intake();
    const busy = (
      await post(`/api/cases/${c.id}/transitions`, { to: 'in_behandeling', version: c.version })
    ).json();
    const waiting = (
      await post(`/api/cases/${c.id}/suspend`, {
        reason: 'Welke lantaarnpaal?',
        message: 'Wilt u het nummer op de paal doorgeven?',
        version: busy.version,
      })
    ).json();
    expect(waiting.clock.suspended).toMatchObject({ reason: 'Welke lantaarnpaal?' });
    expect(waiting.suspended).toBe(true);
    expect((await mails(c.id)).at(-1)!.body).toContain('Wilt u het nummer op de paal doorgeven?');
    // As if the case came in eight days ago and the question was asked six days ago.
    const createdAt = new Date(Date.now() - 8 * 86_400_000);
    const since = new Date(Date.now() - 6 * 86_400_000);
    await setCase(c.id, { createdAt, suspendedSince: since });
    const answered = (
      await post(`/api/cases/${c.id}/messages`, { direction: 'in', body: 'Paal 12-034' }, agent)
    ).json();
    expect(answered.suspended).toBe(false);
    const stop = answered.clock.suspensions[0];
    expect(stop.from).toBe(since.toISOString());
    const { definition: cal } = await calendarOf(t.database.db, org.id);
    const norm = { amount: 5, unit: 'working_days' } as const;
    const expected = addPublicNorm(cal, createdAt, norm, [
      { start: new Date(stop.from), end: new Date(stop.to) },
    ]);
    expect(answered.dueAt).toBe(expected.toISOString());
    // Six calendar days always hold working days: the due date moved out.
    expect(new Date(answered.dueAt) > addPublicNorm(cal, createdAt, norm)).toBe(true);
  });

  it('extends once with a message carrying the new date, previewed with that date', async () => {
    const { org, post, intake } = w;
    const c = await intake();
    const preview = (
      await post(`/api/cases/${c.id}/preview`, {
        kind: 'extend',
        body: 'Onderdeel moet besteld worden',
        extension: { amount: 3, unit: 'working_days' },
      })
    ).json();
    const withoutExtension = await post(`/api/cases/${c.id}/preview`, { kind: 'extend', body: 'x' });
    expect(expectProblem(withoutExtension, 400, 'validation_failed').errors?.[0]?.field).toBe('extension');
    const ext = (
      await post(`/api/cases/${c.id}/extend`, {
        extension: { amount: 3, unit: 'working_days' },
        reason: 'Onderdeel moet besteld worden',
        version: c.version,
      })
    ).json();
    const { definition: cal } = await calendarOf(t.database.db, org.id);
    // Three working days after the day the norm ended, at that day's close.
    const old = new Date(c.dueAt);
    expect(ext.dueAt).toBe(
      addPublicNorm(cal, new Date(+old - 60_000), { amount: 3, unit: 'working_days' }).toISOString(),
    );
    expect(+new Date(ext.dueAt) - +old).toBeGreaterThanOrEqual(3 * 86_400_000 - 3_600_000);
    const sent = (await mails(c.id)).at(-1)!;
    expect(sent).toMatchObject({ kind: 'extension' });
    expect(sent.body).toContain('Onderdeel moet besteld worden');
    // The preview named the new date, not the one before the extension.
    expect({ subject: sent.subject, body: sent.body }).toEqual({
      subject: preview.subject,
      body: preview.body,
    });
    const again = await post(`/api/cases/${c.id}/extend`, {
      extension: { amount: 1, unit: 'working_days' },
      reason: 'x',
      version: ext.version,
    });
    expect(expectProblem(again, 422, 'case_invalid_action').errors?.[0]?.field).toBe('extension');
  });

  it('refuses an extension that would end in the past, also in the preview', async () => {
    const { post, intake } = w;
    const c = await intake();
    // Received six weeks ago: the norm has long passed, and one working day more has passed too.
    await setCase(c.id, { createdAt: new Date(Date.now() - 42 * 86_400_000) });
    const before = (await mails(c.id)).length;
    const short = { extension: { amount: 1, unit: 'working_days' }, reason: 'Onderdeel moet besteld worden' };
    const preview = await post(`/api/cases/${c.id}/preview`, {
      kind: 'extend',
      body: short.reason,
      extension: short.extension,
    });
    expect(expectProblem(preview, 422, 'extension_ends_in_past').errors?.[0]?.field).toBe('extension.amount');
    const refused = await post(`/api/cases/${c.id}/extend`, { ...short, version: c.version });
    expect(expectProblem(refused, 422, 'extension_ends_in_past').errors?.[0]?.field).toBe('extension.amount');
    expect(await mails(c.id)).toHaveLength(before); // the refusals told the person nothing
    const enough = await post(`/api/cases/${c.id}/extend`, {
      ...short,
      extension: { amount: 40, unit: 'working_days' },
      version: c.version,
    });
    expect(enough.statusCode).toBe(200);
    expect(new Date(enough.json().dueAt) > new Date()).toBe(true);
  });

  it('marks each instant of the clock once, as it passes, also when a case passes several at once', async () => {
    const { get, intake } = w;
    const c = await intake();
    const at = new Date();
    const past = new Date(at.getTime() - 60_000);
    const future = new Date(at.getTime() + 86_400_000);
    const clockEvents = async () =>
      ((await get(`/api/cases/${c.id}`)).json().timeline as { kind: string }[])
        .map((e) => e.kind)
        .filter((k) => ['warned', 'internal_breached', 'breached'].includes(k));
    // Only the warning instant has passed.
    await setCase(c.id, { warnAt: past, internalDueAt: future, dueAt: future });
    await sweepClocks(t.database.db, at);
    expect(await clockEvents()).toEqual(['warned']);
    // Then both targets, swept at the same instant: the warning is not repeated.
    await setCase(c.id, { internalDueAt: past, dueAt: past });
    await sweepClocks(t.database.db, at);
    expect((await clockEvents()).sort()).toEqual(['breached', 'internal_breached', 'warned']);
    const [row] = await t.database.db.select().from(caseFile).where(eq(caseFile.id, c.id));
    expect([row!.warnedAt, row!.internalBreachedAt, row!.breachedAt]).toEqual([at, at, at]);
    // One audit event per update of the case: the warning first, then both targets together.
    const audit = await t.database.db
      .select({ action: auditEvent.action, changes: auditEvent.changes })
      .from(auditEvent)
      .where(and(eq(auditEvent.entityType, 'case'), eq(auditEvent.entityId, c.id)))
      .orderBy(auditEvent.id);
    const after = { before: null, after: at.toISOString() };
    expect(audit.filter((a) => a.action !== 'created')).toEqual([
      { action: 'warned', changes: { warned_at: after } },
      { action: 'breached', changes: { internal_breached_at: after, breached_at: after } },
    ]);
  });

  it('warns the team before the internal target, reports a breach to the team lead once, and wants a reason to close late', async () => {
    const { org, post, get, intake } = w;
    const c = await intake();
    const past = new Date(Date.now() - 60_000);
    await setCase(c.id, { warnAt: past, internalDueAt: past, dueAt: past });
    const first = await sweepClocks(t.database.db);
    expect(first.warned).toBeGreaterThanOrEqual(1);
    expect(first.breached).toBeGreaterThanOrEqual(1);
    const again = await sweepClocks(t.database.db);
    expect(again).toEqual({ warned: 0, internalBreached: 0, breached: 0 });
    const staff = await t.database.db
      .select()
      .from(notification)
      .where(and(eq(notification.organisationId, org.id), eq(notification.audience, 'staff')));
    const breach = staff.filter((n) => n.kind === 'breach' && n.body.includes(c.reference));
    expect(breach.map((n) => n.recipient)).toEqual([`lead-back-${org.slug}@example.nl`]);
    expect(breach[0]!.subject).toMatch(/^Servicenorm overschreden: \d+ (zaak|zaken)$/);
    const warn = staff.filter((n) => n.kind === 'warning' && n.body.includes(c.reference));
    expect(warn.map((n) => n.recipient).sort()).toEqual(
      [`lead-back-${org.slug}@example.nl`, org.users.backoffice.email].sort(),
    );
    const now = (await get(`/api/cases/${c.id}`)).json();
    expect(now.breached).toBe(true);
    expect(now.clock.breachedAt).not.toBeNull();
    const kinds = now.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['warned', 'internal_breached', 'breached']));
    // Each mark once: the internal target's passing is not a second "norm breached".
    expect(kinds.filter((k: string) => k === 'breached')).toHaveLength(1);
    const overdue = (await get('/api/cases?due=overdue&limit=200')).json();
    expect(overdue.items.map((x: { id: string }) => x.id)).toContain(c.id);

    const busy = (
      await post(`/api/cases/${c.id}/transitions`, { to: 'in_behandeling', version: now.version })
    ).json();
    const noReason = await post(`/api/cases/${c.id}/transitions`, {
      to: 'afgehandeld',
      version: busy.version,
    });
    const p = expectProblem(noReason, 422, 'breach_reason_required');
    expect(p.errors?.map((e) => e.field).sort()).toEqual(['breachNote', 'breachReason']);
    expect((await get(`/api/cases/${c.id}`)).json().closedAt).toBeNull();
    const closed = (
      await post(`/api/cases/${c.id}/transitions`, {
        to: 'afgehandeld',
        breachReason: 'third_party',
        breachNote: 'Netbeheerder moest de kabel vervangen',
        version: busy.version,
      })
    ).json();
    expect(closed.clock.breach).toEqual({
      reason: 'third_party',
      label: 'Wachten op een andere partij',
      note: 'Netbeheerder moest de kabel vervangen',
    });
  });
});

describe('complaints (Awb chapter 9)', () => {
  const w = useWorld();

  it('acknowledges within 5 working days, extends once by at most 4 weeks with a message, decides with the ombudsman', async () => {
    const { org, lead, post, intake } = w;
    const c = await intake({
      itemCode: 'klacht',
      description: 'Onbeschoft behandeld aan de balie',
      location: undefined,
    });
    const { definition: cal } = await calendarOf(t.database.db, org.id);
    const received = new Date(c.createdAt as string);
    expect(c.complaint.acknowledgeDueAt).toBe(
      addDuration(cal, received, { amount: 5, unit: 'working_days' }).toISOString(),
    );
    // Six weeks, to the end of the day, past a weekend or holiday (Algemene termijnenwet).
    expect(c.complaint.decisionDueAt).toBe(
      addLegalTerm(cal, received, { amount: 6, unit: 'weeks' }).toISOString(),
    );
    const wallClock = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(c.complaint.decisionDueAt));
    expect(wallClock).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 23:59$/);
    // The public norm of 4 weeks ends at the close of a working day, never on a Sunday night.
    expect(c.dueAt).toBe(addPublicNorm(cal, received, { amount: 4, unit: 'weeks' }).toISOString());
    expect(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Amsterdam',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(c.dueAt)),
    ).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 17:00$/);
    expect(new Date(c.dueAt) >= addDuration(cal, received, { amount: 4, unit: 'weeks' })).toBe(true);
    expect(
      new Date(c.complaint.decisionDueAt) >= addDuration(cal, received, { amount: 6, unit: 'weeks' }),
    ).toBe(true);
    const ack = (
      await post(`/api/cases/${c.id}/complaint`, { action: 'acknowledge', version: c.version }, lead)
    ).json();
    expect(ack.complaint.acknowledgedAt).not.toBeNull();
    expect((await mails(c.id)).at(-1)!.kind).toBe('acknowledgement');
    expect((await mails(c.id)).at(-1)!.subject).toContain('Ontvangstbevestiging');

    const tooLong = await post(
      `/api/cases/${c.id}/complaint`,
      { action: 'extend', weeks: 5, reason: 'x', version: ack.version },
      lead,
    );
    expect(expectProblem(tooLong, 400, 'validation_failed').errors?.[0]?.field).toBe('weeks');
    const preview = (
      await post(
        `/api/cases/${c.id}/preview`,
        { kind: 'complaint_extend', weeks: 3, body: 'Betrokken medewerker is met verlof' },
        lead,
      )
    ).json();
    const ext = (
      await post(
        `/api/cases/${c.id}/complaint`,
        { action: 'extend', weeks: 3, reason: 'Betrokken medewerker is met verlof', version: ack.version },
        lead,
      )
    ).json();
    expect(ext.complaint.decisionDueAt).toBe(
      addLegalTerm(cal, received, { amount: 9, unit: 'weeks' }).toISOString(),
    );
    const postponement = (await mails(c.id)).at(-1)!;
    expect(postponement.body).toContain('Betrokken medewerker is met verlof');
    expect({ subject: postponement.subject, body: postponement.body }).toEqual({
      subject: preview.subject,
      body: preview.body,
    });
    const twice = await post(
      `/api/cases/${c.id}/complaint`,
      { action: 'extend', weeks: 1, reason: 'x', version: ext.version },
      lead,
    );
    expectProblem(twice, 422, 'case_invalid_action');

    const final = ext.workflow.find((s: { final: boolean }) => s.final).key;
    const undecided = await post(`/api/cases/${c.id}/transitions`, { to: final, version: ext.version }, lead);
    expect(undecided.statusCode).toBe(422);
    const decided = (
      await post(
        `/api/cases/${c.id}/complaint`,
        { action: 'decide', outcome: 'founded', text: 'U heeft gelijk; onze excuses.', version: ext.version },
        lead,
      )
    ).json();
    expect(decided.complaint.decision).toMatchObject({ outcome: 'founded' });
    const letter = (await mails(c.id)).at(-1)!;
    expect(letter.kind).toBe('decision');
    expect(letter.body).toContain('U heeft gelijk; onze excuses.');
    expect(letter.body).toContain('Nationale ombudsman');
  });
});

describe('back office', () => {
  const w = useWorld();

  it('queues by team and assignee, claims and bulk-assigns, and sorts by due time', async () => {
    const { org, lead, intake } = w;
    // "Mine" is the queue of a back-office worker of this test's own: nothing else is ever assigned to them.
    const email = `wachtrij-${org.slug}@example.nl`;
    const own = await createUser(t.database.db, systemCtx(org.id), {
      email,
      name: `backoffice wachtrij ${org.slug}`,
      locale: 'nl',
      password: TEST_PASSWORD,
      memberships: [{ teamId: org.teams.back, role: 'backoffice' }],
    });
    const worker = await signIn(t.app, { email, password: TEST_PASSWORD });
    const post = (url: string, payload: object, s = worker) => w.post(url, payload, s);
    const get = (url: string, s = worker) => w.get(url, s);
    const a = await intake();
    const b = await intake();
    const queue = (await get(`/api/cases?teamId=${org.teams.back}&assignee=none&limit=200`)).json();
    const ids = queue.items.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    const dues = queue.items.map((x: { dueAt: string }) => x.dueAt);
    expect([...dues].sort()).toEqual(dues);
    const claimed = (await post(`/api/cases/${a.id}/claim`, { version: a.version })).json();
    expect(claimed.assignee.name).toContain('backoffice');
    const mine = (await get('/api/cases?assignee=me')).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expectProblem(
      await post('/api/cases/assign', {
        cases: [{ id: b.id, version: b.version }],
        assigneeId: own.user.id,
      }),
      403,
      'forbidden',
    );
    const stale = await post(
      '/api/cases/assign',
      {
        cases: [
          { id: a.id, version: a.version },
          { id: b.id, version: b.version },
        ],
        assigneeId: own.user.id,
      },
      lead,
    );
    expectProblem(stale, 409, 'version_conflict');
    expect((await get(`/api/cases/${b.id}`)).json().assignee).toBeNull(); // all or nothing
    const ok = await post(
      '/api/cases/assign',
      {
        cases: [
          { id: a.id, version: claimed.version },
          { id: b.id, version: b.version },
        ],
        assigneeId: own.user.id,
      },
      lead,
    );
    expect(ok.json()).toEqual({ updated: 2 });
    expect((await get('/api/cases?assignee=me')).json().total).toBe(2);
  });

  it('simultaneous child tasks on the same version: one is made, the others get 409 (never a 500)', async () => {
    const { org, post, get, intake } = w;
    const main = await intake();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        post(`/api/cases/${main.id}/children`, {
          teamId: org.teams.front,
          description: `Deeltaak ${i}`,
          version: main.version,
        }),
      ),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses, results.map((r) => r.body).join('\n')).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expectProblem(r, 409, 'version_conflict');
    // The next one, on the new version, gets the next number.
    const now = (await get(`/api/cases/${main.id}`)).json();
    const next = await post(`/api/cases/${main.id}/children`, {
      teamId: org.teams.front,
      description: 'Nog een',
      version: now.version,
    });
    expect(next.json().reference).toBe(`${main.reference}-T2`);
  });

  it('splits work into child tasks and merges duplicates whose reporters then hear of the main case', async () => {
    const { org, agent, post, get, intake } = w;
    const main = await intake();
    const other = (
      await post('/api/customers', { kind: 'resident', name: 'Els Buur', email: 'els@example.nl' }, agent)
    ).json();
    const dup = await intake({ customerId: other.id });
    const child = await post(`/api/cases/${main.id}/children`, {
      teamId: org.teams.front,
      description: 'Netbeheerder bellen',
      version: main.version,
    });
    expect(child.statusCode, child.body).toBe(201);
    expect(child.json().reference).toBe(`${main.reference}-T1`);
    const merged = (
      await post(`/api/cases/${dup.id}/merge`, { mainCaseId: main.id, version: dup.version })
    ).json();
    expect(merged.closedAt).not.toBeNull();
    expect((await mails(dup.id)).at(-1)!.kind).toBe('merged');
    const m = (await get(`/api/cases/${main.id}`)).json();
    expect(m.links.children.map((x: { reference: string }) => x.reference)).toEqual([`${main.reference}-T1`]);
    expect(m.links.duplicates.map((x: { reference: string }) => x.reference)).toEqual([dup.reference]);
    const busy = (
      await post(`/api/cases/${main.id}/transitions`, { to: 'in_behandeling', version: m.version })
    ).json();
    const blocked = await post(`/api/cases/${main.id}/transitions`, {
      to: 'afgehandeld',
      version: busy.version,
    });
    // The refusal names its field and, for clients that word it themselves, a stable reason.
    expect(expectProblem(blocked, 422, 'case_invalid_action').errors?.[0]).toMatchObject({
      field: 'to',
      code: 'child_tasks_open',
    });
    const itself = await post(`/api/cases/${main.id}/merge`, { mainCaseId: main.id, version: busy.version });
    expect(expectProblem(itself, 422, 'case_invalid_action').errors?.[0]).toMatchObject({
      field: 'mainCaseId',
      code: 'own_duplicate',
    });
    const c = child.json();
    const cBusy = (
      await post(`/api/cases/${c.id}/transitions`, { to: 'in_behandeling', version: c.version })
    ).json();
    await post(`/api/cases/${c.id}/transitions`, { to: 'afgehandeld', version: cBusy.version });
    expect(await mails(c.id)).toHaveLength(0); // a child task tells nobody
    await post(`/api/cases/${main.id}/transitions`, { to: 'afgehandeld', version: busy.version });
    const closing = (
      await t.database.db
        .select()
        .from(notification)
        .where(and(eq(notification.caseId, main.id), eq(notification.kind, 'closing')))
    ).map((n) => n.recipient);
    expect(closing.sort()).toEqual(['els@example.nl', 'jan@example.nl']);
  });

  it('keeps photos and PDFs recognised by content, refuses other files and oversized ones, and serves them as downloads', async () => {
    const { agent, get, intake } = w;
    const c = await intake();
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const upload = (name: string, data: Buffer, type: string) => {
      const boundary = 'voordeurboundary';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
        ),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({
        method: 'POST',
        url: `/api/cases/${c.id}/attachments`,
        headers: { ...agent.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: body,
      });
    };
    const ok = await upload('../../lamp.jpg', png, 'image/jpeg');
    expect(ok.statusCode, ok.body).toBe(201);
    const att = ok.json().attachments[0];
    expect(att).toMatchObject({ contentType: 'image/png', fileName: 'lamp.jpg' });
    expectProblem(
      await upload('evil.png', Buffer.from('<script>alert(1)</script>'), 'image/png'),
      422,
      'attachment_rejected',
    );
    const big = Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)]);
    expectProblem(await upload('big.png', big, 'image/png'), 413, 'attachment_too_large');
    const down = await get(`/api/cases/${c.id}/attachments/${att.id}`, agent);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('image/png');
    expect(String(down.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(down.rawPayload.equals(png)).toBe(true);
    expect((await get(`/api/cases/${c.id}`)).json().attachments).toHaveLength(1);
  });

  it('uses the organisation’s own template, and refuses unknown placeholders', async () => {
    // Templates are the whole organisation's: this test changes them in an organisation of its own.
    const { lead, req, post, intake } = await makeWorld();
    const bad = await req('PUT', '/api/message-templates/message', lead, {
      name: 'Bericht',
      subject: { nl: 'Over {{reference}}', en: 'About {{reference}}' },
      body: { nl: 'Hoi {{voornaam}}', en: 'Hi {{name}}' },
    });
    expect(expectProblem(bad, 400, 'validation_failed').errors?.[0]?.field).toBe('body.nl');
    const saved = await req('PUT', '/api/message-templates/message', lead, {
      name: 'Bericht',
      subject: { nl: 'Nieuws over {{reference}}', en: 'News about {{reference}}' },
      body: {
        nl: 'Dag {{name}},\n\n{{message}}\n\nGemeente Voorbeeld',
        en: 'Hello {{name}},\n\n{{message}}',
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // The intake's confirmation too (its templates come with the intake's one read of the organisation).
    const received = await req('PUT', '/api/message-templates/received', lead, {
      name: 'Ontvangen',
      subject: { nl: 'Binnen: {{reference}}', en: 'Received: {{reference}}' },
      body: { nl: 'Dag {{name}}, we kijken ernaar.', en: 'Hello {{name}}, we are on it.' },
    });
    expect(received.statusCode, received.body).toBe(200);
    const c = await intake();
    const confirmation = (await mails(c.id))[0]!;
    expect(confirmation.subject).toBe(`Binnen: ${c.reference}`);
    // An own text without {{trackingLink}} still carries the person's link to their case page, at the end.
    expect(confirmation.body).toMatch(
      /^Dag Jan de Vries, we kijken ernaar\.\n\nBekijk de stand van zaken: http:\/\/\S+\/zaak\/[\w-]{32}$/,
    );
    await post(`/api/cases/${c.id}/messages`, { direction: 'out', body: 'De monteur komt donderdag.' });
    const last = (await mails(c.id)).at(-1)!;
    expect(last.subject).toBe(`Nieuws over ${c.reference}`);
    expect(last.body).toMatch(
      /^Dag Jan de Vries,\n\nDe monteur komt donderdag\.\n\nGemeente Voorbeeld\n\nBekijk de stand van zaken: \S+$/,
    );
  });

  it('random bodies on every case action never cause a 500 and never change the case', async () => {
    const { admin, get, intake } = w;
    const c = await intake();
    const paths = [
      'transitions',
      'claim',
      'notes',
      'messages',
      'suspend',
      'resume',
      'extend',
      'complaint',
      'children',
      'merge',
      'reopen',
      'preview',
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.anything(), async (path, body) => {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/cases/${c.id}/${path}`,
          headers: { ...admin.headers, 'content-type': 'application/json' },
          payload: JSON.stringify(body) ?? 'null',
        });
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    const after = (await get(`/api/cases/${c.id}`)).json();
    expect(after.version).toBe(c.version);
  });
});
