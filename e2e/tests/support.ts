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

/**
 * The looks whose colour contrast this worker has checked (see `runAxe`): a hash of a text element's signature
 * within its context (window width, text size, the theme's colours).
 */
const contrastChecked = new Set<number>();

async function runAxe(page: Page, what: string, skip: readonly string[], only?: readonly string[]) {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  // Colour contrast is nine tenths of a scan's time, and its outcome for an element follows from the element's and
  // its ancestors' styles alone: their tags, classes and state attributes (aria-current, disabled, inline style …),
  // the window's width, the text size and the theme. So each such look is checked once per worker — a table's
  // hundred alike rows, the header on every page and role, a page seen again after an action — and every look new to
  // the worker (a new component, state, width, text size or theme) is checked where it first shows. Every other
  // rule checks the whole page every time.
  const contrast = !skip.includes('color-contrast') && (!only || only.includes('color-contrast'));
  const { summary, looks } = await page.evaluate(
    async ({ tags, skip, only, contrast, checked }) => {
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
      // Only violations are read: the other lists keep one node each (less to carry out of the page).
      const { violations } = await engine.run(document, {
        runOnly,
        rules: Object.fromEntries([...skip, 'color-contrast'].map((id) => [id, { enabled: false }])),
        resultTypes: ['violations'],
      });
      const looks: number[] = [];
      // cyrb53: a 53-bit string hash (what crosses to the test process, instead of the signatures themselves).
      const hash = (text: string) => {
        let h1 = 0xdeadbeef;
        let h2 = 0x41c6ce57;
        for (let i = 0; i < text.length; i++) {
          const c = text.charCodeAt(i);
          h1 = Math.imul(h1 ^ c, 2654435761);
          h2 = Math.imul(h2 ^ c, 1597334677);
        }
        h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
        h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
        return 4294967296 * (2097151 & h2) + (h1 >>> 0);
      };
      if (contrast) {
        // Attributes that name or point at something, not how it looks.
        const naming = new Set([
          'id',
          'href',
          'src',
          'srcset',
          'alt',
          'title',
          'name',
          'value',
          'for',
          'action',
          'datetime',
          'placeholder',
          'aria-label',
          'aria-labelledby',
          'aria-describedby',
          'aria-controls',
          'aria-owns',
          'aria-activedescendant',
          'data-testid',
          'autocomplete',
        ]);
        const part = (e: Element) =>
          [
            e.localName,
            ...[...e.attributes].filter((a) => !naming.has(a.name)).map((a) => `${a.name}=${a.value}`),
          ].join(' ') + (e === document.activeElement ? ' :focus' : '');
        const root = document.documentElement;
        const theme = [...document.styleSheets]
          .flatMap((sheet) => {
            try {
              return [...sheet.cssRules].filter((r) => (r as CSSStyleRule).selectorText === ':root');
            } catch {
              return [];
            }
          })
          .map((r) => r.cssText)
          .join('');
        const context = `${innerWidth} ${getComputedStyle(root).fontSize} ${theme}`;
        const seen = new Set(checked);
        const include: Element[] = [];
        for (const e of document.querySelectorAll('body *')) {
          const text = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
          if (!text && !e.matches('input, select, textarea, button')) continue;
          const chain: string[] = [];
          for (let a: Element | null = e; a; a = a.parentElement) chain.push(part(a));
          const look = hash(`${context}|${chain.join('<')}`);
          if (seen.has(look)) continue;
          seen.add(look);
          looks.push(look);
          include.push(e);
        }
        if (include.length) {
          const checkedNow = await engine.run(
            { include },
            { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'] },
          );
          violations.push(...checkedNow.violations);
        }
      }
      return {
        summary: violations.map(
          (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        ),
        looks,
      };
    },
    {
      tags: WCAG_TAGS,
      skip: [...skip],
      only: only ? [...only] : undefined,
      contrast,
      checked: contrast ? [...contrastChecked] : [],
    },
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
  for (const look of looks) contrastChecked.add(look);
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
