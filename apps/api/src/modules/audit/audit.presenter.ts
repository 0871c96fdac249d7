import type { auditEvent } from '@voordeur/db';
import type { AuditEvent } from '@voordeur/shared';

export function presentAuditEvent(e: typeof auditEvent.$inferSelect): AuditEvent {
  return {
    id: e.id.toString(),
    entityType: e.entityType,
    entityId: e.entityId,
    action: e.action,
    actor: {
      kind: e.actorKind as AuditEvent['actor']['kind'],
      id: e.actorUserId ?? e.actorTokenId,
      label: e.actorLabel,
    },
    changes: e.changes as AuditEvent['changes'],
    requestId: e.requestId,
    occurredAt: e.occurredAt.toISOString(),
  };
}
