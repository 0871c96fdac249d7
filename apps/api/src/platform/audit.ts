import { auditEvent, type Db } from '@voordeur/db';
import type { AuditAction, AuditEntityType } from '@voordeur/shared';
import type { Ctx } from './actor.ts';

/** Fields whose values never enter the audit trail; that they changed is recorded. */
const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash', 'password']);
/** Bookkeeping that changes with every write and says nothing to a reader. */
const IGNORED_FIELDS = new Set(['updatedAt', 'createdAt', 'version', 'lastSeenAt']);

export type Changes = Record<string, { before: unknown; after: unknown }>;

/** Field-by-field difference of two snapshots of an entity (either may be absent: create, delete). */
export function diff(before: object | null | undefined, after: object | null | undefined): Changes {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const changes: Changes = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (IGNORED_FIELDS.has(key)) continue;
    const bv = normalise(b[key]);
    const av = normalise(a[key]);
    if (JSON.stringify(bv) === JSON.stringify(av)) continue;
    changes[key] = SECRET_FIELDS.has(key)
      ? { before: bv === null ? null : '[redacted]', after: av === null ? null : '[redacted]' }
      : { before: bv, after: av };
  }
  return changes;
}

function normalise(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return v.toString();
  return v;
}

export interface AuditInput {
  /** One of the kinds the web words (AUDIT_ENTITY_TYPES in @voordeur/shared). */
  entityType: AuditEntityType;
  entityId: string;
  /** One of the actions the web words (AUDIT_ACTIONS in @voordeur/shared). */
  action: AuditAction;
  before?: object | null;
  after?: object | null;
  /** Extra facts that are not field changes (e.g. the reason of a lock-out). */
  changes?: Changes;
}

/**
 * Appends one audit event. Call it with the transaction that makes the change, so that the change and its
 * record commit or fail together.
 */
export async function recordAudit(tx: Db, ctx: Ctx, input: AuditInput): Promise<void> {
  await auditWrite(tx, ctx, input);
}

/** The insert of one audit event, not yet sent: for {@link writeTogether} with the change it records. */
export function auditWrite(tx: Db, ctx: Ctx, input: AuditInput) {
  const { actor } = ctx;
  return tx.insert(auditEvent).values({
    organisationId: actor.organisationId,
    actorKind: actor.kind,
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorTokenId: actor.tokenId,
    actorLabel: actor.label,
    entityType: input.entityType,
    entityId: input.entityId,
    action: input.action,
    changes: { ...diff(input.before, input.after), ...input.changes },
    requestId: ctx.requestId,
  });
}
