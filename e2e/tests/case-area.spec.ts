/**
 * A case's district is where the reported location lies, and says "Onbekend" when the location names no postcode
 * — never the reporter's home district. The queue filters on it; the case page shows it.
 */
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, login } from './support.ts';

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

test('a report without a postcode has an unknown district: the queue finds it under "Onbekend" and the case page says so', async ({
  page,
}) => {
  await login(page, 'admin@voorbeeld.nl', { lang: 'nl' });
  const csrf = ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const headers = { 'x-csrf-token': csrf };
  // Jan de Vries lives in Centrum (1234 AB); he reports a lamp elsewhere, once with and once without a postcode.
  const jan = (
    (await (await page.request.get('/api/customers?q=Jan%20de%20Vries')).json()) as {
      items: { id: string }[];
    }
  ).items[0]!;
  const report = async (description: string) => {
    const res = await page.request.post('/api/cases', {
      headers,
      data: {
        itemCode: 'straatverlichting-kapot',
        description: 'Lamp brandt niet',
        answers: { probleem: 'brandt_niet' },
        location: { description },
        customerId: jan.id,
        channel: 'phone',
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { id: string; reference: string; area: string | null };
  };
  const vague = await report(`Parklaan, bij de speeltuin (${Date.now().toString(36)})`);
  expect(vague.area).toBeNull();
  const west = await report('Havenkade 38, 1251 GH');
  expect(west.area).toBe('West');

  await page.goto('/queue?assignee=&team=&state=open');
  await expect(h1(page)).toHaveText('Werkvoorraad');
  await page
    .getByLabel('Wijk', { exact: true })
    .selectOption({ label: 'Onbekend: geen plek met een postcode in een wijk' });
  await expect(page).toHaveURL(/area=(~|%7E)unknown/);
  const row = page.getByRole('row').filter({ hasText: vague.reference });
  await expect(row).toContainText('Onbekend');
  await expect(page.getByRole('row').filter({ hasText: west.reference })).toHaveCount(0);
  await expectAccessible(page, 'queue filtered on an unknown district');

  await row.getByRole('link', { name: vague.reference }).click();
  await expect(h1(page)).toContainText(vague.reference);
  await expect(page.getByRole('main')).toContainText(/Wijk\s*Onbekend/);
  await expectAccessible(page, 'case page with an unknown district');
});
