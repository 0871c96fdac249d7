import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { itemDef, publishContent } from '../../test/catalogue-fixtures.ts';
import { expectProblem, makeOrg, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

describe('audit trail', () => {
  it('filters by entity, user and period, pages with a cursor, newest first', async () => {
    const org = await makeOrg(t.database);
    const admin = await signIn(t.app, org.users.admin);
    const started = new Date().toISOString();
    for (const name of ['A', 'B', 'C']) {
      await t.app.inject({
        method: 'POST',
        url: '/api/teams',
        headers: admin.headers,
        payload: { name, kind: 'back_office' },
      });
    }
    const q = (query: string) =>
      t.app.inject({ url: `/api/audit-events?${query}`, headers: admin.headers }).then((r) => r.json());
    const byAdmin = await q(
      `actorId=${org.users.admin.id}&entityType=team&from=${encodeURIComponent(started)}`,
    );
    expect(byAdmin.items.map((e: { changes: { name: { after: string } } }) => e.changes.name.after)).toEqual([
      'C',
      'B',
      'A',
    ]);
    expect(byAdmin.items[0].actor).toMatchObject({ kind: 'user', id: org.users.admin.id });
    expect(byAdmin.items[0].requestId).toBeTruthy();

    const page1 = await q(`entityType=team&limit=2&from=${encodeURIComponent(started)}`);
    expect(page1.items).toHaveLength(2);
    const page2 = await q(
      `entityType=team&limit=2&from=${encodeURIComponent(started)}&before=${page1.nextCursor}`,
    );
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();

    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await q(`from=${encodeURIComponent(future)}`)).items).toEqual([]);
    const earlier = await q(`to=${encodeURIComponent(started)}&entityType=team`);
    // Only the teams made by the factory before `started`.
    expect(earlier.items.every((e: { occurredAt: string }) => e.occurredAt < started)).toBe(true);
  });

  it('names the records its events are about: a case by its reference, a user and a team by name; never a customer', async () => {
    const org = await makeOrg(t.database);
    await publishContent(t.database.db, org.id, { items: [itemDef('lamp-kapot')] });
    const agent = await signIn(t.app, org.users.agent);
    const admin = await signIn(t.app, org.users.admin);
    const started = new Date().toISOString();
    const customer = (
      await t.app.inject({
        method: 'POST',
        url: '/api/customers',
        headers: agent.headers,
        payload: { kind: 'resident', name: 'Jan de Vries', email: 'jan@example.nl' },
      })
    ).json() as { id: string };
    const opened = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: agent.headers,
      payload: {
        itemCode: 'lamp-kapot',
        description: 'Lamp is uit',
        location: { description: 'Dorpsstraat 12' },
        customerId: customer.id,
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json() as { id: string; reference: string; version: number };
    const assigned = await t.app.inject({
      method: 'POST',
      url: '/api/cases/assign',
      headers: admin.headers,
      payload: { cases: [{ id: c.id, version: c.version }], assigneeId: org.users.backoffice.id },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);

    const page = (
      await t.app.inject({
        url: `/api/audit-events?from=${encodeURIComponent(started)}`,
        headers: admin.headers,
      })
    ).json() as {
      items: { entityType: string; entityId: string; action: string; changes: Record<string, unknown> }[];
      labels: Record<string, string>;
    };
    const ofCase = page.items.filter((e) => e.entityId === c.id);
    expect(ofCase.map((e) => e.action)).toEqual(expect.arrayContaining(['created', 'assigned']));
    expect(page.labels[c.id]).toBe(c.reference);
    expect(page.labels[org.users.backoffice.id]).toBe(`backoffice ${org.slug}`);
    expect(page.items.some((e) => e.entityType === 'customer' && e.entityId === customer.id)).toBe(true);
    expect(page.labels[customer.id]).toBeUndefined();
  });

  it('is readable by admin and quality only', async () => {
    const org = await makeOrg(t.database);
    for (const role of ['admin', 'quality'] as const) {
      expect(
        (
          await t.app.inject({
            url: '/api/audit-events',
            headers: (await signIn(t.app, org.users[role])).headers,
          })
        ).statusCode,
      ).toBe(200);
    }
    for (const role of ['agent', 'backoffice', 'teamlead', 'manager'] as const) {
      expectProblem(
        await t.app.inject({
          url: '/api/audit-events',
          headers: (await signIn(t.app, org.users[role])).headers,
        }),
        403,
        'forbidden',
      );
    }
  });

  it('refuses bad filters clearly', async () => {
    const org = await makeOrg(t.database);
    const admin = await signIn(t.app, org.users.admin);
    const bad = async (query: string, field: string) => {
      const p = expectProblem(
        await t.app.inject({ url: `/api/audit-events?${query}`, headers: admin.headers }),
        400,
        'validation_failed',
      );
      expect(p.errors?.map((e) => e.field)).toContain(field);
    };
    await bad('limit=100000', 'limit');
    await bad('from=yesterday', 'from');
    await bad('actorId=not-a-uuid', 'actorId');
    await bad('before=abc', 'before');
    await bad('unknown=1', 'unknown');
    await bad('from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'to');
  });

  it('is append-only: the database refuses to change or erase history', async () => {
    await makeOrg(t.database);
    // Drizzle wraps the driver's error; the database's own refusal is the cause.
    const refusal = (statement: ReturnType<typeof sql>) =>
      t.database.db.execute(statement).then(
        () => 'allowed',
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    expect(await refusal(sql`UPDATE audit_event SET action = 'forged'`)).toMatch(/append-only/);
    expect(await refusal(sql`DELETE FROM audit_event`)).toMatch(/append-only/);
    expect(await refusal(sql`TRUNCATE audit_event`)).toMatch(/append-only/);
  });
});
