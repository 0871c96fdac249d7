/** @jsxRuntime automatic @jsxImportSource react */
// (The CLI runs the sources through tsx from any directory: the JSX runtime is named here, not left to a tsconfig.)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PageTheme } from './web.ts';

/**
 * Pages rendered on the server, for the public pages that must work without JavaScript (the tracking page, the
 * survey): React components rendered to static HTML (so every text is escaped), in the same frame and with the
 * same stylesheets as the web app's pages, wearing the organisation's theme. No script is sent, unless a page asks
 * for an entry of the web app's build that adds to it (the report form's map, only with tiles). ADR 0022.
 */
export interface ServerPage {
  language: 'nl' | 'en';
  /** The page's own title; the organisation's name is added after it. */
  title: string;
  /** The organisation's public name, shown in the header; absent on a page of no organisation (an unknown one). */
  organisation?: string;
  /** Where the organisation's name links to: its public home (/p/<slug>). */
  home: string;
  body: ReactNode;
  status?: number;
  /** Use the full width (a page with tables) instead of the narrow column of a form. */
  wide?: boolean;
  /**
   * The address of the same page in the other language, linked in the header (where the web app has its language
   * switch), named in that language.
   */
  otherLanguage?: string;
  /**
   * Scripts of the web app's build the page loads, by their source (an entry of vite.config.ts, e.g.
   * `src/public/map-pick.ts`), with their stylesheets. None by default: a page works without script.
   */
  entries?: string[];
}

export interface PagesOptions {
  /** The theme of the organisation a page belongs to (from the request's /p/<slug>/ path). */
  themeOf: (request: FastifyRequest) => Promise<PageTheme>;
}

declare module 'fastify' {
  interface FastifyReply {
    /** Sends a server-rendered page (text/html, never cached). */
    sendPage(page: ServerPage): Promise<FastifyReply>;
  }
  interface FastifyInstance {
    /** Whether the web app's build has this entry (`src/public/map-pick.ts`): a page may offer what it does. */
    hasPageEntry(source: string): boolean;
  }
}

/** A built entry as a page loads it: its script, the scripts it imports (preloaded) and every stylesheet. */
export interface BuiltEntry {
  script: string;
  preload: string[];
  stylesheets: string[];
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/** The entries of the web app's build, from Vite's manifest (`dist/.vite/manifest.json`); none before a build. */
export function buildEntries(webDist: string): Map<string, BuiltEntry> {
  const file = join(webDist, '.vite', 'manifest.json');
  const out = new Map<string, BuiltEntry>();
  if (!existsSync(file)) return out;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<
    string,
    ManifestChunk & { isEntry?: boolean }
  >;
  for (const [source, chunk] of Object.entries(manifest)) {
    if (!chunk.isEntry || source.endsWith('.html')) continue;
    const preload = new Set<string>();
    const stylesheets = new Set<string>(chunk.css ?? []);
    const visit = (key: string) => {
      const imported = manifest[key];
      if (!imported || preload.has(imported.file)) return;
      preload.add(imported.file);
      for (const css of imported.css ?? []) stylesheets.add(css);
      for (const next of imported.imports ?? []) visit(next);
    };
    for (const key of chunk.imports ?? []) visit(key);
    out.set(source, {
      script: `/${chunk.file}`,
      preload: [...preload].map((f) => `/${f}`),
      stylesheets: [...stylesheets].map((f) => `/${f}`),
    });
  }
  return out;
}

const WORDS = {
  nl: { skip: 'Naar de inhoud', footer: 'Deze pagina werkt ook zonder JavaScript.' },
  en: { skip: 'Skip to content', footer: 'This page also works without JavaScript.' },
} as const;

/** The other language of a page, named in its own words. */
const OTHER = { nl: { code: 'en', name: 'English' }, en: { code: 'nl', name: 'Nederlands' } } as const;

/** The stylesheets the built web app links (the design system and the app's own), or none before a build. */
export function buildStylesheets(webDist: string): string[] {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) return [];
  const html = readFileSync(index, 'utf8');
  return [...html.matchAll(/<link rel="stylesheet"[^>]*href="(\/assets\/[^"]+\.css)"/g)].map((m) => m[1]!);
}

function Frame({
  page,
  theme,
  stylesheets,
  entries,
}: {
  page: ServerPage;
  theme: PageTheme;
  stylesheets: string[];
  entries: BuiltEntry[];
}) {
  const words = WORDS[page.language];
  return (
    // `data-theme-class` names the theme's class, as on the web app's pages.
    <html
      lang={page.language}
      className={`${theme.className} utrecht-root`}
      data-theme-class={theme.className}
    >
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{`${page.title} — ${page.organisation ?? 'Voordeur'}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={theme.stylesheet} />
        {stylesheets.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        {entries.flatMap((entry) => [
          ...entry.stylesheets.map((href) => <link key={href} rel="stylesheet" href={href} />),
          ...entry.preload.map((href) => <link key={href} rel="modulepreload" href={href} />),
          <script key={entry.script} type="module" src={entry.script} />,
        ])}
      </head>
      <body className="utrecht-body">
        <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
          {words.skip}
        </a>
        <div className="utrecht-page-layout vd-layout">
          {/* The inner __content wrappers are what the React PageHeader/PageBody/PageFooter render: they carry the
              design system's width and padding, so these pages line up with the web app's. */}
          <header className="utrecht-page-header vd-header">
            <div className="utrecht-page-header__content">
              <div className="vd-header__bar">
                <a href={page.home} className="vd-brand">
                  <span className="vd-brand__product">Voordeur</span>
                  {page.organisation ? (
                    <span className="vd-brand__organisation">{page.organisation}</span>
                  ) : null}
                </a>
                {page.otherLanguage ? (
                  <a
                    className="utrecht-link utrecht-link--html-a vd-header__language"
                    href={page.otherLanguage}
                    hrefLang={OTHER[page.language].code}
                    lang={OTHER[page.language].code}
                  >
                    {OTHER[page.language].name}
                  </a>
                ) : null}
              </div>
            </div>
          </header>
          <div className="utrecht-page-body vd-body">
            <div className="utrecht-page-body__content">
              <main id="main" tabIndex={-1} className={`vd-main ${page.wide ? '' : 'vd-main--narrow'}`}>
                <div className="vd-stack vd-stack--loose">{page.body}</div>
              </main>
            </div>
          </div>
          <footer className="utrecht-page-footer">
            <div className="utrecht-page-footer__content">
              <p className="utrecht-paragraph utrecht-paragraph--small">{words.footer}</p>
            </div>
          </footer>
        </div>
      </body>
    </html>
  );
}

export const pagesPlugin = fp(async (app: FastifyInstance, options: PagesOptions) => {
  const stylesheets = buildStylesheets(app.config.webDist);
  const built = buildEntries(app.config.webDist);
  app.decorate('hasPageEntry', (source: string) => built.has(source));
  app.decorateReply('sendPage', async function (this: FastifyReply, page: ServerPage) {
    const theme = await options.themeOf(this.request);
    const entries = (page.entries ?? []).flatMap((source) => built.get(source) ?? []);
    const html = `<!doctype html>${renderToStaticMarkup(
      <Frame page={page} theme={theme} stylesheets={stylesheets} entries={entries} />,
    )}`;
    return this.code(page.status ?? 200)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(html);
  });
});
