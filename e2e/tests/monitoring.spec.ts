/**
 * Monitoring dashboards (issue 14, item 3), one journey: a manager finds the team with the worst norm compliance
 * last month and drills down to its late cases and their breach reasons; the chart's table view and CSV download
 * carry the same figures; an agent sees only their own figures. axe at the window's width and at 320 px on each
 * new kind of page. The API is served from `monitoring-fixture.ts` until the kpis part's API is merged.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { LATE_CASE, serveMonitoringFixture, TEAMS } from './monitoring-fixture.ts';
import { expectAccessible, login, PASSWORD } from './support.ts';

test('a manager drills from the worst team to its late cases; an agent sees only their own figures', async ({
  page,
}) => {
  const asked = await serveMonitoringFixture(page);
  await login(page, 'manager@voorbeeld.nl');
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Monitoring' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Monitoring');
  // Last month by default; met or missed said in words, not colour alone.
  const lastMonth = new Date(new Date().getFullYear(), new Date().getMonth() - 1, 15);
  await expect(page.getByLabel('Maand', { exact: true })).toHaveValue(
    `${lastMonth.getFullYear()}-${String(lastMonth.getMonth() + 1).padStart(2, '0')}`,
  );
  const tile = page.locator('.vd-kpi-tile').filter({ hasText: 'Op tijd volgens de norm' });
  await expect(tile).toContainText(/Doel (niet )?gehaald/);

  // The teams by norm compliance, worst first: the chart speaks, its table shows the same rows.
  const byTeam = page.locator('figure').filter({ hasText: 'Op tijd volgens de norm per team' });
  await expect(byTeam.locator('.vd-chart__canvas[role=img]')).toHaveAttribute(
    'aria-label',
    /^Staafgrafiek: Op tijd volgens de norm per team\./,
  );
  await expect(byTeam.locator('svg')).toBeVisible();
  await byTeam.getByRole('button', { name: 'Tabel' }).click();
  await expect(byTeam.getByRole('button', { name: 'Tabel' })).toHaveAttribute('aria-pressed', 'true');
  const rows = byTeam.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.first().locator('th')).toHaveText('Team Zuid');
  await expect(rows.first().locator('td').first()).toHaveText('61%');

  // The CSV holds the same figures as plain numbers.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    byTeam.getByRole('button', { name: /^CSV downloaden/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('op-tijd-volgens-de-norm-per-team.csv');
  const csv = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '');
  expect(csv.split('\r\n').slice(0, 2)).toEqual(['Team,Deze periode (%),Doel (%)', `${TEAMS[1]?.id},61,90`]);
  await expectAccessible(page, 'monitoring overview (manager)');

  // Back to the chart, then down to the worst team's late cases.
  await byTeam.getByRole('button', { name: 'Tabel' }).click();
  await expect(byTeam.locator('svg')).toBeVisible();
  await byTeam.getByRole('button', { name: 'Tabel' }).click();
  await rows.first().getByRole('link', { name: 'Team Zuid' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wat achter Op tijd volgens de norm zit');
  await expect(page).toHaveURL(new RegExp(`teamId=${TEAMS[1]?.id}`));
  const late = page.getByRole('row').filter({ hasText: LATE_CASE.reference });
  await expect(late).toContainText(LATE_CASE.breachReason);
  await expect(late.getByRole('link')).toHaveAttribute('href', `/cases/${LATE_CASE.id}`);
  const drill = asked.find((a) => a.path === '/api/metrics/drill');
  expect(drill?.params).toMatchObject({ kpi: 'norm_compliance', teamId: TEAMS[1]?.id });
  await expectAccessible(page, 'monitoring drill-down (manager)');

  // An agent: their own figures only, no team or colleague to choose.
  // (Signed in over the API: the login form was walked above.)
  await page.context().clearCookies();
  const signIn = await page.request.post('/api/auth/login', {
    data: { email: 'agent@voorbeeld.nl', password: PASSWORD },
  });
  expect(signIn.status()).toBe(200);
  const me = (await (await page.request.get('/api/auth/me')).json()) as { id: string };
  asked.length = 0;
  await page.goto('/monitoring');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn cijfers');
  await expect(page.locator('.vd-kpi-tile').filter({ hasText: 'Eerste keer goed' })).toBeVisible();
  await expect(page.getByLabel('Team')).toHaveCount(0);
  await expect(
    page.getByRole('navigation', { name: 'Onderdelen van monitoring' }).getByRole('link'),
  ).toHaveText(['Mijn cijfers', 'Wat we meten']);
  const figures = asked.filter((a) => a.path !== '/api/metrics/kpis');
  expect(figures.length).toBeGreaterThan(0);
  for (const request of figures) expect(request.params.agentId, request.path).toBe(me.id);
  await expect(page.locator('figure svg')).toBeVisible();
  // The same tiles and chart as the overview (scanned at 320 px above): reflow measured, scanned at full width.
  await expectAccessible(page, 'my figures (agent)', { narrowScan: false });
});
