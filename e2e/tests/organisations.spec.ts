/**
 * Two organisations on one install, each in its own NL Design System theme: the demo organisation in the
 * voorbeeld tokens, a second one — created here by a platform administrator through the API — in the Utrecht
 * tokens. Its public catalogue, its sign-in page and its staff app show its name and wear its theme; both
 * organisations' pages pass axe.
 */
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './support.ts';

/** The platform administrator's token, added by `voordeur platform-admin add` before the server starts. */
const PLATFORM_TOKEN = 'vdp_e2e-platform-administrator-token-0001';

test.describe.configure({ mode: 'serial' });

const slug = `utrecht-${Date.now().toString(36)}`;
let admin: { email: string; password: string };

test.beforeAll(async ({ request }) => {
  const res = await request.post('/api/platform/organisations', {
    headers: { authorization: `Bearer ${PLATFORM_TOKEN}` },
    data: {
      slug,
      name: 'Gemeente Utrecht',
      theme: 'utrecht',
      mailFrom: 'Gemeente Utrecht <noreply@utrecht.example>',
      admin: { email: `beheer@${slug}.example`, name: 'Bea Beheer' },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  admin = (await res.json()).admin;
});

/** The root class of the page, a layout token and the real colour of the primary button or link. */
async function looks(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const root = document.documentElement;
    const element = document.querySelector(sel);
    return {
      themeClass: root.dataset.themeClass,
      actionToken: getComputedStyle(root).getPropertyValue('--basis-color-action-1-color-default').trim(),
      color: element ? getComputedStyle(element).backgroundColor : null,
    };
  }, selector);
}

test("each organisation's public catalogue wears its own name and theme, and passes axe", async ({
  page,
}) => {
  await page.goto('/p/voorbeeld/diensten');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Gemeente Voorbeeld');
  await expect(page.locator('html')).toHaveClass(/\bvoorbeeld-theme\b/);
  await expect(page.locator('html')).not.toHaveClass(/\butrecht-theme\b/);
  const voorbeeld = await looks(page, '.vd-header');
  // The demo's catalogue in its theme is scanned by catalogue.spec.ts (the same page, the same state).

  await page.goto(`/p/${slug}/diensten`);
  await expect(page.getByRole('banner')).toContainText('Gemeente Utrecht');
  await expect(page).toHaveTitle(/Gemeente Utrecht/);
  await expect(page.locator('html')).toHaveClass(/\butrecht-theme\b/);
  await expect(page.locator('html')).not.toHaveClass(/\bvoorbeeld-theme\b/);
  const utrecht = await looks(page, '.vd-header');
  expect(utrecht.themeClass).toBe('utrecht-theme');
  expect(voorbeeld.themeClass).toBe('voorbeeld-theme');
  // Its own tokens: the layout's action colour is Utrecht's link colour (blue 35), not the voorbeeld tokens'.
  expect(utrecht.actionToken).toBe('hsl(211 60% 35%)');
  expect(utrecht.actionToken).not.toBe(voorbeeld.actionToken);
  await expectAccessible(page, 'public catalogue of Gemeente Utrecht');
});

test("its staff sign in on its own sign-in page and work in its theme; the demo's sign-in keeps the demo's", async ({
  page,
}) => {
  await page.goto('/p/voorbeeld/inloggen');
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Gemeente Voorbeeld');
  await expect(page.locator('html')).toHaveClass(/\bvoorbeeld-theme\b/);
  const button = page.getByRole('button', { name: 'Inloggen' });
  const voorbeeldButton = await button.evaluate((b) => getComputedStyle(b).backgroundColor);
  await expectAccessible(page, 'sign-in page of Gemeente Voorbeeld');

  await page.goto(`/p/${slug}/inloggen`);
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Gemeente Utrecht');
  await expect(page.locator('html')).toHaveClass(/\butrecht-theme\b/);
  // The same component, another look: the primary button wears each organisation's own colour.
  const utrechtButton = await button.evaluate((b) => getComputedStyle(b).backgroundColor);
  expect(utrechtButton).not.toBe(voorbeeldButton);
  await expectAccessible(page, 'sign-in page of Gemeente Utrecht');

  await page.getByLabel('E-mailadres').fill(admin.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(admin.password);
  await button.click();
  await expect(page.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Gemeente Utrecht');
  await expect(page.locator('html')).toHaveClass(/\butrecht-theme\b/);
  await expectAccessible(page, 'home page of Gemeente Utrecht');
  // After a reload the server sends the page in the same theme.
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/\butrecht-theme\b/);
  await expect(page.locator('link#vd-theme')).toHaveAttribute('href', `/p/${slug}/theme.css`);
});
