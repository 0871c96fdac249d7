/**
 * The front-office workspace: an agent answers at first contact with the keyboard alone, hands a report over
 * as a case with everything already known filled in, and leaves a callback request that the callback list
 * then works off. The API is the witness.
 */
import { expect, type Page, test } from '@playwright/test';
import { createUser, expectAccessible, login } from './support.ts';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdnavigatie' });
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const lookup = (page: Page) => page.getByRole('combobox', { name: 'Klant zoeken' });
const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Waar gaat de vraag over?' });
const customerPanel = (page: Page) => page.getByRole('region', { name: 'Klant' });
const longDate = (isoDate: string) =>
  new Intl.DateTimeFormat('nl-NL', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));

interface ContactBody {
  id: string;
  channel: string;
  outcome: string | null;
  endedAt: string | null;
  answer: string;
  articles: { code: string }[];
  cases: { reference: string }[];
  customer: { id: string; name: string } | null;
}

/** The workspace, opened from the navigation, with `channel` chosen in its header. */
async function openWorkspace(page: Page, channel: 'phone' | 'desk') {
  // An agent of its own: the shell journeys change the demo agent's saved language while this runs.
  const agent = await createUser(page.request, 'agent', 'KCC');
  await login(page, agent, { lang: 'nl' });
  await nav(page).getByRole('link', { name: 'Werkplek', exact: true }).click();
  await expect(h1(page)).toHaveText('Werkplek');
  await page.getByLabel('Kanaal').selectOption(channel);
}

const contactCreated = (page: Page) =>
  page.waitForResponse((r) => /\/api\/contacts$/.test(r.url()) && r.request().method() === 'POST');

test('An agent answers a phone question about a lost passport from the knowledge base in at most 10 keyboard actions, and the contact is recorded as answered at first contact', async ({
  page,
}) => {
  await openWorkspace(page, 'phone');
  await expect(page.getByRole('region', { name: 'Sneltoetsen' })).toContainText('Alt+B');
  await expectAccessible(page, 'workspace without a contact');

  // Every key press and every typed string counts as one action.
  let actions = 0;
  const press = async (key: string) => {
    actions += 1;
    await page.keyboard.press(key);
  };
  const type = async (text: string) => {
    actions += 1;
    await page.keyboard.type(text);
  };

  const created = contactCreated(page);
  await press('Alt+n');
  const contact = (await (await created).json()) as ContactBody;
  expect(contact.channel).toBe('phone');
  await expect(lookup(page)).toBeFocused();
  await expectAccessible(page, 'workspace with a new contact');

  // The caller stays anonymous; the keyboard goes on to the search.
  await press('Alt+a');
  await expect(searchBox(page)).toBeFocused();
  await type('paspoort kwijt');
  const results = page.getByRole('listbox', { name: 'Zoekresultaten' });
  const question = 'Ik ben mijn paspoort kwijt, wat moet ik doen?';
  const article = results.getByRole('option').filter({ hasText: question });
  await expect(article).toBeVisible();
  const index = await results
    .getByRole('option')
    .evaluateAll((options, text) => options.findIndex((o) => o.textContent?.includes(text)), question);
  expect(index).toBeGreaterThanOrEqual(0);
  if (index > 0) {
    for (let i = 0; i <= index; i++) await press('ArrowDown');
    await expect(article).toHaveAttribute('aria-selected', 'true');
  }

  const recorded = page.waitForResponse(
    (r) => r.url().endsWith(`/api/contacts/${contact.id}`) && r.request().method() === 'PATCH',
  );
  await press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: question })).toBeVisible();
  expect((await recorded).status()).toBe(200);
  await expect(page.getByRole('region', { name: 'Contact afhandelen' })).toContainText(question);
  await expectAccessible(page, 'workspace with the answer open');

  const closed = page.waitForResponse((r) => r.url().endsWith(`/api/contacts/${contact.id}/close`));
  await press('Alt+b');
  expect((await closed).status()).toBe(200);
  await expect(
    page.getByRole('status').filter({ hasText: 'Contact vastgelegd, eerste keer goed.' }),
  ).toBeVisible();
  expect(actions).toBeLessThanOrEqual(10);
  await expectAccessible(page, 'workspace after the contact was recorded');

  const saved = (await (await page.request.get(`/api/contacts/${contact.id}`)).json()) as ContactBody;
  expect(saved.outcome).toBe('answered');
  expect(saved.channel).toBe('phone');
  expect(saved.endedAt).not.toBeNull();
  expect(saved.customer).toBeNull();
  expect(saved.articles.map((a) => a.code)).toContain('kb-paspoort-kwijt');
  expect(saved.answer).toBe(question);
});

test("An agent takes a desk report of a broken street light from a known resident, creates the case with the address pre-filled, and sees the expected date to tell the resident; the resident's 360° view then shows the new case and the contact", async ({
  page,
}) => {
  await openWorkspace(page, 'desk');
  const created = contactCreated(page);
  await page.keyboard.press('Alt+n');
  const contact = (await (await created).json()) as ContactBody;
  expect(contact.channel).toBe('desk');

  // Find the resident by name; Enter picks the first match. The agent presses it at once, before the
  // answer to what she typed has come (the box waits for it): a fast typist's Enter is never lost.
  await expect(lookup(page)).toBeFocused();
  await page.keyboard.type('Jan de Vries');
  await page.keyboard.press('Enter');
  const view = customerPanel(page);
  await expect(view.getByRole('heading', { level: 3, name: 'Jan de Vries' })).toBeVisible();
  await expect(view).toContainText('Dorpsstraat 12, 1234 AB Voorbeeld');
  await expect(searchBox(page)).toBeFocused();
  await expectAccessible(page, "workspace with the resident's 360° view");

  // The report: open the catalogue item, which becomes the contact's subject. Enter at once again: the
  // search waits for the answer to these words and opens its first result.
  const subject = page.waitForResponse(
    (r) => r.url().endsWith(`/api/contacts/${contact.id}`) && r.request().method() === 'PATCH',
  );
  await page.keyboard.type('lantaarnpaal kapot');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 3, name: 'Lantaarnpaal of straatverlichting kapot melden' }),
  ).toBeVisible();
  expect((await subject).status()).toBe(200);

  // Hand over: the intake form, filled in from the profile.
  await page.keyboard.press('Alt+z');
  const form = page.getByRole('form', {
    name: 'Zaak aanmaken: Lantaarnpaal of straatverlichting kapot melden',
  });
  await expect(form).toBeVisible();
  await expect(form.getByLabel('Waar is het?')).toHaveValue('Dorpsstraat 12, 1234 AB Voorbeeld');
  await expect(form.getByLabel('Uw e-mailadres')).toHaveValue('jan.devries@example.nl');
  await expect(form.getByLabel('Uw telefoonnummer')).toHaveValue('06 12345678');
  // The first required question that is still open has the focus.
  const problem = form.getByLabel('Wat is er aan de hand?');
  await expect(problem).toBeFocused();

  const expected = (await (
    await page.request.get('/api/catalogue/items/straatverlichting-kapot/expected-date')
  ).json()) as { expectedDate: string };
  await expect(form.locator('p', { hasText: 'Verwachte afhandeling:' })).toHaveText(
    `Verwachte afhandeling: ${longDate(expected.expectedDate)}`,
  );
  await expect(form.locator('time')).toHaveAttribute('datetime', expected.expectedDate);
  await problem.selectOption('brandt_niet');
  await expectAccessible(page, 'case form');

  const handedOver = page.waitForResponse((r) => r.url().endsWith(`/api/contacts/${contact.id}/cases`));
  await form.getByRole('button', { name: 'Zaak aanmaken', exact: true }).click();
  const response = await handedOver;
  expect(response.status()).toBe(201);
  const result = (await response.json()) as {
    case: {
      reference: string;
      dueDate: string;
      location: { address: { street: string; houseNumber: number; postcode: string } | null } | null;
      answers: Record<string, unknown>;
    };
  };
  expect(result.case.location?.address).toMatchObject({
    street: 'Dorpsstraat',
    houseNumber: 12,
    postcode: '1234AB',
  });
  expect(result.case.answers).toMatchObject({ probleem: 'brandt_niet', email: 'jan.devries@example.nl' });
  const { reference, dueDate } = result.case;
  expect(reference).toMatch(/^VB-\d{4}-\d+$/);
  await expect(page.getByRole('heading', { name: `Zaak ${reference} aangemaakt` })).toBeVisible();
  await expect(page.getByText(`U kunt het uiterlijk ${longDate(dueDate)} verwachten.`)).toBeVisible();
  await expectAccessible(page, 'case created');

  await page.getByRole('button', { name: 'Contact afronden' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Contact vastgelegd en overgedragen met zaak ${reference}.` }),
  ).toBeVisible();

  // The 360° view, refreshed: the case is running, and the desk contact is in the history.
  await expect(view.getByRole('listitem').filter({ hasText: reference }).first()).toBeVisible();
  const contactLine = view
    .getByRole('listitem')
    .filter({ hasText: /^Balie/ })
    .filter({ hasText: reference });
  await expect(contactLine).toContainText('Zaak aangemaakt');
  await expectAccessible(page, "the resident's 360° view after the hand-over");

  const saved = (await (await page.request.get(`/api/contacts/${contact.id}`)).json()) as ContactBody;
  expect(saved).toMatchObject({ outcome: 'case', channel: 'desk', customer: { name: 'Jan de Vries' } });
  expect(saved.cases.map((c) => c.reference)).toEqual([reference]);
});

test('a callback request made in the workspace shows on the callbacks page, where a failed and a successful attempt are recorded', async ({
  page,
}) => {
  await openWorkspace(page, 'phone');
  const created = contactCreated(page);
  await page.keyboard.press('Alt+n');
  const contact = (await (await created).json()) as ContactBody;
  await page.keyboard.press('Alt+a');
  await page.keyboard.press('Alt+t');

  const note = `Vraagt naar de status van haar bezwaar (${Date.now().toString(36)})`;
  const form = page.getByRole('form', { name: 'Terugbelverzoek' });
  await expect(form.getByLabel('Terugbellen op')).toBeFocused();
  await page.keyboard.type('06-98765432');
  await form.getByLabel('Waarover?').fill(note);
  await expect(form.getByLabel('Team dat terugbelt')).not.toHaveValue('');
  await expectAccessible(page, 'callback form');

  const requested = page.waitForResponse((r) => r.url().endsWith(`/api/contacts/${contact.id}/callbacks`));
  await form.getByRole('button', { name: 'Terugbelverzoek aanmaken' }).click();
  const response = await requested;
  expect(response.status()).toBe(201);
  const { callback } = (await response.json()) as { callback: { id: string; dueAt: string } };
  await expect(page.getByText(/^U wordt teruggebeld vóór /)).toBeVisible();
  await page.getByRole('button', { name: 'Contact afronden' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Contact vastgelegd met een terugbelverzoek.' }),
  ).toBeVisible();

  await nav(page).getByRole('link', { name: 'Terugbelverzoeken', exact: true }).click();
  await expect(h1(page)).toHaveText('Terugbelverzoeken');
  const row = page.getByRole('row').filter({ hasText: note });
  await expect(row).toContainText('06 98765432');
  await expect(row).toContainText('Nog niet gebeld');
  await expectAccessible(page, 'callbacks page');

  await row.getByRole('button', { name: /^Niet bereikt/ }).click();
  await expect(row).toContainText('1 poging, laatste: Niet bereikt');
  await expect(page.getByRole('status').filter({ hasText: 'Niet bereikt' })).toBeVisible();

  await row.getByRole('button', { name: /^Bereikt/ }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Het terugbelverzoek is afgehandeld.' }),
  ).toBeVisible();
  await expect(row).toHaveCount(0);
  await expectAccessible(page, 'callbacks page after the callback was made');

  const done = (await (await page.request.get('/api/callbacks?state=done')).json()) as {
    items: { id: string; state: string; attempts: { result: string }[] }[];
  };
  const made = done.items.find((c) => c.id === callback.id);
  expect(made?.state).toBe('done');
  expect(made?.attempts.map((a) => a.result)).toEqual(['not_reached', 'reached']);
});

test('an open contact and its notes survive going to another page and a reload: the workspace picks the contact up again from the server', async ({
  page,
}) => {
  await openWorkspace(page, 'phone');
  const created = contactCreated(page);
  await page.keyboard.press('Alt+n');
  const contact = (await (await created).json()) as ContactBody;

  // A known resident and a note, then away to the queue before the note was saved on purpose.
  await lookup(page).fill('Jan de Vries');
  await page.getByRole('listbox', { name: 'Gevonden klanten' }).getByRole('option').first().click();
  await expect(customerPanel(page).getByRole('heading', { level: 3, name: 'Jan de Vries' })).toBeVisible();
  const notes = page.getByLabel('Vraag en notities');
  const note = `Belt over een omgevallen boom bij de school (${Date.now().toString(36)})`;
  await notes.fill(note);
  await nav(page).getByRole('link', { name: 'Werkvoorraad', exact: true }).click();
  await expect(h1(page)).toHaveText('Werkvoorraad');
  await nav(page).getByRole('link', { name: 'Werkplek', exact: true }).click();

  const state = page.getByText(/^Contact via Telefoon, gestart /);
  await expect(state).toBeVisible();
  await expect(page.getByText('Geen open contact.')).toHaveCount(0);
  await expect(notes).toHaveValue(note);
  await expect(customerPanel(page).getByRole('heading', { level: 3, name: 'Jan de Vries' })).toBeVisible();

  // The notes are on the server as well: a reload shows them, and they are the contact's answer so far.
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`/api/contacts/${contact.id}`)).json()) as ContactBody).answer,
    )
    .toBe(note);
  await page.reload();
  await expect(state).toBeVisible();
  await expect(notes).toHaveValue(note);

  // The 360° view: the resident's cases link to their page, and the demo's case past its norm says so.
  const late = customerPanel(page).getByRole('listitem').filter({ hasText: 'VB-2026-000001' });
  await expect(late.getByRole('link', { name: 'VB-2026-000001' })).toHaveAttribute('href', /^\/cases\//);
  await expect(late).toContainText('Te laat');

  // Going on with the same contact: it closes as answered with the notes as its answer.
  const closed = page.waitForResponse((r) => r.url().endsWith(`/api/contacts/${contact.id}/close`));
  await page.getByRole('button', { name: /^Beantwoord/ }).click();
  expect((await closed).status()).toBe(200);
  await expect(page.getByText('Geen open contact.')).toBeVisible();
  const saved = (await (await page.request.get(`/api/contacts/${contact.id}`)).json()) as ContactBody;
  expect(saved).toMatchObject({ outcome: 'answered', answer: note, customer: { name: 'Jan de Vries' } });
  await page.reload();
  await expect(page.getByText('Geen open contact.')).toBeVisible();
});
