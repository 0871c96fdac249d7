import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ModuleWork } from '../../platform/jobs.ts';
import { csrfError, errors } from '../../plugins/errors.ts';
import { clearSessionCookie, SESSION_COOKIE } from './auth.context.ts';
import { authErrors } from './auth.errors.ts';
import { type AuthPagesOptions, authPages } from './auth.pages.tsx';
import { authRoutes } from './auth.routes.ts';
import { actorFromSession, actorFromToken, csrfTokenValid } from './auth.service.ts';
import { FailuresPerIp } from './auth.throttle.ts';

/** Issue 14 (public): the periodic report, a server-rendered staff page outside /api/, reads the session itself. */
export { actorFromSession } from './auth.service.ts';

import { sessionsPurgeTask } from './auth.tasks.ts';

export { actorOf, ctxOf, SESSION_COOKIE } from './auth.context.ts';
export {
  endSessionsOf,
  organisationOfSession,
  PLATFORM_TOKEN_PREFIX,
  purgeExpiredSessions,
  setPasswordHash,
  TOKEN_PREFIX,
} from './auth.service.ts';

/** The background work of auth (registered in `worker/registry.ts`). */
export const authWork = { tasks: [sessionsPurgeTask] } as const satisfies ModuleWork;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authentication for the whole API, in one hook that runs before the body is parsed and validated:
 * Bearer token or session cookie -> actor; routes require an actor unless they say `config.public`;
 * cookie-authenticated writes require the session's CSRF token. Bearer callers are not exposed to CSRF.
 */
export const authPlugin = fp(
  async (app: FastifyInstance, options: Pick<AuthPagesOptions, 'organisationBySlug'>) => {
    app.decorateRequest('actor', null);
    app.decorateRequest('csrfSecret', null);

    // preParsing: after the (route-level) rate limit, before the body is read and validated.
    app.addHook('preParsing', async (request: FastifyRequest, reply, payload) => {
      // The web app, health probes and the interactive API docs are not the API.
      if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs') || request.is404)
        return payload;
      const config = request.routeOptions.config;
      const authorization = request.headers.authorization;
      const cookie = request.cookies[SESSION_COOKIE];

      if (authorization !== undefined) {
        const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(authorization);
        if (!match?.[1]) throw authErrors.malformedAuthorization();
        request.actor = await actorFromToken(app.db, match[1]);
        if (!request.actor) throw authErrors.invalidToken();
      } else if (cookie) {
        const resolved = await actorFromSession(app.db, app.config, cookie);
        if (resolved) {
          request.actor = resolved.actor;
          request.csrfSecret = resolved.csrfSecret;
        } else {
          clearSessionCookie(app, reply);
          if (!config.public) throw authErrors.sessionExpired();
        }
      }

      if (!request.actor) {
        if (config.public) return payload;
        throw errors.unauthenticated();
      }
      // A platform administrator may call the platform routes and nothing else; nobody else may call those.
      if ((request.actor.kind === 'platform') !== Boolean(config.platform)) {
        if (config.platform) throw authErrors.platformOnly();
        if (!config.public) throw authErrors.notForPlatform();
      }
      if (request.actor.kind === 'user' && !SAFE_METHODS.has(request.method) && !config.skipCsrf) {
        const sent = request.headers['x-csrf-token'];
        if (
          !request.csrfSecret ||
          !csrfTokenValid(request.csrfSecret, typeof sent === 'string' ? sent : undefined)
        ) {
          throw csrfError(request);
        }
      }
      return payload;
    });

    // The API's answers carry personal data: no browser or proxy may keep them. Always so for a signed-in caller
    // (and sign-in itself); a public route may choose its own caching.
    app.addHook('onSend', async (request, reply, payload) => {
      if (
        request.url.startsWith('/api/') &&
        (request.actor || request.url.startsWith('/api/auth/') || !reply.hasHeader('cache-control'))
      ) {
        reply.header('cache-control', 'no-store');
      }
      return payload;
    });

    // Failed sign-ins per client IP are counted once, for the API and the sign-in page alike.
    const failuresPerIp = new FailuresPerIp(app.config.loginFailuresPerIp, 15 * 60_000);
    await app.register(authRoutes, { prefix: '/api/auth', failuresPerIp });
    await app.register(authPages, { failuresPerIp, organisationBySlug: options.organisationBySlug });
  },
);
