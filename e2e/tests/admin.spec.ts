/** An administrator's journeys through the pages of this issue, with the API as the witness. */
import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './support.ts';

test('the admin adds a colleague who can then sign in; the audit trail shows it', async ({
  page,
  browser,
}) => {
  const stamp = Date.now().toString(36);
  const email = `collega-${stamp}@voorbeeld.nl`;
  await login(page, 'admin@voorbeeld.nl');
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Gebruikers' })
    .click();
  await page.getByRole('button', { name: 'Nieuwe gebruiker' }).click();
  await expectAccessible(page, 'new user form');

  // Submitting empty shows the errors next to the fields, accessibly.
  await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expectAccessible(page, 'new user form with errors');

  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Naam').fill(`Collega ${stamp}`);
  await page.getByLabel('Startwachtwoord').fill('welkom-bij-voorbeeld');
  await page.getByRole('button', { name: 'Lidmaatschap toevoegen' }).click();
  const row = page.getByRole('group', { name: 'Lidmaatschap 1' });
  await row.getByLabel('Team').selectOption({ label: 'Burgerzaken' });
  await row.getByLabel('Rol').selectOption('backoffice');
  await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
  await expect(page.getByRole('cell', { name: email })).toBeVisible();

  const other = await browser.newPage();
  await login(other, email, { password: 'welkom-bij-voorbeeld' });
  await expect(other.getByRole('table').getByText('Burgerzaken', { exact: true })).toBeVisible();
  await other.close();

  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Audittrail' })
    .click();
  await expect(page.getByRole('cell', { name: new RegExp(email) }).first()).toBeVisible();
  await expectAccessible(page, 'audit trail with events');
});

test('the admin creates an API token, sees it once, and it works as Bearer until revoked', async ({
  page,
  request,
}) => {
  const name = `Telefonie ${Date.now().toString(36)}`;
  await login(page, 'admin@voorbeeld.nl');
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'API-tokens' })
    .click();
  await page.getByLabel('Naam').fill(name);
  await page.getByLabel('Rol').selectOption('agent');
  await page.getByRole('button', { name: 'Token aanmaken' }).click();
  const secret = await page.locator('#created-token-secret').inputValue();
  expect(secret).toMatch(/^vdr_/);
  await expectAccessible(page, 'token created');
  const bearer = { authorization: `Bearer ${secret}` };
  expect((await request.get('/api/teams', { headers: bearer })).status()).toBe(200);

  await page.getByRole('button', { name: 'Ik heb het token bewaard' }).click();
  await expect(page.locator('#created-token-secret')).toHaveCount(0);
  await page.getByRole('button', { name: `Token ${name} intrekken` }).click();
  const dialog = page.getByRole('dialog', { name: `Token ${name} intrekken` });
  await expectAccessible(page, 'revoke dialog');
  await dialog.getByRole('button', { name: 'Ja, intrekken' }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(async () => (await request.get('/api/teams', { headers: bearer })).status()).toBe(401);
});

test('the audit trail speaks words: actions and kinds of record in Dutch, cases by their reference (a link), dates as Dutch dates, no ISO instants or ids', async ({
  page,
}) => {
  await login(page, 'admin@voorbeeld.nl');
  await page.goto('/audit?entityType=case');
  await expect(page.getByRole('heading', { level: 1, name: 'Audittrail' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Gebeurtenissen' });
  const rows = table.getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  // The demo's cases, named by reference and linked to their page.
  const link = table.getByRole('link', { name: /^VB-\d{4}-\d{6}$/ }).first();
  await expect(link).toHaveAttribute('href', /^\/cases\/[0-9a-f-]{36}$/);
  await expect(table.getByRole('cell', { name: 'Aangemaakt', exact: true }).first()).toBeVisible();
  expect((await table.textContent()) ?? '').not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  for (const subject of await table.locator('tbody td:nth-child(4)').allTextContents())
    expect(subject).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  // The action column: words, no codes such as complaint_extended.
  for (const action of await table.locator('tbody td:nth-child(3)').allTextContents())
    expect(action).not.toMatch(/_/);
  await expect(page.getByLabel('Soort gegeven')).toHaveValue('case');
  await expectAccessible(page, 'audit trail of cases');
});
