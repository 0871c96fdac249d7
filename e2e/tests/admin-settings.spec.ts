import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, login } from './support.ts';

/** The settings pages the API had without a screen: webhooks, message templates, case settings, districts. */

/** A confirmation (role status), which takes focus after an action. */
const notice = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

const unique = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 5);

async function openSettings(page: Page, link: string) {
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Instellingen' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
  await page.getByRole('link', { name: link }).click();
  await expect(page.getByRole('heading', { level: 1, name: link })).toBeVisible();
}

test('the admin sets up a webhook, sees its secret once, follows the delivery log, sends a failed event again and deletes it', async ({
  page,
}) => {
  const name = `Zaaksysteem ${unique()}`;
  await login(page, 'admin@voorbeeld.nl');
  await expectAccessible(page, 'home with the settings link');
  await openSettings(page, 'Webhooks');
  await expectAccessible(page, 'webhooks list');

  await page.getByRole('button', { name: 'Nieuwe webhook' }).click();
  await page.getByLabel('Naam').fill(name);
  await page.getByLabel('Adres').fill('ftp://127.0.0.1:9/voordeur');
  await page.getByLabel('Zaak aangemaakt').check();
  await page.getByRole('button', { name: 'Webhook aanmaken' }).click();
  // The API's refusal, worded by its reason code, on the field.
  await expect(page.getByText('Het adres moet beginnen met https:// of http://.').first()).toBeVisible();
  await expectAccessible(page, 'webhook form with an error');
  // Port 9 (discard) refuses the connection: every attempt fails, fast.
  await page.getByLabel('Adres').fill('http://127.0.0.1:9/voordeur');
  await page.getByRole('button', { name: 'Webhook aanmaken' }).click();

  await expect(page.getByRole('heading', { name: `Webhook ${name} is aangemaakt` })).toBeFocused();
  expect(await page.locator('#created-webhook-secret').inputValue()).toMatch(/^whsec_/);
  await expectAccessible(page, 'webhook secret shown once');
  await page.getByRole('button', { name: 'Ik heb de sleutel bewaard' }).click();
  await expect(page.locator('#created-webhook-secret')).toHaveCount(0);
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Zaak aangemaakt');
  await expect(row).toContainText('Actief');

  // The delivery log: a test event waits in the queue, then fails once the webhook is switched off.
  await page.getByRole('button', { name: `Afleverlog van ${name}` }).click();
  const log = page.getByRole('region', { name: `Afleverlog van ${name}` });
  await expect(log.getByText('Er zijn nog geen berichten naar deze webhook gestuurd.')).toBeVisible();
  await log.getByRole('button', { name: 'Testbericht sturen' }).click();
  await expect(log.getByText('Het testbericht staat in de wachtrij.')).toBeVisible();
  await expect(log.getByRole('cell', { name: 'nl.voordeur.webhook.test' })).toBeVisible();
  // The webhook also hears cases that other specs create meanwhile: look at the test event's own row.
  const testEvent = log
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'nl.voordeur.webhook.test' }) });

  await page.getByRole('button', { name: `${name} bewerken` }).click();
  await page.getByLabel('Actief', { exact: true }).uncheck();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText(`Webhook ${name} is opgeslagen.`)).toBeVisible();
  await expect(row).toContainText('Niet actief');
  // The worker's next attempt finds the webhook switched off: failed (the log looks again by itself).
  await expect(testEvent.getByText('Mislukt')).toBeVisible({ timeout: 45_000 });
  await expect(testEvent.getByText('the webhook is inactive')).toBeVisible();
  await expectAccessible(page, 'delivery log with a failed delivery');

  const retry = testEvent.getByRole('button', {
    name: /^nl\.voordeur\.webhook\.test van .* opnieuw versturen$/,
  });
  await retry.click();
  await expect(log.getByText('Deze webhook is niet actief. Zet hem eerst aan')).toBeVisible();
  await page.getByRole('button', { name: `${name} bewerken` }).click();
  await page.getByLabel('Actief', { exact: true }).check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(row).toContainText('Actief');
  await retry.click();
  await expect(log.getByText('Het bericht staat weer in de wachtrij.')).toBeVisible();
  await expect(testEvent.getByText('In de wachtrij', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: `Webhook ${name} verwijderen` }).click();
  const dialog = page.getByRole('dialog', { name: `Webhook ${name} verwijderen` });
  await expectAccessible(page, 'delete webhook dialog');
  await dialog.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(notice(page, `Webhook ${name} is verwijderd.`)).toBeFocused();
  await expect(row).toHaveCount(0);
  await expect(log).toHaveCount(0);
});

test('a team lead adds a message template in Dutch and English; an unknown placeholder is named', async ({
  page,
}) => {
  const key = `herinnering_${unique()}`;
  await login(page, 'teamlead@voorbeeld.nl');
  await openSettings(page, 'Berichtsjablonen');
  await expect(page.getByRole('row', { name: /Nieuwe status/ })).toContainText('Standaard');
  await expectAccessible(page, 'templates list');

  await page.getByRole('button', { name: 'Nieuw sjabloon' }).click();
  await page.getByLabel('Sleutel').fill(key);
  await page.getByLabel('Naam').fill('Herinnering');
  await page.getByLabel('Onderwerp', { exact: true }).fill('Herinnering over {{reference}}');
  await page.getByLabel('Onderwerp (Engels)').fill('Reminder about {{reference}}');
  await page.getByLabel('Tekst', { exact: true }).fill('Beste {{naam}},\n\n{{message}}');
  await page.getByLabel('Tekst (Engels)').fill('Dear {{name}},\n\n{{message}}');
  await page.getByRole('button', { name: 'Sjabloon opslaan' }).click();
  await expect(page.getByText('{{naam}} bestaat niet.').first()).toBeVisible();
  await expectAccessible(page, 'template form with an error');

  await page.getByLabel('Tekst', { exact: true }).fill('Beste {{name}},\n\n{{message}}');
  await page.getByRole('button', { name: 'Sjabloon opslaan' }).click();
  await expect(notice(page, 'Sjabloon Herinnering is opgeslagen.')).toBeFocused();
  const row = page.getByRole('row', { name: new RegExp(key) });
  await expect(row).toContainText('Eigen versie');
  await expect(row).toContainText('Herinnering over {{reference}}');

  await page.getByRole('button', { name: 'Herinnering bewerken' }).click();
  await expect(page.getByLabel('Tekst (Engels)')).toHaveValue('Dear {{name}},\n\n{{message}}');
  await page.getByLabel('Naam').fill('Herinnering na twee weken');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Sjabloon Herinnering na twee weken is opgeslagen.')).toBeVisible();
  await expect(row).toContainText('Herinnering na twee weken');
});

test('the admin adds a breach reason in Dutch and English and removes it again', async ({ page }) => {
  const code = `e2e_${unique()}`;
  await login(page, 'admin@voorbeeld.nl');
  await openSettings(page, 'Zaakinstellingen');
  const reason = (n: number) => page.getByRole('group', { name: new RegExp(`^Reden ${n}\\b`) });
  await expect(reason(1).getByLabel('Code')).not.toHaveValue('');
  await expectAccessible(page, 'case settings');

  const n = (await page.getByRole('group', { name: /^Reden \d+/ }).count()) + 1;
  await page.getByRole('button', { name: 'Reden toevoegen' }).click();
  await expect(reason(n).getByLabel('Code')).toBeFocused();
  await reason(n)
    .getByLabel('Code')
    .fill(await reason(1).getByLabel('Code').inputValue());
  await reason(n).getByLabel('Omschrijving', { exact: true }).fill('Storing in de software');
  await reason(n).getByLabel('Omschrijving (Engels)').fill('Software failure');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(reason(n).getByText('Deze code komt twee keer voor.')).toBeVisible();
  await expectAccessible(page, 'case settings with an error');

  await reason(n).getByLabel('Code').fill(code);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(notice(page, 'De zaakinstellingen zijn opgeslagen.')).toBeFocused();
  await page.reload();
  await expect(reason(n).getByLabel('Omschrijving (Engels)')).toHaveValue('Software failure');

  await page.getByRole('button', { name: 'Reden Storing in de software verwijderen' }).click();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('De zaakinstellingen zijn opgeslagen.')).toBeVisible();
  await page.reload();
  await expect(reason(1).getByLabel('Code')).not.toHaveValue('');
  await expect(reason(n)).toHaveCount(0);
});

test('the admin adds a district; overlapping postcodes are refused with the district they overlap', async ({
  page,
}) => {
  const name = `Buitengebied ${unique()}`;
  await login(page, 'admin@voorbeeld.nl');
  await openSettings(page, 'Frontoffice en wijken');
  const area = (n: number) => page.getByRole('group', { name: new RegExp(`^Wijk ${n}\\b`) });
  await expect(area(1).getByLabel('Naam van de wijk')).toHaveValue('Centrum');
  await expectAccessible(page, 'front-office settings');

  const n = (await page.getByRole('group', { name: /^Wijk \d+/ }).count()) + 1;
  await page.getByRole('button', { name: 'Wijk toevoegen' }).click();
  await expect(area(n).getByLabel('Naam van de wijk')).toBeFocused();
  await area(n).getByLabel('Naam van de wijk').fill(name);
  await area(n).getByLabel('Postcodes').fill('1200-1231');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  // The API names the overlap on the first of the two districts, with the other's name.
  await expect(area(1).getByText(`Deze postcodes vallen ook in ${name}.`)).toBeVisible();
  await expectAccessible(page, 'front-office settings with an error');

  await area(n).getByLabel('Postcodes').fill('1200-1229\n1260');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(notice(page, 'De instellingen zijn opgeslagen.')).toBeFocused();
  await page.reload();
  await expect(area(n).getByLabel('Postcodes')).toHaveValue('1200-1229\n1260');

  await page.getByRole('button', { name: `Wijk ${name} verwijderen` }).click();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('De instellingen zijn opgeslagen.')).toBeVisible();
  await page.reload();
  await expect(area(1).getByLabel('Naam van de wijk')).toHaveValue('Centrum');
  await expect(area(n)).toHaveCount(0);
});
