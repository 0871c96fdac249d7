/**
 * The improvement inbox (issue 15): every source makes one signal (and only one on a re-run), similar unhappy
 * answers are clustered and an unrelated one is not, triage (move, split out, dismiss), the staff suggestion and
 * the resident's suggestion page (honeypot, time trap, limit per IP address), and no free text in the log.
 */
import type { Db } from '@voordeur/db';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { complaintItemDef, itemDef, publishContent } from '../../test/catalogue-fixtures.ts';
import {
  capturedLog,
  expectProblem,
  makeOrg,
  type Session,
  signIn,
  type TestOrg,
  useTestApp,
} from '../../test/harness.ts';
import { collect, collectKpiDeviations } from './index.ts';
import { lastCompleteMonth, suggestionFormToken } from './signals.service.ts';

const t = useTestApp({ PORTAL_MIN_FILL_SECONDS: '2' });
let db: Db;
let org: TestOrg;
let quality: Session;
let agent: Session;
let items: Record<string, { id: string; versionId: string }>;
let surveyVersion: { surveyId: string; versionId: string };
const DAY = 86_400_000;
const now = new Date();

const rows = async <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/** Unique words in the free texts: none may ever reach the log. */
const SECRET = 'Zwanenburg-7431';

let serial = 0;
async function answer(a: {
  grade: number;
  solved?: boolean | null;
  comment: string;
  item: string;
  at?: Date;
}) {
  const n = ++serial;
  const [inv] = await rows<{ id: string }>(sql`
    INSERT INTO survey_invitation (organisation_id, token_hash, token_encrypted, survey_id, survey_version_id,
      source, email, expires_at)
    VALUES (${org.id}, ${`hash-${n}`}, '\\x00'::bytea, ${surveyVersion.surveyId}, ${surveyVersion.versionId},
      'contact', 'kto@example.nl', ${new Date(Date.now() + 30 * DAY)}) RETURNING id`);
  const [r] = await rows<{ id: string }>(sql`
    INSERT INTO survey_response (organisation_id, invitation_id, survey_version_id, source, grade, solved, comment,
      language, channel, item_code, team_id, answered_at)
    VALUES (${org.id}, ${inv!.id}, ${surveyVersion.versionId}, 'contact', ${a.grade}, ${a.solved ?? null},
      ${a.comment}, 'nl', 'phone', ${a.item}, ${org.teams.back}, ${a.at ?? new Date(Date.now() - 2 * DAY)})
    RETURNING id`);
  return r!.id;
}

async function caseFile(c: {
  item: string;
  kind?: string;
  closedAt?: Date | null;
  breachedAt?: Date | null;
  breachReason?: string | null;
  breachNote?: string | null;
  complaint?: object | null;
  aboutCaseId?: string | null;
}) {
  const n = ++serial;
  const item = items[c.item]!;
  const [row] = await rows<{ id: string }>(sql`
    INSERT INTO case_file (organisation_id, reference, catalogue_item_id, item_version_id, kind, subject, description,
      channel, team_id, status, due_at, closed_at, breached_at, breach_reason, breach_note, complaint, about_case_id,
      created_at)
    VALUES (${org.id}, ${`S-${n}`}, ${item.id}, ${item.versionId}, ${c.kind ?? 'report'}, 'Onderwerp',
      ${`Omschrijving ${SECRET}`}, 'web', ${org.teams.back}, ${c.closedAt ? 'afgehandeld' : 'ontvangen'},
      ${new Date(Date.now() - 5 * DAY)}, ${c.closedAt ?? null}, ${c.breachedAt ?? null}, ${c.breachReason ?? null},
      ${c.breachNote ?? null}, ${c.complaint ? JSON.stringify(c.complaint) : null}::jsonb, ${c.aboutCaseId ?? null},
      ${new Date(Date.now() - 10 * DAY)})
    RETURNING id`);
  return row!.id;
}

const countByKind = async () =>
  Object.fromEntries(
    (
      await rows<{ kind: string; n: number }>(sql`
        SELECT kind, count(*)::int AS n FROM signal WHERE organisation_id = ${org.id} GROUP BY kind`)
    ).map((r) => [r.kind, r.n]),
  );

const clusters = async (query = '') => {
  const res = await t.app.inject({ url: `/api/signals/clusters${query}`, headers: quality.headers });
  expect(res.statusCode).toBe(200);
  return res.json().items as {
    id: string;
    count: number;
    weight: number;
    kinds: string[];
    item: { id: string; name: string } | null;
    examples: { text: string }[];
    version: number;
  }[];
};

beforeAll(async () => {
  db = t.database.db;
  org = await makeOrg(t.database);
  await publishContent(db, org.id, {
    items: [itemDef('lamp'), itemDef('afval'), complaintItemDef('klacht')],
  });
  items = Object.fromEntries(
    (
      await rows<{ id: string; versionId: string; code: string }>(sql`
        SELECT i.id, v.id AS "versionId", i.code FROM catalogue_item i
        JOIN catalogue_item_version v ON v.organisation_id = i.organisation_id AND v.item_id = i.id
        WHERE i.organisation_id = ${org.id}`)
    ).map((r) => [r.code, { id: r.id, versionId: r.versionId }]),
  );
  const [s] = await rows<{ id: string }>(sql`
    INSERT INTO survey (organisation_id, code, state) VALUES (${org.id}, 'kto', 'published') RETURNING id`);
  const [v] = await rows<{ id: string }>(sql`
    INSERT INTO survey_version (organisation_id, survey_id, number, definition, state)
    VALUES (${org.id}, ${s!.id}, 1, '{}'::jsonb, 'published') RETURNING id`);
  surveyVersion = { surveyId: s!.id, versionId: v!.id };
  quality = await signIn(t.app, org.users.quality);
  agent = await signIn(t.app, org.users.agent);
});

describe('collecting signals', () => {
  it('each source record makes one signal, and a re-run adds none', async () => {
    // Three similar unhappy answers about the street light, one unrelated unhappy one, one happy one.
    await answer({
      grade: 3,
      comment: `De lantaarnpaal in onze straat is na drie weken nog steeds kapot ${SECRET}`,
      item: 'lamp',
    });
    await answer({ grade: 4, comment: 'De lantaarnpaal in de straat is al weken kapot', item: 'lamp' });
    await answer({
      grade: 7,
      solved: false,
      comment: 'Lantaarnpaal in mijn straat nog steeds kapot na weken',
      item: 'lamp',
    });
    await answer({
      grade: 2,
      comment: 'Niemand nam de telefoon op toen ik over mijn belastingaanslag belde',
      item: 'afval',
    });
    await answer({ grade: 9, comment: 'Snel geholpen, dank u', item: 'lamp' });
    // A complaint about a case, upheld; a case closed after its norm with its reason; an open case.
    const about = await caseFile({ item: 'lamp' });
    await caseFile({
      item: 'klacht',
      kind: 'complaint',
      aboutCaseId: about,
      complaint: { decision: { outcome: 'founded', at: new Date().toISOString() } },
    });
    await caseFile({
      item: 'afval',
      closedAt: new Date(Date.now() - DAY),
      breachedAt: new Date(Date.now() - 2 * DAY),
      breachReason: 'capacity',
      breachNote: 'Te weinig mensen in de zomer',
    });
    await caseFile({ item: 'afval' });
    // A repeat contact.
    await db.execute(sql`
      INSERT INTO contact (organisation_id, channel, direction, started_at, catalogue_item_id, question, is_repeat)
      VALUES (${org.id}, 'phone', 'in', ${new Date(Date.now() - DAY)}, ${items.afval!.id},
        'Belt weer over de container', true),
        (${org.id}, 'phone', 'in', ${new Date(Date.now() - DAY)}, ${items.afval!.id}, 'Eerste vraag', false)`);

    const first = await collect(db, org.id);
    expect(first).toMatchObject({ survey: 4, complaint: 1, normBreach: 1, repeatContact: 1 });
    expect(await countByKind()).toEqual({ survey: 4, complaint: 1, norm_breach: 1, repeat_contact: 1 });
    const again = await collect(db, org.id);
    expect(again).toMatchObject({ survey: 0, complaint: 0, normBreach: 0, repeatContact: 0, clustered: 0 });
    expect(await countByKind()).toEqual({ survey: 4, complaint: 1, norm_breach: 1, repeat_contact: 1 });
    // The upheld complaint weighs double, and is about the street light's item (the case it is about).
    const [complaint] = await rows<{ weight: number; catalogue_item_id: string }>(sql`
      SELECT weight, catalogue_item_id FROM signal WHERE organisation_id = ${org.id} AND kind = 'complaint'`);
    expect(complaint).toEqual({ weight: 2, catalogue_item_id: items.lamp!.id });
    const [breach] = await rows<{ breach_reason: string; text: string }>(sql`
      SELECT breach_reason, text FROM signal WHERE organisation_id = ${org.id} AND kind = 'norm_breach'`);
    expect(breach).toEqual({ breach_reason: 'capacity', text: 'Te weinig mensen in de zomer' });
  });

  it('KPIs off target in the last complete month: one signal per KPI and team, once', async () => {
    const month = lastCompleteMonth(now);
    // Low grades last month: the satisfaction KPIs miss their targets.
    for (let i = 0; i < 12; i++)
      await answer({ grade: 3, comment: '', item: 'afval', at: new Date(`${month.from}T12:00:00Z`) });
    await db.execute(sql`SELECT 1`);
    const added = await collectKpiDeviations(db, org.id, now);
    const kpi = await rows<{ source_key: string; kpi_code: string }>(sql`
      SELECT source_key, kpi_code FROM signal WHERE organisation_id = ${org.id} AND kind = 'kpi_deviation'`);
    expect(kpi.length).toBe(added);
    for (const k of kpi)
      expect(k.source_key).toMatch(new RegExp(`^${k.kpi_code}:(all|[0-9a-f-]{36}):${month.key}$`));
    expect(await collectKpiDeviations(db, org.id, now)).toBe(0);
  });
});

describe('clustering', () => {
  it('groups the three similar unhappy answers about one item, and not the unrelated one', async () => {
    const list = await clusters('?kind=survey');
    const lamp = list.find((c) => c.item?.id === items.lamp!.id && c.kinds.includes('survey'));
    expect(lamp).toBeDefined();
    expect(lamp!.count).toBeGreaterThanOrEqual(3);
    expect(lamp!.item!.name).toBe('Dienst lamp');
    expect(lamp!.examples.length).toBe(3);
    const detail = await t.app.inject({ url: `/api/signals/clusters/${lamp!.id}`, headers: quality.headers });
    const texts = detail.json().signals.map((s: { text: string }) => s.text);
    expect(texts.filter((x: string) => /lantaarnpaal/i.test(x))).toHaveLength(3);
    expect(texts.some((x: string) => /belastingaanslag/.test(x))).toBe(false);
    // The unrelated answer is in a cluster of its own.
    const [own] = await rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM signal s JOIN signal m
        ON m.organisation_id = s.organisation_id AND m.cluster_id = s.cluster_id
      WHERE s.organisation_id = ${org.id} AND s.text LIKE '%belastingaanslag%'`);
    expect(own!.n).toBe(1);
    // Largest first; filters by team and item.
    expect(list[0]!.weight).toBeGreaterThanOrEqual(list.at(-1)!.weight);
    expect((await clusters(`?itemId=${items.afval!.id}`)).some((c) => c.id === lamp!.id)).toBe(false);
  });

  it('triage moves a signal, splits it out, dismisses a signal and a cluster — each with its version', async () => {
    const lamp = (await clusters()).find((c) => c.item?.id === items.lamp!.id)!;
    const detail = (
      await t.app.inject({ url: `/api/signals/clusters/${lamp.id}`, headers: quality.headers })
    ).json();
    const one = detail.signals[0];
    // Split out into a cluster of its own.
    const split = await t.app.inject({
      method: 'POST',
      url: `/api/signals/signal/${one.id}/move`,
      headers: quality.headers,
      payload: { clusterId: null, version: one.version },
    });
    expect(split.statusCode).toBe(200);
    const newCluster = split.json().clusterId;
    expect(newCluster).not.toBe(lamp.id);
    // A stale version is refused; moving it back with the current one works.
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: `/api/signals/signal/${one.id}/move`,
        headers: quality.headers,
        payload: { clusterId: lamp.id, version: one.version },
      }),
      409,
      'version_conflict',
    );
    const back = await t.app.inject({
      method: 'POST',
      url: `/api/signals/signal/${one.id}/move`,
      headers: quality.headers,
      payload: { clusterId: lamp.id, version: one.version + 1 },
    });
    expect(back.json().clusterId).toBe(lamp.id);
    // The emptied cluster is gone.
    expectProblem(
      await t.app.inject({ url: `/api/signals/clusters/${newCluster}`, headers: quality.headers }),
      404,
      'not_found',
    );
    // Dismiss one signal with a reason; a reason is required.
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: `/api/signals/signal/${one.id}/dismiss`,
        headers: quality.headers,
        payload: { reason: '', version: one.version + 2 },
      }),
      400,
      'validation_failed',
    );
    const dismissed = await t.app.inject({
      method: 'POST',
      url: `/api/signals/signal/${one.id}/dismiss`,
      headers: quality.headers,
      payload: { reason: 'Dubbel gemeld', version: one.version + 2 },
    });
    expect(dismissed.statusCode).toBe(200);
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: `/api/signals/signal/${one.id}/dismiss`,
        headers: quality.headers,
        payload: { reason: 'Nog eens', version: one.version + 3 },
      }),
      409,
      'signal_not_open',
    );
    // Dismiss the unrelated answer's cluster.
    const other = (await clusters('?kind=survey')).find((c) =>
      c.examples.some((e) => /belastingaanslag/.test(e.text)),
    )!;
    const gone = await t.app.inject({
      method: 'POST',
      url: `/api/signals/clusters/${other.id}/dismiss`,
      headers: quality.headers,
      payload: { reason: 'Hoort bij een ander onderwerp', version: other.version },
    });
    expect(gone.statusCode).toBe(200);
    expect(gone.json()).toMatchObject({
      status: 'dismissed',
      dismissReason: 'Hoort bij een ander onderwerp',
    });
    expect((await clusters()).some((c) => c.id === other.id)).toBe(false);
    expect((await clusters('?status=dismissed')).some((c) => c.id === other.id)).toBe(true);
    const [audit] = await rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM audit_event WHERE organisation_id = ${org.id}
        AND action IN ('signal_moved', 'dismissed')`);
    expect(audit!.n).toBe(4);
  });

  it('turns a cluster into an improvement proposal: owner required, its signals linked, nothing half stored', async () => {
    const lamp = (await clusters()).find((c) => c.item?.id === items.lamp!.id)!;
    const body = {
      title: 'Kapotte lantaarnpalen sneller maken',
      problem: 'Bewoners wachten weken op een kapotte lantaarnpaal.',
      expectedEffect: 'Hoger cijfer voor meldingen over straatverlichting.',
      ownerId: org.users.teamlead.id,
      kpiCodes: ['grade_mean'],
      version: lamp.version,
    };
    const before = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM improvement WHERE organisation_id = ${org.id}`,
    );
    const other = await makeOrg(t.database, 'Buurgemeente');
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: `/api/signals/clusters/${lamp.id}/propose`,
        headers: quality.headers,
        payload: { ...body, ownerId: other.users.teamlead.id },
      }),
      400,
      'validation_failed',
    );
    expect(
      await rows(sql`SELECT count(*)::int AS n FROM improvement WHERE organisation_id = ${org.id}`),
    ).toEqual(before);
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: `/api/signals/clusters/${lamp.id}/propose`,
        headers: agent.headers,
        payload: body,
      }),
      403,
      'forbidden',
    );
    const made = await t.app.inject({
      method: 'POST',
      url: `/api/signals/clusters/${lamp.id}/propose`,
      headers: quality.headers,
      payload: body,
    });
    expect(made.statusCode).toBe(201);
    const { improvementId, cluster } = made.json();
    expect(cluster).toMatchObject({ status: 'proposed', improvementId });
    // Its open signals are linked (the one dismissed before stays dismissed).
    const statuses = cluster.signals.map((s: { status: string }) => s.status).sort();
    expect(statuses.filter((x: string) => x === 'proposed').length).toBe(2);
    expect(statuses.every((x: string) => x === 'proposed' || x === 'dismissed')).toBe(true);
    const [imp] = await rows(sql`
      SELECT origin, origin_id, owner_id, catalogue_item_id, status FROM improvement
      WHERE organisation_id = ${org.id} AND id = ${improvementId}`);
    expect(imp).toEqual({
      origin: 'signals',
      origin_id: lamp.id,
      owner_id: org.users.teamlead.id,
      catalogue_item_id: items.lamp!.id,
      status: 'plan',
    });
    expect((await clusters()).some((c) => c.id === lamp.id)).toBe(false);
    expect((await clusters('?status=proposed')).some((c) => c.id === lamp.id)).toBe(true);
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: `/api/signals/clusters/${lamp.id}/propose`,
        headers: quality.headers,
        payload: { ...body, version: lamp.version + 1 },
      }),
      409,
      'signal_not_open',
    );
  });

  it('only those who triage see the inbox', async () => {
    expectProblem(
      await t.app.inject({ url: '/api/signals/clusters', headers: agent.headers }),
      403,
      'forbidden',
    );
    const other = await makeOrg(t.database, 'Andere gemeente');
    const outsider = await signIn(t.app, other.users.quality);
    const mine = await clusters();
    expectProblem(
      await t.app.inject({ url: `/api/signals/clusters/${mine[0]!.id}`, headers: outsider.headers }),
      404,
      'not_found',
    );
  });
});

describe('suggestions', () => {
  it('any employee sends one from any screen, with the page without its query string', async () => {
    const bad = [
      { text: 'kort' },
      { text: 'x'.repeat(2001) },
      { text: 'Een goed idee voor de balie', page: '/cases?q=Jansen' },
      { text: 'Een goed idee voor de balie', extra: true },
    ];
    for (const payload of bad)
      expectProblem(
        await t.app.inject({
          method: 'POST',
          url: '/api/signals/suggestions',
          headers: agent.headers,
          payload,
        }),
        400,
        'validation_failed',
      );
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/signals/suggestions',
      headers: agent.headers,
      payload: {
        text: `Zet de openingstijden van de balie bovenaan de startpagina ${SECRET}`,
        page: '/cases',
      },
    });
    expect(sent.statusCode).toBe(201);
    const [row] = await rows<{
      kind: string;
      page: string;
      created_by: string;
      team_id: string;
      cluster_id: string;
    }>(sql`
      SELECT kind, page, created_by, team_id, cluster_id FROM signal WHERE organisation_id = ${org.id} AND id = ${sent.json().id}`);
    expect(row).toMatchObject({
      kind: 'staff_suggestion',
      page: '/cases',
      created_by: org.users.agent.id,
      team_id: org.teams.front,
    });
    expect(row!.cluster_id).not.toBeNull();
    const audit = await rows(sql`
      SELECT * FROM audit_event WHERE organisation_id = ${org.id} AND entity_id = ${sent.json().id}`);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    const unsigned = await t.app.inject({
      method: 'POST',
      url: '/api/signals/suggestions',
      payload: { text: 'Een idee zonder inloggen' },
    });
    expect(unsigned.statusCode).toBe(401);
  });

  it('a resident sends one from the portal without JavaScript; honeypot, time trap and a limit per IP address', async () => {
    const page = await t.app.inject({ url: `/p/${org.slug}/verbeteridee` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Idee om ons beter te maken');
    expect(page.body).toContain('name="formToken"');
    expect((await t.app.inject({ url: `/p/${org.slug}/verbeteridee?lang=en` })).body).toContain(
      'An idea to make us better',
    );
    expect((await t.app.inject({ url: '/p/bestaat-niet-xyz/verbeteridee' })).statusCode).toBe(404);

    const form = (f: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: `/p/${org.slug}/verbeteridee`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.9' },
        payload: new URLSearchParams(f).toString(),
        remoteAddress: '203.0.113.9',
      });
    const early = suggestionFormToken(org.id, new Date(Date.now() - 60_000));
    const text = `Zet een bankje bij de bushalte aan de Dorpsstraat ${SECRET}`;
    // Too fast: the form came back within the minimum time.
    expect((await form({ text, formToken: suggestionFormToken(org.id), website: '' })).statusCode).toBe(403);
    // The honeypot filled in.
    expect((await form({ text, formToken: early, website: 'http://spam.example' })).statusCode).toBe(403);
    // Too short: the page again, with the error summary and the text kept.
    const short = await form({ text: 'bankje', formToken: early, website: '' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('error-summary');
    expect(short.body).toContain('bankje');
    const ok = await form({ text, formToken: early, website: '' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/p/${org.slug}/verbeteridee/bedankt?lang=nl`);
    expect((await t.app.inject({ url: ok.headers.location as string })).body).toContain(
      'Bedankt voor uw idee',
    );
    // Five posts this hour from this address (refused ones count too): the sixth is refused.
    expect((await form({ text: `${text}!`, formToken: early, website: '' })).statusCode).toBe(303);
    const over = await form({ text, formToken: early, website: '' });
    expect(over.statusCode).toBe(429);
    expect(await countByKind()).toMatchObject({ resident_suggestion: 2, staff_suggestion: 1 });
  });

  it('never writes a signal’s free text to the log', () => {
    expect(capturedLog.join('')).not.toContain(SECRET);
  });
});
