import { type ErrorCode, isErrorCode } from '@voordeur/shared';
import type { TFunction } from 'i18next';
import { type ApiError, isApiError } from '../api/client.ts';
import type en from '../i18n/en.json';
import type nl from '../i18n/nl.json';
import { refusal } from './fieldErrors.ts';

/*
 * Every problem code the API can answer with (ErrorCode, the union in @voordeur/shared that the API's errors are
 * typed with) has the interface's own wording here, in Dutch and English (the API writes English). A new code
 * without wording does not compile: `WORDING` must name every code, and its `errorCodes` words must be in both
 * languages (the checks below name the missing code).
 */
type DutchWords = keyof (typeof nl)['errorCodes'];
type NotInEnglish = Exclude<DutchWords, keyof (typeof en)['errorCodes']>;
const everyCodeInEnglish: [NotInEnglish] extends [never] ? true : NotInEnglish = true;
void everyCodeInEnglish;

type Words = (error: ApiError, t: TFunction) => string;
const words =
  (code: DutchWords): Words =>
  (_error, t) =>
    t(`errorCodes.${code}`);

const WORDING: Record<ErrorCode, Words> = {
  bad_request: words('bad_request'),
  bad_url: words('bad_url'),
  body_too_large: words('body_too_large'),
  empty_body: words('empty_body'),
  headers_too_large: words('headers_too_large'),
  internal_error: words('internal_error'),
  invalid_content_length: words('invalid_content_length'),
  invalid_json: words('invalid_json'),
  path_too_long: words('path_too_long'),
  rate_limited: (_e, t) => t('errors.rateLimited'),
  request_timeout: words('request_timeout'),
  unsupported_media_type: words('unsupported_media_type'),
  validation_failed: (_e, t) => t('errors.validationFailed'),
  csrf_invalid: (_e, t) => t('errors.csrf'),
  csrf_missing: (_e, t) => t('errors.csrf'),
  forbidden: (_e, t) => t('errors.forbiddenAction'),
  invalid_credentials: (_e, t) => t('auth.login.invalidCredentials'),
  invalid_token: words('invalid_token'),
  login_throttled: (e, t) =>
    e.retryAfterSeconds
      ? t('auth.login.throttledFor', { count: Math.ceil(e.retryAfterSeconds / 60) })
      : t('auth.login.throttled'),
  not_for_platform: words('not_for_platform'),
  platform_only: words('platform_only'),
  session_expired: (_e, t) => t('auth.login.sessionExpired'),
  session_required: words('session_required'),
  unauthenticated: (_e, t) => t('auth.login.sessionExpired'),
  wrong_password: (_e, t) => t('errors.wrongPassword'),
  not_found: (_e, t) => t('errors.notFoundItem'),
  version_conflict: (_e, t) => t('errors.versionConflict'),
  email_taken: (_e, t) => t('errors.emailTaken'),
  last_admin: (_e, t) => t('errors.lastAdmin'),
  slug_taken: words('slug_taken'),
  team_name_taken: (_e, t) => t('errors.teamNameTaken'),
  code_taken: (_e, t) => t('errors.codeTaken'),
  import_invalid: words('import_invalid'),
  invalid_definition: (_e, t) => t('errors.invalidDefinition'),
  no_draft: (_e, t) => t('errors.noDraft'),
  not_published: (_e, t) => t('errors.notPublished'),
  callback_done: words('callback_done'),
  contact_closed: words('contact_closed'),
  customer_merge_invalid: words('customer_merge_invalid'),
  customer_merged: words('customer_merged'),
  idempotency_conflict: words('idempotency_conflict'),
  outcome_required: words('outcome_required'),
  reference_invalid: words('reference_invalid'),
  attachment_rejected: words('attachment_rejected'),
  attachment_too_large: words('attachment_too_large'),
  breach_reason_required: words('breach_reason_required'),
  case_closed: (_e, t) => t('cases.refusals.closed'),
  // Why exactly, where the API names a stable reason, in the interface's words; else the API's sentence.
  case_invalid_action: (e, t) => {
    const first = e.errors[0];
    return refusal(first?.code, e.detail ?? first?.message ?? e.title, t);
  },
  extension_ends_in_past: (_e, t) => t('errors.extensionEndsInPast'),
  intake_invalid: words('intake_invalid'),
  location_outside: words('location_outside'),
  segment_code_taken: words('segment_code_taken'),
  // ---- assessments (issue 15) ----
  assessment_phase: words('assessment_phase'),
  elements_unagreed: words('elements_unagreed'),
  model_version_taken: words('model_version_taken'),
  signal_not_open: words('signal_not_open'),
  // people (issue 15)
  pulse_already_answered: words('pulse_already_answered'),
  pulse_round_closed: words('pulse_round_closed'),
  pulse_round_overlaps: words('pulse_round_overlaps'),
  item_not_for_cases: words('item_not_for_cases'),
  transition_not_allowed: words('transition_not_allowed'),
  form_expired: words('form_expired'),
  form_rejected: words('form_rejected'),
  form_too_fast: words('form_too_fast'),
  not_online: words('not_online'),
  too_many_reports: words('too_many_reports'),
  upload_unknown: words('upload_unknown'),
  mailbox_disabled: words('mailbox_disabled'),
  notification_not_retryable: words('notification_not_retryable'),
  webhook_delivery_not_retryable: words('webhook_delivery_not_retryable'),
  webhook_inactive: words('webhook_inactive'),
  webhook_invalid: words('webhook_invalid'),
};

/**
 * The sentence to show for a failed request: every problem code in the interface's own, translated wording;
 * a failure without an answer (the network) or a code of another version shows what it has.
 */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.unknown');
  if (error.code === 'network_error') return t('errors.network');
  if (isErrorCode(error.code)) return WORDING[error.code](error, t);
  return error.detail ?? (error.title || t('errors.unknown'));
}
