import { AppError } from '../../plugins/errors.ts';

/**
 * Refusals of the GeoReport endpoints. They leave in the spec's own error format (open311.format.ts), with the
 * status the spec gives: 404 what does not exist, 403 a missing or wrong api_key, 400 everything else.
 */
export const open311Errors = {
  /** 400, naming the parameter as the client sent it. */
  invalid: (parameter: string, message: string) =>
    new AppError(400, 'validation_failed', 'Invalid request', `${parameter}: ${message}`, [
      { field: parameter, message },
    ]),
  notFound: (what: string) => new AppError(404, 'not_found', 'Not found', `${what} was not found.`),
  apiKey: (message: string) => new AppError(403, 'forbidden', 'Forbidden', message),
};
