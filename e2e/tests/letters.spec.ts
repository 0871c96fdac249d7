/**
 * Letters (issue 11, finding 9): a complaint of a person without an email address is acknowledged in writing, as a
 * letter. The preview says so before anything happens, the letter waits in "Post te versturen", is downloaded as a
 * PDF and marked "Verstuurd per post". A person with neither an email nor a postal address: the page says that
 * nobody is told. axe scans the pages, also 320 px wide.
 */
import { readFile } from 'node:fs/promises';
import { expect, type Page, type PlaywrightWorkerArgs, test } from '@playwright/test';
import { createUser, expectAccessible, login, PASSWORD } from './support.ts';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdnavigatie' });
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const announced = (page: Page, text: string | RegExp) =>
  expect(page.getByRole('status').filter({ hasText: text })).toBeVisible();

async function apiAs(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string, email: string) {
  const request = await playwright.request.newContext({ baseURL });
  expect((await request.post('/api/auth/login', { data: { email, password: PASSWORD } })).status()).toBe(200);
  const csrf = ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  return { request, headers: { 'x-csrf-token': csrf } };
}

/** The action's disclosure on the case page, opened, and the form inside it. */
async function openAction(page: Page, title: string) {
  const summary = page.locator('summary', { hasText: new RegExp(`^${title}$`) });
  const details = page.locator('details', { has: summary });
  if ((await details.getAttribute('open')) === null) await summary.click();
  await expect(details).toHaveAttribute('open', '');
  return details.locator('form');
}

test('A complaint of a person without an email address is acknowledged by letter: the preview says so, the letter waits in ‘Post te versturen’, is downloaded as a PDF and marked sent by post', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const agent = await apiAs(playwright, baseURL!, await createUser(page.request, 'agent', 'KCC'));
  const complain = async (name: string, address?: object) => {
    const customer = await agent.request.post('/api/customers', {
      headers: agent.headers,
      data: { kind: 'resident', name, ...(address ? { address } : {}) },
    });
    expect(customer.status()).toBe(201);
    const opened = await agent.request.post('/api/cases', {
      headers: agent.headers,
      data: {
        itemCode: 'klacht-indienen',
        description: 'Ik ben aan de balie onheus bejegend.',
        answers: {
          naam: name,
          datum_gebeurtenis: '2026-01-12',
          klacht: 'De medewerker aan de balie was onvriendelijk.',
        },
        customerId: ((await customer.json()) as { id: string }).id,
        channel: 'desk',
      },
    });
    expect(opened.status()).toBe(201);
    return (await opened.json()) as { id: string; reference: string; reach: string };
  };
  const name = `Greet Postma ${Date.now().toString(36)}`;
  const complaint = await complain(name, {
    street: 'Kerkstraat',
    houseNumber: 7,
    postcode: '1234AB',
    city: 'Voorbeeld',
  });
  expect(complaint.reach).toBe('post');
  const nobody = await complain('Onbekend Adres');
  expect(nobody.reach).toBe('none');

  // ---- a team lead of the KCC acknowledges receipt ----
  await login(page, await createUser(page.request, 'teamlead', 'KCC'), { lang: 'nl' });
  await page.goto(`/cases/${complaint.id}`);
  await expect(h1(page)).toHaveText(`Zaak ${complaint.reference}`);
  const form = await openAction(page, 'Ontvangst bevestigen');
  await form.getByRole('button', { name: 'Voorbeeld' }).click();
  const preview = form.getByRole('region', { name: 'Voorbeeld van het bericht' });
  await expect(preview).toContainText('Per post: een brief, klaar om te printen bij ‘Post te versturen’');
  await expect(preview).toContainText(`${name} <Kerkstraat 7, 1234 AB VOORBEELD>`);
  await expect(preview).toContainText(`Ontvangstbevestiging van uw klacht (${complaint.reference})`);
  await expect(preview).not.toContainText('e-mail');
  await expectAccessible(page, 'the complaint page with the preview of a letter');
  await form.getByRole('button', { name: 'Ontvangst bevestigen' }).click();
  await announced(
    page,
    'De ontvangst is bevestigd. De persoon heeft geen e-mailadres en krijgt een brief per post: die staat klaar bij ‘Post te versturen’.',
  );
  const log = page.getByRole('region', { name: 'Verzonden berichten' });
  await expect(log.getByRole('row').filter({ hasText: 'Ontvangstbevestiging' })).toContainText(
    'Nog per post versturen',
  );

  // ---- the post queue: download the PDF, mark it sent ----
  await nav(page).getByRole('link', { name: 'Post te versturen' }).click();
  await expect(h1(page)).toHaveText('Post te versturen');
  const row = page
    .getByRole('row')
    .filter({ hasText: complaint.reference })
    .filter({ hasText: 'Ontvangstbevestiging van uw klacht' });
  await expect(row).toContainText(name);
  await expect(row).toContainText('Kerkstraat 7');
  await expect(row).toContainText('1234 AB VOORBEELD');
  await expectAccessible(page, 'the post queue');
  const subject = `Ontvangstbevestiging van uw klacht (${complaint.reference})`;
  const downloading = page.waitForEvent('download');
  await row.getByRole('link', { name: `Download pdf: ‘${subject}’ aan ${name}` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`brief-${complaint.reference}.pdf`);
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  await row.getByRole('button', { name: `Verstuurd per post: ‘${subject}’ aan ${name}` }).click();
  await announced(page, `De brief aan ${name} staat op ‘Verstuurd per post’.`);
  await expect(row).toHaveCount(0);
  await page.getByLabel('Tonen').selectOption('sent');
  const sent = page.getByRole('row').filter({ hasText: subject });
  await expect(sent).toContainText(/Verstuurd door .+ op /);

  // Narrow (320 px): the queue still reads and scrolls; axe finds nothing.
  await page.setViewportSize({ width: 320, height: 800 });
  await expectAccessible(page, 'the letters sent, 320 px wide');
  await page.getByLabel('Tonen').selectOption('to_send');
  await expectAccessible(page, 'the post queue, 320 px wide');

  // The case's delivery log shows the letter as sent by post.
  await page.goto(`/cases/${complaint.id}`);
  await expect(log.getByRole('row').filter({ hasText: 'Ontvangstbevestiging' })).toContainText(
    'Verstuurd per post',
  );
  await expectAccessible(page, 'the case page with a letter in the delivery log, 320 px wide');

  // ---- neither email nor postal address: the page says nobody is told ----
  await page.goto(`/cases/${nobody.id}`);
  const ack = await openAction(page, 'Ontvangst bevestigen');
  await ack.getByRole('button', { name: 'Voorbeeld' }).click();
  await expect(ack.getByRole('region', { name: 'Voorbeeld van het bericht' })).toContainText(
    'Van de persoon is geen e-mailadres en geen postadres bekend: niemand krijgt dit bericht.',
  );
  await ack.getByRole('button', { name: 'Ontvangst bevestigen' }).click();
  await announced(
    page,
    'De ontvangst is bevestigd. Van de persoon is geen e-mailadres en geen postadres bekend: niemand krijgt hierover bericht.',
  );
});
