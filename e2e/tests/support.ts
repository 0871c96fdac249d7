import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';

export const PASSWORD = 'e2e-demo-password';

export type Lang = 'nl' | 'en';

/** The narrowest screen a page must fit without scrolling sideways (WCAG 1.4.10 Reflow: 320 CSS px). */
export const REFLOW_WIDTH = 320;

/**
 * axe-core, the version @axe-core/playwright carries. Its `AxeBuilder` evaluated axe's source (0.5 MB) in the page
 * twice per scan, ran the rules per frame (`runPartial`) and finished in a blank page it opened for the purpose —
 * 2 to 3 times the time of the rules themselves, and on a long page seconds more (ADR 0023). The app has no frames:
 * the source is evaluated once per document and `axe.run` runs the same rules there (same passes and
 * incomplete checks as AxeBuilder's, compared page by page when this changed).
 */
const axeSource = readFileSync(
  createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve(
    'axe-core/axe.min.js',
  ),
  'utf8',
);
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The rules whose outcome depends on the window's width rather than on the document: a table or panel that only
 * scrolls when the window is narrow must still be reachable by keyboard.
 */
const LAYOUT_RULES = ['scrollable-region-focusable'];

/**
 * Every WCAG 2.1 A/AA rule on what the page shows now, but those in `skip`; with `only`, just those rules.
 */
async function axe(page: Page, what: string, skip: readonly string[] = [], only?: readonly string[]) {
  // A step of its own: the report shows each scan and its time.
  await test.step(`axe: ${what}`, () => runAxe(page, what, skip, only), { box: true });
}

async function runAxe(page: Page, what: string, skip: readonly string[], only?: readonly string[]) {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  // Colour contrast (nine tenths of a scan's time) is checked on every row of a table up to the tenth: the rows
  // repeat one component with the same styles; a table of a hundred items took a second more and checked nothing
  // new. Every other rule checks every row. On a page without such a table one scan does all (a second scan costs
  // its own walk through the page).
  const contrast = !skip.includes('color-contrast') && (!only || only.includes('color-contrast'));
  const summary = await page.evaluate(
    async ({ tags, skip, only, contrast }) => {
      interface Violation {
        id: string;
        impact?: string | null;
        nodes: { target: string[] }[];
      }
      type Axe = {
        run: (context: unknown, options: object) => Promise<{ violations: Violation[] }>;
      };
      const engine = (window as unknown as { axe: Axe }).axe;
      const runOnly = only ? { type: 'rule', values: only } : { type: 'tag', values: tags };
      const sample =
        contrast && [...document.querySelectorAll('tbody')].some((body) => body.rows.length > 10);
      // Only violations are read: the other lists keep one node each (less to carry out of the page).
      const { violations } = await engine.run(document, {
        runOnly,
        rules: Object.fromEntries(
          [...skip, ...(sample ? ['color-contrast'] : [])].map((id) => [id, { enabled: false }]),
        ),
        resultTypes: ['violations'],
      });
      if (sample) {
        const sampled = await engine.run(
          { exclude: [['tbody > tr:nth-child(n+11)']] },
          { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'] },
        );
        violations.push(...sampled.violations);
      }
      return violations.map(
        (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    },
    { tags: WCAG_TAGS, skip: [...skip], only: only ? [...only] : undefined, contrast },
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/**
 * `expectAccessible` again with the page's text at 200% (WCAG 1.4.4 resize text): axe, and at 320 px no sideways
 * scrolling. The page is left as it was.
 */
export async function expectAccessibleAtDoubleText(page: Page, what: string) {
  const style = await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
  try {
    await expectAccessible(page, `${what} with 200% text`);
  } finally {
    await style.evaluate((element) => (element as Element).remove());
  }
}

/**
 * Zero WCAG 2.1 A/AA violations on what the page shows now at the window's width; then at 320 px wide the page must
 * reflow (no scrolling sideways; a table may scroll inside its own container), and `narrowScan` says what axe checks
 * there. `'layout'` (the default): the rules whose outcome depends on the width (`LAYOUT_RULES`) — the document,
 * its names, labels and colours are the same at both widths, and every page of the navigation gets a full scan at
 * 320 px in the shell walk. `'full'`: every rule again (the shell walk, in Dutch). `false`: the reflow alone (a page
 * scanned at 320 px elsewhere). `contrast: false` leaves out colour contrast (the costliest rule on a long page) for
 * a page whose colours were checked in the other language: every rule about its words still runs. The window's size
 * is restored afterwards.
 */
export async function expectAccessible(
  page: Page,
  what: string,
  options: { narrowScan?: 'full' | 'layout' | false; contrast?: boolean } = {},
) {
  await axe(page, what, options.contrast === false ? ['color-contrast'] : []);
  const size = page.viewportSize();
  if (!size || size.width <= REFLOW_WIDTH) return;
  await page.setViewportSize({ width: REFLOW_WIDTH, height: size.height });
  try {
    // Measured after the browser has laid the page out at the new width.
    const width = await page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => resolve(document.scrollingElement?.scrollWidth ?? 0)),
          ),
        ),
    );
    expect(width, `${what} scrolls sideways at ${REFLOW_WIDTH} px wide`).toBeLessThanOrEqual(
      REFLOW_WIDTH + 1,
    );
    const narrow = options.narrowScan ?? 'layout';
    if (narrow === 'full') await axe(page, `${what} at ${REFLOW_WIDTH} px wide`);
    else if (narrow === 'layout')
      await axe(page, `${what} at ${REFLOW_WIDTH} px wide (layout rules)`, [], LAYOUT_RULES);
  } finally {
    await page.setViewportSize(size);
  }
}

const T = {
  nl: {
    email: 'E-mailadres',
    password: 'Wachtwoord',
    login: 'Inloggen',
    nav: 'Hoofdnavigatie',
    menu: /Gebruikersmenu/,
    logout: 'Uitloggen',
  },
  en: {
    email: 'Email address',
    password: 'Password',
    login: 'Log in',
    nav: 'Main navigation',
    menu: /User menu/,
    logout: 'Log out',
  },
} as const;
export const text = (lang: Lang) => T[lang];

/**
 * Signs in through the login page. With `lang`, that language is chosen on the login page first (and, as the
 * person's explicit choice, saved to their profile); without it the app follows the saved preference, and
 * `expect` says which language the shell should then show.
 */
export async function login(
  page: Page,
  email: string,
  options: { lang?: Lang; password?: string; expect?: Lang } = {},
) {
  const lang = options.lang ?? 'nl';
  // The sign-in page is the server's (ADR 0022): the other language is a link in its header, and Dutch (the
  // default) is chosen explicitly in the address.
  await page.goto(options.lang === 'nl' ? '/login?lang=nl' : '/login');
  await expect(page.getByRole('heading', { level: 1, name: T.nl.login })).toBeVisible();
  if (options.lang === 'en') {
    await page.getByRole('banner').getByRole('link', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: T[lang].login })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
  }
  await page.getByLabel(T[lang].email).fill(email);
  await page.getByLabel(T[lang].password, { exact: true }).fill(options.password ?? PASSWORD);
  await page.getByRole('button', { name: T[lang].login }).click();
  await expect(page.getByRole('navigation', { name: T[options.expect ?? lang].nav })).toBeVisible();
}

/** Creates a user through the API as the demo admin (for tests that change a user's own settings). */
export async function createUser(request: APIRequestContext, role: string, teamName?: string) {
  const login = await request.post('/api/auth/login', {
    data: { email: 'admin@voorbeeld.nl', password: PASSWORD },
  });
  expect(login.status()).toBe(200);
  const csrf = ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const teams = (
    (await (await request.get('/api/teams')).json()) as { items: { id: string; name: string }[] }
  ).items;
  const email = `e2e-${role}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@voorbeeld.nl`;
  const created = await request.post('/api/users', {
    headers: { 'x-csrf-token': csrf },
    data: {
      email,
      name: `E2E ${role}`,
      password: PASSWORD,
      memberships: [{ teamId: (teams.find((t) => t.name === teamName) ?? teams[0]!).id, role }],
    },
  });
  expect(created.status()).toBe(201);
  await request.post('/api/auth/logout', { headers: { 'x-csrf-token': csrf } });
  return email;
}

/** The panel of the user menu, opened. */
export async function openUserMenu(page: Page, lang: Lang) {
  const button = page.getByRole('button', { name: T[lang].menu });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  return page.locator(`#${await button.getAttribute('aria-controls')}`);
}
