/** Sign-in errors, guards, status pages and the keyboard, each scanned by axe. */
import { expect, test } from '@playwright/test';
import { expectAccessible, login, openUserMenu, PASSWORD } from './support.ts';

test('a wrong password is announced; the page stays accessible', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill('agent@voorbeeld.nl');
  await page.getByLabel('Wachtwoord').fill('not-the-password');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toContainText('Het e-mailadres of wachtwoord klopt niet.');
  await expectAccessible(page, 'login with error');
});

test('a deep link asks for a login first and then opens the page asked for', async ({ page }) => {
  await page.goto('/admin/teams');
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fteams/);
  await expectAccessible(page, 'login');
  await page.getByLabel('E-mailadres').fill('manager@voorbeeld.nl');
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL('/admin/teams');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Teams');
});

test('a page the role may not use shows "Geen toegang"; an unknown page "Pagina niet gevonden"', async ({
  page,
}) => {
  await login(page, 'agent@voorbeeld.nl');
  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
  await expectAccessible(page, '403 page');
  await page.goto('/does/not/exist');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
  await expectAccessible(page, '404 page');
  await page.getByRole('link', { name: 'Naar het overzicht' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Welkom/);
});

test('keyboard only: sign in, skip to the content, use the user menu, sign out', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await page.getByLabel('E-mailadres').focus();
  await page.keyboard.type('quality@voorbeeld.nl');
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeVisible();

  // The skip link is the first stop and moves focus to the main content.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Naar hoofdinhoud' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();

  // The user menu opens with the keyboard and Escape returns focus to its button.
  const menu = page.getByRole('button', { name: /Gebruikersmenu/ });
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();

  // Tab through the navigation to the audit trail and open it with Enter.
  const audit = page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Audittrail' });
  for (let i = 0; i < 10 && !(await audit.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(audit).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audittrail');

  await menu.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Uitloggen' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/login/);
});

test('at 320 px the user menu opens on the screen, and signing out from it works', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await login(page, 'agent@voorbeeld.nl');
  const menu = await openUserMenu(page, 'nl');
  const logout = menu.getByRole('button', { name: 'Uitloggen' });
  // The header wraps and the menu's button sits on the left: the panel must not hang off the screen's left edge.
  for (const part of [menu, logout]) {
    const box = (await part.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
  }
  await logout.click();
  await expect(page).toHaveURL(/\/login\?uitgelogd=1$/);
  await expect(page.getByRole('status')).toHaveText('Je bent uitgelogd.');
});
