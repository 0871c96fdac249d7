/**
 * The resident portal, as a resident walks it: from the organisation's home page find "lantaarnpaal kapot", open
 * the item (what you may expect), report it at an address of the demo register, first with the required answers
 * missing (the error summary links to the fields), then complete; the confirmation shows the reference and the
 * expected date, and the confirmation email arrives. A neighbour who reports the same lamp is offered that report
 * and follows it instead. Every page is scanned by axe, also at 320 px.
 */
import { expect, type Page, test } from '@playwright/test';
import { waitForMail } from './mailbox.ts';
import { expectAccessible } from './support.ts';

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

test('a resident finds the street light, reports it online and gets the confirmation by email', async ({
  page,
}) => {
  const email = `melder-${Date.now().toString(36)}@example.nl`;
  await page.goto('/p/voorbeeld');
  await expect(h1(page)).toHaveText('Waarmee kunnen we u helpen?');
  await expect(page.getByRole('heading', { name: 'Veel gevraagd' })).toBeVisible();
  await expectAccessible(page, 'portal home');

  await page.getByLabel('Waar zoekt u naar?').fill('lantaarnpaal kapot');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/\?q=lantaarnpaal/);
  const result = page.getByRole('link', { name: 'Lantaarnpaal of straatverlichting kapot melden' });
  await expect(result.first()).toBeVisible();
  await result.first().click();

  await expect(h1(page)).toHaveText('Lantaarnpaal of straatverlichting kapot melden');
  const expect_ = page.getByRole('region', { name: 'Wat u kunt verwachten' });
  await expect(expect_).toContainText('binnen 5 werkdagen');
  await expect(page.getByRole('heading', { name: 'Misschien heeft u dit ook nodig' })).toBeVisible();
  await expectAccessible(page, 'portal item page');

  await page.getByRole('link', { name: 'Melding doen' }).click();
  await expect(h1(page)).toHaveText('Lantaarnpaal of straatverlichting kapot melden');
  await expect(page).toHaveURL(/\/melden$/);
  // Sent empty: the summary on top names the missing answers and links to them.
  await page.getByRole('button', { name: 'Versturen' }).click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('link', { name: /Wat is er aan de hand/ })).toBeVisible();
  await expect(alert.getByRole('link', { name: 'Uw naam' })).toBeVisible();
  await expectAccessible(page, 'report form with errors');
  await alert.getByRole('link', { name: /Wat is er aan de hand/ }).click();
  await expect(page.getByLabel('Wat is er aan de hand?')).toBeFocused();

  await chooseAddress(page);
  await page.getByLabel('Wat is er aan de hand?').selectOption({ label: 'De lamp brandt niet' });
  await page.getByLabel(/^Nummer op de paal/).fill('LP-0042');
  await page.getByLabel('Uw naam').fill('Mira Melder');
  await page.getByLabel('Per e-mail').check();
  await page.getByLabel('Uw e-mailadres').fill(email);
  await page.getByRole('button', { name: 'Versturen' }).click();

  await expect(h1(page)).toHaveText('Bedankt, we hebben het ontvangen');
  const reference = (await page.locator('#report-reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/-\d{4}-\d{6}$/);
  await expect(page.getByRole('main')).toContainText('Naar verwachting klaar op');
  await expect(page.getByRole('main')).toContainText('U krijgt zo een bevestiging per e-mail.');
  await expectAccessible(page, 'report confirmation');

  const mail = await waitForMail(email, [reference]);
  expect(mail.subject).toContain('ontvangen');

  // A neighbour reports the same lamp: the form offers the open report at that place, and they follow it instead.
  await page.goto('/p/voorbeeld/diensten/straatverlichting-kapot/melden');
  await chooseAddress(page);
  const nearby = page.getByRole('region', { name: 'Is dit al gemeld?' });
  await nearby.getByRole('button', { name: `Volg melding ${reference}` }).click();
  const neighbour = `buur-${Date.now().toString(36)}@example.org`;
  await nearby.getByLabel('Uw e-mailadres').fill(neighbour);
  await nearby.getByRole('button', { name: 'Volg deze melding' }).click();
  await expect(page.getByRole('main')).toContainText(`U volgt nu melding ${reference}.`);
  await expectAccessible(page, 'report form offering a report nearby to follow');
  await waitForMail(neighbour, [reference]);
});

/** The place: postcode and house number looked up in the address register (one address: chosen at once). */
async function chooseAddress(page: Page) {
  await page.getByLabel('Postcode', { exact: true }).fill('1234 AB');
  await page.getByLabel(/^Huisnummer/).fill('12');
  await page.getByRole('button', { name: 'Zoek adres' }).click();
  await expect(page.getByText('Gekozen plek:')).toBeVisible();
}
