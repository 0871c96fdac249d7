/**
 * Surveys (issue 13, item 7), end to end on the real app and database: definitions are versioned content; the
 * invitation task invites once per closed case (idempotent) and a deterministic sample of contacts per channel,
 * never someone who said no or was invited within the cooldown, and reminds once; the server-rendered page takes
 * one answer per invitation; a low grade or "not solved" flags the case (and reopens it where the item says so), a
 * compliment lands on the case's timeline; answers are stored with the case's dimensions; staff read them.
 */
import { caseFile, notification, surveyInvitation, surveyResponse } from '@voordeur/db';
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
import { sendInvitations, sendReminders, surveyLinkOfCase } from './index.ts';
import { inSample } from './surveys.invite.ts';

const t = useTestApp();
let org: TestOrg;
let admin: Session;
let agent: Session;
let back: Session;
let quality: Session;

const definition = {
  code: 'kto',
  title: { nl: 'Wat vond u ervan?', en: 'How did we do?' },
  intro: { nl: 'Vijf korte vragen.', en: 'Five short questions.' },
  grade: { nl: 'Welk cijfer geeft u ons?', en: 'What grade do you give us?' },
  effort: { nl: 'Hoe makkelijk was het?', en: 'How easy was it?' },
  solved: { nl: 'Is uw vraag opgelost?', en: 'Was it solved?' },
  comment: { nl: 'Wilt u nog iets zeggen?', en: 'Anything else?' },
};

async function send(s: Session, method: 'POST' | 'PUT', url: string, payload: object) {
  return t.app.inject({ method, url, headers: s.headers, payload });
}

let people = 0;
async function customer(extra: object = {}) {
  people++;
  const res = await send(agent, 'POST', '/api/customers', {
    kind: 'resident',
    name: `Inwoner ${people} ${org.slug}`,
    email: `kto-${people}-${org.slug}@example.nl`,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** A case for this customer, taken through its workflow to closed. */
async function closedCase(customerId: string, itemCode = 'lamp') {
  const made = await send(agent, 'POST', '/api/cases', {
    itemCode,
    description: 'Lamp is kapot',
    location: { description: 'Dorpsstraat 1' },
    customerId,
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

const surveyMails = (caseId?: string) =>
  t.database.db
    .select()
    .from(notification)
    .where(
      and(
        eq(notification.organisationId, org.id),
        eq(notification.kind, 'survey'),
        ...(caseId ? [eq(notification.caseId, caseId)] : []),
      ),
    );

/** The path of the survey link in the invitation email of a case. */
async function linkOf(caseId: string) {
  const [mail] = await surveyMails(caseId);
  const url = /https?:\/\/[^\s]+\/p\/[^\s]+\/enquete\/[A-Za-z0-9_-]+/.exec(mail!.body)![0];
  return new URL(url).pathname;
}

function answer(path: string, form: Record<string, string>) {
  return t.app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(form).toString(),
  });
}

beforeAll(async () => {
  org = await makeOrg(t.database);
  await publishContent(t.database.db, org.id, { items: [itemDef('lamp'), itemDef('afval')] });
  [admin, agent, back, quality] = await Promise.all([
    signIn(t.app, org.users.admin),
    signIn(t.app, org.users.agent),
    signIn(t.app, org.users.backoffice),
    signIn(t.app, org.users.quality),
  ]);
});

describe('survey definitions and settings', () => {
  it('are versioned content: created as a draft, published, and only then used', async () => {
    const created = await send(quality, 'POST', '/api/surveys', { definition });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ state: 'draft', abilities: { publish: true } });
    expectProblem(
      await send(agent, 'POST', '/api/surveys', { definition: { ...definition, code: 'x2' } }),
      403,
      'forbidden',
    );
    expectProblem(await send(quality, 'POST', '/api/surveys', { definition }), 409, 'code_taken');
    const published = await send(admin, 'POST', '/api/surveys/kto/publish', {
      version: created.json().version,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ state: 'published', published: { number: 1 }, draft: null });
    const list = await t.app.inject({ url: '/api/surveys', headers: quality.headers });
    expect(list.json().items.map((s: { code: string }) => s.code)).toEqual(['kto']);
  });

  it('settings name existing surveys, are version-checked and audited', async () => {
    const read = await t.app.inject({ url: '/api/survey-settings', headers: admin.headers });
    expect(read.json()).toMatchObject({ version: 1, settings: { enabled: false } });
    const settings = {
      enabled: true,
      defaultSurvey: 'kto',
      items: [{ itemCode: 'lamp', survey: 'kto', reopenWhenNotSolved: true }],
      channels: [
        { channel: 'phone', survey: null, contactSamplePercent: 50 },
        { channel: 'desk', survey: null, contactSamplePercent: 0 },
      ],
      delayHours: 0,
      cooldownDays: 30,
      reminderAfterDays: 3,
      expiresAfterDays: 14,
      lowGradeMax: 5,
      complimentMinGrade: 8,
    };
    expectProblem(
      await send(admin, 'PUT', '/api/survey-settings', {
        settings: { ...settings, defaultSurvey: 'nope' },
        version: 1,
      }),
      422,
      'invalid_definition',
    );
    const saved = await send(admin, 'PUT', '/api/survey-settings', { settings, version: 1 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(2);
    expectProblem(
      await send(admin, 'PUT', '/api/survey-settings', { settings, version: 1 }),
      409,
      'version_conflict',
    );
  });
});

describe('invitations', () => {
  let happy: string;
  let unhappy: string;
  let afval: string;
  let optedOut: string;
  let cooled: string;

  it('invite once after a case closes, by email, unless opted out or invited in the cooldown', async () => {
    const a = await customer({ preferredLanguage: 'en' });
    const b = await customer();
    const c = await customer();
    const d = await customer();
    const noEmail = await send(agent, 'POST', '/api/customers', {
      kind: 'resident',
      name: `Zonder mail ${org.slug}`,
    });
    const consent = await send(agent, 'POST', `/api/customers/${c}/consents`, {
      purpose: 'klanttevredenheidsonderzoek',
      granted: false,
    });
    expect(consent.statusCode, consent.body).toBe(201);
    happy = await closedCase(a);
    unhappy = await closedCase(b);
    afval = await closedCase(d, 'afval');
    optedOut = await closedCase(c);
    const without = await closedCase(noEmail.json().id);
    // The same person twice in one round: one invitation (the cooldown counts from it).
    cooled = await closedCase(b, 'afval');

    const first = await sendInvitations(t.database.db);
    expect(first.invited).toBe(3);
    const again = await sendInvitations(t.database.db);
    expect(again.invited).toBe(0);
    const invitations = await t.database.db
      .select()
      .from(surveyInvitation)
      .where(eq(surveyInvitation.organisationId, org.id));
    const byCase = new Set(invitations.map((i) => i.caseId));
    expect([happy, unhappy, afval].every((id) => byCase.has(id))).toBe(true);
    expect(byCase.has(optedOut) || byCase.has(without)).toBe(false);
    expect(byCase.has(cooled)).toBe(false);
    // The link's secret is stored as its hash (and encrypted), never as it is.
    const path = await linkOf(happy);
    const token = path.split('/').pop()!;
    expect(invitations.some((i) => i.tokenHash === token)).toBe(false);
    expect(await surveyLinkOfCase(t.database.db, org.id, happy)).toContain(path);
    // The case's own page (module tracking) offers the same survey.
    const caseMails = await t.database.db
      .select({ body: notification.body })
      .from(notification)
      .where(and(eq(notification.organisationId, org.id), eq(notification.caseId, happy)));
    const casePage = /\/p\/[^\s/]+\/zaak\/[A-Za-z0-9_-]+/.exec(caseMails.map((m) => m.body).join('\n'))![0];
    const shown = await t.app.inject({ url: casePage });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain(path);
    // English for the person who prefers it, with the link in that language.
    const [mail] = await surveyMails(happy);
    expect(mail).toMatchObject({
      language: 'en',
      channel: 'email',
      subject: expect.stringContaining('How did we do?'),
    });
    expect(mail!.body).toContain('?lang=en');
  });

  it('samples contacts per channel by their id, the same every time', async () => {
    const ids: string[] = [];
    for (const channel of ['phone', 'phone', 'phone', 'phone', 'phone', 'phone', 'desk', 'desk']) {
      const res = await send(agent, 'POST', '/api/contacts', {
        channel,
        customerId: await customer(),
        outcome: 'answered',
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    const expected = ids.slice(0, 6).filter((id) => inSample(id, 50));
    await sendInvitations(t.database.db);
    const invited = (
      await t.database.db
        .select({ contactId: surveyInvitation.contactId })
        .from(surveyInvitation)
        .where(and(eq(surveyInvitation.organisationId, org.id), eq(surveyInvitation.source, 'contact')))
    ).map((r) => r.contactId);
    expect(invited.sort()).toEqual([...expected].sort());
    expect(inSample(ids[0]!, 50)).toBe(inSample(ids[0]!, 50));
    expect(inSample(ids[0]!, 0)).toBe(false);
    expect(inSample(ids[0]!, 100)).toBe(true);
  });

  it('remind once, after the configured days, with the same link', async () => {
    const before = (await surveyMails(happy)).length;
    expect(await sendReminders(t.database.db, new Date())).toBe(0);
    const later = new Date(Date.now() + 4 * 86_400_000);
    expect(await sendReminders(t.database.db, later)).toBeGreaterThanOrEqual(3);
    expect(await sendReminders(t.database.db, later)).toBe(0);
    const mails = await surveyMails(happy);
    expect(mails.length).toBe(before + 1);
    expect(mails.at(-1)!.body).toContain(await linkOf(happy));
  });

  it('the page works without JavaScript: one answer, then thanks; a second is refused', async () => {
    const path = await linkOf(happy);
    const page = await t.app.inject({ url: path });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<html lang="en"');
    expect(page.body).toContain('How did we do?');
    expect(page.body).toContain('<legend');
    expect(page.body).not.toContain('<script');
    const dutch = await t.app.inject({ url: `${path}?lang=nl` });
    expect(dutch.body).toContain('Wat vond u ervan?');

    const invalid = await answer(path, { grade: '11', effort: '9', comment: 'x' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('href="#grade-1"');
    expect(invalid.body).toContain('href="#effort-1"');
    expect(invalid.body).toContain('aria-invalid="true"');

    const ok = await answer(path, {
      grade: '9',
      effort: '5',
      solved: 'yes',
      comment: 'Snel en vriendelijk geholpen!',
    });
    expect(ok.statusCode, ok.body).toBe(303);
    const thanks = await t.app.inject({ url: ok.headers.location as string });
    expect(thanks.statusCode).toBe(200);
    expect(thanks.body).toContain('Thank you!');

    const twice = await answer(path, { grade: '1', solved: 'no' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('already answered');
    expect((await t.app.inject({ url: path })).statusCode).toBe(409);
    const stored = await t.database.db.select().from(surveyResponse).where(eq(surveyResponse.caseId, happy));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ grade: 9, effort: 5, solved: true, compliment: true, followUp: false });
    expect(await surveyLinkOfCase(t.database.db, org.id, happy)).toBeNull();
  });

  it('unknown and expired links get a clear page', async () => {
    const unknown = await t.app.inject({ url: `/p/${org.slug}/enquete/${'A'.repeat(43)}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Deze link werkt niet');
    expect((await t.app.inject({ url: `/p/${org.slug}/enquete/kort` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/p/niet-bestaand/enquete/${'A'.repeat(43)}` })).statusCode).toBe(404);
    const path = await linkOf(afval);
    await t.database.db
      .update(surveyInvitation)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(surveyInvitation.organisationId, org.id), eq(surveyInvitation.caseId, afval)));
    const expired = await t.app.inject({ url: path });
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('gesloten');
    expect((await answer(path, { grade: '7' })).statusCode).toBe(410);
  });

  it('a low grade with "not solved" flags the case and reopens it where the item says so', async () => {
    const path = await linkOf(unhappy);
    const res = await answer(path, {
      grade: '4',
      effort: '1',
      solved: 'no',
      comment: 'Lamp is nog steeds kapot.',
    });
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toContain('opvolgen=1');
    const c = (await t.app.inject({ url: `/api/cases/${unhappy}`, headers: back.headers })).json();
    expect(c.closedAt).toBeNull();
    expect(c.status.key).toBe('ontvangen');
    const entry = c.timeline.find((e: { kind: string }) => e.kind === 'survey');
    expect(entry.body).toBe('Cijfer 4 · niet opgelost · opvolgen gevraagd\nLamp is nog steeds kapot.');
    expect(
      c.timeline.some((e: { kind: string; body: string }) => e.body.startsWith('Heropend na de enquête')),
    ).toBe(true);
    const queue = (await t.app.inject({ url: '/api/cases?followUp=true', headers: back.headers })).json();
    expect(queue.items.map((x: { id: string; followUp: boolean }) => [x.id, x.followUp])).toEqual([
      [unhappy, true],
    ]);
    const [row] = await t.database.db
      .select({ followUpReason: caseFile.followUpReason })
      .from(caseFile)
      .where(and(eq(caseFile.organisationId, org.id), eq(caseFile.id, unhappy)));
    expect(row!.followUpReason).toBe('low_grade');
    // The team handles it and closes the case again: the follow-up is done.
    let again = c;
    for (const to of ['in_behandeling', 'afgehandeld']) {
      const res = await send(back, 'POST', `/api/cases/${unhappy}/transitions`, {
        to,
        version: again.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      again = res.json();
    }
    expect(again.followUp).toBe(false);
  });

  it('stores each answer with its channel, item, team, area and resolution time; staff read them without names', async () => {
    const list = await t.app.inject({ url: '/api/survey-responses', headers: quality.headers });
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json();
    expect(body.total).toBe(2);
    expect(body.averageGrade).toBeCloseTo(6.5);
    const happyAnswer = body.items.find((r: { caseId: string }) => r.caseId === happy);
    expect(happyAnswer).toMatchObject({
      channel: 'web',
      itemCode: 'lamp',
      team: { id: org.teams.back },
      compliment: true,
      followUp: false,
    });
    expect(happyAnswer.resolutionSeconds).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(body)).not.toContain('@example.nl');
    expect(JSON.stringify(body)).not.toContain('Inwoner');
    const compliments = (
      await t.app.inject({ url: '/api/survey-responses?compliments=true', headers: quality.headers })
    ).json();
    expect(compliments.items.map((r: { caseId: string }) => r.caseId)).toEqual([happy]);
    const followUps = (
      await t.app.inject({
        url: `/api/survey-responses?followUp=true&teamId=${org.teams.back}`,
        headers: quality.headers,
      })
    ).json();
    expect(followUps.items.map((r: { caseId: string }) => r.caseId)).toEqual([unhappy]);
    expectProblem(
      await t.app.inject({ url: '/api/survey-responses', headers: agent.headers }),
      403,
      'forbidden',
    );
  });

  it('waits the configured hours after closing before it invites', async () => {
    const current = (await t.app.inject({ url: '/api/survey-settings', headers: admin.headers })).json();
    const saved = await send(admin, 'PUT', '/api/survey-settings', {
      settings: { ...current.settings, delayHours: 2 },
      version: current.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const later = await closedCase(await customer(), 'afval');
    expect((await sendInvitations(t.database.db)).invited).toBe(0);
    expect((await surveyMails(later)).length).toBe(0);
    const threeHoursOn = new Date(Date.now() + 3 * 3_600_000);
    expect((await sendInvitations(t.database.db, threeHoursOn)).invited).toBe(1);
    expect((await surveyMails(later)).length).toBe(1);
  });
});
