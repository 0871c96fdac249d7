/**
 * The pages a resident (or anyone not signed in) opens: THE list to extend when a public page is added. Read by
 * - the build (vite.config.ts, `firstLoadReport`): prints each page's first-load JavaScript, gzip, and writes
 *   it to .tmp/page-weight.json;
 * - e2e/tests/page-weight.spec.ts: opens each page in Chromium and fails when what it loads is over the budget
 *   or includes the staff app;
 * - bench/src/lighthouse.ts: the pages Lighthouse measures.
 * No imports: the build configuration, the end-to-end tests and the benchmark all read it as it is.
 */
export interface PublicPage {
  /** What the page is, in reports. */
  name: string;
  /** Where to open it (the demo organisation's slug is `voorbeeld`). */
  path: string;
  /** The page's heading (Dutch, the default language), which says that the page has shown. */
  heading: string | RegExp;
  /**
   * The page's module in the web app (relative to apps/web; its route's own chunk), for the build's report and
   * for telling its chunk from the staff app's. Absent on a page the server renders (ADR 0022): it loads no script.
   */
  module?: string;
  /**
   * Only for a page built before the budget (bytes, gzip): what it loaded when the budget came, so it cannot grow
   * unnoticed. The goal is still FIRST_LOAD_JS_BUDGET — the shared chunks (React, the router, every page's words)
   * are what puts them over it. A new page has no `budget` of its own.
   */
  budget?: number;
}

/** At most this much JavaScript (bytes, gzip, as sent) before a public page is usable: the entry and its page. */
export const FIRST_LOAD_JS_BUDGET = 100_000;

export const PUBLIC_PAGES: PublicPage[] = [
  {
    name: 'public catalogue',
    path: '/p/voorbeeld/diensten',
    heading: 'Wat kunt u van ons verwachten',
    module: 'src/features/public-catalogue/PublicCataloguePage.tsx',
    budget: 195_000, // 188.6 kB when measured
  },
  {
    name: 'sign-in of an organisation',
    path: '/p/voorbeeld/inloggen',
    heading: 'Inloggen',
    module: 'src/features/auth/OrganisationLoginPage.tsx',
    budget: 220_000, // 212.3 kB when measured
  },
  {
    name: 'sign-in',
    path: '/login',
    heading: 'Inloggen',
    module: 'src/features/auth/LoginPage.tsx',
    budget: 220_000, // 210.9 kB when measured
  },
];
