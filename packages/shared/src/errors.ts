/**
 * Every problem `code` the API can answer with (RFC 9457 problem+json; ADR 0009): the framework's and input
 * codes of `plugins/`, and each module's own from its `*.errors.ts`. The API types its errors with this union
 * (a code missing here does not compile) and a test checks that its catalogue of problem types is exactly this
 * set; the web words every code in Dutch and English (`problemMessage.ts`: a code without wording does not
 * compile). Why a request was refused in more detail, where it matters, is a field error's `code`.
 */
export const ERROR_CODES = [
  // request, input and framework
  'bad_request',
  'bad_url',
  'body_too_large',
  'empty_body',
  'headers_too_large',
  'internal_error',
  'invalid_content_length',
  'invalid_json',
  'path_too_long',
  'rate_limited',
  'request_timeout',
  'unsupported_media_type',
  'validation_failed',
  // who is asking
  'csrf_invalid',
  'csrf_missing',
  'forbidden',
  'invalid_credentials',
  'invalid_token',
  'login_throttled',
  'not_for_platform',
  'platform_only',
  'session_expired',
  'session_required',
  'unauthenticated',
  'wrong_password',
  // any record
  'not_found',
  'version_conflict',
  // people, teams, organisations
  'email_taken',
  'last_admin',
  'slug_taken',
  'team_name_taken',
  // catalogue, knowledge, transfer
  'code_taken',
  'import_invalid',
  'invalid_definition',
  'no_draft',
  'not_published',
  // front office
  'callback_done',
  'contact_closed',
  'customer_merge_invalid',
  'customer_merged',
  'idempotency_conflict',
  'outcome_required',
  'reference_invalid',
  // cases
  'attachment_rejected',
  'attachment_too_large',
  'breach_reason_required',
  'case_closed',
  'case_invalid_action',
  'extension_ends_in_past',
  'intake_invalid',
  'item_not_for_cases',
  'transition_not_allowed',
  // the resident portal
  'form_expired',
  'form_rejected',
  'form_too_fast',
  'not_online',
  'too_many_reports',
  'upload_unknown',
  // messages and events out
  'mailbox_disabled',
  'notification_not_retryable',
  'webhook_delivery_not_retryable',
  'webhook_inactive',
  'webhook_invalid',
  // places and following (issue 13, items 3 and 4)
  'location_outside',
  // monitoring (issue 14, kpis part)
  'segment_code_taken',
  // ---- assessments (issue 15) ----
  'assessment_phase',
  'elements_unagreed',
  'model_version_taken',
  // signals (issue 15)
  'signal_not_open',
  // people (issue 15): the staff pulse
  'pulse_already_answered',
  'pulse_round_closed',
  'pulse_round_overlaps',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const isErrorCode = (code: string): code is ErrorCode =>
  (ERROR_CODES as readonly string[]).includes(code);
