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
   * Only for a page of the web app built before the budget (bytes, gzip): what it loaded when the budget came, so
   * it cannot grow unnoticed; the goal stays FIRST_LOAD_JS_BUDGET. None now: every public page is rendered on the
   * server (ADR 0022), the report form last (it loaded 233.5 kB of the web app's JavaScript).
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
  // The resident portal (issue 13): every page rendered by the server (ADR 0022, addendum), no script.
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
    name: 'public article (server-rendered)',
    path: '/p/voorbeeld/vragen/kb-paspoort-kwijt',
    heading: 'Ik ben mijn paspoort kwijt, wat moet ik doen?',
  },
  {
    name: 'portal report form (server-rendered)',
    path: '/p/voorbeeld/diensten/straatverlichting-kapot/melden',
    heading: /melden$/,
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
  // Issue 15 (public): an idea to improve, and the ideas to think along with (server-rendered, no script).
  {
    name: 'suggest an improvement (server-rendered)',
    path: '/p/voorbeeld/verbeteridee',
    heading: 'Idee om ons beter te maken',
  },
  {
    name: 'public ideas (server-rendered)',
    path: '/p/voorbeeld/ideeen',
    heading: 'Denk mee over onze ideeën',
  },
];
