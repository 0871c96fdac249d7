/**
 * Organisations: a platform administrator (a token of no organisation) creates an organisation ready to use —
 * calendar, settings, a team, its first administrator, its theme and its sender — and may do nothing else;
 * nobody else may create one. Each organisation's pages wear its own theme, its emails its own sender.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditEvent, organisation, workingCalendar } from '@voordeur/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, expectProblem, makeOrg, signIn, type TestOrg, testApp } from '../../test/harness.ts';
import {
  drain,
  queueTestNotifications,
  testOutboxDeps,
  useIsolatedTestApp,
} from '../../test/outbox-harness.ts';
import { startTestSmtp } from '../../test/smtp.ts';
import { addPlatformAdmin, revokePlatformAdmin } from './index.ts';

const t = useIsolatedTestApp();
let platform: Record<string, string>;
let other: TestOrg;
let n = 0;
const slug = () => `gem-${Date.now().toString(36)}-${++n}`;

beforeAll(async () => {
  const created = await addPlatformAdmin(t.database.db, { name: 'Servicecentrum' });
  platform = { authorization: `Bearer ${created.token}` };
  other = await makeOrg(t.database);
});

const create = (payload: object, headers = platform) =>
  t.app.inject({ method: 'POST', url: '/api/platform/organisations', headers, payload });

describe('creating an organisation', () => {
  it('gives it its calendar, front-office settings, a team and a first administrator who can sign in', async () => {
    const s = slug();
    const res = await create({
      slug: s,
      name: 'Gemeente Utrecht',
      theme: 'utrecht',
      mailFrom: 'Gemeente Utrecht <noreply@utrecht.example>',
      admin: { email: `beheer@${s}.example`, name: 'Bea Beheer' },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.organisation).toMatchObject({
      slug: s,
      name: 'Gemeente Utrecht',
      theme: 'utrecht',
      mailFrom: 'Gemeente Utrecht <noreply@utrecht.example>',
    });
    expect(body.admin.email).toBe(`beheer@${s}.example`);
    expect(body.admin.password.length).toBeGreaterThanOrEqual(12);
    const id = body.organisation.id as string;

    const admin = await signIn(t.app, { email: body.admin.email, password: body.admin.password });
    const me = (await t.app.inject({ url: '/api/auth/me', headers: admin.headers })).json();
    expect(me.organisation).toEqual({ id, name: 'Gemeente Utrecht', slug: s });
    expect(me.roles).toEqual(['admin']);
    expect(me.memberships.map((m: { teamName: string }) => m.teamName)).toEqual(['Beheer']);
    // The calendar is its own row (the admin edits version 1), the case numbers start with its letters.
    const calendar = (await t.app.inject({ url: '/api/calendar', headers: admin.headers })).json();
    expect(calendar.version).toBe(1);
    expect(
      await t.database.db.select().from(workingCalendar).where(eq(workingCalendar.organisationId, id)),
    ).toHaveLength(1);
    const settings = (
      await t.app.inject({ url: '/api/front-office/settings', headers: admin.headers })
    ).json();
    expect(settings.casePrefix).toMatch(/^GEM[A-Z]?$/);
    // Its audit trail starts with its creation, by the platform administrator.
    const [first] = await t.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.organisationId, id), eq(auditEvent.entityType, 'organisation')))
      .orderBy(auditEvent.id)
      .limit(1);
    expect(first).toMatchObject({ action: 'created', actorKind: 'platform' });
    expect(first!.actorLabel).toBe('Platformbeheer "Servicecentrum"');

    // And the platform administrator sees it in the list, with nothing of its data.
    const list = (await t.app.inject({ url: '/api/platform/organisations', headers: platform })).json();
    expect(list.items.map((o: { slug: string }) => o.slug)).toContain(s);
    expect(Object.keys(list.items[0]).sort()).toEqual([
      'createdAt',
      'id',
      'mailFrom',
      'name',
      'slug',
      'theme',
    ]);
  });

  it('refuses a taken slug or administrator address and invalid input, and then creates nothing', async () => {
    const s = slug();
    const admin = { email: `a@${s}.example`, name: 'A' };
    expect((await create({ slug: s, name: 'Eerste', admin })).statusCode).toBe(201);
    const again = expectProblem(
      await create({ slug: s, name: 'Tweede', admin: { email: `b@${s}.example`, name: 'B' } }),
      409,
      'slug_taken',
    );
    expect(again.errors?.map((e) => e.field)).toEqual(['slug']);

    const s2 = slug();
    const taken = expectProblem(await create({ slug: s2, name: 'Derde', admin }), 409, 'email_taken');
    expect(taken.errors?.map((e) => e.field)).toEqual(['admin.email']);
    // All or nothing: the organisation of the refused administrator does not exist.
    expect(await t.database.db.select().from(organisation).where(eq(organisation.slug, s2))).toEqual([]);

    const bad = expectProblem(
      await create({
        slug: 'Niet Goed',
        name: '',
        theme: 'rotterdam',
        mailFrom: 'Iemand <geen-adres>\r\nBcc: x@example.nl',
        admin: { email: 'geen', name: 'A' },
      }),
      400,
      'validation_failed',
    );
    expect(bad.errors?.map((e) => e.field).sort()).toEqual(
      ['admin.email', 'mailFrom', 'name', 'slug', 'theme'].sort(),
    );
  });
});

describe('who may manage organisations', () => {
  it("an organisation's administrator may not, by session or token; nobody anonymous; no revoked token", async () => {
    const session = await signIn(t.app, other.users.admin);
    const token = await bearerFor(t.app, session, 'admin');
    for (const headers of [session.headers, token.headers]) {
      expectProblem(
        await t.app.inject({ url: '/api/platform/organisations', headers }),
        403,
        'platform_only',
      );
      expectProblem(
        await create({ slug: slug(), name: 'X', admin: { email: `x${n}@x.example`, name: 'X' } }, headers),
        403,
        'platform_only',
      );
    }
    expectProblem(await t.app.inject({ url: '/api/platform/organisations' }), 401, 'unauthenticated');

    const spare = await addPlatformAdmin(t.database.db, { name: 'Tijdelijk' });
    const spareHeaders = { authorization: `Bearer ${spare.token}` };
    expect(
      (await t.app.inject({ url: '/api/platform/organisations', headers: spareHeaders })).statusCode,
    ).toBe(200);
    expect(await revokePlatformAdmin(t.database.db, spare.prefix)).toBe(1);
    expectProblem(
      await t.app.inject({ url: '/api/platform/organisations', headers: spareHeaders }),
      401,
      'invalid_token',
    );
  });

  it("a platform administrator reads no organisation's data and changes none of its settings", async () => {
    for (const url of ['/api/customers?q=a', '/api/cases', '/api/auth/me', '/api/teams']) {
      expectProblem(await t.app.inject({ url, headers: platform }), 403, 'not_for_platform');
    }
    expectProblem(
      await t.app.inject({
        method: 'PUT',
        url: '/api/front-office/settings',
        headers: platform,
        payload: { casePrefix: 'XX' },
      }),
      403,
      'not_for_platform',
    );
    // Public pages stay public for everyone.
    expect(
      (await t.app.inject({ url: `/api/public/organisations/${other.slug}/catalogue`, headers: platform }))
        .statusCode,
    ).toBe(200);
  });
});

describe('themes', () => {
  let dist: string;
  let web: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'voordeur-web-'));
    writeFileSync(
      join(dist, 'index.html'),
      '<html class="__VOORDEUR_THEME_CLASS__ utrecht-root" data-theme-class="__VOORDEUR_THEME_CLASS__"><head><link rel="stylesheet" href="/theme.css" /></head><body>app</body></html>',
    );
    web = await testApp(t.database, { VOORDEUR_WEB_DIST: dist });
  });
  afterAll(async () => {
    await web?.close();
  });

  it("each organisation's public pages, sign-in and staff app wear its own theme; others the install's", async () => {
    const s = slug();
    const created = (
      await create({
        slug: s,
        name: 'Gemeente Utrecht',
        theme: 'utrecht',
        admin: { email: `thema@${s}.example`, name: 'T' },
      })
    ).json();

    const pub = await web.inject({ url: `/api/public/organisations/${s}` });
    expect(pub.json()).toEqual({
      slug: s,
      name: 'Gemeente Utrecht',
      theme: { className: 'utrecht-theme', stylesheet: `/p/${s}/theme.css` },
    });
    const css = await web.inject({ url: `/p/${s}/theme.css` });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toContain('.utrecht-theme {');
    expect(css.body).toContain('--utrecht-color-red-40');
    // Voordeur's own layout tokens, mapped onto Utrecht's.
    expect(css.body).toContain('--basis-color-action-1-color-default: var(--utrecht-link-color)');

    // An organisation that chose no theme wears the install's.
    expect((await web.inject({ url: `/api/public/organisations/${other.slug}` })).json().theme).toEqual({
      className: 'voorbeeld-theme',
      stylesheet: '/theme.css',
    });
    expectProblem(await web.inject({ url: '/api/public/organisations/bestaat-niet' }), 404, 'not_found');
    expectProblem(await web.inject({ url: '/p/bestaat-niet/theme.css' }), 404, 'not_found');

    const html = { accept: 'text/html' };
    const page = async (url: string, cookie?: string) =>
      (await web.inject({ url, headers: cookie ? { ...html, cookie } : html })).body;
    for (const url of [`/p/${s}/diensten`, `/p/${s}/inloggen`]) {
      const body = await page(url);
      expect(body).toContain('class="utrecht-theme utrecht-root"');
      expect(body).toContain(`href="/p/${s}/theme.css"`);
    }
    expect(await page(`/p/${other.slug}/diensten`)).toContain('class="voorbeeld-theme utrecht-root"');
    // The staff app: the theme of the signed-in person's organisation; before sign-in the install's.
    const admin = await signIn(web, { email: created.admin.email, password: created.admin.password });
    expect(await page('/queue', admin.cookie)).toContain('class="utrecht-theme utrecht-root"');
    const theirs = await signIn(web, other.users.agent);
    expect(await page('/queue', theirs.cookie)).toContain('class="voorbeeld-theme utrecht-root"');
    expect(await page('/login')).toContain('href="/theme.css"');
  });

  it('serves an organisation its own design-token CSS under its own root class', async () => {
    const s = slug();
    const res = await create({
      slug: s,
      name: 'Waterschap Eigen',
      theme: {
        className: 'eigen-theme',
        css: '.eigen-theme { --basis-color-action-1-color-default: #005a9c; }',
      },
      admin: { email: `eigen@${s}.example`, name: 'E' },
    });
    expect(res.json().organisation.theme).toBe('custom');
    expect((await web.inject({ url: `/api/public/organisations/${s}` })).json().theme.className).toBe(
      'eigen-theme',
    );
    expect((await web.inject({ url: `/p/${s}/theme.css` })).body).toBe(
      '.eigen-theme { --basis-color-action-1-color-default: #005a9c; }',
    );
  });
});

describe("an organisation's emails", () => {
  it('leave from its own sender; an organisation without one uses SMTP_FROM', async () => {
    const smtp = await startTestSmtp();
    try {
      const s = slug();
      const id = (
        await create({
          slug: s,
          name: 'Gemeente Utrecht',
          mailFrom: 'Gemeente Utrecht <noreply@utrecht.example>',
          admin: { email: `mail@${s}.example`, name: 'M' },
        })
      ).json().organisation.id as string;
      await queueTestNotifications(t.database.db, id, 1, { recipient: 'inwoner@example.nl' });
      await queueTestNotifications(t.database.db, other.id, 1, { recipient: 'buur@example.nl' });
      const deps = testOutboxDeps({ SMTP_URL: smtp.url, SMTP_FROM: 'Voordeur <noreply@voordeur.example>' }, [
        id,
        other.id,
      ]);
      expect((await drain(t.database.db, deps)).done).toBe(2);
      const from = (to: string) => smtp.messages.find((m) => m.envelopeTo.includes(to));
      expect(from('inwoner@example.nl')?.headers.from).toBe('Gemeente Utrecht <noreply@utrecht.example>');
      expect(from('inwoner@example.nl')?.envelopeFrom).toBe('noreply@utrecht.example');
      expect(from('buur@example.nl')?.headers.from).toBe('Voordeur <noreply@voordeur.example>');
    } finally {
      await smtp.close();
    }
  });
});
