/**
 * The anonymous staff pulse (issue 15, item 5), on the real app and database: the tables cannot tie an answer to a
 * person (no user, no time, no team of fewer than five — read from information_schema and from the rows); while
 * a round is open its answers are sealed; at close they are written in one batch; everyone answers once; results
 * show only for groups of at least five and never two groups whose difference is smaller (complementary
 * suppression); the statements are versioned.
 */
import { pulseAnswer, pulseHeld, pulseParticipation } from '@voordeur/db';
import { PULSE_MIN_GROUP } from '@voordeur/shared';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../platform/actor.ts';
import {
  expectProblem,
  makeOrg,
  type Session,
  signIn,
  TEST_PASSWORD,
  type TestOrg,
  useTestApp,
} from '../../test/harness.ts';
import { localDate } from '../calendar/index.ts';
import { createUser } from '../users/index.ts';
import { closeDueRounds } from './index.ts';
import { shownTeams } from './pulse.results.ts';
import { endOf } from './pulse.service.ts';

const t = useTestApp();
let org: TestOrg;
let quality: Session;
let agent: Session;
/** Members of KCC (agent, teamlead and five more), of Management (manager, quality, admin, integrity), of Openbare ruimte (backoffice). */
let front: Session[];
let mgmt: Session[];
let back: Session[];

const answers = (n = 5, base = 4) => Array.from({ length: n }, (_, i) => ((base + i) % 5) + 1);

async function post(s: Session, url: string, payload: object) {
  return t.app.inject({ method: 'POST', url, headers: s.headers, payload });
}

async function newRound() {
  const res = await post(quality, '/api/pulse/rounds', { period: 'week', startsOn: localDate(new Date()) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; questionnaire: number; questions: { statements: unknown[] } };
}

async function close(id: string) {
  const res = await post(quality, `/api/pulse/rounds/${id}/close`, {});
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function results() {
  const res = await t.app.inject({ url: '/api/pulse/results', headers: quality.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as {
    round: { id: string; respondents: number; closed: boolean };
    organisation: { n: number; means: number[] } | null;
    teams: { teamId: string; result: { n: number } | null }[];
    comments: string[];
  }[];
}

beforeAll(async () => {
  org = await makeOrg(t.database);
  const ctx = systemCtx(org.id, 'test');
  const extra = [];
  for (let i = 1; i <= 5; i++) {
    const email = `puls-${i}-${org.slug}@example.nl`;
    await createUser(t.database.db, ctx, {
      email,
      name: `Medewerker ${i} ${org.slug}`,
      locale: 'nl',
      password: TEST_PASSWORD,
      memberships: [{ teamId: org.teams.front, role: 'agent' }],
    });
    extra.push({ email, password: TEST_PASSWORD });
  }
  const u = org.users;
  [quality, agent] = [await signIn(t.app, u.quality), await signIn(t.app, u.agent)];
  front = [
    agent,
    await signIn(t.app, u.teamlead),
    ...(await Promise.all(extra.map((e) => signIn(t.app, e)))),
  ];
  mgmt = [
    await signIn(t.app, u.manager),
    quality,
    await signIn(t.app, u.admin),
    await signIn(t.app, u.integrity),
  ];
  back = [await signIn(t.app, u.backoffice)];
});

describe('the pulse tables', () => {
  it('hold no user next to an answer, and no time finer than the round', async () => {
    const rows = await t.database.db.execute<{ table_name: string; column_name: string; data_type: string }>(
      sql`select table_name, column_name, data_type from information_schema.columns
          where table_schema = 'public' and table_name in ('pulse_answer', 'pulse_held', 'pulse_participation')
          order by table_name, ordinal_position`,
    );
    const list = (rows as unknown as { rows?: typeof rows }).rows ?? rows;
    const columns = (name: string) =>
      [...(list as Iterable<{ table_name: string; column_name: string; data_type: string }>)]
        .filter((r) => r.table_name === name)
        .map((r) => `${r.column_name}:${r.data_type}`);
    expect(columns('pulse_answer')).toEqual([
      'id:uuid',
      'organisation_id:uuid',
      'round_id:uuid',
      'team_id:uuid',
      'scores:jsonb',
      'comment:text',
    ]);
    expect(columns('pulse_held')).toEqual([
      'id:uuid',
      'organisation_id:uuid',
      'round_id:uuid',
      'sealed:bytea',
    ]);
    expect(columns('pulse_participation')).toEqual(['organisation_id:uuid', 'round_id:uuid', 'user_id:uuid']);
  });
});

describe('a pulse round', () => {
  it('is answered once by each employee, sealed until it closes, then written without names or small teams', async () => {
    const round = await newRound();
    expect(round.questionnaire).toBe(1);
    expect(round.questions.statements).toHaveLength(5);
    const current = await t.app.inject({ url: '/api/pulse/current', headers: agent.headers });
    expect(current.json()).toMatchObject({
      round: { id: round.id },
      answered: false,
      minGroup: PULSE_MIN_GROUP,
    });
    expect(current.json().teams.map((x: { id: string }) => x.id)).toEqual([org.teams.front]);

    const url = `/api/pulse/rounds/${round.id}/answers`;
    // Bad input: the wrong number of scores, a score off the scale, a team that is not theirs.
    expectProblem(await post(agent, url, { scores: [4, 4] }), 400, 'validation_failed');
    expectProblem(await post(agent, url, { scores: [4, 4, 4, 4, 9] }), 400, 'validation_failed');
    expectProblem(
      await post(agent, url, { scores: answers(), teamId: org.teams.back }),
      400,
      'validation_failed',
    );

    for (const [i, s] of front.entries()) {
      const res = await post(s, url, {
        scores: answers(5, i),
        comment: i === 0 ? 'Geheime opmerking KCC' : '',
      });
      expect(res.statusCode, res.body).toBe(204);
    }
    for (const s of [...mgmt, ...back])
      expect((await post(s, url, { scores: answers(5, 2) })).statusCode).toBe(204);
    // Once per round.
    expectProblem(await post(agent, url, { scores: answers() }), 409, 'pulse_already_answered');
    expect((await t.app.inject({ url: '/api/pulse/current', headers: agent.headers })).json().answered).toBe(
      true,
    );

    // While open: nothing readable in the database, no result.
    const held = await t.database.db.select().from(pulseHeld).where(eq(pulseHeld.roundId, round.id));
    expect(held).toHaveLength(12);
    for (const h of held) expect(Buffer.from(h.sealed).toString('latin1')).not.toContain('Geheime');
    const open = (await results()).find((r) => r.round.id === round.id)!;
    expect(open).toMatchObject({
      round: { closed: false, respondents: 12 },
      organisation: null,
      comments: [],
    });

    await close(round.id);
    expect(await t.database.db.select().from(pulseHeld).where(eq(pulseHeld.roundId, round.id))).toEqual([]);
    const written = await t.database.db.select().from(pulseAnswer).where(eq(pulseAnswer.roundId, round.id));
    expect(written).toHaveLength(12);
    // KCC (7) keeps its team; Management (4) and Openbare ruimte (1) are too small to be named in the database.
    expect(written.filter((a) => a.teamId === org.teams.front)).toHaveLength(7);
    expect(written.filter((a) => a.teamId === null)).toHaveLength(5);
    const participation = await t.database.db
      .select()
      .from(pulseParticipation)
      .where(eq(pulseParticipation.roundId, round.id));
    expect(participation).toHaveLength(12);

    const shown = (await results()).find((r) => r.round.id === round.id)!;
    expect(shown.organisation?.n).toBe(12);
    expect(shown.comments).toEqual(['Geheime opmerking KCC']);
    const team = (id: string) => shown.teams.find((x) => x.teamId === id)!.result;
    expect(team(org.teams.front)?.n).toBe(7);
    expect(team(org.teams.mgmt)).toBeNull();
    expect(team(org.teams.back)).toBeNull();
    // Closed: no more answers.
    expectProblem(await post(back[0]!, url, { scores: answers() }), 409, 'pulse_round_closed');
  });

  it('hides a team whose difference with the organisation would reveal fewer than five', async () => {
    const round = await newRound();
    const url = `/api/pulse/rounds/${round.id}/answers`;
    for (const s of [...front, ...back])
      expect((await post(s, url, { scores: answers(5, 1) })).statusCode).toBe(204);
    await close(round.id);
    const r = (await results()).find((x) => x.round.id === round.id)!;
    // 8 in all, 7 of KCC: KCC's result next to the total would give away the one other answer.
    expect(r.organisation?.n).toBe(8);
    expect(r.teams.every((x) => x.result === null)).toBe(true);
  });

  it('keeps nothing of a round with fewer than five answers', async () => {
    const round = await newRound();
    for (const s of mgmt)
      expect((await post(s, `/api/pulse/rounds/${round.id}/answers`, { scores: answers() })).statusCode).toBe(
        204,
      );
    expect((await close(round.id)).respondents).toBe(0);
    expect(await t.database.db.select().from(pulseAnswer).where(eq(pulseAnswer.roundId, round.id))).toEqual(
      [],
    );
    const r = (await results()).find((x) => x.round.id === round.id)!;
    expect(r.organisation).toBeNull();
  });

  it('statements are versioned; rounds overlap only once closed; only some may manage or read', async () => {
    const statements = Array.from({ length: 4 }, (_, i) => ({
      nl: `Stelling ${i + 1}`,
      en: `Statement ${i + 1}`,
    }));
    const body = { statements, openQuestion: { nl: 'Nog iets?', en: 'Anything else?' } };
    expectProblem(
      await t.app.inject({
        method: 'PUT',
        url: '/api/pulse/questions',
        headers: agent.headers,
        payload: body,
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await t.app.inject({
        method: 'PUT',
        url: '/api/pulse/questions',
        headers: quality.headers,
        payload: { ...body, statements: statements.slice(0, 3) },
      }),
      400,
      'validation_failed',
    );
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/pulse/questions',
      headers: quality.headers,
      payload: body,
    });
    expect(saved.json()).toMatchObject({ number: 2 });
    const round = await newRound();
    expect(round.questionnaire).toBe(2);
    expectProblem(
      await post(quality, '/api/pulse/rounds', { period: 'month', startsOn: localDate(new Date()) }),
      409,
      'pulse_round_overlaps',
    );
    expectProblem(
      await post(quality, '/api/pulse/rounds', { period: 'week', startsOn: '2020-01-01' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await t.app.inject({ url: '/api/pulse/results', headers: agent.headers }),
      403,
      'forbidden',
    );
    expectProblem(
      await post(agent, '/api/pulse/rounds', { period: 'week', startsOn: localDate(new Date()) }),
      403,
      'forbidden',
    );
    // Earlier rounds keep the statements they were asked with.
    const all = await results();
    expect(
      all
        .filter((r) => r.round.id !== round.id)
        .every((r) => r.organisation === null || r.organisation.means.length === 5),
    ).toBe(true);
    // The closing task closes rounds after their last day.
    const later = new Date(Date.now() + 9 * 86_400_000);
    expect(await closeDueRounds(t.database.db, later)).toMatchObject({ closed: 1 });
  });
});

describe('complementary suppression and dates', () => {
  it('hides the smallest shown group until the rest is none or at least five', () => {
    const m = (o: Record<string, number>) => new Map(Object.entries(o));
    expect([...shownTeams(m({ a: 7, b: 1 }), 12)]).toEqual(['a']); // rest 5
    expect([...shownTeams(m({ a: 7, b: 1 }), 8)]).toEqual([]); // rest 1
    expect([...shownTeams(m({ a: 5, b: 6 }), 11)].sort()).toEqual(['a', 'b']); // rest 0
    expect([...shownTeams(m({ a: 5, b: 6, c: 2 }), 13)]).toEqual(['b']); // rest 2 → hide a: rest 7
    expect([...shownTeams(m({ a: 9 }), 4)]).toEqual([]);
    expect(endOf('week', '2026-12-28')).toBe('2027-01-03');
    expect(endOf('month', '2026-01-31')).toBe('2026-03-02');
    expect(endOf('month', '2026-02-01')).toBe('2026-02-28');
  });
});
