import { AppError } from '../../plugins/errors.ts';
import { registerProblemTypes } from '../../plugins/problem-types.ts';

registerProblemTypes({
  invalid_credentials: {
    status: 401,
    title: 'Invalid credentials',
    description:
      'The e-mail address or password is not correct, or the account is locked for a few minutes after repeated failures. Which of these is not said: the answer is the same for an address without an account.',
  },
  login_throttled: {
    status: 429,
    title: 'Too many failed sign-ins',
    description:
      'Too many failed sign-ins came from this network, whatever the accounts; Retry-After says how long to wait.',
  },
  session_expired: {
    status: 401,
    title: 'Session expired',
    description:
      'The session cookie belongs to a session that ended (timeout, logout, password change). Sign in again.',
  },
  invalid_token: {
    status: 401,
    title: 'Invalid token',
    description: 'The Bearer token is unknown, expired or revoked, or the Authorization header is malformed.',
  },
  wrong_password: {
    status: 400,
    title: 'Wrong password',
    description: 'The current password is not correct.',
  },
  session_required: {
    status: 403,
    title: 'Session required',
    description: 'Only a signed-in person can do this; an API token cannot.',
  },
  platform_only: {
    status: 403,
    title: 'Platform administrators only',
    description: 'Only a platform administrator (a platform token) can manage organisations.',
  },
  not_for_platform: {
    status: 403,
    title: 'Not for platform administrators',
    description:
      "A platform administrator manages organisations and reads nothing of any organisation's data.",
  },
});

export const authErrors = {
  invalidCredentials: () =>
    new AppError(
      401,
      'invalid_credentials',
      'Invalid credentials',
      'The e-mail address or password is not correct, or there were too many attempts: try again in a few minutes.',
      [{ field: 'password', message: 'Incorrect e-mail address or password' }],
    ),
  loginThrottled: (retryAfterSeconds: number) =>
    new AppError(
      429,
      'login_throttled',
      'Too many failed sign-ins',
      `Too many failed sign-ins from your network. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      undefined,
      { 'retry-after': String(retryAfterSeconds) },
    ),
  sessionExpired: () =>
    new AppError(
      401,
      'session_expired',
      'Session expired',
      'Your session has expired or was ended. Sign in again.',
    ),
  invalidToken: () =>
    new AppError(401, 'invalid_token', 'Invalid token', 'The Bearer token is unknown, expired or revoked.', [
      { field: 'authorization', message: 'Invalid token' },
    ]),
  malformedAuthorization: () =>
    new AppError(
      401,
      'invalid_token',
      'Invalid Authorization header',
      'Use "Authorization: Bearer <token>".',
      [{ field: 'authorization', message: 'Malformed' }],
    ),
  wrongPassword: () =>
    new AppError(400, 'wrong_password', 'Wrong password', 'The current password is not correct.', [
      { field: 'currentPassword', message: 'Incorrect password' },
    ]),
  platformOnly: () =>
    new AppError(
      403,
      'platform_only',
      'Platform administrators only',
      'Only a platform administrator can manage organisations.',
    ),
  notForPlatform: () =>
    new AppError(
      403,
      'not_for_platform',
      'Not for platform administrators',
      "A platform administrator manages organisations and reads nothing of an organisation's data.",
    ),
  sessionRequired: () =>
    new AppError(
      403,
      'session_required',
      'Session required',
      'This action is only possible for a signed-in person.',
    ),
};
