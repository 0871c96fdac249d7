/**
 * Every demo role signs in and walks the whole shell, in Dutch and in English: every navigation item it may use
 * and no other, each page's heading, title and current-page mark. axe scans every page (at the window's width
 * and at 320 px) once per language, in the walk of the first role that has it, and the user menu and the account
 * page in the administrator's walk: scanning a shared page again for each role cost most of this test's time
 * and grew with every page added.
 */
import { expect, test } from '@playwright/test';
import { createUser, expectAccessible, type Lang, login, openUserMenu, text } from './support.ts';

interface NavItem {
  nl: string;
  en: string;
  path: string;
  /** The page's h1 in both languages. */
  h1: { nl: string | RegExp; en: string | RegExp };
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
};
const KNOWLEDGE: NavItem = {
  nl: 'Kennisbank',
  en: 'Knowledge base',
  path: '/admin/knowledge',
  h1: { nl: 'Kennisbank', en: 'Knowledge base' },
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
};

const ROLES: { email: string; nav: NavItem[] }[] = [
  { email: 'agent@voorbeeld.nl', nav: [HOME, WORKSPACE, QUEUE, SEARCH, CALLBACKS] },
  { email: 'mcc@voorbeeld.nl', nav: [HOME, WORKSPACE, QUEUE, SEARCH, CALLBACKS] },
  { email: 'backoffice@voorbeeld.nl', nav: [HOME, QUEUE, SEARCH, CALLBACKS, LETTERS] },
  {
    email: 'teamlead@voorbeeld.nl',
    nav: [HOME, QUEUE, SEARCH, CALLBACKS, LETTERS, STATS, USERS, TEAMS, SETTINGS],
  },
  {
    email: 'manager@voorbeeld.nl',
    nav: [HOME, QUEUE, SEARCH, STATS, CATALOGUE, KNOWLEDGE, CALENDAR, USERS, TEAMS],
  },
  { email: 'quality@voorbeeld.nl', nav: [HOME, QUEUE, SEARCH, STATS, CATALOGUE, KNOWLEDGE, CALENDAR, AUDIT] },
  {
    email: 'admin@voorbeeld.nl',
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
    ],
  },
];

/** The role whose walk scans a page: the first in ROLES that has it. */
const scannedBy = new Map<string, string>();
for (const role of ROLES)
  for (const item of role.nav) if (!scannedBy.has(item.path)) scannedBy.set(item.path, role.email);
const SCANS_MENU = 'admin@voorbeeld.nl';

for (const lang of ['nl', 'en'] as Lang[]) {
  for (const role of ROLES) {
    test(`${role.email} walks the shell in ${lang === 'nl' ? 'Dutch' : 'English'}`, async ({ page }) => {
      const t = text(lang);
      await login(page, role.email, { lang });
      const nav = page.getByRole('navigation', { name: t.nav });
      // Exactly the items this role may use: nothing that is not built, nothing that would answer 403.
      await expect(nav.getByRole('link')).toHaveText(role.nav.map((item) => item[lang]));

      for (const item of role.nav) {
        await nav.getByRole('link', { name: item[lang], exact: true }).click();
        await expect(page).toHaveURL(item.path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.h1[lang]);
        await expect(nav.getByRole('link', { name: item[lang], exact: true })).toHaveAttribute(
          'aria-current',
          'page',
        );
        await expect(page).toHaveTitle(/ — Voordeur$/);
        if (scannedBy.get(item.path) === role.email)
          await expectAccessible(page, `${item.path} (${role.email}, ${lang})`);
      }

      const menu = await openUserMenu(page, lang);
      if (role.email === SCANS_MENU) await expectAccessible(page, `user menu (${role.email}, ${lang})`);
      await menu.getByRole('link', { name: lang === 'nl' ? 'Mijn account' : 'My account' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        lang === 'nl' ? 'Mijn account' : 'My account',
      );
      if (role.email === SCANS_MENU) await expectAccessible(page, `account (${role.email}, ${lang})`);

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
