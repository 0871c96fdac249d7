import { address } from '@voordeur/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { expectProblem, makeOrg, type Session, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

const HEADER = 'postcode;huisnummer;toevoeging;straat;woonplaats;x;y;bag_id';
const GOOD = [
  HEADER,
  '3811 AB;1;;Stadhuisplein;Amersfoort;155000;463000;0307200000000001',
  '3811AB;1;a;Stadhuisplein;Amersfoort;155010,5;463010;',
  '3811AC;12;;Stadhuisstraat;Amersfoort;155100;463100;',
  '3812BB;7;;Langestraat;Amersfoort;155200;463300;',
].join('\r\n');

function importCsv(session: Session, csv: string, dryRun = false) {
  return t.app.inject({
    method: 'POST',
    url: `/api/addresses/import?dryRun=${dryRun}`,
    headers: { ...session.headers, 'content-type': 'text/csv' },
    payload: csv,
  });
}

describe('address register', () => {
  it('imports a file (dry run first), then a re-import changes nothing and a changed row is updated', async () => {
    const org = await makeOrg(t.database);
    const admin = await signIn(t.app, org.users.admin);
    const dry = await importCsv(admin, GOOD, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toEqual({ dryRun: true, created: 4, updated: 0, unchanged: 0 });
    const none = await t.database.db.select().from(address).where(eq(address.organisationId, org.id));
    expect(none).toHaveLength(0);

    expect((await importCsv(admin, GOOD)).json()).toEqual({
      dryRun: false,
      created: 4,
      updated: 0,
      unchanged: 0,
    });
    expect((await importCsv(admin, GOOD)).json()).toEqual({
      dryRun: false,
      created: 0,
      updated: 0,
      unchanged: 4,
    });

    const changed = GOOD.replace('Langestraat;Amersfoort;155200', 'Langestraat;Amersfoort;155250');
    expect((await importCsv(admin, changed)).json()).toEqual({
      dryRun: false,
      created: 0,
      updated: 1,
      unchanged: 3,
    });
    const [row] = await t.database.db.select().from(address).where(eq(address.postcode, '3812BB'));
    expect(row).toMatchObject({ organisationId: org.id, rdX: 155250, houseNumber: 7, addition: '' });

    const events = await t.app.inject({
      url: `/api/audit-events?entityType=address_register&entityId=${org.id}`,
      headers: admin.headers,
    });
    expect(
      events.json().items.map((e: { action: string; changes: object }) => [e.action, e.changes]),
    ).toEqual([
      [
        'imported',
        {
          created: { before: null, after: 0 },
          updated: { before: null, after: 1 },
          unchanged: { before: null, after: 3 },
        },
      ],
      [
        'imported',
        {
          created: { before: null, after: 0 },
          updated: { before: null, after: 0 },
          unchanged: { before: null, after: 4 },
        },
      ],
      [
        'imported',
        {
          created: { before: null, after: 4 },
          updated: { before: null, after: 0 },
          unchanged: { before: null, after: 0 },
        },
      ],
    ]);

    const [origin] = await t.database.db.select().from(address).where(eq(address.bagId, '0307200000000001'));
    expect(origin).toMatchObject({ postcode: '3811AB', rdX: 155000, rdY: 463000 });
    expect(origin!.lat).toBeCloseTo(52.1552, 4);
    expect(origin!.lon).toBeCloseTo(5.3872, 4);
  });

  it('refuses a file with any bad row, naming line and column, and changes nothing', async () => {
    const org = await makeOrg(t.database);
    const admin = await signIn(t.app, org.users.admin);
    const bad = [
      HEADER,
      '3811AB;1;;Stadhuisplein;Amersfoort;155000;463000;',
      '0811AB;1;;Stadhuisplein;Amersfoort;155000;463000;',
      '3811AB;100000;;Stadhuisplein;Amersfoort;155000;463000;',
      '3811AB;2;;;Amersfoort;155000;463000;',
      '3811AB;3;;Stadhuisplein;Amersfoort;400000;463000;',
      '3811AB;4;;Stadhuisplein;Amersfoort;155000;100;',
      '3811 ab;1;;Stadhuisplein;Amersfoort;155000;463000;',
    ].join('\n');
    const res = await importCsv(admin, bad);
    expectProblem(res, 422, 'import_invalid');
    expect(res.json().errors).toEqual([
      expect.objectContaining({ line: 3, field: 'postcode' }),
      expect.objectContaining({ line: 4, field: 'huisnummer' }),
      expect.objectContaining({ line: 5, field: 'straat' }),
      expect.objectContaining({ line: 6, field: 'x' }),
      expect.objectContaining({ line: 7, field: 'y' }),
      expect.objectContaining({ line: 8, field: 'huisnummer', message: 'The same address as line 2' }),
    ]);
    const missing = await importCsv(admin, 'postcode;huisnummer;straat\n3811AB;1;X\n');
    expectProblem(missing, 422, 'import_invalid');
    expect(missing.json().errors[0]).toMatchObject({ field: 'file', line: 1 });
    expect(await t.database.db.select().from(address).where(eq(address.organisationId, org.id))).toEqual([]);
  });

  it('staff look addresses up by postcode and number or by street; only admins import', async () => {
    const org = await makeOrg(t.database);
    const other = await makeOrg(t.database, 'Andere gemeente');
    await importCsv(await signIn(t.app, org.users.admin), GOOD);
    await importCsv(
      await signIn(t.app, other.users.admin),
      `${HEADER}\n3811AB;2;;Stadhuisplein;Elders;156000;464000;\n9999ZZ;1;;Stadhuislaan;Elders;156000;464000;`,
    );
    const agent = await signIn(t.app, org.users.agent);
    const get = (query: string) => t.app.inject({ url: `/api/addresses?${query}`, headers: agent.headers });

    const byPostcode = await get('postcode=3811%20ab');
    expect(byPostcode.statusCode).toBe(200);
    expect(
      byPostcode.json().items.map((a: { number: number; addition: string }) => [a.number, a.addition]),
    ).toEqual([
      [1, ''],
      [1, 'A'],
    ]);
    const one = (await get('postcode=3811AB&number=1&addition=a')).json().items;
    expect(one).toEqual([
      {
        postcode: '3811AB',
        number: 1,
        addition: 'A',
        street: 'Stadhuisplein',
        place: 'Amersfoort',
        lat: expect.any(Number),
        lon: expect.any(Number),
      },
    ]);
    const byStreet = (await get('street=stadhuis')).json().items;
    expect(byStreet.map((a: { street: string }) => a.street)).toEqual([
      'Stadhuisplein',
      'Stadhuisplein',
      'Stadhuisstraat',
    ]);
    expect((await get('street=Stadhuisstraat&number=12')).json().items).toHaveLength(1);
    // A typing error still finds the street (trigram similarity).
    expect((await get('street=Langestrat')).json().items.map((a: { street: string }) => a.street)).toEqual([
      'Langestraat',
    ]);
    // Another organisation's addresses are never found.
    expect((await get('postcode=9999ZZ')).json().items).toEqual([]);
    expect((await get('postcode=3811AB&number=2')).json().items).toEqual([]);

    expectProblem(await get('postcode=12'), 400, 'validation_failed');
    expectProblem(await get(''), 400, 'validation_failed');
    expectProblem(await importCsv(agent, GOOD), 403, 'forbidden');
    const manager = await signIn(t.app, org.users.manager);
    expectProblem(
      await t.app.inject({ url: '/api/addresses?postcode=3811AB', headers: manager.headers }),
      403,
      'forbidden',
    );
  });
});
