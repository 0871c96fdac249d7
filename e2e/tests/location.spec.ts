/**
 * Places and "already reported nearby?" (issue 13, items 3 and 4), once through: a report at a register address,
 * a second resident 20 m away is offered it and follows it (the confirmation email carries the link to stop, and
 * the stop page works without JavaScript); staff see the place on the case page — as text without a tile server,
 * and on the map with one (a tile served by this test: nothing loads from the internet) — and in the queue's list
 * of open reports with a place.
 */
import { expect, type Page, test } from '@playwright/test';
import { waitForMail } from './mailbox.ts';
import { expectAccessible, login } from './support.ts';

const SLUG = 'voorbeeld';
/** A 1×1 grey PNG: every tile the map asks for. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mN4+P/DfwAJMAPw5bD2MAAAAABJRU5ErkJggg==',
  'base64',
);

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

test('a second resident 20 m away is offered the open report, follows it and can stop; staff see the place', async ({
  page,
}) => {
  await login(page, 'admin@voorbeeld.nl', { lang: 'nl' });
  const csrf = ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token;

  // The first report, at an address of the register (its place comes from the register).
  const found = (await (
    await page.request.get(`/api/portal/${SLUG}/addresses?street=Kievitlaan`)
  ).json()) as {
    items: {
      street: string;
      number: number;
      addition: string;
      postcode: string;
      place: string;
      lat: number;
      lon: number;
    }[];
  };
  const home = found.items.find((a) => !a.addition)!;
  expect(home, 'a Kievitlaan address without an addition').toBeTruthy();
  const created = await page.request.post('/api/cases', {
    headers: { 'x-csrf-token': csrf },
    data: {
      itemCode: 'straatverlichting-kapot',
      description: 'Lamp brandt niet',
      answers: { probleem: 'brandt_niet' },
      location: {
        address: { street: home.street, houseNumber: home.number, postcode: home.postcode, city: home.place },
      },
      channel: 'web',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const lamp = (await created.json()) as { id: string; reference: string; area: string | null };

  // A second resident, 20 m north: the report is offered, and they follow it instead of reporting again.
  const near = { lat: home.lat + 20 / 111_320, lon: home.lon };
  const offered = (await (
    await page.request.get(
      `/api/portal/${SLUG}/nearby?item=straatverlichting-kapot&lat=${near.lat}&lon=${near.lon}`,
    )
  ).json()) as { items: { reference: string; distanceMetres: number }[] };
  expect(offered.items.map((i) => i.reference)).toContain(lamp.reference);
  const neighbour = `buur-${Date.now().toString(36)}@example.org`;
  const follow = await page.request.post(`/api/portal/${SLUG}/cases/${lamp.reference}/followers`, {
    data: { email: neighbour, language: 'nl' },
  });
  expect(follow.status(), await follow.text()).toBe(202);
  const mail = await waitForMail(neighbour, [lamp.reference]);
  const link = /https?:\/\/\S+(\/p\/voorbeeld\/unfollow\/[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  expect(link, mail.text).toBeTruthy();

  // The stop page, without JavaScript (server-rendered): a button, then the page says so.
  await page.goto(link!);
  await expect(h1(page)).toHaveText('Melding niet meer volgen');
  await expect(page.getByRole('main')).toContainText(lamp.reference);
  await expectAccessible(page, 'stop following a report');
  await page.getByRole('button', { name: 'Stop met volgen' }).click();
  await expect(h1(page)).toHaveText('U volgt de melding niet meer');
  await expectAccessible(page, 'stopped following a report');

  // Staff: the case page says where, as text; without a tile server there is no map.
  await page.goto(`/cases/${lamp.id}`);
  await expect(h1(page)).toContainText(lamp.reference);
  await expect(page.getByRole('main')).toContainText(`${home.street} ${home.number}`);
  await expect(page.locator('.leaflet-container')).toHaveCount(0);

  // With a tile server (this test's own tile), the same page shows the place on the map.
  await page.route('**/api/public/map', (route) =>
    route.fulfill({
      json: { map: { tileUrl: '/e2e-tiles/{z}/{x}/{y}.png', attribution: 'Testkaart', maxZoom: 19 } },
    }),
  );
  await page.route('**/e2e-tiles/**', (route) => route.fulfill({ contentType: 'image/png', body: TILE }));
  await page.reload();
  const map = page.getByRole('region', { name: `Kaart met de plek van zaak ${lamp.reference}` });
  await expect(map).toBeVisible();
  await expect(map.locator('img.leaflet-tile-loaded').first()).toBeVisible();
  await expect(map.locator('path.leaflet-interactive')).toHaveCount(1);
  await expectAccessible(page, 'case page with its place on the map');

  // The queue: open reports with a place, as a list (and on the map).
  await page.goto('/queue?assignee=&team=&state=open');
  await page.getByText('Open meldingen met een plek').click();
  await expect(page.getByRole('link', { name: lamp.reference }).first()).toBeVisible();
  await expectAccessible(page, 'queue with the open reports on the map');
});
