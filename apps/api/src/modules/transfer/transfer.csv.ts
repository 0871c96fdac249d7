import type { ArticleDefinition, CatalogueItemDefinition, FieldError } from '@voordeur/shared';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * CSV as Dutch Excel writes it (semicolons, a byte-order mark, CRLF) or with commas. Flat fields are columns;
 * lists are separated by "|"; the nested parts of an item (intake form, workflow, norms) are JSON cells, so a
 * file exported here comes back unchanged.
 */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

export function parseCsv(text: string): { records: CsvRecord[]; errors: FieldError[] } {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  // A line that cannot be read (too many or too few cells, a stray quote) is named and the reading goes on, so that
  // a refused file names every such line, not only the first.
  const errors: FieldError[] = [];
  const named = (e: Error & { lines?: number }): FieldError => ({
    field: 'file',
    message: e.message,
    ...(e.lines ? { line: e.lines } : {}),
  });
  try {
    const rows = parse(text, {
      bom: true,
      delimiter,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (error) errors.push(named(error));
      },
    }) as { record: Record<string, string>; info: { lines: number } }[];
    return { records: rows.map((r) => ({ line: r.info.lines, values: r.record })), errors };
  } catch (error) {
    return { records: [], errors: [...errors, named(error as Error & { lines?: number })] };
  }
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
const text = (nl: string | undefined, en?: string | undefined) =>
  nl ? { nl, ...(en ? { en } : {}) } : undefined;

function json(v: string | undefined, field: string, errors: FieldError[], line: number): unknown {
  if (!v) return undefined;
  try {
    return JSON.parse(v);
  } catch {
    errors.push({ field, message: 'Not valid JSON', line });
    return undefined;
  }
}

const ITEM_COLUMNS = [
  'code',
  'name',
  'name_en',
  'summary',
  'summary_en',
  'description',
  'description_en',
  'audience',
  'kind',
  'channels',
  'cost_cents',
  'cost_note',
  'conditions',
  'what_to_bring',
  'team',
  'synonyms',
  'keywords',
  'related',
  'nearby_radius_metres',
  'intake_fields_json',
  'handling_json',
  'norms_json',
] as const;

/** CSV records to item inputs (validated later like JSON input). */
export function itemsFromCsv(records: CsvRecord[]) {
  const errors: FieldError[] = [];
  const inputs = records.map(({ values: v, line }, i) => {
    const prefix = `items.${i}`;
    return {
      code: v.code,
      name: text(v.name, v.name_en),
      summary: text(v.summary, v.summary_en),
      description: text(v.description, v.description_en),
      audience: v.audience,
      kind: v.kind,
      channels: list(v.channels),
      costCents: v.cost_cents ? Number(v.cost_cents) : null,
      ...(v.cost_note ? { costNote: text(v.cost_note) } : {}),
      ...(v.conditions ? { conditions: text(v.conditions) } : {}),
      ...(v.what_to_bring ? { whatToBring: text(v.what_to_bring) } : {}),
      team: v.team || null,
      synonyms: list(v.synonyms),
      keywords: list(v.keywords),
      related: list(v.related),
      ...(v.nearby_radius_metres ? { nearbyRadiusMetres: Number(v.nearby_radius_metres) } : {}),
      intakeFields: json(v.intake_fields_json, `${prefix}.intakeFields`, errors, line) ?? [],
      handling: json(v.handling_json, `${prefix}.handling`, errors, line),
      norms: json(v.norms_json, `${prefix}.norms`, errors, line),
    };
  });
  return { inputs, errors };
}

export function itemsToCsv(defs: CatalogueItemDefinition[]): string {
  const rows = defs.map((d) => [
    d.code,
    d.name.nl,
    d.name.en ?? '',
    d.summary.nl,
    d.summary.en ?? '',
    d.description.nl,
    d.description.en ?? '',
    d.audience,
    d.kind,
    d.channels.join('|'),
    d.costCents ?? '',
    d.costNote?.nl ?? '',
    d.conditions?.nl ?? '',
    d.whatToBring?.nl ?? '',
    d.team ?? '',
    d.synonyms.join('|'),
    d.keywords.join('|'),
    d.related.join('|'),
    d.nearbyRadiusMetres ?? '',
    JSON.stringify(d.intakeFields),
    JSON.stringify(d.handling),
    JSON.stringify(d.norms),
  ]);
  return stringify([[...ITEM_COLUMNS], ...rows], { delimiter: ';', bom: true, record_delimiter: 'windows' });
}

const ARTICLE_COLUMNS = [
  'code',
  'question',
  'question_en',
  'answer',
  'answer_en',
  'audience',
  'items',
  'tags',
  'owner',
  'review_date',
] as const;

export function articlesFromCsv(records: CsvRecord[]) {
  const inputs = records.map(({ values: v }) => ({
    code: v.code,
    question: text(v.question, v.question_en),
    answer: text(v.answer, v.answer_en),
    audience: v.audience,
    items: list(v.items),
    tags: list(v.tags),
    owner: v.owner || null,
    reviewDate: v.review_date || null,
  }));
  return { inputs, errors: [] as FieldError[] };
}

export function articlesToCsv(defs: ArticleDefinition[]): string {
  const rows = defs.map((d) => [
    d.code,
    d.question.nl,
    d.question.en ?? '',
    d.answer.nl,
    d.answer.en ?? '',
    d.audience,
    d.items.join('|'),
    d.tags.join('|'),
    d.owner ?? '',
    d.reviewDate ?? '',
  ]);
  return stringify([[...ARTICLE_COLUMNS], ...rows], {
    delimiter: ';',
    bom: true,
    record_delimiter: 'windows',
  });
}
