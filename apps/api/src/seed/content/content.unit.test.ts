import { readFileSync } from 'node:fs';
import {
  type ArticleDefinition,
  articleDefinitionSchema,
  type CatalogueItemDefinition,
  catalogueItemDefinitionSchema,
  type Duration,
} from '@voordeur/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

/** Demo content of Gemeente Voorbeeld: does it pass the schemas and hang together? */

const TEAMS = [
  'KCC',
  'MCC',
  'Openbare ruimte',
  'Burgerzaken',
  'Belastingen',
  'Vergunningen',
  'Sociaal domein',
  'Facilitaire zaken',
  'ICT',
  'Management',
];

function load(file: string, key: 'items' | 'articles'): unknown[] {
  const json = JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
  return z.strictObject({ [key]: z.array(z.unknown()) }).parse(json)[key] as unknown[];
}

/** Parses every row; collects readable errors instead of stopping at the first. */
function parseAll<T>(schema: z.ZodType<T>, rows: unknown[]): { parsed: T[]; errors: string[] } {
  const parsed: T[] = [];
  const errors: string[] = [];
  for (const [i, row] of rows.entries()) {
    const result = schema.safeParse(row);
    if (result.success) parsed.push(result.data);
    else errors.push(`#${i} ${(row as { code?: string }).code}: ${z.prettifyError(result.error)}`);
  }
  return { parsed, errors };
}

const externalRows = load('./catalogue.external.json', 'items');
const internalRows = load('./catalogue.internal.json', 'items');
const articleRows = load('./articles.json', 'articles');
const external = parseAll(catalogueItemDefinitionSchema, externalRows);
const internal = parseAll(catalogueItemDefinitionSchema, internalRows);
const articles = parseAll(articleDefinitionSchema, articleRows);
const items: CatalogueItemDefinition[] = [...external.parsed, ...internal.parsed];
const itemCodes = new Set(items.map((i) => i.code));

/** Working minutes: 1 working day = 8 h, 1 calendar day = 5/7 working day, 1 week = 5 working days. */
const MINUTES: Record<Duration['unit'], number> = {
  working_hours: 60,
  working_days: 480,
  calendar_days: (480 * 5) / 7,
  weeks: 5 * 480,
};
const minutes = (d: Duration) => d.amount * MINUTES[d.unit];

function reachable(from: string, edges: { from: string; to: string }[]): Set<string> {
  const seen = new Set([from]);
  const todo = [from];
  for (let key = todo.pop(); key !== undefined; key = todo.pop()) {
    for (const e of edges) {
      if (e.from === key && !seen.has(e.to)) {
        seen.add(e.to);
        todo.push(e.to);
      }
    }
  }
  return seen;
}

function workflowProblems({ code, handling }: CatalogueItemDefinition): string[] {
  const { statuses, transitions } = handling;
  const keys = new Set(statuses.map((s) => s.key));
  const finals = new Set(statuses.filter((s) => s.final).map((s) => s.key));
  const first = statuses[0]!;
  const problems: string[] = [];
  if (keys.size !== statuses.length) problems.push('duplicate status keys');
  if (first.final) problems.push('the first status is final');
  for (const { from, to } of transitions) {
    if (!keys.has(from) || !keys.has(to)) problems.push(`unknown status in ${from} → ${to}`);
    if (from === to) problems.push(`transition from ${from} to itself`);
    if (finals.has(from)) problems.push(`final status ${from} has an outgoing transition`);
  }
  const fromFirst = reachable(first.key, transitions);
  for (const s of statuses) {
    if (!fromFirst.has(s.key)) problems.push(`${s.key} cannot be reached from ${first.key}`);
    const ahead = [...reachable(s.key, transitions)];
    if (!s.final && !ahead.some((k) => finals.has(k))) problems.push(`${s.key} cannot reach a final status`);
  }
  return problems.map((p) => `${code}: ${p}`);
}

/** A cycle in the "related" graph, as a path, or null. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const done = new Set<string>();
  const visit = (code: string, path: string[]): string[] | null => {
    if (path.includes(code)) return [...path, code];
    if (done.has(code)) return null;
    for (const next of graph.get(code) ?? []) {
      const cycle = visit(next, [...path, code]);
      if (cycle) return cycle;
    }
    done.add(code);
    return null;
  };
  for (const code of graph.keys()) {
    const cycle = visit(code, []);
    if (cycle) return cycle;
  }
  return null;
}

/** Every word of the query occurs in one of the texts (case-insensitive). */
const matches = (texts: string[], query: string) =>
  query.split(' ').every((word) => texts.some((t) => t.toLowerCase().includes(word)));

const duplicates = (codes: string[]) => codes.filter((c, i) => codes.indexOf(c) !== i);

describe('demo content', () => {
  it('parses with the shared schemas', () => {
    expect(external.errors).toEqual([]);
    expect(internal.errors).toEqual([]);
    expect(articles.errors).toEqual([]);
  });

  it('has enough items and articles, each in the right file', () => {
    expect(external.parsed.length).toBeGreaterThanOrEqual(60);
    expect(internal.parsed.length).toBeGreaterThanOrEqual(20);
    expect(articles.parsed.length).toBeGreaterThanOrEqual(150);
    expect(external.parsed.every((i) => i.audience === 'external')).toBe(true);
    expect(internal.parsed.every((i) => i.audience === 'internal')).toBe(true);
  });

  it('uses unique codes', () => {
    expect(duplicates(items.map((i) => i.code))).toEqual([]);
    expect(duplicates(articles.parsed.map((a) => a.code))).toEqual([]);
  });

  it('relates items to existing other items, without cycles', () => {
    const bad = items.flatMap((i) =>
      i.related.filter((r) => r === i.code || !itemCodes.has(r)).map((r) => `${i.code} → ${r}`),
    );
    expect(bad).toEqual([]);
    expect(findCycle(new Map(items.map((i) => [i.code, i.related])))).toBeNull();
  });

  it('names only demo teams', () => {
    expect(items.filter((i) => !TEAMS.includes(i.team ?? '')).map((i) => i.code)).toEqual([]);
    expect(articles.parsed.filter((a) => !TEAMS.includes(a.owner ?? '')).map((a) => a.code)).toEqual([]);
  });

  it('has sound workflows', () => {
    expect(items.flatMap(workflowProblems)).toEqual([]);
  });

  it('sets internal targets stricter than the service norm, and legal terms at least as long', () => {
    const bad = items.filter(({ norms: n }) => {
      const tooLoose = n.internalTarget && minutes(n.internalTarget) >= minutes(n.serviceNorm);
      const tooShort = n.legalTerm && minutes(n.legalTerm) < minutes(n.serviceNorm);
      return tooLoose || tooShort;
    });
    expect(bad.map((i) => i.code)).toEqual([]);
  });

  it('gives choice fields options and keeps field keys unique per item', () => {
    const bad = items.flatMap((i) => {
      const keys = i.intakeFields.map((f) => f.key);
      const noOptions = i.intakeFields.filter(
        (f) => (f.type === 'choice' || f.type === 'multi_choice') && (f.options?.length ?? 0) < 2,
      );
      return [...duplicates(keys), ...noOptions.map((f) => f.key)].map((k) => `${i.code}.${k}`);
    });
    expect(bad).toEqual([]);
  });

  it('links articles to existing items, and only to pages on voorbeeld.nl', () => {
    const bad = articles.parsed.flatMap((a) =>
      a.items.filter((c) => !itemCodes.has(c)).map((c) => `${a.code} → ${c}`),
    );
    expect(bad).toEqual([]);
    const links = articles.parsed.flatMap((a) =>
      [...a.answer.nl.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]),
    );
    expect(links.filter((l) => !l?.startsWith('https://www.voorbeeld.nl'))).toEqual([]);
  });

  describe('answers what people search for', () => {
    const searchable = (i: CatalogueItemDefinition) => [i.name.nl, ...i.synonyms];
    const byCode = (code: string) => items.find((i) => i.code === code);

    it('"lantaarnpaal kapot" finds the street-light report', () => {
      const item = byCode('straatverlichting-kapot');
      expect(item).toMatchObject({ kind: 'report', team: 'Openbare ruimte' });
      expect(matches([item!.name.nl], 'lantaarnpaal kapot')).toBe(true);
      expect(item!.synonyms).toContain('lantaarnpaal kapot');
    });

    it('"paspoort kwijt" finds the lost-passport article', () => {
      const article: ArticleDefinition | undefined = articles.parsed.find(
        (a) => a.code === 'kb-paspoort-kwijt',
      );
      expect(article?.audience).toBe('public');
      expect(matches([article!.question.nl], 'paspoort kwijt')).toBe(true);
      expect(article!.items).toContain('reisdocument-kwijt');
    });

    it('"vergaderzaal reserveren" finds the internal meeting-room item', () => {
      const found = internal.parsed.filter((i) => matches(searchable(i), 'vergaderzaal reserveren'));
      expect(found.map((i) => i.code)).toContain('vergaderzaal-reserveren');
      expect(matches([byCode('vergaderzaal-reserveren')!.name.nl], 'vergaderzaal reserveren')).toBe(true);
    });
  });
});
