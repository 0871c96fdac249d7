import { type Db, readAll } from '@voordeur/db';
import {
  type SurveyDefinition,
  type SurveyResponseQuery,
  type SurveySettings,
  surveyDefinitionSchema,
  surveySettingsSchema,
} from '@voordeur/shared';
import type { Actor, Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { allows, authorize } from '../../platform/policy.ts';
import { versionedDocuments } from '../../platform/versioned.ts';
import { errors } from '../../plugins/errors.ts';
import { catalogueErrors } from '../catalogue/index.ts';
import * as q from './surveys.queries.ts';

export const surveysPolicy = {
  manage: allows('manageSurveys'),
  readResponses: allows('readSurveyResponses'),
};

/** Survey definitions follow the one lifecycle of versioned content (platform/versioned.ts, ADR 0017). */
const lifecycle = versionedDocuments({
  documents: q.surveyTable,
  versions: q.surveyVersionTable,
  documentKey: 'surveyId',
  entityType: 'survey',
  rule: surveysPolicy.manage,
  refusals: { noDraft: catalogueErrors.noDraft, retiredAlready: catalogueErrors.retiredAlready },
});

export const surveyAbilities = (actor: Actor, row: q.SurveyRow) =>
  lifecycle.abilities(actor, { doc: row.survey, draft: row.draft?.id ? row.draft : null });

export async function listSurveys(db: Db, ctx: Ctx) {
  authorize(ctx.actor, surveysPolicy.manage);
  return q.listSurveys(db, ctx.actor.organisationId);
}

export async function getSurvey(db: Db, ctx: Ctx, code: string) {
  authorize(ctx.actor, surveysPolicy.manage);
  const row = await q.findSurvey(db, ctx.actor.organisationId, code);
  if (!row) throw errors.notFound('survey');
  return row;
}

async function forChange(tx: Db, organisationId: string, code: string, version: number) {
  const row = await q.findSurvey(tx, organisationId, code);
  if (!row) throw errors.notFound('survey');
  const current = { ...row, doc: row.survey, draft: row.draft?.id ? row.draft : null };
  lifecycle.expectVersion(current, version);
  return current;
}

export async function createSurvey(db: Db, ctx: Ctx, input: SurveyDefinition) {
  lifecycle.authorize(ctx.actor);
  const organisationId = ctx.actor.organisationId;
  const def = surveyDefinitionSchema.parse(input);
  return db.transaction(async (tx) => {
    if (await q.findSurvey(tx, organisationId, def.code)) throw catalogueErrors.codeTaken();
    await lifecycle.create(tx, ctx, { definition: def, values: { code: def.code }, audit: { after: def } });
    return (await q.findSurvey(tx, organisationId, def.code))!;
  });
}

export async function saveDraft(db: Db, ctx: Ctx, code: string, input: SurveyDefinition, version: number) {
  lifecycle.authorize(ctx.actor);
  const organisationId = ctx.actor.organisationId;
  const def = surveyDefinitionSchema.parse(input);
  if (def.code !== code) throw catalogueErrors.codeChanged();
  return db.transaction(async (tx) => {
    const current = await forChange(tx, organisationId, code, version);
    const before = current.draft?.id ? current.draft : current.published?.id ? current.published : null;
    await lifecycle.saveDraft(tx, ctx, current, version, {
      definition: def,
      audit: { before: (before as { definition?: object } | null)?.definition ?? {}, after: def },
    });
    return (await q.findSurvey(tx, organisationId, code))!;
  });
}

export async function publish(db: Db, ctx: Ctx, code: string, version: number) {
  lifecycle.authorize(ctx.actor);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const current = await forChange(tx, organisationId, code, version);
    lifecycle.check(current, 'publish');
    const draft = current.draft!;
    await lifecycle.publish(tx, ctx, { ...current, draft }, version);
    return (await q.findSurvey(tx, organisationId, code))!;
  });
}

export async function retire(db: Db, ctx: Ctx, code: string, version: number) {
  lifecycle.authorize(ctx.actor);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const current = await forChange(tx, organisationId, code, version);
    await lifecycle.retire(tx, ctx, current, version);
    return (await q.findSurvey(tx, organisationId, code))!;
  });
}

// ---- which survey applies when ------------------------------------------------------------------------------

/** The defaults before an administrator says otherwise: switched off, so nobody is asked unasked. */
export const DEFAULT_SETTINGS: SurveySettings = surveySettingsSchema.parse({ enabled: false });

/** The settings as stored (and their version), or the defaults (version 1) when none are. */
export async function readSettings(db: Db, organisationId: string) {
  const row = await q.findSettings(db, organisationId);
  if (!row) return { settings: DEFAULT_SETTINGS, version: 1 };
  return { settings: surveySettingsSchema.parse(row.settings), version: row.version };
}

export async function getSettings(db: Db, ctx: Ctx) {
  authorize(ctx.actor, surveysPolicy.manage);
  return readSettings(db, ctx.actor.organisationId);
}

/**
 * Replaces the settings (version-checked: 409 when someone changed them since). Surveys they name must exist;
 * the audit event carries the settings before and after.
 */
export async function putSettings(db: Db, ctx: Ctx, input: SurveySettings, version: number) {
  authorize(ctx.actor, surveysPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  const settings = surveySettingsSchema.parse(input);
  return db.transaction(async (tx) => {
    const known = new Set((await q.listSurveys(tx, organisationId)).map((s) => s.survey.code));
    const problems: { field: string; message: string }[] = [];
    const check = (code: string | null, field: string) => {
      if (code && !known.has(code)) problems.push({ field, message: `No survey "${code}"` });
    };
    check(settings.defaultSurvey, 'settings.defaultSurvey');
    for (const [n, i] of settings.items.entries()) check(i.survey, `settings.items.${n}.survey`);
    for (const [n, c] of settings.channels.entries()) check(c.survey, `settings.channels.${n}.survey`);
    if (problems.length) throw catalogueErrors.invalid(problems);
    const before = await readSettings(tx, organisationId);
    await q.insertSettings(tx, organisationId, DEFAULT_SETTINGS);
    const updated = await q.updateSettings(tx, organisationId, version, settings);
    if (!updated) throw errors.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'survey_settings',
      entityId: organisationId,
      action: 'updated',
      before: before.settings,
      after: settings,
    });
    return { settings, version: updated.version };
  });
}

// ---- answers, for staff ---------------------------------------------------------------------------------------

export async function listResponses(db: Db, ctx: Ctx, f: SurveyResponseQuery) {
  authorize(ctx.actor, surveysPolicy.readResponses);
  const organisationId = ctx.actor.organisationId;
  const [rows, totals] = await readAll(
    db,
    () => q.listResponses(db, organisationId, f),
    () => q.responseTotals(db, organisationId, f),
  );
  return { rows, total: totals.total, average: totals.average === null ? null : Number(totals.average) };
}
