/**
 * Monitoring (issue 14), the journey against the real API on the demo's 90 days of history: a manager finds the team
 * with the worst norm compliance last month and drills down to its late cases and their breach reasons; the chart's
 * table view and CSV download carry the same figures as the API; a team lead sees an agent's first-contact
 * resolution below target; an agent sees only their own figures and is refused another agent's (403). axe at the
 * window's width and at 320 px on each new kind of page (the analysis and inputs pages are scanned by their specs).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, login, PASSWORD } from './support.ts';

interface Row {
  key: string | null;
  label: string;
  value: number | null;
  n: number;
}

/** Last month, as the dashboards choose it by default. */
function lastMonth() {
  const today = new Date();
  const first = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  const last = new Date(today.getFullYear(), today.getMonth(), 0);
  const iso = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { at: iso(first).slice(0, 7), from: iso(first), to: iso(last) };
}

/** Signs in over the API (the login form is walked once, by the manager). */
async function signIn(page: Page, email: string) {
  await page.context().clearCookies();
  const answer = await page.request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  expect(answer.status()).toBe(200);
  return (await (await page.request.get('/api/auth/me')).json()) as { id: string };
}

test('a manager drills from the latest team to its late cases; a team lead and an agent see their own figures', async ({
  page,
}) => {
  const month = lastMonth();
  const period = `from=${month.from}&to=${month.to}`;
  await login(page, 'manager@voorbeeld.nl');
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Monitoring' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Monitoring');
  // Every page of the section this reader may open, in the section's own navigation.
  const section = page.getByRole('navigation', { name: 'Onderdelen van monitoring' });
  await expect(section.getByRole('link')).toHaveText([
    'Overzicht',
    'Teams',
    'Wijken',
    'Wat bepaalt het cijfer',
    'Waarom te laat',
    'Gelijke behandeling',
    'Wachttijden',
    'Kosten per kanaal',
    'Mystery shopping',
    'Wat we meten',
    'Instellingen',
  ]);
  // Last month by default; met or missed said in words, not colour alone.
  await expect(page.getByLabel('Maand', { exact: true })).toHaveValue(month.at);
  const tile = page.locator('.vd-kpi-tile').filter({ hasText: 'Binnen de servicenorm' });
  await expect(tile).toContainText(/Doel (niet )?gehaald/);

  // The API's own answer: the team furthest below the norm last month (the demo's KCC: few cases, half of them late).
  const breakdown = (await (
    await page.request.get(`/api/metrics/breakdown?${period}&kpi=norm_compliance&by=team`)
  ).json()) as { rows: Row[] };
  const teams = breakdown.rows.filter((r) => r.value !== null && r.key);
  const worst = teams.reduce((a, b) => ((b.value as number) < (a.value as number) ? b : a));

  // The teams by norm compliance, worst first: the chart speaks, its table shows the API's rows.
  const byTeam = page.locator('figure').filter({ hasText: 'Binnen de servicenorm per team' });
  await expect(byTeam.locator('.vd-chart__canvas[role=img]')).toHaveAttribute(
    'aria-label',
    /^Staafgrafiek: Binnen de servicenorm per team\./,
  );
  await expect(byTeam.locator('svg')).toBeVisible();
  await byTeam.getByRole('button', { name: 'Tabel' }).click();
  await expect(byTeam.getByRole('button', { name: 'Tabel' })).toHaveAttribute('aria-pressed', 'true');
  const rows = byTeam.locator('tbody tr');
  await expect(rows).toHaveCount(breakdown.rows.length);
  await expect(rows.first().locator('th')).toHaveText(worst.label);

  // The CSV holds the same figures as plain numbers.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    byTeam.getByRole('button', { name: /^CSV downloaden/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('binnen-de-servicenorm-per-team.csv');
  const csv = (await readFile((await download.path()) as string, 'utf8'))
    .replace(/^\uFEFF/, '')
    .split('\r\n');
  expect(csv[0]).toBe('Team,Deze periode (%),Doel (%)');
  const [key, value, target] = (csv[1] ?? '').split(',');
  expect(key).toBe(worst.key);
  expect(Number(value)).toBeCloseTo(worst.value as number, 1);
  expect(Number(target)).toBeGreaterThan(Number(value));
  await expectAccessible(page, 'monitoring overview (manager)');
  // On paper: no navigation, filters or buttons; the tiles and the charts (SVG, with their titles) stay, and it prints
  // to an A4 PDF (saved in .tmp/ to look at).
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.vd-nav')).toBeHidden();
  await expect(page.locator('.vd-section-nav')).toBeHidden();
  await expect(page.locator('.vd-kpi-tile').first()).toBeVisible();
  await expect(page.locator('.vd-chart svg').first()).toBeVisible();
  const pdf = await page.pdf({
    path: join(import.meta.dirname, '..', '..', '.tmp', 'monitoring-overview.pdf'),
    format: 'A4',
    printBackground: true,
  });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(2);
  await page.emulateMedia({ media: 'screen' });

  // Back to the chart, then down to the worst team's late cases and why they were late.
  await byTeam.getByRole('button', { name: 'Tabel' }).click();
  await expect(byTeam.locator('svg')).toBeVisible();
  await byTeam.getByRole('button', { name: 'Tabel' }).click();
  await rows.first().getByRole('link', { name: worst.label }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wat achter Binnen de servicenorm zit');
  await expect(page).toHaveURL(new RegExp(`teamId=${worst.key}`));
  const drill = (await (
    await page.request.get(`/api/metrics/drill?${period}&kpi=norm_compliance&teamId=${worst.key}&limit=50`)
  ).json()) as { kind: string; items: { id: string; reference?: string; breachReason?: string | null }[] };
  expect(drill.kind).toBe('cases');
  const late = drill.items.find((item) => item.breachReason);
  expect(late, 'a late case with its breach reason').toBeDefined();
  const row = page.getByRole('row').filter({ hasText: late?.reference as string });
  await expect(row).toContainText(late?.breachReason as string);
  await expect(row.getByRole('link')).toHaveAttribute('href', `/cases/${late?.id}`);
  await expectAccessible(page, 'monitoring drill-down (manager)');
  // The whole list as CSV, as the link downloads it: the same late cases, with their reasons.
  const csvLink = page.getByRole('link', { name: 'Alles downloaden als CSV' });
  const list = await page.request.get((await csvLink.getAttribute('href')) as string);
  expect(list.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const csvRows = (await list.text()).trimEnd().split('\r\n');
  expect(csvRows).toHaveLength(drill.items.length + 1);
  expect(csvRows.find((line) => line.startsWith(late?.id as string))).toContain(late?.breachReason as string);

  // A team lead: her agents' first-contact resolution, furthest below the 80% target on top (the demo's Anouk).
  const lead = await signIn(page, 'teamlead@voorbeeld.nl');
  await page.goto('/monitoring/teams');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Teams en medewerkers');
  await expect(
    page.getByRole('navigation', { name: 'Onderdelen van monitoring' }).getByRole('link'),
  ).toHaveText([
    'Teams',
    'Mijn cijfers',
    'Wat bepaalt het cijfer',
    'Waarom te laat',
    'Gelijke behandeling',
    'Wachttijden',
    'Kosten per kanaal',
    'Mystery shopping',
    'Wat we meten',
  ]);
  const byAgent = page.locator('figure').filter({ hasText: 'Eerste keer goed per medewerker' });
  await byAgent.getByRole('button', { name: 'Tabel' }).click();
  const anouk = byAgent.locator('tbody tr').first();
  await expect(anouk.locator('th')).toHaveText('Anouk Agent');
  const fcr = Number(
    ((await anouk.locator('td').first().textContent()) ?? '').replace(/[^\d,]/g, '').replace(',', '.'),
  );
  expect(fcr).toBeGreaterThan(0);
  expect(fcr).toBeLessThan(80);
  await expectAccessible(page, 'teams and agents (team lead)', { narrowScan: false });

  // An agent: their own figures only, no team or colleague to choose; another agent's figures are refused.
  const me = await signIn(page, 'agent@voorbeeld.nl');
  const asked: URL[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (/^\/api\/metrics\/(overview|series|breakdown|drill|top)$/.test(url.pathname)) asked.push(url);
  });
  await page.goto('/monitoring');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn cijfers');
  await expect(page.locator('.vd-kpi-tile').filter({ hasText: 'Eerste keer goed' })).toBeVisible();
  await expect(page.getByLabel('Team')).toHaveCount(0);
  await expect(
    page.getByRole('navigation', { name: 'Onderdelen van monitoring' }).getByRole('link'),
  ).toHaveText(['Mijn cijfers', 'Wat we meten']);
  await expect(page.locator('figure svg').first()).toBeVisible();
  expect(asked.length).toBeGreaterThan(0);
  for (const url of asked) expect(url.searchParams.get('agentId'), url.pathname).toBe(me.id);
  const refused = await page.request.get(`/api/metrics/overview?${period}&agentId=${lead.id}&codes=fcr`);
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { code: string }).code).toBe('forbidden');
  // The same tiles and chart as the overview (scanned at 320 px above): reflow measured, scanned at full width.
  await expectAccessible(page, 'my figures (agent)', { narrowScan: false });
});

test('a manager splits a figure by subject, and follows a subject, the digital share, a trend point and a district to what is behind them', async ({
  page,
}) => {
  const month = lastMonth();
  const period = `from=${month.from}&to=${month.to}`;
  await signIn(page, 'manager@voorbeeld.nl');
  const drillCount = async (query: string) => {
    const found = (await (await page.request.get(`/api/metrics/drill?${query}&limit=50`)).json()) as {
      items: unknown[];
    };
    return found.items.length;
  };

  // A target set, then changed again at once (each change carries the version it read).
  await page.goto('/monitoring/settings');
  const repeat = page.getByLabel('Doel voor Herhaalcontact (percentage)');
  const row = page.getByRole('row').filter({ has: repeat });
  for (const value of ['10', '12,5']) {
    await repeat.fill(value);
    await row.getByRole('button', { name: 'Opslaan Herhaalcontact' }).click();
    await expect(row.getByRole('status')).toHaveText('Opgeslagen');
  }
  await expect(row.getByRole('alert')).toHaveCount(0);
  const saved = (await (await page.request.get('/api/metrics/kpis/repeat_contacts')).json()) as {
    target: number;
    targetVersion: number;
  };
  expect(saved).toMatchObject({ target: 12.5, targetVersion: 2 });

  // First-contact resolution's page says what is behind it, and splits it by subject: worst first, as the API has it.
  await page.goto('/monitoring/kpis/fcr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Eerste keer goed');
  await expect(page.locator('dl')).toContainText('De contacten die niet meteen zijn beantwoord');
  await expect(page.locator('figure').filter({ hasText: 'Eerste keer goed per kanaal' })).toBeVisible();
  await expectAccessible(page, 'a KPI and its split (manager)');
  await page.getByLabel('Uitsplitsen naar').selectOption({ label: 'Onderwerp' });
  await expect(page).toHaveURL(/by=item/);
  const perItem = (await (
    await page.request.get(`/api/metrics/breakdown?${period}&kpi=fcr&by=item`)
  ).json()) as { rows: Row[] };
  const measured = perItem.rows.filter((r) => r.value !== null && r.key);
  expect(measured.length, 'subjects with first-contact resolution last month').toBeGreaterThan(1);
  const worst = measured.reduce((a, b) => ((b.value as number) < (a.value as number) ? b : a));
  const byItem = page.locator('figure').filter({ hasText: 'Eerste keer goed per onderwerp' });
  await expect(byItem.locator('svg, table').first()).toBeVisible();
  if (await byItem.locator('svg').isVisible()) await byItem.getByRole('button', { name: 'Tabel' }).click();
  await expect(byItem.locator('tbody tr')).toHaveCount(perItem.rows.length);
  await expect(byItem.locator('tbody tr').first().locator('th')).toHaveText(worst.label);

  // The subject's row leads to its contacts that were not answered at once, the subject shown as a filter.
  await byItem.locator('tbody tr').first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wat achter Eerste keer goed zit');
  await expect(page).toHaveURL(new RegExp(`itemId=${worst.key}`));
  await expect(page.locator('.vd-monitoring-active')).toContainText(`Onderwerp: ${worst.label}`);
  await expect(page.getByText(/^De contacten die niet meteen zijn beantwoord/)).toBeVisible();
  const forItem = await drillCount(`${period}&kpi=fcr&itemId=${worst.key}`);
  expect(forItem).toBeGreaterThan(0);
  await expect(page.locator('table caption')).toHaveText(`Contacten (${forItem} getoond)`);

  // The digital share has no list of its own (it counts contacts and new cases together): its page leads to both.
  await page.goto('/monitoring/kpis/digital_share');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Digitaal aandeel');
  await expect(page.getByRole('link', { name: 'Bekijk wat achter Aantal contacten zit' })).toHaveAttribute(
    'href',
    /kpi=contacts/,
  );
  await page.getByRole('link', { name: 'Bekijk wat achter Nieuwe zaken zit' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wat achter Nieuwe zaken zit');

  // A point of the trend (a day of last month) leads to that day's contacts.
  await page.goto('/monitoring');
  const trend = page.locator('figure').filter({ hasText: 'Eerste keer goed door de tijd' });
  await trend.getByRole('button', { name: 'Tabel' }).click();
  const point = trend.locator('tbody tr th a').last();
  await point.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wat achter Eerste keer goed zit');
  const url = new URL(page.url());
  expect(url.searchParams.get('period')).toBe('custom');
  const day = url.searchParams.get('from') as string;
  expect(url.searchParams.get('to')).toBe(day);
  expect(day >= month.from && day <= month.to, day).toBe(true);
  const onDay = await drillCount(`from=${day}&to=${day}&kpi=fcr`);
  await expect(
    page
      .locator('table caption, p')
      .filter({ hasText: /getoond|niets/ })
      .first(),
  ).toHaveText(onDay ? `Contacten (${onDay} getoond)` : 'Er is hier niets dat bij dit getal hoort.');

  // The districts: a table always (no map without tiles); a district's norm compliance leads to its late cases.
  await page.goto('/monitoring/areas');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wijken');
  const perArea = (await (
    await page.request.get(`/api/metrics/breakdown?${period}&kpi=norm_compliance&by=area`)
  ).json()) as { rows: Row[] };
  const district = perArea.rows.find((r) => r.key && r.value !== null && (r.value as number) < 100);
  expect(district, 'a district with late cases last month').toBeDefined();
  const table = page.getByRole('table', { name: 'Cijfers per wijk' });
  const line = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: district?.label }) });
  await expect(page.locator('#districts-map')).toHaveCount(0);
  await expectAccessible(page, 'districts (manager)');
  await line.locator('td').nth(1).getByRole('link').click(); // the second figure: norm compliance
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wat achter Binnen de servicenorm zit');
  await expect(page.locator('.vd-monitoring-active')).toContainText(`Wijk: ${district?.label}`);
  const late = await drillCount(
    `${period}&kpi=norm_compliance&area=${encodeURIComponent(district?.key as string)}`,
  );
  expect(late).toBeGreaterThan(0);
  await expect(page.locator('table caption')).toHaveText(`Zaken (${late} getoond)`);
});
