/**
 * Compliments routed (issue 15, item 5, element 6), on the real app and database: a survey answer that is a
 * compliment (grade ≥ 8 with a text) reaches the employee who handled it — the one who closed the case, the agent
 * of the contact — and their team: an email without the resident's name or words, their own list, the team page.
 * Routing runs once per answer. The team page: members read their own teams, some roles every team; residents'
 * comments only for who may read survey answers.
 */
import { compliment, notification } from '@voordeur/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { itemDef, publishContent } from '../../test/catalogue-fixtures.ts';
import {
  expectProblem,
  makeOrg,
  type Session,
  signIn,
  type TestOrg,
  useTestApp,
} from '../../test/harness.ts';
import { sendInvitations } from '../surveys/index.ts';
import { routeCompliments } from './index.ts';

const t = useTestApp();
let org: TestOrg;
let admin: Session;
let agent: Session;
let back: Session;
let manager: Session;

const definition = {
  code: 'kto',
  title: { nl: 'Wat vond u ervan?', en: 'How did we do?' },
  intro: { nl: 'Korte vragen.', en: 'Short questions.' },
  grade: { nl: 'Welk cijfer?', en: 'What grade?' },
  effort: { nl: 'Hoe makkelijk?', en: 'How easy?' },
  solved: { nl: 'Opgelost?', en: 'Solved?' },
  comment: { nl: 'Nog iets?', en: 'Anything else?' },
};

const send = (s: Session, method: 'POST' | 'PUT', url: string, payload: object) =>
  t.app.inject({ method, url, headers: s.headers, payload });

let people = 0;
async function customer() {
  people++;
  const res = await send(agent, 'POST', '/api/customers', {
    kind: 'resident',
    name: `Inwoner Jansen ${people} ${org.slug}`,
    email: `lof-${people}-${org.slug}@example.nl`,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function closedCase() {
  const made = await send(agent, 'POST', '/api/cases', {
    itemCode: 'lamp',
    description: 'Lamp is kapot',
    location: { description: 'Dorpsstraat 1' },
    customerId: await customer(),
    channel: 'web',
  });
  expect(made.statusCode, made.body).toBe(201);
  let c = made.json();
  for (const to of ['in_behandeling', 'afgehandeld']) {
    const res = await send(back, 'POST', `/api/cases/${c.id}/transitions`, { to, version: c.version });
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
  }
  return c.id as string;
}

/** Answers the survey of a case or contact through its public page. */
async function answerSurvey(where: { caseId?: string; contactId?: string }, grade: number, comment: string) {
  const mails = await t.database.db
    .select({ body: notification.body, caseId: notification.caseId })
    .from(notification)
    .where(and(eq(notification.organisationId, org.id), eq(notification.kind, 'survey')));
  const links = mails.map((m) => /https?:\/\/[^\s]+\/p\/[^\s]+\/enquete\/[A-Za-z0-9_-]+/.exec(m.body)?.[0]);
  const link = where.caseId
    ? links[mails.findIndex((m) => m.caseId === where.caseId)]
    : links.find((l, i) => l && mails[i]!.caseId === null && !answered.has(l));
  answered.add(link!);
  const res = await t.app.inject({
    method: 'POST',
    url: new URL(link!).pathname,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ grade: String(grade), comment }).toString(),
  });
  expect(res.statusCode, res.body).toBeLessThan(400);
}
const answered = new Set<string>();

beforeAll(async () => {
  org = await makeOrg(t.database);
  await publishContent(t.database.db, org.id, { items: [itemDef('lamp')] });
  [admin, agent, back, manager] = await Promise.all([
    signIn(t.app, org.users.admin),
    signIn(t.app, org.users.agent),
    signIn(t.app, org.users.backoffice),
    signIn(t.app, org.users.manager),
  ]);
  const created = await send(admin, 'POST', '/api/surveys', { definition });
  expect(created.statusCode, created.body).toBe(201);
  await send(admin, 'POST', '/api/surveys/kto/publish', { version: created.json().version });
  const saved = await send(admin, 'PUT', '/api/survey-settings', {
    version: 1,
    settings: {
      enabled: true,
      defaultSurvey: 'kto',
      items: [],
      channels: [{ channel: 'phone', survey: null, contactSamplePercent: 100 }],
      delayHours: 0,
      cooldownDays: 0,
      reminderAfterDays: 3,
      expiresAfterDays: 14,
      lowGradeMax: 5,
      complimentMinGrade: 8,
    },
  });
  expect(saved.statusCode, saved.body).toBe(200);
});

describe('compliments', () => {
  it('reach the employee who closed the case and the agent of the contact, once, without the resident', async () => {
    const praised = await closedCase();
    const plain = await closedCase();
    const phoned = await send(agent, 'POST', '/api/contacts', {
      channel: 'phone',
      customerId: await customer(),
      outcome: 'answered',
    });
    expect(phoned.statusCode, phoned.body).toBe(201);
    await sendInvitations(t.database.db);
    await answerSurvey({ caseId: praised }, 9, 'Heel vriendelijk geholpen, dank!');
    await answerSurvey({ caseId: plain }, 9, ''); // a high grade without words is no compliment
    await answerSurvey({ contactId: phoned.json().id }, 10, 'Snel en duidelijk antwoord.');

    expect(await routeCompliments(t.database.db)).toEqual({ routed: 2, notified: 2 });
    expect(await routeCompliments(t.database.db)).toEqual({ routed: 0, notified: 0 });

    const rows = await t.database.db.select().from(compliment).where(eq(compliment.organisationId, org.id));
    expect(rows.map((r) => [r.source, r.employeeUserId, r.grade]).sort()).toEqual(
      [
        ['case', org.users.backoffice.id, 9],
        ['contact', org.users.agent.id, 10],
      ].sort(),
    );
    expect(rows.find((r) => r.source === 'case')!.teamId).toBe(org.teams.back);

    const mails = await t.database.db
      .select()
      .from(notification)
      .where(and(eq(notification.organisationId, org.id), eq(notification.kind, 'compliment')));
    expect(mails.map((m) => m.recipient).sort()).toEqual(
      [org.users.agent.email, org.users.backoffice.email].sort(),
    );
    for (const m of mails) {
      expect(m.subject).toBe('Je hebt een compliment gekregen');
      expect(m.body).not.toMatch(/Jansen|example\.nl|vriendelijk|Snel/);
    }
  });

  it('show on the employee’s own list and on their team’s page', async () => {
    const own = await t.app.inject({ url: '/api/team-pages', headers: back.headers });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().teams).toEqual([{ id: org.teams.back, name: 'Openbare ruimte', own: true }]);
    expect(own.json().compliments).toMatchObject([{ grade: 9, comment: 'Heel vriendelijk geholpen, dank!' }]);

    const page = await t.app.inject({ url: `/api/team-pages/${org.teams.back}`, headers: back.headers });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({
      team: { id: org.teams.back, name: 'Openbare ruimte', memberCount: 1 },
      compliments: [{ grade: 9, source: 'case' }],
      surveyComments: null,
      pulse: null,
      improvements: [],
    });
    expect(page.json().figures.map((f: { code: string }) => f.code)).toContain('grade_mean');
    expect(JSON.stringify(page.json())).not.toMatch(/Jansen|example\.nl/);
  });

  it('team pages: members their own teams, managers every team with residents’ comments', async () => {
    expectProblem(
      await t.app.inject({ url: `/api/team-pages/${org.teams.back}`, headers: agent.headers }),
      403,
      'forbidden',
    );
    expectProblem(
      await t.app.inject({
        url: '/api/team-pages/00000000-0000-4000-8000-000000000000',
        headers: manager.headers,
      }),
      404,
      'not_found',
    );
    const all = await t.app.inject({ url: '/api/team-pages', headers: manager.headers });
    expect(all.json().teams.map((x: { name: string; own: boolean }) => [x.name, x.own])).toEqual([
      ['KCC', false],
      ['Management', true],
      ['Openbare ruimte', false],
    ]);
    const page = await t.app.inject({ url: `/api/team-pages/${org.teams.back}`, headers: manager.headers });
    expect(page.json().surveyComments).toMatchObject([
      { grade: 9, comment: 'Heel vriendelijk geholpen, dank!' },
    ]);
  });
});
