import {
  codeParamsSchema,
  listOf,
  surveyDefinitionSchema,
  surveyResponseListSchema,
  surveyResponseQuerySchema,
  surveySchema,
  surveySettingsBodySchema,
  surveySettingsReplySchema,
  versionBodySchema,
} from '@voordeur/shared';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { answer, openInvitation, parseAnswer } from './surveys.answer.ts';
import { type Answers, Message, SurveyForm } from './surveys.page.tsx';
import { presentResponse, presentSurvey } from './surveys.presenter.ts';
import * as service from './surveys.service.ts';
import { WORDS } from './surveys.words.ts';

/** Survey definitions (versioned), which survey applies when, and the answers — for staff. */
export const surveysRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/surveys',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Survey definitions (admin, quality).',
        response: { 200: listOf(surveySchema), ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const rows = await service.listSurveys(app.db, ctx);
      return { items: rows.map((r) => presentSurvey(r, service.surveyAbilities(ctx.actor, r))) };
    },
  );

  app.get(
    '/surveys/:code',
    {
      schema: {
        tags: ['surveys'],
        summary: 'One survey definition (admin, quality).',
        params: codeParamsSchema,
        response: { 200: surveySchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const row = await service.getSurvey(app.db, ctx, request.params.code);
      return presentSurvey(row, service.surveyAbilities(ctx.actor, row));
    },
  );

  app.post(
    '/surveys',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Create a survey definition as a draft (admin, quality).',
        body: z.strictObject({ definition: surveyDefinitionSchema }),
        response: { 201: surveySchema, ...problems },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const row = await service.createSurvey(app.db, ctx, request.body.definition);
      return reply.status(201).send(presentSurvey(row, service.surveyAbilities(ctx.actor, row)));
    },
  );

  app.put(
    '/surveys/:code/draft',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Save the draft of a survey (admin, quality).',
        params: codeParamsSchema,
        body: z.strictObject({ definition: surveyDefinitionSchema, version: z.number().int().min(1) }),
        response: { 200: surveySchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const { definition, version } = request.body;
      const row = await service.saveDraft(app.db, ctx, request.params.code, definition, version);
      return presentSurvey(row, service.surveyAbilities(ctx.actor, row));
    },
  );

  for (const [action, fn, summary] of [
    ['publish', service.publish, 'Publish the draft: new invitations use it (admin, quality).'],
    ['retire', service.retire, 'Retire the survey: no new invitations use it (admin, quality).'],
  ] as const) {
    app.post(
      `/surveys/:code/${action}`,
      {
        schema: {
          tags: ['surveys'],
          summary,
          params: codeParamsSchema,
          body: versionBodySchema,
          response: { 200: surveySchema, ...problems },
        },
      },
      async (request) => {
        const ctx = ctxOf(request);
        const row = await fn(app.db, ctx, request.params.code, request.body.version);
        return presentSurvey(row, service.surveyAbilities(ctx.actor, row));
      },
    );
  }

  app.get(
    '/survey-settings',
    {
      schema: {
        tags: ['surveys'],
        summary:
          'Which survey applies when: default, per item, per channel, samples, cooldown (admin, quality).',
        response: { 200: surveySettingsReplySchema, ...problems },
      },
    },
    async (request) => service.getSettings(app.db, ctxOf(request)),
  );

  app.put(
    '/survey-settings',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Replace the survey settings (admin, quality).',
        body: surveySettingsBodySchema,
        response: { 200: surveySettingsReplySchema, ...problems },
      },
    },
    async (request) => {
      const { settings, version } = request.body;
      return service.putSettings(app.db, ctxOf(request), settings, version);
    },
  );

  app.get(
    '/survey-responses',
    {
      schema: {
        tags: ['surveys'],
        summary:
          'Survey answers, newest first, by item, team, channel and period; compliments and follow-ups apart. No names or addresses (admin, quality, manager, team lead).',
        querystring: surveyResponseQuerySchema,
        response: { 200: surveyResponseListSchema, ...problems },
      },
    },
    async (request) => {
      const r = await service.listResponses(app.db, ctxOf(request), request.query);
      return { items: r.rows.map(presentResponse), total: r.total, averageGrade: r.average };
    },
  );
};

const pageParams = z.object({ slug: z.string().max(100), token: z.string().max(100) });
const pageQuery = z.object({ lang: z.string().max(10).optional() });
type PageRequest = { params: unknown; query: unknown };

/**
 * The survey a person is invited to, rendered on the server (works without JavaScript; ADR 0022):
 * `GET /p/<slug>/enquete/<token>` shows it (`?lang=en` in English), a plain form post answers it and redirects
 * to the thank-you page (Post/Redirect/Get); an answered, expired or unknown link gets a page that says so.
 */
export const surveyPageRoutes: FastifyPluginAsync = async (app) => {
  // Plain HTML forms post url-encoded; only these pages read such bodies.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16_384 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  const base = (slug: string, token: string) =>
    `/p/${encodeURIComponent(slug)}/enquete/${encodeURIComponent(token)}`;
  const languageOf = (asked: string | undefined, own: 'nl' | 'en') =>
    asked === 'en' ? 'en' : asked === 'nl' ? 'nl' : own;

  /** The page of a link that cannot be answered (now). */
  function closed(
    reply: FastifyReply,
    state: 'unknown' | 'expired' | 'answered',
    l: 'nl' | 'en',
    org?: { name: string; slug: string },
  ) {
    const w = WORDS[l];
    const [title, text, status] =
      state === 'answered'
        ? [w.answeredTitle, w.answeredText, 409]
        : state === 'expired'
          ? [w.expiredTitle, w.expiredText, 410]
          : [w.unknownTitle, w.unknownText, 404];
    return reply.sendPage({
      language: l,
      title,
      ...(org ? { organisation: org.name } : {}),
      home: org ? `/p/${org.slug}` : '/',
      status,
      body: <Message title={title} lines={[text]} />,
    });
  }

  const parse = (request: PageRequest) => {
    const params = pageParams.safeParse(request.params);
    const query = pageQuery.safeParse(request.query);
    return params.success ? { ...params.data, lang: query.success ? query.data.lang : undefined } : null;
  };

  app.get(
    '/p/:slug/enquete/:token',
    { config: { public: true }, schema: { hide: true } },
    async (request, reply) => {
      const p = parse(request);
      if (!p) return closed(reply, 'unknown', 'nl');
      const opened = await openInvitation(app.db, p.slug, p.token);
      if (opened.state === 'unknown') return closed(reply, 'unknown', languageOf(p.lang, 'nl'));
      const l = languageOf(p.lang, opened.language);
      if (opened.state !== 'open') return closed(reply, opened.state, l, opened.organisation);
      return reply.sendPage({
        language: l,
        title: opened.definition.title[l] || opened.definition.title.nl,
        organisation: opened.organisation.name,
        home: `/p/${opened.organisation.slug}`,
        otherLanguage: `${base(p.slug, p.token)}?lang=${l === 'en' ? 'nl' : 'en'}`,
        body: (
          <SurveyForm
            definition={opened.definition}
            language={l}
            action={`${base(p.slug, p.token)}${l === 'en' ? '?lang=en' : ''}`}
            subject={opened.subject ?? WORDS[l].contactSubject}
            values={{}}
            errors={{}}
          />
        ),
      });
    },
  );

  app.post(
    '/p/:slug/enquete/:token',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: { hide: true },
    },
    async (request, reply) => {
      const p = parse(request);
      if (!p) return closed(reply, 'unknown', 'nl');
      const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<
        string,
        unknown
      >;
      const field = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
      const opened = await openInvitation(app.db, p.slug, p.token);
      if (opened.state === 'unknown')
        return closed(reply, 'unknown', languageOf(p.lang ?? field('lang'), 'nl'));
      const l = languageOf(p.lang ?? field('lang'), opened.language);
      if (opened.state !== 'open') return closed(reply, opened.state, l, opened.organisation);
      const values: Answers = {
        grade: field('grade'),
        effort: field('effort'),
        solved: field('solved'),
        comment: field('comment'),
      };
      const parsed = parseAnswer(values, l);
      if (parsed.errors) {
        const w = WORDS[l];
        return reply.sendPage({
          language: l,
          title: `${w.errorTitle}: ${opened.definition.title[l] || opened.definition.title.nl}`,
          organisation: opened.organisation.name,
          home: `/p/${opened.organisation.slug}`,
          otherLanguage: `${base(p.slug, p.token)}?lang=${l === 'en' ? 'nl' : 'en'}`,
          status: 400,
          body: (
            <SurveyForm
              definition={opened.definition}
              language={l}
              action={`${base(p.slug, p.token)}${l === 'en' ? '?lang=en' : ''}`}
              subject={opened.subject ?? w.contactSubject}
              values={values}
              errors={parsed.errors}
            />
          ),
        });
      }
      const outcome = await answer(app.db, opened.organisation.id, p.token, parsed.answer, l);
      if (outcome === 'stored' || outcome === 'follow_up')
        return reply.redirect(
          `${base(p.slug, p.token)}/bedankt?lang=${l}${outcome === 'follow_up' ? '&opvolgen=1' : ''}`,
          303,
        );
      return closed(reply, outcome === 'already' ? 'answered' : outcome, l, opened.organisation);
    },
  );

  app.get(
    '/p/:slug/enquete/:token/bedankt',
    { config: { public: true }, schema: { hide: true } },
    async (request, reply) => {
      const p = parse(request);
      if (!p) return closed(reply, 'unknown', 'nl');
      const opened = await openInvitation(app.db, p.slug, p.token);
      if (opened.state === 'unknown') return closed(reply, 'unknown', languageOf(p.lang, 'nl'));
      const l = languageOf(p.lang, opened.language);
      // Thanks only once it is answered; before that the link leads to the survey itself.
      if (opened.state !== 'answered') return reply.redirect(`${base(p.slug, p.token)}?lang=${l}`, 303);
      const w = WORDS[l];
      const followUp = (request.query as { opvolgen?: string }).opvolgen === '1';
      return reply.sendPage({
        language: l,
        title: w.thanksTitle,
        organisation: opened.organisation.name,
        home: `/p/${opened.organisation.slug}`,
        body: (
          <Message
            title={w.thanksTitle}
            lines={followUp ? [w.thanksText, w.thanksFollowUp] : [w.thanksText]}
          />
        ),
      });
    },
  );
};
