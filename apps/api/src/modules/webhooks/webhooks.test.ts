/**
 * Webhooks: admin-only subscriptions with a secret shown once and stored encrypted; case events delivered by the
 * outbox worker to a real (in-process) HTTP receiver as signed, structured CloudEvents; retries and the log.
 */
import { randomUUID } from 'node:crypto';
import { auditEvent, caseFile, outboxJob, webhookDelivery, webhookSubscription } from '@voordeur/db';
import { type CloudEvent, HTTP } from 'cloudevents';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decryptIdentifier } from '../../platform/personal-data.ts';
import { itemDef, publishContent } from '../../test/catalogue-fixtures.ts';
import { expectProblem, makeOrg, type Session, signIn, type TestOrg } from '../../test/harness.ts';
import { drain, makeDue, testOutboxDeps, useIsolatedTestApp } from '../../test/outbox-harness.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/webhook-receiver.ts';
import { sweepClocks } from '../cases/index.ts';
import { publishCaseEvents, signWebhook, verifyWebhook, webhookJobHandler } from './index.ts';

const t = useIsolatedTestApp();
let receiver: WebhookReceiver;
let org: TestOrg;
let admin: Session;

const deps = (extra = {}) => testOutboxDeps({}, [org.id], extra);

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
});
beforeEach(async () => {
  org = await makeOrg(t.database);
  admin = await signIn(t.app, org.users.admin);
  receiver.requests.length = 0;
  receiver.status = () => 204;
  receiver.delayMs = 0;
});

const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers = admin.headers) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const get = (url: string, headers = admin.headers) => t.app.inject({ url, headers });

async function subscribe(payload: object = {}) {
  const res = await send('POST', '/api/webhooks', { name: 'Zaaksysteem', url: receiver.url, ...payload });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; secret: string; version: number };
}

async function publish(types: ('created' | 'closed' | 'status_changed')[], caseId = randomUUID()) {
  await t.database.db.transaction((tx) =>
    publishCaseEvents(
      tx,
      types.map((type, i) => ({
        organisationId: org.id,
        type,
        caseId,
        reference: 'Z-2026-000042',
        sequence: i + 1,
        time: new Date('2026-04-08T10:00:00Z'),
        data: { status: type },
      })),
    ),
  );
  return caseId;
}

const deliveriesOf = (subscriptionId: string) =>
  t.database.db
    .select()
    .from(webhookDelivery)
    .where(eq(webhookDelivery.subscriptionId, subscriptionId))
    .orderBy(webhookDelivery.createdAt);

describe('webhook subscriptions', () => {
  it('an admin creates one and sees its secret once; it is stored encrypted and never listed', async () => {
    const created = await subscribe({ eventTypes: ['nl.voordeur.case.created', 'nl.voordeur.case.created'] });
    expect(created).toMatchObject({
      name: 'Zaaksysteem',
      url: receiver.url,
      eventTypes: ['nl.voordeur.case.created'],
      active: true,
      version: 1,
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const [row] = await t.database.db
      .select()
      .from(webhookSubscription)
      .where(eq(webhookSubscription.id, created.id));
    expect(Buffer.from(row!.secretEncrypted).toString('latin1')).not.toContain(created.secret.slice(6, 20));
    expect(decryptIdentifier(Buffer.from(row!.secretEncrypted))).toBe(created.secret);

    const list = await get('/api/webhooks');
    expect(list.json().items).toHaveLength(1);
    const one = await get(`/api/webhooks/${created.id}`);
    for (const body of [list.body, one.body]) {
      expect(body).not.toContain(created.secret);
      expect(body).not.toContain('secret');
    }
    const audits = await t.database.db.select().from(auditEvent).where(eq(auditEvent.entityId, created.id));
    expect(audits.map((a) => a.action)).toEqual(['created']);
    expect(JSON.stringify(audits.map((a) => a.changes))).not.toContain(created.secret);
  });

  it('is changed with optimistic locking and deleted, each change audited', async () => {
    const created = await subscribe();
    const changed = await send('PATCH', `/api/webhooks/${created.id}`, {
      name: 'Zaaksysteem (nieuw)',
      eventTypes: ['nl.voordeur.case.closed'],
      active: false,
      version: 1,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      name: 'Zaaksysteem (nieuw)',
      eventTypes: ['nl.voordeur.case.closed'],
      active: false,
      version: 2,
    });
    expectProblem(
      await send('PATCH', `/api/webhooks/${created.id}`, { name: 'X', version: 1 }),
      409,
      'version_conflict',
    );
    const deleted = await send('DELETE', `/api/webhooks/${created.id}`);
    expect(deleted.statusCode).toBe(204);
    expectProblem(await get(`/api/webhooks/${created.id}`), 404, 'not_found');
    expectProblem(await send('DELETE', `/api/webhooks/${created.id}`), 404, 'not_found');
    const audits = await t.database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.entityId, created.id))
      .orderBy(auditEvent.id);
    expect(audits.map((a) => a.action)).toEqual(['created', 'updated', 'deleted']);
    expect(audits[1]!.changes).toEqual({
      name: { before: 'Zaaksysteem', after: 'Zaaksysteem (nieuw)' },
      eventTypes: { before: [], after: ['nl.voordeur.case.closed'] },
      active: { before: true, after: false },
    });
  });

  it('refuses bad input with a problem that names the field', async () => {
    const problem = async (payload: object, status: number, code: string) =>
      expectProblem(
        await send('POST', '/api/webhooks', { name: 'X', url: receiver.url, ...payload }),
        status,
        code,
      ).errors;
    expect(await problem({ url: 'ftp://example.nl/hook' }, 422, 'webhook_invalid')).toEqual([
      { field: 'url', message: 'Must be http:// or https://', code: 'url_scheme' },
    ]);
    expect(await problem({ url: 'not a url' }, 422, 'webhook_invalid')).toEqual([
      { field: 'url', message: 'Not a URL', code: 'not_a_url' },
    ]);
    expect((await problem({ url: 'https://user:pw@example.nl/' }, 422, 'webhook_invalid'))?.[0]?.field).toBe(
      'url',
    );
    expect((await problem({ url: 'javascript:alert(1)' }, 422, 'webhook_invalid'))?.[0]?.field).toBe('url');
    expect(
      (
        await problem(
          { eventTypes: ['nl.voordeur.case.created', 'nl.voordeur.case.exploded'] },
          422,
          'webhook_invalid',
        )
      )?.map((e) => e.field),
    ).toEqual(['eventTypes.1']);
    expect((await problem({ eventTypes: ['created'] }, 422, 'webhook_invalid'))?.[0]?.field).toBe(
      'eventTypes.0',
    );
    // Sizes and shapes are the schema's: 400 with the field, like everywhere in the API.
    expect((await problem({ name: 'x'.repeat(101) }, 400, 'validation_failed'))?.[0]?.field).toBe('name');
    expect(
      (await problem({ url: `https://example.nl/${'a'.repeat(2000)}` }, 400, 'validation_failed'))?.[0]
        ?.field,
    ).toBe('url');
    expect(
      (
        await problem(
          { eventTypes: Array.from({ length: 33 }, () => 'nl.voordeur.case.created') },
          400,
          'validation_failed',
        )
      )?.[0]?.field,
    ).toBe('eventTypes');
    expect((await problem({ secret: 'mine' }, 400, 'validation_failed'))?.[0]?.field).toBe('secret');
    const created = await subscribe();
    expect(
      expectProblem(
        await send('PATCH', `/api/webhooks/${created.id}`, { url: 'gopher://x', version: 1 }),
        422,
        'webhook_invalid',
      ).errors?.[0]?.field,
    ).toBe('url');
    expect(
      await t.database.db
        .select()
        .from(webhookSubscription)
        .where(eq(webhookSubscription.organisationId, org.id)),
    ).toHaveLength(1);
  });

  it('is for admins only, and only of their own organisation', async () => {
    const created = await subscribe();
    for (const role of ['agent', 'backoffice', 'teamlead', 'manager', 'quality'] as const) {
      const s = await signIn(t.app, org.users[role]);
      expectProblem(await get('/api/webhooks', s.headers), 403, 'forbidden');
      expectProblem(await get(`/api/webhooks/${created.id}/deliveries`, s.headers), 403, 'forbidden');
      expectProblem(
        await send('POST', '/api/webhooks', { name: 'X', url: receiver.url }, s.headers),
        403,
        'forbidden',
      );
      expectProblem(await send('POST', `/api/webhooks/${created.id}/test`, {}, s.headers), 403, 'forbidden');
    }
    const other = await makeOrg(t.database, 'Ander');
    const stranger = await signIn(t.app, other.users.admin);
    expect((await get('/api/webhooks', stranger.headers)).json().items).toEqual([]);
    expectProblem(await get(`/api/webhooks/${created.id}`, stranger.headers), 404, 'not_found');
    expectProblem(await get(`/api/webhooks/${created.id}/deliveries`, stranger.headers), 404, 'not_found');
    expectProblem(
      await send('PATCH', `/api/webhooks/${created.id}`, { active: false, version: 1 }, stranger.headers),
      404,
      'not_found',
    );
    expectProblem(
      await send('POST', `/api/webhooks/${created.id}/test`, {}, stranger.headers),
      404,
      'not_found',
    );
    expectProblem(
      await send('DELETE', `/api/webhooks/${created.id}`, undefined, stranger.headers),
      404,
      'not_found',
    );
    // The stranger's organisation has no subscription: A's case events never reach anything of B's.
    expect((await get(`/api/webhooks/${created.id}`)).json()).toMatchObject({ active: true, version: 1 });
  });
});

describe('webhook delivery', () => {
  it('posts each subscribed case event as a signed, structured CloudEvent', async () => {
    const sub = await subscribe({ eventTypes: ['nl.voordeur.case.created'] });
    const all = await subscribe({ name: 'Alles', url: `${receiver.url}?all=1` });
    const caseId = await publish(['created', 'closed']);
    expect(await drain(t.database.db, deps())).toMatchObject({ claimed: 3, done: 3 });

    expect(receiver.requests.map((r) => r.path).sort()).toEqual([
      '/hooks/voordeur',
      '/hooks/voordeur?all=1',
      '/hooks/voordeur?all=1',
    ]);
    const req = receiver.requests.find((r) => r.path === '/hooks/voordeur')!;
    const [delivery] = await deliveriesOf(sub.id);
    expect(req.method).toBe('POST');
    expect(req.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(req.headers['webhook-id']).toBe(delivery!.id);
    expect(Math.abs(Number(req.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(30);

    // The signature, checked twice: with the helper receivers may copy, and by hand (Standard Webhooks).
    expect(verifyWebhook(sub.secret, req.headers, req.body)).toBe(true);
    const key = Buffer.from(sub.secret.slice('whsec_'.length), 'base64');
    const { createHmac } = await import('node:crypto');
    const mac = createHmac('sha256', key)
      .update(`${req.headers['webhook-id']}.${req.headers['webhook-timestamp']}.${req.body}`)
      .digest('base64');
    expect(req.headers['webhook-signature']).toBe(`v1,${mac}`);
    expect(verifyWebhook(sub.secret, req.headers, req.body.replace('Z-2026', 'Z-2027'))).toBe(false);
    expect(verifyWebhook(all.secret, req.headers, req.body)).toBe(false);
    expect(verifyWebhook(sub.secret, req.headers, req.body, { now: new Date(Date.now() + 3_600_000) })).toBe(
      false,
    );

    // A CloudEvents SDK reads it as a valid structured-mode event.
    const event = HTTP.toEvent({ headers: req.headers, body: req.body }) as CloudEvent<
      Record<string, unknown>
    >;
    expect(event.validate()).toBe(true);
    expect(event).toMatchObject({
      specversion: '1.0',
      type: 'nl.voordeur.case.created',
      subject: 'Z-2026-000042',
      source: `/organisations/${org.id}/cases`,
      datacontenttype: 'application/json',
    });
    expect(event.data).toEqual({ caseId, reference: 'Z-2026-000042', status: 'created' });

    expect(delivery).toMatchObject({
      status: 'delivered',
      attempts: 1,
      responseStatus: 204,
      lastError: null,
    });
    const log = await get(`/api/webhooks/${sub.id}/deliveries`);
    expect(log.json().items).toMatchObject([
      { id: delivery!.id, eventType: 'nl.voordeur.case.created', caseId, status: 'delivered', attempts: 1 },
    ]);
    expect((await get(`/api/webhooks/${all.id}/deliveries?status=delivered`)).json().items).toHaveLength(2);
  });

  it('retries a 500 with backoff and delivers later with the same webhook-id; the log shows it', async () => {
    const sub = await subscribe();
    await publish(['status_changed']);
    receiver.status = () => 500;
    expect(await drain(t.database.db, deps())).toMatchObject({ retried: 1 });
    const [failing] = await deliveriesOf(sub.id);
    expect(failing).toMatchObject({
      status: 'queued',
      attempts: 1,
      responseStatus: 500,
      lastError: 'HTTP 500',
    });
    const [job] = await t.database.db.select().from(outboxJob).where(eq(outboxJob.organisationId, org.id));
    expect(job!.runAt.getTime()).toBeGreaterThan(Date.now() + 3_000);
    expect(job!.lastError).toBe('HTTP 500');
    expect((await get(`/api/webhooks/${sub.id}/deliveries?status=queued`)).json().items).toMatchObject([
      { status: 'queued', responseStatus: 500, lastError: 'HTTP 500' },
    ]);

    receiver.status = () => 200;
    await makeDue(t.database.db, [org.id]);
    expect(await drain(t.database.db, deps())).toMatchObject({ done: 1 });
    expect(await deliveriesOf(sub.id)).toMatchObject([
      { status: 'delivered', attempts: 2, responseStatus: 200, lastError: null },
    ]);
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[0]!.headers['webhook-id']).toBe(receiver.requests[1]!.headers['webhook-id']);
    expect(receiver.requests[0]!.body).toBe(receiver.requests[1]!.body);
    for (const r of receiver.requests) expect(verifyWebhook(sub.secret, r.headers, r.body)).toBe(true);
  });

  it('gives up after the maximum attempts, and counts a receiver that does not answer in time as a failure', async () => {
    const sub = await subscribe();
    await publish(['created']);
    await t.database.db.update(outboxJob).set({ maxAttempts: 2 }).where(eq(outboxJob.organisationId, org.id));
    receiver.delayMs = 1_000;
    const quick = deps({ handlers: { webhook: webhookJobHandler({ timeoutMs: 200 }) } });
    expect(await drain(t.database.db, quick)).toMatchObject({ retried: 1 });
    expect(await deliveriesOf(sub.id)).toMatchObject([
      { status: 'queued', attempts: 1, responseStatus: null, lastError: 'no answer within 0.2 s' },
    ]);
    receiver.delayMs = 0;
    receiver.status = () => 410;
    await makeDue(t.database.db, [org.id]);
    expect(await drain(t.database.db, quick)).toMatchObject({ failed: 1 });
    expect(await deliveriesOf(sub.id)).toMatchObject([
      { status: 'failed', attempts: 2, responseStatus: 410, lastError: 'HTTP 410' },
    ]);
  });

  it('sends a failed delivery again on request, with the same webhook-id; only a failed one, by an admin', async () => {
    const sub = await subscribe();
    await publish(['created']);
    await t.database.db.update(outboxJob).set({ maxAttempts: 1 }).where(eq(outboxJob.organisationId, org.id));
    receiver.status = () => 410;
    expect(await drain(t.database.db, deps())).toMatchObject({ failed: 1 });
    const [failed] = await deliveriesOf(sub.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 410' });
    const retry = (id = failed!.id, headers = admin.headers, webhookId = sub.id) =>
      send('POST', `/api/webhooks/${webhookId}/deliveries/${id}/retry`, {}, headers);

    const agent = await signIn(t.app, org.users.agent);
    expectProblem(await retry(failed!.id, agent.headers), 403, 'forbidden');
    expectProblem(await retry(randomUUID()), 404, 'not_found');
    const other = await subscribe({ name: 'Ander systeem' });
    expectProblem(await retry(failed!.id, admin.headers, other.id), 404, 'not_found');

    receiver.status = () => 204;
    const queued = await retry();
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json()).toMatchObject({ id: failed!.id, status: 'queued', attempts: 1 });
    // Queued now: a second retry is refused with the reason.
    const twice = expectProblem(await retry(), 409, 'webhook_delivery_not_retryable');
    expect(twice.errors?.[0]).toMatchObject({ field: 'status', code: 'queued' });
    expect(await drain(t.database.db, deps())).toMatchObject({ done: 1 });
    expect(await deliveriesOf(sub.id)).toMatchObject([{ status: 'delivered', attempts: 2, lastError: null }]);
    expect(receiver.requests.map((r) => r.headers['webhook-id'])).toEqual([failed!.id, failed!.id]);
    expectProblem(await retry(), 409, 'webhook_delivery_not_retryable');
    const audits = await t.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, sub.id), eq(auditEvent.action, 'retry_requested')));
    expect(audits).toHaveLength(1);

    // An inactive webhook would receive nothing: refused.
    await publish(['closed']);
    await t.database.db.update(outboxJob).set({ maxAttempts: 1 }).where(eq(outboxJob.organisationId, org.id));
    receiver.status = () => 410;
    await drain(t.database.db, deps());
    const [, second] = await deliveriesOf(sub.id);
    expect(second).toMatchObject({ status: 'failed' });
    await send('PATCH', `/api/webhooks/${sub.id}`, { active: false, version: 1 });
    expectProblem(await retry(second!.id), 422, 'webhook_inactive');
  });

  it('sends a test event on request; an inactive or deleted webhook gets nothing', async () => {
    const sub = await subscribe({ eventTypes: ['nl.voordeur.case.closed'] });
    const queued = await send('POST', `/api/webhooks/${sub.id}/test`, {});
    expect(queued.statusCode).toBe(202);
    expect(queued.json()).toMatchObject({
      eventType: 'nl.voordeur.webhook.test',
      status: 'queued',
      attempts: 0,
    });
    await drain(t.database.db, deps());
    expect(receiver.requests).toHaveLength(1);
    const test = JSON.parse(receiver.requests[0]!.body);
    expect(test).toMatchObject({
      type: 'nl.voordeur.webhook.test',
      specversion: '1.0',
      data: { webhookId: sub.id },
    });
    expect(verifyWebhook(sub.secret, receiver.requests[0]!.headers, receiver.requests[0]!.body)).toBe(true);

    // Deactivated after an event was queued: the delivery fails, nothing is sent.
    await publish(['closed']);
    await t.database.db
      .update(webhookSubscription)
      .set({ active: false })
      .where(eq(webhookSubscription.id, sub.id));
    expect(await drain(t.database.db, deps())).toMatchObject({ failed: 1 });
    expect((await deliveriesOf(sub.id)).map((d) => [d.eventType, d.status, d.lastError])).toEqual([
      ['nl.voordeur.webhook.test', 'delivered', null],
      ['nl.voordeur.case.closed', 'failed', 'the webhook is inactive'],
    ]);
    expectProblem(await send('POST', `/api/webhooks/${sub.id}/test`, {}), 422, 'webhook_inactive');
    // Inactive subscriptions get no new deliveries at all.
    await publish(['closed']);
    expect(await deliveriesOf(sub.id)).toHaveLength(2);

    // Deleted while a delivery waits: its job finds nothing to do.
    await send('PATCH', `/api/webhooks/${sub.id}`, { active: true, version: 1 });
    await publish(['closed']);
    expect(await deliveriesOf(sub.id)).toHaveLength(3);
    expect((await send('DELETE', `/api/webhooks/${sub.id}`)).statusCode).toBe(204);
    expect(await drain(t.database.db, deps())).toMatchObject({ claimed: 1, done: 1 });
    expect(receiver.requests).toHaveLength(1);
    const left = await t.database.db
      .select()
      .from(outboxJob)
      .where(and(eq(outboxJob.organisationId, org.id), sql`${outboxJob.doneAt} IS NULL`));
    expect(left).toEqual([]);
  });

  it('signs with the Standard Webhooks scheme', () => {
    // The example of the Standard Webhooks specification.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
    const body = '{"test": 2432232314}';
    expect(signWebhook(secret, id, 1614265330, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    expect(
      verifyWebhook(
        secret,
        {
          'webhook-id': id,
          'webhook-timestamp': '1614265330',
          'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
        },
        body,
        { now: new Date(1614265330_000) },
      ),
    ).toBe(true);
  });
});

describe('the order of a case’s events', () => {
  it('numbers every event of a case (sequence); events that arrive out of order are put right by it', async () => {
    await publishContent(t.database.db, org.id, { items: [itemDef('lamp-kapot')] });
    const sub = await subscribe();
    const agent = await signIn(t.app, org.users.agent);
    const lead = await signIn(t.app, org.users.teamlead);
    const created = await send(
      'POST',
      '/api/cases',
      { itemCode: 'lamp-kapot', description: 'Lamp is uit', location: { description: 'Dorpsstraat 12' } },
      agent.headers,
    );
    expect(created.statusCode, created.body).toBe(201);
    let c = created.json() as { id: string; reference: string; version: number };
    // The sweep's warning (its own statement, not a change of the API) takes the next number too.
    await t.database.db
      .update(caseFile)
      .set({ warnAt: new Date(Date.now() - 60_000) })
      .where(eq(caseFile.id, c.id));
    expect((await sweepClocks(t.database.db)).warned).toBeGreaterThanOrEqual(1);
    const changes: [string, object][] = [
      ['extend', { extension: { amount: 3, unit: 'working_days' }, reason: 'Onderdeel besteld' }],
      ['transitions', { to: 'in_behandeling' }],
      ['transitions', { to: 'afgehandeld' }],
    ];
    for (const [action, body] of changes) {
      const res = await send(
        'POST',
        `/api/cases/${c.id}/${action}`,
        { ...body, version: c.version },
        lead.headers,
      );
      expect(res.statusCode, res.body).toBe(200);
      c = res.json();
    }

    // The receiver is down for the extension's first attempt only: the closing overtakes it.
    const arrived: { type: string; sequence: string }[] = [];
    let refusedOnce = false;
    receiver.status = (r) => {
      const e = JSON.parse(r.body) as { type: string; sequence: string; subject: string };
      if (e.type === 'nl.voordeur.case.extended' && !refusedOnce) {
        refusedOnce = true;
        return 503;
      }
      // Only this case's story: the subscription also hears the other cases of this file's organisation (a
      // sweep may warn one of them meanwhile), and the sequence numbers one case's events.
      if (e.subject === c.reference) arrived.push({ type: e.type, sequence: e.sequence });
      return 204;
    };
    await drain(t.database.db, deps());
    await makeDue(t.database.db, [org.id]);
    await drain(t.database.db, deps());
    expect((await deliveriesOf(sub.id)).map((d) => d.status)).toEqual(
      Array((await deliveriesOf(sub.id)).length).fill('delivered'),
    );
    const types = arrived.map((a) => a.type.replace('nl.voordeur.case.', ''));
    expect(types.indexOf('closed')).toBeLessThan(types.indexOf('extended'));

    // Ordered by `sequence` (a string compare, as the CloudEvents sequence extension says), the case's story is
    // told in the order it happened, numbered 1, 2, 3 … without gaps (this subscription takes every type).
    const ordered = [...arrived].sort((a, b) => (a.sequence < b.sequence ? -1 : 1));
    expect(ordered.map((a) => Number(a.sequence))).toEqual(ordered.map((_, i) => i + 1));
    expect(ordered.map((a) => a.sequence)).toEqual(ordered.map((_, i) => String(i + 1).padStart(10, '0')));
    const story = ordered.map((a) => a.type.replace('nl.voordeur.case.', ''));
    expect(story.slice(0, 3)).toEqual(['created', 'warned', 'extended']);
    expect(story.at(-1)).toBe('closed');
    expect(story.filter((s) => s === 'status_changed')).toHaveLength(2);
    expect(story.indexOf('status_changed')).toBeGreaterThan(story.indexOf('extended'));

    // An SDK reads `sequence` as an extension attribute of a valid event.
    const request = receiver.requests.at(-1)!;
    const event = HTTP.toEvent({ headers: request.headers, body: request.body }) as CloudEvent<unknown>;
    expect(event.validate()).toBe(true);
    expect(event.sequence).toMatch(/^\d{10}$/);
    const [row] = await t.database.db.select().from(caseFile).where(eq(caseFile.id, c.id));
    expect(row!.eventSequence).toBe(ordered.length);
  });
});
