import multipart from '@fastify/multipart';
import { CASE_LIMITS, type CatalogueItemDefinition, type Locale } from '@voordeur/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { formFields } from '../../platform/form-post.ts';
import { AppError } from '../../plugins/errors.ts';
import type { FieldErrors } from '../../plugins/page-parts.tsx';
import { replyFromPerson, requestReopen } from '../cases/index.ts';
import { portalPaths, RelatedServices, relatedServices } from '../portal/index.ts';
import { CasePage, CodePage, FindPage, MessagePage } from './tracking.page.tsx';
import {
  caseByToken,
  checkCode,
  codeRequestExists,
  findOrganisation,
  type Organisation,
  openSurvey,
  requestCode,
  TRACKING_LIMITS,
  trackingView,
} from './tracking.service.ts';
import { type TrackingWords, WORDS } from './tracking.words.ts';

const slugParams = z.object({ slug: z.string().min(1).max(100) });
const tokenParams = slugParams.extend({ token: z.string().min(1).max(100) });
const codeParams = slugParams.extend({ id: z.string().min(1).max(100) });
const pageQuery = z.object({
  lang: z.string().max(10).optional(),
  klaar: z.string().max(30).optional(),
  via: z.string().max(10).optional(),
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Query = z.infer<typeof pageQuery>;
const asked = (q: Query): Locale | undefined => (q.lang === 'en' || q.lang === 'nl' ? q.lang : undefined);
const withLang = (path: string, lang: Locale, extra = '') => {
  const params = [lang === 'en' ? 'lang=en' : '', extra].filter(Boolean).join('&');
  return params ? `${path}?${params}` : path;
};

/**
 * The case's own page for the person (`/p/<slug>/zaak/<token>`), reached by the private link in every message,
 * or by reference + email address + a one-time code (`/p/<slug>/zaak`). Server-rendered, no script (ADR 0022);
 * forms post plain HTML and answer with a redirect (Post/Redirect/Get) and a notice.
 */
export async function trackingRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  // Plain HTML forms post urlencoded: parsed in this scope only (the API elsewhere speaks JSON).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const pageLimit = { max: app.config.rateLimitPerMinute, timeWindow: 60_000 };
  const postLimit = { max: app.config.loginRateLimitPerMinute, timeWindow: 60_000 };
  const config = (rateLimit: object) => ({ public: true, rateLimit });

  async function send(
    reply: FastifyReply,
    org: Organisation | undefined,
    words: TrackingWords,
    title: string,
    body: ReactNode,
    status = 200,
    /** The page's own address: the header links it in the other language. */
    self?: string,
  ) {
    return reply.sendPage({
      language: words.lang as Locale,
      title,
      ...(org ? { organisation: org.name } : {}),
      home: org ? `/p/${org.slug}` : '/',
      body,
      status,
      ...(self ? { otherLanguage: withLang(self, words.other.code as Locale) } : {}),
    });
  }

  /** A page that says what went wrong in the person's language, and where to go on. */
  function problemPage(
    reply: FastifyReply,
    org: Organisation | undefined,
    lang: Locale,
    kind: 'not_found' | 'expired' | 'spent' | 'limited',
  ) {
    const w = WORDS[lang];
    const find = org ? { href: withLang(`/p/${org.slug}/zaak`, lang), text: w.newCode } : undefined;
    switch (kind) {
      case 'not_found':
        return send(
          reply,
          org,
          w,
          w.notFoundTitle,
          <MessagePage
            title={w.notFoundTitle}
            lines={[w.notFound, w.notFoundHelp]}
            link={org ? { href: withLang(`/p/${org.slug}/zaak`, lang), text: w.findLink } : undefined}
          />,
          404,
        );
      case 'expired':
        return send(
          reply,
          org,
          w,
          w.codeExpiredTitle,
          <MessagePage title={w.codeExpiredTitle} lines={[w.codeExpired]} link={find} />,
          410,
        );
      case 'spent':
        return send(
          reply,
          org,
          w,
          w.codeExpiredTitle,
          <MessagePage title={w.codeExpiredTitle} lines={[w.codeSpent]} link={find} />,
          410,
        );
      case 'limited':
        return send(
          reply,
          org,
          w,
          w.limitedTitle,
          <MessagePage title={w.limitedTitle} lines={[w.limited]} />,
          429,
        );
    }
  }

  /** The case page with everything the person sees, or the not-found page. */
  async function casePage(
    request: { params: z.infer<typeof tokenParams>; query: Query },
    reply: FastifyReply,
    extra: { errors?: FieldErrors; values?: { body?: string; reason?: string }; status?: number } = {},
  ) {
    const { slug, token } = request.params;
    const org = await findOrganisation(app.db, slug);
    const detail = org ? await caseByToken(app.db, org, token) : undefined;
    if (!org || !detail) return problemPage(reply, org, asked(request.query) ?? 'nl', 'not_found');
    const lang = asked(request.query) ?? (detail.row.c.language === 'en' ? 'en' : 'nl');
    const w = WORDS[lang];
    const self = `/p/${org.slug}/zaak/${token}`;
    const view = trackingView(detail, lang);
    const notice =
      request.query.klaar === 'antwoord'
        ? ('replied' as const)
        : request.query.klaar === 'niet-opgelost'
          ? ('reopen_asked' as const)
          : undefined;
    const surveyUrl = await openSurvey(app.db, org, detail.row.c.id);
    const received =
      request.query.klaar === 'ontvangen'
        ? {
            via: request.query.via ?? '',
            link: `${app.config.publicUrl}${self}`,
            related: (
              <RelatedServices
                related={
                  await relatedServices(
                    app.db,
                    org.id,
                    {
                      id: detail.row.c.catalogueItemId,
                      definition: detail.row.definition as CatalogueItemDefinition,
                    },
                    true,
                  )
                }
                language={lang}
                href={(code) => portalPaths(org.slug, lang).item(code)}
              />
            ),
          }
        : undefined;
    const survey = surveyUrl ? { url: surveyUrl, text: w.surveyLink } : null;
    return send(
      reply,
      org,
      w,
      `${w.title} ${view.reference}`,
      <CasePage
        words={w}
        view={view}
        organisation={org.name}
        self={self}
        notice={extra.errors ? undefined : notice}
        errors={extra.errors}
        values={extra.values}
        survey={survey}
        received={received}
      />,
      extra.status ?? 200,
      self,
    );
  }

  /** The words of a refusal of the person's reply or request, under the field it concerns. */
  function refusalWords(
    e: unknown,
    w: TrackingWords,
    field: string,
  ): { errors: FieldErrors; status: number } {
    if (!(e instanceof AppError)) throw e;
    const reason = e.errors?.[0]?.code;
    const known = w.errors as Record<string, string>;
    if (e.code === 'case_closed') return { errors: { [field]: w.errors.case_closed }, status: 409 };
    if (e.code === 'attachment_rejected')
      return { errors: { files: w.errors.attachment_rejected }, status: 422 };
    if (e.code === 'attachment_too_large')
      return { errors: { files: w.errors.attachment_too_large }, status: 413 };
    if (e.code === 'version_conflict') return { errors: { [field]: w.errors.busy }, status: 409 };
    if (reason && known[reason]) {
      const conflict = ['reopen_requested_already', 'not_waiting', 'case_open', 'merged_duplicate'].includes(
        reason,
      );
      return { errors: { [field]: known[reason]! }, status: conflict ? 409 : 422 };
    }
    throw e;
  }

  app.get(
    '/p/:slug/zaak',
    { config: config(pageLimit), schema: { hide: true, params: slugParams, querystring: pageQuery } },
    async (request, reply) => {
      const org = await findOrganisation(app.db, request.params.slug);
      const lang = asked(request.query) ?? 'nl';
      if (!org) return problemPage(reply, undefined, lang, 'not_found');
      const w = WORDS[lang];
      const self = `/p/${org.slug}/zaak`;
      return send(
        reply,
        org,
        w,
        w.findTitle,
        <FindPage words={w} action={withLang(self, lang)} />,
        200,
        self,
      );
    },
  );

  app.post(
    '/p/:slug/zaak',
    { config: config(postLimit), schema: { hide: true, params: slugParams, querystring: pageQuery } },
    async (request, reply) => {
      const org = await findOrganisation(app.db, request.params.slug);
      const lang = asked(request.query) ?? 'nl';
      if (!org) return problemPage(reply, undefined, lang, 'not_found');
      const w = WORDS[lang];
      const f = formFields(request.body);
      const reference = (f.reference ?? '').trim().slice(0, 40);
      const email = (f.email ?? '').trim().slice(0, 320);
      const errors: FieldErrors = {};
      if (!reference) errors.reference = w.requiredReference;
      if (!email) errors.email = w.requiredEmail;
      else if (!EMAIL.test(email)) errors.email = w.invalidEmail;
      const self = `/p/${org.slug}/zaak`;
      if (Object.keys(errors).length)
        return send(
          reply,
          org,
          w,
          w.findTitle,
          <FindPage words={w} action={withLang(self, lang)} errors={errors} values={{ reference, email }} />,
          422,
          self,
        );
      const result = await requestCode(app.db, org, { reference, email, ip: request.ip, language: lang });
      if ('limited' in result) return problemPage(reply, org, lang, 'limited');
      return reply.redirect(withLang(`${self}/code/${result.id}`, lang), 303);
    },
  );

  app.get(
    '/p/:slug/zaak/code/:id',
    { config: config(pageLimit), schema: { hide: true, params: codeParams, querystring: pageQuery } },
    async (request, reply) => {
      const org = await findOrganisation(app.db, request.params.slug);
      const lang = asked(request.query) ?? 'nl';
      const { id } = request.params;
      const found = org && UUID.test(id) ? await codeRequestExists(app.db, org, id) : undefined;
      if (!org || !found) return problemPage(reply, org, lang, org ? 'expired' : 'not_found');
      const w = WORDS[lang];
      const self = `/p/${org.slug}/zaak/code/${id}`;
      return send(
        reply,
        org,
        w,
        w.codeTitle,
        <CodePage words={w} action={withLang(self, lang)} minutes={TRACKING_LIMITS.codeMinutes} />,
        200,
        self,
      );
    },
  );

  app.post(
    '/p/:slug/zaak/code/:id',
    { config: config(postLimit), schema: { hide: true, params: codeParams, querystring: pageQuery } },
    async (request, reply) => {
      const org = await findOrganisation(app.db, request.params.slug);
      const lang = asked(request.query) ?? 'nl';
      const { id } = request.params;
      if (!org || !UUID.test(id)) return problemPage(reply, org, lang, org ? 'expired' : 'not_found');
      const w = WORDS[lang];
      const code = (formFields(request.body).code ?? '').replace(/\s+/g, '');
      const self = `/p/${org.slug}/zaak/code/${id}`;
      const page = (error: string) =>
        send(
          reply,
          org,
          w,
          w.codeTitle,
          <CodePage
            words={w}
            action={withLang(self, lang)}
            minutes={TRACKING_LIMITS.codeMinutes}
            error={error}
          />,
          422,
          self,
        );
      if (!/^\d{6}$/.test(code)) return page(w.codeFormat);
      const result = await checkCode(app.db, org, id, code);
      if (result.ok) return reply.redirect(withLang(`/p/${org.slug}/zaak/${result.token}`, lang), 303);
      if (result.reason === 'wrong') return page(w.codeWrong(result.left));
      return problemPage(reply, org, lang, result.reason === 'unknown' ? 'expired' : result.reason);
    },
  );

  app.get(
    '/p/:slug/zaak/:token',
    { config: config(pageLimit), schema: { hide: true, params: tokenParams, querystring: pageQuery } },
    async (request, reply) => casePage(request, reply),
  );

  app.post(
    '/p/:slug/zaak/:token/niet-opgelost',
    { config: config(postLimit), schema: { hide: true, params: tokenParams, querystring: pageQuery } },
    async (request, reply) => {
      const { slug, token } = request.params;
      const org = await findOrganisation(app.db, slug);
      const detail = org ? await caseByToken(app.db, org, token) : undefined;
      if (!org || !detail) return problemPage(reply, org, asked(request.query) ?? 'nl', 'not_found');
      const lang = asked(request.query) ?? (detail.row.c.language === 'en' ? 'en' : 'nl');
      const reason = (formFields(request.body).reason ?? '').slice(0, CASE_LIMITS.textMax);
      try {
        await requestReopen(app.db, org.id, detail.row.c.id, reason);
      } catch (e) {
        const { errors, status } = refusalWords(e, WORDS[lang], 'reason');
        return casePage(request, reply, { errors, values: { reason }, status });
      }
      return reply.redirect(withLang(`/p/${org.slug}/zaak/${token}`, lang, 'klaar=niet-opgelost'), 303);
    },
  );

  // The reply with its files: multipart is parsed in this scope alone.
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    await scope.register(multipart, {
      limits: {
        fileSize: CASE_LIMITS.attachmentMaxBytes,
        files: TRACKING_LIMITS.replyFiles,
        fields: 2,
        parts: TRACKING_LIMITS.replyFiles + 2,
      },
    });
    scope.post(
      '/p/:slug/zaak/:token/antwoord',
      {
        bodyLimit: TRACKING_LIMITS.replyFiles * CASE_LIMITS.attachmentMaxBytes + 64 * 1024,
        config: config(postLimit),
        schema: { hide: true, params: tokenParams, querystring: pageQuery },
      },
      async (request, reply) => {
        const req = request;
        const { slug, token } = req.params;
        const org = await findOrganisation(app.db, slug);
        const detail = org ? await caseByToken(app.db, org, token) : undefined;
        if (!org || !detail) return problemPage(reply, org, asked(req.query) ?? 'nl', 'not_found');
        const lang = asked(req.query) ?? (detail.row.c.language === 'en' ? 'en' : 'nl');
        const w = WORDS[lang];
        let body = '';
        const files: { fileName: string | undefined; data: Buffer; truncated: boolean }[] = [];
        try {
          if (!request.isMultipart()) throw new AppError(422, 'validation_failed', 'Not a form');
          for await (const part of request.parts()) {
            if (part.type === 'field') {
              if (part.fieldname === 'body' && typeof part.value === 'string') body = part.value;
              continue;
            }
            const data = await part.toBuffer();
            // A file input left empty still sends a part, without name or content.
            if (!part.filename && data.length === 0) continue;
            files.push({ fileName: part.filename, data, truncated: part.file.truncated });
          }
        } catch (e) {
          const code = (e as { code?: string }).code;
          const error =
            code === 'FST_REQ_FILE_TOO_LARGE'
              ? w.errors.attachment_too_large
              : code === 'FST_FILES_LIMIT'
                ? w.errors.too_many_files
                : w.errors.attachment_rejected;
          return casePage(req, reply, { errors: { files: error }, values: { body }, status: 422 });
        }
        try {
          await replyFromPerson(app.db, org.id, detail.row.c.id, { body, files });
        } catch (e) {
          const { errors, status } = refusalWords(e, w, 'body');
          return casePage(req, reply, { errors, values: { body }, status });
        }
        return reply.redirect(withLang(`/p/${org.slug}/zaak/${token}`, lang, 'klaar=antwoord'), 303);
      },
    );
  });
}
