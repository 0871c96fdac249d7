import { codeSchema, ITEM_KINDS, type PublicService } from '@voordeur/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { kindName, type Language } from '../../platform/public-words.ts';
import { normalisedWords } from '../../platform/words.ts';
import { AppError } from '../../plugins/errors.ts';
import { presentPublicService, publicCatalogue } from '../catalogue/index.ts';
import { organisationBySlug } from '../organisations/index.ts';
import { searchPublicSite } from '../search/index.ts';
import {
  NotFound,
  PortalArticlePage,
  PortalHomePage,
  PortalItemPage,
  type PortalPaths,
  PublicCataloguePage,
  type SearchHitView,
} from './portal.page.tsx';
import { presentPortalItem } from './portal.presenter.ts';
import { portalArticle, portalHome, portalItem } from './portal.service.ts';
import { PORTAL_WORDS } from './portal.words.ts';

/** Shortest search the home page runs (as the agents' search box). */
const PUBLIC_SEARCH_MIN = 2;

const slugParams = z.object({ slug: z.string().min(1).max(100) });
const itemParams = slugParams.extend({ code: z.string().min(1).max(100) });
const lang = z.string().max(10).optional();
const homeQuery = z.object({ lang, q: z.string().max(200).optional() });
const catalogueQuery = z.object({
  lang,
  q: z.string().max(200).optional(),
  soort: z.string().max(30).optional(),
});
const langQuery = z.object({ lang });

const languageOf = (q: { lang?: string | undefined }): Language => (q.lang === 'en' ? 'en' : 'nl');

/** A path in the page's language: `?lang=en` added when English (Dutch is the default). */
const inLanguage = (path: string, language: Language) => (language === 'en' ? `${path}?lang=en` : path);

export function pathsOf(slug: string, language: Language): PortalPaths {
  const base = `/p/${encodeURIComponent(slug)}`;
  const item = (code: string) => `${base}/diensten/${encodeURIComponent(code)}`;
  return {
    home: inLanguage(base, language),
    catalogue: inLanguage(`${base}/diensten`, language),
    item: (code) => inLanguage(item(code), language),
    form: (code) => inLanguage(`${item(code)}/melden`, language),
    article: (code) => inLanguage(`${base}/vragen/${encodeURIComponent(code)}`, language),
    performance: inLanguage(`${base}/prestaties`, language),
    suggest: inLanguage(`${base}/verbeteridee`, language),
    findCase: inLanguage(`${base}/zaak`, language),
    myPage: inLanguage(`${base}/mijn`, language),
  };
}

const isNotFound = (e: unknown) => e instanceof AppError && e.status === 404;

/** What a loader gives, or null when it answers 404 (anything else is an error). */
const orNull = <T,>(loading: Promise<T>): Promise<T | null> =>
  loading.catch((e) => {
    if (isNotFound(e)) return null;
    throw e;
  });

/**
 * A public thing of the portal by its code (an item, an article): null when the code is not well-formed or the
 * loader answers 404, so that a page shows its 404 page for both.
 */
export function publicByCode<T>(code: string, load: (code: string) => Promise<T>): Promise<T | null> {
  return codeSchema.safeParse(code).success ? orNull(load(code)) : Promise.resolve(null);
}

/**
 * The portal's 404 page, in the organisation's name and linking its home when `slug` names one (the thing asked
 * for is not, or no longer, public), else the platform's.
 */
export async function sendNotFound(
  db: FastifyInstance['db'],
  reply: FastifyReply,
  slug: string,
  language: Language,
) {
  const w = PORTAL_WORDS[language];
  const org = await organisationBySlug(db, slug);
  const home = org ? pathsOf(org.slug, language).home : undefined;
  return reply.sendPage({
    language,
    title: w.notFoundTitle,
    home: home ?? '/',
    ...(org ? { organisation: org.name } : {}),
    body: <NotFound words={w} home={home} />,
    status: 404,
  });
}

/** Every typed word is part of the service's names, summaries or kind (accents and case aside). */
function matches(service: PublicService, words: string[]): boolean {
  const haystack = normalisedWords(
    [
      service.name.nl,
      service.name.en,
      service.summary.nl,
      service.summary.en,
      kindName(service.kind, 'nl'),
      kindName(service.kind, 'en'),
    ]
      .filter(Boolean)
      .join(' '),
    1,
  ).join(' ');
  return words.every((word) => haystack.includes(word));
}

/**
 * The resident's front door as server-rendered pages (ADR 0022, addendum): `/p/<slug>` (the home and its search),
 * `/p/<slug>/diensten` (the catalogue), `/p/<slug>/diensten/<code>` (an item's page) and `/p/<slug>/vragen/<code>`
 * (a public article, where a search hit leads). No script: a first visit loads no JavaScript, and they work in any
 * browser. The report form is in portal.report.pages.tsx.
 */
export async function portalPages(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const config = { public: true, rateLimit: { max: app.config.rateLimitPerMinute, timeWindow: 60_000 } };
  const hide = { hide: true };

  const send = (
    reply: FastifyReply,
    p: {
      language: Language;
      title: string;
      organisation: { name: string; slug: string };
      body: ReactNode;
      /** The same page in the other language. */
      other: string;
    },
    wide = false,
  ) => {
    return reply.sendPage({
      language: p.language,
      title: p.title,
      organisation: p.organisation.name,
      home: pathsOf(p.organisation.slug, p.language).home,
      body: p.body,
      wide,
      otherLanguage: p.other,
    });
  };

  app.get(
    '/p/:slug',
    { config, schema: { ...hide, params: slugParams, querystring: homeQuery } },
    async (request, reply) => {
      const language = languageOf(request.query);
      const w = PORTAL_WORDS[language];
      const home = await orNull(portalHome(app.db, request.params.slug));
      if (!home) return sendNotFound(app.db, reply, request.params.slug, language);
      const q = (request.query.q ?? '').trim();
      const paths = pathsOf(home.organisation.slug, language);
      let search: { hits: SearchHitView[]; didYouMean: string[] } | undefined;
      if (q.length >= PUBLIC_SEARCH_MIN) search = await searchPublicSite(app.db, home.organisation.slug, q);
      return send(
        reply,
        {
          language,
          title: w.home.title,
          organisation: home.organisation,
          other: withQuery(pathsOf(home.organisation.slug, w.other.code).home, q),
          body: (
            <PortalHomePage
              words={w}
              organisation={home.organisation.name}
              paths={paths}
              q={q}
              search={search}
              tooShort={q.length > 0 && q.length < PUBLIC_SEARCH_MIN ? PUBLIC_SEARCH_MIN : undefined}
              popular={home.popular}
            />
          ),
        },
        true,
      );
    },
  );

  app.get(
    '/p/:slug/diensten',
    { config, schema: { ...hide, params: slugParams, querystring: catalogueQuery } },
    async (request, reply) => {
      const language = languageOf(request.query);
      const w = PORTAL_WORDS[language];
      const found = await orNull(publicCatalogue(app.db, request.params.slug));
      if (!found) return sendNotFound(app.db, reply, request.params.slug, language);
      const q = (request.query.q ?? '').trim();
      const asked = request.query.soort ?? '';
      const kind = (ITEM_KINDS as readonly string[]).includes(asked)
        ? (asked as (typeof ITEM_KINDS)[number])
        : '';
      const all = found.definitions
        .map((d) => presentPublicService(d))
        .sort((a, b) => a.name.nl.localeCompare(b.name.nl, 'nl'));
      const words = normalisedWords(q, 1);
      const shown = all.filter((s) => (!kind || s.kind === kind) && matches(s, words));
      const slug = found.organisation.slug;
      const otherBase = pathsOf(slug, w.other.code).catalogue;
      const keep = new URLSearchParams({ ...(q ? { q } : {}), ...(kind ? { soort: kind } : {}) }).toString();
      return send(
        reply,
        {
          language,
          title: w.catalogue.title,
          organisation: found.organisation,
          other: keep ? `${otherBase}${otherBase.includes('?') ? '&' : '?'}${keep}` : otherBase,
          body: (
            <PublicCataloguePage
              words={w}
              organisation={found.organisation.name}
              paths={pathsOf(slug, language)}
              q={q}
              kind={kind}
              shown={shown}
              total={all.length}
            />
          ),
        },
        true,
      );
    },
  );

  app.get(
    '/p/:slug/diensten/:code',
    { config, schema: { ...hide, params: itemParams, querystring: langQuery } },
    async (request, reply) => {
      const language = languageOf(request.query);
      const w = PORTAL_WORDS[language];
      const { slug, code } = request.params;
      const found = await publicByCode(code, (c) => portalItem(app.db, slug, c));
      if (!found) return sendNotFound(app.db, reply, slug, language);
      const item = presentPortalItem(found);
      const name = language === 'en' && item.name.en ? item.name.en : item.name.nl;
      return send(reply, {
        language,
        title: name,
        organisation: found.organisation,
        other: pathsOf(found.organisation.slug, w.other.code).item(code),
        body: <PortalItemPage words={w} paths={pathsOf(found.organisation.slug, language)} item={item} />,
      });
    },
  );

  app.get(
    '/p/:slug/vragen/:code',
    { config, schema: { ...hide, params: itemParams, querystring: langQuery } },
    async (request, reply) => {
      const language = languageOf(request.query);
      const w = PORTAL_WORDS[language];
      const { slug, code } = request.params;
      const found = await publicByCode(code, (c) => portalArticle(app.db, slug, c));
      if (!found) return sendNotFound(app.db, reply, slug, language);
      const question = found.article.question;
      return send(reply, {
        language,
        title: language === 'en' && question.en ? question.en : question.nl,
        organisation: found.organisation,
        other: pathsOf(found.organisation.slug, w.other.code).article(code),
        body: (
          <PortalArticlePage
            words={w}
            paths={pathsOf(found.organisation.slug, language)}
            article={found.article}
            items={found.items}
          />
        ),
      });
    },
  );
}

/** The home in the other language keeps the words searched for. */
function withQuery(path: string, q: string) {
  if (!q) return path;
  return `${path}${path.includes('?') ? '&' : '?'}q=${encodeURIComponent(q)}`;
}
