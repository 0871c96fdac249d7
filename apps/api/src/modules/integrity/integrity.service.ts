/**
 * The integrity register (element 5). Only the integrity officer; every read (the list and each record) and every
 * change is audited. The audit events name the record, its kind and status — never its summary, the people
 * concerned, measures or outcome: the audit trail is read by admins, who may not read the register.
 */
import type { Db } from '@voordeur/db';
import type { IntegrityKind, IntegrityStatus } from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { localDate } from '../calendar/index.ts';
import { integrityPolicy } from './integrity.policy.ts';
import { presentRecord } from './integrity.presenter.ts';
import * as q from './integrity.queries.ts';

/** The organisation id stands for the register as a whole in the audit trail of a list read. */
export async function list(db: Db, ctx: Ctx) {
  authorize(ctx.actor, integrityPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const rows = await q.records(tx, organisationId);
    await recordAudit(tx, ctx, {
      entityType: 'integrity_record',
      entityId: organisationId,
      action: 'viewed_overview',
      changes: { count: { before: null, after: rows.length } },
    });
    return rows.map(presentRecord);
  });
}

export async function get(db: Db, ctx: Ctx, id: string) {
  authorize(ctx.actor, integrityPolicy.manage);
  return db.transaction(async (tx) => {
    const row = await q.findRecord(tx, ctx.actor.organisationId, id);
    if (!row) throw errors.notFound('record');
    await recordAudit(tx, ctx, { entityType: 'integrity_record', entityId: id, action: 'viewed' });
    return presentRecord(row);
  });
}

export async function create(
  db: Db,
  ctx: Ctx,
  input: {
    kind: IntegrityKind;
    occurredOn: string;
    summary: string;
    peopleConcerned: string;
    measures: string;
  },
  now = new Date(),
) {
  authorize(ctx.actor, integrityPolicy.manage);
  if (input.occurredOn > localDate(now))
    throw errors.validation([{ field: 'occurredOn', message: 'In the future' }]);
  return db.transaction(async (tx) => {
    const row = await q.insertRecord(tx, {
      organisationId: ctx.actor.organisationId,
      ...input,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      entityType: 'integrity_record',
      entityId: row.id,
      action: 'created',
      after: { kind: row.kind, status: row.status },
    });
    return presentRecord(row);
  });
}

export async function update(
  db: Db,
  ctx: Ctx,
  id: string,
  input: {
    summary?: string | undefined;
    peopleConcerned?: string | undefined;
    measures?: string | undefined;
    status?: IntegrityStatus | undefined;
    outcome?: string | undefined;
    version: number;
  },
) {
  authorize(ctx.actor, integrityPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const before = await q.findRecord(tx, organisationId, id);
    if (!before) throw errors.notFound('record');
    const { version, ...values } = input;
    const changes = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    const status = input.status ?? before.status;
    const outcome = input.outcome ?? before.outcome;
    if (status === 'closed' && !outcome?.trim())
      throw errors.validation([{ field: 'outcome', message: 'Required to close' }]);
    const after = await q.updateRecord(tx, organisationId, id, version, changes);
    if (!after) throw errors.versionConflict();
    const statusChanged = after.status !== before.status;
    await recordAudit(tx, ctx, {
      entityType: 'integrity_record',
      entityId: id,
      action: statusChanged ? 'status_changed' : 'updated',
      // Which fields changed, never what they say.
      changes: Object.fromEntries(
        Object.keys(changes).map((k) =>
          k === 'status'
            ? [k, { before: before.status, after: after.status }]
            : [k, { before: '[register]', after: '[register]' }],
        ),
      ),
    });
    return presentRecord(after);
  });
}
