/**
 * An Open311 GeoReport v2 client, as existing apps are: an administrator lets the app in (its key shown once),
 * the app posts a report form-encoded and reads it back in JSON and in XML, and staff see the same case in their
 * queue with channel "app" — the one intake, whichever door.
 */
import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { expectAccessible, login } from './support.ts';

test('an Open311 app posts a report and reads it back; staff see the same case', async ({
  page,
  playwright,
}) => {
  await login(page, 'admin@voorbeeld.nl', { lang: 'nl' });
  const csrf = ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const client = await page.request.post('/api/open311/clients', {
    headers: { 'x-csrf-token': csrf },
    data: { name: `Meldapp ${Date.now().toString(36)}`, contact: 'app-team@example.org' },
  });
  expect(client.status(), await client.text()).toBe(201);
  const { apiKey } = (await client.json()) as { apiKey: string };
  const place = (
    (await (await page.request.get('/api/addresses?postcode=1234AB&number=12')).json()) as {
      items: { lat: number; lon: number }[];
    }
  ).items[0]!;

  // The app: no session, no cookies — only its key.
  const app = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const posted = await app.post('/open311/v2/requests.json', {
    form: {
      api_key: apiKey,
      jurisdiction_id: 'voorbeeld',
      service_code: 'straatverlichting-kapot',
      lat: String(place.lat),
      long: String(place.lon),
      'attribute[probleem]': 'brandt_niet',
      description: 'De lamp voor nummer 12 brandt niet meer',
      email: 'app.melder@example.nl',
    },
  });
  expect(posted.status(), await posted.text()).toBe(200);
  const [created] = (await posted.json()) as { service_request_id: string }[];
  const id = created!.service_request_id;

  const json = (await (
    await app.get(`/open311/v2/requests/${id}.json?jurisdiction_id=voorbeeld`)
  ).json()) as Record<string, unknown>[];
  expect(json[0]).toMatchObject({
    service_request_id: id,
    status: 'open',
    service_code: 'straatverlichting-kapot',
  });
  const xml = new XMLParser({ parseTagValue: false }).parse(
    await (await app.get(`/open311/v2/requests/${id}.xml?jurisdiction_id=voorbeeld`)).text(),
  ) as { service_requests: { request: Record<string, unknown> } };
  expect(xml.service_requests.request).toMatchObject({
    service_request_id: id,
    status: 'open',
    expected_datetime: json[0]!.expected_datetime,
  });
  // A post without a key is refused in the spec's own error format.
  const refused = await app.post('/open311/v2/requests.json', {
    form: { jurisdiction_id: 'voorbeeld', service_code: 'straatverlichting-kapot' },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual([{ code: 403, description: expect.any(String) }]);
  await app.dispose();

  // Staff: the same case, from the app.
  await page.goto(`/queue?assignee=&team=&state=open`);
  const found = (
    (await (await page.request.get(`/api/cases?reference=${id}`)).json()) as { items: { id: string }[] }
  ).items[0]!;
  await page.goto(`/cases/${found.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(id);
  await expect(page.getByRole('main')).toContainText('De lamp voor nummer 12 brandt niet meer');
  await expectAccessible(page, 'a case reported by an Open311 app');
});
