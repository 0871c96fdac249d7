import type { Db } from '@voordeur/db';
import {
  type CatalogueItemDefinition,
  catalogueItemDefinitionSchema,
  type FieldError,
} from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { indexDocument, removeDocument } from '../search/index.ts';
import { findTeamByName } from '../teams/index.ts';
import { catalogueErrors } from './catalogue.errors.ts';
import { cataloguePolicy } from './catalogue.policy.ts';
import * as q from './catalogue.queries.ts';
import { definitionErrors, relatedErrors } from './catalogue.validation.ts';

/** Every rule, including those that need the database (team, related items). Throws 422 with all errors. */
async function validate(db: Db, organisationId: string, def: CatalogueItemDefinition) {
  const errs: FieldError[] = definitionErrors(def);
  let teamId: string | null = null;
  if (def.team) {
    const found = await findTeamByName(db, organisationId, def.team);
    if (found) teamId = found.id;
    else errs.push({ field: 'team', message: `No team "${def.team}"` });
  }
  const graph = await q.relationGraph(db, organisationId);
  graph.set(def.code, def.related);
  errs.push(...relatedErrors(def.code, def.related, graph));
  if (errs.length) throw catalogueErrors.invalid(errs);
  return { teamId };
}

/** Top-level fields that changed, for the audit trail (a whole definition would drown the reader). */
function changedFields(before: unknown, after: CatalogueItemDefinition) {
  const b = (before ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(after)
      .filter(([k, v]) => JSON.stringify(b[k]) !== JSON.stringify(v))
      .map(([k, v]) => [k, { before: b[k] ?? null, after: v }]),
  );
}

export async function listItems(db: Db, ctx: Ctx, filters: q.ItemFilters) {
  authorize(ctx.actor, cataloguePolicy.read);
  return q.listItems(db, ctx.actor.organisationId, filters);
}

export async function getItem(db: Db, ctx: Ctx, code: string) {
  authorize(ctx.actor, cataloguePolicy.read);
  const item = await q.findItem(db, ctx.actor.organisationId, code);
  if (!item) throw errors.notFound('catalogue item');
  return item;
}

export async function listVersions(db: Db, ctx: Ctx, code: string) {
  const item = await getItem(db, ctx, code);
  return q.listVersions(db, ctx.actor.organisationId, item.item.id);
}

/** Creates an item as a draft (version 1). */
export async function createItem(db: Db, ctx: Ctx, input: CatalogueItemDefinition) {
  authorize(ctx.actor, cataloguePolicy.edit);
  const organisationId = ctx.actor.organisationId;
  const def = catalogueItemDefinitionSchema.parse(input);
  return db.transaction(async (tx) => {
    if (await q.findItem(tx, organisationId, def.code)) throw catalogueErrors.codeTaken();
    const { teamId } = await validate(tx, organisationId, def);
    const [item] = await q.insertItem(tx, {
      organisationId,
      code: def.code,
      audience: def.audience,
      kind: def.kind,
      teamId,
    });
    const [version] = await q.insertVersion(tx, {
      organisationId,
      itemId: item!.id,
      number: 1,
      definition: def,
      state: 'draft',
      createdByUserId: ctx.actor.userId,
    });
    await q.updateItem(tx, organisationId, item!.id, 1, { draftVersionId: version!.id });
    await recordAudit(tx, ctx, {
      entityType: 'catalogue_item',
      entityId: item!.id,
      action: 'created',
      changes: changedFields(null, def),
    });
    return (await q.findItem(tx, organisationId, def.code))!;
  });
}

/** Saves the draft: edits the open draft, or starts a new version from the published one. */
export async function saveDraft(
  db: Db,
  ctx: Ctx,
  code: string,
  input: CatalogueItemDefinition,
  version: number,
) {
  authorize(ctx.actor, cataloguePolicy.edit);
  const organisationId = ctx.actor.organisationId;
  const def = catalogueItemDefinitionSchema.parse(input);
  if (def.code !== code) throw catalogueErrors.codeChanged();
  return db.transaction(async (tx) => {
    const current = await q.findItem(tx, organisationId, code);
    if (!current) throw errors.notFound('catalogue item');
    if (current.item.version !== version) throw errors.versionConflict();
    await validate(tx, organisationId, def);
    const before = current.draft?.definition ?? current.published?.definition ?? null;
    let draftId = current.draft?.id;
    if (draftId) {
      await q.updateVersion(tx, draftId, { definition: def });
    } else {
      const number = (await q.maxVersionNumber(tx, current.item.id)) + 1;
      [{ id: draftId }] = (await q.insertVersion(tx, {
        organisationId,
        itemId: current.item.id,
        number,
        definition: def,
        state: 'draft',
        createdByUserId: ctx.actor.userId,
      })) as [{ id: string }];
    }
    if (!(await q.updateItem(tx, organisationId, current.item.id, version, { draftVersionId: draftId }))) {
      throw errors.versionConflict();
    }
    await recordAudit(tx, ctx, {
      entityType: 'catalogue_item',
      entityId: current.item.id,
      action: 'draft_saved',
      changes: changedFields(before, def),
    });
    return (await q.findItem(tx, organisationId, code))!;
  });
}

/** Publishes the draft: it becomes what the public and the front office see; earlier versions stay for cases. */
export async function publish(db: Db, ctx: Ctx, code: string, version: number) {
  authorize(ctx.actor, cataloguePolicy.edit);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const current = await q.findItem(tx, organisationId, code);
    if (!current) throw errors.notFound('catalogue item');
    if (current.item.version !== version) throw errors.versionConflict();
    if (!current.draft) throw catalogueErrors.noDraft();
    const def = catalogueItemDefinitionSchema.parse(current.draft.definition);
    // Rules may have changed since the draft was saved (a team renamed, a related item retired).
    const { teamId } = await validate(tx, organisationId, def);
    const now = new Date();
    if (current.published) await q.updateVersion(tx, current.published.id, { state: 'superseded' });
    await q.updateVersion(tx, current.draft.id, { state: 'published', publishedAt: now });
    await q.updateItem(tx, organisationId, current.item.id, version, {
      state: 'published',
      publishedVersionId: current.draft.id,
      draftVersionId: null,
      audience: def.audience,
      kind: def.kind,
      teamId,
    });
    await indexDocument(tx, {
      organisationId,
      kind: 'item',
      refId: current.item.id,
      code: def.code,
      title: def.name.nl,
      summary: def.summary.nl,
      body: [def.description.nl, def.conditions?.nl, def.whatToBring?.nl].filter(Boolean).join('\n'),
      terms: [...def.synonyms, ...def.keywords],
      audience: def.audience,
      itemKind: def.kind,
      teamId,
    });
    await recordAudit(tx, ctx, {
      entityType: 'catalogue_item',
      entityId: current.item.id,
      action: 'published',
      changes: { version: { before: current.published?.number ?? null, after: current.draft.number } },
    });
    return (await q.findItem(tx, organisationId, code))!;
  });
}

/** Retires an item: it leaves the catalogue and search; cases that use it keep their version. */
export async function retire(db: Db, ctx: Ctx, code: string, version: number) {
  authorize(ctx.actor, cataloguePolicy.edit);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const current = await q.findItem(tx, organisationId, code);
    if (!current) throw errors.notFound('catalogue item');
    if (current.item.version !== version) throw errors.versionConflict();
    if (current.published) await q.updateVersion(tx, current.published.id, { state: 'retired' });
    await q.updateItem(tx, organisationId, current.item.id, version, { state: 'retired' });
    await removeDocument(tx, organisationId, 'item', current.item.id);
    await recordAudit(tx, ctx, {
      entityType: 'catalogue_item',
      entityId: current.item.id,
      action: 'retired',
      changes: { state: { before: current.item.state, after: 'retired' } },
    });
    return (await q.findItem(tx, organisationId, code))!;
  });
}

/** The published definition, or 409 when there is none. */
export function publishedDefinition(item: NonNullable<q.ItemRow>): CatalogueItemDefinition {
  if (item.item.state !== 'published' || !item.published) throw catalogueErrors.notPublished();
  return item.published.definition as CatalogueItemDefinition;
}
