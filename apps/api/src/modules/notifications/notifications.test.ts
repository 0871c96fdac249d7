/**
 * Notifications after their outbox row commits: delivered over a real (in-process) SMTP server by the outbox
 * worker, retried while the server is down or answers 4xx, bounced on 5xx, kept in the dev mailbox without
 * SMTP_URL; the delivery log, the retry and the mailbox over HTTP.
 */
import { randomUUID } from 'node:crypto';
import { auditEvent, notification, outboxJob } from '@voordeur/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueJobs } from '../../platform/outbox.ts';
import { expectProblem, makeOrg, signIn, type TestOrg, testApp } from '../../test/harness.ts';
import {
  drain,
  makeDue,
  queueTestNotifications,
  testOutboxDeps,
  useIsolatedTestApp,
} from '../../test/outbox-harness.ts';
import { startTestSmtp, type TestSmtp } from '../../test/smtp.ts';

const t = useIsolatedTestApp();
let smtp: TestSmtp;
let org: TestOrg;

const FROM = 'Gemeente Testdorp <noreply@testdorp.example>';
const viaSmtp = (workerId = 'worker-a', extra = {}) =>
  testOutboxDeps({ SMTP_URL: smtp.url, SMTP_FROM: FROM, WORKER_ID: workerId }, [org.id], extra);
const viaMailbox = () => testOutboxDeps({}, [org.id]);

const rowsOf = (ids: string[]) =>
  t.database.db
    .select()
    .from(notification)
    .where(inArray(notification.id, ids))
    .orderBy(notification.createdAt);
const jobsOf = (ids: string[]) =>
  t.database.db
    .select()
    .from(outboxJob)
    .where(
      and(
        eq(outboxJob.organisationId, org.id),
        sql`${outboxJob.payload}->>'notificationId' IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      ),
    );
const delivered = (messageId: string) => smtp.messages.filter((m) => m.messageId === messageId).length;

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp?.close();
});
beforeEach(async () => {
  // A fresh organisation per test: its jobs are the only ones a scoped drain sees.
  org = await makeOrg(t.database);
  await smtp.up();
  smtp.messages.length = 0;
  smtp.refused.length = 0;
  smtp.abandoned.length = 0;
  smtp.dataDelayMs = 0;
  smtp.replyTo = () => undefined;
});

describe('email delivery over SMTP', () => {
  it('delivers a queued notification once, with its Message-ID, sender, recipient and text', async () => {
    const [id] = await queueTestNotifications(t.database.db, org.id, 1, {
      recipient: 'j.jansen@example.nl',
      recipientName: 'Jan Jansen',
      subject: 'Uw melding is ontvangen',
      body: 'Beste Jan,\n\nWij hebben uw melding ontvangen. Één moment geduld.\n',
    });
    const [queued] = await rowsOf([id!]);
    expect(queued).toMatchObject({ status: 'queued', attempts: 0, messageId: `<${id}@voordeur>` });

    const result = await drain(t.database.db, viaSmtp());
    expect(result).toEqual({ claimed: 1, done: 1, retried: 0, failed: 0 });

    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(mail.messageId).toBe(`<${id}@voordeur>`);
    expect(mail.headers.from).toBe('Gemeente Testdorp <noreply@testdorp.example>');
    expect(mail.headers.to).toBe('Jan Jansen <j.jansen@example.nl>');
    expect(mail.headers.subject).toBe('Uw melding is ontvangen');
    expect(mail.headers['auto-submitted']).toBe('auto-generated');
    expect(mail.headers['content-type']).toMatch(/^text\/plain/);
    expect(mail.envelopeFrom).toBe('noreply@testdorp.example');
    expect(mail.envelopeTo).toEqual(['j.jansen@example.nl']);
    expect(mail.text).toContain('Één moment geduld.');

    const [sent] = await rowsOf([id!]);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(sent!.sentAt).toBeInstanceOf(Date);
    const [job] = await jobsOf([id!]);
    expect(job).toMatchObject({ lockedBy: 'worker-a', attempts: 1, failedAt: null, lastError: null });
    expect(job!.doneAt).toBeInstanceOf(Date);
    const audits = await t.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.organisationId, org.id), eq(auditEvent.entityId, id!)));
    expect(audits.map((a) => [a.action, a.actorLabel])).toEqual([['sent', 'Voordeur (worker)']]);

    // Nothing left to do; and a second job for the same notification (a repeat) sends nothing.
    expect((await drain(t.database.db, viaSmtp())).claimed).toBe(0);
    await t.database.db.transaction((tx) =>
      enqueueJobs(tx, [{ organisationId: org.id, kind: 'notification', payload: { notificationId: id } }]),
    );
    expect(await drain(t.database.db, viaSmtp())).toMatchObject({ claimed: 1, done: 1 });
    expect(smtp.messages).toHaveLength(1);
    expect((await rowsOf([id!]))[0]!.attempts).toBe(1);
  });

  it('keeps retrying with growing delays while the server is down, and delivers once when it is back', async () => {
    const ids = await queueTestNotifications(t.database.db, org.id, 3);
    await smtp.down();

    const delays: number[][] = [];
    for (let round = 0; round < 2; round++) {
      await makeDue(t.database.db, [org.id]);
      const before = Date.now();
      expect(await drain(t.database.db, viaSmtp())).toEqual({ claimed: 3, done: 0, retried: 3, failed: 0 });
      const rows = await rowsOf(ids);
      for (const r of rows) {
        expect(r).toMatchObject({ status: 'queued', attempts: round + 1, sentAt: null });
        expect(r.lastError).toMatch(/ECONNREFUSED/);
      }
      const jobs = await jobsOf(ids);
      for (const j of jobs) {
        expect(j).toMatchObject({ attempts: round + 1, lockedBy: null, lockedUntil: null, doneAt: null });
        expect(j.lastError).toMatch(/ECONNREFUSED/);
      }
      delays.push(jobs.map((j) => j.runAt.getTime() - before));
      // Not due yet: a drain now leaves them alone.
      expect((await drain(t.database.db, viaSmtp())).claimed).toBe(0);
    }
    // Base 10 s: the first retry waits 5–10 s, the second 10–20 s (with jitter).
    for (const d of delays[0]!) {
      expect(d).toBeGreaterThanOrEqual(4_000);
      expect(d).toBeLessThanOrEqual(11_000);
    }
    for (const d of delays[1]!) {
      expect(d).toBeGreaterThanOrEqual(9_000);
      expect(d).toBeLessThanOrEqual(21_000);
    }
    expect(smtp.messages).toHaveLength(0);

    await smtp.up();
    await makeDue(t.database.db, [org.id]);
    expect(await drain(t.database.db, viaSmtp())).toMatchObject({ claimed: 3, done: 3 });
    const rows = await rowsOf(ids);
    for (const r of rows) {
      expect(r).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
      expect(delivered(r.messageId)).toBe(1);
    }
    expect(smtp.messages).toHaveLength(3);
  });

  it('treats a 4xx answer as transient', async () => {
    const [id] = await queueTestNotifications(t.database.db, org.id, 1);
    smtp.replyTo = () => ({ code: 451, message: 'Try again later' });
    expect(await drain(t.database.db, viaSmtp())).toMatchObject({ retried: 1 });
    const [row] = await rowsOf([id!]);
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row!.lastError).toMatch(/451/);

    smtp.replyTo = () => undefined;
    await makeDue(t.database.db, [org.id]);
    expect(await drain(t.database.db, viaSmtp())).toMatchObject({ done: 1 });
    expect(await rowsOf([id!])).toMatchObject([{ status: 'sent', attempts: 2, lastError: null }]);
    expect(delivered(row!.messageId)).toBe(1);
  });

  it('marks a notification bounced on a 5xx answer and does not retry it', async () => {
    const [bad, good] = await queueTestNotifications(t.database.db, org.id, 2);
    const [badRow] = await rowsOf([bad!]);
    smtp.replyTo = (mail) =>
      mail.envelopeTo.includes(badRow!.recipient) ? { code: 550, message: 'No such mailbox' } : undefined;
    expect(await drain(t.database.db, viaSmtp())).toMatchObject({ claimed: 2, done: 1, failed: 1 });

    const [bounced] = await rowsOf([bad!]);
    expect(bounced).toMatchObject({ status: 'bounced', attempts: 1, sentAt: null });
    expect(bounced!.lastError).toMatch(/550/);
    const [job] = await jobsOf([bad!]);
    expect(job!.failedAt).toBeInstanceOf(Date);
    expect(job!.doneAt).toBeInstanceOf(Date);
    expect((await rowsOf([good!]))[0]!.status).toBe('sent');

    await makeDue(t.database.db, [org.id]);
    expect((await drain(t.database.db, viaSmtp())).claimed).toBe(0);
    expect(smtp.refused.filter((m) => m.messageId === bounced!.messageId)).toHaveLength(1);
    expect(delivered(bounced!.messageId)).toBe(0);
  });

  it('gives up after the job’s maximum number of attempts', async () => {
    const [id] = await queueTestNotifications(t.database.db, org.id, 1);
    await t.database.db.update(outboxJob).set({ maxAttempts: 2 }).where(eq(outboxJob.organisationId, org.id));
    await smtp.down();
    expect(await drain(t.database.db, viaSmtp())).toMatchObject({ retried: 1 });
    await makeDue(t.database.db, [org.id]);
    expect(await drain(t.database.db, viaSmtp())).toMatchObject({ failed: 1 });
    const [row] = await rowsOf([id!]);
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect(row!.lastError).toMatch(/ECONNREFUSED/);
    const [job] = await jobsOf([id!]);
    expect(job).toMatchObject({ attempts: 2 });
    expect(job!.failedAt).toBeInstanceOf(Date);
  });

  it('fails an SMS openly: there is no SMS provider', async () => {
    const [id] = await queueTestNotifications(t.database.db, org.id, 1, {
      channel: 'sms',
      recipient: '+31612345678',
    });
    expect(await drain(t.database.db, viaSmtp())).toMatchObject({ failed: 1 });
    expect(await rowsOf([id!])).toMatchObject([
      { status: 'failed', attempts: 1, lastError: 'no SMS provider configured', sentAt: null },
    ]);
    expect(smtp.messages).toHaveLength(0);
  });
});

describe('several workers', () => {
  it('two workers draining at once deliver every notification exactly once', async () => {
    const ids = await queueTestNotifications(t.database.db, org.id, 40);
    smtp.dataDelayMs = 20;
    const [a, b] = await Promise.all([
      drain(t.database.db, viaSmtp('worker-a', { batchSize: 4 })),
      drain(t.database.db, viaSmtp('worker-b', { batchSize: 4 })),
    ]);
    // Both took part (batches of 4, each waiting on the server), and together they did each job once.
    expect(a!.claimed).toBeGreaterThan(0);
    expect(b!.claimed).toBeGreaterThan(0);
    expect(a!.done + b!.done).toBe(40);
    expect(a!.claimed + b!.claimed).toBe(40);
    const rows = await rowsOf(ids);
    for (const r of rows) {
      expect(r).toMatchObject({ status: 'sent', attempts: 1 });
      expect(delivered(r.messageId)).toBe(1);
    }
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(40);
    expect(smtp.messages).toHaveLength(40);
  });

  it('a live worker keeps its lease while it waits on the server; a dead worker’s job is taken over', async () => {
    const [id] = await queueTestNotifications(t.database.db, org.id, 1);
    // The server holds its answer to worker A for 3.5 s, longer than A's 2 s lease: A's heartbeat must keep B away.
    smtp.dataDelayMs = 3_500;
    const waiting = new Promise((resolve) => smtp.events.once('waiting', resolve));
    const slow = drain(t.database.db, viaSmtp('worker-a', { leaseSeconds: 2 }));
    await waiting;
    await new Promise((resolve) => setTimeout(resolve, 2_600));
    expect((await drain(t.database.db, viaSmtp('worker-b', { leaseSeconds: 2 }))).claimed).toBe(0);
    expect(await slow).toMatchObject({ done: 1 });
    expect(smtp.messages).toHaveLength(1);

    // A worker that claimed a job and died: its lease must run out before anyone else may take the job.
    smtp.dataDelayMs = 0;
    const [orphan] = await queueTestNotifications(t.database.db, org.id, 1);
    const claim = (until: string) =>
      t.database.db
        .update(outboxJob)
        .set({ lockedBy: 'dead-worker', lockedUntil: sql.raw(until), attempts: 1 })
        .where(sql`${outboxJob.payload}->>'notificationId' = ${orphan}`);
    await claim(`now() + interval '1 hour'`);
    expect((await drain(t.database.db, viaSmtp('worker-b'))).claimed).toBe(0);
    await claim(`now() - interval '1 second'`);
    expect(await drain(t.database.db, viaSmtp('worker-b'))).toMatchObject({ claimed: 1, done: 1 });
    const [job] = await jobsOf([orphan!]);
    expect(job).toMatchObject({ lockedBy: 'worker-b', attempts: 2 });
    expect(await rowsOf([orphan!])).toMatchObject([{ status: 'sent' }]);
    expect(smtp.messages.map((m) => m.messageId)).toEqual([`<${id}@voordeur>`, `<${orphan}@voordeur>`]);
  });

  it('abandons a job that was claimed more often than it may be attempted', async () => {
    const [id] = await queueTestNotifications(t.database.db, org.id, 1);
    await t.database.db
      .update(outboxJob)
      .set({ attempts: 12, maxAttempts: 12 })
      .where(eq(outboxJob.organisationId, org.id));
    expect(await drain(t.database.db, viaSmtp())).toMatchObject({ claimed: 1, failed: 1 });
    const [row] = await rowsOf([id!]);
    expect(row).toMatchObject({ status: 'failed' });
    expect(row!.lastError).toMatch(/given up after 12 attempts/);
    expect(smtp.messages).toHaveLength(0);
  });
});

describe('dev mailbox (no SMTP_URL)', () => {
  it('keeps emails instead of sending them, says so, and lists them for admins', async () => {
    const [id] = await queueTestNotifications(t.database.db, org.id, 1, { subject: 'Bewaard in de mailbox' });
    expect(await drain(t.database.db, viaMailbox())).toMatchObject({ done: 1 });
    expect(smtp.messages).toHaveLength(0);
    expect(await rowsOf([id!])).toMatchObject([{ status: 'sent', attempts: 1, lastError: null }]);

    const admin = await signIn(t.app, org.users.admin);
    const detail = await t.app.inject({ url: `/api/notifications/${id}`, headers: admin.headers });
    expect(detail.json()).toMatchObject({ id, status: 'sent', keptInMailbox: true, lastError: null });
    const box = await t.app.inject({ url: '/api/mailbox', headers: admin.headers });
    expect(box.statusCode).toBe(200);
    expect(box.json().items).toMatchObject([{ id, subject: 'Bewaard in de mailbox', keptInMailbox: true }]);
    expect(box.json().items[0].body).toContain('is in behandeling');

    const agent = await signIn(t.app, org.users.agent);
    expectProblem(await t.app.inject({ url: '/api/mailbox', headers: agent.headers }), 403, 'forbidden');

    // With a mail server configured there is no mailbox: emails leave.
    const withSmtp = await testApp(t.database, { SMTP_URL: smtp.url });
    try {
      const admin2 = await signIn(withSmtp, org.users.admin);
      expectProblem(
        await withSmtp.inject({ url: '/api/mailbox', headers: admin2.headers }),
        404,
        'mailbox_disabled',
      );
    } finally {
      await withSmtp.close();
    }
  });

  it('an email sent over SMTP is not in the mailbox', async () => {
    const [id] = await queueTestNotifications(t.database.db, org.id, 1);
    await drain(t.database.db, viaSmtp());
    const admin = await signIn(t.app, org.users.admin);
    expect(
      (await t.app.inject({ url: `/api/notifications/${id}`, headers: admin.headers })).json(),
    ).toMatchObject({
      status: 'sent',
      keptInMailbox: false,
    });
    expect((await t.app.inject({ url: '/api/mailbox', headers: admin.headers })).json().items).toEqual([]);
  });
});

describe('delivery log over HTTP', () => {
  it('lists the organisation’s notifications, by case and status, newest first, page by page', async () => {
    const caseA = randomUUID();
    // One transaction each: notifications queued together share their created_at (the transaction's now()).
    const [first] = await queueTestNotifications(t.database.db, org.id, 1, { caseId: caseA });
    const [second] = await queueTestNotifications(t.database.db, org.id, 1, { caseId: caseA });
    const [other] = await queueTestNotifications(t.database.db, org.id, 1, {
      channel: 'sms',
      recipient: '+31600000000',
    });
    await drain(t.database.db, viaMailbox());
    const agent = await signIn(t.app, org.users.agent);
    const get = async (query: string) =>
      (await t.app.inject({ url: `/api/notifications${query}`, headers: agent.headers })).json();

    expect((await get('')).items.map((n: { id: string }) => n.id)).toEqual([other, second, first]);
    expect((await get(`?caseId=${caseA}`)).items.map((n: { id: string }) => n.id)).toEqual([second, first]);
    expect((await get('?status=failed')).items).toMatchObject([
      { id: other, channel: 'sms', lastError: 'no SMS provider configured' },
    ]);
    expect((await get('?limit=1')).items.map((n: { id: string }) => n.id)).toEqual([other]);
    expect((await get(`?limit=1&before=${other}`)).items.map((n: { id: string }) => n.id)).toEqual([second]);
    // Rows created within one millisecond (PostgreSQL keeps microseconds, a JS Date does not): the page after
    // the newest still holds the next one. Carrying the cursor's time through JS skipped it (a flaky failure
    // whenever two transactions fell in the same millisecond).
    const caseB = randomUUID();
    const sameMs = [];
    for (const micros of ['100', '300', '500']) {
      const [id] = await queueTestNotifications(t.database.db, org.id, 1, { caseId: caseB });
      await t.database.db
        .update(notification)
        .set({ createdAt: sql`'2026-01-05 10:00:00.123${sql.raw(micros)}+00'::timestamptz` })
        .where(eq(notification.id, id!));
      sameMs.push(id!);
    }
    const [oldest, middle, newest] = sameMs;
    const page = async (before?: string) =>
      (await get(`?caseId=${caseB}&limit=1${before ? `&before=${before}` : ''}`)).items.map(
        (n: { id: string }) => n.id,
      );
    expect(await page()).toEqual([newest]);
    expect(await page(newest)).toEqual([middle]);
    expect(await page(middle)).toEqual([oldest]);
    expect(await page(oldest)).toEqual([]);
    const listed = (await get('')).items[0];
    expect(listed.body).toBeUndefined();
    const detail = await get(`/${first}`);
    expect(detail).toMatchObject({
      id: first,
      caseId: caseA,
      status: 'sent',
      messageId: `<${first}@voordeur>`,
    });
    expect(detail.body).toContain('Beste inwoner');

    expectProblem(
      await t.app.inject({ url: '/api/notifications?status=lost', headers: agent.headers }),
      400,
      'validation_failed',
    );
    expectProblem(
      await t.app.inject({ url: '/api/notifications?limit=1000', headers: agent.headers }),
      400,
      'validation_failed',
    );
    const wrongId = expectProblem(
      await t.app.inject({ url: '/api/notifications?caseId=nope', headers: agent.headers }),
      400,
      'validation_failed',
    );
    expect(wrongId.errors?.[0]?.field).toBe('caseId');
  });

  it('is for those who serve people, and only of their own organisation', async () => {
    const [id] = await queueTestNotifications(t.database.db, org.id, 1);
    for (const role of ['manager', 'quality'] as const) {
      const s = await signIn(t.app, org.users[role]);
      expectProblem(await t.app.inject({ url: '/api/notifications', headers: s.headers }), 403, 'forbidden');
      expectProblem(
        await t.app.inject({ url: `/api/notifications/${id}`, headers: s.headers }),
        403,
        'forbidden',
      );
    }
    for (const role of ['agent', 'backoffice', 'teamlead', 'admin'] as const) {
      const s = await signIn(t.app, org.users[role]);
      expect((await t.app.inject({ url: `/api/notifications/${id}`, headers: s.headers })).statusCode).toBe(
        200,
      );
    }
    const other = await makeOrg(t.database, 'Ander');
    const stranger = await signIn(t.app, other.users.admin);
    expectProblem(
      await t.app.inject({ url: `/api/notifications/${id}`, headers: stranger.headers }),
      404,
      'not_found',
    );
    expect(
      (await t.app.inject({ url: '/api/notifications', headers: stranger.headers })).json().items,
    ).toEqual([]);
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: `/api/notifications/${id}/retry`,
        headers: stranger.headers,
        payload: {},
      }),
      404,
      'not_found',
    );
  });

  it('a team lead sends a bounced notification again, with the same Message-ID; audited', async () => {
    const [id] = await queueTestNotifications(t.database.db, org.id, 1);
    smtp.replyTo = () => ({ code: 550, message: 'Mailbox full for good' });
    await drain(t.database.db, viaSmtp());
    expect((await rowsOf([id!]))[0]!.status).toBe('bounced');

    const agent = await signIn(t.app, org.users.agent);
    const retry = (headers: Record<string, string>, payload: object = {}) =>
      t.app.inject({ method: 'POST', url: `/api/notifications/${id}/retry`, headers, payload });
    expectProblem(await retry(agent.headers), 403, 'forbidden');
    const lead = await signIn(t.app, org.users.teamlead);
    expect(
      expectProblem(await retry(lead.headers, { note: 'x'.repeat(501) }), 400, 'validation_failed')
        .errors?.[0]?.field,
    ).toBe('note');
    const res = await retry(lead.headers, { note: 'Adres telefonisch gecontroleerd' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, status: 'queued', attempts: 1 });
    expect(res.json().lastError).toMatch(/550/);
    const [audit] = await t.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, id!), eq(auditEvent.action, 'retry_requested')));
    expect(audit!.changes).toEqual({
      status: { before: 'bounced', after: 'queued' },
      note: { before: null, after: 'Adres telefonisch gecontroleerd' },
    });
    expectProblem(await retry(lead.headers), 409, 'notification_not_retryable');

    smtp.replyTo = () => undefined;
    expect(await drain(t.database.db, viaSmtp())).toMatchObject({ done: 1 });
    expect(await rowsOf([id!])).toMatchObject([{ status: 'sent', attempts: 2, lastError: null }]);
    expect(delivered(`<${id}@voordeur>`)).toBe(1);
    expect(smtp.refused.map((m) => m.messageId)).toEqual([`<${id}@voordeur>`]);
    expectProblem(await retry(lead.headers), 409, 'notification_not_retryable');
  });
});
