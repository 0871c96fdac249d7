/** @jsxRuntime automatic @jsxImportSource react */
// (The CLI runs the sources through tsx from any directory: the JSX runtime is named here, not left to a tsconfig.)
import type { Locale } from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fromThisSite } from '../../platform/form-post.ts';
import { organisationBySlug } from '../organisations/index.ts';
import { residentOfRequest, setResidentCookie } from './residents.context.ts';
import { BadLinkPage, ExportPage, PAGE_WORDS, SignInFirstPage, SignInPage } from './residents.pages.tsx';
import { presentExport } from './residents.presenter.ts';
import * as service from './residents.service.ts';

const slug = z.string().regex(/^[a-z0-9-]{1,63}$/);
/** A link's secret: 32 random bytes in base64url. Anything else is simply an unknown link. */
const token = z.string().max(100);
const langQuery = z.object({ lang: z.enum(['nl', 'en']).optional() });

/**
 * My page's pages that work without JavaScript (ADR 0022): the page of a sign-in link (it asks to confirm with a
 * button: mail scanners that open links must not use them up) and the readable copy of the resident's data.
 */
export const residentPagesRoutes: FastifyPluginAsyncZod = async (app) => {
  // The confirm button posts an empty HTML form; only this scope reads that media type.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  const organisationName = async (s: string) => (await organisationBySlug(app.db, s))?.name ?? s;

  app.get(
    '/p/:slug/mijn/inloggen/:token',
    {
      config: { public: true },
      schema: { hide: true, params: z.object({ slug, token }), querystring: langQuery },
    },
    async (request, reply) => {
      const { slug: s, token: secret } = request.params;
      const found = await service.linkState(app.db, s, secret);
      const language: Locale = request.query.lang ?? found.language ?? 'nl';
      const home = `/p/${s}`;
      const myPage = `/p/${s}/mijn`;
      const organisation = found.org?.name ?? (await organisationName(s));
      if (found.state !== 'valid') {
        return reply.sendPage({
          language,
          title: PAGE_WORDS[language].badTitle,
          organisation,
          home,
          status: found.state === 'unknown' ? 404 : 410,
          body: <BadLinkPage language={language} state={found.state} myPage={myPage} />,
        });
      }
      return reply.sendPage({
        language,
        title: PAGE_WORDS[language].signInTitle,
        organisation,
        home,
        body: <SignInPage language={language} action={`/p/${s}/mijn/inloggen/${secret}`} />,
      });
    },
  );

  app.post(
    '/p/:slug/mijn/inloggen/:token',
    {
      config: { public: true, rateLimit: { max: app.config.loginRateLimitPerMinute, timeWindow: 60_000 } },
      schema: { hide: true, params: z.object({ slug, token }) },
    },
    async (request, reply) => {
      const { slug: s, token: secret } = request.params;
      // The confirm button is ours: a form on another site may not sign this browser in (login CSRF).
      if (!fromThisSite(request.headers, [request.headers.host, new URL(app.config.publicUrl).host])) {
        return reply.code(403).type('text/plain; charset=utf-8').send('Forbidden');
      }
      const result = await service.signInWithLink(app.db, s, secret, String(request.id));
      if (!result.ok) {
        // In the language the link was asked for, when the link is known.
        const language: Locale = (await service.linkState(app.db, s, secret)).language ?? 'nl';
        return reply.sendPage({
          language,
          title: PAGE_WORDS[language].badTitle,
          organisation: await organisationName(s),
          home: `/p/${s}`,
          status: result.state === 'unknown' ? 404 : 410,
          body: <BadLinkPage language={language} state={result.state} myPage={`/p/${s}/mijn`} />,
        });
      }
      setResidentCookie(app, reply, result.cookieValue);
      // Post/Redirect/Get: My page opens in the language the link was asked for.
      return reply.redirect(`/p/${result.slug}/mijn?lang=${result.language === 'en' ? 'en' : 'nl'}`, 303);
    },
  );

  app.get(
    '/p/:slug/mijn/gegevens',
    {
      config: { public: true },
      schema: { hide: true, params: z.object({ slug }), querystring: langQuery },
    },
    async (request, reply) => {
      const s = request.params.slug;
      const language: Locale = request.query.lang ?? 'nl';
      const resident = await residentOfRequest(app, request, s);
      const myPage = `/p/${s}/mijn`;
      if (!resident) {
        return reply.sendPage({
          language,
          title: PAGE_WORDS[language].exportTitle,
          organisation: await organisationName(s),
          home: `/p/${s}`,
          status: 401,
          body: <SignInFirstPage language={language} myPage={myPage} />,
        });
      }
      const data = presentExport(resident, await service.recordsOf(app.db, resident));
      return reply.sendPage({
        language,
        title: PAGE_WORDS[language].exportTitle,
        organisation: resident.organisationName,
        home: `/p/${s}`,
        wide: true,
        body: <ExportPage language={language} data={data} myPage={myPage} />,
      });
    },
  );
};
