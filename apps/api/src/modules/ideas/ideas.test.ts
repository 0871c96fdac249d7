/**
 * Innovation (issue 15, item 4): the ideas pipeline's stage rules, the experiment design and its decision, and
 * co-creation — residents' comments on a public idea page, held for moderation (never public before approval),
 * with the honeypot, time trap, size and rate limits. One app and database for the file.
 */
import { auditEvent, ideaComment, improvement, metricContactDay } from '@voordeur/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  makeOrg,
  type Session,
  signIn,
  type TestOrg,
  useTestApp,
} from '../../test/harness.ts';
import { compareKpi } from '../analysis/index.ts';
import { commentToken } from './ideas.public.ts';

const t = useTestApp({ PORTAL_MIN_FILL_SECONDS: '2' });

let org: TestOrg;
let manager: Session;
let quality: Session;
let agent: Session;

const send = (s: Session, method: 'POST' | 'PUT' | 'PATCH' | 'GET', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

async function newIdea(extra: object = {}) {
  const res = await send(manager, 'POST', '/api/ideas', {
    title: 'Paspoort ophalen zonder afspraak',
    description: 'Wie een paspoort ophaalt, komt langs wanneer het uitkomt.\n\nGeen afspraak meer nodig.',
    ownerId: org.users.manager.id,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; stage: string };
}

const move = (s: Session, id: string, version: number, stage: string, note = '', extra: object = {}) =>
  send(s, 'POST', `/api/ideas/${id}/stage`, { stage, note, version, ...extra });

const form = (url: string, fields: Record<string, string>, ip = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url,
    remoteAddress: ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });

beforeAll(async () => {
  org = await makeOrg(t.database);
  [manager, quality, agent] = await Promise.all([
    signIn(t.app, org.users.manager),
    signIn(t.app, org.users.quality),
    signIn(t.app, org.users.agent),
  ]);
});

describe('the ideas pipeline', () => {
  it('moves one stage at a time, back only with a note, stops only with a reason, and records every move', async () => {
    expectProblem(
      await send(agent, 'POST', '/api/ideas', { title: 'x', description: 'y', ownerId: org.users.agent.id }),
      403,
      'forbidden',
    );
    const other = await makeOrg(t.database, 'Andere gemeente');
    const foreignOwner = expectProblem(
      await send(manager, 'POST', '/api/ideas', {
        title: 'x',
        description: 'y',
        ownerId: other.users.manager.id,
      }),
      400,
      'validation_failed',
    );
    expect(foreignOwner.errors?.map((e) => e.field)).toEqual(['ownerId']);

    const idea = await newIdea({ proposedByKind: 'resident' });
    expect(idea).toMatchObject({ stage: 'idea', proposedByKind: 'resident', proposedByName: null });
    const fieldOf = async (res: Awaited<ReturnType<typeof move>>) =>
      expectProblem(res, 400, 'validation_failed').errors?.map((e) => e.field);
    // Straight to roll-out or pilot: nothing is rolled out that was not tried.
    expect(await fieldOf(await move(manager, idea.id, 1, 'rollout'))).toEqual(['stage']);
    expect(await fieldOf(await move(manager, idea.id, 1, 'pilot'))).toEqual(['stage']);
    expect(await fieldOf(await move(manager, idea.id, 1, 'stopped'))).toEqual(['note']);
    expect(
      await fieldOf(
        await move(manager, idea.id, 1, 'experiment', '', { improvement: { ownerId: org.users.manager.id } }),
      ),
    ).toEqual(['improvement']);
    expectProblem(await move(agent, idea.id, 1, 'experiment'), 403, 'forbidden');

    let res = await move(manager, idea.id, 1, 'experiment', 'We proberen het vier weken in Noord.');
    expect(res.statusCode, res.body).toBe(200);
    expectProblem(await move(manager, idea.id, 1, 'pilot'), 409, 'version_conflict');
    res = await move(manager, idea.id, 2, 'pilot');
    expect(res.statusCode, res.body).toBe(200);
    // Back a stage only with a note saying why.
    expect(await fieldOf(await move(manager, idea.id, 3, 'experiment'))).toEqual(['note']);
    res = await move(manager, idea.id, 3, 'experiment', 'Te weinig bezoekers in de proef; opnieuw meten.');
    expect(res.statusCode, res.body).toBe(200);
    res = await move(manager, idea.id, 4, 'stopped', 'Het loket kan de drukte niet aan.');
    expect(res.statusCode, res.body).toBe(200);
    const stopped = res.json();
    expect(stopped).toMatchObject({ stage: 'stopped', stopReason: 'Het loket kan de drukte niet aan.' });
    expect(
      stopped.moves.map((m: { fromStage: string | null; toStage: string }) => `${m.fromStage}>${m.toStage}`),
    ).toEqual(['null>idea', 'idea>experiment', 'experiment>pilot', 'pilot>experiment', 'experiment>stopped']);
    expect(stopped.moves[3].note).toContain('opnieuw meten');
    // A stopped idea does not move again.
    expect(await fieldOf(await move(manager, idea.id, 5, 'idea', 'toch weer'))).toEqual(['stage']);

    const audited = await t.database.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(and(eq(auditEvent.organisationId, org.id), eq(auditEvent.entityId, idea.id)));
    expect(audited.map((a) => a.action).sort()).toEqual([
      'created',
      'idea_stage_changed',
      'idea_stage_changed',
      'idea_stage_changed',
      'idea_stage_changed',
    ]);

    // Everyone who reads ideas sees the board; another organisation does not see this idea.
    const board = await send(agent, 'GET', '/api/ideas');
    expect(board.statusCode).toBe(200);
    expect(board.json().items.map((i: { id: string }) => i.id)).toContain(idea.id);
    const outsider = await signIn(t.app, other.users.admin);
    expectProblem(await send(outsider, 'GET', `/api/ideas/${idea.id}`), 404, 'not_found');
  });

  it('refuses a bad experiment design and a decision before the result is measured', async () => {
    const idea = await newIdea();
    const design = {
      hypothesis: 'Met een terugbelknop op de website bellen minder mensen twee keer.',
      kpi: 'repeat_contacts',
      from: '2026-09-01',
      to: '2026-09-30',
      testGroup: { channel: 'web' },
      comparisonGroup: { channel: 'phone' },
      decisionRule: 'Herhaalcontact 2 punten lager en significant.',
      version: 1,
    };
    const fields = async (body: object) =>
      expectProblem(
        await send(manager, 'PUT', `/api/ideas/${idea.id}/experiment`, body),
        400,
        'validation_failed',
      )
        .errors?.map((e) => e.field)
        .sort();
    expect(await fields({ ...design, kpi: 'happiness' })).toEqual(['kpi']);
    expect(await fields({ ...design, from: '2026-10-01' })).toEqual(['from']);
    expect(await fields({ ...design, to: '2028-01-01' })).toEqual(['to']);
    expect(await fields({ ...design, comparisonGroup: { channel: 'web' } })).toEqual(['comparisonGroup']);
    expect(await fields({ ...design, comparisonGroup: { channel: 'web', from: '2026-08-01' } })).toEqual([
      'comparisonGroup.to',
    ]);
    // The same group before the experiment is a fine comparison.
    let res = await send(manager, 'PUT', `/api/ideas/${idea.id}/experiment`, {
      ...design,
      comparisonGroup: { channel: 'web', from: '2026-08-01', to: '2026-08-31' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().experiment).toMatchObject({
      kpi: 'repeat_contacts',
      testGroup: { channel: 'web' },
      comparisonGroup: { channel: 'web', from: '2026-08-01', to: '2026-08-31' },
      result: null,
    });
    res = await send(manager, 'POST', `/api/ideas/${idea.id}/decision`, {
      decision: 'rollout',
      note: 'Goed genoeg',
      version: 2,
    });
    expect(expectProblem(res, 400, 'validation_failed').errors?.map((e) => e.field)).toEqual(['decision']);
  });
});

describe('the experiment measured from the KPIs', () => {
  it('compares the test group with the comparison group (compareKpi), names an empty group, and rolls out with an improvement', async () => {
    const dims = (day: string, channel: string) => ({
      organisationId: org.id,
      day,
      channel,
      teamId: org.teams.front,
    });
    await t.database.db.insert(metricContactDay).values([
      { ...dims('2026-09-03', 'phone'), contacts: 120, answered: 80 },
      { ...dims('2026-09-10', 'phone'), contacts: 80, answered: 60 },
      { ...dims('2026-09-04', 'web'), contacts: 240, answered: 204 },
    ]);
    const idea = await newIdea({ title: 'Chat op de website met een medewerker' });
    let res = await move(manager, idea.id, 1, 'experiment');
    const design = {
      hypothesis: 'Via de chat is de vraag vaker in één keer opgelost dan aan de telefoon.',
      kpi: 'fcr',
      from: '2026-09-01',
      to: '2026-09-30',
      testGroup: { channel: 'web' },
      comparisonGroup: { channel: 'phone' },
      decisionRule: 'FCR minstens 5 punten hoger en significant.',
      version: 2,
    };
    expectProblem(
      await send(manager, 'POST', `/api/ideas/${idea.id}/measure`, { version: 2 }),
      400,
      'validation_failed',
    );
    // A test group with no data in the period: refused, naming the group.
    res = await send(manager, 'PUT', `/api/ideas/${idea.id}/experiment`, {
      ...design,
      testGroup: { area: 'Noord' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const empty = expectProblem(
      await send(manager, 'POST', `/api/ideas/${idea.id}/measure`, { version: 3 }),
      400,
      'validation_failed',
    );
    expect(empty.errors?.map((e) => e.field)).toEqual(['testGroup']);
    res = await send(manager, 'PUT', `/api/ideas/${idea.id}/experiment`, { ...design, version: 3 });
    expect(res.statusCode, res.body).toBe(200);
    expectProblem(
      await send(agent, 'POST', `/api/ideas/${idea.id}/measure`, { version: 4 }),
      403,
      'forbidden',
    );
    res = await send(manager, 'POST', `/api/ideas/${idea.id}/measure`, { version: 4 });
    expect(res.statusCode, res.body).toBe(200);
    // The same figures compareKpi gives for these filters: comparison (a) against test (b).
    const expected = await compareKpi(
      t.database.db,
      org.id,
      'fcr',
      { from: '2026-09-01', to: '2026-09-30', channel: 'phone' },
      { from: '2026-09-01', to: '2026-09-30', channel: 'web' },
    );
    const result = res.json().experiment.result;
    expect(result).toEqual(expected);
    expect(result).toMatchObject({
      a: { value: 70, n: 200 },
      b: { value: 85, n: 240 },
      difference: 15,
      better: true,
      test: 'two_proportion_z',
      significant: true,
    });

    res = await send(manager, 'POST', `/api/ideas/${idea.id}/decision`, {
      decision: 'rollout',
      note: 'Ruim boven de beslisregel: invoeren.',
      version: 5,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ decision: 'rollout', stage: 'experiment' });
    res = await move(manager, idea.id, 6, 'pilot', 'Eerst drie maanden in het KCC.');
    expect(res.statusCode, res.body).toBe(200);
    const badOwner = expectProblem(
      await move(manager, idea.id, 7, 'rollout', '', { improvement: { ownerId: org.id } }),
      400,
      'validation_failed',
    );
    expect(badOwner.errors?.map((e) => e.field)).toEqual(['improvement.ownerId']);
    res = await move(manager, idea.id, 7, 'rollout', '', { improvement: { ownerId: org.users.quality.id } });
    expect(res.statusCode, res.body).toBe(200);
    const rolledOut = res.json();
    expect(rolledOut.stage).toBe('rollout');
    expect(rolledOut.improvementId).toEqual(expect.any(String));
    const [made] = await t.database.db
      .select()
      .from(improvement)
      .where(and(eq(improvement.organisationId, org.id), eq(improvement.id, rolledOut.improvementId)));
    expect(made).toMatchObject({
      origin: 'idea',
      originId: idea.id,
      status: 'plan',
      ownerId: org.users.quality.id,
    });
  });

  it('stops the idea when the decision is to stop', async () => {
    const idea = await newIdea({ title: 'Wachtmuziek vervangen door terugbellen' });
    await move(manager, idea.id, 1, 'experiment');
    let res = await send(manager, 'PUT', `/api/ideas/${idea.id}/experiment`, {
      hypothesis: 'Minder mensen hangen op.',
      kpi: 'fcr',
      from: '2026-09-01',
      to: '2026-09-15',
      testGroup: { channel: 'phone' },
      comparisonGroup: { channel: 'web' },
      decisionRule: 'FCR hoger dan op de website.',
      version: 2,
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await send(manager, 'POST', `/api/ideas/${idea.id}/measure`, { version: 3 });
    expect(res.json().experiment.result.better).toBe(false);
    res = await send(manager, 'POST', `/api/ideas/${idea.id}/decision`, {
      decision: 'stop',
      note: 'Telefoon lost minder op dan de website.',
      version: 4,
    });
    expect(res.json()).toMatchObject({
      stage: 'stopped',
      stopReason: 'Telefoon lost minder op dan de website.',
    });
    expect(res.json().moves.at(-1)).toMatchObject({ toStage: 'stopped' });
  });
});

describe('co-creation: comments on a public idea', () => {
  it('shows only published ideas and approved comments; moderation approves or rejects with a reason', async () => {
    const idea = await newIdea({ title: 'Afvalkalender in de app' });
    const page = `/p/${org.slug}/ideeen/${idea.id}`;
    // Not published: not there for residents.
    expect((await t.app.inject({ url: page })).statusCode).toBe(404);
    let res = await send(manager, 'PATCH', `/api/ideas/${idea.id}`, { published: true, version: 1 });
    expect(res.statusCode, res.body).toBe(200);

    const list = await t.app.inject({ url: `/p/${org.slug}/ideeen` });
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toContain('text/html');
    expect(list.body).toContain('Afvalkalender in de app');
    expect(list.body).not.toContain('Paspoort ophalen');
    expect(list.body).not.toContain('<script');
    const shown = await t.app.inject({ url: page });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('name="token"');

    const token = commentToken(org.id, idea.id, new Date(Date.now() - 10_000));
    const comment = (fields: Record<string, string>, ip?: string) =>
      form(page, { lang: 'nl', token, body: '', displayName: '', website: '', ...fields }, ip);
    res = await comment({ body: 'Graag ook een herinnering de avond ervoor.', displayName: 'Fatima' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${page}?lang=nl&verzonden=1#sent`);
    const thanks = await t.app.inject({ url: `${page}?lang=nl&verzonden=1` });
    expect(thanks.body).toContain('Uw reactie wordt eerst bekeken');
    // Held for moderation: not on the public page, not for a reader who may not moderate.
    expect(thanks.body).not.toContain('herinnering de avond');
    const forAgent = await send(agent, 'GET', `/api/ideas/${idea.id}`);
    expect(forAgent.json().comments).toEqual([]);
    res = await comment({ body: 'Koop gewoon goedkope pillen hier' }, '10.0.0.2');
    expect(res.statusCode).toBe(303);

    const forQuality = (await send(quality, 'GET', `/api/ideas/${idea.id}`)).json();
    expect(forQuality.pendingComments).toBe(2);
    expect(forQuality.abilities).toEqual({ manage: true, moderate: true });
    const [good, spam] = forQuality.comments as { id: string; status: string }[];
    expect(good!.status).toBe('pending');
    const moderate = (s: Session, id: string, body: object) =>
      send(s, 'POST', `/api/ideas/${idea.id}/comments/${id}/moderate`, body);
    expectProblem(await moderate(manager, good!.id, { approve: true }), 403, 'forbidden');
    expect(
      expectProblem(await moderate(quality, spam!.id, { approve: false }), 400, 'validation_failed')
        .errors?.[0]?.field,
    ).toBe('reason');
    res = await moderate(quality, spam!.id, { approve: false, reason: 'Reclame' });
    expect(res.statusCode, res.body).toBe(200);
    res = await moderate(quality, good!.id, { approve: true });
    expect(res.statusCode, res.body).toBe(200);
    expectProblem(
      await moderate(quality, good!.id, { approve: false, reason: 'x' }),
      400,
      'validation_failed',
    );

    const after = await t.app.inject({ url: page });
    expect(after.body).toContain('Graag ook een herinnering de avond ervoor.');
    expect(after.body).toContain('Fatima');
    expect(after.body).not.toContain('goedkope pillen');
    expect((await t.app.inject({ url: `/p/${org.slug}/ideeen` })).body).toContain('1 reactie');
    expect((await send(agent, 'GET', `/api/ideas/${idea.id}`)).json().comments).toHaveLength(1);

    // A stopped idea leaves the public pages.
    const version = (await send(manager, 'GET', `/api/ideas/${idea.id}`)).json().version;
    res = await move(manager, idea.id, version, 'stopped', 'Past niet in de nieuwe app.');
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.app.inject({ url: page })).statusCode).toBe(404);
  });

  it('refuses the honeypot, a form too fast or forged, too long text, and a flood from one address', async () => {
    const idea = await newIdea({ title: 'Bankjes bij de bushalte' });
    await send(manager, 'PATCH', `/api/ideas/${idea.id}`, { published: true, version: 1 });
    const page = `/p/${org.slug}/ideeen/${idea.id}`;
    const old = commentToken(org.id, idea.id, new Date(Date.now() - 10_000));
    const stored = async () =>
      (await t.database.db.select().from(ideaComment).where(eq(ideaComment.ideaId, idea.id))).length;

    // The honeypot: answered as if stored, nothing kept.
    let res = await form(page, { token: old, body: 'Spam', website: 'http://spam.example' }, '10.0.1.1');
    expect(res.statusCode).toBe(303);
    // Straight back after the page was handed out: too fast.
    res = await form(page, { token: commentToken(org.id, idea.id, new Date()), body: 'Snel' }, '10.0.1.1');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('erg snel');
    expect(res.body).toContain('id="error-summary"');
    // A token for another idea, or made up.
    res = await form(
      page,
      { token: commentToken(org.id, org.id, new Date(Date.now() - 10_000)), body: 'x' },
      '10.0.1.1',
    );
    expect(res.body).toContain('verlopen');
    res = await form(page, { token: `${Date.now() - 10_000}.forged`, body: 'x' }, '10.0.1.1');
    expect(res.statusCode).toBe(400);
    // Empty, too long, and a long name: named in the summary, the text kept in the form.
    res = await form(page, { token: old, body: 'a'.repeat(1501), displayName: 'n'.repeat(61) }, '10.0.1.1');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Maximaal 1500 tekens');
    expect(res.body).toContain('href="#comment-name"');
    res = await form(page, { token: old, body: '   ' }, '10.0.1.1');
    expect(res.body).toContain('Schrijf uw reactie');
    expect(await stored()).toBe(0);
    // The English page answers in English.
    res = await form(`${page}?lang=en`, { token: old, body: '' }, '10.0.1.2');
    expect(res.body).toContain('Write your comment');

    // Ten posts an hour from one address (refused ones count too); then a page that says to wait.
    for (let i = 0; i < 4; i++) {
      res = await form(page, { token: old, body: `Reactie ${i}` }, '10.0.1.1');
      expect(res.statusCode).toBe(303);
    }
    res = await form(page, { token: old, body: 'Nog een' }, '10.0.1.1');
    expect(res.statusCode).toBe(429);
    expect(res.body).toContain('over een uur');
    expect(await stored()).toBe(4);
    // Another address is not held up.
    expect((await form(page, { token: old, body: 'Van elders' }, '10.0.1.3')).statusCode).toBe(303);
    // An unknown idea or organisation: a page that says so.
    expect((await form(`/p/${org.slug}/ideeen/${org.id}`, { token: old, body: 'x' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/p/niet-bestaand/ideeen' })).statusCode).toBe(404);
  });
});
