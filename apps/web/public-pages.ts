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
   * unnoticed. The goal is still FIRST_LOAD_JS_BUDGET — the shared chunks (React and its DOM, the router, the query
   * cache, i18next) are what puts them over it: the portal's report form got its measured size as a ceiling (it
   * also carries the intake schema). The portal's home, catalogue and item pages, the tracking page, My page and the
   * sign-in pages are rendered on the server now (no script at all, ADR 0022); the form needs the same or a lighter
   * runtime to come under it.
   */
  budget?: number;
}

/** At most this much JavaScript (bytes, gzip, as sent) before a public page is usable: the entry and its page. */
export const FIRST_LOAD_JS_BUDGET = 100_000;

export const PUBLIC_PAGES: PublicPage[] = [
  // The sign-in pages are rendered by the server (ADR 0022, addendum): no script until the app after signing in.
  {
    name: 'sign-in of an organisation (server-rendered)',
    path: '/p/voorbeeld/inloggen',
    heading: 'Inloggen',
  },
  {
    name: 'sign-in (server-rendered)',
    path: '/login',
    heading: 'Inloggen',
  },
  // The resident portal (issue 13).
  // Its home, the catalogue and an item's page are rendered by the server (ADR 0022, addendum): no script.
  {
    name: 'portal home (server-rendered)',
    path: '/p/voorbeeld',
    heading: 'Waarmee kunnen we u helpen?',
  },
  {
    name: 'public catalogue (server-rendered)',
    path: '/p/voorbeeld/diensten',
    heading: 'Wat kunt u van ons verwachten',
  },
  {
    name: 'portal item page (server-rendered)',
    path: '/p/voorbeeld/diensten/straatverlichting-kapot',
    heading: /Lantaarnpaal/,
  },
  {
    name: 'portal report form',
    path: '/p/voorbeeld/diensten/straatverlichting-kapot/melden',
    heading: /melden$/,
    module: 'src/features/portal/PortalReportPage.tsx',
    budget: 243_000, // 236.5 kB when measured (issue 13: the staff app's words load with its pages)
  },
  {
    name: 'My page (sign-in, server-rendered)',
    path: '/p/voorbeeld/mijn',
    heading: /Mijn pagina/,
  },
  {
    name: 'case page without the link (server-rendered)',
    path: '/p/voorbeeld/zaak',
    heading: 'Uw zaak bekijken',
  },
  // Issue 14 (public): the performance page (server-rendered, no script).
  {
    name: 'public performance (server-rendered)',
    path: '/p/voorbeeld/prestaties',
    heading: 'Hoe goed helpen wij u?',
  },
];
