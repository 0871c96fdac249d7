/** The audit trail. */
import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisationId } from './organisations.ts';

/** Append-only (a trigger refuses UPDATE and DELETE): the integrity of every change is demonstrable. */
export const auditEvent = pgTable(
  'audit_event',
  {
    id: bigint('id', { mode: 'bigint' }).generatedAlwaysAsIdentity(),
    organisationId: organisationId(),
    /** user | token | system */
    actorKind: text('actor_kind').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorTokenId: uuid('actor_token_id'),
    /** Name at the time of the event, kept even if the user is later renamed or removed. */
    actorLabel: text('actor_label').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    /** { field: { before, after } } — secrets are never recorded, only that they changed. */
    changes: jsonb('changes').notNull().default(sql`'{}'::jsonb`),
    requestId: text('request_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'audit_event_pkey', columns: [t.organisationId, t.id] }),
    index('audit_event_org_entity_idx').on(t.organisationId, t.entityType, t.entityId, t.id),
    index('audit_event_org_actor_idx').on(t.organisationId, t.actorUserId, t.id),
  ],
);
