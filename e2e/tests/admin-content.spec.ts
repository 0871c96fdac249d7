/**
 * The administrator's content screens: the working-time calendar, the knowledge base editor, and import/export.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './support.ts';

test('admin adds a closing day to the working hours and it is kept', async ({ page }) => {
  await login(page, 'admin@voorbeeld.nl');
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Werktijden' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werktijden');
  await expect(page.getByRole('group', { name: 'Maandag', exact: true })).toBeVisible();
  // The page as the demo has it is scanned by the shell walk (shell.spec.ts); here after the change.

  // A date far ahead, unique per run, so a rerun against the same data still adds a new row.
  const year = 2030 + Math.floor(Math.random() * 60);
  const date = `${year}-03-17`;
  const reason = `E2E studiedag ${year}`;
  await page.getByRole('button', { name: 'Sluitingsdag toevoegen' }).click();
  const rows = page.getByRole('group', { name: /^Sluitingsdag \d+$/ });
  const row = rows.last();
  await expect(row.getByLabel('Datum')).toBeFocused();
  await row.getByLabel('Datum').fill(date);
  await row.getByLabel('Reden').fill(reason);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De werktijden zijn opgeslagen.' })).toBeVisible();
  await expectAccessible(page, '/admin/calendar after save');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werktijden');
  await expect(page.locator('input[type="date"]').last()).toBeVisible();
  const reasons = await page
    .getByLabel('Reden')
    .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
  expect(reasons).toContain(reason);
});

test('admin revises an article due for review: edits the answer, saves the draft, publishes', async ({
  page,
}) => {
  await login(page, 'admin@voorbeeld.nl');
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Kennisbank' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kennisbank');
  await page.getByLabel('Alleen te herzien').check();
  const table = page.getByRole('table', { name: 'Artikelen in de kennisbank' });
  const row = table.getByRole('row', { name: /Verklaring Sociale Hygiëne/ });
  await expect(row).toBeVisible();
  await expect(row.getByText('Te herzien')).toBeVisible();
  // Only articles due for review are listed.
  await expect(table.getByRole('row', { name: /Hoe vraag ik bijstand aan/ })).toHaveCount(0);
  await expectAccessible(page, '/admin/knowledge (due for review)');

  await row.getByRole('link', { name: 'Wat is een Verklaring Sociale Hygiëne?' }).click();
  await expect(page).toHaveURL('/admin/knowledge/kb-sociale-hygiene');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wat is een Verklaring Sociale Hygiëne?');
  await expectAccessible(page, '/admin/knowledge/kb-sociale-hygiene');

  const addition = `Bijgewerkt door de e2e-test ${Date.now().toString(36)}.`;
  const answer = page.getByLabel('Antwoord (Nederlands)');
  await answer.fill(`${await answer.inputValue()}\n\n${addition}`);
  const preview = page.getByRole('region', { name: 'Voorbeeld' });
  await expect(preview.getByText(addition)).toBeVisible();
  await page.getByLabel('Herzien op').fill('2030-01-01');
  await page.getByRole('button', { name: 'Concept opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Het concept is opgeslagen.' })).toBeVisible();

  await page.getByRole('button', { name: 'Publiceren', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Het artikel is gepubliceerd.' })).toBeVisible();
  await expect(page.getByText('Er is geen concept om te publiceren.')).toBeVisible();
  await expectAccessible(page, '/admin/knowledge/kb-sociale-hygiene after publishing');

  await page.reload();
  await expect(page.getByLabel('Antwoord (Nederlands)')).toHaveValue(
    new RegExp(addition.replace(/\./g, '\\.')),
  );
});

test('admin imports: a bad file shows the errors per row, a good one passes the check', async ({ page }) => {
  await login(page, 'admin@voorbeeld.nl');
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Importeren en exporteren' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Importeren en exporteren');
  // The empty page is scanned by the shell walk (shell.spec.ts); here with the errors and after the check.

  const article = (code: string, question: string) => ({
    code,
    question: { nl: question },
    answer: { nl: 'Een antwoord uit de e2e-test.' },
    audience: 'internal',
  });
  const suffix = Date.now().toString(36);
  const bad = {
    articles: [
      article(`e2e-goed-${suffix}`, 'Een goede vraag?'),
      { ...article(`e2e-fout-${suffix}`, ''), audience: 'iedereen' },
    ],
  };
  await page.getByLabel('Bestand', { exact: true }).setInputFiles({
    name: 'fout.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  await page.getByRole('button', { name: 'Controleren' }).click();
  const errors = page.getByRole('table', { name: 'Fouten per regel en veld' });
  await expect(errors).toBeVisible();
  await expect(errors.getByRole('columnheader')).toHaveText(['Regel', 'Veld', 'Melding']);
  await expect(errors.getByRole('row', { name: /articles\.1\.audience/ })).toBeVisible();
  await expect(errors.getByRole('row', { name: /articles\.0\./ })).toHaveCount(0);
  await expectAccessible(page, '/admin/transfer with errors');

  await page.getByLabel('Bestand', { exact: true }).setInputFiles({
    name: 'goed.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ articles: [article(`e2e-goed-${suffix}`, 'Een goede vraag?')] })),
  });
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Resultaat van de controle' })).toBeVisible();
  await expect(errors).toHaveCount(0);
  const articles = page.getByRole('table', { name: 'Artikelen' });
  const created = articles.getByRole('row', { name: /^nieuw/ });
  await expect(created.getByRole('cell').first()).toHaveText('1');
  await expect(created).toContainText(`e2e-goed-${suffix}`);
  await expectAccessible(page, '/admin/transfer after the check');
});
