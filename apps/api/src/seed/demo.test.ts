import type { Database } from '@voordeur/db';
import {
  address,
  appUser,
  caseFile,
  openDatabase,
  organisation,
  queryRows,
  searchDocument,
  team,
} from '@voordeur/db';
import { and, count, eq, like, notLike, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../../../scripts/pg-cluster.ts';
import { lookupAddresses } from '../modules/addresses/index.ts';
import { localDate } from '../modules/calendar/index.ts';
import { sweepClocks } from '../modules/cases/index.ts';
import { kpiValues } from '../modules/metrics/index.ts';
import { search } from '../modules/search/index.ts';
import { systemCtx } from '../platform/actor.ts';
import { verifyPassword } from '../platform/secrets.ts';
import { dbKind, openTestDatabase } from '../test/harness.ts';
import { DEMO_SLUG, DEMO_USERS, seedDemo } from './demo.ts';
import { demoAddressCsv } from './demo-addresses.ts';
import { demoCases } from './demo-cases.ts';

let database: Database;

/** The seed looks at the whole database, so each test of the seed's rules gets an empty one. */
async function emptyDatabase() {
  if (dbKind === 'postgres') {
    const empty = await openDatabase({
      url: createDatabase(
        inject('pgClusterUrl'),
        `seed_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
      ),
    });
    await empty.migrate();
    return empty;
  }
  return openTestDatabase({ reuse: true });
}

describe('demo seed', () => {
  beforeEach(async () => {
    database = await emptyDatabase();
  });
  afterEach(async () => {
    await database.close();
  });

  it('creates Gemeente Voorbeeld with its teams and one user per role, once', async () => {
    const result = await seedDemo(database.db, { password: 'demo-password-123', content: false });
    expect(result.seeded).toBe(true);
    expect(result.generatedPassword).toBeUndefined();
    const [org] = await database.db.select().from(organisation).where(eq(organisation.slug, DEMO_SLUG));
    expect(org!.name).toBe('Gemeente Voorbeeld');
    const teams = await database.db
      .select({ name: team.name, kind: team.kind })
      .from(team)
      .where(eq(team.organisationId, org!.id));
    expect(teams.map((t) => t.name).sort()).toEqual([
      'Belastingen',
      'Burgerzaken',
      'Facilitaire zaken',
      'ICT',
      'KCC',
      'MCC',
      'Management',
      'Openbare ruimte',
      'Sociaal domein',
      'Vergunningen',
    ]);
    const users = await database.db.select().from(appUser).where(eq(appUser.organisationId, org!.id));
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    expect(await verifyPassword(users[0]!.passwordHash, 'demo-password-123')).toBe(true);

    // A second start leaves the database alone.
    expect((await seedDemo(database.db, { password: 'other-password-1' })).seeded).toBe(false);
    expect(await database.db.select().from(appUser)).toHaveLength(DEMO_USERS.length);
  });

  it('generates a password when none is configured, and reports it once', async () => {
    const result = await seedDemo(database.db, { content: false });
    expect(result.generatedPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const [u] = await database.db.select().from(appUser).where(eq(appUser.email, 'agent@voorbeeld.nl'));
    expect(await verifyPassword(u!.passwordHash, result.generatedPassword!)).toBe(true);
  });

  it('never touches a database that holds another organisation unless forced, and then only adds', async () => {
    await database.db.insert(organisation).values({ slug: 'elders', name: 'Gemeente Elders' });
    expect((await seedDemo(database.db, { password: 'demo-password-123', content: false })).seeded).toBe(
      false,
    );
    expect(await database.db.select().from(organisation)).toHaveLength(1);
    const forced = await seedDemo(database.db, {
      password: 'demo-password-123',
      force: true,
      content: false,
    });
    expect(forced.users).toHaveLength(DEMO_USERS.length);
    const again = await seedDemo(database.db, { password: 'demo-password-123', force: true, content: false });
    expect(again.users).toEqual([]);
    expect(await database.db.select().from(organisation)).toHaveLength(2);
  });

  it.runIf(dbKind === 'postgres')('two processes seeding at once create one organisation', async () => {
    const url = createDatabase(inject('pgClusterUrl'), `seedrace_${Date.now().toString(36)}`);
    const [p1, p2] = [await openDatabase({ url }), await openDatabase({ url })];
    try {
      await Promise.all([p1.migrate(), p2.migrate()]);
      const results = await Promise.all([
        seedDemo(p1.db, { password: 'demo-password-123', content: false }),
        seedDemo(p2.db, { password: 'demo-password-123', content: false }),
      ]);
      expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
      expect(await p1.db.select().from(organisation)).toHaveLength(1);
    } finally {
      await p1.close();
      await p2.close();
    }
  });
});

// The full demo is seeded once for these tests (seeding it takes seconds): each reads what it is about, and a
// forced second seed, which must change nothing, is part of two of them.
/**
 * Queries sent on a node-postgres connection while it still runs another: the seed is one transaction (one
 * connection), where parallel reads queue up, which node-postgres deprecates and pg@9 refuses (`readAll` reads one
 * after the other in a transaction). Counted by wrapping the client's `query` while the seed runs.
 */
function overlappingQueries() {
  const proto = pg.Client.prototype as unknown as {
    query: (...args: unknown[]) => unknown;
    _activeQuery?: unknown;
    _queryQueue?: unknown[];
  };
  const original = proto.query;
  const seen: string[] = [];
  proto.query = function (this: typeof proto, ...args: unknown[]) {
    if (this._activeQuery || this._queryQueue?.length) {
      const first = args[0] as { text?: string } | string;
      seen.push(String(typeof first === 'string' ? first : first?.text).slice(0, 80));
    }
    return original.apply(this, args);
  };
  const stop = () => {
    proto.query = original;
  };
  return { seen, stop };
}

describe('demo content', () => {
  let org: string;
  let overlapping: string[] = [];
  beforeAll(async () => {
    database = await emptyDatabase();
    const probe = overlappingQueries();
    try {
      const result = await seedDemo(database.db, { password: 'demo-password-123' });
      expect(result.seeded).toBe(true);
      org = result.organisationId!;
    } finally {
      probe.stop();
    }
    overlapping = probe.seen;
  });

  it.runIf(dbKind === 'postgres')(
    'is seeded without a query sent on a connection still running another',
    () => {
      expect(overlapping).toEqual([]);
    },
  );
  afterAll(async () => {
    await database.close();
  });

  it('answers the acceptance searches from the seeded catalogue and knowledge base', async () => {
    const first = async (q: string, scope: 'staff' | 'public' = 'staff') =>
      (await search(database.db, org, scope, { q, limit: 10 }, null)).hits;
    expect((await first('lantarenpaal kapot'))[0]).toMatchObject({
      kind: 'item',
      code: 'straatverlichting-kapot',
    });
    // The lost-passport article is among the first answers (next to the item for reporting a lost document).
    const passport = await first('paspoort kwijt');
    expect(passport.slice(0, 3).map((h) => h.code)).toContain('kb-paspoort-kwijt');
    expect((await first('vergaderzaal reserveren'))[0]).toMatchObject({
      code: 'vergaderzaal-reserveren',
      audience: 'internal',
    });
    const pub = await first('vergaderzaal reserveren', 'public');
    expect(pub.filter((h) => h.audience === 'internal')).toEqual([]);
    const counts = await database.db
      .select({ n: count() })
      .from(searchDocument)
      .where(eq(searchDocument.organisationId, org));
    expect(counts[0]!.n).toBeGreaterThanOrEqual(60 + 20 + 150);
  });

  it('fills the address register with 2,000 generated addresses in the districts, the same on every seed', async () => {
    expect(demoAddressCsv()).toBe(demoAddressCsv());
    const rows = await database.db.select().from(address).where(eq(address.organisationId, org));
    expect(rows).toHaveLength(2000);
    for (const a of rows) {
      // The demo districts span postcodes 1230–1254; the box around Loosdrecht in WGS84.
      expect(Number(a.postcode.slice(0, 4))).toBeGreaterThanOrEqual(1230);
      expect(Number(a.postcode.slice(0, 4))).toBeLessThanOrEqual(1254);
      expect(a.lat).toBeGreaterThan(52.1);
      expect(a.lat).toBeLessThan(52.3);
      expect(a.lon).toBeGreaterThan(4.9);
      expect(a.lon).toBeLessThan(5.2);
    }
    const found = await lookupAddresses(database.db, systemCtx(org), { postcode: '1230 AB', number: 1 });
    expect(found).toEqual([
      expect.objectContaining({ postcode: '1230AB', houseNumber: 1, street: 'Dorpsstraat' }),
    ]);
    await seedDemo(database.db, { password: 'demo-password-123', force: true });
    const again = await database.db.select().from(address).where(eq(address.organisationId, org));
    expect(again.map((a) => [a.id, a.updatedAt.getTime()]).sort()).toEqual(
      rows.map((a) => [a.id, a.updatedAt.getTime()]).sort(),
    );
  });

  it('opens the demo cases through the intake, some late, one assigned, with a complaint about the oldest', async () => {
    const cases = await database.db
      .select()
      .from(caseFile)
      // The monitoring history (VB-H…, all closed) is not part of the intake's demo cases.
      .where(and(eq(caseFile.organisationId, org), notLike(caseFile.reference, 'VB-H%')))
      .orderBy(caseFile.createdAt);
    expect(cases).toHaveLength(demoCases(new Date()).length);
    expect(new Set(cases.map((c) => c.reference)).size).toBe(demoCases(new Date()).length);
    const light = cases.find((c) => c.subject.startsWith('Lantaarnpaal'))!;
    expect(light.status).toBe('beoordeling');
    const complaint = cases.find((c) => c.kind === 'complaint')!;
    expect(complaint.aboutCaseId).toBe(light.id);
    const [backoffice] = await database.db
      .select({ id: appUser.id })
      .from(appUser)
      .where(eq(appUser.email, 'backoffice@voorbeeld.nl'));
    expect(cases.filter((c) => c.assigneeUserId === backoffice!.id)).toHaveLength(2);
    // Received two weeks ago under a norm of five working days: the sweep finds it late, as it would have.
    expect(light.breachedAt).toBeNull();
    await sweepClocks(database.db);
    const [after] = await database.db.select().from(caseFile).where(eq(caseFile.id, light.id));
    expect(after!.breachedAt).not.toBeNull();
    // A second seed adds no cases (and no second history).
    const historyCount = () =>
      database.db
        .select({ n: count() })
        .from(caseFile)
        .where(like(caseFile.reference, 'VB-H%'))
        .then((r) => r[0]!.n);
    const history = await historyCount();
    expect(history).toBeGreaterThan(400);
    await seedDemo(database.db, { password: 'demo-password-123', force: true });
    expect(
      await database.db
        .select({ id: caseFile.id })
        .from(caseFile)
        .where(notLike(caseFile.reference, 'VB-H%')),
    ).toHaveLength(demoCases(new Date()).length);
    expect(await historyCount()).toBe(history);
  });

  it('gives monitoring 90 days of figures, computed from raw rows, for the dashboards', async () => {
    // Local (Amsterdam) days, as the rollups keep them: from 23:00 UTC on, UTC's date is a day behind.
    const yesterday = localDate(new Date(Date.now() - 86_400_000));
    const from = localDate(new Date(Date.now() - 90 * 86_400_000));
    const v = Object.fromEntries(
      (await kpiValues(database.db, org, { from, to: yesterday })).map((k) => [k.code, k]),
    );
    expect(v.contacts!.value).toBeGreaterThan(1500);
    expect(v.fcr!.value).toBeGreaterThan(60);
    expect(v.fcr!.value).toBeLessThan(90);
    expect(v.cases_opened!.value).toBeGreaterThan(400);
    expect(v.norm_compliance!.value).toBeGreaterThan(60);
    expect(v.norm_compliance!.value).toBeLessThan(100);
    expect(v.complaints!.value).toBeGreaterThan(0);
    expect(v.reopen_rate!.value).toBeGreaterThan(0);
    expect(v.grade_mean!.n).toBeGreaterThan(100);
    // The backlog of past days: the seed takes each day's snapshot as the day-end task would have, so a past
    // period has one — the cases made before the day's end and not closed by then, counted here from the cases.
    const tenDaysAgo = localDate(new Date(Date.now() - 10 * 86_400_000));
    const past = await kpiValues(database.db, org, { from, to: tenDaysAgo }, ['backlog']);
    const end = sql`((${tenDaysAgo}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`;
    const [open] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM case_file
          WHERE organisation_id = ${org} AND parent_case_id IS NULL
            AND created_at < ${end} AND (closed_at IS NULL OR closed_at >= ${end})`,
    );
    expect(open!.n).toBeGreaterThan(0);
    expect(past[0]!.value).toBe(open!.n);
    // A period up to today counts it live.
    const today = localDate(new Date());
    const live = await kpiValues(database.db, org, { from, to: today }, ['backlog', 'backlog_overdue']);
    expect(live.find((k) => k.code === 'backlog')!.value).toBeGreaterThan(0);
    expect(live.find((k) => k.code === 'backlog_overdue')!.value).not.toBeNull();
  });

  // ---- signals (issue 15) ----
  it('fills the improvement inbox with groups of three and more (its own unhappy answers and suggestions)', async () => {
    const clusters = (
      (await database.db.execute(sql`
        SELECT s.cluster_id, count(*)::int AS n, bool_or(s.text <> '') AS said FROM signal s
        WHERE s.organisation_id = ${org} AND s.status = 'open' GROUP BY s.cluster_id`)) as unknown as {
        rows: { n: number; said: boolean }[];
      }
    ).rows;
    expect(clusters.filter((c) => c.n >= 3 && c.said).length).toBeGreaterThanOrEqual(2);
  });
});
