import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Ctx } from '../../platform/actor.ts';
import { errors } from '../../plugins/errors.ts';

export const SESSION_COOKIE = 'voordeur_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** Resolved in the auth hook; null when the request carries no valid credentials. */
    actor: Actor | null;
    /** The session's CSRF secret, for cookie-authenticated requests. */
    csrfSecret: string | null;
  }
}

/** The caller of an authenticated route. Routes are authenticated by default, so this never throws there. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw errors.unauthenticated();
  return request.actor;
}

export function ctxOf(request: FastifyRequest): Ctx {
  return { actor: actorOf(request), requestId: String(request.id) };
}

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, value: string) {
  reply.setCookie(SESSION_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.config.cookieSecure,
    maxAge: app.config.sessionMaxHours * 3600,
  });
}

export function clearSessionCookie(app: FastifyInstance, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.config.cookieSecure,
  });
}
