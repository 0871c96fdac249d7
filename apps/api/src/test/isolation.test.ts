/**
 * A user or token of organisation B can read or change nothing of organisation A — on every endpoint.
 * The endpoint list comes from the OpenAPI document, so a new endpoint without a case here fails this test.
 */
import type { Database } from '@voordeur/db';
import {
  apiToken,
  appUser,
  articleVersion,
  assessment,
  assessmentScore,
  callback,
  callbackAttempt,
  caseFile,
  catalogueItemVersion,
  compliment,
  contact,
  customer,
  customerConsent,
  ideaComment,
  ideaStageMove,
  idea as ideaTable,
  improvement,
  kpiTarget,
  membership,
  metricContactDay,
  mysteryCheck,
  mysteryPoint,
  notification,
  organisation,
  pulseHeld,
  pulseParticipation,
  pulseRound,
  searchDocument,
  searchQuery,
  segment,
  signal,
  signalCluster,
  survey,
  surveySettings,
  team,
  unitCost,
  waitingInterval,
  webhookDelivery,
  webhookSubscription,
  workingCalendar,
} from '@voordeur/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAddresses } from '../modules/addresses/index.ts';
import { SHIPPED_MODELS } from '../modules/assessments/index.ts';
import { addPlatformAdmin } from '../modules/organisations/index.ts';
import { systemCtx } from '../platform/actor.ts';
import { articleDef, itemDef, publishContent } from './catalogue-fixtures.ts';
import {
  bearerFor,
  makeOrg,
  openTestDatabase,
  signIn,
  TEST_PASSWORD,
  type TestApp,
  type TestOrg,
  testApp,
} from './harness.ts';
import { drain, queueTestNotifications, testOutboxDeps } from './outbox-harness.ts';

/** The monitoring inputs' periods may not end after today (refused with 400 before any scope is looked at). */
const amsterdamToday = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' });

let database: Database;
let app: TestApp;
let a: TestOrg;
let b: TestOrg;
let aTokenId: string;
let aOpen311ClientId: string;
// signals (issue 15)
let aSignalId: string;
let aSignalClusterId: string;

let aSearchId: string;
let aItemId: string;
let aArticleId: string;
let aCustomerId: string;
let aContactId: string;
let aCaseId: string;
let aCallbackId: string;
let aNotificationId: string;
let aBouncedId: string;
let aWebhookId: string;
let aLetterId: string;
let aWebhookDeliveryId: string;
let aSurveyId: string;
let aSegmentId: string;
let aImprovementId: string;
// Monitoring inputs (issue 14)
let aWaitingImportId: string;
let aMysteryPointId: string;
// ---- strategy (issue 15) ----
let aObjectiveId: string;
let aTargetId: string;
let aActionId: string;
let aIntegrityId: string;
// ---- end strategy ----
let aMysteryCheckId: string;
// ideas (issue 15)
let aIdeaId: string;
let aIdeaCommentId: string;
// ---- assessments (issue 15) ----
let aAssessmentId: string;
// people (issue 15): A's open pulse round, answered by A's admin
let aPulseRoundId: string;

beforeAll(async () => {
  database = await openTestDatabase({ reuse: true });
  app = await testApp(database);
  a = await makeOrg(database, 'A');
  b = await makeOrg(database, 'B');
  const aAdmin = await signIn(app, a.users.admin);
  aTokenId = (await bearerFor(app, aAdmin, 'agent')).id;
  aOpen311ClientId = (
    await app.inject({
      method: 'POST',
      url: '/api/open311/clients',
      headers: aAdmin.headers,
      payload: { name: 'App van A' },
    })
  ).json().id;
  // A's catalogue, knowledge base, calendar and a search of A's: all things B must not reach.
  await publishContent(database.db, a.id, {
    items: [itemDef('geheim-a')],
    articles: [articleDef('kb-geheim-a', { items: ['geheim-a'] })],
  });
  await app.inject({
    method: 'PUT',
    url: '/api/calendar',
    headers: aAdmin.headers,
    payload: {
      definition: { openingHours: { 1: [{ open: '09:00', close: '12:00' }] }, closures: [] },
      version: 0,
    },
  });
  await importAddresses(
    database.db,
    systemCtx(a.id),
    'postcode;huisnummer;toevoeging;straat;woonplaats;x;y\n3811GH;1;;Geheimstraat;Geheimdorp;155000;463000\n',
    { dryRun: false },
  );
  const found = (await app.inject({ url: '/api/search?q=geheim', headers: aAdmin.headers })).json();
  aSearchId = found.searchId;
  aItemId = (await app.inject({ url: '/api/catalogue/items/geheim-a', headers: aAdmin.headers })).json().id;
  aArticleId = (
    await app.inject({ url: '/api/knowledge/articles/kb-geheim-a', headers: aAdmin.headers })
  ).json().id;
  // A's front office: a customer, a contact handed over as a case, and a callback request.
  const aAgent = await signIn(app, a.users.agent);
  const post = async (url: string, payload: object) =>
    (await app.inject({ method: 'POST', url, headers: aAgent.headers, payload })).json();
  aCustomerId = (
    await post('/api/customers', { kind: 'resident', name: 'Geheim Persoon', email: 'geheim@a.example' })
  ).id;
  const contact = await post('/api/contacts', { channel: 'phone', customerId: aCustomerId });
  aContactId = contact.id;
  const handed = await post(`/api/contacts/${aContactId}/cases`, {
    itemCode: 'geheim-a',
    description: 'Geheim',
    location: { description: 'Achter het stadhuis' },
    version: contact.version,
  });
  aCaseId = handed.case.id;
  aCallbackId = (
    await post(`/api/contacts/${aContactId}/callbacks`, {
      phone: '0612345678',
      teamId: a.teams.back,
      note: 'Geheim',
      version: handed.contact.version,
    })
  ).callback.id;
  // A's delivery log (one email kept in the dev mailbox, one bounced) and A's webhook.
  aNotificationId = (await queueTestNotifications(database.db, a.id, 1, { caseId: aCaseId }))[0]!;
  await drain(database.db, testOutboxDeps({}, [a.id]));
  aBouncedId = (await queueTestNotifications(database.db, a.id, 1, { caseId: aCaseId }))[0]!;
  await database.db.update(notification).set({ status: 'bounced' }).where(eq(notification.id, aBouncedId));
  // A's letter: a case for a person without an email address, told by post.
  const aPostal = await post('/api/customers', {
    kind: 'resident',
    name: 'Geheim Adres',
    address: { street: 'Geheimstraat', houseNumber: 1, postcode: '1234AB', city: 'Geheimstad' },
  });
  const posted = await post('/api/cases', {
    itemCode: 'geheim-a',
    description: 'Geheim per post',
    location: { description: 'Achter het stadhuis' },
    customerId: aPostal.id,
  });
  const [aLetter] = await database.db
    .select({ id: notification.id })
    .from(notification)
    .where(eq(notification.caseId, posted.id));
  aLetterId = aLetter!.id;
  aWebhookId = (
    await app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: aAdmin.headers,
      payload: { name: 'Zaaksysteem A', url: 'https://a.example/hook' },
    })
  ).json().id;
  aWebhookDeliveryId = (
    await app.inject({
      method: 'POST',
      url: `/api/webhooks/${aWebhookId}/test`,
      headers: aAdmin.headers,
      payload: {},
    })
  ).json().id;
  // A's survey and survey settings (issue 13: surveys).
  const aSurvey = (
    await app.inject({
      method: 'POST',
      url: '/api/surveys',
      headers: aAdmin.headers,
      payload: { definition: surveyDef('geheim-kto') },
    })
  ).json();
  aSurveyId = aSurvey.id;
  await app.inject({
    method: 'POST',
    url: '/api/surveys/geheim-kto/publish',
    headers: aAdmin.headers,
    payload: { version: aSurvey.version },
  });
  await app.inject({
    method: 'PUT',
    url: '/api/survey-settings',
    headers: aAdmin.headers,
    payload: { settings: { enabled: true, defaultSurvey: 'geheim-kto', cooldownDays: 77 }, version: 1 },
  });
  // A's monitoring (issue 14): a segment, a target of its own and a day of contact figures.
  // ---- excellence (issue 15, improvements): A's improvement, in check (so its effect is measured) ----
  aImprovementId = (
    await app.inject({
      method: 'POST',
      url: '/api/improvements',
      headers: aAdmin.headers,
      payload: {
        title: 'Geheime verbetering',
        problem: 'Geheim probleem',
        ownerId: a.users.teamlead.id,
        kpis: [{ code: 'contacts' }],
      },
    })
  ).json().id;
  // ---- end improvements ----
  aSegmentId = (
    await app.inject({
      method: 'POST',
      url: '/api/segments',
      headers: aAdmin.headers,
      payload: { code: 'geheim-segment', name: { nl: 'Geheim' }, rule: { area: ['Geheimwijk'] } },
    })
  ).json().id;
  await app.inject({
    method: 'PUT',
    url: '/api/metrics/targets/fcr',
    headers: aAdmin.headers,
    payload: { target: 66, version: 0 },
  });
  await database.db.insert(metricContactDay).values({
    organisationId: a.id,
    day: '2025-03-03',
    channel: 'phone',
    teamId: a.teams.front,
    contacts: 77,
  });
  // A's queue figures, unit cost and mystery check (issue 14: monitoring inputs).
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  aWaitingImportId = (
    await app.inject({
      method: 'POST',
      url: '/api/waiting/import',
      headers: { ...aAdmin.headers, 'content-type': 'text/csv' },
      payload: `date,interval_start,channel,queue,offered,answered,abandoned,answered_in_target,target_seconds,wait_seconds_total,handled_seconds_total\n${yesterday},,phone,Geheimwachtrij,10,9,1,8,30,90,900\n`,
    })
  ).json().id;
  await app.inject({
    method: 'PUT',
    url: '/api/costs/unit-costs',
    headers: aAdmin.headers,
    payload: { items: [{ channel: 'desk', cents: 9999, version: 0 }] },
  });
  aMysteryPointId = (
    await app.inject({
      method: 'POST',
      url: '/api/mystery/points',
      headers: aAdmin.headers,
      payload: { channel: 'phone', label: { nl: 'Geheim punt' } },
    })
  ).json().key;
  aMysteryCheckId = (
    await app.inject({
      method: 'POST',
      url: '/api/mystery/checks',
      headers: aAdmin.headers,
      payload: {
        date: yesterday,
        channel: 'phone',
        answers: {
          answered_in_target: 'met',
          correct_answer: 'met',
          courtesy: 'met',
          followed_up: 'na',
          [aMysteryPointId]: 'met',
        },
        note: 'Geheime test',
      },
    })
  ).json().id;
  // ideas (issue 15): A's idea, published, with a resident's comment waiting for moderation.
  aIdeaId = (
    await app.inject({
      method: 'POST',
      url: '/api/ideas',
      headers: aAdmin.headers,
      payload: { title: 'Geheim idee', description: 'Geheime omschrijving', ownerId: a.users.admin.id },
    })
  ).json().id;
  await app.inject({
    method: 'PATCH',
    url: `/api/ideas/${aIdeaId}`,
    headers: aAdmin.headers,
    payload: { published: true, version: 1 },
  });
  aIdeaCommentId = (
    await database.db
      .insert(ideaComment)
      .values({ organisationId: a.id, ideaId: aIdeaId, body: 'Geheime reactie' })
      .returning()
  )[0]!.id;
  // ---- assessments (issue 15): A's self-assessment with a secret score ----
  aAssessmentId = (
    await app.inject({
      method: 'POST',
      url: '/api/assessments',
      headers: aAdmin.headers,
      payload: {
        title: 'Geheime zelfevaluatie',
        modelCode: 'antwoord-profiel',
        referenceDate: yesterday,
        raterIds: [a.users.admin.id],
      },
    })
  ).json().id;
  await app.inject({
    method: 'PUT',
    url: `/api/assessments/${aAssessmentId}/scores/ap-producten`,
    headers: aAdmin.headers,
    payload: { level: 4, evidence: { text: 'Geheim bewijs' } },
  });
  // ---- people (issue 15): A's pulse round, answered once ----
  aPulseRoundId = (
    await app.inject({
      method: 'POST',
      url: '/api/pulse/rounds',
      headers: aAdmin.headers,
      payload: {
        period: 'week',
        startsOn: new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' }),
      },
    })
  ).json().id;
  // ---- signals (issue 15): A's staff suggestion, in a cluster of its own ----
  aSignalId = (
    await app.inject({
      method: 'POST',
      url: '/api/signals/suggestions',
      headers: aAdmin.headers,
      payload: { text: 'Geheim verbeteridee van A voor de balie', page: '/cases' },
    })
  ).json().id;
  const [aSignal] = await database.db
    .select({ clusterId: signal.clusterId })
    .from(signal)
    .where(eq(signal.id, aSignalId));
  aSignalClusterId = aSignal!.clusterId!;
  // ---- strategy (issue 15): A's vision, objective with a target and an action, and an integrity matter ----
  const postAs = (url: string, headers: Record<string, string>, payload: object) =>
    app.inject({ method: 'POST', url, headers, payload });
  await postAs('/api/strategy/vision', aAdmin.headers, {
    vision: 'Geheime visie',
    mission: 'Geheime missie',
    values: [{ name: 'Geheim' }],
    stakeholders: [],
    adoptedOn: '2024-01-01',
    nextReviewOn: '2030-01-01',
  });
  aObjectiveId = (
    await postAs('/api/strategy/objectives', aAdmin.headers, {
      title: 'Geheim doel',
      ownerId: a.users.admin.id,
      periodFrom: '2020-01-01',
      periodTo: '2035-12-31',
    })
  ).json().id;
  aTargetId = (
    await postAs(`/api/strategy/objectives/${aObjectiveId}/targets`, aAdmin.headers, {
      kpiCode: 'fcr',
      target: 80,
    })
  ).json().id;
  aActionId = (
    await postAs(`/api/strategy/objectives/${aObjectiveId}/actions`, aAdmin.headers, {
      title: 'Geheime actie',
      ownerId: a.users.admin.id,
      dueOn: '2030-01-01',
    })
  ).json().id;
  const aOfficer = await signIn(app, a.users.integrity);
  aIntegrityId = (
    await postAs('/api/integrity/records', aOfficer.headers, {
      kind: 'report',
      occurredOn: '2024-01-01',
      summary: 'Geheime melding',
    })
  ).json().id;
  // ---- end strategy ----
  // ---- people (issue 15): A's answer to its pulse round ----
  await app.inject({
    method: 'POST',
    url: `/api/pulse/rounds/${aPulseRoundId}/answers`,
    headers: aAdmin.headers,
    payload: { scores: [4, 4, 4, 4, 4], comment: 'Geheime puls' },
  });
  // ---- end people ----
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** Everything of A that B could try to read or change. */
async function snapshotOfA() {
  const byOrg = <T extends { organisationId: unknown }>(t: T) => eq(t.organisationId as never, a.id);
  return JSON.stringify({
    teams: await database.db.select().from(team).where(byOrg(team)).orderBy(team.id),
    users: (await database.db.select().from(appUser).where(byOrg(appUser)).orderBy(appUser.id)).map(
      ({ lastLoginAt, ...u }) => u,
    ),
    memberships: await database.db
      .select()
      .from(membership)
      .where(byOrg(membership))
      .orderBy(membership.userId, membership.role),
    tokens: (await database.db.select().from(apiToken).where(byOrg(apiToken)).orderBy(apiToken.id)).map(
      ({ lastUsedAt, ...t }) => t,
    ),
    items: await database.db
      .select()
      .from(catalogueItemVersion)
      .where(byOrg(catalogueItemVersion))
      .orderBy(catalogueItemVersion.id),
    articles: await database.db
      .select()
      .from(articleVersion)
      .where(byOrg(articleVersion))
      .orderBy(articleVersion.id),
    documents: await database.db
      .select({ refId: searchDocument.refId, usage: searchDocument.usageCount })
      .from(searchDocument)
      .where(byOrg(searchDocument))
      .orderBy(searchDocument.refId),
    calendar: await database.db.select().from(workingCalendar).where(byOrg(workingCalendar)),
    improvements: await database.db.select().from(improvement).where(byOrg(improvement)),
    searches: await database.db.select().from(searchQuery).where(byOrg(searchQuery)).orderBy(searchQuery.id),
    settings: await database.db
      .select({ s: organisation.settings })
      .from(organisation)
      .where(eq(organisation.id, a.id)),
    customers: await database.db.select().from(customer).where(byOrg(customer)).orderBy(customer.id),
    consents: await database.db.select().from(customerConsent).where(byOrg(customerConsent)),
    contacts: await database.db.select().from(contact).where(byOrg(contact)).orderBy(contact.id),
    cases: await database.db.select().from(caseFile).where(byOrg(caseFile)).orderBy(caseFile.id),
    callbacks: await database.db.select().from(callback).where(byOrg(callback)).orderBy(callback.id),
    attempts: await database.db.select().from(callbackAttempt).where(byOrg(callbackAttempt)),
    notifications: await database.db
      .select()
      .from(notification)
      .where(byOrg(notification))
      .orderBy(notification.id),
    webhooks: await database.db.select().from(webhookSubscription).where(byOrg(webhookSubscription)),
    deliveries: await database.db.select().from(webhookDelivery).where(byOrg(webhookDelivery)),
    surveys: await database.db.select().from(survey).where(byOrg(survey)),
    surveySettings: await database.db.select().from(surveySettings).where(byOrg(surveySettings)),
    segments: await database.db.select().from(segment).where(byOrg(segment)),
    targets: await database.db.select().from(kpiTarget).where(byOrg(kpiTarget)),
    // monitoring inputs (issue 14)
    waiting: await database.db.select().from(waitingInterval).where(byOrg(waitingInterval)),
    unitCosts: await database.db.select().from(unitCost).where(byOrg(unitCost)),
    mysteryPoints: await database.db.select().from(mysteryPoint).where(byOrg(mysteryPoint)),
    mysteryChecks: await database.db.select().from(mysteryCheck).where(byOrg(mysteryCheck)),
    // ideas (issue 15)
    ideas: await database.db.select().from(ideaTable).where(byOrg(ideaTable)),
    ideaMoves: await database.db.select().from(ideaStageMove).where(byOrg(ideaStageMove)),
    ideaComments: await database.db.select().from(ideaComment).where(byOrg(ideaComment)),
    // ---- assessments (issue 15) ----
    assessments: await database.db.select().from(assessment).where(byOrg(assessment)),
    assessmentScores: await database.db.select().from(assessmentScore).where(byOrg(assessmentScore)),
    // signals (issue 15)
    signals: await database.db.select().from(signal).where(byOrg(signal)).orderBy(signal.id),
    signalClusters: await database.db.select().from(signalCluster).where(byOrg(signalCluster)),
    // people (issue 15)
    pulseRounds: await database.db.select().from(pulseRound).where(byOrg(pulseRound)),
    pulseParticipation: await database.db.select().from(pulseParticipation).where(byOrg(pulseParticipation)),
    pulseHeld: await database.db.select().from(pulseHeld).where(byOrg(pulseHeld)),
    compliments: await database.db.select().from(compliment).where(byOrg(compliment)),
  });
}

type Headers = Record<string, string>;
/** My page's routes: a resident's own session only (modules/residents). */
const RESIDENT_ONLY = /^\/api\/portal\/\{slug\}\/me(\/|$)/;
type Case = (headers: Headers) => Promise<void>;

const aIds = () => [
  a.id,
  ...Object.values(a.teams),
  ...Object.values(a.users).map((u) => u.id),
  aTokenId,
  aOpen311ClientId,
  aItemId,
  aArticleId,
  aCustomerId,
  aContactId,
  aCaseId,
  aCallbackId,
  aNotificationId,
  aBouncedId,
  aWebhookId,
  aLetterId,
  aSurveyId,
  aSegmentId,
  aWaitingImportId,
  aMysteryPointId,
  aMysteryCheckId,
  aIdeaId,
  aIdeaCommentId,
  aSignalId,
  aSignalClusterId,
  // ---- strategy (issue 15) ----
  aObjectiveId,
  aTargetId,
  aActionId,
  aIntegrityId,
  // ---- end strategy ----
  aPulseRoundId,
];

/** A survey definition (issue 13: surveys). */
const surveyDef = (code: string) => ({
  code,
  title: { nl: 'Geheime enquête' },
  intro: { nl: 'Intro' },
  grade: { nl: 'Cijfer?' },
  effort: { nl: 'Moeite?' },
  solved: { nl: 'Opgelost?' },
  comment: { nl: 'Nog iets?' },
});
/** Four years up to today (UTC's date is never after Amsterdam's): the analysis endpoints' longest sensible period. */
const analysisPeriod = () => {
  const to = new Date().toISOString().slice(0, 10);
  return `from=${Number(to.slice(0, 4)) - 4}${to.slice(4, 8)}01&to=${to}`;
};
const leaksNothingOfA = (body: string) => {
  for (const id of aIds()) expect(body).not.toContain(id);
};

function cases(): Record<string, Case | 'public'> {
  const get = async (url: string, headers: Headers) => app.inject({ url, headers });
  const send = (
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    headers: Headers,
    payload?: object,
  ) => app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  return {
    'GET /healthz': 'public',
    'GET /readyz': 'public',
    'POST /api/auth/login': 'public',
    'GET /api/problems': 'public',
    'GET /api/problems/{code}': 'public',
    // Organisations are managed by platform administrators only: B's admin may neither list nor create them.
    'GET /api/platform/organisations': async (h) => {
      const res = await get('/api/platform/organisations', h);
      expect(res.statusCode).toBe(403);
      leaksNothingOfA(res.body);
    },
    'POST /api/platform/organisations': async (h) => {
      const res = await send('POST', '/api/platform/organisations', h, {
        slug: `b-${Date.now()}`,
        name: 'Nieuw',
        admin: { email: `nieuw-${Date.now()}@b.example`, name: 'N' },
      });
      expect(res.statusCode).toBe(403);
    },
    'GET /api/auth/me': async (h) => {
      const res = await get('/api/auth/me', h);
      // A token has no person behind the session: refused, not someone else's data.
      if (res.statusCode === 200) expect(res.json().organisation.id).toBe(b.id);
      leaksNothingOfA(res.body);
    },
    'GET /api/auth/csrf': async (h) => leaksNothingOfA((await get('/api/auth/csrf', h)).body),
    'PATCH /api/auth/me/locale': async (h) =>
      leaksNothingOfA((await send('PATCH', '/api/auth/me/locale', h, { locale: 'en' })).body),
    'POST /api/auth/password': async (h) => {
      const res = await send('POST', '/api/auth/password', h, {
        currentPassword: 'wrong-password',
        newPassword: 'whatever-long-enough',
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
    },
    'GET /api/auth/tokens': async (h) => leaksNothingOfA((await get('/api/auth/tokens', h)).body),
    'POST /api/auth/tokens': async (h) => {
      const res = await send('POST', '/api/auth/tokens', h, { name: 'b', role: 'agent' });
      leaksNothingOfA(res.body);
    },
    'DELETE /api/auth/tokens/{id}': async (h) => {
      const res = await send('DELETE', `/api/auth/tokens/${aTokenId}`, h);
      expect([403, 404]).toContain(res.statusCode);
    },
    'GET /api/teams': async (h) => {
      const res = await get('/api/teams', h);
      expect(res.statusCode).toBe(200);
      leaksNothingOfA(res.body);
    },
    'GET /api/teams/{id}': async (h) =>
      expect((await get(`/api/teams/${a.teams.front}`, h)).statusCode).toBe(404),
    'POST /api/teams': async (h) =>
      leaksNothingOfA(
        (await send('POST', '/api/teams', h, { name: `B-${Date.now()}`, kind: 'back_office' })).body,
      ),
    'PATCH /api/teams/{id}': async (h) =>
      expect(
        (await send('PATCH', `/api/teams/${a.teams.front}`, h, { name: 'Hacked', version: 1 })).statusCode,
      ).toBe(404),
    'GET /api/users': async (h) => {
      const res = await get('/api/users', h);
      expect(res.statusCode).toBe(200);
      leaksNothingOfA(res.body);
    },
    'GET /api/users/{id}': async (h) =>
      expect((await get(`/api/users/${a.users.agent.id}`, h)).statusCode).toBe(404),
    'POST /api/users': async (h) => {
      const res = await send('POST', '/api/users', h, {
        email: `x-${Date.now()}@example.nl`,
        name: 'X',
        password: 'long-enough-password',
        memberships: [{ teamId: a.teams.front, role: 'admin' }],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('memberships.0.teamId');
    },
    'PATCH /api/users/{id}': async (h) =>
      expect(
        (await send('PATCH', `/api/users/${a.users.admin.id}`, h, { active: false, version: 1 })).statusCode,
      ).toBe(404),
    'POST /api/users/{id}/password': async (h) =>
      expect(
        (await send('POST', `/api/users/${a.users.admin.id}/password`, h, { password: 'taken-over-by-b' }))
          .statusCode,
      ).toBe(404),
    'GET /api/audit-events': async (h) => {
      const all = await get('/api/audit-events?limit=200', h);
      expect(all.statusCode).toBe(200);
      leaksNothingOfA(all.body);
      const aimed = await get(
        `/api/audit-events?entityId=${a.users.admin.id}&actorId=${a.users.admin.id}`,
        h,
      );
      expect(aimed.json().items).toEqual([]);
    },
    'GET /api/calendar': async (h) => {
      const res = await get('/api/calendar', h);
      expect(res.json().definition.openingHours['1']).not.toEqual([{ open: '09:00', close: '12:00' }]);
    },
    'PUT /api/calendar': async (h) => {
      const res = await send('PUT', '/api/calendar', h, {
        definition: { openingHours: { 2: [{ open: '08:00', close: '16:00' }] }, closures: [] },
        version: 0,
      });
      leaksNothingOfA(res.body);
    },
    'GET /api/catalogue/items': async (h) => leaksNothingOfA((await get('/api/catalogue/items', h)).body),
    // B may have made its own item with A's code (codes are per organisation): it must never see A's.
    'GET /api/catalogue/items/{code}': async (h) =>
      leaksNothingOfA((await get('/api/catalogue/items/geheim-a', h)).body),
    'GET /api/catalogue/items/{code}/versions': async (h) => {
      const res = await get('/api/catalogue/items/geheim-a/versions', h);
      expect(res.statusCode === 404 || res.json().items.length <= 1).toBe(true);
    },
    'GET /api/catalogue/items/{code}/expected-date': async (h) =>
      expect([404, 409]).toContain((await get('/api/catalogue/items/geheim-a/expected-date', h)).statusCode),
    'POST /api/catalogue/items': async (h) => {
      // B may create its own item with the same code; A's stays A's.
      const res = await send('POST', '/api/catalogue/items', h, {
        definition: itemDef('geheim-a', { team: 'KCC' }),
      });
      expect([201, 409]).toContain(res.statusCode);
      leaksNothingOfA(res.body);
    },
    'PUT /api/catalogue/items/{code}/draft': async (h) => {
      const res = await send('PUT', '/api/catalogue/items/geheim-a/draft', h, {
        definition: itemDef('geheim-a', { team: 'KCC' }),
        version: 1,
      });
      leaksNothingOfA(res.body);
    },
    'POST /api/catalogue/items/{code}/publish': async (h) =>
      leaksNothingOfA((await send('POST', '/api/catalogue/items/geheim-a/publish', h, { version: 99 })).body),
    'POST /api/catalogue/items/{code}/retire': async (h) =>
      leaksNothingOfA((await send('POST', '/api/catalogue/items/geheim-a/retire', h, { version: 99 })).body),
    'GET /api/knowledge/articles': async (h) =>
      leaksNothingOfA((await get('/api/knowledge/articles', h)).body),
    'GET /api/knowledge/articles/{code}': async (h) =>
      leaksNothingOfA((await get('/api/knowledge/articles/kb-geheim-a', h)).body),
    'POST /api/knowledge/articles': async (h) => {
      const res = await send('POST', '/api/knowledge/articles', h, {
        definition: articleDef('kb-geheim-a', { items: ['geheim-a'] }),
      });
      leaksNothingOfA(res.body);
    },
    'PUT /api/knowledge/articles/{code}/draft': async (h) =>
      leaksNothingOfA(
        (
          await send('PUT', '/api/knowledge/articles/kb-geheim-a/draft', h, {
            definition: articleDef('kb-geheim-a'),
            version: 1,
          })
        ).body,
      ),
    'POST /api/knowledge/articles/{code}/publish': async (h) =>
      leaksNothingOfA(
        (await send('POST', '/api/knowledge/articles/kb-geheim-a/publish', h, { version: 99 })).body,
      ),
    'POST /api/knowledge/articles/{code}/retire': async (h) =>
      leaksNothingOfA(
        (await send('POST', '/api/knowledge/articles/kb-geheim-a/retire', h, { version: 99 })).body,
      ),
    'GET /api/surveys': async (h) => leaksNothingOfA((await get('/api/surveys', h)).body),
    // B may have a survey of the same code (codes are per organisation): never A's.
    'GET /api/surveys/{code}': async (h) => leaksNothingOfA((await get('/api/surveys/geheim-kto', h)).body),
    'POST /api/surveys': async (h) =>
      leaksNothingOfA((await send('POST', '/api/surveys', h, { definition: surveyDef('geheim-kto') })).body),
    'PUT /api/surveys/{code}/draft': async (h) =>
      leaksNothingOfA(
        (
          await send('PUT', '/api/surveys/geheim-kto/draft', h, {
            definition: surveyDef('geheim-kto'),
            version: 3,
          })
        ).body,
      ),
    'POST /api/surveys/{code}/publish': async (h) =>
      leaksNothingOfA((await send('POST', '/api/surveys/geheim-kto/publish', h, { version: 99 })).body),
    'POST /api/surveys/{code}/retire': async (h) =>
      leaksNothingOfA((await send('POST', '/api/surveys/geheim-kto/retire', h, { version: 99 })).body),
    'GET /api/survey-settings': async (h) => {
      const res = await get('/api/survey-settings', h);
      expect(res.body).not.toContain('"cooldownDays":77');
    },
    'PUT /api/survey-settings': async (h) =>
      leaksNothingOfA(
        (
          await send('PUT', '/api/survey-settings', h, {
            settings: { defaultSurvey: 'geheim-kto' },
            version: 1,
          })
        ).body,
      ),
    'GET /api/survey-responses': async (h) => leaksNothingOfA((await get('/api/survey-responses', h)).body),
    'GET /api/search': async (h) => {
      const res = await get('/api/search?q=geheim', h);
      expect(res.statusCode).toBe(200);
      leaksNothingOfA(JSON.stringify(res.json().hits));
    },
    'POST /api/search/{id}/used': async (h) =>
      expect(
        (await send('POST', `/api/search/${aSearchId}/used`, h, { kind: 'item', id: aItemId })).statusCode,
      ).toBe(404),
    'GET /api/public/organisations/{slug}': 'public',
    'GET /api/public/organisations/{slug}/catalogue': 'public',
    'GET /api/public/organisations/{slug}/search': 'public',
    // My page: only a resident's own session (its own cookie) reaches it; a staff session or token is nobody there.
    'POST /api/portal/{slug}/me/sign-in': 'public',
    'GET /api/portal/{slug}/me': async (h) => {
      const res = await get(`/api/portal/${a.slug}/me`, h);
      expect(res.statusCode).toBe(401);
      leaksNothingOfA(res.body);
    },
    'GET /api/portal/{slug}/me/export': async (h) => {
      const res = await get(`/api/portal/${a.slug}/me/export`, h);
      expect(res.statusCode).toBe(401);
      leaksNothingOfA(res.body);
    },
    'PUT /api/portal/{slug}/me/preferences': async (h) =>
      expect(
        (await send('PUT', `/api/portal/${a.slug}/me/preferences`, h, { channel: 'letter', language: 'en' }))
          .statusCode,
      ).toBe(401),
    'POST /api/portal/{slug}/me/consents': async (h) =>
      expect(
        (await send('POST', `/api/portal/${a.slug}/me/consents`, h, { kind: 'surveys', granted: false }))
          .statusCode,
      ).toBe(401),
    'POST /api/portal/{slug}/me/sign-out': async (h) =>
      expect((await send('POST', `/api/portal/${a.slug}/me/sign-out`, h, {})).statusCode).toBe(401),
    // The resident portal: public by slug; an upload of A cannot be named by a report to B (portal.test.ts).
    'GET /api/portal/{slug}/home': 'public',
    'GET /api/portal/{slug}/items/{code}': 'public',
    'POST /api/portal/{slug}/reports': 'public',
    'POST /api/portal/{slug}/uploads': 'public',
    'GET /api/related/{code}': async (h) =>
      expect((await get('/api/related/geheim-a', h)).statusCode).toBe(404),
    'POST /api/transfer/import': async (h) => {
      const res = await send('POST', '/api/transfer/import', h, {
        items: [itemDef('import-b', { related: ['geheim-a'], team: 'KCC' })],
      });
      leaksNothingOfA(JSON.stringify(res.json().items ?? {}));
    },
    'POST /api/transfer/import/csv': async (h) =>
      leaksNothingOfA(
        (
          await app.inject({
            method: 'POST',
            url: '/api/transfer/import/csv?type=articles',
            headers: { ...h, 'content-type': 'text/csv' },
            payload: 'code;question;answer;audience\n',
          })
        ).body,
      ),
    'GET /api/transfer/export': async (h) => {
      const res = await get('/api/transfer/export', h);
      expect(res.statusCode).toBe(200);
      leaksNothingOfA(res.body);
      expect(res.body).not.toContain('Dienst geheim-a');
    },
    'GET /api/transfer/export/csv': async (h) =>
      expect((await get('/api/transfer/export/csv?type=articles', h)).body).not.toContain(
        'Vraag kb-geheim-a',
      ),
    'GET /api/addresses': async (h) => {
      for (const query of [
        'postcode=3811GH',
        'postcode=3811GH&number=1',
        'street=Geheimstraat',
        'street=geheim',
      ]) {
        const res = await get(`/api/addresses?${query}`, h);
        if (res.statusCode === 200) expect(res.json().items).toEqual([]);
        else expect(res.statusCode).toBe(403);
        expect(res.body).not.toContain('Geheim');
      }
    },
    // Places and nearby reports (issue 13, items 3 and 4): the portal's are public by design (an organisation's
    // register and its open public reports, by its slug); the staff map shows only the caller's organisation.
    'GET /api/public/map': 'public',
    'GET /api/portal/{slug}/addresses': 'public',
    'GET /api/portal/{slug}/addresses/at': 'public',
    'GET /api/portal/{slug}/addresses/centre': 'public',
    'GET /api/portal/{slug}/nearby': 'public',
    'POST /api/portal/{slug}/cases/{reference}/followers': 'public',
    'GET /api/case-map': async (h) => {
      const res = await get('/api/case-map', h);
      expect(res.statusCode).toBe(200);
      leaksNothingOfA(res.body);
    },
    // The districts at their middle (issue 14's map of districts): B's own districts and register only.
    'GET /api/case-map/districts': async (h) => {
      const res = await get('/api/case-map/districts', h);
      expect(res.statusCode).toBe(200);
      leaksNothingOfA(res.body);
    },
    // Monitoring inputs (issue 14): B's imports, costs and checks are B's own; A's never show or change.
    'POST /api/waiting/import': async (h) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/waiting/import',
        headers: { ...h, 'content-type': 'text/csv' },
        payload: `date,interval_start,channel,queue,offered,answered,abandoned,answered_in_target,target_seconds,wait_seconds_total,handled_seconds_total\n${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)},,phone,Geheimwachtrij,1,1,0,1,30,5,60\n`,
      });
      if (res.statusCode === 200) expect(res.json().replaced).toBeLessThanOrEqual(1);
      else expect(res.statusCode).toBe(403);
    },
    'GET /api/waiting/imports': async (h) => leaksNothingOfA((await get('/api/waiting/imports', h)).body),
    'GET /api/waiting/figures': async (h) => {
      const res = await get(`/api/waiting/figures?from=2024-06-01&to=${amsterdamToday()}&by=queue`, h);
      if (res.statusCode === 200) for (const row of res.json().items) expect(row.offered).toBeLessThan(10);
      else expect(res.statusCode).toBe(403);
    },
    'GET /api/costs/unit-costs': async (h) =>
      expect((await get('/api/costs/unit-costs', h)).body).not.toContain('9999'),
    'PUT /api/costs/unit-costs': async (h) =>
      expect([200, 403, 409]).toContain(
        (
          await send('PUT', '/api/costs/unit-costs', h, {
            items: [{ channel: 'desk', cents: 1, version: 0 }],
          })
        ).statusCode,
      ),
    'GET /api/costs/cost-to-serve': async (h) =>
      expect(
        (await get(`/api/costs/cost-to-serve?from=2024-06-01&to=${amsterdamToday()}`, h)).body,
      ).not.toContain('9999'),
    // ---- strategy (issue 15): vision, objectives, review; the integrity register; the overview ----
    'GET /api/strategy/vision': async (h) => {
      const res = await get('/api/strategy/vision', h);
      leaksNothingOfA(res.body);
      expect(res.body).not.toContain('Geheime visie');
    },
    'POST /api/strategy/vision': async (h) =>
      expect([201, 403]).toContain(
        (
          await send('POST', '/api/strategy/vision', h, {
            vision: 'Visie van B',
            mission: 'Missie van B',
            values: [{ name: 'B' }],
            stakeholders: [],
            adoptedOn: '2024-01-01',
            nextReviewOn: '2030-01-01',
          })
        ).statusCode,
      ),
    'GET /api/strategy/objectives': async (h) => {
      const res = await get('/api/strategy/objectives', h);
      leaksNothingOfA(res.body);
      expect(res.body).not.toContain('Geheim doel');
    },
    'POST /api/strategy/objectives': async (h) =>
      expect([403, 422]).toContain(
        (
          await send('POST', '/api/strategy/objectives', h, {
            title: 'Onder A',
            ownerId: a.users.admin.id,
            parentId: aObjectiveId,
            periodFrom: '2025-01-01',
            periodTo: '2025-12-31',
          })
        ).statusCode,
      ),
    'GET /api/strategy/objectives/{id}': async (h) =>
      expect([403, 404]).toContain((await get(`/api/strategy/objectives/${aObjectiveId}`, h)).statusCode),
    'PATCH /api/strategy/objectives/{id}': async (h) =>
      expect([403, 404]).toContain(
        (await send('PATCH', `/api/strategy/objectives/${aObjectiveId}`, h, { title: 'B', version: 1 }))
          .statusCode,
      ),
    'DELETE /api/strategy/objectives/{id}': async (h) =>
      expect([403, 404]).toContain(
        (await send('DELETE', `/api/strategy/objectives/${aObjectiveId}`, h)).statusCode,
      ),
    'POST /api/strategy/objectives/{id}/targets': async (h) =>
      expect([403, 404]).toContain(
        (
          await send('POST', `/api/strategy/objectives/${aObjectiveId}/targets`, h, {
            kpiCode: 'fcr',
            target: 1,
          })
        ).statusCode,
      ),
    'DELETE /api/strategy/objectives/{id}/targets/{targetId}': async (h) =>
      expect([403, 404]).toContain(
        (await send('DELETE', `/api/strategy/objectives/${aObjectiveId}/targets/${aTargetId}`, h)).statusCode,
      ),
    'POST /api/strategy/objectives/{id}/actions': async (h) =>
      expect([403, 404]).toContain(
        (
          await send('POST', `/api/strategy/objectives/${aObjectiveId}/actions`, h, {
            title: 'B',
            ownerId: a.users.admin.id,
            dueOn: '2030-01-01',
          })
        ).statusCode,
      ),
    'PATCH /api/strategy/actions/{id}': async (h) =>
      expect([403, 404]).toContain(
        (await send('PATCH', `/api/strategy/actions/${aActionId}`, h, { status: 'done', version: 1 }))
          .statusCode,
      ),
    'GET /api/strategy/review': async (h) => {
      const res = await get('/api/strategy/review', h);
      leaksNothingOfA(res.body);
      expect(res.body).not.toContain('Geheim doel');
    },
    'PUT /api/strategy/review/explanations': async (h) =>
      expect([403, 404]).toContain(
        (
          await send('PUT', '/api/strategy/review/explanations', h, {
            targetId: aTargetId,
            period: '2025-01',
            text: 'B',
          })
        ).statusCode,
      ),
    'POST /api/strategy/review/improvements': async (h) =>
      expect([403, 404]).toContain(
        (
          await send('POST', '/api/strategy/review/improvements', h, {
            targetId: aTargetId,
            period: '2025-01',
            ownerId: a.users.admin.id,
          })
        ).statusCode,
      ),
    'GET /api/integrity/records': async (h) => {
      const res = await get('/api/integrity/records', h);
      leaksNothingOfA(res.body);
      expect(res.body).not.toContain('Geheime melding');
    },
    'POST /api/integrity/records': async (h) =>
      expect([201, 403]).toContain(
        (
          await send('POST', '/api/integrity/records', h, {
            kind: 'report',
            occurredOn: '2024-01-01',
            summary: 'B',
          })
        ).statusCode,
      ),
    'GET /api/integrity/records/{id}': async (h) =>
      expect([403, 404]).toContain((await get(`/api/integrity/records/${aIntegrityId}`, h)).statusCode),
    'PATCH /api/integrity/records/{id}': async (h) =>
      expect([403, 404]).toContain(
        (await send('PATCH', `/api/integrity/records/${aIntegrityId}`, h, { measures: 'B', version: 1 }))
          .statusCode,
      ),
    'GET /api/excellence/overview': async (h) => {
      const res = await get('/api/excellence/overview', h);
      leaksNothingOfA(res.body);
      expect(res.body).not.toContain('Geheim doel');
    },
    // ---- end strategy ----
    // ---- people (issue 15): the pulse and the team pages ----
    'GET /api/pulse/current': async (h) => leaksNothingOfA((await get('/api/pulse/current', h)).body),
    'POST /api/pulse/rounds/{id}/answers': async (h) =>
      expect([403, 404]).toContain(
        (await send('POST', `/api/pulse/rounds/${aPulseRoundId}/answers`, h, { scores: [1, 1, 1, 1, 1] }))
          .statusCode,
      ),
    'GET /api/pulse/results': async (h) => {
      const res = await get('/api/pulse/results', h);
      leaksNothingOfA(res.body);
      expect(res.body).not.toContain('Geheime puls');
    },
    'GET /api/pulse/questions': async (h) => leaksNothingOfA((await get('/api/pulse/questions', h)).body),
    'PUT /api/pulse/questions': async (h) => {
      const statements = Array.from({ length: 4 }, (_, i) => ({ nl: `B ${i}`, en: `B ${i}` }));
      const res = await send('PUT', '/api/pulse/questions', h, {
        statements,
        openQuestion: { nl: 'B', en: 'B' },
      });
      expect([200, 403]).toContain(res.statusCode);
    },
    'POST /api/pulse/rounds': async (h) => {
      const res = await send('POST', '/api/pulse/rounds', h, {
        period: 'week',
        startsOn: new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' }),
      });
      expect([201, 403, 409]).toContain(res.statusCode);
      leaksNothingOfA(res.body);
    },
    'POST /api/pulse/rounds/{id}/close': async (h) =>
      expect([403, 404]).toContain(
        (await send('POST', `/api/pulse/rounds/${aPulseRoundId}/close`, h, {})).statusCode,
      ),
    'GET /api/team-pages': async (h) => leaksNothingOfA((await get('/api/team-pages', h)).body),
    'GET /api/team-pages/{id}': async (h) =>
      expect([403, 404]).toContain((await get(`/api/team-pages/${a.teams.front}`, h)).statusCode),
    // ---- end people ----
    'GET /api/mystery/checklist': async (h) => {
      const res = await get('/api/mystery/checklist', h);
      leaksNothingOfA(res.body);
      expect(res.body).not.toContain('Geheim punt');
    },
    'POST /api/mystery/points': async (h) =>
      expect([201, 403]).toContain(
        (await send('POST', '/api/mystery/points', h, { channel: 'desk', label: { nl: 'Punt van B' } }))
          .statusCode,
      ),
    'DELETE /api/mystery/points/{id}': async (h) =>
      expect([403, 404]).toContain(
        (await send('DELETE', `/api/mystery/points/${aMysteryPointId}`, h)).statusCode,
      ),
    'POST /api/mystery/checks': async (h) => {
      const res = await send('POST', '/api/mystery/checks', h, {
        date: '2026-01-05',
        channel: 'phone',
        answers: {
          answered_in_target: 'met',
          correct_answer: 'met',
          courtesy: 'met',
          followed_up: 'met',
          [aMysteryPointId]: 'met',
        },
      });
      expect([400, 403]).toContain(res.statusCode);
    },
    // ideas (issue 15): B sees none of A's ideas and can change none.
    'GET /api/ideas': async (h) => {
      const res = await get('/api/ideas', h);
      leaksNothingOfA(res.body);
      expect(res.body).not.toContain('Geheim idee');
    },
    'POST /api/ideas': async (h) =>
      // A's user as owner is not a user of B's organisation.
      expect([400, 403]).toContain(
        (await send('POST', '/api/ideas', h, { title: 'x', description: 'y', ownerId: a.users.admin.id }))
          .statusCode,
      ),
    'GET /api/ideas/{id}': async (h) =>
      expect([403, 404]).toContain((await get(`/api/ideas/${aIdeaId}`, h)).statusCode),
    'PATCH /api/ideas/{id}': async (h) =>
      expect([403, 404]).toContain(
        (await send('PATCH', `/api/ideas/${aIdeaId}`, h, { published: false, version: 2 })).statusCode,
      ),
    'POST /api/ideas/{id}/stage': async (h) =>
      expect([403, 404]).toContain(
        (await send('POST', `/api/ideas/${aIdeaId}/stage`, h, { stage: 'stopped', note: 'x', version: 2 }))
          .statusCode,
      ),
    'PUT /api/ideas/{id}/experiment': async (h) =>
      expect([403, 404]).toContain(
        (
          await send('PUT', `/api/ideas/${aIdeaId}/experiment`, h, {
            hypothesis: 'x',
            kpi: 'fcr',
            from: '2026-01-01',
            to: '2026-01-31',
            testGroup: { channel: 'web' },
            comparisonGroup: { channel: 'phone' },
            decisionRule: 'x',
            version: 2,
          })
        ).statusCode,
      ),
    'POST /api/ideas/{id}/measure': async (h) =>
      expect([403, 404]).toContain(
        (await send('POST', `/api/ideas/${aIdeaId}/measure`, h, { version: 2 })).statusCode,
      ),
    'POST /api/ideas/{id}/decision': async (h) =>
      expect([403, 404]).toContain(
        (await send('POST', `/api/ideas/${aIdeaId}/decision`, h, { decision: 'stop', note: 'x', version: 2 }))
          .statusCode,
      ),
    'POST /api/ideas/{id}/comments/{commentId}/moderate': async (h) =>
      expect([403, 404]).toContain(
        (
          await send('POST', `/api/ideas/${aIdeaId}/comments/${aIdeaCommentId}/moderate`, h, {
            approve: true,
          })
        ).statusCode,
      ),
    // ---- signals (issue 15) ----
    'POST /api/signals/suggestions': async (h) =>
      expect([201, 403]).toContain(
        (await send('POST', '/api/signals/suggestions', h, { text: 'Een idee van organisatie B' }))
          .statusCode,
      ),
    'GET /api/signals/clusters': async (h) => {
      const res = await get('/api/signals/clusters', h);
      leaksNothingOfA(res.body);
      expect(res.body).not.toContain('Geheim verbeteridee');
    },
    'GET /api/signals/clusters/{id}': async (h) =>
      expect([403, 404]).toContain((await get(`/api/signals/clusters/${aSignalClusterId}`, h)).statusCode),
    'POST /api/signals/clusters/{id}/dismiss': async (h) =>
      expect([403, 404]).toContain(
        (
          await send('POST', `/api/signals/clusters/${aSignalClusterId}/dismiss`, h, {
            reason: 'Weg',
            version: 1,
          })
        ).statusCode,
      ),
    'POST /api/signals/clusters/{id}/propose': async (h) =>
      expect([403, 404]).toContain(
        (
          await send('POST', `/api/signals/clusters/${aSignalClusterId}/propose`, h, {
            title: 'Voorstel',
            problem: 'Probleem',
            ownerId: b.users.quality.id,
            version: 1,
          })
        ).statusCode,
      ),
    'POST /api/signals/signal/{id}/move': async (h) =>
      expect([403, 404]).toContain(
        (await send('POST', `/api/signals/signal/${aSignalId}/move`, h, { clusterId: null, version: 1 }))
          .statusCode,
      ),
    'POST /api/signals/signal/{id}/dismiss': async (h) =>
      expect([403, 404]).toContain(
        (await send('POST', `/api/signals/signal/${aSignalId}/dismiss`, h, { reason: 'Weg', version: 1 }))
          .statusCode,
      ),
    'GET /api/mystery/results': async (h) => {
      const res = await get(`/api/mystery/results?from=2024-06-01&to=${amsterdamToday()}`, h);
      leaksNothingOfA(res.body);
      expect(res.body).not.toContain('Geheime test');
    },
    'POST /api/addresses/import': async (h) => {
      // B's import (when B may import) lands in B's register: A's same address is not counted as unchanged.
      const res = await app.inject({
        method: 'POST',
        url: '/api/addresses/import?dryRun=true',
        headers: { ...h, 'content-type': 'text/csv' },
        payload:
          'postcode;huisnummer;toevoeging;straat;woonplaats;x;y\n3811GH;1;;Geheimstraat;Geheimdorp;155000;463000\n',
      });
      if (res.statusCode === 200) expect(res.json()).toMatchObject({ created: 1, unchanged: 0 });
      else expect(res.statusCode).toBe(403);
    },
    'GET /api/customers': async (h) => {
      const res = await get('/api/customers?q=geheim', h);
      expect(res.statusCode).toBe(200);
      leaksNothingOfA(res.body);
      expect((await get('/api/customers?q=geheim%40a.example', h)).json().items).toEqual([]);
    },
    'POST /api/customers': async (h) =>
      leaksNothingOfA(
        (await send('POST', '/api/customers', h, { kind: 'resident', name: 'Geheim Persoon' })).body,
      ),
    'GET /api/customers/{id}': async (h) =>
      expect((await get(`/api/customers/${aCustomerId}`, h)).statusCode).toBe(404),
    'PATCH /api/customers/{id}': async (h) =>
      expect(
        (await send('PATCH', `/api/customers/${aCustomerId}`, h, { name: 'X', version: 1 })).statusCode,
      ).toBe(404),
    'POST /api/customers/{id}/consents': async (h) =>
      expect(
        (await send('POST', `/api/customers/${aCustomerId}/consents`, h, { purpose: 'kto', granted: true }))
          .statusCode,
      ).toBe(404),
    'GET /api/customers/{id}/duplicates': async (h) =>
      expect((await get(`/api/customers/${aCustomerId}/duplicates`, h)).statusCode).toBe(404),
    'GET /api/customers/{id}/overview': async (h) =>
      expect((await get(`/api/customers/${aCustomerId}/overview`, h)).statusCode).toBe(404),
    'POST /api/customers/{id}/merge': async (h) => {
      const own = (await send('POST', '/api/customers', h, { kind: 'resident', name: 'Eigen' })).json();
      expect(
        (await send('POST', `/api/customers/${own.id}/merge`, h, { duplicateId: aCustomerId, version: 1 }))
          .statusCode,
      ).toBe(404);
      expect(
        (await send('POST', `/api/customers/${aCustomerId}/merge`, h, { duplicateId: own.id, version: 1 }))
          .statusCode,
      ).toBe(404);
    },
    'GET /api/front-office/settings': async (h) =>
      leaksNothingOfA((await get('/api/front-office/settings', h)).body),
    'PUT /api/front-office/settings': async (h) =>
      expect((await send('PUT', '/api/front-office/settings', h, { casePrefix: 'BB' })).statusCode).toBe(200),
    'POST /api/contacts': async (h) =>
      expect(
        (await send('POST', '/api/contacts', h, { channel: 'phone', customerId: aCustomerId })).statusCode,
      ).toBe(422),
    'GET /api/contacts': async (h) => leaksNothingOfA((await get('/api/contacts?limit=200', h)).body),
    // ---- monitoring causes (issue 14): B's figures hold nothing of A, even filtered by A's team ----
    'GET /api/analysis/drivers': async (h) => {
      const res = await get(`/api/analysis/drivers?${analysisPeriod()}&teamId=${a.teams.front}`, h);
      expect(res.json().responses).toBe(0);
      leaksNothingOfA(res.body);
    },
    'GET /api/analysis/breaches': async (h) => {
      const res = await get(`/api/analysis/breaches?${analysisPeriod()}&teamId=${a.teams.back}`, h);
      expect(res.json()).toMatchObject({ closed: 0, late: 0 });
      leaksNothingOfA(res.body);
    },
    'GET /api/analysis/equality': async (h) => {
      const res = await get(`/api/analysis/equality?${analysisPeriod()}&measure=fcr&by=area`, h);
      expect(res.json().groups).toEqual([]);
      leaksNothingOfA(res.body);
    },
    'GET /api/contacts/{id}': async (h) =>
      expect((await get(`/api/contacts/${aContactId}`, h)).statusCode).toBe(404),
    'PATCH /api/contacts/{id}': async (h) =>
      expect(
        (await send('PATCH', `/api/contacts/${aContactId}`, h, { question: 'x', version: 3 })).statusCode,
      ).toBe(404),
    'POST /api/contacts/{id}/close': async (h) =>
      expect(
        (await send('POST', `/api/contacts/${aContactId}/close`, h, { outcome: 'answered', version: 3 }))
          .statusCode,
      ).toBe(404),
    'POST /api/contacts/{id}/cases': async (h) =>
      expect(
        (
          await send('POST', `/api/contacts/${aContactId}/cases`, h, {
            itemCode: 'geheim-a',
            description: 'x',
            version: 3,
          })
        ).statusCode,
      ).toBe(404),
    'POST /api/contacts/{id}/callbacks': async (h) =>
      expect(
        (
          await send('POST', `/api/contacts/${aContactId}/callbacks`, h, {
            phone: '0612345678',
            note: 'x',
            version: 3,
          })
        ).statusCode,
      ).toBe(404),
    'GET /api/callbacks': async (h) => leaksNothingOfA((await get('/api/callbacks', h)).body),
    'POST /api/callbacks/{id}/attempts': async (h) =>
      expect(
        (await send('POST', `/api/callbacks/${aCallbackId}/attempts`, h, { result: 'reached' })).statusCode,
      ).toBe(404),
    'GET /api/cases/{id}': async (h) => expect((await get(`/api/cases/${aCaseId}`, h)).statusCode).toBe(404),
    'GET /api/cases': async (h) => leaksNothingOfA((await get('/api/cases?state=all', h)).body),
    'POST /api/cases': async (h) =>
      expect(
        (
          await send('POST', '/api/cases', h, {
            itemCode: 'x-item',
            description: 'x',
            customerId: aCustomerId,
            aboutCaseId: aCaseId,
          })
        ).statusCode,
      ).toBeGreaterThanOrEqual(400),
    'POST /api/cases/assign': async (h) =>
      expect(
        (
          await send('POST', '/api/cases/assign', h, {
            cases: [{ id: aCaseId, version: 1 }],
            assigneeId: null,
          })
        ).statusCode,
      ).toBeOneOf([403, 404]),
    ...Object.fromEntries(
      (
        [
          ['transitions', { to: 'in_behandeling', version: 1 }],
          ['claim', { version: 1 }],
          ['notes', { body: 'x' }],
          ['messages', { direction: 'out', body: 'x' }],
          ['suspend', { reason: 'x', version: 1 }],
          ['resume', { version: 1 }],
          ['extend', { extension: { amount: 1, unit: 'working_days' }, reason: 'x', version: 1 }],
          ['complaint', { action: 'advisory_committee', version: 1 }],
          ['children', { teamId: a.teams.back, description: 'x', version: 1 }],
          ['merge', { mainCaseId: aCaseId, version: 1 }],
          ['reopen', { reason: 'x', version: 1 }],
          ['reopen-refusal', { reason: 'x', version: 1 }],
          ['preview', { kind: 'message', body: 'x' }],
        ] as const
      ).map(([path, body]) => [
        `POST /api/cases/{id}/${path}`,
        async (h: Headers) =>
          expect((await send('POST', `/api/cases/${aCaseId}/${path}`, h, body)).statusCode).toBeOneOf([
            403, 404,
          ]),
      ]),
    ),
    'POST /api/cases/{id}/attachments': async (h) =>
      expect(
        (
          await app.inject({
            method: 'POST',
            url: `/api/cases/${aCaseId}/attachments`,
            headers: { ...h, 'content-type': 'multipart/form-data; boundary=b' },
            payload:
              '--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\r\n--b--\r\n',
          })
        ).statusCode,
      ).toBeOneOf([403, 404, 422]),
    'GET /api/cases/{id}/attachments/{attachmentId}': async (h) =>
      expect((await get(`/api/cases/${aCaseId}/attachments/${aCaseId}`, h)).statusCode).toBe(404),
    'GET /api/message-templates': async (h) => leaksNothingOfA((await get('/api/message-templates', h)).body),
    'PUT /api/message-templates/{key}': async (h) =>
      leaksNothingOfA(
        (
          await send('PUT', '/api/message-templates/message', h, {
            name: 'B',
            subject: { nl: 'B', en: 'B' },
            body: { nl: 'B', en: 'B' },
          })
        ).body,
      ),
    'GET /api/case-settings': async (h) => leaksNothingOfA((await get('/api/case-settings', h)).body),
    'PUT /api/case-settings': async (h) =>
      leaksNothingOfA((await send('PUT', '/api/case-settings', h, {})).body),
    'GET /api/notifications': async (h) => {
      const res = await get(`/api/notifications?caseId=${aCaseId}`, h);
      expect(res.json().items).toEqual([]);
      leaksNothingOfA((await get('/api/notifications?limit=200', h)).body);
    },
    'GET /api/notifications/{id}': async (h) =>
      expect((await get(`/api/notifications/${aNotificationId}`, h)).statusCode).toBe(404),
    'POST /api/notifications/{id}/retry': async (h) =>
      expect((await send('POST', `/api/notifications/${aBouncedId}/retry`, h, {})).statusCode).toBe(404),
    'GET /api/mailbox': async (h) => {
      const res = await get('/api/mailbox', h);
      expect(res.statusCode).toBe(200);
      leaksNothingOfA(res.body);
    },
    'GET /api/letters': async (h) => {
      for (const state of ['to_send', 'sent']) {
        const res = await get(`/api/letters?state=${state}&limit=200`, h);
        expect(res.statusCode).toBe(200);
        leaksNothingOfA(res.body);
        expect(res.body).not.toContain('Geheim');
      }
    },
    'GET /api/letters/{id}.pdf': async (h) =>
      expect((await get(`/api/letters/${aLetterId}.pdf`, h)).statusCode).toBe(404),
    'POST /api/letters/{id}/sent': async (h) =>
      expect((await send('POST', `/api/letters/${aLetterId}/sent`, h, {})).statusCode).toBe(404),
    'GET /api/webhooks': async (h) => leaksNothingOfA((await get('/api/webhooks', h)).body),
    'POST /api/webhooks': async (h) =>
      leaksNothingOfA(
        (await send('POST', '/api/webhooks', h, { name: 'Zaaksysteem A', url: 'https://b.example/hook' }))
          .body,
      ),
    'GET /api/webhooks/{id}': async (h) =>
      expect((await get(`/api/webhooks/${aWebhookId}`, h)).statusCode).toBe(404),
    'PATCH /api/webhooks/{id}': async (h) =>
      expect(
        (
          await send('PATCH', `/api/webhooks/${aWebhookId}`, h, {
            url: 'https://b.example/steal',
            version: 1,
          })
        ).statusCode,
      ).toBe(404),
    'DELETE /api/webhooks/{id}': async (h) =>
      expect((await send('DELETE', `/api/webhooks/${aWebhookId}`, h)).statusCode).toBe(404),
    'GET /api/webhooks/{id}/deliveries': async (h) =>
      expect((await get(`/api/webhooks/${aWebhookId}/deliveries`, h)).statusCode).toBe(404),
    'POST /api/webhooks/{id}/test': async (h) =>
      expect((await send('POST', `/api/webhooks/${aWebhookId}/test`, h, {})).statusCode).toBe(404),
    'POST /api/webhooks/{id}/deliveries/{deliveryId}/retry': async (h) =>
      expect(
        (await send('POST', `/api/webhooks/${aWebhookId}/deliveries/${aWebhookDeliveryId}/retry`, h, {}))
          .statusCode,
      ).toBe(404),
    // Open311 client apps: B sees, makes and revokes only its own.
    'GET /api/open311/clients': async (h) => leaksNothingOfA((await get('/api/open311/clients', h)).body),
    'POST /api/open311/clients': async (h) =>
      leaksNothingOfA((await send('POST', '/api/open311/clients', h, { name: 'App van B' })).body),
    'DELETE /api/open311/clients/{id}': async (h) =>
      expect([403, 404]).toContain(
        (await send('DELETE', `/api/open311/clients/${aOpen311ClientId}`, h)).statusCode,
      ),
    // Monitoring (issue 14): B's figures, targets and segments are B's own; A's team filters to nothing.
    'GET /api/metrics/kpis': async (h) => {
      const res = await get('/api/metrics/kpis', h);
      expect(res.json().items.find((k: { code: string }) => k.code === 'fcr').target).not.toBe(66);
    },
    'GET /api/metrics/kpis/{code}': async (h) =>
      expect((await get('/api/metrics/kpis/fcr', h)).json().target).not.toBe(66),
    'PUT /api/metrics/targets/{code}': async (h) =>
      // B's own target (the second run finds it set: a stale version); A's stays 66 (the snapshot).
      expect([200, 409]).toContain(
        (await send('PUT', '/api/metrics/targets/fcr', h, { target: 6 })).statusCode,
      ),
    'GET /api/metrics/overview': async (h) => {
      const res = await get('/api/metrics/overview?from=2025-03-01&to=2025-03-31&codes=contacts', h);
      expect(res.json().items[0].value).toBe(0);
      const ofA = await get(`/api/metrics/overview?from=2025-03-01&to=2025-03-31&teamId=${a.teams.front}`, h);
      expect(ofA.json().items.find((i: { code: string }) => i.code === 'contacts').value).toBe(0);
      leaksNothingOfA(ofA.body);
      expect(
        (await get('/api/metrics/overview?from=2025-03-01&to=2025-03-31&segment=geheim-segment', h))
          .statusCode,
      ).toBe(400);
    },
    'GET /api/metrics/series': async (h) => {
      const res = await get('/api/metrics/series?from=2025-03-01&to=2025-03-31&kpi=contacts', h);
      expect(res.json().points.map((p: { value: number }) => p.value)).toEqual([0]);
    },
    'GET /api/metrics/breakdown': async (h) => {
      for (const by of ['team', 'agent', 'item']) {
        const res = await get(
          `/api/metrics/breakdown?from=2025-03-01&to=2025-12-31&kpi=contacts&by=${by}`,
          h,
        );
        expect(res.json().rows).toEqual([]);
      }
    },
    'GET /api/metrics/drill': async (h) => {
      const today = new Date().toISOString().slice(0, 10);
      for (const kpi of ['backlog', 'contacts', 'cases_opened', 'grade_mean', 'callbacks_in_time']) {
        const res = await get(`/api/metrics/drill?from=2025-01-01&to=${today}&kpi=${kpi}`, h);
        expect(res.json().items).toEqual([]);
      }
    },
    'GET /api/metrics/drill/csv': async (h) => {
      const today = new Date().toISOString().slice(0, 10);
      for (const kpi of ['backlog', 'contacts', 'cases_opened', 'grade_mean', 'callbacks_in_time']) {
        const res = await get(`/api/metrics/drill/csv?from=2025-01-01&to=${today}&kpi=${kpi}`, h);
        expect(res.statusCode).toBe(200);
        // The header row and nothing else.
        expect(res.body.trim().split('\r\n')).toHaveLength(1);
        leaksNothingOfA(res.body);
      }
    },
    'GET /api/metrics/top': async (h) =>
      expect(
        (await get('/api/metrics/top?from=2025-03-01&to=2025-03-31&kind=questions', h)).json().items,
      ).toEqual([]),
    'GET /api/segments': async (h) => leaksNothingOfA((await get('/api/segments', h)).body),
    'POST /api/segments': async (h) =>
      leaksNothingOfA(
        (
          await send('POST', '/api/segments', h, {
            code: `b-${Date.now()}`,
            name: { nl: 'B' },
            rule: { language: ['nl'] },
          })
        ).body,
      ),
    'PUT /api/segments/{id}': async (h) =>
      expect(
        (
          await send('PUT', `/api/segments/${aSegmentId}`, h, {
            code: 'gestolen',
            name: { nl: 'Gestolen' },
            rule: { language: ['nl'] },
            version: 1,
          })
        ).statusCode,
      ).toBe(404),
    'DELETE /api/segments/{id}': async (h) =>
      expect((await send('DELETE', `/api/segments/${aSegmentId}`, h)).statusCode).toBe(404),
    // ---- excellence (issue 15, improvements) ----
    'GET /api/improvements': async (h) => leaksNothingOfA((await get('/api/improvements', h)).body),
    'GET /api/improvements/owners': async (h) =>
      leaksNothingOfA((await get('/api/improvements/owners', h)).body),
    'POST /api/improvements': async (h) => {
      // A's user as owner: refused, nothing stored.
      const res = await send('POST', '/api/improvements', h, {
        title: 'B',
        problem: 'B',
        ownerId: a.users.teamlead.id,
      });
      expect(res.statusCode).toBe(400);
      leaksNothingOfA(res.body);
    },
    'GET /api/improvements/{id}': async (h) =>
      expect((await get(`/api/improvements/${aImprovementId}`, h)).statusCode).toBe(404),
    'PUT /api/improvements/{id}': async (h) =>
      expect(
        (
          await send('PUT', `/api/improvements/${aImprovementId}`, h, {
            title: 'Gestolen',
            problem: 'Gestolen',
            ownerId: a.users.teamlead.id,
            version: 1,
          })
        ).statusCode,
      ).toBe(404),
    'POST /api/improvements/{id}/status': async (h) =>
      expect(
        (await send('POST', `/api/improvements/${aImprovementId}/status`, h, { status: 'do', version: 1 }))
          .statusCode,
      ).toBe(404),
    'GET /api/improvements/{id}/effect': async (h) =>
      expect((await get(`/api/improvements/${aImprovementId}/effect`, h)).statusCode).toBe(404),
    'PUT /api/improvements/{id}/publication': async (h) =>
      expect(
        (
          await send('PUT', `/api/improvements/${aImprovementId}/publication`, h, {
            publicSummaryNl: 'Gestolen',
            published: true,
            version: 1,
          })
        ).statusCode,
      ).toBe(404),
    // ---- end improvements ----
    // ---- assessments (issue 15) ----
    'GET /api/assessments/models': async (h) =>
      leaksNothingOfA((await get('/api/assessments/models', h)).body),
    'POST /api/assessments/models': async (h) => {
      const res = await send('POST', '/api/assessments/models', h, { ...SHIPPED_MODELS[1]!, version: 99 });
      expect([201, 403, 409]).toContain(res.statusCode);
      leaksNothingOfA(res.body);
    },
    'GET /api/assessments/people': async (h) =>
      leaksNothingOfA((await get('/api/assessments/people', h)).body),
    'GET /api/assessments': async (h) => {
      const res = await get('/api/assessments', h);
      leaksNothingOfA(res.body);
      expect(res.body).not.toContain('Geheime zelfevaluatie');
    },
    'POST /api/assessments': async (h) => {
      const res = await send('POST', '/api/assessments', h, {
        title: 'Met raters van A',
        modelCode: 'antwoord-profiel',
        referenceDate: '2026-01-05',
        raterIds: [a.users.admin.id],
      });
      expect([400, 403]).toContain(res.statusCode);
    },
    'GET /api/assessments/{id}': async (h) =>
      expect((await get(`/api/assessments/${aAssessmentId}`, h)).statusCode).toBe(404),
    'PUT /api/assessments/{id}/scores/{elementCode}': async (h) =>
      expect(
        (await send('PUT', `/api/assessments/${aAssessmentId}/scores/ap-producten`, h, { level: 1 }))
          .statusCode,
      ).toBe(404),
    'POST /api/assessments/{id}/submit': async (h) =>
      expect((await send('POST', `/api/assessments/${aAssessmentId}/submit`, h, {})).statusCode).toBe(404),
    'POST /api/assessments/{id}/consensus': async (h) =>
      expect([403, 404]).toContain(
        (await send('POST', `/api/assessments/${aAssessmentId}/consensus`, h, { version: 1 })).statusCode,
      ),
    'GET /api/assessments/{id}/consensus': async (h) =>
      expect((await get(`/api/assessments/${aAssessmentId}/consensus`, h)).statusCode).toBe(404),
    'PUT /api/assessments/{id}/consensus/{elementCode}': async (h) =>
      expect([403, 404]).toContain(
        (
          await send('PUT', `/api/assessments/${aAssessmentId}/consensus/ap-producten`, h, {
            level: 1,
            note: '',
            version: 0,
          })
        ).statusCode,
      ),
    'POST /api/assessments/{id}/close': async (h) =>
      expect([403, 404]).toContain(
        (await send('POST', `/api/assessments/${aAssessmentId}/close`, h, { version: 1 })).statusCode,
      ),
    'GET /api/assessments/{id}/results': async (h) =>
      expect((await get(`/api/assessments/${aAssessmentId}/results`, h)).statusCode).toBe(404),
    'POST /api/assessments/{id}/actions': async (h) =>
      expect([403, 404]).toContain(
        (
          await send('POST', `/api/assessments/${aAssessmentId}/actions`, h, {
            elementCode: 'ap-producten',
            ownerId: a.users.admin.id,
          })
        ).statusCode,
      ),
    // Last: it ends B's session.
    'POST /api/auth/logout': async (h) => leaksNothingOfA((await send('POST', '/api/auth/logout', h)).body),
    // Issue 14 (public): open data is public by design — an organisation's published figures, by its slug, counts
    // below 5 suppressed (accountability.test.ts: another organisation's rows are not counted).
    'GET /api/public/performance': 'public',
  };
}

describe('organisation isolation', () => {
  it('has a case for every endpoint in the API document', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(Object.keys(cases()).sort());
  });

  it("a platform administrator reaches nothing of any organisation's data, on any endpoint", async () => {
    const before = await snapshotOfA();
    const { token } = await addPlatformAdmin(database.db, { name: 'Isolatie' });
    const headers = { authorization: `Bearer ${token}` };
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const all = cases();
    const aId = aCaseId;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) {
        const operation = `${method.toUpperCase()} ${path}`;
        if (all[operation] === 'public' || path.startsWith('/api/platform/')) continue;
        // Every path parameter names something of A's; the body does not matter: refused before it is read.
        const url = path.replace(/\{[^}]+\}/g, aId);
        const res = await app.inject({
          method: method.toUpperCase() as 'GET',
          url,
          headers,
          ...(method === 'get' || method === 'delete' ? {} : { payload: {} }),
        });
        // My page answers anyone but a signed-in resident as unauthenticated, a platform administrator too.
        const refusal = RESIDENT_ONLY.test(path) ? [401, 'unauthenticated'] : [403, 'not_for_platform'];
        expect([operation, res.statusCode, res.json().code]).toEqual([operation, ...refusal]);
        leaksNothingOfA(res.body);
      }
    }
    expect(await snapshotOfA()).toBe(before);
  });

  for (const via of ['session', 'token'] as const) {
    it(`B's admin (${via}) reads and changes nothing of A`, async () => {
      const before = await snapshotOfA();
      const session = await signIn(app, b.users.admin);
      const headers = via === 'session' ? session.headers : (await bearerFor(app, session, 'admin')).headers;
      for (const [operation, run] of Object.entries(cases())) {
        if (run === 'public') continue;
        try {
          await run(headers);
        } catch (error) {
          throw new Error(`${operation}: ${(error as Error).message}`);
        }
      }
      expect(await snapshotOfA()).toBe(before);
      // A's people and A's token still work as before.
      await signIn(app, { email: a.users.admin.email, password: TEST_PASSWORD });
    });
  }
});
