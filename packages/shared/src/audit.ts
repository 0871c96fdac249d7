/**
 * Every kind of record the audit trail names, and every action it records. The API can record no other
 * (`recordAudit` takes these types), and the web words each one (`auditWords` in nl.json and en.json, checked
 * by type and by a unit test): a new code without wording does not get past the type check.
 */
export const AUDIT_ENTITY_TYPES = [
  'address_register',
  'api_token',
  'article',
  'callback',
  'case',
  'case_settings',
  'catalogue_item',
  'contact',
  'customer',
  'message_template',
  'survey',
  'survey_response',
  'survey_settings',
  'notification',
  'open311_client',
  'organisation',
  'team',
  'tracking_code',
  'user',
  'webhook',
  'working_calendar',
  // monitoring (issue 14, kpis part)
  'kpi_target',
  'segment',
  // monitoring inputs (issue 14)
  'waiting_import',
  'unit_cost',
  'mystery_point',
  'mystery_check',
  // ideas (issue 15)
  'idea',
  'idea_comment',
  // people (issue 15): the staff pulse and compliments routed
  'pulse_questionnaire',
  'pulse_round',
  'compliment',
  // excellence (issue 15, improvements part)
  'improvement',
  // ---- strategy (issue 15): vision, objectives, review, integrity register ----
  'strategy_vision',
  'objective',
  'objective_target',
  'objective_action',
  'target_explanation',
  'integrity_record',
  // ---- end strategy ----
  // ---- assessments (issue 15) ----
  'assessment',
  'assessment_model',
  // signals (issue 15): the improvement inbox
  'signal',
  'signal_cluster',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export const AUDIT_ACTIONS = [
  // records of any kind
  'created',
  'updated',
  'deleted',
  'published',
  'draft_saved',
  'retired',
  'merged',
  // sign-in and accounts
  'login',
  'logout',
  'password_changed',
  'password_reset',
  'locked',
  'revoked',
  // customers and contacts
  'viewed',
  'viewed_overview',
  'consent_recorded',
  'front_office_settings_changed',
  'attempt_recorded',
  // cases
  'status_changed',
  'closed',
  'reopened',
  'reopen_requested',
  'reopen_refused',
  'assigned',
  'claimed',
  'note_added',
  'message_sent',
  'message_received',
  'suspended',
  'resumed',
  'extended',
  'attachment_added',
  'child_created',
  'duplicate_merged',
  'merged_into',
  'warned',
  'internal_breached',
  'breached',
  // complaints
  'complaint_acknowledged',
  'complaint_hearing',
  'complaint_committee',
  'complaint_extended',
  'complaint_decided',
  // messages to people and webhooks
  'sent',
  'kept_in_mailbox',
  'bounced',
  'failed',
  'retry_requested',
  'test_queued',
  // letters to people without an email address
  'sent_by_post',
  // the address register
  'imported',
  // surveys
  'answered',
  'follow_up_flagged',
  'compliment_received',
  // someone follows a case they did not report, or stops (issue 13, item 4)
  'followed',
  'unfollowed',
  // monitoring (issue 14, kpis part): a KPI's target set or put back to the default
  'set',
  // ideas (issue 15): a stage move, the experiment designed, measured and decided, a comment moderated
  'idea_stage_changed',
  'idea_experiment_set',
  'idea_result_measured',
  'idea_decided',
  'idea_comment_approved',
  'idea_comment_rejected',
  // ---- assessments (issue 15) ----
  'scored',
  'submitted',
  'consensus_started',
  'agreed',
  'action_created',
  // signals (issue 15): triage of the improvement inbox
  'signal_moved',
  'dismissed',
  'proposed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
