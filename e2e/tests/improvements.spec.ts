/**
 * Improvements (issue 15): a manager opens the board, finishes a demo improvement that is in "act", sees its
 * effect measured over the weeks before and after "do", publishes it, and a resident finds it on the public
 * performance page. Each new page passes axe at the window's width and at 320 px.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './support.ts';

const TITLE = 'Duidelijker ontvangstbevestiging van een melding';
const SUMMARY = 'Na een melding leest u nu meteen wanneer u van ons hoort.';

test('an improvement moves to done, shows its measured effect and appears on the public page', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await login(page, 'manager@voorbeeld.nl');
  await page.goto('/excellence/improvements');
  await expect(page.getByRole('heading', { level: 1, name: 'Verbeteringen' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Snelle verbeteringen' })).toBeVisible();
  await expectAccessible(page, 'the improvements board');

  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await page.getByRole('button', { name: 'Rond af' }).click();
  await expect(page.getByText('Deze verbetering is afgerond.')).toBeVisible();
  const effect = page.locator('section', {
    has: page.getByRole('heading', { level: 2, name: 'Gemeten effect' }),
  });
  await expect(
    effect.getByText(/^Voor: .* tot en met .*\. Na: .* tot en met .*\. Gemeten bij het afronden/),
  ).toBeVisible();
  await expect(effect.getByRole('heading', { level: 3, name: 'Eerste keer goed' })).toBeVisible();
  await expect(effect.getByText(/^Eerste keer goed: eerst .* daarna/)).toBeVisible();

  await page.getByLabel('Wat vertellen we inwoners? (Nederlands)').fill(SUMMARY);
  await page.getByLabel("Laat zien op de pagina 'Hoe goed helpen wij u?'").check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Staat op de openbare pagina.')).toBeVisible();
  await expectAccessible(page, 'a finished improvement with its effect');

  await page.goto('/p/voorbeeld/prestaties');
  const improved = page.locator('section', {
    has: page.getByRole('heading', { level: 2, name: 'Wat we hebben verbeterd' }),
  });
  await expect(improved.getByText(SUMMARY)).toBeVisible();
  await expect(improved.getByText(TITLE)).toHaveCount(0);
  await expectAccessible(page, 'the public page with what we improved', { narrowScan: false });
});
