import {
  ideaCreateSchema,
  ideaDecisionBodySchema,
  ideaDetailSchema,
  ideaExperimentBodySchema,
  ideaModerateBodySchema,
  ideaStageMoveSchema,
  ideaSummarySchema,
  ideaUpdateSchema,
  idParamsSchema,
  listOf,
  versionBodySchema,
} from '@voordeur/shared';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { IdeaList, IdeaPage, Message } from './ideas.page.tsx';
import { presentDetail, presentSummary } from './ideas.presenter.ts';
import { commentToken, makeCommentLimiter, publicIdea, publicIdeas, submitComment } from './ideas.public.ts';
import * as service from './ideas.service.ts';
import { type Language, WORDS } from './ideas.words.ts';

const commentParams = z.strictObject({ id: z.uuid(), commentId: z.uuid() });

/** The ideas pipeline for staff: the board, one idea, stage moves, the experiment, moderation. */
export const ideasRoutes: FastifyPluginAsyncZod = async (app) => {
  const detail = async (request: FastifyRequest, id: string) => {
    const ctx = ctxOf(request);
    return presentDetail(await service.getIdea(app.db, ctx, id), service.ideaAbilities(ctx));
  };

  app.get(
    '/',
    {
      schema: {
        tags: ['ideas'],
        summary: 'Every idea of the pipeline with its stage, owner and comments waiting for moderation.',
        response: { 200: listOf(ideaSummarySchema), ...problems },
      },
    },
    async (request) => ({ items: (await service.listIdeas(app.db, ctxOf(request))).map(presentSummary) }),
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['ideas'],
        summary: 'Add an idea (stage `idea`) with its owner; proposed by the employee or by "a resident".',
        body: ideaCreateSchema,
        response: { 201: ideaDetailSchema, ...problems },
      },
    },
    async (request, reply) => {
      const row = await service.createIdea(app.db, ctxOf(request), request.body);
      return reply.status(201).send(await detail(request, row.id));
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['ideas'],
        summary:
          'One idea: its stage moves, experiment and result, and comments (pending and rejected ones only for moderators).',
        params: idParamsSchema,
        response: { 200: ideaDetailSchema, ...problems },
      },
    },
    async (request) => detail(request, request.params.id),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags: ['ideas'],
        summary: 'Change title, description, owner, or publish the idea for residents to comment on.',
        params: idParamsSchema,
        body: ideaUpdateSchema,
        response: { 200: ideaDetailSchema, ...problems },
      },
    },
    async (request) => {
      await service.updateIdea(app.db, ctxOf(request), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/:id/stage',
    {
      schema: {
        tags: ['ideas'],
        summary:
          'Move the idea: forward one stage at a time, back with a note, stopped with the reason; at roll-out optionally also create an improvement.',
        params: idParamsSchema,
        body: ideaStageMoveSchema,
        response: { 200: ideaDetailSchema, ...problems },
      },
    },
    async (request) => {
      await service.moveStage(app.db, ctxOf(request), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  app.put(
    '/:id/experiment',
    {
      schema: {
        tags: ['ideas'],
        summary:
          'Design the experiment: hypothesis, KPI, duration, test and comparison group (monitoring filters), decision rule. Forgets an earlier result.',
        params: idParamsSchema,
        body: ideaExperimentBodySchema,
        response: { 200: ideaDetailSchema, ...problems },
      },
    },
    async (request) => {
      await service.setExperiment(app.db, ctxOf(request), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/:id/measure',
    {
      schema: {
        tags: ['ideas'],
        summary:
          'Measure the experiment from the KPIs: the comparison group against the test group over the duration, with the difference and whether it is significant. Refuses a group with no data in its period.',
        params: idParamsSchema,
        body: versionBodySchema,
        response: { 200: ideaDetailSchema, ...problems },
      },
    },
    async (request) => {
      await service.measure(app.db, ctxOf(request), request.params.id, request.body.version);
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/:id/decision',
    {
      schema: {
        tags: ['ideas'],
        summary:
          'Record the decision on the measured experiment: roll out, or stop (stops the idea with the note).',
        params: idParamsSchema,
        body: ideaDecisionBodySchema,
        response: { 200: ideaDetailSchema, ...problems },
      },
    },
    async (request) => {
      await service.decide(app.db, ctxOf(request), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/:id/comments/:commentId/moderate',
    {
      schema: {
        tags: ['ideas'],
        summary: 'Approve a resident’s comment (then it is public) or reject it with a reason.',
        params: commentParams,
        body: ideaModerateBodySchema,
        response: { 200: ideaDetailSchema, ...problems },
      },
    },
    async (request) => {
      const { id, commentId } = request.params;
      await service.moderate(app.db, ctxOf(request), id, commentId, request.body);
      return detail(request, id);
    },
  );
};

const listParams = z.object({ slug: z.string().max(100) });
const ideaParams = z.object({ slug: z.string().max(100), id: z.uuid() });
const langOf = (query: unknown, body?: unknown): Language => {
  const asked =
    (query as { lang?: unknown } | undefined)?.lang ?? (body as { lang?: unknown } | undefined)?.lang;
  return asked === 'en' ? 'en' : 'nl';
};

/**
 * The public idea pages (co-creation), rendered on the server (work without JavaScript; ADR 0022):
 * `GET /p/<slug>/ideeen` lists the published ideas, `GET /p/<slug>/ideeen/<id>` shows one with its approved
 * comments and a comment form; the form posts back (rate-limited per IP) and redirects to the idea with
 * "your comment will be reviewed first" (Post/Redirect/Get).
 */
export const ideaPageRoutes: FastifyPluginAsync = async (app) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16_384 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  const base = (slug: string) => `/p/${encodeURIComponent(slug)}/ideeen`;
  // Counted before anything else: refused posts (honeypot, time trap, too long) count against their sender too.
  const allowed = makeCommentLimiter();

  function unknown(reply: FastifyReply, l: Language, org?: { name: string; slug: string }) {
    const w = WORDS[l];
    return reply.sendPage({
      language: l,
      title: w.unknownTitle,
      ...(org ? { organisation: org.name } : {}),
      home: org ? `/p/${org.slug}` : '/',
      status: 404,
      body: (
        <Message
          title={w.unknownTitle}
          lines={[w.unknownText]}
          back={org ? { href: `${base(org.slug)}${l === 'en' ? '?lang=en' : ''}`, label: w.back } : undefined}
        />
      ),
    });
  }

  app.get('/p/:slug/ideeen', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const l = langOf(request.query);
    const p = listParams.safeParse(request.params);
    const found = p.success ? await publicIdeas(app.db, p.data.slug) : null;
    if (!found) return unknown(reply, l);
    const b = base(found.organisation.slug);
    return reply.sendPage({
      language: l,
      title: WORDS[l].listTitle,
      organisation: found.organisation.name,
      home: `/p/${found.organisation.slug}`,
      otherLanguage: `${b}?lang=${l === 'en' ? 'nl' : 'en'}`,
      body: <IdeaList language={l} base={b} ideas={found.ideas} />,
    });
  });

  async function ideaPage(
    request: FastifyRequest,
    reply: FastifyReply,
    l: Language,
    form: {
      values: { body?: string | undefined; displayName?: string | undefined };
      errors: Parameters<typeof IdeaPage>[0]['errors'];
      status?: number;
    },
  ) {
    const p = ideaParams.safeParse(request.params);
    const found = p.success ? await publicIdea(app.db, p.data.slug, p.data.id) : null;
    if (!found) return unknown(reply, l);
    if (!found.idea) return unknown(reply, l, found.organisation);
    const b = base(found.organisation.slug);
    const self = `${b}/${found.idea.id}`;
    const sent = (request.query as { verzonden?: unknown } | undefined)?.verzonden === '1';
    return reply.sendPage({
      language: l,
      title: found.idea.title,
      organisation: found.organisation.name,
      home: `/p/${found.organisation.slug}`,
      otherLanguage: `${self}?lang=${l === 'en' ? 'nl' : 'en'}`,
      status: form.status,
      body: (
        <IdeaPage
          language={l}
          base={b}
          action={`${self}${l === 'en' ? '?lang=en' : ''}`}
          idea={found.idea}
          comments={found.comments}
          token={commentToken(found.organisation.id, found.idea.id, new Date())}
          values={form.values}
          errors={form.errors}
          sent={sent && !form.status}
        />
      ),
    });
  }

  app.get(
    '/p/:slug/ideeen/:id',
    { config: { public: true }, schema: { hide: true } },
    async (request, reply) => ideaPage(request, reply, langOf(request.query), { values: {}, errors: {} }),
  );

  app.post(
    '/p/:slug/ideeen/:id',
    { config: { public: true }, schema: { hide: true } },
    async (request, reply) => {
      const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<
        string,
        unknown
      >;
      const field = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
      const l = langOf(request.query, body);
      const p = ideaParams.safeParse(request.params);
      const found = p.success ? await publicIdea(app.db, p.data.slug, p.data.id) : null;
      if (!found) return unknown(reply, l);
      if (!found.idea) return unknown(reply, l, found.organisation);
      const values = { body: field('body'), displayName: field('displayName') };
      if (!allowed(found.organisation.id, request.ip)) {
        const w = WORDS[l];
        return reply.sendPage({
          language: l,
          title: w.tooManyTitle,
          organisation: found.organisation.name,
          home: `/p/${found.organisation.slug}`,
          status: 429,
          body: <Message title={w.tooManyTitle} lines={[w.tooMany]} />,
        });
      }
      const outcome = await submitComment(
        app.db,
        found.organisation.id,
        found.idea.id,
        { ...values, website: field('website'), token: field('token') },
        app.config.portalMinFillSeconds,
      );
      if (outcome.kind === 'unknown') return unknown(reply, l, found.organisation);
      if (outcome.kind === 'invalid')
        return ideaPage(request, reply, l, { values, errors: outcome.errors, status: 400 });
      if (outcome.kind === 'closed')
        return ideaPage(request, reply, l, { values: {}, errors: {}, status: 409 });
      return reply.redirect(
        `${base(found.organisation.slug)}/${found.idea.id}?lang=${l}&verzonden=1#sent`,
        303,
      );
    },
  );
};
