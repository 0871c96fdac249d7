import { caseFile, caseFollower, notification } from '@voordeur/db';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../platform/actor.ts';
import { itemDef, publishContent } from '../../test/catalogue-fixtures.ts';
import {
  dbKind,
  expectProblem,
  importRegister,
  makeOrg,
  type Session,
  signIn,
  type TestOrg,
  useTestApp,
} from '../../test/harness.ts';
import { explainNearby, intakeCase } from '../cases/index.ts';

const t = useTestApp();

/** Four addresses around Amersfoort's town hall (RD metres), two postcodes in two districts. */
const REGISTER = [
  'postcode;huisnummer;toevoeging;straat;woonplaats;x;y',
  '3811AB;1;;Stadhuisplein;Amersfoort;155000;463000',
  '3811AB;3;;Stadhuisplein;Amersfoort;155030;463000',
  '3812CD;7;;Langestraat;Amersfoort;155400;463000',
  '3812CD;9;A;Langestraat;Amersfoort;155420;463000',
].join('\n');

/** Degrees per metre, near 52° N. */
const LAT_M = 1 / 111_320;

interface Place {
  lat: number;
  lon: number;
}

describe('places, nearby reports and followers', () => {
  let org: TestOrg;
  let other: TestOrg;
  let admin: Session;
  let agent: Session;
  let hall: Place;
  let lamp: { id: string; reference: string; version: number };

  const get = (url: string, session?: Session) => t.app.inject({ url, headers: session?.headers ?? {} });
  const post = (url: string, payload: object, session?: Session) =>
    t.app.inject({ method: 'POST', url, payload, headers: session?.headers ?? {} });
  const report = async (session: Session, itemCode: string, location: object, extra: object = {}) => {
    const res = await post(
      '/api/cases',
      { itemCode, description: 'Lamp is kapot', answers: {}, location, channel: 'web', ...extra },
      session,
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; reference: string; version: number; area: string | null };
  };
  const nearby = (slug: string, item: string, p: Place) =>
    get(`/api/portal/${slug}/nearby?item=${item}&lat=${p.lat}&lon=${p.lon}`);
  const notificationsTo = (email: string) =>
    t.database.db
      .select({ subject: notification.subject, body: notification.body, kind: notification.kind })
      .from(notification)
      .where(and(eq(notification.organisationId, org.id), eq(notification.recipient, email)));

  beforeAll(async () => {
    org = await makeOrg(t.database);
    other = await makeOrg(t.database);
    const items = {
      items: [
        itemDef('lantaarnpaal', {
          intakeFields: [{ key: 'locatie', label: { nl: 'Waar?' }, type: 'location' }],
        }),
        itemDef('zwerfvuil', {
          intakeFields: [{ key: 'locatie', label: { nl: 'Waar?' }, type: 'location' }],
          nearbyRadiusMetres: 200,
        }),
        itemDef('geen-plek', { intakeFields: [] }),
        itemDef('zorgen', {
          intakeFields: [{ key: 'locatie', label: { nl: 'Waar?' }, type: 'location' }],
          nearbyRadiusMetres: 0,
        }),
      ],
    };
    await publishContent(t.database.db, org.id, items);
    await publishContent(t.database.db, other.id, items);
    admin = await signIn(t.app, org.users.admin);
    agent = await signIn(t.app, org.users.agent);
    await importRegister(t.app, admin, REGISTER);
    const settings = await t.app.inject({
      method: 'PUT',
      url: '/api/front-office/settings',
      headers: admin.headers,
      payload: {
        areas: [
          { name: 'Centrum', postcodes: [{ from: '3811', to: '3811' }] },
          { name: 'Oost', postcodes: [{ from: '3812', to: '3812' }] },
        ],
      },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const found = (await get(`/api/portal/${org.slug}/addresses?postcode=3811ab&number=1`)).json();
    hall = { lat: found.items[0].lat, lon: found.items[0].lon };
  });

  it('has no map without MAP_TILE_URL, and finds addresses for anyone by postcode, street or point', async () => {
    expect((await get('/api/public/map')).json()).toEqual({ map: null });
    const centre = (await get(`/api/portal/${org.slug}/addresses/centre`)).json().centre;
    expect(centre.lat).toBeCloseTo(52.155, 2);
    expect((await get(`/api/portal/${other.slug}/addresses/centre`)).json()).toEqual({ centre: null });

    const byPostcode = await get(`/api/portal/${org.slug}/addresses?postcode=3812 cd`);
    expect(byPostcode.statusCode).toBe(200);
    expect(
      byPostcode.json().items.map((a: { number: number; addition: string }) => `${a.number}${a.addition}`),
    ).toEqual(['7', '9A']);
    const byStreet = (await get(`/api/portal/${org.slug}/addresses?street=langestr&number=7`)).json();
    expect(byStreet.items).toHaveLength(1);
    expect(byStreet.items[0]).toMatchObject({
      street: 'Langestraat',
      place: 'Amersfoort',
      postcode: '3812CD',
    });
    expect((await get(`/api/portal/${other.slug}/addresses?postcode=3812CD`)).json().items).toEqual([]);
    expectProblem(await get('/api/portal/bestaat-niet/addresses?postcode=3812CD'), 404, 'not_found');
    expectProblem(await get(`/api/portal/${org.slug}/addresses?postcode=12`), 400, 'validation_failed');

    // A point picked on the map: the nearest address (10 m east of number 3 is number 3).
    const at = await get(`/api/portal/${org.slug}/addresses/at?lat=${hall.lat}&lon=${hall.lon + 0.0004}`);
    expect(at.statusCode, at.body).toBe(200);
    expect(at.json()).toMatchObject({ street: 'Stadhuisplein', number: 3 });
    // A few kilometres away there is no address of the organisation.
    const far = await get(`/api/portal/${org.slug}/addresses/at?lat=${hall.lat + 0.05}&lon=${hall.lon}`);
    expect(expectProblem(far, 422, 'location_outside').errors?.[0]?.field).toBe('lat');
    expectProblem(await get(`/api/portal/${org.slug}/addresses/at?lat=40&lon=5`), 400, 'validation_failed');
  });

  it('places a case: a picked point gets its nearest address’s district, an address its register coordinates', async () => {
    // 10 m from Stadhuisplein 1, no address given: the district comes from the register's postcode.
    const picked = await report(agent, 'lantaarnpaal', { lat: hall.lat + 10 * LAT_M, lon: hall.lon });
    expect(picked.area).toBe('Centrum');
    lamp = picked;
    const byAddress = await report(agent, 'zwerfvuil', {
      address: {
        street: 'Langestraat',
        houseNumber: 9,
        houseLetter: 'a',
        postcode: '3812 CD',
        city: 'Amersfoort',
      },
    });
    expect(byAddress.area).toBe('Oost');
    const [row] = await t.database.db
      .select({ lat: caseFile.locationLat, lon: caseFile.locationLon })
      .from(caseFile)
      .where(and(eq(caseFile.organisationId, org.id), eq(caseFile.id, byAddress.id)));
    expect(row!.lat).toBeCloseTo(52.15, 1);
    expect(row!.lon).toBeGreaterThan(hall.lon);

    // Coordinates outside the organisation are refused; so is, for the portal, an address not in its register.
    const outside = await post(
      '/api/cases',
      { itemCode: 'lantaarnpaal', description: 'x', location: { lat: 52.9, lon: 6.5 } },
      agent,
    );
    expect(expectProblem(outside, 422, 'location_outside').errors?.[0]?.field).toBe('location.lat');
    const unknownAddress = {
      address: { street: 'Nergensweg', houseNumber: 1, postcode: '9999ZZ', city: 'Nergens' },
    };
    await expect(
      intakeCase(t.database.db, systemCtx(org.id), {
        itemCode: 'lantaarnpaal',
        description: 'x',
        answers: {},
        location: unknownAddress,
        priority: 'normal',
        channel: 'web',
        strictLocation: true,
      }),
    ).rejects.toMatchObject({ code: 'location_outside' });
    // The desk may still write down an address the register lacks (no coordinates then).
    const desk = await report(agent, 'lantaarnpaal', unknownAddress);
    const [deskRow] = await t.database.db
      .select({ lat: caseFile.locationLat })
      .from(caseFile)
      .where(and(eq(caseFile.organisationId, org.id), eq(caseFile.id, desk.id)));
    expect(deskRow!.lat).toBeNull();
    const count = await t.database.db.select().from(caseFile).where(eq(caseFile.organisationId, org.id));
    expect(count).toHaveLength(3);
  });

  it('offers open public reports of the same item within its radius, and nothing about who reported them', async () => {
    const twentyMetres = { lat: hall.lat + 30 * LAT_M, lon: hall.lon };
    const res = await nearby(org.slug, 'lantaarnpaal', twentyMetres);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      radiusMetres: 50,
      items: [
        {
          reference: lamp.reference,
          status: 'Ontvangen',
          distanceMetres: 20,
          reportedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          street: null,
        },
      ],
    });
    // 80 m away is outside the 50 m radius; the other item has its own radius (200 m) and its own reports.
    expect(
      (await nearby(org.slug, 'lantaarnpaal', { lat: hall.lat + 90 * LAT_M, lon: hall.lon })).json().items,
    ).toEqual([]);
    const litter = (await nearby(org.slug, 'zwerfvuil', hall)).json();
    expect(litter.radiusMetres).toBe(200);
    expect(litter.items.map((i: { street: string }) => i.street)).toEqual([]);
    const near9a = (await nearby(org.slug, 'zwerfvuil', { lat: hall.lat, lon: hall.lon + 0.0058 })).json();
    expect(near9a.items).toHaveLength(1);
    expect(near9a.items[0].street).toBe('Langestraat');
    // Another organisation at the very same place knows nothing of these.
    expect((await nearby(other.slug, 'lantaarnpaal', twentyMetres)).json().items).toEqual([]);
    // Reports about people are never offered (radius 0), nor can they be followed.
    const worry = await report(agent, 'zorgen', { lat: hall.lat, lon: hall.lon });
    expect((await nearby(org.slug, 'zorgen', hall)).json()).toEqual({ radiusMetres: 0, items: [] });
    expectProblem(
      await post(`/api/portal/${org.slug}/cases/${worry.reference}/followers`, { email: 'x@example.org' }),
      404,
      'not_found',
    );
    // Not an item about a place, an unknown item, a point outside the organisation.
    expectProblem(await nearby(org.slug, 'geen-plek', hall), 422, 'case_invalid_action');
    expectProblem(await nearby(org.slug, 'bestaat-niet', hall), 422, 'case_invalid_action');
    expectProblem(await nearby(org.slug, 'lantaarnpaal', { lat: 52.9, lon: 6.5 }), 422, 'location_outside');

    // A report whose status is internal (being worked on), and a closed one, are not offered.
    const busy = await report(agent, 'lantaarnpaal', { lat: hall.lat + 5 * LAT_M, lon: hall.lon });
    const moved = await post(
      `/api/cases/${busy.id}/transitions`,
      { to: 'in_behandeling', version: busy.version },
      admin,
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await nearby(org.slug, 'lantaarnpaal', twentyMetres)).json().items).toHaveLength(1);
    const closing = await post(
      `/api/cases/${busy.id}/transitions`,
      { to: 'afgehandeld', version: moved.json().version },
      admin,
    );
    expect(closing.statusCode, closing.body).toBe(200);
    expect(
      (await nearby(org.slug, 'lantaarnpaal', twentyMetres))
        .json()
        .items.map((i: { reference: string }) => i.reference),
    ).toEqual([lamp.reference]);
  });

  it('follows a report once per address, confirms by email, tells the follower of progress, and stops by the link', async () => {
    const email = 'Buurvrouw@Example.org';
    const follow = () =>
      post(`/api/portal/${org.slug}/cases/${lamp.reference}/followers`, { email, language: 'nl' });
    const first = await follow();
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json()).toEqual({ following: true });
    expect((await follow()).statusCode).toBe(202);
    const followers = await t.database.db
      .select()
      .from(caseFollower)
      .where(and(eq(caseFollower.organisationId, org.id), eq(caseFollower.caseId, lamp.id)));
    expect(followers).toHaveLength(1);
    expect(followers[0]!.email).toBe('buurvrouw@example.org');
    const confirmations = await notificationsTo('buurvrouw@example.org');
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.subject).toBe(`U volgt melding ${lamp.reference}`);
    const link = /http:\/\/\S+\/p\/[a-z0-9-]+\/unfollow\/([A-Za-z0-9_-]{43})/.exec(confirmations[0]!.body);
    expect(link).not.toBeNull();
    const token = link![1]!;
    expect(followers[0]!.unsubscribeTokenHash).not.toContain(token);

    // Staff see that someone follows, not who.
    const audit = (await get(`/api/audit-events?entityType=case&entityId=${lamp.id}`, admin)).json();
    const followed = audit.items.find((e: { action: string }) => e.action === 'followed');
    expect(JSON.stringify(followed)).not.toContain('example.org');

    // Not followable: an unknown reference, another organisation's, a closed case; bad input.
    expectProblem(
      await post(`/api/portal/${org.slug}/cases/XX-2026-000001/followers`, { email }),
      404,
      'not_found',
    );
    expectProblem(
      await post(`/api/portal/${other.slug}/cases/${lamp.reference}/followers`, { email }),
      404,
      'not_found',
    );
    expectProblem(
      await post(`/api/portal/${org.slug}/cases/${lamp.reference}/followers`, { email: 'geen-email' }),
      400,
      'validation_failed',
    );

    // Progress: the follower hears of the public step like the reporter, with the link to stop.
    const waiting = await post(
      `/api/cases/${lamp.id}/transitions`,
      { to: 'in_behandeling', version: lamp.version },
      admin,
    );
    expect(waiting.statusCode, waiting.body).toBe(200);
    const asked = await post(
      `/api/cases/${lamp.id}/transitions`,
      { to: 'wacht_op_melder', version: waiting.json().version },
      admin,
    );
    expect(asked.statusCode, asked.body).toBe(200);
    const told = await notificationsTo('buurvrouw@example.org');
    expect(told).toHaveLength(2);
    const progress = told.find((n) => n.kind === 'status')!;
    expect(progress.body).toContain('We hebben uw hulp nodig.');
    expect(progress.body).toContain(`/unfollow/${token}`);

    // The link: a page with a button (GET stops nothing), the post stops, then the page says so.
    const page = await get(`/p/${org.slug}/unfollow/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain(lamp.reference);
    expect(page.body).toContain('Stop met volgen');
    expect(page.body).not.toContain('<script');
    const stopped = await t.app.inject({
      method: 'POST',
      url: `/p/${org.slug}/unfollow/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(stopped.statusCode, stopped.body).toBe(303);
    expect(stopped.headers.location).toBe(`/p/${org.slug}/unfollow/${token}?done=1`);
    const done = await get(stopped.headers.location as string);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('U volgt de melding niet meer');
    const english = await get(`/p/${org.slug}/unfollow/${token}?lang=en`);
    expect(english.statusCode).toBe(404);
    expect(english.body).toContain('This link does not work');
    expect(
      await t.database.db.select().from(caseFollower).where(eq(caseFollower.organisationId, org.id)),
    ).toHaveLength(0);
    const back = await post(
      `/api/cases/${lamp.id}/transitions`,
      { to: 'in_behandeling', version: asked.json().version },
      admin,
    );
    expect(back.statusCode, back.body).toBe(200);
    const afterwards = await post(
      `/api/cases/${lamp.id}/transitions`,
      { to: 'afgehandeld', version: back.json().version },
      admin,
    );
    expect(afterwards.statusCode, afterwards.body).toBe(200);
    expect(await notificationsTo('buurvrouw@example.org')).toHaveLength(2);
    expect((await get(`/p/${org.slug}/unfollow/${'x'.repeat(43)}`)).statusCode).toBe(404);
    expectProblem(await get(`/p/bestaat-niet/unfollow/${token}`), 404, 'not_found');
  });

  it('shows staff the open reports with a place, and the GiST index answers the nearby query', async () => {
    const map = await get('/api/case-map', agent);
    expect(map.statusCode, map.body).toBe(200);
    const refs = map.json().items.map((i: { address: string | null }) => i.address);
    expect(refs).toContain('Langestraat 9A, Amersfoort');
    expect(map.json().truncated).toBe(false);
    expectProblem(await get('/api/case-map'), 401, 'unauthenticated');

    // The districts at the middle of their register addresses (the monitoring's map of districts).
    const districts = await get('/api/case-map/districts', agent);
    expect(districts.statusCode, districts.body).toBe(200);
    const items = districts.json().items as { name: string; lat: number; lon: number; addresses: number }[];
    expect(items.map((d) => [d.name, d.addresses])).toEqual([
      ['Centrum', 2],
      ['Oost', 2],
    ]);
    // Centrum is 3811: the two addresses on the Stadhuisplein, its middle halfway between them.
    const square = (await get(`/api/portal/${org.slug}/addresses?street=Stadhuisplein`)).json()
      .items as Place[];
    expect(square).toHaveLength(2);
    expect(items[0]!.lat).toBeCloseTo((square[0]!.lat + square[1]!.lat) / 2, 9);
    expect(items[0]!.lon).toBeCloseTo((square[0]!.lon + square[1]!.lon) / 2, 9);
    expect(items[1]!.lon).toBeGreaterThan(items[0]!.lon); // Langestraat lies 400 m east
    expect((await get('/api/case-map/districts', await signIn(t.app, other.users.agent))).json()).toEqual({
      items: [],
    });
    expectProblem(await get('/api/case-map/districts'), 401, 'unauthenticated');

    const [item] = await t.database.db
      .select({ id: caseFile.catalogueItemId })
      .from(caseFile)
      .where(eq(caseFile.organisationId, org.id))
      .limit(1);
    // On a server with a few rows the planner may prefer a scan; without that choice it must use the index.
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      const plan = await explainNearby(tx, org.id, item!.id, hall.lat, hall.lon);
      expect(plan, `${dbKind}: ${plan}`).toContain('case_location_earth_idx');
    });
  });
});
