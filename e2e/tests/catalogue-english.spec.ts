/**
 * Names written in English in the catalogue admin (statuses, intake questions, the item's name) are what the
 * English interface shows: the case page, its workflow, the intake answers, the queue and the public catalogue.
 * Where the English is left empty, the Dutch shows.
 */
import { expect, test } from '@playwright/test';
import { createUser, expectAccessible, login, openUserMenu } from './support.ts';

test('an English status name written in the catalogue admin shows on the English case page, and the English item name in the public catalogue', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const tag = Date.now().toString(36);
  const status = `Received (${tag})`;
  const name = `Report graffiti or fly-posting (${tag})`;
  // A colleague who reads in English (chosen at their first sign-in, so the demo users keep Dutch).
  const reader = await createUser(page.request, 'admin');

  await login(page, 'admin@voorbeeld.nl');
  await page.goto('/admin/catalogue/graffiti-melden');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Graffiti of wildplakken melden');
  await page.getByLabel('Naam (Engels)').fill(name);
  const first = page.getByRole('group', { name: /^Status 1\b/ });
  await expect(first.getByLabel('Naam van de status', { exact: true })).toHaveValue('Ontvangen');
  await first.getByLabel('Naam van de status (Engels)').fill(status);
  await first.getByLabel('Tekst voor de klant (Engels)').fill('We have received your report. Thank you!');
  const question = page.getByRole('group', { name: /^Veld 2\b/ });
  await question.getByLabel('Vraag (Engels)').fill('Is the text offensive or discriminatory?');
  await expectAccessible(page, 'catalogue item with English beside the Dutch');
  await page.getByRole('button', { name: 'Concept opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Het concept is opgeslagen.' })).toBeVisible();
  await page.getByRole('button', { name: 'Publiceren' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Gepubliceerd: versie \d+/ })).toBeVisible();
  // What was saved is shown again beside the Dutch.
  await page.reload();
  await expect(first.getByLabel('Naam van de status (Engels)')).toHaveValue(status);

  const csrf = ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const opened = await page.request.post('/api/cases', {
    headers: { 'x-csrf-token': csrf },
    data: {
      itemCode: 'graffiti-melden',
      description: `Graffiti op de muur van het gemeentehuis ${tag}`,
      answers: { kwetsend: false },
      location: { description: 'Gemeentehuis, achterkant' },
    },
  });
  expect(opened.status(), await opened.text()).toBe(201);
  const { id, reference } = (await opened.json()) as { id: string; reference: string };

  const context = await browser.newContext();
  const english = await context.newPage();
  await login(english, reader, { lang: 'en' });
  await english.goto(`/cases/${id}`);
  await expect(english.getByRole('heading', { level: 1 })).toContainText(reference);
  await expect(english.getByRole('main')).toContainText(status);
  await expect(english.getByRole('main')).toContainText(name);
  // No English for the second status: its Dutch name, never empty.
  await expect(english.getByRole('main')).toContainText('Beoordeling door de vakafdeling');
  await expect(english.getByRole('main')).toContainText('Is the text offensive or discriminatory?');
  await expectAccessible(english, 'case page in English with English status names');

  // Switching the interface to Dutch fetches the case again: the Dutch names, without a reload.
  await (await openUserMenu(english, 'en')).getByRole('button', { name: 'Nederlands' }).click();
  await expect(english.getByRole('main')).toContainText('Graffiti of wildplakken melden');
  await expect(english.getByRole('main')).not.toContainText(status);
  await context.close();

  await page.goto('/p/voorbeeld/diensten');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('rowheader', { name, exact: true })).toBeVisible();
});
