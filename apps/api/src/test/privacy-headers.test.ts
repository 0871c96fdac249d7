/**
 * Headers that keep personal data where it belongs: no cache keeps an API answer, no page may use powerful
 * browser features, and the metrics are for the scraper with the token only.
 */
import { describe, expect, it } from 'vitest';
import {
  expectProblem,
  makeOrg,
  signIn,
  TEST_METRICS_TOKEN,
  TEST_PASSWORD,
  testApp,
  useTestApp,
} from './harness.ts';

const t = useTestApp();

describe('Cache-Control', () => {
  it('every answer of the API to a signed-in caller is no-store (each GET of the API document)', async () => {
    const org = await makeOrg(t.database);
    const admin = await signIn(t.app, org.users.admin);
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const gets = Object.entries(doc.paths)
      .filter(([path, ops]) => path.startsWith('/api/') && 'get' in ops)
      .map(([path]) => path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'));
    expect(gets.length).toBeGreaterThan(20);
    const cached: string[] = [];
    for (const url of gets) {
      const res = await t.app.inject({ url, headers: admin.headers });
      if (!String(res.headers['cache-control']).includes('no-store')) {
        cached.push(`${url} ${res.statusCode} ${res.headers['cache-control']}`);
      }
    }
    expect(cached).toEqual([]);
    // Sign-in answers with the person's name and address before there is a session.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: org.users.agent.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(login.headers['cache-control']).toBe('no-store');
  });
});

describe('Permissions-Policy', () => {
  it('denies camera, microphone, geolocation and the like on pages and API answers', async () => {
    for (const url of ['/healthz', '/api/teams', '/login']) {
      const policy = String((await t.app.inject({ url })).headers['permissions-policy']);
      for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()']) {
        expect(policy, url).toContain(feature);
      }
    }
  });
});

describe('/metrics', () => {
  it('answers only the scraper with METRICS_TOKEN', async () => {
    expectProblem(await t.app.inject({ url: '/metrics' }), 401, 'unauthenticated');
    expectProblem(
      await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer not-the-metrics-token' } }),
      401,
      'unauthenticated',
    );
    const ok = await t.app.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('voordeur_process_cpu_seconds_total');
  });

  it('is off without METRICS_TOKEN', async () => {
    const app = await testApp(t.database, { METRICS_TOKEN: '' });
    try {
      expectProblem(await app.inject({ url: '/metrics' }), 404, 'not_found');
    } finally {
      await app.close();
    }
  });
});
