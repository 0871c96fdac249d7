/** The content security policy holds on every page; weak passwords are refused in the interface's words. */
import { expect, type Page, test } from '@playwright/test';
import { createUser, expectAccessible, login, PASSWORD } from './support.ts';

/** Collects every CSP violation of the page: the DOM event and Chromium's console report. */
async function watchCsp(page: Page) {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|unsafe-eval/i.test(message.text())) seen.push(message.text());
  });
  await page.exposeFunction('__reportCsp', (line: string) => void seen.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp: (l: string) => void }).__reportCsp(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return seen;
}

test('no page breaks the content security policy (nothing evaluates code)', async ({ page }) => {
  const violations = await watchCsp(page);
  await login(page, 'admin@voorbeeld.nl');
  for (const path of ['/', '/account', '/admin/users', '/admin/teams', '/audit']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  // Forms parse with the shared zod schemas: submit one with errors.
  await page.goto('/account');
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  expect(violations).toEqual([]);
});

async function changePassword(page: Page, labels: Record<'current' | 'new' | 'repeat' | 'submit', string>) {
  await page.getByLabel(labels.current).fill(PASSWORD);
  await page.getByLabel(labels.new, { exact: true }).fill('password1234');
  await page.getByLabel(labels.repeat).fill('password1234');
  await page.getByRole('button', { name: labels.submit }).click();
}

test('a common password is refused on my account page, in Dutch and in English', async ({
  page,
  request,
}) => {
  const email = await createUser(request, 'agent');
  await login(page, email);
  await page.goto('/account');
  await changePassword(page, {
    current: 'Huidig wachtwoord',
    new: 'Nieuw wachtwoord',
    repeat: 'Herhaal nieuw wachtwoord',
    submit: 'Wachtwoord wijzigen',
  });
  await expect(page.locator('#account-new-password-error')).toContainText(
    'Dit wachtwoord wordt veel gebruikt',
  );
  await expectAccessible(page, 'account with a refused password');

  const english = await page.context().browser()!.newPage();
  await login(english, email, { lang: 'en' });
  await english.goto('/account');
  await changePassword(english, {
    current: 'Current password',
    new: 'New password',
    repeat: 'Repeat new password',
    submit: 'Change password',
  });
  await expect(english.locator('#account-new-password-error')).toContainText('This password is widely used');
  await english.close();
});

test('the API refuses a weak password too, and the form words its reason', async ({ page, request }) => {
  // Without the rule in the browser, the API's refusal (errors[].code) is what the form shows.
  await page.route(/password-rule-[^/]*\.js$/, (route) => route.abort());
  const email = await createUser(request, 'agent');
  await login(page, email);
  await page.goto('/account');
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/password'));
  await changePassword(page, {
    current: 'Huidig wachtwoord',
    new: 'Nieuw wachtwoord',
    repeat: 'Herhaal nieuw wachtwoord',
    submit: 'Wachtwoord wijzigen',
  });
  expect((await answer).status()).toBe(400);
  await expect(page.locator('#account-new-password-error')).toContainText(
    'Dit wachtwoord wordt veel gebruikt',
  );
  // The old password still works.
  expect((await request.post('/api/auth/login', { data: { email, password: PASSWORD } })).status()).toBe(200);
});

test('an administrator cannot give a new colleague a guessable password', async ({ page }) => {
  await login(page, 'admin@voorbeeld.nl');
  await page.goto('/admin/users');
  await page.getByRole('button', { name: 'Nieuwe gebruiker' }).click();
  await page.getByLabel('E-mailadres').fill(`zwak-${Date.now().toString(36)}@voorbeeld.nl`);
  await page.getByLabel('Naam').fill('Zwak Wachtwoord');
  await page.getByLabel('Startwachtwoord').fill('aaaaaaaaaaaa');
  await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
  await expect(page.locator('#user-create-password-error')).toHaveText(
    /Dit wachtwoord (is te makkelijk te raden|wordt veel gebruikt)/,
  );
  await expectAccessible(page, 'new user with a refused password');
});
