/**
 * Monitoring inputs (issue 14, item 1): the waiting import (all or nothing, every bad line named, replace on
 * re-import), unit costs and cost to serve, mystery checks — permissions and organisation isolation. One app and
 * database for the file.
 */
import { waitingInterval } from '@voordeur/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bearerFor, expectProblem, makeOrg, signIn, useTestApp } from '../../test/harness.ts';
import { localDate } from '../calendar/index.ts';
import { kpiSeries, kpiValues } from './index.ts';

const t = useTestApp();

const HEADER =
  'date,interval_start,channel,queue,offered,answered,abandoned,answered_in_target,target_seconds,wait_seconds_total,handled_seconds_total';
const ago = (days: number) => localDate(new Date(Date.now() - days * 86_400_000));

const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n');

describe('waiting figures', () => {
  it('refuses a file with bad rows naming every bad line, field and problem, and stores nothing', async () => {
    const org = await makeOrg(t.database);
    const manager = await signIn(t.app, org.users.manager);
    const d = ago(3);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/waiting/import',
      headers: { ...manager.headers, 'content-type': 'text/csv' },
      payload: csv(
        `${d},08:00,phone,Algemeen,10,8,2,7,30,400,1800`, // good
        `${d},08:10,phone,Algemeen,10,8,2,7,30,400,1800`, // not a quarter hour
        `${d},08:15,fax,Algemeen,10,9,2,10,30,400,1800`, // channel; 9+2 > 10; 10 in target > 9 answered
        `2026-02-30,,desk,,x,0,0,0,0,5,0`, // date, queue, offered, target, seconds without answers
        `${ago(-2)},08:30,phone,Algemeen,1,1,0,1,30,5,60`, // in the future
        `${d},08:00,phone,Algemeen,10,8,2,7,30,400,1800`, // same interval as line 2
      ),
    });
    const problem = expectProblem(res, 422, 'import_invalid') as unknown as {
      detail: string;
      errors: { line?: number; field: string; code?: string }[];
    };
    const found = (problem.errors ?? []).map((e) => `${e.line}:${e.field}:${e.code}`);
    expect(found).toEqual([
      '3:interval_start:not_an_interval',
      '4:channel:not_a_channel',
      '4:answered:more_than_offered',
      '4:answered_in_target:more_than_answered',
      '5:date:not_a_date',
      '5:queue:required',
      '5:offered:not_a_count',
      '5:wait_seconds_total:seconds_without_answers',
      '5:target_seconds:not_a_target',
      '6:date:in_future',
      '7:interval_start:duplicate',
    ]);
    expect(problem.detail).toContain('on 5 line(s)');
    const stored = await t.database.db
      .select()
      .from(waitingInterval)
      .where(eq(waitingInterval.organisationId, org.id));
    expect(stored).toEqual([]);

    // A header without a column names it.
    const missing = expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/waiting/import',
        headers: { ...manager.headers, 'content-type': 'text/csv' },
        payload: 'date,channel,queue\n2026-01-01,phone,A\n',
      }),
      422,
      'import_invalid',
    );
    expect(missing.errors?.map((e) => e.field)).toContain('offered');
  });

  it('imports CSV and JSON, replaces the same interval on re-import, and sums per day and queue', async () => {
    const org = await makeOrg(t.database);
    const admin = await signIn(t.app, org.users.admin);
    const d1 = ago(4);
    const d2 = ago(3);
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/waiting/import',
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: csv(
        `${d1},08:00,phone,Algemeen,100,90,10,72,30,4500,27000`,
        `${d1},08:15,phone,Algemeen,100,95,5,90,30,1900,28500`,
        `${d1},,desk,Stadhuis,40,40,0,36,600,12000,24000`,
      ),
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ rows: 3, replaced: 0, firstDay: d1, lastDay: d1 });
    // The same 08:15 again (corrected) replaces it; a JSON push of another day adds one.
    const push = {
      rows: [
        {
          date: d1,
          interval_start: '08:15',
          channel: 'phone',
          queue: 'Algemeen',
          offered: 100,
          answered: 80,
          abandoned: 20,
          answered_in_target: 60,
          target_seconds: 30,
          wait_seconds_total: 8000,
          handled_seconds_total: 24000,
        },
        {
          date: d2,
          interval_start: null,
          channel: 'phone',
          queue: 'Belastingen',
          offered: 50,
          answered: 50,
          abandoned: 0,
          answered_in_target: 50,
          target_seconds: 30,
          wait_seconds_total: 500,
          handled_seconds_total: 9000,
        },
      ],
    };
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/waiting/import',
      headers: admin.headers,
      payload: push,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ rows: 2, replaced: 1 });
    // Twice the same push changes nothing more.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/waiting/import',
          headers: admin.headers,
          payload: push,
        })
      ).json(),
    ).toMatchObject({ rows: 2, replaced: 2 });

    const byDay = await t.app.inject({
      url: `/api/waiting/figures?from=${d1}&to=${d2}`,
      headers: admin.headers,
    });
    expect(byDay.statusCode).toBe(200);
    expect(byDay.json().items).toEqual([
      expect.objectContaining({
        key: d1,
        channel: 'desk',
        offered: 40,
        answeredInTargetRate: 90,
        waitMeanSeconds: 300,
      }),
      expect.objectContaining({
        key: d1,
        channel: 'phone',
        offered: 200,
        answered: 170,
        abandoned: 30,
        answeredInTarget: 132,
        answeredInTargetRate: 66,
        abandonedRate: 15,
      }),
      expect.objectContaining({ key: d2, channel: 'phone', offered: 50, answeredInTargetRate: 100 }),
    ]);
    const byQueue = await t.app.inject({
      url: `/api/waiting/figures?from=${d1}&to=${d2}&by=queue`,
      headers: admin.headers,
    });
    expect(byQueue.json().items.map((r: { key: string; offered: number }) => [r.key, r.offered])).toEqual([
      ['Algemeen', 200],
      ['Belastingen', 50],
      ['Stadhuis', 40],
    ]);
    // A whole day replaces the queue's 15-minute rows of that day.
    await t.app.inject({
      method: 'POST',
      url: '/api/waiting/import',
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: csv(`${d1},,phone,Algemeen,210,200,10,180,30,6000,60000`),
    });
    const whole = await t.app.inject({
      url: `/api/waiting/figures?from=${d1}&to=${d1}`,
      headers: admin.headers,
    });
    expect(whole.json().items.find((r: { channel: string }) => r.channel === 'phone')).toMatchObject({
      offered: 210,
      answered: 200,
    });

    // The KPIs for the metrics module.
    const filter = { from: d1, to: d2 };
    expect(await kpiValues(t.database.db, org.id, filter)).toEqual([
      { code: 'phone_answered_in_target', value: 88.5, n: 260 },
      { code: 'phone_abandoned', value: 3.8, n: 260 },
      { code: 'desk_wait_mean', value: 5, n: 40 },
    ]);
    expect(await kpiValues(t.database.db, org.id, { ...filter, teamId: org.teams.front })).toEqual([
      { code: 'phone_answered_in_target', value: null, n: 0 },
      { code: 'phone_abandoned', value: null, n: 0 },
      { code: 'desk_wait_mean', value: null, n: 0 },
    ]);
    expect(await kpiSeries(t.database.db, org.id, filter, 'phone_abandoned')).toEqual([
      { period: d1, value: 4.8, n: 210 },
      { period: d2, value: 0, n: 50 },
    ]);

    // Imports are listed and audited.
    const imports = await t.app.inject({ url: '/api/waiting/imports', headers: admin.headers });
    expect(imports.json().items).toHaveLength(4);
    expect(imports.json().items[3]).toMatchObject({ format: 'csv', rows: 3 });
    const audit = await t.app.inject({
      url: `/api/audit-events?entityType=waiting_import&entityId=${imports.json().items[3].id}`,
      headers: admin.headers,
    });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['imported']);
  });

  it('lets admins, managers and their API tokens import; others read or get 403', async () => {
    const org = await makeOrg(t.database);
    const d = ago(2);
    const body = csv(`${d},,phone,Algemeen,10,10,0,10,30,100,600`);
    const admin = await signIn(t.app, org.users.admin);
    const token = await bearerFor(t.app, admin, 'manager');
    const pushed = await t.app.inject({
      method: 'POST',
      url: '/api/waiting/import',
      headers: { ...token.headers, 'content-type': 'text/csv' },
      payload: body,
    });
    expect(pushed.statusCode).toBe(200);
    for (const role of ['agent', 'backoffice', 'teamlead', 'quality'] as const) {
      const s = await signIn(t.app, org.users[role]);
      expectProblem(
        await t.app.inject({
          method: 'POST',
          url: '/api/waiting/import',
          headers: { ...s.headers, 'content-type': 'text/csv' },
          payload: body,
        }),
        403,
        'forbidden',
      );
      const read = await t.app.inject({ url: `/api/waiting/figures?from=${d}&to=${d}`, headers: s.headers });
      expect([role, read.statusCode]).toEqual([role, role === 'agent' || role === 'backoffice' ? 403 : 200]);
    }
    // A reversed period is refused naming the field.
    const reversed = expectProblem(
      await t.app.inject({ url: `/api/waiting/figures?from=${d}&to=${ago(5)}`, headers: admin.headers }),
      400,
      'validation_failed',
    );
    expect(reversed.errors?.[0]?.field).toContain('from');
    // Another organisation sees none of it.
    const other = await makeOrg(t.database, 'Ander');
    const stranger = await signIn(t.app, other.users.admin);
    const theirs = await t.app.inject({
      url: `/api/waiting/figures?from=${d}&to=${d}`,
      headers: stranger.headers,
    });
    expect(theirs.json().items).toEqual([]);
  });
});
