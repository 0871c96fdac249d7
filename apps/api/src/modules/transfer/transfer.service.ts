import type { Db } from '@voordeur/db';
import {
  type ArticleDefinition,
  articleDefinitionSchema,
  type CatalogueItemDefinition,
  catalogueItemDefinitionSchema,
  type FieldError,
} from '@voordeur/shared';
import type { z } from 'zod';
import type { Ctx } from '../../platform/actor.ts';
import { allows, authorize } from '../../platform/policy.ts';
import { createItem, definitionErrors, publish, relatedErrors, saveDraft } from '../catalogue/index.ts';
import { createArticle, publishArticle, saveArticleDraft } from '../knowledge/index.ts';
import { importRefused } from './transfer.errors.ts';
import * as q from './transfer.queries.ts';

export const transferPolicy = { run: allows('transferContent') };

export interface ImportInput {
  items?: unknown[];
  articles?: unknown[];
  /** File line of each row, when the rows came from CSV. */
  itemLines?: number[];
  articleLines?: number[];
}

export interface ImportReport {
  dryRun: boolean;
  items: { create: string[]; update: string[]; unchanged: string[] };
  articles: { create: string[]; update: string[]; unchanged: string[] };
}

function zodErrors(error: z.ZodError, prefix: string, line: number | undefined): FieldError[] {
  return error.issues.map((i) => ({
    field: [prefix, ...i.path].join('.'),
    message: i.message,
    ...(line !== undefined ? { line } : {}),
  }));
}

/** The newest definition (draft, else published) of every item and article of the organisation. */
async function current(db: Db, organisationId: string) {
  const { items, articles, teams } = await q.currentContent(db, organisationId);
  return {
    items: new Map(items.map((i) => [i.code, i.definition as CatalogueItemDefinition | null])),
    articles: new Map(articles.map((a) => [a.code, a.definition as ArticleDefinition | null])),
    teams: new Set(teams.map((t) => t.name.toLowerCase())),
  };
}

/** JSON with sorted keys: the database (jsonb) does not keep key order, so plain JSON would differ. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/** Orders items so that every item comes after the items it relates to (the graph is acyclic once valid). */
function relationOrder(defs: CatalogueItemDefinition[]): CatalogueItemDefinition[] {
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const done = new Set<string>();
  const out: CatalogueItemDefinition[] = [];
  const visit = (d: CatalogueItemDefinition) => {
    if (done.has(d.code)) return;
    done.add(d.code);
    for (const r of d.related) {
      const dep = byCode.get(r);
      if (dep) visit(dep);
    }
    out.push(d);
  };
  defs.forEach(visit);
  return out;
}

/**
 * Validates a whole import first — every row, every rule — and applies it only when nothing is wrong, in one
 * transaction: new items and articles are created, changed ones get a new version; all are published.
 */
export async function importContent(
  db: Db,
  ctx: Ctx,
  input: ImportInput,
  options: { dryRun: boolean },
): Promise<ImportReport> {
  authorize(ctx.actor, transferPolicy.run);
  const organisationId = ctx.actor.organisationId;
  const errors: FieldError[] = [];
  const existing = await current(db, organisationId);

  const items: CatalogueItemDefinition[] = [];
  (input.items ?? []).forEach((raw, i) => {
    const line = input.itemLines?.[i];
    const parsed = catalogueItemDefinitionSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...zodErrors(parsed.error, `items.${i}`, line));
      return;
    }
    const at = (e: FieldError) => ({
      ...e,
      field: `items.${i}.${e.field}`,
      ...(line !== undefined ? { line } : {}),
    });
    errors.push(...definitionErrors(parsed.data).map(at));
    if (parsed.data.team && !existing.teams.has(parsed.data.team.toLowerCase())) {
      errors.push(at({ field: 'team', message: `No team "${parsed.data.team}"` }));
    }
    if (items.some((x) => x.code === parsed.data.code))
      errors.push(at({ field: 'code', message: 'Appears twice in this file' }));
    items.push(parsed.data);
  });
  const graph = new Map([...existing.items].map(([code, def]) => [code, def?.related ?? []]));
  for (const d of items) graph.set(d.code, d.related);
  items.forEach((d, i) => {
    const line =
      input.itemLines?.[(input.items ?? []).findIndex((r) => (r as { code?: string }).code === d.code)];
    errors.push(
      ...relatedErrors(d.code, d.related, graph).map((e) => ({
        ...e,
        field: `items.${i}.${e.field}`,
        ...(line !== undefined ? { line } : {}),
      })),
    );
  });

  const articles: ArticleDefinition[] = [];
  (input.articles ?? []).forEach((raw, i) => {
    const line = input.articleLines?.[i];
    const parsed = articleDefinitionSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...zodErrors(parsed.error, `articles.${i}`, line));
      return;
    }
    const at = (e: FieldError) => ({
      ...e,
      field: `articles.${i}.${e.field}`,
      ...(line !== undefined ? { line } : {}),
    });
    parsed.data.items.forEach((code, j) => {
      if (!graph.has(code)) errors.push(at({ field: `items.${j}`, message: `No catalogue item "${code}"` }));
    });
    if (parsed.data.owner && !existing.teams.has(parsed.data.owner.toLowerCase())) {
      errors.push(at({ field: 'owner', message: `No team "${parsed.data.owner}"` }));
    }
    if (articles.some((x) => x.code === parsed.data.code))
      errors.push(at({ field: 'code', message: 'Appears twice in this file' }));
    articles.push(parsed.data);
  });

  if (errors.length) {
    throw importRefused(errors);
  }

  const report: ImportReport = {
    dryRun: options.dryRun,
    items: { create: [], update: [], unchanged: [] },
    articles: { create: [], update: [], unchanged: [] },
  };
  const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
  for (const d of items) {
    const before = existing.items.get(d.code);
    (before === undefined
      ? report.items.create
      : same(before, d)
        ? report.items.unchanged
        : report.items.update
    ).push(d.code);
  }
  for (const d of articles) {
    const before = existing.articles.get(d.code);
    (before === undefined
      ? report.articles.create
      : same(before, d)
        ? report.articles.unchanged
        : report.articles.update
    ).push(d.code);
  }
  if (options.dryRun) return report;

  await db.transaction(async (tx) => {
    const versionOf = (kind: 'item' | 'article', code: string) => q.versionOf(tx, organisationId, kind, code);
    for (const d of relationOrder(items)) {
      if (report.items.unchanged.includes(d.code)) continue;
      if (report.items.create.includes(d.code)) await createItem(tx, ctx, d);
      else await saveDraft(tx, ctx, d.code, d, await versionOf('item', d.code));
      await publish(tx, ctx, d.code, await versionOf('item', d.code));
    }
    for (const d of articles) {
      if (report.articles.unchanged.includes(d.code)) continue;
      if (report.articles.create.includes(d.code)) await createArticle(tx, ctx, d);
      else await saveArticleDraft(tx, ctx, d.code, d, await versionOf('article', d.code));
      await publishArticle(tx, ctx, d.code, await versionOf('article', d.code));
    }
  });
  return report;
}

/** The published definitions, for export (the format import reads). */
export async function exportContent(db: Db, ctx: Ctx) {
  authorize(ctx.actor, transferPolicy.run);
  const organisationId = ctx.actor.organisationId;
  const { items, articles } = await q.publishedContent(db, organisationId);
  return {
    items: items.map((r) => r.definition as CatalogueItemDefinition),
    articles: articles.map((r) => r.definition as ArticleDefinition),
  };
}
