import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { residentErrors } from './residents.errors.ts';
import { RESIDENT_MAX_HOURS, type Resident, residentOf } from './residents.service.ts';

/**
 * The resident's session cookie: its own name, never the staff session's, so neither reaches the other's routes
 * (the staff auth hook reads only `voordeur_session`; these routes read only this one). SameSite=Strict: My page
 * is never entered from another site with the session on.
 */
export const RESIDENT_COOKIE = 'voordeur_resident';

export function setResidentCookie(app: FastifyInstance, reply: FastifyReply, value: string) {
  reply.setCookie(RESIDENT_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: app.config.cookieSecure,
    maxAge: RESIDENT_MAX_HOURS * 3600,
  });
}

export function clearResidentCookie(app: FastifyInstance, reply: FastifyReply) {
  reply.clearCookie(RESIDENT_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: app.config.cookieSecure,
  });
}

/** The signed-in resident of this request for the organisation of `slug`, or null. */
export function residentOfRequest(app: FastifyInstance, request: FastifyRequest, slug: string) {
  return residentOf(app.db, request.cookies[RESIDENT_COOKIE], slug, String(request.id));
}

/** The signed-in resident, or 401 (a staff session or token is not a resident). */
export async function requireResident(
  app: FastifyInstance,
  request: FastifyRequest,
  slug: string,
): Promise<Resident> {
  const resident = await residentOfRequest(app, request, slug);
  if (!resident) throw residentErrors.signInRequired();
  return resident;
}
