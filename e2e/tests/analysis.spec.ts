/**
 * Monitoring, causes and equal treatment (issue 14): a manager opens "Wat bepaalt het cijfer", moves to "Waarom te
 * laat" and "Gelijke behandeling" through the monitoring section's navigation (the period travels along in the URL), and chooses
 * what to compare. axe scans each page, also 320 px wide.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './support.ts';

test('A manager reads the drivers of the grade, the breach reasons and equal treatment, with the period in the URL', async ({
  page,
}) => {
  await login(page, 'manager@voorbeeld.nl');
  await page.goto('/monitoring/drivers?from=2026-01-01&to=2026-06-30');
  await expect(page.getByRole('heading', { level: 1, name: 'Wat bepaalt het cijfer' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Doorlooptijd (werkdagen)' })).toBeVisible();
  await expect(page.getByLabel('Van', { exact: true })).toHaveValue('2026-01-01');
  await expectAccessible(page, 'the drivers page');

  const tabs = page.getByRole('navigation', { name: 'Onderdelen van monitoring' });
  await tabs.getByRole('link', { name: 'Waarom te laat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Waarom te laat' })).toBeVisible();
  await expect(page).toHaveURL(/\/monitoring\/breaches\?from=2026-01-01&to=2026-06-30$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Per maand' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Per maand' }).getByRole('row')).toHaveCount(7);
  await expectAccessible(page, 'the breach reasons page');

  await tabs.getByRole('link', { name: 'Gelijke behandeling' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gelijke behandeling' })).toBeVisible();
  await page.getByLabel('Uitkomst').selectOption({ label: 'Gemiddeld cijfer' });
  await page.getByLabel('Groepen').selectOption({ label: 'Taal' });
  await expect(page).toHaveURL(/measure=grade_mean&by=language/);
  await expect(page.getByText(/Holm-Bonferroni/)).toBeVisible();
  await expectAccessible(page, 'the equal-treatment page');
});
