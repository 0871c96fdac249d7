/**
 * The improvement inbox (issue 15): an agent sends an idea from the screen she is on; a quality officer finds it
 * in the inbox, among the demo's signals (a long list, shown a page at a time), and turns its group into an
 * improvement proposal, which then links the group to the proposal. The inbox passes axe at both widths.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './support.ts';

test('an idea sent from any screen lands in the improvement inbox and becomes an improvement proposal', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const idea = `Zet de openingstijden van het stadhuis bovenaan de startpagina (${Date.now().toString(36)})`;
  await login(page, 'agent@voorbeeld.nl');
  await page.getByRole('button', { name: 'Idee of verbetering?' }).click();
  const dialog = page.getByRole('dialog', { name: 'Idee of verbetering' });
  await dialog.getByLabel('Uw idee').fill(idea);
  await dialog.getByRole('button', { name: 'Versturen' }).click();
  const thanks = page.getByRole('dialog', { name: 'Bedankt voor uw idee' });
  await expect(thanks.getByText('Uw idee staat in de verbeterbak.')).toBeVisible();
  await thanks.getByRole('button', { name: 'Sluiten' }).click();
  await expect(thanks).toHaveCount(0);

  await page.context().clearCookies();
  await login(page, 'quality@voorbeeld.nl');
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Verbeteren' })
    .click();
  await page
    .getByRole('navigation', { name: 'Verbeteren' })
    .getByRole('link', { name: 'Verbeterbak' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verbeterbak' })).toBeVisible();
  // The demo's history fills the inbox: the largest groups first, twenty at a time.
  const clusters = page.getByRole('list').filter({ has: page.getByRole('heading', { level: 3 }) });
  const groups = clusters.getByRole('heading', { level: 3 });
  await expect(page.getByText(/^20 van de \d+ groepen getoond\.$/)).toBeVisible();
  await expect(groups).toHaveCount(20);
  await page.getByRole('button', { name: /^Toon \d+ groepen meer$/ }).click();
  await expect(page.getByText(/^\d+ van de \d+ groepen getoond\.$/)).not.toHaveText(/^20 /);
  expect(await groups.count()).toBeGreaterThan(20);
  await expectAccessible(page, 'the improvement inbox');

  await page.getByLabel('Soort signaal').selectOption({ label: 'Idee van een collega' });
  const group = clusters
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3 }) })
    .filter({ hasText: idea });
  await expect(group).toHaveCount(1);
  await group.getByRole('button', { name: /^Bekijk signalen/ }).click();
  await expect(group.getByText('vanaf pagina /')).toBeVisible();
  await group.getByRole('button', { name: 'Maak een verbetervoorstel…' }).click();
  await expect(group.getByLabel('Probleem')).toHaveValue(new RegExp(idea.replace(/[()]/g, '\\$&')));
  await group.getByLabel('Titel').fill('Openingstijden bovenaan de startpagina');
  await group.getByLabel('Eigenaar').selectOption({ index: 1 });
  await expectAccessible(page, 'a group of signals with the proposal form');
  await group.getByRole('button', { name: 'Verbetervoorstel maken' }).click();
  await expect(
    page.getByText('Het verbetervoorstel is gemaakt. De signalen zijn eraan gekoppeld.'),
  ).toBeVisible();
  // The group has left the open ones; among the proposed ones it links to its proposal.
  await expect(group).toHaveCount(0);
  await page.getByLabel('Status').selectOption({ label: 'Voorstel gemaakt' });
  await expect(group.getByRole('link', { name: 'Naar het verbetervoorstel' })).toBeVisible();
  await group.getByRole('link', { name: 'Naar het verbetervoorstel' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Openingstijden bovenaan de startpagina' }),
  ).toBeVisible();
});
