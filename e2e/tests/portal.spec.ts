/**
 * The resident portal, as a resident walks it: from the organisation's home page find "lantaarnpaal kapot", open
 * the item (what you may expect) and its form — every page rendered by the server, not one script loaded. The
 * browser itself will not send the form without its required answers (checks from the intake definition); what
 * only the server can check comes back listed on top and linked to the fields, with what was typed and the photo
 * kept. The report goes, and the person lands on their case's page with the confirmation; the email arrives. A
 * neighbour about 25 m away who reports the same lamp is offered that report and follows it instead. Every page is scanned by axe,
 * also at 320 px.
 */
import { expect, type Page, test } from '@playwright/test';
import { waitForMail } from './mailbox.ts';
import { expectAccessible, expectAccessibleAtDoubleText } from './support.ts';

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** A 1×1 PNG: a photo as far as the server's sniffing is concerned. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test('a resident finds the street light, reports it with the server’s form (no script) and lands on the case page', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
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
  await expectAccessible(page, 'report form');

  // Sent empty: the browser stops it at the first required question (from the intake definition).
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page).toHaveURL(/\/melden$/);
  const problem = page.getByLabel('Wat is er aan de hand?');
  expect(await problem.evaluate((el) => (el as HTMLSelectElement).validity.valueMissing)).toBe(true);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // What only the server knows: this postcode is not in the municipality, and the address is not an email
  // address. Both on top, linked; the answers and the photo stay.
  await place(page).getByLabel('Postcode').fill('9999 ZZ');
  await place(page)
    .getByLabel(/^Huisnummer/)
    .fill('1');
  await problem.selectOption({ label: 'De lamp brandt niet' });
  await page.getByLabel(/^Nummer op de paal/).fill('LP-0042');
  await page.getByLabel(/^Foto/).setInputFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: PNG });
  await page.getByLabel('Uw naam').fill('Mira Melder');
  await page.getByLabel('Per e-mail').check();
  await page.getByLabel('Uw e-mailadres', { exact: true }).fill('mira@voorbeeld');
  await page.getByRole('button', { name: 'Versturen' }).click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('link', { name: /We vinden dit adres niet/ })).toBeVisible();
  await expect(alert.getByRole('link', { name: /geldig e-mailadres/ })).toBeVisible();
  await expect(page.getByLabel('Uw naam')).toHaveValue('Mira Melder');
  await expect(page.getByLabel('lamp.png')).toBeChecked();
  await expectAccessible(page, 'report form with errors');
  // The same at 200% text (WCAG 1.4.4): the summary, the fields and the kept photo still fit.
  await expectAccessibleAtDoubleText(page, 'report form with errors');
  await alert.getByRole('link', { name: /geldig e-mailadres/ }).click();
  await expect(page.getByLabel('Uw e-mailadres', { exact: true })).toBeFocused();

  await chooseAddress(page);
  await page.getByLabel('Uw e-mailadres', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Versturen' }).click();
  // There may be an open report near this address already (other journeys): then "already reported?" first.
  if (await page.getByRole('region', { name: 'Is dit al gemeld?' }).isVisible())
    await page.getByRole('button', { name: 'Versturen' }).click();

  await expect(page).toHaveURL(/\/zaak\/[\w-]+\?klaar=ontvangen&via=email$/);
  const thanks = page.getByRole('status').filter({ hasText: 'Bedankt, we hebben het ontvangen.' });
  await expect(thanks).toBeVisible();
  const reference = /Uw nummer is (\S+)\./.exec((await thanks.textContent()) ?? '')?.[1] ?? '';
  expect(reference).toMatch(/-\d{4}-\d{6}$/);
  await expect(page.getByRole('main')).toContainText('U krijgt zo een bevestiging per e-mail');
  await expect(page.getByRole('heading', { name: 'Misschien heeft u dit ook nodig' })).toBeVisible();
  await expectAccessible(page, 'report confirmation on the case page');

  const mail = await waitForMail(email, [reference]);
  expect(mail.subject).toContain('ontvangen');
  expect(mail.text).toContain(new URL(page.url()).pathname);

  // A neighbour two doors on (about 25 m) reports the same lamp: the form offers the open report, and they follow
  // it instead.
  await page.goto('/p/voorbeeld/diensten/straatverlichting-kapot/melden');
  await chooseAddress(page, '13');
  const nearby = page.getByRole('region', { name: 'Is dit al gemeld?' });
  const offered = nearby.getByRole('listitem').filter({ hasText: reference });
  await expect(offered).toContainText(/\b[1-3]\d meter hiervandaan/);
  await expectAccessible(page, 'report form offering a report nearby to follow');
  const neighbour = `buur-${Date.now().toString(36)}@example.org`;
  await nearby.getByLabel('Uw e-mailadres om de melding te volgen').fill(neighbour);
  await nearby.getByRole('button', { name: `Volg melding ${reference}` }).click();
  await expect(page.getByRole('main')).toContainText(`U volgt nu melding ${reference}.`);
  await waitForMail(neighbour, [reference]);

  // Not one script in the whole journey: every page is the server's (the scanner's own is injected, not loaded).
  expect(scripts).toEqual([]);
});

/** The form's place question (its fieldset). */
const place = (page: Page) => page.getByRole('group', { name: 'Waar is het?' });

/** The place: postcode and house number looked up in the address register (one address: chosen at once). */
async function chooseAddress(page: Page, number = '12') {
  await place(page).getByLabel('Postcode').fill('1234 AB');
  await place(page)
    .getByLabel(/^Huisnummer/)
    .fill(number);
  await page.getByRole('button', { name: 'Zoek adres' }).click();
  await expect(page.getByText('Gekozen plek:')).toBeVisible();
}
