/**
 * The shell, for every demo role in Dutch and in English: every navigation item it may use and no other, each
 * page's heading, title and current-page mark, the user menu, the account page and logging out. axe scans every
 * page once per language at the window's width and in Dutch again at 320 px (where every page must also reflow,
 * measured in both languages; in English every rule but colour contrast, whose colours the Dutch scans checked),
 * and the user menu and the account page in the administrator's test.
 *
 * One test per role and language walks that role's navigation in one session, as a person moves through the
 * app: in Dutch each page through its link in the navigation, and the pages this role scans by their address (a
 * full load, so every page is also opened by URL once per language); in English the navigation's links, and only
 * the pages this role scans. The scans are spread over the roles that have the page (`SCANNER`), so no walk grows
 * much with the number of pages: a new page costs one visit per role that has it in Dutch (a click, well under a
 * second), one visit in English and three scans. (Before: one test per page and language that signed in again
 * for every role, and a test per role besides — 4 minutes of test time for 16 pages; then every role visited
 * every page of its navigation in English too.)
 * They sign in through the API, not the login form: every other journey walks the form (`login` in support.ts),
 * and so does the language test at the end.
 */
import { expect, type Page, test } from '@playwright/test';
import { createUser, expectAccessible, type Lang, login, openUserMenu, PASSWORD, text } from './support.ts';

interface NavItem {
  nl: string;
  en: string;
  path: string;
  /** The page's h1 in both languages. */
  h1: { nl: string | RegExp; en: string | RegExp };
  /** Where the link lands when it is not `path` itself (the section sends a role on to its first page). */
  lands?: RegExp;
  /** A long page (every item, article or event of the demo): its scan takes several times a short one's. */
  long?: true;
}

const HOME: NavItem = { nl: 'Overzicht', en: 'Home', path: '/', h1: { nl: /^Welkom/, en: /^Welcome/ } };
const SEARCH: NavItem = { nl: 'Zoeken', en: 'Search', path: '/search', h1: { nl: 'Zoeken', en: 'Search' } };
const WORKSPACE: NavItem = {
  nl: 'Werkplek',
  en: 'Workspace',
  path: '/workspace',
  h1: { nl: 'Werkplek', en: 'Workspace' },
};
const QUEUE: NavItem = {
  nl: 'Werkvoorraad',
  en: 'Work queue',
  path: '/queue',
  h1: { nl: 'Werkvoorraad', en: 'Work queue' },
};
const CALLBACKS: NavItem = {
  nl: 'Terugbelverzoeken',
  en: 'Callback requests',
  path: '/callbacks',
  h1: { nl: 'Terugbelverzoeken', en: 'Callback requests' },
};
const LETTERS: NavItem = {
  nl: 'Post te versturen',
  en: 'Post to send',
  path: '/letters',
  h1: { nl: 'Post te versturen', en: 'Post to send' },
};
const STATS: NavItem = {
  nl: 'Eerste keer goed',
  en: 'First-contact resolution',
  path: '/contacts/stats',
  h1: { nl: 'Eerste keer goed', en: 'First-contact resolution' },
};
const CATALOGUE: NavItem = {
  nl: 'Catalogus',
  en: 'Catalogue',
  path: '/admin/catalogue',
  h1: { nl: 'Catalogus', en: 'Catalogue' },
  long: true,
};
const KNOWLEDGE: NavItem = {
  nl: 'Kennisbank',
  en: 'Knowledge base',
  path: '/admin/knowledge',
  h1: { nl: 'Kennisbank', en: 'Knowledge base' },
  long: true,
};
const CALENDAR: NavItem = {
  nl: 'Werktijden',
  en: 'Working hours',
  path: '/admin/calendar',
  h1: { nl: 'Werktijden', en: 'Working hours' },
};
const TRANSFER: NavItem = {
  nl: 'Importeren en exporteren',
  en: 'Import and export',
  path: '/admin/transfer',
  h1: { nl: 'Importeren en exporteren', en: 'Import and export' },
};
const USERS: NavItem = {
  nl: 'Gebruikers',
  en: 'Users',
  path: '/admin/users',
  h1: { nl: 'Gebruikers', en: 'Users' },
};
const TEAMS: NavItem = { nl: 'Teams', en: 'Teams', path: '/admin/teams', h1: { nl: 'Teams', en: 'Teams' } };
const TOKENS: NavItem = {
  nl: 'API-tokens',
  en: 'API tokens',
  path: '/admin/tokens',
  h1: { nl: 'API-tokens', en: 'API tokens' },
};
const SETTINGS: NavItem = {
  nl: 'Instellingen',
  en: 'Settings',
  path: '/admin/settings',
  h1: { nl: 'Instellingen', en: 'Settings' },
};
const AUDIT: NavItem = {
  nl: 'Audittrail',
  en: 'Audit trail',
  path: '/audit',
  h1: { nl: 'Audittrail', en: 'Audit trail' },
  long: true,
};
// Monitoring (issue 14): the dashboards; a team lead's teams; for those who may see only their own figures, those.
const MONITORING: NavItem = {
  nl: 'Monitoring',
  en: 'Monitoring',
  path: '/monitoring',
  h1: {
    nl: /^(Monitoring|Teams en medewerkers|Mijn cijfers)$/,
    en: /^(Monitoring|Teams and staff|My figures)$/,
  },
};

// Excellence (issue 15): the overview; for those who may not read it, the first page of the section they may open.
const EXCELLENCE: NavItem = {
  nl: 'Verbeteren',
  en: 'Improvement',
  path: '/excellence',
  lands: /\/excellence(\/strategy|\/pulse)?$/,
  h1: {
    nl: /^(Verbeteren: overzicht|Visie en doelen|Teampeiling)$/,
    en: /^(Improvement: overview|Vision and objectives|Team pulse)$/,
  },
};

/**
 * Each demo person with their role and (first) team. The English walks are made by a new colleague with the same
 * role in the same team: a walk in English saves English as the person's language, and the other journeys, running
 * meanwhile, sign the demo people in expecting Dutch.
 */
const ROLES: { email: string; role: string; team: string; nav: NavItem[] }[] = [
  {
    email: 'agent@voorbeeld.nl',
    role: 'agent',
    team: 'KCC',
    nav: [HOME, WORKSPACE, QUEUE, SEARCH, CALLBACKS, MONITORING, EXCELLENCE],
  },
  {
    email: 'mcc@voorbeeld.nl',
    role: 'agent',
    team: 'MCC',
    nav: [HOME, WORKSPACE, QUEUE, SEARCH, CALLBACKS, MONITORING, EXCELLENCE],
  },
  {
    email: 'backoffice@voorbeeld.nl',
    role: 'backoffice',
    team: 'Openbare ruimte',
    nav: [HOME, QUEUE, SEARCH, CALLBACKS, LETTERS, MONITORING, EXCELLENCE],
  },
  {
    email: 'teamlead@voorbeeld.nl',
    role: 'teamlead',
    team: 'KCC',
    nav: [HOME, QUEUE, SEARCH, CALLBACKS, LETTERS, STATS, USERS, TEAMS, SETTINGS, MONITORING, EXCELLENCE],
  },
  {
    email: 'manager@voorbeeld.nl',
    role: 'manager',
    team: 'Management',
    nav: [HOME, QUEUE, SEARCH, STATS, CATALOGUE, KNOWLEDGE, CALENDAR, USERS, TEAMS, MONITORING, EXCELLENCE],
  },
  {
    email: 'quality@voorbeeld.nl',
    role: 'quality',
    team: 'Management',
    nav: [HOME, QUEUE, SEARCH, STATS, CATALOGUE, KNOWLEDGE, CALENDAR, AUDIT, MONITORING, EXCELLENCE],
  },
  {
    email: 'admin@voorbeeld.nl',
    role: 'admin',
    team: 'Management',
    nav: [
      HOME,
      WORKSPACE,
      QUEUE,
      SEARCH,
      CALLBACKS,
      LETTERS,
      STATS,
      CATALOGUE,
      KNOWLEDGE,
      CALENDAR,
      TRANSFER,
      USERS,
      TEAMS,
      TOKENS,
      SETTINGS,
      AUDIT,
      MONITORING,
      EXCELLENCE,
    ],
  },
  // The integrity officer (issue 15): the integrity register (in the excellence section) is theirs alone; the rest
  // of the app only as every colleague has it.
  {
    email: 'integriteit@voorbeeld.nl',
    role: 'integrity',
    team: 'Management',
    nav: [HOME, SEARCH, EXCELLENCE],
  },
];

const LANGS: Lang[] = ['nl', 'en'];
const language = (lang: Lang) => (lang === 'nl' ? 'Dutch' : 'English');
/** The role whose test scans the user menu and the account page. */
const SCANS_MENU = 'admin@voorbeeld.nl';

/** Every page in the navigation, each once, in the order of the first role that has it. */
const PAGES = [...new Map(ROLES.flatMap((role) => role.nav).map((item) => [item.path, item])).values()];

/**
 * Which role's walk opens each page by its address and scans it: of the roles that have the page, the one with the
 * least scanning so far (a long page counts four; the administrator starts with two: the user menu and the account
 * page), the long pages first — so that no walk gets two of them and runs into the time limit on a busy machine.
 */
const SCANNER = (() => {
  const load = new Map(ROLES.map((role) => [role.email, role.email === SCANS_MENU ? 2 : 0]));
  const weight = (item: NavItem) => (item.long ? 4 : 1);
  const scanner = new Map<string, string>();
  for (const item of [...PAGES].sort((a, b) => weight(b) - weight(a))) {
    const roles = ROLES.filter((role) => role.nav.includes(item)).map((role) => role.email);
    const chosen = roles.reduce((a, b) => (load.get(b)! < load.get(a)! ? b : a));
    scanner.set(item.path, chosen);
    load.set(chosen, load.get(chosen)! + weight(item));
  }
  return scanner;
})();

/**
 * Signs in as `email` through the API (the browser context gets the session cookie) and saves `lang` as the
 * person's language, which the shell speaks after the next page load.
 */
async function signIn(page: Page, email: string, lang: Lang) {
  await page.context().clearCookies();
  const login = await page.request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  expect(login.status(), `sign-in of ${email}`).toBe(200);
  await saveLanguage(page, lang);
}

async function saveLanguage(page: Page, lang: Lang) {
  const csrf = ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const saved = await page.request.patch('/api/auth/me/locale', {
    headers: { 'x-csrf-token': csrf },
    data: { locale: lang },
  });
  expect(saved.ok(), 'language saved').toBe(true);
}

/**
 * Opens `path` in the signed-in shell, in `lang`. The shell speaks the person's saved language, once per page
 * load; should it show the other one (a journey that signed the same person in meanwhile may have saved it), the
 * language is chosen in the user menu, as a person would.
 */
async function openShell(page: Page, path: string, lang: Lang) {
  await page.goto(path);
  const nav = page.getByRole('navigation', { name: /^(Hoofdnavigatie|Main navigation)$/ });
  await expect(nav).toBeVisible();
  // The shell shows once the saved language is in place (RequireAuth), so what it speaks now is settled.
  const shown = (await page.locator('html').getAttribute('lang')) as Lang;
  if (shown !== lang) {
    const menu = await openUserMenu(page, shown);
    await menu.getByRole('button', { name: lang === 'en' ? 'English' : 'Nederlands' }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: text(lang).menu })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  }
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  return page.getByRole('navigation', { name: text(lang).nav });
}

// The demo people speak Dutch again afterwards (each test restores it; this when one failed halfway): other
// journeys sign them in without choosing a language.
test.afterEach(async ({ page }) => {
  if ((await page.request.get('/api/auth/me')).status() === 200) await saveLanguage(page, 'nl');
});

for (const lang of LANGS) {
  for (const role of ROLES) {
    const who = lang === 'nl' ? role.email : `a new ${role.role} of ${role.team} (as ${role.email})`;
    test(`${who} walks its own navigation, user menu and account page in ${language(lang)}`, async ({
      page,
      request,
    }) => {
      const t = text(lang);
      await signIn(page, lang === 'nl' ? role.email : await createUser(request, role.role, role.team), lang);
      let nav = await openShell(page, '/', lang);
      // Exactly the items this role may use: nothing that is not built, nothing that would answer 403.
      await expect(nav.getByRole('link')).toHaveText(role.nav.map((item) => item[lang]));
      for (const item of role.nav)
        await expect(nav.getByRole('link', { name: item[lang], exact: true })).toHaveAttribute(
          'href',
          item.path,
        );

      // Every page this role may use loads for it: its heading, its mark in the navigation, its own title. In
      // English each page is opened once, by the role that scans it: what a page shows a role is the Dutch walk's
      // question; here it is whether every page speaks English.
      let shown = { path: '/', title: await page.title() };
      for (const item of role.nav) {
        const scans = SCANNER.get(item.path) === role.email;
        if (lang === 'en' && !scans) continue;
        if (scans) nav = await openShell(page, item.path, lang);
        else await nav.getByRole('link', { name: item[lang], exact: true }).click();
        await expect(page).toHaveURL(item.lands ?? item.path);
        if (item.path !== shown.path) await expect.poll(() => page.title()).not.toBe(shown.title);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.h1[lang]);
        await expect(nav.getByRole('link', { name: item[lang], exact: true })).toHaveAttribute(
          'aria-current',
          'page',
        );
        await expect(page).toHaveTitle(/ — Voordeur$/);
        shown = { path: item.path, title: await page.title() };
        // A page looks the same to every role that has it: scanned once per language, and at 320 px in Dutch. In
        // English the reflow at 320 px is measured and the words are scanned at the window's width, every rule but
        // colour contrast: the colours are the Dutch page's, checked at both widths.
        if (scans)
          await expectAccessible(page, `${item.path} (${role.email}, ${lang})`, {
            narrowScan: lang === 'nl' ? 'full' : false,
            contrast: lang === 'nl',
          });
      }

      // The user menu over the home page (a small one: the scan is of the whole page).
      await nav.getByRole('link', { name: HOME[lang], exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOME.h1[lang]);
      const menu = await openUserMenu(page, lang);
      if (role.email === SCANS_MENU) await expectAccessible(page, `user menu (${role.email}, ${lang})`);
      await menu.getByRole('link', { name: lang === 'nl' ? 'Mijn account' : 'My account' }).click();
      await expect(page).toHaveURL('/account');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        lang === 'nl' ? 'Mijn account' : 'My account',
      );
      if (role.email === SCANS_MENU) await expectAccessible(page, `account (${role.email}, ${lang})`);

      // Back to Dutch before the session ends (afterEach cannot once it has).
      await saveLanguage(page, 'nl');
      await (await openUserMenu(page, lang)).getByRole('button', { name: t.logout }).click();
      await expect(page).toHaveURL(/\/login/);
      // The session is gone on the server too.
      expect((await page.request.get('/api/auth/me')).status()).toBe(401);
    });
  }
}

test('the language follows the person: English chosen in the menu is used at the next sign-in', async ({
  page,
  request,
}) => {
  const email = await createUser(request, 'agent');
  await login(page, email);
  await (await openUserMenu(page, 'nl')).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Welcome/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await (await openUserMenu(page, 'en')).getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login/);
  // As on a fresh browser: nothing remembered locally, the preference comes from the profile.
  await page.evaluate(() => window.localStorage.clear());
  await login(page, email, { expect: 'en' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Welcome/);
});
