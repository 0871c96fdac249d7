import { AppError } from '../../plugins/errors.ts';

export const residentErrors = {
  /** Too many sign-in links for one address or from one IP within the hour; says nothing about the address. */
  tooManyLinks: () =>
    new AppError(
      429,
      'rate_limited',
      'Too many requests',
      'Too many sign-in links were asked for. Try again in an hour.',
    ),
  /** No live resident session for this organisation (a staff session is not one). */
  signInRequired: () =>
    new AppError(401, 'unauthenticated', 'Authentication required', 'Sign in to My page with an email link.'),
};
