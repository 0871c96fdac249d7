/**
 * The person's own case page (issue 13, item 5), in a browser with JavaScript switched off: the person reports a
 * broken street light with the portal's form, the link from the confirmation email opens the case's page, the
 * person reads where things stand, answers the question of the worker (the clock runs again) and sees it
 * confirmed. axe scans each page at the window's width, at 320 px and at 200% text
 * (in a context that allows the scanner's script; the pages themselves send none).
 */
import { type Browser, expect, type Page, test } from '@playwright/test';
import { waitForMail } from './mailbox.ts';
import { expectAccessible, expectAccessibleAtDoubleText, PASSWORD } from './support.ts';

/**
 * axe at the window's width and at 320 px (no sideways scrolling), and with `zoomText` again with the text at 200%
 * (WCAG 1.4.4). In a context of its own that allows the scanner's script; the pages themselves send none.
 */
async function scan(browser: Browser, url: string, what: string, zoomText = false) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(url);
    await expectAccessible(page, what);
    if (zoomText) await expectAccessibleAtDoubleText(page, what);
  } finally {
    await context.close();
  }
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

test('the person reports with the portal form and follows their case without JavaScript: opens the link from the email, reads the status, answers the question, and the clock runs again', async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const staff = await playwright.request.newContext({ baseURL: baseURL! });
  expect(
    (
      await staff.post('/api/auth/login', { data: { email: 'admin@voorbeeld.nl', password: PASSWORD } })
    ).status(),
  ).toBe(200);
  const headers = {
    'x-csrf-token': ((await (await staff.get('/api/auth/csrf')).json()) as { token: string }).token,
  };
  const email = `volger-${Date.now().toString(36)}@example.nl`;

  // ---- the person reports it with the portal's form, JavaScript off ----
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/p/voorbeeld/diensten/straatverlichting-kapot/melden');
  await page
    .getByRole('group', { name: 'Waar is het?' })
    .getByLabel(/^Omschrijving van de plek/)
    .fill('Parklaan, bij de speeltuin');
  await page.getByLabel('Wat is er aan de hand?').selectOption({ label: 'De lamp brandt niet' });
  await page.getByLabel('Uw naam').fill('Vera Volger');
  await page.getByLabel('Uw e-mailadres', { exact: true }).fill(email);
  // A person takes longer than the time trap's second (PORTAL_MIN_FILL_SECONDS in playwright.config.ts).
  await page.waitForTimeout(1_100);
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page).toHaveURL(/\/zaak\/[\w-]+\?klaar=ontvangen&via=email$/);
  const thanks = (await page.getByRole('status').first().textContent()) ?? '';
  const reference = /Uw nummer is (\S+)\./.exec(thanks)?.[1] ?? '';
  const listed = await staff.get(`/api/cases?reference=${encodeURIComponent(reference)}&state=all`);
  const id = ((await listed.json()) as { items: { id: string }[] }).items[0]?.id;
  expect(id, `case ${reference} for staff`).toBeTruthy();
  const c = {
    ...((await (await staff.get(`/api/cases/${id}`)).json()) as {
      id: string;
      version: number;
      channel: string;
    }),
    reference,
  };
  // The same queue as a desk report, with channel web.
  expect(c.channel).toBe('web');

  // ---- the confirmation email carries the private link ----
  const confirmation = await waitForMail(email, [c.reference, 'ontvangen']);
  const link = /Bekijk de stand van zaken: (\S+)/.exec(confirmation.text)?.[1];
  expect(link).toMatch(/\/zaak\/[A-Za-z0-9_-]{32}$/);
  const path = new URL(link!).pathname;

  // ---- the worker asks a question: the case waits for the person ----
  let version = c.version;
  for (const [to, message] of [
    ['beoordeling', undefined],
    ['wacht_op_melder', 'Welk nummer staat op de paal? U vindt het op een plaatje op ooghoogte.'],
  ] as const) {
    const moved = await staff.post(`/api/cases/${c.id}/transitions`, {
      headers,
      data: { to, version, notify: to === 'wacht_op_melder', ...(message ? { message } : {}) },
    });
    expect(moved.status(), await moved.text()).toBe(200);
    version = ((await moved.json()) as { version: number }).version;
  }
  const question = await waitForMail(email, [c.reference, 'Wacht op informatie']);
  expect(question.text).toContain(`Bekijk de stand van zaken: ${link}`);

  // ---- the person, JavaScript off, opens the link from the email ----
  await page.goto(path);
  await expect(h1(page)).toHaveText(`Uw melding ${c.reference}`);
  await expect(
    page.getByRole('heading', { level: 2, name: /Zo staat het nu: Wacht op informatie/ }),
  ).toBeVisible();
  await expect(page.getByText('Welk nummer staat op de paal?').first()).toBeVisible();
  await expect(page.getByText(/We wachten op uw antwoord\. Zolang staat de termijn stil/)).toBeVisible();
  await scan(browser, path, 'case page waiting for the person', true);

  // An empty answer: the error summary on top links to the field.
  await page.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(page.getByRole('alert')).toContainText('Schrijf uw antwoord, of voeg een bestand toe.');
  await expect(
    page.getByRole('link', { name: 'Schrijf uw antwoord, of voeg een bestand toe.' }),
  ).toHaveAttribute('href', '#body');

  await page
    .getByLabel('Schrijf hier uw antwoord')
    .fill('Het nummer is 1234. De paal staat naast de speeltuin.');
  await page.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(page).toHaveURL(new RegExp(`${path}\\?klaar=antwoord$`));
  await expect(page.getByRole('status').filter({ hasText: 'We hebben uw antwoord ontvangen' })).toBeVisible();
  await expect(page.getByText('Het nummer is 1234.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Antwoord versturen' })).toHaveCount(0);
  await scan(browser, `${path}?klaar=antwoord`, 'case page after the answer');

  // The clock runs again, and the case is back with the team.
  const after = (await (await staff.get(`/api/cases/${c.id}`)).json()) as {
    status: { key: string };
    clock: { suspended: unknown };
  };
  expect(after.status.key).toBe('beoordeling');
  expect(after.clock.suspended).toBeNull();

  // Without the link: reference + email address ask for a code (the page is the same whatever they are).
  await page.goto('/p/voorbeeld/zaak');
  await expect(h1(page)).toHaveText('Uw zaak bekijken');
  await scan(browser, '/p/voorbeeld/zaak', 'asking for a code');
  await context.close();
  await staff.dispose();
});
