import { catalogueItem, catalogueItemVersion, type Db } from '@voordeur/db';
import {
  type CatalogueItemDefinition,
  catalogueItemDefinitionSchema,
  type FieldError,
} from '@voordeur/shared';
import type { Actor, Ctx } from '../../platform/actor.ts';
import { authorize } from '../../platform/policy.ts';
import { versionedDocuments } from '../../platform/versioned.ts';
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

/** Catalogue items follow the one lifecycle of versioned content (platform/versioned.ts). */
const lifecycle = versionedDocuments({
  documents: catalogueItem,
  versions: catalogueItemVersion,
  documentKey: 'itemId',
  entityType: 'catalogue_item',
  rule: cataloguePolicy.edit,
  refusals: { noDraft: catalogueErrors.noDraft, retiredAlready: catalogueErrors.retiredAlready },
});

/** The item as the lifecycle sees it. */
const current = (row: NonNullable<q.ItemRow>) => ({ ...row, doc: row.item });

/** What the actor may do to the item now: the checks its actions make (the presenter returns them). */
export const itemAbilities = (actor: Actor, row: NonNullable<q.ItemRow>) =>
  lifecycle.abilities(actor, { doc: row.item, draft: row.draft?.id ? row.draft : null });

/** Reads the item for a change in the transaction: 404 when there is none, 409 when it is not the version seen. */
async function forChange(tx: Db, organisationId: string, code: string, version: number) {
  const row = await q.findItem(tx, organisationId, code);
  if (!row) throw errors.notFound('catalogue item');
  const item = current(row);
  lifecycle.expectVersion(item, version);
  return item;
}

/** Creates an item as a draft (version 1). */
export async function createItem(db: Db, ctx: Ctx, input: CatalogueItemDefinition) {
  lifecycle.authorize(ctx.actor);
  const organisationId = ctx.actor.organisationId;
  const def = catalogueItemDefinitionSchema.parse(input);
  return db.transaction(async (tx) => {
    if (await q.findItem(tx, organisationId, def.code)) throw catalogueErrors.codeTaken();
    const { teamId } = await validate(tx, organisationId, def);
    await lifecycle.create(tx, ctx, {
      definition: def,
      values: { code: def.code, audience: def.audience, kind: def.kind, teamId },
      audit: { changes: changedFields(null, def) },
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
  lifecycle.authorize(ctx.actor);
  const organisationId = ctx.actor.organisationId;
  const def = catalogueItemDefinitionSchema.parse(input);
  if (def.code !== code) throw catalogueErrors.codeChanged();
  return db.transaction(async (tx) => {
    const item = await forChange(tx, organisationId, code, version);
    await validate(tx, organisationId, def);
    const before = item.draft?.definition ?? item.published?.definition ?? null;
    await lifecycle.saveDraft(tx, ctx, item, version, {
      definition: def,
      audit: { changes: changedFields(before, def) },
    });
    return (await q.findItem(tx, organisationId, code))!;
  });
}

/** Publishes the draft: it becomes what the public and the front office see; earlier versions stay for cases. */
export async function publish(db: Db, ctx: Ctx, code: string, version: number) {
  lifecycle.authorize(ctx.actor);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const item = await forChange(tx, organisationId, code, version);
    lifecycle.check(item, 'publish');
    const draft = item.draft!;
    const def = catalogueItemDefinitionSchema.parse(draft.definition);
    // Rules may have changed since the draft was saved (a team renamed, a related item retired).
    const { teamId } = await validate(tx, organisationId, def);
    await lifecycle.publish(tx, ctx, { ...item, draft }, version, {
      audience: def.audience,
      kind: def.kind,
      teamId,
    });
    await indexDocument(tx, {
      organisationId,
      kind: 'item',
      refId: item.doc.id,
      code: def.code,
      title: def.name.nl,
      summary: def.summary.nl,
      body: [def.description.nl, def.conditions?.nl, def.whatToBring?.nl].filter(Boolean).join('\n'),
      terms: [...def.synonyms, ...def.keywords],
      audience: def.audience,
      itemKind: def.kind,
      teamId,
    });
    return (await q.findItem(tx, organisationId, code))!;
  });
}

/** Retires an item: it leaves the catalogue and search; cases that use it keep their version. */
export async function retire(db: Db, ctx: Ctx, code: string, version: number) {
  lifecycle.authorize(ctx.actor);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const item = await forChange(tx, organisationId, code, version);
    await lifecycle.retire(tx, ctx, item, version);
    await removeDocument(tx, organisationId, 'item', item.doc.id);
    return (await q.findItem(tx, organisationId, code))!;
  });
}

/** The published definition, or 409 when there is none. */
export function publishedDefinition(item: NonNullable<q.ItemRow>): CatalogueItemDefinition {
  if (item.item.state !== 'published' || !item.published) throw catalogueErrors.notPublished();
  return item.published.definition as CatalogueItemDefinition;
}
