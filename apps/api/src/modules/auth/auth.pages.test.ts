import { describe, expect, it } from 'vitest';
import { cookieFrom, makeOrg, postForm, TEST_PASSWORD, testApp, useTestApp } from '../../test/harness.ts';

const t = useTestApp({ LOGIN_LOCK_AFTER_FAILURES: '100' });

const post = (url: string, fields: Record<string, string>) => postForm(t.app, url, fields);

describe('the sign-in page (server-rendered, ADR 0022)', () => {
  it('is a plain HTML form with no script, in Dutch or English, the other language linked in the header', async () => {
    const nl = await t.app.inject({ url: '/login' });
    expect(nl.statusCode).toBe(200);
    expect(nl.headers['content-type']).toContain('text/html');
    expect(nl.body).not.toContain('<script');
    expect(nl.body).toContain('<h1 class="utrecht-heading-1">Inloggen</h1>');
    expect(nl.body).toContain('action="/login" method="post"');
    expect(nl.body).toContain('<label class="utrecht-form-label" for="login-email">E-mailadres</label>');
    expect(nl.body).toContain('autoComplete="current-password"');
    expect(nl.body).toContain('href="/login?lang=en" hrefLang="en" lang="en">English</a>');

    const en = await t.app.inject({ url: '/login?next=%2Fcases%3Fteam%3D1&lang=en' });
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('<h1 class="utrecht-heading-1">Log in</h1>');
    // The form keeps where to go next and the language chosen; the Dutch link keeps where to go next.
    expect(en.body).toContain('action="/login?next=%2Fcases%3Fteam%3D1&amp;lang=en"');
    expect(en.body).toContain('href="/login?next=%2Fcases%3Fteam%3D1&amp;lang=nl" hrefLang="nl"');
    // Why the person is here, when the app says so.
    expect((await t.app.inject({ url: '/login?uitgelogd=1' })).body).toContain('Je bent uitgelogd.');
    expect((await t.app.inject({ url: '/login?verlopen=1&lang=en' })).body).toContain(
      'Your session has expired.',
    );
  });

  it('signs in with the right password: a session cookie, and on to a path of this site only', async () => {
    const org = await makeOrg(t.database);
    const ok = await post('/login?next=%2Fcases%3Fteam%3D1', {
      email: org.users.agent.email,
      password: TEST_PASSWORD,
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/cases?team=1');
    const setCookie = String(ok.headers['set-cookie']);
    expect(setCookie).toMatch(/voordeur_session=[A-Za-z0-9_-]{40,}/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    const cookie = cookieFrom(ok.headers['set-cookie']);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ id: org.users.agent.id, locale: 'nl' });
    // Signed in already: the page sends the browser on.
    const again = await t.app.inject({ url: '/login?next=%2Faudit', headers: { cookie } });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/audit');

    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/login?next=/x']) {
      const res = await post(`/login?next=${encodeURIComponent(next)}`, {
        email: org.users.agent.email,
        password: TEST_PASSWORD,
      });
      expect(res.statusCode, next).toBe(303);
      expect(res.headers.location, next).toBe('/');
    }
  });

  it('saves a language chosen on the page in the profile', async () => {
    const org = await makeOrg(t.database);
    const res = await post('/login?lang=en', { email: org.users.agent.email, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(303);
    const me = await t.app.inject({
      url: '/api/auth/me',
      headers: { cookie: cookieFrom(res.headers['set-cookie']) },
    });
    expect(me.json()).toMatchObject({ locale: 'en' });
    // Without a choice on the page, the profile's language stays.
    const plain = await post('/login', { email: org.users.agent.email, password: TEST_PASSWORD });
    const after = await t.app.inject({
      url: '/api/auth/me',
      headers: { cookie: cookieFrom(plain.headers['set-cookie']) },
    });
    expect(after.json()).toMatchObject({ locale: 'en' });
  });

  it('lists what is wrong on top, linked to the fields; keeps the address, never the password', async () => {
    const org = await makeOrg(t.database);
    const empty = await post('/login', { email: '', password: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.headers['set-cookie']).toBeUndefined();
    expect(empty.body).toContain('role="alert"');
    expect(empty.body).toContain('<a class="utrecht-link" href="#login-email">Vul je e-mailadres in.</a>');
    expect(empty.body).toContain('<a class="utrecht-link" href="#login-password">Vul je wachtwoord in.</a>');
    expect(empty.body).toContain('aria-invalid="true"');

    const malformed = await post('/login?lang=en', { email: 'not an address', password: 'x' });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.body).toContain('Enter a valid email address');
    expect(malformed.body).toContain('value="not an address"');

    const wrong = await post('/login', { email: org.users.agent.email, password: 'the-wrong-password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(wrong.body).toContain('Het e-mailadres of wachtwoord klopt niet.');
    expect(wrong.body).toContain(`value="${org.users.agent.email}"`);
    expect(wrong.body).not.toContain('the-wrong-password');
  });

  it('refuses a form posted from another site (login CSRF), and signs nobody in', async () => {
    const org = await makeOrg(t.database);
    const fields = { email: org.users.agent.email, password: TEST_PASSWORD };
    for (const headers of [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }]) {
      const res = await postForm(t.app, '/login', fields, { headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.body).toContain('Een formulier op een andere website kan je niet inloggen.');
    }
    // Without Sec-Fetch-Site (an older browser), the Origin decides.
    const fromElsewhere = await postForm(t.app, '/login', fields, {
      headers: { 'sec-fetch-site': undefined, origin: 'https://evil.example' },
    });
    expect(fromElsewhere.statusCode).toBe(403);
  });

  it("an organisation's own page carries its name; an unknown one is a 404 page", async () => {
    const org = await makeOrg(t.database);
    const own = await t.app.inject({ url: `/p/${org.slug}/inloggen` });
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain(`class="vd-brand__organisation">Testgemeente ${org.slug}</span>`);
    expect(own.body).toContain(`action="/p/${org.slug}/inloggen"`);
    const signedIn = await post(`/p/${org.slug}/inloggen`, {
      email: org.users.agent.email,
      password: TEST_PASSWORD,
    });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/');
    const unknown = await t.app.inject({ url: '/p/onbekende-gemeente/inloggen' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Deze organisatie kennen wij niet.');
    const tooLong = await t.app.inject({ url: `/login?next=/${'x'.repeat(2100)}` });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.headers['content-type']).toContain('application/problem+json');
  });

  it('counts failures per client IP together with the API: the page then says how long to wait', async () => {
    const org = await makeOrg(t.database);
    const app = await testApp(t.database, { LOGIN_FAILURES_PER_IP: '3', LOGIN_LOCK_AFTER_FAILURES: '100' });
    try {
      const remoteAddress = '10.0.0.9';
      for (let i = 0; i < 2; i++) {
        const api = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: org.users.agent.email, password: 'bad' },
          remoteAddress,
        });
        expect(api.statusCode).toBe(401);
      }
      const form = (password: string) =>
        postForm(app, '/login', { email: org.users.agent.email, password }, { remoteAddress });
      expect((await form('bad')).statusCode).toBe(401);
      const waiting = await form(TEST_PASSWORD);
      expect(waiting.statusCode).toBe(429);
      expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(0);
      expect(waiting.headers['set-cookie']).toBeUndefined();
      expect(waiting.body).toMatch(
        /Te veel mislukte inlogpogingen\. Probeer het over \d+ minuten? opnieuw\./,
      );
    } finally {
      await app.close();
    }
  });
});
