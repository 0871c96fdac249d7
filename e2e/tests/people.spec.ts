import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './support.ts';

/**
 * People (issue 15): an agent answers the open team pulse once, anonymously, and sees the compliments residents
 * gave her; a team lead opens her team's page (compliments, figures, the pulse result of a big enough group).
 * axe on each page, at 320 px too.
 */
test('an agent answers the pulse and reads her compliments; a team lead reads the team page', async ({
  page,
}) => {
  await login(page, 'agent@voorbeeld.nl');
  await page.goto('/excellence/pulse');
  await expect(page.getByRole('heading', { level: 1, name: 'Teampeiling' })).toBeVisible();
  const form = page.locator('form[aria-labelledby="pulse-current"]');
  // Sending without answers names every statement in the error summary.
  await form.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('link', { name: 'Ik weet wat inwoners van ons verwachten.' })).toBeVisible();
  await expectAccessible(page, 'pulse form with errors');
  const statements = form.locator('fieldset');
  const count = await statements.count();
  for (let i = 0; i < count; i++)
    await statements
      .nth(i)
      .getByLabel(i % 2 ? 'Eens' : 'Helemaal eens', { exact: true })
      .check();
  await form.getByLabel(/Wat zou jouw werk/).fill('Meer tijd voor lastige vragen.');
  await form.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Je antwoord is binnen' })).toBeVisible();
  await page.reload();
  await expect(page.getByText('Je kunt één keer per ronde antwoorden.')).toBeVisible();

  await page.getByRole('link', { name: "Naar de teampagina's" }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn team' })).toBeVisible();
  const mine = page.getByRole('region', { name: 'Complimenten voor jou' });
  await expect(mine.getByText('Eindelijk iemand die gewoon uitlegt hoe het zit. Top!')).toBeVisible();
  await expectAccessible(page, 'own compliments and team pages');

  await page.context().clearCookies();
  await login(page, 'teamlead@voorbeeld.nl');
  await page.goto('/excellence/team');
  await page.getByRole('link', { name: 'KCC', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'KCC' })).toBeVisible();
  await expect(page.getByText(/Cijfer \d+ op .*, voor Anouk Agent/).first()).toBeVisible();
  await expect(page.getByRole('table', { name: /Cijfers van/ }).getByRole('row')).toHaveCount(7);
  const pulse = page.getByRole('table', { name: /Gemiddelde \(1 tot 5\)/ });
  await expect(pulse.getByRole('columnheader', { name: /KCC/ })).toContainText('7 antwoorden');
  await expectAccessible(page, 'team page');
});
