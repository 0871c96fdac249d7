/**
 * Public accountability (issue 14, items 6 and 7): the performance page opens without login and passes axe at
 * the window's width and at 320 px; the periodic report sends a visitor to the login and back, passes axe, and
 * prints to an A4 PDF (saved in .tmp/ to look at).
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible, PASSWORD } from './support.ts';

test('anyone reads the performance page; a manager signs in to the periodic report and prints it to PDF', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto('/p/voorbeeld/prestaties');
  await expect(page.getByRole('heading', { level: 1, name: 'Hoe goed helpen wij u?' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Doen wij wat we beloven?' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Cijfers .* \(CSV\)/ }).first()).toBeVisible();
  await expectAccessible(page, 'the public performance page');

  // The report of the last month that has ended: the login first, then straight back to it.
  const now = new Date();
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const period = `${last.getUTCFullYear()}-${String(last.getUTCMonth() + 1).padStart(2, '0')}`;
  await page.goto(`/rapportage/${period}`);
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel('E-mailadres').fill('manager@voorbeeld.nl');
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(new RegExp(`/rapportage/${period}$`));
  await expect(page.getByRole('heading', { level: 1, name: /^Rapportage dienstverlening/ })).toBeVisible();
  // Real figures from the demo's history (its rollups), not an empty report: last month's first-contact resolution.
  const keyFigures = page.getByRole('table', { name: /^Kerncijfers/ });
  await expect(keyFigures.getByRole('row').filter({ hasText: 'Eerste keer goed (%)' })).toContainText(
    /\d{2},\d/,
  );
  // The report is read on a desk and on paper: scanned at the window's width, its reflow measured at 320 px.
  await expectAccessible(page, 'the periodic report', { narrowScan: false });

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.utrecht-page-header')).toBeHidden();
  const pdf = await page.pdf({
    path: join(import.meta.dirname, '..', '..', '.tmp', 'rapportage.pdf'),
    format: 'A4',
    preferCSSPageSize: true,
    printBackground: true,
  });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // One section per page: the cover with the key figures, trends, norms, reasons and complaints, channels.
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(5);
});
