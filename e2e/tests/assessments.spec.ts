import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { expectAccessible, login } from './support.ts';

/**
 * Self-assessment (issue 15): the quality officer starts an assessment with two raters (quality and manager); each
 * scores alone (most elements through the API, one through the form), differing on one element; the consensus
 * round shows it first and flagged; it is agreed and closed; the radar shows with its table; an improvement action
 * is made from the weakest element. axe on each page, at 320 px too.
 */
const CODES = [
  'ap-producten',
  'ap-diensten',
  'ap-kanalen',
  'ap-leiderschap',
  'ap-medewerkers',
  'ap-processen',
  'ap-besturing',
  'ap-prestaties',
  'ap-systemen',
  'ap-informatie',
];

async function csrf(request: APIRequestContext) {
  return ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
}

async function scoreAll(page: Page, id: string, levelOf: (code: string) => number, skip?: string) {
  const headers = { 'x-csrf-token': await csrf(page.request) };
  for (const code of CODES) {
    if (code === skip) continue;
    const res = await page.request.put(`/api/assessments/${id}/scores/${code}`, {
      headers,
      data: { level: levelOf(code) },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
}

test('an assessment with two raters: independent scores, consensus, profile and an action', async ({
  page,
  browser,
}) => {
  const title = `E2E zelfevaluatie ${Date.now().toString(36)}`;
  await login(page, 'quality@voorbeeld.nl');
  await page.goto('/excellence/assessments');
  await expect(page.getByRole('heading', { level: 1, name: 'Zelfevaluatie' })).toBeVisible();
  await page.getByLabel('Naam').fill(title);
  await page
    .getByLabel('Model')
    .selectOption({ label: 'Antwoord-profiel (één ingang voor de inwoner) (v1)' });
  await page.getByLabel('Kim Kwaliteit').check();
  await page.getByLabel('Maarten Manager').check();
  await expectAccessible(page, 'assessments list');
  await page.getByRole('button', { name: 'Start zelfevaluatie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const id = page.url().split('/').at(-1)!;

  // Quality: nine elements through the API, "Producten" through the form, then submits.
  await scoreAll(page, id, () => 3, 'ap-producten');
  await page.reload();
  const producten = page.getByRole('form', { name: 'Producten' });
  await producten.getByLabel('Niveau').selectOption('4');
  await producten.getByLabel('Onderbouwing').fill('Alle producten staan in de catalogus.');
  await producten.getByRole('button', { name: 'Score opslaan' }).click();
  await expect(producten.getByRole('status')).toHaveText('Opgeslagen.');
  await expectAccessible(page, 'assessment scoring');
  await page.getByRole('button', { name: 'Scores inleveren' }).click();
  await expect(page.getByText('Je scores zijn ingeleverd.')).toBeVisible();

  // Manager: scores alone (sees none of quality's) and differs by 3 levels on "Producten".
  const other = await browser.newPage();
  await login(other, 'manager@voorbeeld.nl');
  await other.goto(`/excellence/assessments/${id}`);
  await expect(other.getByRole('heading', { name: 'Jouw scores' })).toBeVisible();
  await expect(other.getByText('Alle producten staan in de catalogus.')).toHaveCount(0);
  await scoreAll(other, id, (code) => (code === 'ap-producten' ? 1 : 3));
  const submitted = await other.request.post(`/api/assessments/${id}/submit`, {
    headers: { 'x-csrf-token': await csrf(other.request) },
    data: {},
  });
  expect(submitted.status()).toBe(204);
  await other.close();

  // Consensus: the flagged element first; agree on it through the form, the rest through the API.
  await page.reload();
  await page.getByRole('button', { name: 'Start consensusronde' }).click();
  await expect(page.getByRole('heading', { name: 'Consensusronde' })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 3 }).filter({ hasText: 'Groot verschil' }).first(),
  ).toContainText('Producten');
  const agree = page.getByRole('form', { name: /Producten/ });
  await agree.getByLabel('Afgesproken niveau').selectOption('2');
  await agree
    .getByLabel('Toelichting')
    .fill('Catalogus compleet, maar de eerste lijn levert nog weinig zelf.');
  await agree.getByRole('button', { name: 'Niveau vastleggen' }).click();
  await expect(page.getByText('Afgesproken niveau: 2.')).toBeVisible();
  const headers = { 'x-csrf-token': await csrf(page.request) };
  for (const code of CODES.slice(1)) {
    const res = await page.request.put(`/api/assessments/${id}/consensus/${code}`, {
      headers,
      data: { level: 3, note: '', version: 0 },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
  await page.reload();
  await expectAccessible(page, 'assessment consensus');
  await page.getByRole('button', { name: 'Zelfevaluatie afsluiten' }).click();
  // The owner is chosen at once; the page then shows the closed assessment, the choice kept.
  await page.getByLabel('Eigenaar').selectOption({ label: 'Maarten Manager' });
  await expect(page.getByText(/Fase: Afgesloten\./)).toBeVisible();

  // The profile: radar with its table; an action from the weakest element (chosen already).
  await expect(page.getByRole('table', { name: 'Profiel per element als tabel' })).toContainText('Producten');
  await expect(page.locator('.vd-assessment-radar svg').first()).toBeVisible();
  await expect(page.getByLabel('Element', { exact: true })).toHaveValue('ap-producten');
  await expect(page.getByLabel('Eigenaar')).toHaveValue(/.+/);
  const make = page.getByRole('button', { name: 'Maak verbeteractie' });
  await expect(make).toBeEnabled();
  await make.click();
  await expect(page.getByRole('link', { name: 'Verbeteractie voor Producten' })).toBeVisible();
  await expectAccessible(page, 'assessment results');
});
