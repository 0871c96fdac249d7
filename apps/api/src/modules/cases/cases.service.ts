import type { Db } from '@voordeur/db';
import type { CatalogueItemDefinition } from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { addDuration, calendarOf } from '../calendar/index.ts';
import { caseErrors } from './cases.errors.ts';
import { casesPolicy } from './cases.policy.ts';
import * as q from './cases.queries.ts';
import { checkIntake } from './intake.ts';

export interface OpenCaseInput {
  item: { id: string; versionId: string; teamId: string | null; definition: CatalogueItemDefinition };
  description: string;
  answers: Record<string, unknown>;
  location?:
    | {
        address?: object | undefined;
        lat?: number | undefined;
        lon?: number | undefined;
        description?: string | undefined;
      }
    | undefined;
  area: string | null;
  customerId: string | null;
  contactId: string | null;
  channel: string;
  priority: string;
  /** Prefix of the human-friendly reference, e.g. VB → VB-2026-000123. */
  referencePrefix: string;
  now?: Date;
}

/**
 * Opens a case in the caller's transaction: under the published version of its item, in the item's first
 * status, with due times from the norms in the organisation's working time, its status history and audit event.
 */
export async function openCase(tx: Db, ctx: Ctx, input: OpenCaseInput) {
  authorize(ctx.actor, casesPolicy.create);
  const organisationId = ctx.actor.organisationId;
  const def = input.item.definition;
  if (def.kind === 'question') throw caseErrors.notForCases();
  const intake = checkIntake(def.intakeFields, input.answers, input.location !== undefined);
  if (intake.problems.length) throw caseErrors.intakeInvalid(intake.problems);
  const now = input.now ?? new Date();
  const { definition: calendar } = await calendarOf(tx, organisationId);
  const year = Number(
    new Intl.DateTimeFormat('en', { timeZone: calendar.timeZone, year: 'numeric' }).format(now),
  );
  const number = await q.nextCaseNumber(tx, organisationId, year);
  const reference = `${input.referencePrefix}-${year}-${String(number).padStart(6, '0')}`;
  const first = def.handling.statuses[0]!;
  const [row] = await q.insertCase(tx, {
    organisationId,
    reference,
    catalogueItemId: input.item.id,
    itemVersionId: input.item.versionId,
    kind: def.kind,
    subject: def.name.nl,
    description: input.description,
    answers: intake.answers,
    location: input.location ?? null,
    area: input.area,
    customerId: input.customerId,
    contactId: input.contactId,
    channel: input.channel,
    priority: input.priority,
    teamId: input.item.teamId,
    status: first.key,
    statusChangedAt: now,
    dueAt: addDuration(calendar, now, def.norms.serviceNorm),
    internalDueAt: def.norms.internalTarget ? addDuration(calendar, now, def.norms.internalTarget) : null,
    legalDueAt: def.norms.legalTerm ? addDuration(calendar, now, def.norms.legalTerm) : null,
    createdAt: now,
  });
  await q.insertStatusChange(tx, {
    organisationId,
    caseId: row!.id,
    status: first.key,
    byUserId: ctx.actor.userId,
    byLabel: ctx.actor.label,
    at: now,
  });
  await recordAudit(tx, ctx, {
    entityType: 'case',
    entityId: row!.id,
    action: 'created',
    after: {
      reference,
      item: def.code,
      status: first.key,
      customerId: input.customerId,
      contactId: input.contactId,
    },
  });
  return getCaseIn(tx, organisationId, row!.id);
}

async function getCaseIn(db: Db, organisationId: string, id: string) {
  const row = await q.findCase(db, organisationId, id);
  if (!row) throw errors.notFound('case');
  return { row, history: await q.historyOf(db, organisationId, id) };
}

export async function getCase(db: Db, ctx: Ctx, id: string) {
  authorize(ctx.actor, casesPolicy.read);
  return getCaseIn(db, ctx.actor.organisationId, id);
}

export async function casesOfCustomer(db: Db, ctx: Ctx, customerId: string) {
  authorize(ctx.actor, casesPolicy.read);
  const organisationId = ctx.actor.organisationId;
  const [open, recent] = await Promise.all([
    q.casesOfCustomer(db, organisationId, customerId, true, 50),
    q.casesOfCustomer(db, organisationId, customerId, false, 10),
  ]);
  return { open, recent };
}
