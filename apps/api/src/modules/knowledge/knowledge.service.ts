import { article, articleVersion, type Db } from '@voordeur/db';
import { type ArticleDefinition, articleDefinitionSchema, type FieldError } from '@voordeur/shared';
import type { Actor, Ctx } from '../../platform/actor.ts';
import { allows, authorize, signedIn } from '../../platform/policy.ts';
import { versionedDocuments } from '../../platform/versioned.ts';
import { errors } from '../../plugins/errors.ts';
import { localDate } from '../calendar/index.ts';
import { catalogueErrors } from '../catalogue/index.ts';
import { indexDocument, removeDocument } from '../search/index.ts';
import { findTeamByName } from '../teams/index.ts';
import * as q from './knowledge.queries.ts';

export const knowledgePolicy = {
  read: signedIn,
  edit: allows('editKnowledge'),
  seeDrafts: allows('seeKnowledgeDrafts'),
};

export const today = () => localDate(new Date());

async function validate(db: Db, organisationId: string, def: ArticleDefinition) {
  const errs: FieldError[] = [];
  let ownerTeamId: string | null = null;
  if (def.owner) {
    const found = await findTeamByName(db, organisationId, def.owner);
    if (found) ownerTeamId = found.id;
    else errs.push({ field: 'owner', message: `No team "${def.owner}"` });
  }
  const known = new Set(await q.existingItemCodes(db, organisationId, def.items));
  def.items.forEach((code, i) => {
    if (!known.has(code)) errs.push({ field: `items.${i}`, message: `No catalogue item "${code}"` });
  });
  if (errs.length) throw catalogueErrors.invalid(errs);
  return { ownerTeamId };
}

export async function listArticles(db: Db, ctx: Ctx, f: Omit<q.ArticleFilters, 'today'>) {
  authorize(ctx.actor, knowledgePolicy.read);
  return q.listArticles(db, ctx.actor.organisationId, { ...f, today: today() });
}

export async function getArticle(db: Db, ctx: Ctx, code: string) {
  authorize(ctx.actor, knowledgePolicy.read);
  const row = await q.findArticle(db, ctx.actor.organisationId, code);
  if (!row) throw errors.notFound('article');
  return row;
}

/** Articles follow the one lifecycle of versioned content (platform/versioned.ts). */
const lifecycle = versionedDocuments({
  documents: article,
  versions: articleVersion,
  documentKey: 'articleId',
  entityType: 'article',
  rule: knowledgePolicy.edit,
  refusals: { noDraft: catalogueErrors.noDraft, retiredAlready: catalogueErrors.retiredAlready },
});

/** What the actor may do to the article now: the checks its actions make (the presenter returns them). */
export const articleAbilities = (actor: Actor, row: NonNullable<q.ArticleRow>) =>
  lifecycle.abilities(actor, { doc: row.article, draft: row.draft?.id ? row.draft : null });

/** Reads the article for a change in the transaction: 404 when there is none, 409 when it is not the version seen. */
async function forChange(tx: Db, organisationId: string, code: string, version: number) {
  const row = await q.findArticle(tx, organisationId, code);
  if (!row) throw errors.notFound('article');
  const current = { ...row, doc: row.article };
  lifecycle.expectVersion(current, version);
  return current;
}

export async function createArticle(db: Db, ctx: Ctx, input: ArticleDefinition) {
  lifecycle.authorize(ctx.actor);
  const organisationId = ctx.actor.organisationId;
  const def = articleDefinitionSchema.parse(input);
  return db.transaction(async (tx) => {
    if (await q.findArticle(tx, organisationId, def.code)) throw catalogueErrors.codeTaken();
    const { ownerTeamId } = await validate(tx, organisationId, def);
    await lifecycle.create(tx, ctx, {
      definition: def,
      values: { code: def.code, audience: def.audience, ownerTeamId, reviewDate: def.reviewDate },
      audit: { after: def },
    });
    return (await q.findArticle(tx, organisationId, def.code))!;
  });
}

export async function saveDraft(db: Db, ctx: Ctx, code: string, input: ArticleDefinition, version: number) {
  lifecycle.authorize(ctx.actor);
  const organisationId = ctx.actor.organisationId;
  const def = articleDefinitionSchema.parse(input);
  if (def.code !== code) throw catalogueErrors.codeChanged();
  return db.transaction(async (tx) => {
    const current = await forChange(tx, organisationId, code, version);
    await validate(tx, organisationId, def);
    const before = current.draft?.definition ?? current.published?.definition ?? null;
    await lifecycle.saveDraft(tx, ctx, current, version, {
      definition: def,
      audit: { before: before as object, after: def },
    });
    return (await q.findArticle(tx, organisationId, code))!;
  });
}

export async function publish(db: Db, ctx: Ctx, code: string, version: number) {
  lifecycle.authorize(ctx.actor);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const current = await forChange(tx, organisationId, code, version);
    lifecycle.check(current, 'publish');
    const draft = current.draft!;
    const def = articleDefinitionSchema.parse(draft.definition);
    const { ownerTeamId } = await validate(tx, organisationId, def);
    await lifecycle.publish(tx, ctx, { ...current, draft }, version, {
      audience: def.audience,
      ownerTeamId,
      reviewDate: def.reviewDate,
    });
    await indexDocument(tx, {
      organisationId,
      kind: 'article',
      refId: current.doc.id,
      code: def.code,
      title: def.question.nl,
      summary: '',
      body: def.answer.nl,
      terms: def.tags,
      audience: def.audience,
      itemKind: null,
      teamId: ownerTeamId,
    });
    return (await q.findArticle(tx, organisationId, code))!;
  });
}

export async function retire(db: Db, ctx: Ctx, code: string, version: number) {
  lifecycle.authorize(ctx.actor);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const current = await forChange(tx, organisationId, code, version);
    await lifecycle.retire(tx, ctx, current, version);
    await removeDocument(tx, organisationId, 'article', current.doc.id);
    return (await q.findArticle(tx, organisationId, code))!;
  });
}
