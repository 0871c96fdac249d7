/**
 * The Voordeur schema, one file per module's tables in `schema/`. Every organisation-owned table is keyed
 * `(organisation_id, id)` (the tenant and, on a distributed engine such as Citus, the distribution key), and its
 * unique indexes and foreign keys include `organisation_id`; the few global tables are named in `keys.ts`
 * (ADR 0018 keys-that-shard). Instants are `timestamptz`.
 */

export * from './schema/addresses.ts';
// ---- assessments (issue 15) ----
export * from './schema/assessments.ts';
export * from './schema/audit.ts';
export * from './schema/auth.ts';
export * from './schema/calendar.ts';
export * from './schema/cases.ts';
export * from './schema/catalogue.ts';
export * from './schema/contacts.ts';
// issue 14, inputs: waiting figures, unit costs, mystery checks
export * from './schema/costs.ts';
export * from './schema/customers.ts';
export * from './schema/ideas.ts';
export * from './schema/improvements.ts';
export * from './schema/integrity.ts';
export * from './schema/knowledge.ts';
export * from './schema/metrics.ts';
export * from './schema/mystery.ts';
export * from './schema/notifications.ts';
export * from './schema/open311.ts';
// Not its `organisationId` column helper: only tables leave the package.
export { organisation, platformToken } from './schema/organisations.ts';
export * from './schema/outbox.ts';
export * from './schema/portal.ts';
// ---- people (issue 15) ----
export * from './schema/pulse.ts';
export * from './schema/recognition.ts';
// ---- end people ----
export * from './schema/residents.ts';
export * from './schema/search.ts';
// ---- end strategy ----
export * from './schema/signals.ts';
// ---- strategy (issue 15) ----
export * from './schema/strategy.ts';
export * from './schema/surveys.ts';
export * from './schema/teams.ts';
export * from './schema/tracking.ts';
export * from './schema/users.ts';
export * from './schema/waiting.ts';
export * from './schema/webhooks.ts';
export * from './schema/worker.ts';
