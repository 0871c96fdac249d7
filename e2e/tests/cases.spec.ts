/**
 * The back office: a report taken at the desk reaches the team's work queue, a back-office worker picks it up,
 * plans it, fixes it and closes it with a personal thank-you — and the resident's mailbox (a real SMTP server)
 * receives an email at every public step. A complaint runs through acknowledgement, postponement and decision
 * under the Awb, with the dates on the page equal to the API's and the letters arriving. axe scans the queue and
 * the case page.
 */
import {
  type APIRequestContext,
  expect,
  type Locator,
  type Page,
  type PlaywrightWorkerArgs,
  test,
} from '@playwright/test';
import { waitForMail } from './mailbox.ts';
import { createUser, expectAccessible, login, PASSWORD } from './support.ts';

const TZ = 'Europe/Amsterdam';
const nav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdnavigatie' });
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
/** "maandag 30 november 2026", in Dutch time: how the page and the letters write a term. */
const longDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: TZ,
  }).format(new Date(iso));
/** The local date (YYYY-MM-DD) and time (HH:MM) of an instant in Dutch time. */
const localDate = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: TZ });
const localTime = (iso: string) =>
  new Date(iso).toLocaleTimeString('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit' });
const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

interface CaseBody {
  id: string;
  reference: string;
  version: number;
  status: { key: string; label: string };
  assignee: { id: string; name: string } | null;
  createdAt: string;
  closedAt: string | null;
  clock: { dueAt: string };
  complaint: {
    acknowledgeDueAt: string | null;
    acknowledgedAt: string | null;
    decisionDueAt: string | null;
    extension: { weeks: number } | null;
    decision: { outcome: string; text: string } | null;
  } | null;
  timeline: { kind: string; visibility: string; title: string; body: string }[];
}

/** A signed-in API client of its own (the page's cookies stay the page's). */
async function apiAs(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string, email: string) {
  const request = await playwright.request.newContext({ baseURL });
  expect((await request.post('/api/auth/login', { data: { email, password: PASSWORD } })).status()).toBe(200);
  const csrf = ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  return { request, headers: { 'x-csrf-token': csrf } };
}

const readCase = async (request: APIRequestContext, id: string) => {
  const response = await request.get(`/api/cases/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as CaseBody;
};

/** The disclosure of an action on the case page, opened, and the form inside it. */
async function openAction(page: Page, title: string): Promise<Locator> {
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const summary = page.locator('summary', { hasText: exact });
  const details = page.locator('details', { has: summary });
  if ((await details.getAttribute('open')) === null) await summary.click();
  await expect(details).toHaveAttribute('open', '');
  return page.getByRole('form', { name: title });
}

/** The sentence a finished action announces. */
const announced = (page: Page, text: string | RegExp) =>
  expect(page.getByRole('status').filter({ hasText: text })).toBeVisible();

test('A desk report of a broken street light for Jan de Vries reaches the Openbare ruimte queue; a back-office worker picks it up, plans it, fixes it and closes it with a personal thank-you, and Jan receives an email at every public step', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const janEmail = 'jan.devries@example.nl';

  // ---- the front office: the report, at the desk ----
  const agent = await createUser(page.request, 'agent', 'KCC');
  await login(page, agent, { lang: 'nl' });
  await nav(page).getByRole('link', { name: 'Werkplek', exact: true }).click();
  await page.getByLabel('Kanaal').selectOption('desk');
  await page.keyboard.press('Alt+n');
  const lookup = page.getByRole('combobox', { name: 'Klant zoeken' });
  await expect(lookup).toBeFocused();
  await page.keyboard.type('Jan de Vries');
  await expect(
    page.getByRole('listbox', { name: 'Gevonden klanten' }).getByRole('option').first(),
  ).toContainText('Jan de Vries');
  await page.keyboard.press('Enter');
  const customer = page.getByRole('region', { name: 'Klant' });
  await expect(customer.getByRole('heading', { level: 3, name: 'Jan de Vries' })).toBeVisible();
  await expect(customer).toContainText(janEmail);
  await expect(page.getByRole('combobox', { name: 'Waar gaat de vraag over?' })).toBeFocused();
  await page.keyboard.type('lantaarnpaal kapot');
  await expect(
    page.getByRole('listbox', { name: 'Zoekresultaten' }).getByRole('option').first(),
  ).toContainText('Lantaarnpaal of straatverlichting kapot melden');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: /Lantaarnpaal/ })).toBeVisible();
  await page.keyboard.press('Alt+z');
  const intake = page.getByRole('form', { name: /^Zaak aanmaken:/ });
  await intake.getByLabel('Wat is er aan de hand?').selectOption('brandt_niet');
  await intake.getByLabel('Nummer op de paal').fill('OV-4711');
  // The place comes from Jan's address ("ask once"); on a busy machine the form may show it a moment later.
  await expect(intake.getByLabel('Waar is het?')).not.toHaveValue('');
  const handedOver = page.waitForResponse((r) => /\/api\/contacts\/[^/]+\/cases$/.test(r.url()));
  await intake.getByRole('button', { name: 'Zaak aanmaken', exact: true }).click();
  const created = (await (await handedOver).json()) as { case: CaseBody };
  const { id, reference } = created.case;
  // The reference the agent reads out is a link to the case (in the notice; the 360° view links it as well).
  const referenceLink = page.getByRole('status').getByRole('link', { name: reference, exact: true });
  await expect(referenceLink).toHaveAttribute('href', `/cases/${id}`);
  await page.getByRole('button', { name: 'Contact afronden' }).click();
  await announced(page, `Contact vastgelegd en overgedragen met zaak ${reference}.`);

  // Jan hears the report was received, with the date to expect the result.
  const received = await waitForMail(janEmail, [reference, 'ontvangen']);
  expect(received.text).toContain('Beste Jan de Vries');
  expect(received.text).toContain('We hebben uw melding ontvangen.');
  expect(received.text).toContain(
    `U kunt het resultaat uiterlijk ${longDate(created.case.clock.dueAt)} verwachten.`,
  );

  // ---- the back office: a worker of Openbare ruimte, in a browser of their own ----
  const workerEmail = await createUser(page.request, 'backoffice', 'Openbare ruimte');
  const context = await browser.newContext();
  const worker = await context.newPage();
  await login(worker, workerEmail, { lang: 'nl' });
  await nav(worker).getByRole('link', { name: 'Werkvoorraad', exact: true }).click();
  await expect(h1(worker)).toHaveText('Werkvoorraad');
  await worker
    .getByRole('navigation', { name: 'Welke werkvoorraad' })
    .getByRole('link', { name: 'Openbare ruimte' })
    .click();
  await expect(worker.getByRole('heading', { level: 2, name: 'Openbare ruimte' })).toBeVisible();
  const row = worker
    .getByRole('row')
    .filter({ has: worker.getByRole('link', { name: reference, exact: true }) });
  await expect(row).toContainText('Lantaarnpaal of straatverlichting kapot melden');
  await expect(row).toContainText('Ontvangen');
  await expect(row).toContainText('Niet toegewezen');
  await expect(row).toContainText('Centrum');
  await expectAccessible(worker, 'the Openbare ruimte queue');

  // Pick it up from the queue.
  await row.getByRole('button', { name: `Zaak ${reference} oppakken` }).click();
  await announced(worker, `Je hebt zaak ${reference} opgepakt.`);
  await expect(row).toContainText('Jij');
  await worker
    .getByRole('navigation', { name: 'Welke werkvoorraad' })
    .getByRole('link', { name: 'Mijn werk' })
    .click();
  await expect(worker.getByRole('link', { name: reference, exact: true })).toBeVisible();

  // The case page.
  await worker.getByRole('link', { name: reference, exact: true }).click();
  await expect(h1(worker)).toHaveText(`Zaak ${reference}`);
  await expect(worker).toHaveTitle(`Zaak ${reference} — Voordeur`);
  const facts = worker.getByRole('region', { name: 'Gegevens' });
  await expect(facts).toContainText('Jan de Vries');
  await expect(facts).toContainText('Dorpsstraat 12, 1234 AB Voorbeeld');
  await expect(facts).toContainText('OV-4711');
  await expect(facts).toContainText('E2E backoffice');
  const clock = worker.getByRole('region', { name: 'Termijn' });
  await expect(clock.locator(`time[datetime="${created.case.clock.dueAt}"]`)).toContainText(
    longDate(created.case.clock.dueAt),
  );
  await expectAccessible(worker, 'the case page');

  // Only the statuses the workflow reaches from "Ontvangen" are offered.
  let form = await openAction(worker, 'Status wijzigen');
  const options = await form.getByLabel('Nieuwe status').locator('option:not([value=""])').allTextContents();
  expect(options).toEqual(['Beoordeling door de vakafdeling (intern)', 'Doorgestuurd (rondt de zaak af)']);
  await form.getByLabel('Nieuwe status').selectOption({ label: 'Beoordeling door de vakafdeling (intern)' });
  await expect(form).toContainText('de persoon krijgt hierover geen bericht');
  await form.getByRole('button', { name: 'Status wijzigen' }).click();
  await announced(worker, '‘Beoordeling door de vakafdeling’');

  // Planned: Jan is told, in the status's standard words; the preview shows that email first.
  form = await openAction(worker, 'Status wijzigen');
  await form.getByLabel('Nieuwe status').selectOption({ label: 'Ingepland' });
  await form.getByRole('button', { name: 'Voorbeeld' }).click();
  const planPreview = form.getByRole('region', { name: 'Voorbeeld van het bericht' });
  await expect(planPreview).toContainText(janEmail);
  await expect(planPreview).toContainText(`${reference}: Ingepland`);
  await expect(planPreview).toContainText('We hebben het werk ingepland.');
  await form.getByRole('button', { name: 'Status wijzigen' }).click();
  await announced(worker, 'De status is gewijzigd in ‘Ingepland’. De persoon krijgt hierover een e-mail.');
  const planned = await waitForMail(janEmail, [reference, 'Ingepland']);
  expect(planned.text).toContain(
    'We hebben het werk ingepland. Een medewerker van de gemeente gaat ermee aan de slag.',
  );
  expect(planned.text).toContain(`Uw kenmerk: ${reference}`);

  // Fixed and closed, with a personal thank-you instead of the standard text.
  const thanks =
    'Beste meneer De Vries, de lamp voor uw deur brandt weer: de monteur heeft vanochtend de armatuur vervangen. Dank u wel voor het melden!';
  form = await openAction(worker, 'Status wijzigen');
  await form.getByLabel('Nieuwe status').selectOption({ label: 'Opgelost (rondt de zaak af)' });
  // The notice of the last change (Jan was told) goes once the next change is filled in.
  await expect(worker.getByText('De persoon krijgt hierover een e-mail.')).toHaveCount(0);
  await form.getByLabel('Persoonlijke tekst voor de persoon').fill(thanks);
  await form.getByRole('button', { name: 'Voorbeeld' }).click();
  const closePreview = form.getByRole('region', { name: 'Voorbeeld van het bericht' });
  await expect(closePreview).toContainText(thanks);
  await expect(closePreview).toContainText(`${reference}: Opgelost`);
  await expectAccessible(worker, 'the case page with the email preview');
  await form.getByRole('button', { name: 'Status wijzigen' }).click();
  await announced(worker, 'De status is gewijzigd in ‘Opgelost’. De persoon krijgt hierover een e-mail.');
  await expect(worker.getByRole('region', { name: 'Behandelen' })).toContainText('Deze zaak is afgesloten.');
  const fixed = await waitForMail(janEmail, [reference, 'Opgelost']);
  expect(fixed.text).toContain(thanks);
  expect(fixed.text).not.toContain('De monteur heeft de straatverlichting gerepareerd.');

  // The timeline, newest first, says what the person saw and what stayed internal.
  const timeline = worker.getByRole('list', { name: 'Gebeurtenissen, nieuwste eerst' });
  const entries = timeline.getByRole('listitem');
  await expect(entries.first()).toContainText('Status: Opgelost');
  await expect(entries.first()).toContainText('Openbaar');
  await expect(entries.filter({ hasText: 'Status: Beoordeling door de vakafdeling' })).toContainText(
    'Intern',
  );
  // The delivery log shows the three emails as sent.
  const log = worker.getByRole('region', { name: 'Verzonden berichten' });
  await expect(async () => {
    await log.getByRole('button', { name: 'Verzendlog vernieuwen' }).click();
    await expect(log.getByRole('row').filter({ hasText: 'Verstuurd' })).toHaveCount(3, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expectAccessible(worker, 'the closed case with its timeline and delivery log');

  const saved = await readCase(context.request, id);
  expect(saved.status.key).toBe('opgelost');
  expect(saved.closedAt).not.toBeNull();
  expect(saved.assignee?.name).toBe('E2E backoffice');
  await context.close();
});

/** Working days by the organisation's calendar: opening hours per weekday, minus holidays and closures. */
interface Calendar {
  definition: {
    openingHours: Record<string, { open: string; close: string }[] | undefined>;
    closures: { date: string }[];
  };
  holidays: { date: string; name: string }[];
}

/**
 * The local date of "n working days after `instant`": counting starts at the next opening (a complaint on
 * Sunday counts from Monday), and the term ends n working days after that day.
 */
/**
 * The last day of a legal term of `days` calendar days from `instant` (Algemene termijnenwet): a term that ends on
 * a Saturday, a Sunday or an Atw holiday runs on to the next day that is none of these. The movable holidays come
 * from the organisation's calendar, by name; the fixed ones are written out here.
 */
function legalTermEnd(cal: Calendar, instant: string, days: number): string {
  const movable = new Set(
    cal.holidays
      .filter((h) => ['Tweede Paasdag', 'Hemelvaartsdag', 'Tweede Pinksterdag'].includes(h.name))
      .map((h) => h.date),
  );
  const fixed = ['01-01', '04-27', '05-05', '12-25', '12-26'];
  const rest = (date: string) =>
    [0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay()) ||
    movable.has(date) ||
    fixed.includes(date.slice(5));
  let day = addDays(localDate(instant), days);
  while (rest(day)) day = addDays(day, 1);
  return day;
}

function workingDaysAfter(cal: Calendar, instant: string, n: number): string {
  const closed = new Set([...cal.holidays.map((h) => h.date), ...cal.definition.closures.map((c) => c.date)]);
  const hours = (date: string) => {
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay() || 7;
    return closed.has(date) ? [] : (cal.definition.openingHours[String(weekday)] ?? []);
  };
  let day = localDate(instant);
  const lastClose = hours(day).at(-1)?.close;
  if (!lastClose || localTime(instant) >= lastClose) {
    do day = addDays(day, 1);
    while (hours(day).length === 0);
  }
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (hours(day).length > 0) counted++;
  }
  return day;
}

test('A complaint is acknowledged within 5 working days, its decision postponed by two weeks and then decided; the page shows the API’s dates and the complainant receives the acknowledgement, the postponement and the decision with the Nationale ombudsman', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const admin = await apiAs(playwright, baseURL!, 'admin@voorbeeld.nl');
  const calendar = (await (await admin.request.get('/api/calendar')).json()) as Calendar;

  // The complainant, with an address of their own, and the complaint as the front office registers it.
  const email = `klager-${Date.now().toString(36)}@example.nl`;
  const agent = await apiAs(playwright, baseURL!, await createUser(page.request, 'agent', 'KCC'));
  const customer = await agent.request.post('/api/customers', {
    headers: agent.headers,
    data: { kind: 'resident', name: 'Petra Klager', email, preferredLanguage: 'nl' },
  });
  expect(customer.status()).toBe(201);
  const customerId = ((await customer.json()) as { id: string }).id;
  const opened = await agent.request.post('/api/cases', {
    headers: agent.headers,
    data: {
      itemCode: 'klacht-indienen',
      description: 'Ik ben aan de balie onheus bejegend.',
      answers: {
        naam: 'Petra Klager',
        datum_gebeurtenis: '2026-01-12',
        klacht: 'De medewerker aan de balie was onvriendelijk en luisterde niet.',
      },
      customerId,
      channel: 'desk',
    },
  });
  expect(opened.status()).toBe(201);
  const complaint = (await opened.json()) as CaseBody;
  const { id, reference } = complaint;
  const ack = complaint.complaint!;
  expect(ack.acknowledgeDueAt).not.toBeNull();
  expect(localDate(ack.acknowledgeDueAt!)).toBe(workingDaysAfter(calendar, complaint.createdAt, 5));
  // Awb 9:11: a decision within six weeks of receipt.
  expect(localDate(ack.decisionDueAt!)).toBe(legalTermEnd(calendar, complaint.createdAt, 42));
  expect(localTime(ack.decisionDueAt!)).toBe('23:59');

  // ---- a team lead of the KCC handles it ----
  const lead = await createUser(page.request, 'teamlead', 'KCC');
  await login(page, lead, { lang: 'nl' });
  await nav(page).getByRole('link', { name: 'Werkvoorraad', exact: true }).click();
  await page
    .getByRole('navigation', { name: 'Welke werkvoorraad' })
    .getByRole('link', { name: 'KCC' })
    .click();
  await page.getByLabel('Soort').selectOption('complaint');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: reference, exact: true }) });
  await expect(row).toContainText('Klacht');
  await expect(page.getByRole('checkbox', { name: `Zaak ${reference} selecteren` })).toBeVisible();
  await expectAccessible(page, 'the KCC queue with bulk assignment');
  await row.getByRole('link', { name: reference, exact: true }).click();
  await expect(h1(page)).toHaveText(`Zaak ${reference}`);

  const panel = page.getByRole('region', { name: 'Klachtbehandeling (Awb hoofdstuk 9)' });
  const acknowledgeDue = panel.locator('#case-acknowledge-due time');
  await expect(acknowledgeDue).toHaveAttribute('datetime', ack.acknowledgeDueAt!);
  await expect(acknowledgeDue).toHaveText(longDate(ack.acknowledgeDueAt!));
  const decisionDue = panel.locator('#case-decision-due time');
  await expect(decisionDue).toHaveAttribute('datetime', ack.decisionDueAt!);
  await expect(decisionDue).toHaveText(longDate(ack.decisionDueAt!));
  await expectAccessible(page, 'the complaint page');

  // Acknowledge receipt: the preview first, then the letter.
  let form = await openAction(page, 'Ontvangst bevestigen');
  await form.getByRole('button', { name: 'Voorbeeld' }).click();
  const ackPreview = form.getByRole('region', { name: 'Voorbeeld van het bericht' });
  await expect(ackPreview).toContainText(email);
  await expect(ackPreview).toContainText(`Ontvangstbevestiging van uw klacht (${reference})`);
  await expect(ackPreview).toContainText(
    `U krijgt uiterlijk ${longDate(ack.decisionDueAt!)} schriftelijk onze beslissing.`,
  );
  await form.getByRole('button', { name: 'Ontvangst bevestigen' }).click();
  await announced(page, 'De ontvangst is bevestigd. De persoon krijgt hierover een e-mail.');
  const acknowledged = await readCase(page.request, id);
  expect(acknowledged.complaint?.acknowledgedAt).not.toBeNull();
  await expect(panel.locator(`time[datetime="${acknowledged.complaint!.acknowledgedAt}"]`)).toBeVisible();
  const ackMail = await waitForMail(email, ['Ontvangstbevestiging van uw klacht', reference]);
  expect(ackMail.text).toContain('Beste Petra Klager');
  expect(ackMail.text).toContain(`Wij hebben uw klacht van ${longDate(complaint.createdAt)} ontvangen.`);
  expect(ackMail.text).toContain(
    `U krijgt uiterlijk ${longDate(ack.decisionDueAt!)} schriftelijk onze beslissing.`,
  );

  // Postpone the decision once, by two weeks: the date moves by exactly 14 days and the complainant is told.
  const reason =
    'We willen eerst de medewerker en een collega die erbij was horen; een van hen is op vakantie.';
  form = await openAction(page, 'Beslissing verdagen');
  await form.getByLabel('Verdagen met').selectOption({ label: '2 weken' });
  await form.getByLabel('Reden voor de klager').fill(reason);
  // The preview names the date the postponement gives, before anything is sent.
  await form.getByRole('button', { name: 'Voorbeeld' }).click();
  const extPreview = form.getByRole('region', { name: 'Voorbeeld van het bericht' });
  await expect(extPreview).toContainText(
    `U krijgt onze beslissing nu uiterlijk ${longDate(legalTermEnd(calendar, complaint.createdAt, 56))}.`,
  );
  await form.getByRole('button', { name: 'Beslissing verdagen' }).click();
  await announced(page, /^De beslissing is verdaagd\. Beslissen uiterlijk /);
  const postponed = await readCase(page.request, id);
  const newDecision = postponed.complaint!.decisionDueAt!;
  expect(localDate(newDecision)).toBe(legalTermEnd(calendar, complaint.createdAt, 56));
  expect(localTime(newDecision)).toBe('23:59');
  await expect(decisionDue).toHaveAttribute('datetime', newDecision);
  await expect(decisionDue).toHaveText(longDate(newDecision));
  await expect(panel).toContainText(`Met 2 weken: ${reason}`);
  // Once only: the action is gone.
  await expect(page.locator('summary', { hasText: /^Beslissing verdagen$/ })).toHaveCount(0);
  const extMail = await waitForMail(email, ['Verdaging van de beslissing op uw klacht', reference]);
  expect(extMail.text).toContain(reason);
  expect(extMail.text).toContain(`U krijgt onze beslissing nu uiterlijk ${longDate(newDecision)}.`);

  // Decide: the letter ends with the Nationale ombudsman.
  const decision =
    'Wij vinden uw klacht gegrond. De medewerker had u vriendelijker te woord moeten staan; we hebben dit met haar besproken.';
  form = await openAction(page, 'Beslissen op de klacht');
  await form.getByLabel('Oordeel').selectOption({ label: 'Gegrond' });
  await form.getByLabel('Beslissing en motivering').fill(decision);
  await form.getByRole('button', { name: 'Voorbeeld' }).click();
  const decidePreview = form.getByRole('region', { name: 'Voorbeeld van het bericht' });
  await expect(decidePreview).toContainText(decision);
  await expect(decidePreview).toContainText('Nationale ombudsman');
  await expectAccessible(page, 'the complaint page with the decision preview');
  await form.getByRole('button', { name: 'Beslissing versturen' }).click();
  await announced(page, /^De beslissing is vastgelegd. De persoon krijgt hierover een e-mail\./);
  await expect(panel).toContainText('Gegrond');
  const decided = await readCase(page.request, id);
  expect(decided.complaint?.decision).toMatchObject({ outcome: 'founded', text: decision });
  const decisionMail = await waitForMail(email, ['Onze beslissing op uw klacht', reference]);
  expect(decisionMail.text).toContain(decision);
  expect(decisionMail.text).toContain('Nationale ombudsman');
  expect(decisionMail.text).toContain('0800 335 55 55');

  await admin.request.dispose();
  await agent.request.dispose();
});

test('A team lead assigns two cases at once to a worker, who finds them under Mijn werk; a change made meanwhile by someone else is announced and the case reloaded', async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const agent = await apiAs(playwright, baseURL!, await createUser(page.request, 'agent', 'KCC'));
  const open = async (description: string) => {
    const response = await agent.request.post('/api/cases', {
      headers: agent.headers,
      data: {
        itemCode: 'straatverlichting-kapot',
        description,
        answers: { probleem: 'knippert' },
        location: { description },
        contactEmail: 'buurtbewoner@example.nl',
      },
    });
    expect(response.status()).toBe(201);
    return (await response.json()) as CaseBody;
  };
  const first = await open('Lamp knippert bij de speeltuin aan de Parklaan');
  const second = await open('Lamp knippert op de hoek van de Stationsweg');

  const workerEmail = await createUser(page.request, 'backoffice', 'Openbare ruimte');
  const lead = await createUser(page.request, 'teamlead', 'Openbare ruimte');
  await login(page, lead, { lang: 'nl' });
  const users = (await (await page.request.get('/api/users')).json()) as {
    items: { id: string; email: string }[];
  };
  const workerId = users.items.find((u) => u.email === workerEmail)!.id;

  await nav(page).getByRole('link', { name: 'Werkvoorraad', exact: true }).click();
  await page
    .getByRole('navigation', { name: 'Welke werkvoorraad' })
    .getByRole('link', { name: 'Openbare ruimte' })
    .click();
  await page.getByRole('checkbox', { name: `Zaak ${first.reference} selecteren` }).check();
  await page.getByRole('checkbox', { name: `Zaak ${second.reference} selecteren` }).check();
  const bulk = page.getByRole('form', { name: '2 zaken geselecteerd' });
  // Nobody chosen yet: the field says so, and the form's alert lists it.
  await bulk.getByRole('button', { name: 'Toewijzen' }).click();
  await expect(bulk.getByLabel('Toewijzen aan…')).toBeFocused();
  await expect(bulk.getByRole('alert')).toContainText('Toewijzen aan…: Maak een keuze.');
  await bulk.getByLabel('Toewijzen aan…').selectOption(workerId);
  await expectAccessible(page, 'the queue with two cases selected');
  await bulk.getByRole('button', { name: 'Toewijzen' }).click();
  await announced(page, '2 zaken zijn toegewezen.');
  for (const c of [first, second]) expect((await readCase(page.request, c.id)).assignee?.id).toBe(workerId);

  // The worker finds both under "Mijn werk".
  const context = await browser.newContext();
  const worker = await context.newPage();
  await login(worker, workerEmail, { lang: 'nl' });
  await nav(worker).getByRole('link', { name: 'Werkvoorraad', exact: true }).click();
  await expect(worker.getByRole('heading', { level: 2, name: 'Mijn werk' })).toBeVisible();
  await expect(worker.getByRole('link', { name: first.reference, exact: true })).toBeVisible();
  await expect(worker.getByRole('link', { name: second.reference, exact: true })).toBeVisible();

  // The team lead has the first case open; meanwhile the worker moves it on.
  await page.goto(`/cases/${first.id}`);
  await expect(h1(page)).toHaveText(`Zaak ${first.reference}`);
  const form = await openAction(page, 'Status wijzigen');
  await form.getByLabel('Nieuwe status').selectOption({ label: 'Doorgestuurd (rondt de zaak af)' });
  const current = await readCase(context.request, first.id);
  const csrf = ((await (await context.request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const moved = await context.request.post(`/api/cases/${first.id}/transitions`, {
    headers: { 'x-csrf-token': csrf },
    data: { to: 'beoordeling', notify: false, version: current.version },
  });
  expect(moved.status()).toBe(200);
  await form.getByRole('button', { name: 'Status wijzigen' }).click();
  const conflict = page
    .getByRole('alert')
    .filter({ hasText: 'Iemand anders heeft deze zaak intussen gewijzigd' });
  await expect(conflict).toBeVisible();
  await expect(conflict).toBeFocused();
  // The page shows the case as it is now, with the statuses reachable from there.
  await expect(page.getByRole('region', { name: 'Gegevens' })).toContainText(
    'Beoordeling door de vakafdeling',
  );
  await expect(form.getByLabel('Nieuwe status').locator('option', { hasText: 'Ingepland' })).toHaveCount(1);
  await expectAccessible(page, 'the case page after a conflict');
  expect((await readCase(page.request, first.id)).status.key).toBe('beoordeling');

  await context.close();
  await agent.request.dispose();
});
