/** @jsxRuntime automatic @jsxImportSource react */
// (The CLI runs the sources through tsx from any directory: the JSX runtime is named here, not left to a tsconfig.)
import {
  type Locale,
  residentConsentBodySchema,
  residentPreferencesBodySchema,
  residentSignInBodySchema,
} from '@voordeur/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formFields, fromThisSite } from '../../platform/form-post.ts';
import { AppError } from '../../plugins/errors.ts';
import type { FieldErrors } from '../../plugins/page-parts.tsx';
import { organisationBySlug } from '../organisations/index.ts';
import { clearResidentCookie, residentOfRequest, setResidentCookie } from './residents.context.ts';
import { MY_WORDS, type MyNotice, MyPageView, MySignIn } from './residents.mypage.tsx';
import { BadLinkPage, ExportPage, PAGE_WORDS, SignInFirstPage, SignInPage } from './residents.pages.tsx';
import { presentExport, presentMyPage } from './residents.presenter.ts';
import * as service from './residents.service.ts';

const slug = z.string().regex(/^[a-z0-9-]{1,63}$/);
/** A link's secret: 32 random bytes in base64url. Anything else is simply an unknown link. */
const token = z.string().max(100);
const langQuery = z.object({ lang: z.enum(['nl', 'en']).optional() });
/** My page's own address: the language, and what just happened (Post/Redirect/Get). */
const myQuery = z.object({ lang: z.string().max(10).optional(), klaar: z.string().max(20).optional() });
const asked = (lang: string | undefined): Locale | undefined =>
  lang === 'en' || lang === 'nl' ? lang : undefined;

/**
 * My page's pages, which work without JavaScript (ADR 0022): My page itself (`/p/<slug>/mijn`: asking for a
 * sign-in link, and once signed in the resident's cases, contacts, preferences, consents and data, each change a
 * plain form with the resident session's CSRF token), the page of a sign-in link (it asks to confirm with a button:
 * mail scanners that open links must not use them up) and the readable copy of the resident's data.
 */
export const residentPagesRoutes: FastifyPluginAsyncZod = async (app) => {
  // The confirm button posts an empty HTML form; only this scope reads that media type.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
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
      // Back in the language the data was read in.
      const myPage = `/p/${s}/mijn?lang=${language}`;
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

  const limits = {
    perEmailPerHour: app.config.residentLinksPerEmailPerHour,
    perIpPerHour: app.config.residentLinksPerIpPerHour,
  };
  const pageLimit = { max: app.config.rateLimitPerMinute, timeWindow: 60_000 };
  const postLimit = { max: app.config.loginRateLimitPerMinute, timeWindow: 60_000 };
  const myParams = z.object({ slug });
  const hosts = (request: FastifyRequest) => [request.headers.host, new URL(app.config.publicUrl).host];
  const myPath = (s: string, language: Locale, klaar?: string) =>
    `/p/${s}/mijn?lang=${language}${klaar ? `&klaar=${klaar}` : ''}`;
  const notices: Record<string, MyNotice> = {
    voorkeuren: 'preferences',
    uitgelogd: 'signedOut',
    surveys: 'surveys',
  };

  /** My page for whoever asks: the sign-in form, or the signed-in resident's page. */
  async function myPage(
    request: FastifyRequest,
    reply: FastifyReply,
    s: string,
    q: { lang?: string | undefined; klaar?: string | undefined },
    extra: {
      status?: number;
      errors?: FieldErrors;
      problem?: (w: (typeof MY_WORDS)[Locale]) => string;
      sentTo?: { email: string; minutes: number };
      email?: string;
      expired?: boolean;
    } = {},
  ) {
    const org = await organisationBySlug(app.db, s);
    const resident = org ? await residentOfRequest(app, request, s) : null;
    const records = resident ? await service.recordsOf(app.db, resident) : null;
    const data =
      resident && records ? presentMyPage(resident, records, service.csrfTokenFor(resident)) : null;
    const language: Locale = asked(q.lang) ?? data?.preferences.language ?? 'nl';
    const w = MY_WORDS[language];
    const page = {
      language,
      title: w.title,
      home: `/p/${s}`,
      otherLanguage: myPath(s, language === 'en' ? 'nl' : 'en'),
      ...(extra.status ? { status: extra.status } : {}),
    };
    if (!org)
      return reply.sendPage({
        ...page,
        title: PAGE_WORDS[language].badTitle,
        status: 404,
        body: <BadLinkPage language={language} state="unknown" myPage="/" />,
      });
    const notice = q.klaar ? notices[q.klaar] : undefined;
    if (!data)
      return reply.sendPage({
        ...page,
        organisation: org.name,
        body: (
          <MySignIn
            language={language}
            organisation={org.name}
            action={`/p/${s}/mijn?lang=${language}`}
            notice={extra.expired ? 'expired' : notice === 'signedOut' ? 'signedOut' : undefined}
            sentTo={extra.sentTo}
            errors={extra.errors}
            problem={extra.problem?.(w)}
            email={extra.email}
          />
        ),
      });
    const base = `/p/${s}/mijn`;
    return reply.sendPage({
      ...page,
      organisation: org.name,
      wide: true,
      body: (
        <MyPageView
          language={language}
          data={data}
          notice={notice}
          errors={extra.errors}
          problem={extra.problem?.(w)}
          actions={{
            preferences: `${base}/voorkeuren?lang=${language}`,
            consent: `${base}/toestemming?lang=${language}`,
            signOut: `${base}/uitloggen?lang=${language}`,
            exportPage: `${base}/gegevens?lang=${language}`,
            exportJson: `/api/portal/${s}/me/export`,
          }}
        />
      ),
    });
  }

  app.get(
    '/p/:slug/mijn',
    {
      config: { public: true, rateLimit: pageLimit },
      schema: { hide: true, params: myParams, querystring: myQuery },
    },
    (request, reply) => myPage(request, reply, request.params.slug, request.query),
  );

  // Asking for a sign-in link: the same answer whether or not the address is known.
  app.post(
    '/p/:slug/mijn',
    {
      config: { public: true, rateLimit: postLimit },
      schema: { hide: true, params: myParams, querystring: myQuery },
    },
    async (request, reply) => {
      const s = request.params.slug;
      const q = request.query;
      const language = asked(q.lang) ?? 'nl';
      const email = (formFields(request.body).email ?? '').trim().slice(0, 320);
      if (!fromThisSite(request.headers, hosts(request)))
        return myPage(request, reply, s, q, { status: 403, email, problem: (w) => w.notFromHere });
      const parsed = residentSignInBodySchema.safeParse({ email, language });
      if (!parsed.success) {
        const w = MY_WORDS[language];
        return myPage(request, reply, s, q, {
          status: 422,
          email,
          errors: { 'my-page-email': email ? w.emailInvalid : w.emailRequired },
        });
      }
      try {
        const sent = await service.requestLink(app.db, limits, {
          slug: s,
          email: parsed.data.email,
          language,
          ip: request.ip,
          publicUrl: app.config.publicUrl,
          requestId: String(request.id),
        });
        return myPage(request, reply, s, q, { sentTo: { email: parsed.data.email, minutes: sent.minutes } });
      } catch (error) {
        if (error instanceof AppError && error.status === 429)
          return myPage(request, reply, s, q, { status: 429, email, problem: (w) => w.tooMany });
        // An unknown organisation: My page says so (404).
        if (error instanceof AppError && error.status === 404) return myPage(request, reply, s, q);
        throw error;
      }
    },
  );

  /**
   * A change on My page: posted from this site, by the signed-in resident, with their session's CSRF token;
   * answered by going back to My page (Post/Redirect/Get) with what happened. Without a session: the sign-in form.
   */
  async function change(
    request: FastifyRequest,
    reply: FastifyReply,
    s: string,
    q: z.infer<typeof myQuery>,
    act: (resident: service.Resident, fields: Record<string, string>) => Promise<string | FieldErrors>,
  ) {
    const resident = await residentOfRequest(app, request, s);
    if (!resident) return myPage(request, reply, s, q, { status: 401, expired: true });
    const fields = formFields(request.body);
    if (
      !fromThisSite(request.headers, hosts(request)) ||
      !service.csrfTokenValid(resident, fields.csrf || undefined)
    )
      return myPage(request, reply, s, q, { status: 403, problem: (w) => w.notFromHere });
    const done = await act(resident, fields);
    if (typeof done !== 'string') return myPage(request, reply, s, q, { status: 422, errors: done });
    return reply.redirect(myPath(s, asked(q.lang) ?? 'nl', done), 303);
  }

  const changeRoute = {
    config: { public: true, rateLimit: pageLimit },
    schema: { hide: true, params: myParams, querystring: myQuery },
  };
  app.post('/p/:slug/mijn/voorkeuren', changeRoute, (request, reply) =>
    change(request, reply, request.params.slug, request.query, async (resident, fields) => {
      const parsed = residentPreferencesBodySchema.safeParse({
        channel: fields.channel,
        language: fields.language,
      });
      if (!parsed.success) {
        const w = MY_WORDS[asked(request.query.lang) ?? 'nl'];
        const errors: FieldErrors = {};
        for (const issue of parsed.error.issues)
          errors[issue.path[0] === 'channel' ? 'my-page-channel' : 'my-page-language'] =
            w.preferences.invalid;
        return errors;
      }
      await service.savePreferences(app.db, resident, parsed.data);
      return 'voorkeuren';
    }),
  );
  app.post('/p/:slug/mijn/toestemming', changeRoute, (request, reply) =>
    change(request, reply, request.params.slug, request.query, async (resident, fields) => {
      const parsed = residentConsentBodySchema.safeParse({
        kind: fields.kind,
        granted: fields.granted === 'ja' ? true : fields.granted === 'nee' ? false : undefined,
      });
      if (!parsed.success)
        return { 'my-consents': MY_WORDS[asked(request.query.lang) ?? 'nl'].preferences.invalid };
      await service.saveConsent(app.db, resident, parsed.data);
      return parsed.data.kind;
    }),
  );
  app.post('/p/:slug/mijn/uitloggen', changeRoute, (request, reply) =>
    change(request, reply, request.params.slug, request.query, async (resident) => {
      await service.signOut(app.db, resident);
      clearResidentCookie(app, reply);
      return 'uitgelogd';
    }),
  );
};
