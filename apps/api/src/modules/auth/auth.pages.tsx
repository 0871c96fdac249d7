/** @jsxRuntime automatic @jsxImportSource react */
// (The CLI runs the sources through tsx from any directory: the JSX runtime is named here, not left to a tsconfig.)
import { type Locale, loginBodySchema } from '@voordeur/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { formFields, fromThisSite } from '../../platform/form-post.ts';
import { AppError } from '../../plugins/errors.ts';
import type { FieldErrors } from '../../plugins/page-parts.tsx';
import { SESSION_COOKIE } from './auth.context.ts';
import { NotFoundPage, SignInPage } from './auth.page.tsx';
import { actorFromSession, setLocale } from './auth.service.ts';
import { signIn } from './auth.signin.ts';
import type { FailuresPerIp } from './auth.throttle.ts';
import { SIGN_IN_WORDS, type SignInWords } from './auth.words.ts';

const pageQuery = z.object({
  /** Where to go after signing in: a path of this site. */
  next: z.string().max(2000).optional(),
  lang: z.string().max(10).optional(),
  /** Set by the web app: the person just logged out (1), or their session ended (1). */
  uitgelogd: z.string().max(10).optional(),
  verlopen: z.string().max(10).optional(),
});
type PageQuery = z.infer<typeof pageQuery>;
const slugParams = z.object({ slug: z.string().min(1).max(100) });

/** Only a path of this site may be where sign-in leads (no open redirect through ?next=). */
function safeNext(value: string | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value === '/login' || value.startsWith('/login?') || /^\/p\/[^/]+\/inloggen(\?|$)/.test(value))
    return '/';
  return value;
}

export interface AuthPagesOptions {
  failuresPerIp: FailuresPerIp;
  /**
   * An organisation's name by its slug (`/p/<slug>/inloggen`): the organisations module's, handed in where the app is
   * put together, because that module (like every other) builds on this one.
   */
  organisationBySlug: OrganisationBySlug;
}
export type OrganisationBySlug = (
  db: FastifyInstance['db'],
  slug: string,
) => Promise<{ name: string; slug: string } | undefined>;

const languageOf = (q: PageQuery): Locale => (q.lang === 'en' ? 'en' : 'nl');

/** The page's address with what it keeps (where to go next, and a language chosen here). */
function addressOf(path: string, q: PageQuery, lang: Locale | undefined) {
  const params = new URLSearchParams();
  if (q.next && safeNext(q.next) !== '/') params.set('next', safeNext(q.next));
  if (lang) params.set('lang', lang);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * The sign-in pages, `/login` and an organisation's own `/p/<slug>/inloggen` (its name and theme): rendered by the
 * server with no script (ADR 0022), so the first thing a member of staff opens loads no JavaScript. The form posts
 * to the page itself; on success the session cookie is set and the browser goes on to `next` (the web app), in the
 * language chosen here, which is then saved in the profile (as the app's own switch does).
 */
export const authPages: FastifyPluginAsyncZod<AuthPagesOptions> = async (
  app,
  { failuresPerIp, organisationBySlug },
) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 8 * 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  const pageLimit = { max: app.config.rateLimitPerMinute, timeWindow: 60_000 };
  const postLimit = { max: app.config.loginRateLimitPerMinute, timeWindow: 60_000 };
  const hosts = (request: FastifyRequest) => [request.headers.host, new URL(app.config.publicUrl).host];

  /** The organisation of `/p/<slug>/inloggen` (undefined for `/login`), or null when there is none by that slug. */
  const organisationOf = async (slug: string | undefined) =>
    slug === undefined ? undefined : ((await organisationBySlug(app.db, slug)) ?? null);

  function send(
    reply: FastifyReply,
    p: {
      path: string;
      query: PageQuery;
      organisation: { name: string; slug: string } | undefined;
      body: (w: SignInWords, action: string) => ReactNode;
      status?: number;
    },
  ) {
    const language = languageOf(p.query);
    const w = SIGN_IN_WORDS[language];
    const chosen = p.query.lang === 'en' || p.query.lang === 'nl' ? language : undefined;
    return reply.sendPage({
      language,
      title: w.title,
      ...(p.organisation ? { organisation: p.organisation.name } : {}),
      home: p.organisation ? `/p/${p.organisation.slug}` : '/',
      body: p.body(w, addressOf(p.path, p.query, chosen)),
      otherLanguage: addressOf(p.path, p.query, language === 'en' ? 'nl' : 'en'),
      ...(p.status ? { status: p.status } : {}),
    });
  }

  function notFound(reply: FastifyReply, query: PageQuery) {
    const w = SIGN_IN_WORDS[languageOf(query)];
    return reply.sendPage({
      language: languageOf(query),
      title: w.notFoundTitle,
      home: '/',
      status: 404,
      body: <NotFoundPage words={w} />,
    });
  }

  async function show(request: FastifyRequest, reply: FastifyReply, query: PageQuery, slug?: string) {
    const organisation = await organisationOf(slug);
    if (organisation === null) return notFound(reply, query);
    // Signed in already: on to where the person was going.
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie && (await actorFromSession(app.db, app.config, cookie)))
      return reply.redirect(safeNext(query.next), 303);
    const notice = query.uitgelogd ? 'loggedOut' : query.verlopen ? 'sessionExpired' : undefined;
    return send(reply, {
      path: slug === undefined ? '/login' : `/p/${slug}/inloggen`,
      query,
      organisation,
      body: (w, action) => <SignInPage words={w} action={action} notice={notice} />,
    });
  }

  async function post(request: FastifyRequest, reply: FastifyReply, query: PageQuery, slug?: string) {
    const organisation = await organisationOf(slug);
    if (organisation === null) return notFound(reply, query);
    const path = slug === undefined ? '/login' : `/p/${slug}/inloggen`;
    const fields = formFields(request.body);
    const email = (fields.email ?? '').trim().slice(0, 320);
    const page = (status: number, errors: FieldErrors, problem?: (w: SignInWords) => string) =>
      send(reply, {
        path,
        query,
        organisation,
        status,
        body: (w, action) => (
          <SignInPage words={w} action={action} errors={errors} problem={problem?.(w)} email={email} />
        ),
      });
    const w = SIGN_IN_WORDS[languageOf(query)];
    if (!fromThisSite(request.headers, hosts(request))) return page(403, {}, (x) => x.notFromHere);

    const parsed = loginBodySchema.safeParse({ email, password: fields.password ?? '' });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === 'email' && !errors['login-email'])
          errors['login-email'] = email ? w.emailInvalid : w.emailRequired;
        if (issue.path[0] === 'password' && !errors['login-password'])
          errors['login-password'] = fields.password ? w.passwordTooLong : w.passwordRequired;
      }
      return page(422, errors);
    }
    try {
      const { profile, cookieValue } = await signIn(app, request, reply, failuresPerIp, parsed.data);
      // A language chosen on this page wins over the one in the profile, and is saved there.
      const chosen = query.lang === 'en' || query.lang === 'nl' ? query.lang : undefined;
      if (chosen && chosen !== profile.user.locale) {
        const resolved = await actorFromSession(app.db, app.config, cookieValue);
        if (resolved)
          await setLocale(app.db, { actor: resolved.actor, requestId: String(request.id) }, chosen);
      }
      return reply.redirect(safeNext(query.next), 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'invalid_credentials') return page(401, {}, (x) => x.invalidCredentials);
      if (error.code === 'login_throttled') {
        const seconds = Number(error.headers?.['retry-after'] ?? 60);
        reply.header('retry-after', String(seconds));
        return page(429, {}, (x) => x.throttled(Math.max(1, Math.ceil(seconds / 60))));
      }
      throw error;
    }
  }

  const hide = { hide: true } as const;
  app.get(
    '/login',
    { config: { public: true, rateLimit: pageLimit }, schema: { ...hide, querystring: pageQuery } },
    (request, reply) => show(request, reply, request.query),
  );
  app.post(
    '/login',
    { config: { public: true, rateLimit: postLimit }, schema: { ...hide, querystring: pageQuery } },
    (request, reply) => post(request, reply, request.query),
  );
  app.get(
    '/p/:slug/inloggen',
    {
      config: { public: true, rateLimit: pageLimit },
      schema: { ...hide, params: slugParams, querystring: pageQuery },
    },
    (request, reply) => show(request, reply, request.query, request.params.slug),
  );
  app.post(
    '/p/:slug/inloggen',
    {
      config: { public: true, rateLimit: postLimit },
      schema: { ...hide, params: slugParams, querystring: pageQuery },
    },
    (request, reply) => post(request, reply, request.query, request.params.slug),
  );
};
