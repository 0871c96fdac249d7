import type { TFunction } from 'i18next';
import { isApiError } from '../api/client.ts';
import { refusal } from './fieldErrors.ts';

/**
 * The sentence to show for a failed request. Known problem codes get the interface's own,
 * translated wording (the API writes English); anything else shows the API's `detail`.
 */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.unknown');
  switch (error.code) {
    case 'network_error':
      return t('errors.network');
    case 'invalid_credentials':
      return t('auth.login.invalidCredentials');
    case 'login_throttled':
      return error.retryAfterSeconds
        ? t('auth.login.throttledFor', { count: Math.ceil(error.retryAfterSeconds / 60) })
        : t('auth.login.throttled');
    case 'rate_limited':
      return t('errors.rateLimited');
    case 'session_expired':
    case 'unauthenticated':
      return t('auth.login.sessionExpired');
    case 'csrf_invalid':
    case 'csrf_missing':
      return t('errors.csrf');
    case 'version_conflict':
      return t('errors.versionConflict');
    case 'email_taken':
      return t('errors.emailTaken');
    case 'team_name_taken':
      return t('errors.teamNameTaken');
    case 'last_admin':
      return t('errors.lastAdmin');
    case 'forbidden':
      return t('errors.forbiddenAction');
    case 'not_found':
      return t('errors.notFoundItem');
    case 'validation_failed':
      return t('errors.validationFailed');
    case 'wrong_password':
      return t('errors.wrongPassword');
    case 'invalid_definition':
      return t('errors.invalidDefinition');
    case 'code_taken':
      return t('errors.codeTaken');
    case 'no_draft':
      return t('errors.noDraft');
    case 'not_published':
      return t('errors.notPublished');
    case 'extension_ends_in_past':
      return t('errors.extensionEndsInPast');
    case 'case_closed':
      return t('cases.refusals.closed');
    case 'case_invalid_action': {
      const first = error.errors[0];
      return refusal(first?.code, error.detail ?? first?.message ?? error.title, t);
    }
    default:
      return error.detail ?? (error.title || t('errors.unknown'));
  }
}
