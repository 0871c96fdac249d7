/**
 * A callback at the time the person chose: the agent enters "tomorrow between 13:00 and 15:00" in the workspace,
 * hears it read back, and the callbacks page shows the slot (and that it has not started yet) in Dutch and in
 * English. A slot when nobody works is refused in the agent's language. The API is the witness.
 */
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { createUser, expectAccessible, login } from './support.ts';

const nav = (page: Page, name = 'Hoofdnavigatie') => page.getByRole('navigation', { name });
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

interface CallbackBody {
  id: string;
  dueAt: string;
  slot: { start: string; end: string } | null;
}

/** The first local date after today that is (or is not) a working day, by the organisation's calendar. */
async function dateAhead(request: APIRequestContext, working: boolean) {
  const calendar = (await (await request.get('/api/calendar')).json()) as {
    definition: { openingHours: Record<string, unknown[]>; closures: { date: string }[] };
    holidays: { date: string }[];
  };
  const closed = new Set([...calendar.holidays, ...calendar.definition.closures].map((d) => d.date));
  const amsterdam = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });
  for (let n = 1; n < 60; n++) {
    const date = amsterdam.format(new Date(Date.now() + n * 86_400_000));
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay() || 7;
    const works = (calendar.definition.openingHours[weekday] ?? []).length > 0 && !closed.has(date);
    if (works === working) return date;
  }
  throw new Error('no such day in the next 60 days');
}

test('an agent takes a preferred time slot for a callback; the callbacks page shows it and it is due at its end', async ({
  page,
}) => {
  const agent = await createUser(page.request, 'agent', 'KCC');
  await login(page, agent, { lang: 'nl' });
  await nav(page).getByRole('link', { name: 'Werkplek', exact: true }).click();
  await expect(h1(page)).toHaveText('Werkplek');
  await page.getByLabel('Kanaal').selectOption('phone');
  const created = page.waitForResponse(
    (r) => /\/api\/contacts$/.test(r.url()) && r.request().method() === 'POST',
  );
  await page.keyboard.press('Alt+n');
  const contact = (await (await created).json()) as { id: string };
  await page.keyboard.press('Alt+a');
  await page.keyboard.press('Alt+t');

  const note = `Wil na de lunch gebeld worden (${Date.now().toString(36)})`;
  const form = page.getByRole('form', { name: 'Terugbelverzoek' });
  await expect(form.getByLabel('Terugbellen op')).toBeFocused();
  await page.keyboard.type('06-98765432');
  await form.getByLabel('Waarover?').fill(note);
  const slot = form.getByRole('group', { name: 'Voorkeurstijd (niet verplicht)' });
  await expect(slot).toContainText('morgen tussen 13:00 en 15:00');
  await expectAccessible(page, 'callback form with the time slot');

  // Half a slot, and an end before the start: said in the form, nothing sent.
  await slot.getByLabel('Van').fill('15:00');
  await form.getByRole('button', { name: 'Terugbelverzoek aanmaken' }).click();
  await expect(
    slot.getByText('Vul de dag, het begin en het einde in, of laat alle drie leeg.').first(),
  ).toBeVisible();
  await slot.getByLabel('Tot').fill('13:00');
  await slot.getByLabel('Dag').fill(await dateAhead(page.request, false));
  await form.getByRole('button', { name: 'Terugbelverzoek aanmaken' }).click();
  await expect(slot.getByText('Het einde moet later zijn dan het begin.')).toBeVisible();

  // A day nobody works: the API refuses, in the agent's words.
  await slot.getByLabel('Van').fill('13:00');
  await slot.getByLabel('Tot').fill('15:00');
  const refused = page.waitForResponse((r) => r.url().endsWith(`/api/contacts/${contact.id}/callbacks`));
  await form.getByRole('button', { name: 'Terugbelverzoek aanmaken' }).click();
  expect((await refused).status()).toBe(400);
  await expect(
    slot.getByText('Op dit moment is er niemand om te bellen. Kies een moment binnen de openingstijden.'),
  ).toBeVisible();
  await expectAccessible(page, 'callback form with a refused slot');

  // "Morgen tussen 13:00 en 15:00": the next working day.
  const day = await dateAhead(page.request, true);
  await slot.getByLabel('Dag').fill(day);
  const requested = page.waitForResponse((r) => r.url().endsWith(`/api/contacts/${contact.id}/callbacks`));
  await form.getByRole('button', { name: 'Terugbelverzoek aanmaken' }).click();
  const response = await requested;
  expect(response.status()).toBe(201);
  const { callback } = (await response.json()) as { callback: CallbackBody };
  expect(callback.slot).not.toBeNull();
  expect(callback.dueAt).toBe(callback.slot!.end);
  const wall = new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
  });
  expect([wall.format(new Date(callback.slot!.start)), wall.format(new Date(callback.slot!.end))]).toEqual([
    '13:00',
    '15:00',
  ]);
  await expect(page.getByText(/^U wordt gebeld op .+, 13:00–15:00\.$/)).toBeVisible();
  await page.getByRole('button', { name: 'Contact afronden' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Contact vastgelegd met een terugbelverzoek.' }),
  ).toBeVisible();

  await nav(page).getByRole('link', { name: 'Terugbelverzoeken', exact: true }).click();
  await expect(h1(page)).toHaveText('Terugbelverzoeken');
  const row = page.getByRole('row').filter({ hasText: note });
  await expect(row).toContainText(/Voorkeur: .+, 13:00–15:00/);
  await expect(row).toContainText('Nog niet bellen');
  await expectAccessible(page, 'callbacks page with a time slot');
});

test('the callbacks page shows a preferred time slot in English too', async ({ page }) => {
  const agent = await createUser(page.request, 'agent', 'KCC');
  await login(page, agent, { lang: 'en' });
  const csrf = ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const headers = { 'x-csrf-token': csrf };
  const contact = (await (
    await page.request.post('/api/contacts', { headers, data: { channel: 'phone' } })
  ).json()) as {
    id: string;
    version: number;
  };
  const day = await dateAhead(page.request, true);
  const note = `Call after lunch (${Date.now().toString(36)})`;
  // Without an item, the request names the team that calls back: the agent's own (KCC).
  const me = (await (await page.request.get('/api/auth/me')).json()) as { memberships: { teamId: string }[] };
  const made = await page.request.post(`/api/contacts/${contact.id}/callbacks`, {
    headers,
    data: {
      phone: '06 98765432',
      note,
      teamId: me.memberships[0]!.teamId,
      slot: { date: day, from: '13:00', to: '15:00' },
      version: contact.version,
    },
  });
  expect(made.status(), await made.text()).toBe(201);

  await nav(page, 'Main navigation').getByRole('link', { name: 'Callback requests', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: note });
  await expect(row).toContainText(/Preferred: .+, 13:00–15:00/);
  await expect(row).toContainText('Not yet');
  await expectAccessible(page, 'callbacks page with a time slot, in English');
});
