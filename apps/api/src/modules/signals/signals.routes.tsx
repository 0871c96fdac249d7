import {
  idParamsSchema,
  listOf,
  signalClusterDetailSchema,
  signalClusterQuerySchema,
  signalClusterSchema,
  signalDismissBodySchema,
  signalMoveBodySchema,
  signalProposeBodySchema,
  signalProposeReplySchema,
  staffSuggestionBodySchema,
} from '@voordeur/shared';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { organisationBySlug } from '../organisations/index.ts';
import { portalCtx } from '../portal/index.ts';
import { SuggestionForm, SuggestionMessage, WORDS } from './signals.page.tsx';
import * as service from './signals.service.ts';

/** The improvement inbox (triage) and the staff suggestion sent from any screen. */
export const signalsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/suggestions',
    {
      schema: {
        tags: ['signals'],
        summary:
          'Send a suggestion for improvement from any screen (every employee), with the path of the page it was sent from (no query string). It lands in the improvement inbox.',
        body: staffSuggestionBodySchema,
        response: { 201: z.object({ id: z.uuid() }), ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.suggestAsStaff(app.db, ctxOf(request), request.body)),
  );

  app.get(
    '/clusters',
    {
      schema: {
        tags: ['signals'],
        summary:
          'The improvement inbox: clusters of signals (open by default), largest and newest first, by kind, team and item (triage).',
        querystring: signalClusterQuerySchema,
        response: { 200: listOf(signalClusterSchema), ...problems },
      },
    },
    async (request) => ({ items: await service.listClusters(app.db, ctxOf(request), request.query) }),
  );

  app.get(
    '/clusters/:id',
    {
      schema: {
        tags: ['signals'],
        summary: 'One cluster with its signals (triage).',
        params: idParamsSchema,
        response: { 200: signalClusterDetailSchema, ...problems },
      },
    },
    async (request) => service.getCluster(app.db, ctxOf(request), request.params.id),
  );

  app.post(
    '/clusters/:id/dismiss',
    {
      schema: {
        tags: ['signals'],
        summary: 'Dismiss an open cluster and its open signals, with a reason (triage).',
        params: idParamsSchema,
        body: signalDismissBodySchema,
        response: { 200: signalClusterDetailSchema, ...problems },
      },
    },
    async (request) => service.dismissCluster(app.db, ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/clusters/:id/propose',
    {
      schema: {
        tags: ['signals'],
        summary:
          'Turn an open cluster into an improvement proposal (status plan, origin signals) with an owner, a problem statement, the expected effect and the KPIs it should move; its signals are linked to it (triage).',
        params: idParamsSchema,
        body: signalProposeBodySchema,
        response: { 201: signalProposeReplySchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.proposeCluster(app.db, ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    '/signal/:id/move',
    {
      schema: {
        tags: ['signals'],
        summary:
          'Move an open signal to another open cluster, or (clusterId null) split it out into a cluster of its own (triage).',
        params: idParamsSchema,
        body: signalMoveBodySchema,
        response: { 200: z.object({ clusterId: z.uuid() }), ...problems },
      },
    },
    async (request) => service.moveSignal(app.db, ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/signal/:id/dismiss',
    {
      schema: {
        tags: ['signals'],
        summary: 'Dismiss one open signal, with a reason (triage).',
        params: idParamsSchema,
        body: signalDismissBodySchema,
        response: { 200: z.object({ id: z.uuid() }), ...problems },
      },
    },
    async (request) => service.dismissSignal(app.db, ctxOf(request), request.params.id, request.body),
  );
};

const pageParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,63}$/) });
type Language = 'nl' | 'en';
const languageOf = (v: unknown): Language => (v === 'en' ? 'en' : 'nl');

/**
 * The resident's suggestion page (`/p/<slug>/verbeteridee`, works without JavaScript; ADR 0022): a plain form
 * post stores it and redirects to the thank-you page (Post/Redirect/Get). Refused: a filled honeypot, a form sent
 * back too fast or after a day, more than a few posts per IP address and hour.
 */
export const suggestionPageRoutes: FastifyPluginAsync = async (app) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16_384 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  const base = (slug: string) => `/p/${encodeURIComponent(slug)}/verbeteridee`;

  async function organisationOf(params: unknown) {
    const p = pageParams.safeParse(params);
    return p.success ? ((await organisationBySlug(app.db, p.data.slug)) ?? null) : null;
  }

  const notFound = (reply: FastifyReply) =>
    reply.sendPage({
      language: 'nl',
      title: 'Pagina niet gevonden',
      home: '/',
      status: 404,
      body: (
        <SuggestionMessage
          title="Pagina niet gevonden"
          lines={['Deze gemeente kennen wij niet. Controleer het adres.']}
          links={[]}
        />
      ),
    });

  app.get(
    '/p/:slug/verbeteridee',
    { config: { public: true }, schema: { hide: true } },
    async (request, reply) => {
      const org = await organisationOf(request.params);
      if (!org) return notFound(reply);
      const l = languageOf((request.query as { lang?: unknown }).lang);
      return reply.sendPage({
        language: l,
        title: WORDS[l].title,
        organisation: org.name,
        home: `/p/${org.slug}`,
        otherLanguage: `${base(org.slug)}?lang=${l === 'en' ? 'nl' : 'en'}`,
        body: (
          <SuggestionForm
            language={l}
            action={`${base(org.slug)}?lang=${l}`}
            home={`/p/${org.slug}`}
            formToken={service.suggestionFormToken(org.id)}
            text=""
            error={null}
          />
        ),
      });
    },
  );

  app.post(
    '/p/:slug/verbeteridee',
    { config: { public: true, rateLimit: { max: 20, timeWindow: 60_000 } }, schema: { hide: true } },
    async (request, reply) => {
      const org = await organisationOf(request.params);
      if (!org) return notFound(reply);
      const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<
        string,
        unknown
      >;
      const field = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
      const l = languageOf((request.query as { lang?: unknown }).lang ?? field('lang'));
      const w = WORDS[l];
      const text = field('text').slice(0, 10_000);
      const result = await service.suggestAsResident(app.db, portalCtx(org.id, String(request.id)), {
        text,
        website: field('website'),
        formToken: field('formToken'),
        ip: request.ip,
        minFillSeconds: app.config.portalMinFillSeconds,
      });
      if (result.outcome === 'stored') return reply.redirect(`${base(org.slug)}/bedankt?lang=${l}`, 303);
      if (result.outcome === 'throttled')
        return reply.sendPage({
          language: l,
          title: w.throttledTitle,
          organisation: org.name,
          home: `/p/${org.slug}`,
          status: 429,
          body: (
            <SuggestionMessage
              title={w.throttledTitle}
              lines={[w.throttled]}
              links={[{ href: `/p/${org.slug}`, label: w.home }]}
            />
          ),
        });
      const error = result.outcome === 'invalid' ? (result.errors.text ?? 'short') : 'rejected';
      return reply.sendPage({
        language: l,
        title: `${w.errorTitle}: ${w.title}`,
        organisation: org.name,
        home: `/p/${org.slug}`,
        otherLanguage: `${base(org.slug)}?lang=${l === 'en' ? 'nl' : 'en'}`,
        status: result.outcome === 'invalid' ? 400 : 403,
        body: (
          <SuggestionForm
            language={l}
            action={`${base(org.slug)}?lang=${l}`}
            home={`/p/${org.slug}`}
            formToken={service.suggestionFormToken(org.id)}
            text={text.slice(0, 2000)}
            error={error}
          />
        ),
      });
    },
  );

  app.get(
    '/p/:slug/verbeteridee/bedankt',
    { config: { public: true }, schema: { hide: true } },
    async (request, reply) => {
      const org = await organisationOf(request.params);
      if (!org) return notFound(reply);
      const l = languageOf((request.query as { lang?: unknown }).lang);
      const w = WORDS[l];
      return reply.sendPage({
        language: l,
        title: w.thanksTitle,
        organisation: org.name,
        home: `/p/${org.slug}`,
        body: (
          <SuggestionMessage
            title={w.thanksTitle}
            lines={[w.thanks, w.next]}
            links={[
              { href: `${base(org.slug)}?lang=${l}`, label: w.another },
              { href: `/p/${org.slug}`, label: w.home },
            ]}
          />
        ),
      });
    },
  );
};
