import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './support.ts';

/**
 * Monitoring inputs (issue 14): a manager imports queue figures — a bad file is refused naming every bad line,
 * then a good one shows in the figures — and reads cost to serve and mystery shopping; an imported figure's page
 * leads to the figures entered for its period. axe on each page, at 320 px.
 */
const HEADER =
  'date,interval_start,channel,queue,offered,answered,abandoned,answered_in_target,target_seconds,wait_seconds_total,handled_seconds_total';

test('a manager imports queue figures, sees every bad line of a refused file, then the figures, costs and mystery checks', async ({
  page,
}) => {
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const queue = `E2E-wachtrij ${Date.now().toString(36)}`;
  await login(page, 'manager@voorbeeld.nl');
  await page.goto('/monitoring/waiting');
  await expect(page.getByRole('heading', { level: 1, name: 'Wachttijden' })).toBeVisible();

  const upload = async (name: string, lines: string[]) => {
    await page.getByLabel('CSV-bestand').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from([HEADER, ...lines].join('\n')),
    });
    await page.getByRole('button', { name: 'Inlezen' }).click();
  };
  await upload('fout.csv', [
    `${yesterday},08:00,phone,${queue},10,9,2,5,30,100,900`,
    `${yesterday},08:07,phone,${queue},10,9,1,5,30,100,900`,
  ]);
  await expect(page.getByRole('heading', { name: 'Het bestand is niet ingelezen' })).toBeVisible();
  const errors = page.getByRole('table', { name: 'Foute regels' });
  await expect(errors.getByRole('row')).toHaveCount(3);
  await expect(errors.getByRole('row').nth(1)).toContainText('2');
  await expect(errors.getByRole('row').nth(1)).toContainText('Beantwoord plus opgehangen is meer');
  await expect(errors.getByRole('row').nth(2)).toContainText('Geen kwartier');
  await expectAccessible(page, 'waiting import refused');

  await upload('goed.csv', [
    `${yesterday},08:00,phone,${queue},10,9,1,8,30,180,1800`,
    `${yesterday},08:15,phone,${queue},12,12,0,12,30,120,2400`,
  ]);
  await expect(page.getByRole('status').filter({ hasText: '2 regels ingelezen' })).toBeVisible();
  await page.getByLabel('Per', { exact: true }).selectOption('queue');
  const row = page.getByRole('row', { name: new RegExp(queue) });
  await expect(row).toContainText('22');
  await expect(row).toContainText('90,9%');

  await page.getByRole('link', { name: 'Kosten per kanaal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kosten per kanaal' })).toBeVisible();
  await expect(page.getByLabel('Balie')).toHaveValue('12,50');
  await expectAccessible(page, 'cost to serve');

  await page.getByRole('link', { name: 'Mystery shopping' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mystery shopping' })).toBeVisible();
  await page.locator('#mystery-channel').selectOption('desk');
  for (const point of ['Op tijd geholpen', 'Juist antwoord', 'Vriendelijk', 'Goed opgevolgd'])
    await page.getByRole('combobox', { name: point, exact: true }).selectOption({ label: 'Gehaald' });
  await page.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Het testcontact is vastgelegd.' })).toBeVisible();
  await expect(page.getByRole('table', { name: /naast de gemeten cijfers/ })).toContainText('Balie');
  await expectAccessible(page, 'mystery shopping');

  // An imported figure's page leads to what was entered, for its period (last month, the dashboards' default).
  await page.goto('/monitoring/kpis/phone_answered_in_target');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Telefoon op tijd opgenomen');
  await page
    .getByRole('link', { name: 'Bekijk de ingevoerde cijfers achter Telefoon op tijd opgenomen' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wachttijden' })).toBeVisible();
  const today = new Date();
  const iso = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const from = iso(new Date(today.getFullYear(), today.getMonth() - 1, 1));
  const to = iso(new Date(today.getFullYear(), today.getMonth(), 0));
  await expect(page).toHaveURL(new RegExp(`/monitoring/waiting\\?from=${from}&to=${to}$`));
  await expect(page.locator('#waiting-from')).toHaveValue(from);
  await expect(page.locator('#waiting-to')).toHaveValue(to);
});
