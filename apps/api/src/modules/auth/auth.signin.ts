import type { LoginBody } from '@voordeur/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../plugins/errors.ts';
import { SESSION_COOKIE, setSessionCookie } from './auth.context.ts';
import { authErrors } from './auth.errors.ts';
import * as service from './auth.service.ts';
import type { FailuresPerIp } from './auth.throttle.ts';

/**
 * Signs a person in with e-mail and password, for the API's `POST /api/auth/login` and the sign-in page alike: the
 * failures per client IP are counted in one place, an old session on this browser ends (a fresh id after sign-in
 * prevents session fixation) and the new one is set as the httpOnly cookie. Answers the profile and the cookie's
 * value; throws `invalid_credentials` or `login_throttled`.
 */
export async function signIn(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  failuresPerIp: FailuresPerIp,
  body: LoginBody,
) {
  const wait = failuresPerIp.retryAfterSeconds(request.ip);
  if (wait) throw authErrors.loginThrottled(wait);
  const result = await service
    .login(app.db, app.config, {
      ...body,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
      requestId: String(request.id),
    })
    .catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'invalid_credentials') failuresPerIp.fail(request.ip);
      throw error;
    });
  const old = request.cookies[SESSION_COOKIE];
  if (old) await service.endSessionOfCookie(app.db, old);
  setSessionCookie(app, reply, result.cookieValue);
  const found = await service.profile(app.db, result.organisationId, result.userId);
  if (!found) throw authErrors.invalidCredentials();
  return { profile: found, cookieValue: result.cookieValue };
}
