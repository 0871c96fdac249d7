import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './support.ts';

/**
 * Strategy and integrity (issue 15): a manager sets an objective with a KPI target for the KCC; the periodic review
 * of the last complete month shows it missed; the KCC's team lead explains why. The integrity officer records a
 * matter; the admin may not open the register. axe on each new page, at 320 px too.
 */
test('a manager sets a target, the review shows it missed, the team lead explains; the integrity register is the officer’s alone', async ({
  page,
}) => {
  const title = `E2E-doel ${Date.now().toString(36)}`;
  const now = new Date();
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
  const year = lastMonth.getUTCFullYear();

  await login(page, 'manager@voorbeeld.nl');
  await page.goto('/excellence/strategy');
  await expect(page.getByRole('heading', { level: 1, name: 'Visie en doelen' })).toBeVisible();
  await expect(page.getByText('Herziening te laat')).toBeVisible();
  await page.getByLabel('Titel', { exact: true }).fill(title);
  await page.getByLabel('Team', { exact: true }).selectOption({ label: 'KCC' });
  await page.getByLabel('Begint op').fill(`${year}-01-01`);
  await page.getByLabel('Eindigt op').fill(`${year}-12-31`);
  await page.getByRole('button', { name: 'Doelstelling opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De doelstelling is opgeslagen.' })).toBeVisible();
  const card = page.getByRole('region', { name: title });
  await card.getByText('KPI-doel toevoegen').click();
  await card.getByLabel('KPI', { exact: true }).selectOption({ label: 'Eerste keer goed' });
  await card.getByLabel('Doel', { exact: true }).fill('100');
  await card.getByRole('button', { name: 'KPI-doel opslaan' }).click();
  await expect(card.getByRole('table', { name: `KPI-doelen van ${title}` })).toContainText('minstens 100%');
  await expectAccessible(page, 'strategy page');

  await page.getByRole('link', { name: /periodieke bespreking/ }).click();
  const review = page.getByRole('region', { name: title });
  await expect(review.getByRole('table')).toContainText('Niet gehaald');
  await expectAccessible(page, 'strategy review');

  await page.context().clearCookies();
  await login(page, 'teamlead@voorbeeld.nl');
  await page.goto('/excellence/strategy/review');
  const mine = page.getByRole('region', { name: title });
  await mine
    .getByLabel('Uitleg bij Eerste keer goed')
    .fill('Twee nieuwe collega’s werkten in deze maand in.');
  await mine.getByRole('button', { name: 'Uitleg opslaan' }).click();
  await expect(mine.getByText(/Uitgelegd door Tessa Teamleider/)).toBeVisible();

  await page.context().clearCookies();
  await login(page, 'integriteit@voorbeeld.nl');
  await page.goto('/excellence/integrity');
  await expect(page.getByRole('heading', { level: 1, name: 'Integriteitsregister' })).toBeVisible();
  await page.getByLabel('Soort').selectOption({ label: 'Belangenverstrengeling' });
  await page
    .getByLabel('Wat is er gebeurd?')
    .fill('E2E: medewerker beoordeelde een aanvraag van een buurman.');
  await page.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De vastlegging is opgeslagen.' })).toBeVisible();
  await expect(page.getByText('E2E: medewerker beoordeelde een aanvraag van een buurman.')).toBeVisible();
  await expectAccessible(page, 'integrity register');

  await page.context().clearCookies();
  await login(page, 'admin@voorbeeld.nl');
  await page.goto('/excellence/integrity');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
  await page.goto('/excellence');
  await expect(page.getByRole('heading', { level: 1, name: 'Verbeteren: overzicht' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Doelstellingen en hun KPI/ })).toContainText(title);
  // The latest closed self-assessment (the demo's, or the one assessments.spec.ts closed): a level per dimension.
  await expect(
    page.getByRole('table', { name: 'Afgesproken niveau per dimensie (1 tot en met 5)' }),
  ).toContainText(/[1-5],\d/);
  // Open improvements by the element they serve, named as the model names it (the demo has two under se-8).
  await expect(
    page
      .getByRole('table', { name: 'Open verbetervoorstellen per element' })
      .getByRole('rowheader', { name: 'Klantbeleving ontwerpen en vernieuwen (se-8)' }),
  ).toBeVisible();
  await expectAccessible(page, 'excellence overview');
});
