/**
 * My page: a resident asks for a sign-in link, opens it from the email (confirming on the page the link opens),
 * sees their case, chooses to hear back by letter in English, says no to surveys, and downloads their data — as
 * JSON and as a readable page. All of it is rendered by the server (ADR 0022): every change is a plain form. axe
 * scans the sign-in form, My page and the data page, also at 320 px.
 */
import { expect, test } from '@playwright/test';
import { waitForMail } from './mailbox.ts';
import { expectAccessible, expectAccessibleAtDoubleText, PASSWORD } from './support.ts';

test('a resident signs in by email link, sees their case, sets preferences and downloads their data', async ({
  page,
  request,
}) => {
  // The organisation knows the resident and their report (as the desk would have taken it).
  const email = `inwoner-${Date.now().toString(36)}@example.nl`;
  expect(
    (
      await request.post('/api/auth/login', { data: { email: 'agent@voorbeeld.nl', password: PASSWORD } })
    ).status(),
  ).toBe(200);
  const csrf = ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const customer = await request.post('/api/customers', {
    headers: { 'x-csrf-token': csrf },
    data: { kind: 'resident', name: 'Fatima el Amrani', email },
  });
  expect(customer.status()).toBe(201);
  const opened = await request.post('/api/cases', {
    headers: { 'x-csrf-token': csrf },
    data: {
      itemCode: 'straatverlichting-kapot',
      description: 'De lantaarnpaal voor Kerkstraat 3 brandt niet.',
      answers: { probleem: 'brandt_niet' },
      location: { description: 'Kerkstraat 3' },
      customerId: ((await customer.json()) as { id: string }).id,
      channel: 'desk',
    },
  });
  expect(opened.status(), await opened.text()).toBe(201);
  const reference = ((await opened.json()) as { reference: string }).reference;

  // Asking for a link.
  await page.goto('/p/voorbeeld/mijn');
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn pagina' })).toBeVisible();
  await expectAccessible(page, 'My page, sign-in');
  await page.getByRole('button', { name: 'Stuur mij een link' }).click();
  await expect(page.getByRole('alert')).toContainText('Vul uw e-mailadres in.');
  await page.getByLabel('Uw e-mailadres').fill(email);
  await page.getByRole('button', { name: 'Stuur mij een link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kijk in uw e-mail' })).toContainText(email);

  const mail = await waitForMail(email, ['Mijn pagina']);
  const link = /https?:\/\/\S+\/p\/voorbeeld\/mijn\/inloggen\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  expect(link).toBeTruthy();
  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen op Mijn pagina' })).toBeVisible();
  // (Server-rendered in the same frame as the data page, which axe scans below: not scanned twice.)
  await page.getByRole('button', { name: 'Inloggen' }).click();

  // My page with the case.
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom, Fatima el Amrani' })).toBeVisible();
  const cases = page.getByRole('region', { name: 'Mijn zaken' });
  await expect(cases.getByRole('rowheader', { name: reference })).toBeVisible();
  await expect(cases).toContainText('Lantaarnpaal');
  await expectAccessible(page, 'My page');
  await expectAccessibleAtDoubleText(page, 'My page');

  // How to hear back: by letter, in English.
  const preferences = page.getByRole('region', { name: 'Hoe wilt u antwoord?' });
  await preferences.getByLabel('Antwoord via').selectOption('letter');
  await preferences.getByLabel('Taal van onze berichten').selectOption('en');
  await preferences.getByRole('button', { name: 'Opslaan' }).click();
  await expect(preferences.getByRole('status')).toHaveText('Uw keuze is opgeslagen.');

  // No surveys, please; the choice is kept with its time.
  const consents = page.getByRole('region', { name: 'Mijn toestemmingen' });
  await consents.getByRole('button', { name: 'Nee, liever niet' }).click();
  await expect(consents.getByText('U zei nee.')).toBeVisible();
  await expect(consents.getByRole('table', { name: 'Wat u eerder koos' })).toContainText('Nee');

  // The data: a JSON file, and a page to read or print.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Download mijn gegevens/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^mijn-gegevens-voorbeeld-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(
    await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()),
  );
  expect(data.profiles[0]).toMatchObject({
    name: 'Fatima el Amrani',
    preferredChannel: 'letter',
    preferredLanguage: 'en',
  });
  expect(data.cases[0].reference).toBe(reference);

  await page.getByRole('link', { name: /Bekijk mijn gegevens/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn gegevens' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: new RegExp(reference) })).toBeVisible();
  await expectAccessible(page, 'my data, readable');

  // Signing out; the link does not work twice.
  await page.getByRole('link', { name: 'Terug naar Mijn pagina' }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByRole('button', { name: 'Stuur mij een link' })).toBeVisible();
  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'Deze link werkt niet meer' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('al gebruikt');
});
