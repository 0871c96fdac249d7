import type { Db } from '@voordeur/db';
import { type ArticleDefinition, articleDefinitionSchema, type FieldError } from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { allows, authorize, signedIn } from '../../platform/policy.ts';
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

export async function createArticle(db: Db, ctx: Ctx, input: ArticleDefinition) {
  authorize(ctx.actor, knowledgePolicy.edit);
  const organisationId = ctx.actor.organisationId;
  const def = articleDefinitionSchema.parse(input);
  return db.transaction(async (tx) => {
    if (await q.findArticle(tx, organisationId, def.code)) throw catalogueErrors.codeTaken();
    const { ownerTeamId } = await validate(tx, organisationId, def);
    const [row] = await q.insertArticle(tx, {
      organisationId,
      code: def.code,
      audience: def.audience,
      ownerTeamId,
      reviewDate: def.reviewDate,
    });
    const [version] = await q.insertVersion(tx, {
      organisationId,
      articleId: row!.id,
      number: 1,
      definition: def,
      state: 'draft',
      createdByUserId: ctx.actor.userId,
    });
    await q.updateArticle(tx, organisationId, row!.id, 1, { draftVersionId: version!.id });
    await recordAudit(tx, ctx, { entityType: 'article', entityId: row!.id, action: 'created', after: def });
    return (await q.findArticle(tx, organisationId, def.code))!;
  });
}

export async function saveDraft(db: Db, ctx: Ctx, code: string, input: ArticleDefinition, version: number) {
  authorize(ctx.actor, knowledgePolicy.edit);
  const organisationId = ctx.actor.organisationId;
  const def = articleDefinitionSchema.parse(input);
  if (def.code !== code) throw catalogueErrors.codeChanged();
  return db.transaction(async (tx) => {
    const current = await q.findArticle(tx, organisationId, code);
    if (!current) throw errors.notFound('article');
    if (current.article.version !== version) throw errors.versionConflict();
    await validate(tx, organisationId, def);
    const before = current.draft?.definition ?? current.published?.definition ?? null;
    let draftId = current.draft?.id ?? null;
    if (draftId) await q.updateVersion(tx, draftId, { definition: def });
    else {
      const [v] = await q.insertVersion(tx, {
        organisationId,
        articleId: current.article.id,
        number: (await q.maxVersionNumber(tx, current.article.id)) + 1,
        definition: def,
        state: 'draft',
        createdByUserId: ctx.actor.userId,
      });
      draftId = v!.id;
    }
    if (
      !(await q.updateArticle(tx, organisationId, current.article.id, version, { draftVersionId: draftId }))
    ) {
      throw errors.versionConflict();
    }
    await recordAudit(tx, ctx, {
      entityType: 'article',
      entityId: current.article.id,
      action: 'draft_saved',
      before: before as object,
      after: def,
    });
    return (await q.findArticle(tx, organisationId, code))!;
  });
}

export async function publish(db: Db, ctx: Ctx, code: string, version: number) {
  authorize(ctx.actor, knowledgePolicy.edit);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const current = await q.findArticle(tx, organisationId, code);
    if (!current) throw errors.notFound('article');
    if (current.article.version !== version) throw errors.versionConflict();
    if (!current.draft?.id) throw catalogueErrors.noDraft();
    const def = articleDefinitionSchema.parse(current.draft.definition);
    const { ownerTeamId } = await validate(tx, organisationId, def);
    if (current.published?.id) await q.updateVersion(tx, current.published.id, { state: 'superseded' });
    await q.updateVersion(tx, current.draft.id, { state: 'published', publishedAt: new Date() });
    await q.updateArticle(tx, organisationId, current.article.id, version, {
      state: 'published',
      publishedVersionId: current.draft.id,
      draftVersionId: null,
      audience: def.audience,
      ownerTeamId,
      reviewDate: def.reviewDate,
    });
    await indexDocument(tx, {
      organisationId,
      kind: 'article',
      refId: current.article.id,
      code: def.code,
      title: def.question.nl,
      summary: '',
      body: def.answer.nl,
      terms: def.tags,
      audience: def.audience,
      itemKind: null,
      teamId: ownerTeamId,
    });
    await recordAudit(tx, ctx, {
      entityType: 'article',
      entityId: current.article.id,
      action: 'published',
      changes: { version: { before: current.published?.number ?? null, after: current.draft.number } },
    });
    return (await q.findArticle(tx, organisationId, code))!;
  });
}

export async function retire(db: Db, ctx: Ctx, code: string, version: number) {
  authorize(ctx.actor, knowledgePolicy.edit);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const current = await q.findArticle(tx, organisationId, code);
    if (!current) throw errors.notFound('article');
    if (current.article.version !== version) throw errors.versionConflict();
    if (current.published?.id) await q.updateVersion(tx, current.published.id, { state: 'retired' });
    await q.updateArticle(tx, organisationId, current.article.id, version, { state: 'retired' });
    await removeDocument(tx, organisationId, 'article', current.article.id);
    await recordAudit(tx, ctx, {
      entityType: 'article',
      entityId: current.article.id,
      action: 'retired',
      changes: { state: { before: current.article.state, after: 'retired' } },
    });
    return (await q.findArticle(tx, organisationId, code))!;
  });
}
