import { auditEvent, type Db } from '@voordeur/db';
import type { AuditQuery } from '@voordeur/shared';
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';

/** Newest first, keyset-paginated on the id (stable under concurrent inserts, fast at any depth). */
export function listAuditEvents(db: Db, organisationId: string, f: AuditQuery) {
  const where: SQL[] = [eq(auditEvent.organisationId, organisationId)];
  if (f.entityType) where.push(eq(auditEvent.entityType, f.entityType));
  if (f.entityId) where.push(eq(auditEvent.entityId, f.entityId));
  if (f.actorId) where.push(eq(auditEvent.actorUserId, f.actorId));
  if (f.from) where.push(gte(auditEvent.occurredAt, new Date(f.from)));
  if (f.to) where.push(lt(auditEvent.occurredAt, new Date(f.to)));
  if (f.before) where.push(lt(auditEvent.id, BigInt(f.before)));
  return db
    .select()
    .from(auditEvent)
    .where(and(...where))
    .orderBy(desc(auditEvent.id))
    .limit(f.limit + 1);
}
