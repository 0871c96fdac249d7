import type { Db } from '@voordeur/db';
import type { AuditQuery } from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { auditPolicy } from './audit.policy.ts';
import * as q from './audit.queries.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Record ids a page of events names: its subjects and the ids among the changed values (an assignee, a team). */
export function idsNamedIn(events: { entityId: string; changes: unknown }[]): string[] {
  const ids = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' && UUID.test(value)) ids.add(value.toLowerCase());
  };
  for (const e of events) {
    add(e.entityId);
    for (const change of Object.values(
      (e.changes ?? {}) as Record<string, { before?: unknown; after?: unknown }>,
    )) {
      add(change?.before);
      add(change?.after);
    }
  }
  return [...ids];
}

/**
 * One page of the organisation's audit trail, newest first (admin, quality): the events, the cursor of the next
 * page, and what to call the records the events name.
 */
export async function auditPage(db: Db, ctx: Ctx, f: AuditQuery) {
  const { actor } = ctx;
  authorize(actor, auditPolicy.read);
  if (f.before !== undefined && !/^\d{1,19}$/.test(f.before)) {
    throw errors.validation([{ field: 'before', message: 'Must be a cursor returned as nextCursor' }]);
  }
  if (f.from && f.to && new Date(f.from) > new Date(f.to)) {
    throw errors.validation([{ field: 'to', message: 'Must not be before "from"' }]);
  }
  // One row more than the page: whether there is a next page.
  const rows = await q.listAuditEvents(db, actor.organisationId, f);
  const events = rows.slice(0, f.limit);
  return {
    events,
    nextCursor: rows.length > f.limit ? (events.at(-1)?.id.toString() ?? null) : null,
    labels: await q.labelsOf(db, actor.organisationId, idsNamedIn(events)),
  };
}
