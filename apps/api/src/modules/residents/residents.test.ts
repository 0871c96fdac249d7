/**
 * My page: sign-in by an email link (right, used twice, expired, unknown), no enumeration, the rate limits, the
 * separation of resident and staff sessions, CSRF on a resident's writes, preferences and consents saved and
 * audited, the export holding the person's data and nobody else's, and the cleanup of expired sessions.
 */
import { auditEvent, type Db, notification, residentSession, residentSignIn } from '@voordeur/db';
import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { itemDef, publishContent } from '../../test/catalogue-fixtures.ts';
import {
  expectProblem,
  makeOrg,
  postForm,
  type Session,
  signIn,
  type TestOrg,
  useTestApp,
} from '../../test/harness.ts';
import { hasConsent, purgeExpiredResidentSessions } from './index.ts';

const t = useTestApp({ RESIDENT_LINKS_PER_EMAIL_PER_HOUR: '8', RESIDENT_LINKS_PER_IP_PER_HOUR: '40' });
let a: TestOrg;
let b: TestOrg;
let agent: Session;
const people: Record<'anna' | 'bert', { id: string; email: string; name: string; reference: string }> =
  {} as never;

beforeAll(async () => {
  a = await makeOrg(t.database, 'A');
  b = await makeOrg(t.database, 'B');
  await publishContent(t.database.db, a.id, { items: [itemDef('lamp')] });
  agent = await signIn(t.app, a.users.agent);
  for (const who of ['anna', 'bert'] as const) {
    const email = `${who}-${a.slug}@example.nl`;
    const name = `${who === 'anna' ? 'Anna' : 'Bert'} Jansen ${a.slug}`;
    const customer = await t.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: agent.headers,
      payload: { kind: 'resident', name, email, phone: who === 'anna' ? '0612345678' : '0687654321' },
    });
    expect(customer.statusCode, customer.body).toBe(201);
    const opened = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: agent.headers,
      payload: {
        itemCode: 'lamp',
        description: `Lamp kapot bij ${who}`,
        location: { description: 'Dorpsstraat 12' },
        customerId: customer.json().id,
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    people[who] = { id: customer.json().id, email, name, reference: opened.json().reference };
  }
});

const signInUrl = (slug: string) => `/api/portal/${slug}/me/sign-in`;

/** Asks for a link and reads it from the queued email (the delivery log), as the person would from their inbox. */
async function requestLink(email: string, slug = a.slug, language: 'nl' | 'en' = 'nl') {
  const res = await t.app.inject({ method: 'POST', url: signInUrl(slug), payload: { email, language } });
  expect(res.statusCode, res.body).toBe(202);
  const [mail] = await t.database.db
    .select()
    .from(notification)
    .where(and(eq(notification.recipient, email.toLowerCase()), eq(notification.kind, 'sign_in_link')))
    .orderBy(desc(notification.createdAt))
    .limit(1);
  const match = /\/p\/([a-z0-9-]+)\/mijn\/inloggen\/([A-Za-z0-9_-]+)/.exec(mail!.body);
  return { path: match![0], token: match![2]!, mail: mail! };
}

async function bodyOf(notificationId: string) {
  const [row] = await t.database.db.select().from(notification).where(eq(notification.id, notificationId));
  return row!.body;
}

async function openLink(path: string) {
  const page = await t.app.inject({ url: path, headers: { accept: 'text/html' } });
  const used = await t.app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: '',
  });
  return { page, used };
}

interface Resident {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

async function signInResident(email: string, slug = a.slug): Promise<Resident> {
  const { path } = await requestLink(email, slug);
  const { used } = await openLink(path);
  expect(used.statusCode, used.body).toBe(303);
  const set = [used.headers['set-cookie']].flat().find((c) => String(c).startsWith('voordeur_resident='));
  const cookie = String(set).split(';')[0]!;
  const me = await t.app.inject({ url: `/api/portal/${slug}/me`, headers: { cookie } });
  expect(me.statusCode, me.body).toBe(200);
  const csrf = me.json().csrfToken as string;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

describe('sign-in by email link', () => {
  it('a link signs in once, asks to confirm first, and lands on My page with the person’s cases', async () => {
    const { path, mail } = await requestLink(people.anna.email.toUpperCase());
    expect(mail.subject).toContain('Mijn pagina');
    expect(mail.body).toContain('15 minuten');
    // The link's secret is stored only as its hash.
    const token = path.split('/').pop()!;
    const rows = await t.database.db
      .select()
      .from(residentSignIn)
      .where(eq(residentSignIn.organisationId, a.id));
    expect(rows.some((r) => r.id === token)).toBe(false);
    expect(token.length).toBeGreaterThanOrEqual(43); // 32 random bytes

    // A form on another site cannot use the link (login CSRF): refused, and the link still works after.
    const foreign = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      payload: '',
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.headers['set-cookie']).toBeUndefined();
    const crossSite = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      payload: '',
    });
    expect(crossSite.statusCode).toBe(403);
    const { page, used } = await openLink(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<form [^>]*method="post"/);
    expect(used.statusCode).toBe(303);
    expect(used.headers.location).toBe(`/p/${a.slug}/mijn?lang=nl`);
    // The delivery log keeps no live link once it is used.
    expect(await bodyOf(mail.id)).not.toContain(token);
    const set = String([used.headers['set-cookie']].flat()[0]);
    expect(set).toMatch(/^voordeur_resident=/);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    const cookie = set.split(';')[0]!;
    const me = await t.app.inject({ url: `/api/portal/${a.slug}/me`, headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      email: people.anna.email,
      known: true,
      name: people.anna.name,
      cases: [{ reference: people.anna.reference, closed: false }],
    });
    expect(me.json().cases[0].expectedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(me.body).not.toContain(people.bert.reference);
    // Each case links to its own page (the private link of its emails).
    const casePage = await t.app.inject({ url: new URL(me.json().cases[0].trackingUrl).pathname });
    expect(casePage.statusCode).toBe(200);
    expect(casePage.body).toContain(people.anna.reference);

    // The same link a second time: a clear page, no session.
    const again = await openLink(path);
    expect(again.page.statusCode).toBe(410);
    expect(again.page.body).toContain('al gebruikt');
    expect(again.used.statusCode).toBe(410);
    expect(again.used.headers['set-cookie']).toBeUndefined();
  });

  it('an expired or unknown link says so and signs nobody in', async () => {
    const { path, token, mail } = await requestLink(people.bert.email);
    await t.database.db
      .update(residentSignIn)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(residentSignIn.email, people.bert.email));
    const expired = await openLink(path);
    expect(expired.page.statusCode).toBe(410);
    expect(expired.page.body).toContain('verlopen');
    expect(expired.used.statusCode).toBe(410);
    expect(expired.used.headers['set-cookie']).toBeUndefined();
    // The cleanup blanks the email of a link that expired unused.
    expect(await bodyOf(mail.id)).toContain(token);
    expect((await purgeExpiredResidentSessions(t.database.db)).blanked).toBeGreaterThanOrEqual(1);
    expect(await bodyOf(mail.id)).not.toContain(token);

    const unknown = await openLink(
      path.replace(token, `${token.startsWith('x') ? 'y' : 'x'}${token.slice(1)}`),
    );
    expect(unknown.page.statusCode).toBe(404);
    expect(unknown.used.statusCode).toBe(404);
    // A link of A does not sign in at B.
    const elsewhere = await openLink(path.replace(a.slug, b.slug));
    expect(elsewhere.used.statusCode).toBe(404);
  });

  it('answers the same for a known and an unknown address, and limits links per address and per IP', async () => {
    const known = await t.app.inject({
      method: 'POST',
      url: signInUrl(a.slug),
      payload: { email: `limit-${a.slug}@example.nl`, language: 'en' },
    });
    const unknownBody = (
      await t.app.inject({
        method: 'POST',
        url: signInUrl(a.slug),
        payload: { email: `niemand-${a.slug}@example.nl`, language: 'en' },
      })
    ).body;
    expect(known.statusCode).toBe(202);
    expect(unknownBody).toBe(known.body);
    const english = await requestLink(`niemand-${a.slug}@example.nl`, a.slug, 'en');
    expect(english.mail.subject).toBe(`Your link for My page of A ${a.slug}`);

    // Eight per address per hour (this file's setting), whichever IP asks.
    const email = `veel-${a.slug}@example.nl`;
    for (let i = 0; i < 8; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: signInUrl(a.slug),
        payload: { email },
        remoteAddress: `10.0.0.${i + 1}`,
      });
      expect(res.statusCode).toBe(202);
    }
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: signInUrl(a.slug),
        payload: { email },
        remoteAddress: '10.0.1.1',
      }),
      429,
      'rate_limited',
    );
    // Forty per IP per hour, whatever the addresses.
    for (let i = 0; i < 40; i++) {
      await t.app.inject({
        method: 'POST',
        url: signInUrl(a.slug),
        payload: { email: `ip-${i}-${a.slug}@example.nl` },
        remoteAddress: '10.9.9.9',
      });
    }
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: signInUrl(a.slug),
        payload: { email: `ip-x-${a.slug}@example.nl` },
        remoteAddress: '10.9.9.9',
      }),
      429,
      'rate_limited',
    );
    // An unknown organisation, and bad input.
    expectProblem(
      await t.app.inject({ method: 'POST', url: signInUrl('bestaat-niet'), payload: { email } }),
      404,
      'not_found',
    );
    expectProblem(
      await t.app.inject({ method: 'POST', url: signInUrl(a.slug), payload: { email: 'geen-adres' } }),
      400,
      'validation_failed',
    );
  });
});

describe('resident and staff sessions are apart', () => {
  it('a resident cookie reaches no staff endpoint; a staff session is no resident', async () => {
    const anna = await signInResident(people.anna.email);
    for (const url of ['/api/auth/me', '/api/cases', `/api/customers/${people.anna.id}`]) {
      expectProblem(await t.app.inject({ url, headers: { cookie: anna.cookie } }), 401, 'unauthenticated');
    }
    expectProblem(
      await t.app.inject({ url: `/api/portal/${a.slug}/me`, headers: agent.headers }),
      401,
      'unauthenticated',
    );
    // A resident of A is nobody at B.
    expectProblem(
      await t.app.inject({ url: `/api/portal/${b.slug}/me`, headers: { cookie: anna.cookie } }),
      401,
      'unauthenticated',
    );
    // Both at once: each route reads its own.
    const both = { cookie: `${agent.cookie}; ${anna.cookie}` };
    expect((await t.app.inject({ url: `/api/portal/${a.slug}/me`, headers: both })).json().email).toBe(
      people.anna.email,
    );
    expect((await t.app.inject({ url: '/api/auth/me', headers: both })).json().email).toBe(
      a.users.agent.email,
    );
  });

  it('a resident’s writes need the resident session’s CSRF token', async () => {
    const anna = await signInResident(people.anna.email);
    const url = `/api/portal/${a.slug}/me/preferences`;
    const payload = { channel: 'letter', language: 'en' };
    expectProblem(
      await t.app.inject({ method: 'PUT', url, headers: { cookie: anna.cookie }, payload }),
      403,
      'csrf_missing',
    );
    expectProblem(
      await t.app.inject({
        method: 'PUT',
        url,
        headers: { cookie: anna.cookie, 'x-csrf-token': agent.csrf },
        payload,
      }),
      403,
      'csrf_invalid',
    );
    // A staff session with its own (valid) token is still no resident.
    expectProblem(
      await t.app.inject({ method: 'PUT', url, headers: agent.headers, payload }),
      401,
      'unauthenticated',
    );
  });
});

async function auditOf(db: Db, customerId: string) {
  return db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.organisationId, a.id), eq(auditEvent.entityId, customerId)))
    .orderBy(auditEvent.id);
}

describe('My page', () => {
  it('saves preferences and consents on the customer, audited as the resident', async () => {
    const anna = await signInResident(people.anna.email);
    const base = `/api/portal/${a.slug}/me`;
    expect(await hasConsent(t.database.db, a.id, people.anna.id, 'surveys')).toBe(true);
    const saved = await t.app.inject({
      method: 'PUT',
      url: `${base}/preferences`,
      headers: anna.headers,
      payload: { channel: 'letter', language: 'en' },
    });
    expect(saved.statusCode, saved.body).toBe(204);
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `${base}/consents`,
      headers: anna.headers,
      payload: { kind: 'surveys', granted: false },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(204);
    expect(await hasConsent(t.database.db, a.id, people.anna.id, 'surveys')).toBe(false);
    expect(await hasConsent(t.database.db, a.id, people.bert.id, 'surveys')).toBe(true);

    const me = (await t.app.inject({ url: base, headers: { cookie: anna.cookie } })).json();
    expect(me.preferences).toEqual({ channel: 'letter', language: 'en' });
    expect(me.consents).toEqual([{ kind: 'surveys', granted: false }]);
    expect(me.consentHistory).toMatchObject([
      { kind: 'surveys', granted: false, recordedBy: 'Inwoner (Mijn pagina)' },
    ]);

    // The staff see the same on the customer.
    const staffView = (
      await t.app.inject({ url: `/api/customers/${people.anna.id}`, headers: agent.headers })
    ).json();
    expect(staffView).toMatchObject({ preferredChannel: 'letter', preferredLanguage: 'en' });
    // Recorded under the purpose staff use at the desk and the surveys read: a "no" here is a "no" there.
    expect(staffView.consents[0]).toMatchObject({ purpose: 'klanttevredenheidsonderzoek', granted: false });

    const trail = await auditOf(t.database.db, people.anna.id);
    const byResident = trail.filter((e) => e.actorKind === 'resident').map((e) => e.action);
    expect(byResident).toEqual(expect.arrayContaining(['login', 'viewed', 'updated', 'consent_recorded']));
    const updated = trail.find((e) => e.actorKind === 'resident' && e.action === 'updated');
    expect(updated?.changes).toMatchObject({
      preferredChannel: { after: 'letter' },
      preferredLanguage: { after: 'en' },
    });

    // Bad input changes nothing.
    expectProblem(
      await t.app.inject({
        method: 'PUT',
        url: `${base}/preferences`,
        headers: anna.headers,
        payload: { channel: 'sms', language: 'en' },
      }),
      400,
      'validation_failed',
    );
  });

  it('a new address has nothing yet, and nothing to keep a choice on', async () => {
    const nobody = await signInResident(`nieuw-${a.slug}@example.nl`);
    const me = (
      await t.app.inject({ url: `/api/portal/${a.slug}/me`, headers: { cookie: nobody.cookie } })
    ).json();
    expect(me).toMatchObject({ known: false, name: null, cases: [], contacts: [], consentHistory: [] });
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: `/api/portal/${a.slug}/me/consents`,
        headers: nobody.headers,
        payload: { kind: 'surveys', granted: true },
      }),
      404,
      'not_found',
    );
  });

  it('the export holds the person’s data and nobody else’s, as JSON and as a readable page', async () => {
    const bert = await signInResident(people.bert.email);
    const res = await t.app.inject({
      url: `/api/portal/${a.slug}/me/export`,
      headers: { cookie: bert.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="mijn-gegevens-/);
    const data = res.json();
    expect(data.profiles).toMatchObject([
      { id: people.bert.id, name: people.bert.name, phone: '+31687654321' },
    ]);
    expect(data.cases).toMatchObject([
      { reference: people.bert.reference, description: 'Lamp kapot bij bert' },
    ]);
    expect(data.categories.length).toBeGreaterThan(3);
    for (const other of [
      people.anna.name,
      people.anna.email,
      people.anna.reference,
      '+31612345678',
      'bij anna',
    ]) {
      expect(res.body).not.toContain(other);
    }
    const page = await t.app.inject({
      url: `/p/${a.slug}/mijn/gegevens`,
      headers: { cookie: bert.cookie, accept: 'text/html' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(people.bert.reference);
    expect(page.body).toContain(people.bert.name);
    expect(page.body).not.toContain(people.anna.reference);
    expect(page.body).not.toContain('<script');
    // Without a resident session: a page that says to sign in, and the JSON is refused.
    const anonymous = await t.app.inject({
      url: `/p/${a.slug}/mijn/gegevens`,
      headers: { cookie: agent.cookie },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.body).not.toContain(people.bert.name);
    expectProblem(
      await t.app.inject({ url: `/api/portal/${a.slug}/me/export`, headers: agent.headers }),
      401,
      'unauthenticated',
    );
    // Every read of the profile is recorded.
    const views = (await auditOf(t.database.db, people.bert.id)).filter(
      (e) => e.actorKind === 'resident' && e.action === 'viewed',
    );
    expect(views.length).toBeGreaterThanOrEqual(3);
  });

  it('signing out ends the session; expired sessions are cleaned up', async () => {
    const anna = await signInResident(people.anna.email);
    const out = await t.app.inject({
      method: 'POST',
      url: `/api/portal/${a.slug}/me/sign-out`,
      headers: anna.headers,
    });
    expect(out.statusCode).toBe(204);
    expectProblem(
      await t.app.inject({ url: `/api/portal/${a.slug}/me`, headers: { cookie: anna.cookie } }),
      401,
      'unauthenticated',
    );
    const bert = await signInResident(people.bert.email);
    await t.database.db
      .update(residentSession)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(residentSession.email, people.bert.email));
    expectProblem(
      await t.app.inject({ url: `/api/portal/${a.slug}/me`, headers: { cookie: bert.cookie } }),
      401,
      'unauthenticated',
    );
    const purged = await purgeExpiredResidentSessions(t.database.db);
    expect(purged.sessions).toBeGreaterThanOrEqual(1);
    const left = await t.database.db
      .select()
      .from(residentSession)
      .where(eq(residentSession.email, people.bert.email));
    expect(left).toEqual([]);
  });
});

describe('My page as a page of the server (no script, ADR 0022)', () => {
  const form = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    postForm(t.app, url, fields, { headers });

  const linksOfA = () =>
    t.database.db.select().from(residentSignIn).where(eq(residentSignIn.organisationId, a.id));

  it('asks for a link with a plain form: errors on top, the same answer for any address, no script', async () => {
    const page = await t.app.inject({ url: `/p/${a.slug}/mijn` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script');
    expect(page.body).toContain('<h1 class="utrecht-heading-1">Mijn pagina</h1>');
    expect(page.body).toContain(`action="/p/${a.slug}/mijn?lang=nl" method="post"`);
    expect(page.body).toContain(`href="/p/${a.slug}/mijn?lang=en" hrefLang="en" lang="en">English</a>`);

    const empty = await form(`/p/${a.slug}/mijn?lang=nl`, { email: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('<a class="utrecht-link" href="#my-page-email">Vul uw e-mailadres in.</a>');
    const malformed = await form(`/p/${a.slug}/mijn?lang=en`, { email: 'geen adres' });
    expect(malformed.body).toContain('Enter a valid email address');
    expect(malformed.body).toContain('value="geen adres"');

    const before = await linksOfA();
    const known = await form(`/p/${a.slug}/mijn?lang=nl`, { email: people.bert.email });
    const unknown = await form(`/p/${a.slug}/mijn?lang=nl`, { email: `niemand-${a.slug}@example.nl` });
    for (const res of [known, unknown]) {
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Kijk in uw e-mail. We hebben een link gestuurd naar');
      expect(res.body).toContain('Stuur nog een link');
    }
    const after = await linksOfA();
    expect(after.length - before.length).toBe(2);

    // A form on another site sends nothing.
    const elsewhere = await form(
      `/p/${a.slug}/mijn`,
      { email: people.bert.email },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(elsewhere.statusCode).toBe(403);
    const unchanged = await linksOfA();
    expect(unchanged).toHaveLength(after.length);
    expect((await t.app.inject({ url: '/p/onbekend-xyz/mijn' })).statusCode).toBe(404);
    expect((await form('/p/onbekend-xyz/mijn', { email: people.bert.email })).statusCode).toBe(404);
  });

  it('shows the signed-in resident their cases; preferences, consents and signing out are plain forms with CSRF', async () => {
    const anna = await signInResident(people.anna.email);
    const cookie = { cookie: anna.cookie };
    const page = await t.app.inject({ url: `/p/${a.slug}/mijn?lang=nl`, headers: cookie });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script');
    expect(page.body).toContain(`Welkom, ${people.anna.name}`);
    expect(page.body).toContain(`>${people.anna.reference}</a>`);
    expect(page.body).not.toContain(people.bert.reference);
    // Every form carries the session's CSRF token; the page's own is what a browser sends.
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    expect(csrf).not.toBe('');

    const url = `/p/${a.slug}/mijn/voorkeuren?lang=nl`;
    const first = await form(url, { csrf, channel: 'email', language: 'nl' }, cookie);
    expect(first.statusCode).toBe(303);
    // Without the session's token, or from another site: nothing changes.
    const noToken = await form(url, { channel: 'letter', language: 'en' }, cookie);
    expect(noToken.statusCode).toBe(403);
    const crossSite = await form(
      url,
      { csrf, channel: 'letter', language: 'en' },
      {
        ...cookie,
        'sec-fetch-site': 'cross-site',
      },
    );
    expect(crossSite.statusCode).toBe(403);
    const unchanged = (await t.app.inject({ url: `/api/portal/${a.slug}/me`, headers: cookie })).json();
    expect(unchanged.preferences).toEqual({ channel: 'email', language: 'nl' });

    // A value not on offer is refused and named; a good one is saved, and the page says so (Post/Redirect/Get).
    const bad = await form(url, { csrf, channel: 'duif', language: 'en' }, cookie);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#my-page-channel"');
    const saved = await form(url, { csrf, channel: 'letter', language: 'en' }, cookie);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/p/${a.slug}/mijn?lang=nl&klaar=voorkeuren`);
    const shown = await t.app.inject({ url: saved.headers.location as string, headers: cookie });
    expect(shown.body).toContain('Uw keuze is opgeslagen.');
    const me = (await t.app.inject({ url: `/api/portal/${a.slug}/me`, headers: cookie })).json();
    expect(me.preferences).toEqual({ channel: 'letter', language: 'en' });
    // Without a language in the address, My page speaks the one chosen.
    expect((await t.app.inject({ url: `/p/${a.slug}/mijn`, headers: cookie })).body).toContain(
      '<html lang="en"',
    );

    const consent = (granted: string) =>
      form(`/p/${a.slug}/mijn/toestemming?lang=en`, { csrf, kind: 'surveys', granted }, cookie);
    expect((await consent('ja')).statusCode).toBe(303);
    expect(await hasConsent(t.database.db, a.id, people.anna.id, 'surveys')).toBe(true);
    expect((await consent('misschien')).statusCode).toBe(422);
    const no = await consent('nee');
    expect(no.statusCode).toBe(303);
    expect(no.headers.location).toBe(`/p/${a.slug}/mijn?lang=en&klaar=surveys`);
    expect(await hasConsent(t.database.db, a.id, people.anna.id, 'surveys')).toBe(false);
    const consentPage = await t.app.inject({ url: no.headers.location as string, headers: cookie });
    expect(consentPage.body).toContain('You said no.');
    expect(consentPage.body).toContain('What you chose before');

    const out = await form(`/p/${a.slug}/mijn/uitloggen?lang=nl`, { csrf }, cookie);
    expect(out.statusCode).toBe(303);
    expect(String(out.headers['set-cookie'])).toMatch(/voordeur_resident=;/);
    const gone = await t.app.inject({ url: out.headers.location as string, headers: cookie });
    expect(gone.body).toContain('U bent uitgelogd.');
    expect(gone.body).toContain('Stuur mij een link');
    // The old cookie signs in nobody: a change asks to sign in again.
    const late = await form(url, { csrf, channel: 'email', language: 'nl' }, cookie);
    expect(late.statusCode).toBe(401);
    expect(late.body).toContain('U bent niet meer ingelogd.');
  });
});
