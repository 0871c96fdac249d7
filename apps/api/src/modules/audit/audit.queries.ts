import { auditEvent, type Db } from '@voordeur/db';
import type { AuditQuery } from '@voordeur/shared';
import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';

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

/**
 * What a reader calls the records with these ids: a case by its reference, a user, team, token, webhook or
 * message template by its name, a catalogue item or article by its code. People (customers, contacts) are not
 * named here: the audit trail's readers need not see them. One statement, in the organisation only.
 */
export async function labelsOf(
  db: Db,
  organisationId: string,
  ids: string[],
): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const list = sql`ARRAY[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
  const from = (table: string, label: string) =>
    sql`SELECT id::text AS id, ${sql.raw(label)} AS label FROM ${sql.raw(table)}
        WHERE organisation_id = ${organisationId} AND id = ANY(${list})`;
  const result = await db.execute(
    sql`${sql.join(
      [
        from('case_file', 'reference'),
        from('app_user', 'name'),
        from('team', 'name'),
        from('api_token', 'name'),
        from('catalogue_item', 'code'),
        from('article', 'code'),
        from('webhook_subscription', 'name'),
        from('message_template', 'name'),
      ],
      sql` UNION ALL `,
    )}`,
  );
  const rows = (result as unknown as { rows: { id: string; label: string }[] }).rows;
  return Object.fromEntries(rows.map((r) => [r.id, r.label]));
}
