import type { Db } from '@voordeur/db';
import type { CaseSettings, messageTemplateInputSchema, previewSchema } from '@voordeur/shared';
import type { z } from 'zod';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { AppError, errors } from '../../plugins/errors.ts';
import { extended, postponed } from './cases.clock.ts';
import { caseErrors } from './cases.errors.ts';
import { composePersonMessages, messages, type PersonMessage, templatesFor } from './cases.messages.ts';
import { casesPolicy } from './cases.policy.ts';
import * as q from './cases.queries.ts';
import { loadForChange } from './cases.service.ts';
import { caseSettings, saveCaseSettings } from './cases.settings.ts';
import { unknownPlaceholders } from './cases.templates.ts';

/** What the person would receive, before it is sent: the same composition the real send uses. */
export async function preview(db: Db, ctx: Ctx, id: string, p: z.output<typeof previewSchema>) {
  authorize(ctx.actor, casesPolicy.annotate);
  const organisationId = ctx.actor.organisationId;
  const l = await loadForChange(db, organisationId, id);
  const { c } = l.row;
  const status = (key: string | undefined) => {
    const s = l.def.handling.statuses.find((x) => x.key === key);
    if (!s) throw caseErrors.unknown('to', 'status');
    return s;
  };
  let m: PersonMessage;
  let dueAt = c.dueAt;
  switch (p.kind) {
    case 'transition': {
      const s = status(p.to);
      if (s.visibility !== 'public')
        return {
          recipients: [],
          channel: null,
          language: lang(c.language),
          subject: '',
          body: '',
          note: 'internal_status' as const,
        };
      m = messages.status(s, p.body);
      break;
    }
    case 'message':
      m = messages.free(p.body ?? '', p.templateKey, p.subject);
      break;
    case 'suspend':
      m = messages.suspended(p.body ?? '', '');
      break;
    case 'extend':
      // The message names the date the extension gives, not the current one.
      dueAt = extended(l, p.extension!, p.body ?? '', new Date()).times.dueAt;
      m = messages.extended(p.body ?? '');
      break;
    case 'acknowledge':
      m = messages.acknowledged(c.createdAt, c.legalDueAt ?? c.dueAt, p.body);
      break;
    case 'complaint_extend':
      if (c.kind !== 'complaint' || !c.complaint)
        throw caseErrors.invalid('kind', 'Not a complaint', 'not_a_complaint');
      m = messages.complaintExtended(
        p.body ?? '',
        postponed(l, p.weeks!, p.body ?? '', new Date()).times.legalDueAt!,
      );
      break;
    case 'decide':
      m = messages.decided(p.body ?? '', l.settings.ombudsman);
      break;
  }
  const { items, note } = await composePersonMessages(
    db,
    organisationId,
    { id: c.id, reference: c.reference, parentCaseId: c.parentCaseId, dueAt, definition: l.def },
    m,
    l.settings,
  );
  const first = items[0];
  return {
    recipients: items.map((i) => ({
      address: i.recipient,
      name: i.recipientName ?? null,
      channel: i.channel === 'post' ? ('post' as const) : ('email' as const),
    })),
    channel: first ? (first.channel === 'post' ? ('post' as const) : ('email' as const)) : null,
    language: first?.language ?? lang(c.language),
    subject: first?.subject ?? '',
    body: first?.body ?? '',
    note,
  };
}

const lang = (l: string) => (l === 'en' ? 'en' : 'nl') as 'nl' | 'en';

export async function listTemplates(db: Db, ctx: Ctx) {
  authorize(ctx.actor, casesPolicy.read);
  return templatesFor(db, ctx.actor.organisationId);
}

export async function saveTemplate(
  db: Db,
  ctx: Ctx,
  key: string,
  input: z.output<typeof messageTemplateInputSchema>,
) {
  authorize(ctx.actor, casesPolicy.templates);
  const problems = [
    ...(['nl', 'en'] as const).flatMap((l) =>
      unknownPlaceholders(input.subject[l]).map((p) => ({
        field: `subject.${l}`,
        message: `Unknown placeholder {{${p}}}`,
        code: 'unknown_placeholder',
      })),
    ),
    ...(['nl', 'en'] as const).flatMap((l) =>
      unknownPlaceholders(input.body[l]).map((p) => ({
        field: `body.${l}`,
        message: `Unknown placeholder {{${p}}}`,
        code: 'unknown_placeholder',
      })),
    ),
  ];
  if (problems.length) throw errors.validation(problems, 'The template uses placeholders that do not exist.');
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const row = await q.saveTemplate(
      tx,
      organisationId,
      key,
      { name: input.name, subject: input.subject, body: input.body },
      input.version,
    );
    if (!row) throw errors.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'message_template',
      entityId: row.id,
      action: input.version ? 'updated' : 'created',
      after: { key, name: input.name },
    });
    return (await templatesFor(tx, organisationId)).find((t) => t.key === key)!;
  });
}

export async function getCaseSettings(db: Db, ctx: Ctx) {
  authorize(ctx.actor, casesPolicy.read);
  const {
    organisationName: _,
    organisationSlug: __,
    ...settings
  } = await caseSettings(db, ctx.actor.organisationId);
  return settings;
}

export async function updateCaseSettings(db: Db, ctx: Ctx, input: CaseSettings) {
  authorize(ctx.actor, casesPolicy.settings);
  const codes = input.breachReasons.map((r) => r.code);
  const dup = codes.findIndex((c, i) => codes.indexOf(c) !== i);
  if (dup >= 0)
    throw new AppError(422, 'case_invalid_action', 'Not possible', 'Breach reason codes must be unique.', [
      { field: `breachReasons.${dup}.code`, message: 'Duplicate code', code: 'duplicate_code' },
    ]);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const { organisationName: _, organisationSlug: __, ...before } = await caseSettings(tx, organisationId);
    await saveCaseSettings(tx, organisationId, input);
    await recordAudit(tx, ctx, {
      entityType: 'case_settings',
      entityId: organisationId,
      action: 'updated',
      before,
      after: input,
    });
    return input;
  });
}
