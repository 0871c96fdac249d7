import {
  districtCentreSchema,
  followInputSchema,
  mapConfigSchema,
  mappedCaseSchema,
  nearbyQuerySchema,
  nearbyResultSchema,
  placeAddressSchema,
  pointQuerySchema,
  portalAddressQuerySchema,
  slugParamsSchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { languageOf } from '../../plugins/language.ts';
import { problemResponses, publicProblemResponses } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { unfollowBody, unfollowTitle } from './location.page.tsx';
import * as service from './location.service.ts';

/** Public lookups answer a person typing (a few a minute); following is rarer still. Per client IP. */
const LOOKUP_LIMIT = { max: 60, timeWindow: 60_000 };
const FOLLOW_LIMIT = { max: 10, timeWindow: 60_000 };

/** The map the web shows (or none): from MAP_TILE_URL, MAP_ATTRIBUTION and MAP_MAX_ZOOM. */
export const mapConfigRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'The map’s tile server, attribution and maximum zoom; `map: null` when there is no map.',
        response: { 200: mapConfigSchema, ...publicProblemResponses },
      },
    },
    async () => ({ map: app.config.map ?? null }),
  );
};

/** The portal's location field: addresses, the address at a point, open reports nearby, following one. */
export const portalLocationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/addresses',
    {
      config: { public: true, rateLimit: LOOKUP_LIMIT },
      schema: {
        tags: ['public'],
        summary:
          'Find an address of the organisation’s register: by `postcode` (with `number`, `addition`) or by `street` (with `number`). At most 20.',
        params: slugParamsSchema,
        querystring: portalAddressQuerySchema,
        response: { 200: z.object({ items: z.array(placeAddressSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await service.findAddresses(app.db, request.params.slug, request.query) }),
  );

  app.get(
    '/addresses/at',
    {
      config: { public: true, rateLimit: LOOKUP_LIMIT },
      schema: {
        tags: ['public'],
        summary:
          'The register’s address nearest to a point picked on the map; 422 `location_outside` when no address lies within 500 m.',
        params: slugParamsSchema,
        querystring: pointQuerySchema,
        response: { 200: placeAddressSchema, ...problemResponses },
      },
    },
    async (request) =>
      service.nearestAddress(app.db, request.params.slug, request.query.lat, request.query.lon),
  );

  app.get(
    '/addresses/centre',
    {
      config: { public: true, rateLimit: LOOKUP_LIMIT },
      schema: {
        tags: ['public'],
        summary:
          'Where a map of the organisation opens: the middle of its addresses; null without a register.',
        params: slugParamsSchema,
        response: {
          200: z.object({ centre: z.object({ lat: z.number(), lon: z.number() }).nullable() }),
          ...publicProblemResponses,
        },
      },
    },
    async (request) => service.mapCentre(app.db, request.params.slug),
  );

  app.get(
    '/nearby',
    {
      config: { public: true, rateLimit: LOOKUP_LIMIT },
      schema: {
        tags: ['public'],
        summary:
          '"Already reported nearby?": open public reports of the same location-based item within its radius (50 m by default), nearest first, at most 10. Nothing about who reported them.',
        params: slugParamsSchema,
        querystring: nearbyQuerySchema,
        response: { 200: nearbyResultSchema, ...problemResponses },
      },
    },
    async (request) => service.nearby(app.db, request.params.slug, request.query, languageOf(request)),
  );

  app.post(
    '/cases/:reference/followers',
    {
      config: { public: true, rateLimit: FOLLOW_LIMIT },
      schema: {
        tags: ['public'],
        summary:
          'Follow an open public report instead of reporting it again: the address hears of its progress like its reporter and gets a confirmation with a link to stop. Following twice changes nothing (the same answer).',
        params: slugParamsSchema.extend({ reference: z.string().min(1).max(40) }),
        body: followInputSchema,
        response: {
          202: z.object({ following: z.literal(true) }).meta({ id: 'Following' }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      await service.follow(
        app.db,
        request.params.slug,
        request.params.reference,
        request.body,
        String(request.id),
      );
      return reply.status(202).send({ following: true });
    },
  );
};

/** The staff map of open reports (the queue's, with its team filter); the web shows a list without a map. */
export const caseMapRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['cases'],
        summary:
          'Open cases with a known place, earliest due first, at most 500 (`truncated` when there are more).',
        querystring: z.strictObject({ teamId: z.uuid().optional() }),
        response: {
          200: z.object({ items: z.array(mappedCaseSchema), truncated: z.boolean() }),
          ...problemResponses,
        },
      },
    },
    async (request) => service.caseMap(app.db, ctxOf(request), request.query),
  );

  app.get(
    '/districts',
    {
      schema: {
        tags: ['cases'],
        summary:
          'The districts of the front-office settings, each at the middle of its register addresses (a district without addresses is left out): where a map of districts marks them.',
        response: { 200: z.object({ items: z.array(districtCentreSchema) }), ...problemResponses },
      },
    },
    async (request) => service.districtMap(app.db, ctxOf(request)),
  );
};

const tokenParams = slugParamsSchema.extend({ token: z.string().max(100) });
const pageQuery = z.object({ lang: z.enum(['nl', 'en']).optional(), done: z.literal('1').optional() });

/** The page behind the link in every message to a follower: stop following (works without JavaScript). */
export const locationPages: FastifyPluginAsyncZod = async (app) => {
  // The stop button posts an empty form; a form parser may be registered by the app already.
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded'))
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_r, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

  app.get(
    '/p/:slug/unfollow/:token',
    {
      config: { public: true },
      schema: { hide: true, params: tokenParams, querystring: pageQuery },
    },
    async (request, reply) => {
      const { slug, token } = request.params;
      const language = request.query.lang ?? languageOf(request);
      const found = await service.unfollowPage(app.db, slug, token);
      const state = found.reference ? 'confirm' : request.query.done ? 'done' : 'unknown';
      return reply.sendPage({
        language,
        title: unfollowTitle(language, state),
        organisation: found.organisation.name,
        home: `/p/${slug}`,
        status: state === 'unknown' ? 404 : 200,
        body: unfollowBody({
          language,
          state,
          reference: found.reference,
          action: `/p/${slug}/unfollow/${token}${request.query.lang ? `?lang=${language}` : ''}`,
        }),
      });
    },
  );

  app.post(
    '/p/:slug/unfollow/:token',
    {
      config: { public: true, rateLimit: FOLLOW_LIMIT },
      schema: { hide: true, params: tokenParams, querystring: pageQuery },
    },
    async (request, reply) => {
      const { slug, token } = request.params;
      await service.stopFollowing(app.db, slug, token, String(request.id));
      const lang = request.query.lang ? `&lang=${request.query.lang}` : '';
      // Post/Redirect/Get: the page then says that the person no longer follows the case.
      return reply.redirect(`/p/${slug}/unfollow/${token}?done=1${lang}`, 303);
    },
  );
};
