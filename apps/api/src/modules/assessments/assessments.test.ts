/**
 * Self-assessments (issue 15, item 1), end to end on the real app and database: models are versioned data (a
 * version never changes; a new one never touches an existing assessment); raters score independently (nobody sees
 * another's scores before the consensus round) with checked evidence; submitting locks; the consensus round shows
 * the scores side by side with the widest spreads first; closing needs every element agreed; the profile has each
 * rater's polygon and the model's trend; the overview reads the latest closed assessment.
 */
import { auditEvent, improvement } from '@voordeur/db';
import type { AssessmentModel } from '@voordeur/shared';
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
import { assessmentOverview, SHIPPED_MODELS } from './index.ts';

const t = useTestApp();
let org: TestOrg;
let quality: Session;
let manager: Session;
let agent: Session;
let teamlead: Session;

const AP = SHIPPED_MODELS.find((m) => m.code === 'antwoord-profiel')!;
const CODES = AP.dimensions.flatMap((d) => d.elements.map((e) => e.code));

function call(s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
}

async function start(
  title = 'Zelfevaluatie Antwoord 2026',
  raterIds = [org.users.quality.id, org.users.manager.id],
) {
  const res = await call(quality, 'POST', '/api/assessments', {
    title,
    modelCode: 'antwoord-profiel',
    referenceDate: '2026-10-01',
    raterIds,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const score = (s: Session, id: string, code: string, level: number | null, evidence: object = {}) =>
  call(s, 'PUT', `/api/assessments/${id}/scores/${code}`, { level, evidence });

async function scoreAll(s: Session, id: string, levelOf: (code: string, i: number) => number | null) {
  for (const [i, code] of CODES.entries()) {
    const res = await score(s, id, code, levelOf(code, i));
    expect(res.statusCode, res.body).toBe(200);
  }
}

const detail = async (s: Session, id: string) => {
  const res = await call(s, 'GET', `/api/assessments/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  org = await makeOrg(t.database);
  [quality, manager, agent, teamlead] = await Promise.all([
    signIn(t.app, org.users.quality),
    signIn(t.app, org.users.manager),
    signIn(t.app, org.users.agent),
    signIn(t.app, org.users.teamlead),
  ]);
});

describe('models', () => {
  it('ships two models to every organisation; a loaded version never changes and never touches an assessment', async () => {
    const list = await call(teamlead, 'GET', '/api/assessments/models');
    expect(list.statusCode, list.body).toBe(200);
    expect(
      list.json().items.map((m: { code: string; elements: number }) => `${m.code}:${m.elements}`),
    ).toEqual(['service-excellence:12', 'antwoord-profiel:10']);
    const id = await start('Voor de nieuwe versie');
    const v2 = structuredClone(AP) as AssessmentModel;
    v2.version = 2;
    v2.dimensions[0]!.elements[0]!.name = { nl: 'Producten en diensten', en: 'Products and services' };
    expectProblem(await call(manager, 'POST', '/api/assessments/models', v2), 403, 'forbidden');
    expectProblem(await call(quality, 'POST', '/api/assessments/models', AP), 409, 'model_version_taken');
    const loaded = await call(quality, 'POST', '/api/assessments/models', v2);
    expect(loaded.statusCode, loaded.body).toBe(201);
    expectProblem(await call(quality, 'POST', '/api/assessments/models', v2), 409, 'model_version_taken');
    expectProblem(
      await call(quality, 'POST', '/api/assessments/models', { ...v2, version: 3, scale: v2.scale.slice(1) }),
      400,
      'validation_failed',
    );
    // The existing assessment keeps the version it started with; a new one takes the newest.
    const old = await detail(quality, id);
    expect([old.modelVersion, old.model.dimensions[0].elements[0].name.nl]).toEqual([1, 'Producten']);
    const fresh = await detail(quality, await start('Met versie 2'));
    expect([fresh.modelVersion, fresh.model.dimensions[0].elements[0].name.nl]).toEqual([
      2,
      'Producten en diensten',
    ]);
  });
});

describe('an assessment from start to profile', () => {
  let id: string;

  it('is started by a runner with active staff as raters', async () => {
    const body = {
      title: 'Zelfevaluatie',
      modelCode: 'antwoord-profiel',
      modelVersion: 1,
      referenceDate: '2026-10-01',
      raterIds: [org.users.quality.id],
    };
    expectProblem(await call(manager, 'POST', '/api/assessments', body), 403, 'forbidden');
    const unknown = expectProblem(
      await call(quality, 'POST', '/api/assessments', { ...body, raterIds: [crypto.randomUUID()] }),
      400,
      'validation_failed',
    );
    expect(unknown.errors?.map((e) => e.field)).toEqual(['raterIds.0']);
    const noModel = expectProblem(
      await call(quality, 'POST', '/api/assessments', { ...body, modelCode: 'iso-9001' }),
      400,
      'validation_failed',
    );
    expect(noModel.errors?.map((e) => e.field)).toEqual(['modelVersion']);
    const people = await call(quality, 'GET', '/api/assessments/people');
    expect(people.json().items.map((p: { id: string }) => p.id)).toContain(org.users.agent.id);
    id = await start();
  });

  it('lets each rater score alone: nobody sees another rater’s scores before the consensus round', async () => {
    const evidence = {
      text: 'Het KCC beantwoordt de meeste vragen direct.',
      kpis: ['contacts'],
      documents: ['https://intranet.example.nl/kcc/jaarverslag.pdf'],
    };
    const first = await score(quality, id, 'ap-producten', 4, evidence);
    expect(first.statusCode, first.body).toBe(200);
    await scoreAll(quality, id, (c, i) => (c === 'ap-producten' ? 4 : c === 'ap-kanalen' ? 5 : (i % 3) + 2));
    // The evidence was overwritten by scoreAll; give it again and see it with the KPI's value.
    expect((await score(quality, id, 'ap-producten', 4, evidence)).statusCode).toBe(200);
    const mine = await detail(quality, id);
    expect(mine.myRole).toBe('rater');
    expect(mine.myScores).toHaveLength(10);
    expect(mine.kpis.map((k: { code: string }) => k.code)).toEqual(['contacts']);

    const other = await detail(manager, id);
    expect(other.myScores).toEqual([]);
    expect(JSON.stringify(other)).not.toContain('KCC beantwoordt');
    expect(other.kpis).toEqual([]);
    expectProblem(await call(manager, 'GET', `/api/assessments/${id}/consensus`), 409, 'assessment_phase');
    expectProblem(await call(quality, 'GET', `/api/assessments/${id}/results`), 409, 'assessment_phase');
    // A reader who is not a rater sees no scores either, and may not score.
    expect((await detail(teamlead, id)).myScores).toEqual([]);
    expectProblem(await score(teamlead, id, 'ap-producten', 3), 403, 'forbidden');
    // Someone without readAssessments sees only what they are invited to.
    expectProblem(await call(agent, 'GET', `/api/assessments/${id}`), 403, 'forbidden');
    expect((await call(agent, 'GET', '/api/assessments')).json().items).toEqual([]);
  });

  it('refuses bad scores and evidence with the field named', async () => {
    const field = async (res: Awaited<ReturnType<typeof score>>) =>
      expectProblem(res, 400, 'validation_failed').errors?.map((e) => e.field);
    expect(await field(await score(manager, id, 'ap-diensten', 6))).toEqual(['level']);
    expect(await field(await score(manager, id, 'ap-diensten', 0))).toEqual(['level']);
    expect(
      await field(await score(manager, id, 'ap-diensten', 3, { kpis: ['contacts', 'happiness'] })),
    ).toEqual(['evidence.kpis.1']);
    expect(
      await field(
        await score(manager, id, 'ap-diensten', 3, { documents: ['javascript:alert(1)', 'ftp://x.nl/a'] }),
      ),
    ).toEqual(['evidence.documents.0', 'evidence.documents.1']);
    expect(
      await field(
        await score(manager, id, 'ap-diensten', 3, { improvements: [crypto.randomUUID(), 'nope'] }),
      ),
    ).toEqual(['evidence.improvements.0', 'evidence.improvements.1']);
    expectProblem(await score(manager, id, 'se-1', 3), 404, 'not_found');
    // Nothing of the refused scores was stored.
    expect((await detail(manager, id)).myScores).toEqual([]);
  });

  it('locks a rater’s scores when they submit, and only complete scores can be submitted', async () => {
    expect((await score(manager, id, 'ap-producten', 1)).statusCode).toBe(200);
    const incomplete = expectProblem(
      await call(manager, 'POST', `/api/assessments/${id}/submit`, {}),
      400,
      'validation_failed',
    );
    expect(incomplete.errors).toHaveLength(9);
    // "Weet ik niet" is an answer too.
    await scoreAll(manager, id, (c) =>
      c === 'ap-producten' ? 1 : c === 'ap-systemen' ? null : c === 'ap-kanalen' ? 3 : 3,
    );
    for (const s of [quality, manager])
      expect((await call(s, 'POST', `/api/assessments/${id}/submit`, {})).statusCode).toBe(204);
    expectProblem(await score(manager, id, 'ap-producten', 2), 409, 'assessment_phase');
    expectProblem(await call(manager, 'POST', `/api/assessments/${id}/submit`, {}), 409, 'assessment_phase');
    expect((await detail(manager, id)).myRole).toBe('submitted');
  });

  it('opens the consensus round: scores side by side, raters 2+ levels apart first and flagged', async () => {
    const { version } = await detail(quality, id);
    expectProblem(
      await call(manager, 'POST', `/api/assessments/${id}/consensus`, { version }),
      403,
      'forbidden',
    );
    expectProblem(
      await call(quality, 'POST', `/api/assessments/${id}/consensus`, { version: version + 1 }),
      409,
      'version_conflict',
    );
    expect((await call(quality, 'POST', `/api/assessments/${id}/consensus`, { version })).statusCode).toBe(
      204,
    );
    expectProblem(await score(quality, id, 'ap-producten', 2), 409, 'assessment_phase');

    const res = await call(manager, 'GET', `/api/assessments/${id}/consensus`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().items as {
      elementCode: string;
      spread: number;
      flagged: boolean;
      scores: { level: number | null; evidence: { text: string } }[];
    }[];
    expect(rows).toHaveLength(10);
    // producten 4 vs 1 (spread 3), kanalen 5 vs 3 (spread 2): flagged and first, the widest first.
    expect(rows.slice(0, 2).map((r) => [r.elementCode, r.spread, r.flagged])).toEqual([
      ['ap-producten', 3, true],
      ['ap-kanalen', 2, true],
    ]);
    expect(rows.slice(2).every((r) => !r.flagged)).toBe(true);
    expect(rows[0]!.scores.map((s) => s.evidence.text).sort()).toContain(
      'Het KCC beantwoordt de meeste vragen direct.',
    );
    expect(rows.find((r) => r.elementCode === 'ap-systemen')!.scores.map((s) => s.level)).toContain(null);
  });

  it('closes only when every element has an agreed level (optimistic locking per element)', async () => {
    const { version } = await detail(quality, id);
    const unagreed = expectProblem(
      await call(quality, 'POST', `/api/assessments/${id}/close`, { version }),
      409,
      'elements_unagreed',
    );
    expect(unagreed.errors).toHaveLength(10);
    const agree = (code: string, level: number, v: number, note = '') =>
      call(quality, 'PUT', `/api/assessments/${id}/consensus/${code}`, { level, note, version: v });
    expectProblem(await agree('ap-producten', 7, 0), 400, 'validation_failed');
    expectProblem(
      await call(manager, 'PUT', `/api/assessments/${id}/consensus/ap-producten`, {
        level: 2,
        note: '',
        version: 0,
      }),
      403,
      'forbidden',
    );
    const first = await agree('ap-producten', 2, 0, 'Productenoverzicht is er, maar niet compleet.');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(1);
    expectProblem(await agree('ap-producten', 3, 0), 409, 'version_conflict');
    expect((await agree('ap-producten', 2, 1, 'Bijgesteld na overleg.')).json().version).toBe(2);
    for (const [i, code] of CODES.entries()) if (code !== 'ap-producten') await agree(code, (i % 4) + 1, 0);
    expectProblem(
      await call(quality, 'POST', `/api/assessments/${id}/close`, { version: version + 5 }),
      409,
      'version_conflict',
    );
    expect((await call(quality, 'POST', `/api/assessments/${id}/close`, { version })).statusCode).toBe(204);
    expectProblem(await agree('ap-producten', 4, 2), 409, 'assessment_phase');
  });

  it('shows the profile per element and dimension, each rater’s polygon and the trend', async () => {
    const res = await call(teamlead, 'GET', `/api/assessments/${id}/results`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.elements.find((e: { elementCode: string }) => e.elementCode === 'ap-producten').level).toBe(2);
    expect(r.dimensions.map((d: { dimensionCode: string }) => d.dimensionCode)).toEqual([
      'aanbod',
      'organisatie',
      'sturing',
    ]);
    expect(r.raters).toHaveLength(2);
    expect(r.trend.map((x: { id: string }) => x.id)).toEqual([id]);
    const overview = await assessmentOverview(t.database.db, org.id);
    expect(overview.latest?.id).toBe(id);
    expect(overview.latest?.scores).toHaveLength(10);
    expect(overview.model?.code).toBe('antwoord-profiel');
    expect(overview.trend).toHaveLength(1);
    // The overview's profile: each dimension's mean of the agreed levels of its elements.
    expect(overview.latest?.dimensions.map((d) => d.code)).toEqual(['aanbod', 'organisatie', 'sturing']);
    for (const d of overview.latest!.dimensions) {
      const levels = overview.latest!.scores.filter((x) => x.dimensionCode === d.code).map((x) => x.score);
      expect(levels.length).toBeGreaterThan(0);
      expect(d.mean).toBe(Math.round((levels.reduce((a, b) => a + b, 0) / levels.length) * 10) / 10);
    }
    expect(overview.trend[0]).toMatchObject({ id, title: expect.any(String) });
  });

  it('makes an improvement action from an element with one click, once', async () => {
    const body = { elementCode: 'ap-producten', ownerId: org.users.manager.id };
    expectProblem(await call(manager, 'POST', `/api/assessments/${id}/actions`, body), 403, 'forbidden');
    const badOwner = expectProblem(
      await call(quality, 'POST', `/api/assessments/${id}/actions`, {
        ...body,
        ownerId: crypto.randomUUID(),
      }),
      400,
      'validation_failed',
    );
    expect(badOwner.errors?.map((e) => e.field)).toEqual(['ownerId']);
    const made = await call(quality, 'POST', `/api/assessments/${id}/actions`, body);
    expect(made.statusCode, made.body).toBe(201);
    const { improvementId } = made.json();
    const [row] = await t.database.db.select().from(improvement).where(eq(improvement.id, improvementId));
    expect([row!.origin, row!.originId, row!.elementCode, row!.status, row!.ownerId]).toEqual([
      'assessment',
      id,
      'ap-producten',
      'plan',
      org.users.manager.id,
    ]);
    // The assessment took the newest model version (loaded above), with its new element name.
    expect(row!.title).toBe('Producten en diensten: van niveau 2 naar 3');
    expectProblem(
      await call(quality, 'POST', `/api/assessments/${id}/actions`, body),
      409,
      'assessment_phase',
    );
    const results = (await call(quality, 'GET', `/api/assessments/${id}/results`)).json();
    expect(
      results.elements.find((e: { elementCode: string }) => e.elementCode === 'ap-producten').improvementId,
    ).toBe(improvementId);
    // An improvement that exists can be linked as evidence in a later assessment.
    const next = await start('Volgende ronde');
    expect(
      (await score(quality, next, 'ap-producten', 3, { improvements: [improvementId] })).statusCode,
    ).toBe(200);
  });

  it('recorded every change in the audit trail', async () => {
    const events = await t.database.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(and(eq(auditEvent.organisationId, org.id), eq(auditEvent.entityId, id)));
    const actions = new Set(events.map((e) => e.action));
    for (const a of [
      'created',
      'scored',
      'submitted',
      'consensus_started',
      'agreed',
      'closed',
      'action_created',
    ])
      expect(actions).toContain(a);
  });

  it('is not visible to another organisation', async () => {
    const other = await makeOrg(t.database, 'Andere gemeente');
    const s = await signIn(t.app, other.users.quality);
    expectProblem(await call(s, 'GET', `/api/assessments/${id}`), 404, 'not_found');
    expect((await call(s, 'GET', '/api/assessments')).json().items).toEqual([]);
  });
});
