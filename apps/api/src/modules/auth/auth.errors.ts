import { AppError } from '../../plugins/errors.ts';

export const authErrors = {
  invalidCredentials: () =>
    new AppError(
      401,
      'invalid_credentials',
      'Invalid credentials',
      'The e-mail address or password is not correct.',
      [{ field: 'password', message: 'Incorrect e-mail address or password' }],
    ),
  loginThrottled: (retryAfterSeconds: number) =>
    new AppError(
      429,
      'login_throttled',
      'Too many failed sign-ins',
      `Too many failed attempts for this account. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
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
  sessionRequired: () =>
    new AppError(
      403,
      'session_required',
      'Session required',
      'This action is only possible for a signed-in person.',
    ),
};
