import {
  type CatalogueItemDefinition,
  type Channel,
  catalogueItemDefinitionSchema,
  type FieldType,
  type IntakeField,
  type LocalText,
  type ProfileField,
  type WorkflowStatus,
} from '@voordeur/shared';
import type { TFunction } from 'i18next';
import type { FieldErrors, IssueLike } from '../../lib/fieldErrors.ts';
import { issuesToFieldErrors } from '../../lib/fieldErrors.ts';
import type { FieldMeta } from '../../lib/useForm.ts';
import { foldText } from '../catalogue/index.ts';

/**
 * The catalogue item editor's state, and the way between it and a definition: plain text fields (keyed by
 * the definition's own dotted paths, so the schema's and the API's errors land on them), the channels, and
 * the rows of the intake form and the workflow. Every text has its English beside the Dutch (left empty: the
 * English interface shows the Dutch).
 */

export const FLAT_KEYS = [
  'name.nl',
  'name.en',
  'summary.nl',
  'summary.en',
  'description.nl',
  'description.en',
  'audience',
  'kind',
  'costCents',
  'costNote.nl',
  'costNote.en',
  'conditions.nl',
  'conditions.en',
  'whatToBring.nl',
  'whatToBring.en',
  'team',
  'synonyms',
  'keywords',
  'related',
  'norms.serviceNorm.amount',
  'norms.serviceNorm.unit',
  'norms.internalTarget.amount',
  'norms.internalTarget.unit',
  'norms.legalTerm.amount',
  'norms.legalTerm.unit',
  'norms.legalBasis',
] as const;
export type FlatKey = (typeof FLAT_KEYS)[number];
export type FlatValues = Record<FlatKey, string>;

let nextRow = 0;
const rowKey = () => `r${++nextRow}`;

export interface IntakeRow {
  rowKey: string;
  key: string;
  label: LocalText;
  type: FieldType;
  required: boolean;
  help: LocalText;
  /** One option a line: `value = label`. */
  optionsText: string;
  /** English option labels by value, kept while the Dutch ones are edited. */
  optionsEn: Record<string, string>;
  /** The English option labels as typed: `value = label`, one a line (see parseEnglishOptions). */
  optionsEnText: string;
  prefill: ProfileField | '';
}

export interface StatusRow {
  rowKey: string;
  key: string;
  label: LocalText;
  visibility: 'public' | 'internal';
  publicText: LocalText;
  stopsClock: boolean;
  final: boolean;
}

export interface TransitionRow {
  rowKey: string;
  from: string;
  to: string;
}

export interface EditorState {
  code: string;
  values: FlatValues;
  channels: Channel[];
  intake: IntakeRow[];
  statuses: StatusRow[];
  transitions: TransitionRow[];
}

/** The control id of a definition path: `handling.statuses.3.key` → `cat-handling-statuses-3-key`. */
export const fieldId = (path: string) => `cat-${path.replace(/\./g, '-')}`;

export const newIntakeRow = (): IntakeRow => ({
  rowKey: rowKey(),
  key: '',
  label: { nl: '' },
  type: 'text',
  required: false,
  help: { nl: '' },
  optionsText: '',
  optionsEn: {},
  optionsEnText: '',
  prefill: '',
});

export const newStatusRow = (): StatusRow => ({
  rowKey: rowKey(),
  key: '',
  label: { nl: '' },
  visibility: 'internal',
  publicText: { nl: '' },
  stopsClock: false,
  final: false,
});

export const newTransitionRow = (from = '', to = ''): TransitionRow => ({ rowKey: rowKey(), from, to });

const amountText = (amount: number | undefined) => (amount === undefined ? '' : String(amount));
const words = (list: string[] | undefined) => (list ?? []).join(', ');

/** The editor's state for a definition. */
export function toEditorState(def: CatalogueItemDefinition): EditorState {
  const { norms } = def;
  return {
    code: def.code,
    values: {
      'name.nl': def.name.nl,
      'name.en': def.name.en ?? '',
      'summary.nl': def.summary.nl,
      'summary.en': def.summary.en ?? '',
      'description.nl': def.description.nl,
      'description.en': def.description.en ?? '',
      audience: def.audience,
      kind: def.kind,
      costCents: def.costCents === null ? '' : (def.costCents / 100).toFixed(2).replace('.', ','),
      'costNote.nl': def.costNote?.nl ?? '',
      'costNote.en': def.costNote?.en ?? '',
      'conditions.nl': def.conditions?.nl ?? '',
      'conditions.en': def.conditions?.en ?? '',
      'whatToBring.nl': def.whatToBring?.nl ?? '',
      'whatToBring.en': def.whatToBring?.en ?? '',
      team: def.team ?? '',
      synonyms: words(def.synonyms),
      keywords: words(def.keywords),
      related: words(def.related),
      'norms.serviceNorm.amount': amountText(norms.serviceNorm.amount),
      'norms.serviceNorm.unit': norms.serviceNorm.unit,
      'norms.internalTarget.amount': amountText(norms.internalTarget?.amount),
      'norms.internalTarget.unit': norms.internalTarget?.unit ?? 'working_days',
      'norms.legalTerm.amount': amountText(norms.legalTerm?.amount),
      'norms.legalTerm.unit': norms.legalTerm?.unit ?? 'weeks',
      'norms.legalBasis': norms.legalBasis ?? '',
    },
    channels: [...def.channels],
    intake: def.intakeFields.map((field) => ({
      rowKey: rowKey(),
      key: field.key,
      label: { ...field.label },
      type: field.type,
      required: field.required,
      help: { nl: field.help?.nl ?? '', ...(field.help?.en ? { en: field.help.en } : {}) },
      optionsText: (field.options ?? []).map((o) => `${o.value} = ${o.label.nl}`).join('\n'),
      optionsEn: Object.fromEntries(
        (field.options ?? []).filter((o) => o.label.en).map((o) => [o.value, o.label.en as string]),
      ),
      optionsEnText: (field.options ?? [])
        .filter((o) => o.label.en)
        .map((o) => `${o.value} = ${o.label.en}`)
        .join('\n'),
      prefill: field.prefill ?? '',
    })),
    statuses: def.handling.statuses.map((status) => ({
      rowKey: rowKey(),
      key: status.key,
      label: { ...status.label },
      visibility: status.visibility,
      publicText: {
        nl: status.publicText?.nl ?? '',
        ...(status.publicText?.en ? { en: status.publicText.en } : {}),
      },
      stopsClock: status.stopsClock,
      final: status.final,
    })),
    transitions: def.handling.transitions.map((tr) => newTransitionRow(tr.from, tr.to)),
  };
}

/** A sensible start for a new item: a report with a three-status workflow and a five-day norm. */
export function templateDefinition(
  input: Pick<CatalogueItemDefinition, 'code' | 'audience' | 'kind'> & { name: string; summary: string },
  t: TFunction,
): CatalogueItemDefinition {
  return {
    code: input.code,
    name: { nl: input.name },
    summary: { nl: input.summary },
    description: { nl: input.summary },
    synonyms: [],
    keywords: [],
    audience: input.audience,
    kind: input.kind,
    channels: ['web', 'phone'],
    costCents: null,
    team: null,
    related: [],
    intakeFields: [
      {
        key: 'omschrijving',
        label: { nl: t('catalogueAdmin.template.fieldLabel') },
        type: 'long_text',
        required: true,
      },
    ],
    handling: {
      statuses: [
        {
          key: 'ontvangen',
          label: { nl: t('catalogueAdmin.template.received') },
          visibility: 'public',
          publicText: { nl: t('catalogueAdmin.template.receivedText') },
          stopsClock: false,
          final: false,
        },
        {
          key: 'in_behandeling',
          label: { nl: t('catalogueAdmin.template.inProgress') },
          visibility: 'internal',
          stopsClock: false,
          final: false,
        },
        {
          key: 'afgehandeld',
          label: { nl: t('catalogueAdmin.template.done') },
          visibility: 'public',
          publicText: { nl: t('catalogueAdmin.template.doneText') },
          stopsClock: false,
          final: true,
        },
      ],
      transitions: [
        { from: 'ontvangen', to: 'in_behandeling' },
        { from: 'in_behandeling', to: 'afgehandeld' },
      ],
    },
    norms: { serviceNorm: { amount: 5, unit: 'working_days' } },
  };
}

/** A value for an option typed without one: "De lamp brandt niet" → "de_lamp_brandt_niet". */
export function optionValue(label: string): string {
  const value = foldText(label)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return /^[a-z]/.test(value) ? value : `o_${value}`.slice(0, 40);
}

/** "licht = Light is out" lines → { licht: 'Light is out' }; a line without "=" names no option and is left out. */
export function parseEnglishOptions(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at < 0) continue;
    const value = line.slice(0, at).trim();
    const label = line.slice(at + 1).trim();
    if (value && label) out[value] = label;
  }
  return out;
}

function parseOptions(row: IntakeRow): IntakeField['options'] {
  return row.optionsText
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf('=');
      const value = at >= 0 ? line.slice(0, at).trim() : optionValue(line);
      const label = at >= 0 ? line.slice(at + 1).trim() : line;
      const en = row.optionsEn[value];
      return { value, label: en ? { nl: label, en } : { nl: label } };
    });
}

/** "12,50", "€ 12.50" → 1250; "" → null; anything else → undefined (not a sum). */
export function parseCents(text: string): number | null | undefined {
  const clean = text.replace(/[€\s]/g, '');
  if (!clean) return null;
  if (!/^\d+([.,]\d{1,2})?$/.test(clean)) return undefined;
  return Math.round(Number(clean.replace(',', '.')) * 100);
}

const amount = (text: string) => (text.trim() ? Number(text.trim().replace(',', '.')) : undefined);
const list = (text: string) =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
const localText = (nl: string, en: string): LocalText => (en.trim() ? { nl, en } : { nl });
const optionalText = (nl: string, en: string) => (nl.trim() || en.trim() ? localText(nl, en) : undefined);
const withoutEmpty = (text: LocalText) => optionalText(text.nl, text.en ?? '');

/**
 * The definition the editor's state stands for, as typed: not validated (the schema does that), so the
 * preview can show it while it is being written. Costs that are not a sum become NaN.
 */
export function buildDefinition(state: EditorState): CatalogueItemDefinition {
  const v = state.values;
  const cents = parseCents(v.costCents);
  const duration = (prefix: 'serviceNorm' | 'internalTarget' | 'legalTerm') => {
    const value = amount(v[`norms.${prefix}.amount`]);
    return {
      amount: value,
      unit: v[`norms.${prefix}.unit`],
    } as CatalogueItemDefinition['norms']['serviceNorm'];
  };
  const optional = (prefix: 'internalTarget' | 'legalTerm') =>
    v[`norms.${prefix}.amount`].trim() ? duration(prefix) : undefined;
  return {
    code: state.code,
    name: localText(v['name.nl'], v['name.en']),
    summary: localText(v['summary.nl'], v['summary.en']),
    description: localText(v['description.nl'], v['description.en']),
    synonyms: list(v.synonyms),
    keywords: list(v.keywords),
    audience: v.audience as CatalogueItemDefinition['audience'],
    kind: v.kind as CatalogueItemDefinition['kind'],
    channels: state.channels,
    costCents: cents === undefined ? Number.NaN : cents,
    costNote: optionalText(v['costNote.nl'], v['costNote.en']),
    conditions: optionalText(v['conditions.nl'], v['conditions.en']),
    whatToBring: optionalText(v['whatToBring.nl'], v['whatToBring.en']),
    team: v.team || null,
    related: list(v.related),
    intakeFields: state.intake.map((row) => ({
      key: row.key,
      label: localText(row.label.nl, row.label.en ?? ''),
      type: row.type,
      required: row.required,
      help: withoutEmpty(row.help),
      options: row.type === 'choice' || row.type === 'multi_choice' ? parseOptions(row) : undefined,
      prefill: row.prefill || undefined,
    })),
    handling: {
      statuses: state.statuses.map(
        (row): WorkflowStatus => ({
          key: row.key,
          label: localText(row.label.nl, row.label.en ?? ''),
          visibility: row.visibility,
          publicText: withoutEmpty(row.publicText),
          stopsClock: row.stopsClock,
          final: row.final,
        }),
      ),
      transitions: state.transitions.map((row) => ({ from: row.from, to: row.to })),
    },
    norms: {
      serviceNorm: duration('serviceNorm'),
      internalTarget: optional('internalTarget'),
      legalTerm: optional('legalTerm'),
      legalBasis: v['norms.legalBasis'].trim() || undefined,
    },
  };
}

/** Labels of the definition's fields, for the error summary (and the field labels themselves). */
export function flatLabels(t: TFunction): Record<FlatKey, string> {
  const nl = (label: string) => t('catalogueAdmin.inDutch', { label });
  const en = (label: string) => t('catalogueAdmin.inEnglish', { label });
  const f = (key: Parameters<typeof catalogueField>[1]) => catalogueField(t, key);
  return {
    'name.nl': nl(f('name')),
    'name.en': en(f('name')),
    'summary.nl': nl(f('summary')),
    'summary.en': en(f('summary')),
    'description.nl': nl(f('description')),
    'description.en': en(f('description')),
    audience: f('audience'),
    kind: f('kind'),
    costCents: f('cost'),
    'costNote.nl': nl(f('costNote')),
    'costNote.en': en(f('costNote')),
    'conditions.nl': nl(f('conditions')),
    'conditions.en': en(f('conditions')),
    'whatToBring.nl': nl(f('whatToBring')),
    'whatToBring.en': en(f('whatToBring')),
    team: f('team'),
    synonyms: f('synonyms'),
    keywords: f('keywords'),
    related: f('related'),
    'norms.serviceNorm.amount': `${t('catalogue.serviceNorm')}, ${f('amount')}`,
    'norms.serviceNorm.unit': `${t('catalogue.serviceNorm')}, ${f('unit')}`,
    'norms.internalTarget.amount': `${t('catalogue.internalTarget')}, ${f('amount')}`,
    'norms.internalTarget.unit': `${t('catalogue.internalTarget')}, ${f('unit')}`,
    'norms.legalTerm.amount': `${t('catalogue.legalTerm')}, ${f('amount')}`,
    'norms.legalTerm.unit': `${t('catalogue.legalTerm')}, ${f('unit')}`,
    'norms.legalBasis': f('legalBasis'),
  };
}

type FieldLabelKey =
  | 'name'
  | 'summary'
  | 'description'
  | 'audience'
  | 'kind'
  | 'cost'
  | 'costNote'
  | 'conditions'
  | 'whatToBring'
  | 'team'
  | 'synonyms'
  | 'keywords'
  | 'related'
  | 'amount'
  | 'unit'
  | 'legalBasis';

export const catalogueField = (t: TFunction, key: FieldLabelKey) => t(`catalogueAdmin.fields.${key}`);

const INTAKE_PARTS = [
  'key',
  'label.nl',
  'label.en',
  'type',
  'required',
  'help.nl',
  'help.en',
  'options',
  'optionsEn',
  'prefill',
] as const;
const STATUS_PARTS = [
  'key',
  'label.nl',
  'label.en',
  'visibility',
  'publicText.nl',
  'publicText.en',
  'stopsClock',
  'final',
] as const;

/** Id and label of every control of the editor, keyed by definition path (what errors name). */
export function editorFields(
  state: Pick<EditorState, 'intake' | 'statuses' | 'transitions'>,
  t: TFunction,
): Record<FlatKey, FieldMeta> & Record<string, FieldMeta> {
  const labels = flatLabels(t);
  const fields: Record<string, FieldMeta> = Object.fromEntries(
    FLAT_KEYS.map((key) => [key, { id: fieldId(key), label: labels[key] }]),
  );
  fields.channels = { id: fieldId('channels.0'), label: t('catalogue.channels') };
  state.intake.forEach((_, i) => {
    const legend = t('catalogueAdmin.intake.legend', { n: i + 1 });
    for (const part of INTAKE_PARTS) {
      const path = `intakeFields.${i}.${part}`;
      fields[path] = { id: fieldId(path), label: `${legend}, ${partLabel(t, 'intake', part)}` };
    }
  });
  state.statuses.forEach((_, i) => {
    const legend = t('catalogueAdmin.workflow.statusLegend', { n: i + 1 });
    for (const part of STATUS_PARTS) {
      const path = `handling.statuses.${i}.${part}`;
      fields[path] = { id: fieldId(path), label: `${legend}, ${partLabel(t, 'workflow', part)}` };
    }
  });
  state.transitions.forEach((_, i) => {
    const legend = t('catalogueAdmin.workflow.transitionLegend', { n: i + 1 });
    for (const part of ['from', 'to'] as const) {
      const path = `handling.transitions.${i}.${part}`;
      fields[path] = { id: fieldId(path), label: `${legend}, ${t(`catalogueAdmin.workflow.${part}`)}` };
    }
  });
  return fields as Record<FlatKey, FieldMeta> & Record<string, FieldMeta>;
}

/** The label of a row's control: `label.en` → "Vraag (Engels)", `optionsEn` → "Keuzes (Engels)". */
function partLabel(
  t: TFunction,
  list: 'intake' | 'workflow',
  part: (typeof INTAKE_PARTS)[number] | (typeof STATUS_PARTS)[number],
): string {
  const english = part.endsWith('.en') || part === 'optionsEn';
  const base = part.replace(/\.(nl|en)$/, '').replace(/En$/, '');
  const label = t(`catalogueAdmin.${list}.${base}` as 'catalogueAdmin.intake.label');
  return english ? t('catalogueAdmin.inEnglish', { label }) : label;
}

/**
 * The control an error belongs to. Errors may name a part of a control's path (`handling.statuses.3`:
 * that status) or more than it (`intakeFields.0.options.1.value`: the options box); the closest control
 * wins, and an error without one stays in the summary only.
 */
export function resolveErrorKey(path: string, fields: Record<string, FieldMeta>): string {
  const keys = Object.keys(fields);
  let current = path.replace(/^definition\./, '');
  while (current) {
    for (const candidate of [current, `${current}.nl`, `${current}.amount`]) {
      if (fields[candidate]) return candidate;
    }
    const child = keys.find((key) => key.startsWith(`${current}.`));
    if (child) return child;
    const dot = current.lastIndexOf('.');
    current = dot > 0 ? current.slice(0, dot) : '';
  }
  return path.replace(/^definition\./, '');
}

/** Put every error on its control; different errors on one control are all said, each once. */
export function attachErrors(errors: FieldErrors, fields: Record<string, FieldMeta>): FieldErrors {
  const said = new Map<string, Set<string>>();
  for (const [path, message] of Object.entries(errors)) {
    if (!message) continue;
    const key = resolveErrorKey(path, fields);
    said.set(key, (said.get(key) ?? new Set()).add(message));
  }
  return Object.fromEntries([...said].map(([key, messages]) => [key, [...messages].join(' ')]));
}

type Rule = [RegExp, (match: RegExpMatchArray, t: TFunction) => string];

/** The catalogue's rules, as the API and the shared schema word them, in the interface language. */
const RULES: Rule[] = [
  [/^Duplicate status "(.+)"$/, (m, t) => t('catalogueAdmin.msg.duplicateStatus', { key: m[1] })],
  [/^Unknown status "(.*)"$/, (m, t) => t('catalogueAdmin.msg.unknownStatus', { key: m[1] })],
  [/^A status cannot move to itself$/, (_, t) => t('catalogueAdmin.msg.selfTransition')],
  [
    /^"(.+)" is an end status; nothing follows it$/,
    (m, t) => t('catalogueAdmin.msg.fromFinal', { key: m[1] }),
  ],
  [/^The first status cannot be an end status$/, (_, t) => t('catalogueAdmin.msg.firstFinal')],
  [/^The workflow needs at least one end status$/, (_, t) => t('catalogueAdmin.msg.needsFinal')],
  [
    /^Status "(.+)" cannot be reached from "(.+)"$/,
    (m, t) => t('catalogueAdmin.msg.unreachable', { key: m[1], first: m[2] }),
  ],
  [
    /^From status "(.+)" no end status can be reached$/,
    (m, t) => t('catalogueAdmin.msg.cannotEnd', { key: m[1] }),
  ],
  [/^A public status needs the text the person sees$/, (_, t) => t('catalogueAdmin.msg.publicText')],
  [/^The internal target must be stricter/, (_, t) => t('catalogueAdmin.msg.internalTarget')],
  [/^The public service norm may not promise more time/, (_, t) => t('catalogueAdmin.msg.legalTerm')],
  [/^An item cannot relate to itself$/, (_, t) => t('catalogueAdmin.msg.relatedSelf')],
  [/^No catalogue item "(.+)"$/, (m, t) => t('catalogueAdmin.msg.relatedUnknown', { code: m[1] })],
  [/^Related items form a cycle: (.+)$/, (m, t) => t('catalogueAdmin.msg.relatedCycle', { cycle: m[1] })],
  [/^Duplicate field "(.+)"$/, (m, t) => t('catalogueAdmin.msg.duplicateField', { key: m[1] })],
  [/^A choice needs at least two options$/, (_, t) => t('catalogueAdmin.msg.twoOptions')],
  [/^Only choice fields have options$/, (_, t) => t('catalogueAdmin.msg.noOptions')],
  [/^Option values must be unique$/, (_, t) => t('catalogueAdmin.msg.uniqueOptions')],
  [/^lower-case letters, digits and underscores/, (_, t) => t('catalogueAdmin.msg.keyFormat')],
  [/^lower-case letters, digits and hyphens$/, (_, t) => t('catalogueAdmin.msg.codeFormat')],
  [/^At most (\d+) /, (m, t) => t('catalogueAdmin.msg.normMax', { max: m[1] })],
  [/^Whole numbers only for this unit$/, (_, t) => t('catalogueAdmin.msg.wholeNumbers')],
  [/^Unknown team$/, (_, t) => t('validation.unknownTeam')],
  [/^Already in use$/, (_, t) => t('catalogueAdmin.msg.codeTaken')],
  [/^Must equal the code in the address$/, (_, t) => t('catalogueAdmin.msg.codeChanged')],
];

/** A rule's message in the interface language; unknown ones as the API wrote them. */
export function ruleMessage(message: string, t: TFunction): string {
  for (const [pattern, say] of RULES) {
    const match = message.match(pattern);
    if (match) return say(match, t);
  }
  // zod's own wording ("Too small: …", "Invalid input: …") from a 400: say it our way.
  if (/^(Too small|Too big|Invalid)/.test(message)) return t('validation.invalid');
  return message;
}

/** The schema's issues as field errors: the catalogue's own rules in words, the rest as elsewhere. */
function schemaErrors(issues: readonly (IssueLike & { message: string })[], t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    if (errors[key]) continue;
    if (issue.code === 'custom' || (issue.code === 'invalid_format' && issue.format === 'regex')) {
      errors[key] = ruleMessage(issue.message, t);
    } else if (issue.code === 'too_small' && issue.origin === 'array') {
      errors[key] =
        key === 'channels'
          ? t('catalogueAdmin.msg.chooseChannel')
          : t('catalogueAdmin.msg.tooFew', { min: Number(issue.minimum) });
    } else if (issue.code === 'too_small' && issue.origin === 'number') {
      errors[key] = t('catalogueAdmin.msg.positive');
    } else {
      Object.assign(errors, issuesToFieldErrors([issue], t));
    }
  }
  return errors;
}

/** Check a definition with the shared schema (the API's own limits): the data, or the errors. */
export function checkDefinition(
  def: CatalogueItemDefinition,
  t: TFunction,
): { data: CatalogueItemDefinition; errors?: undefined } | { data?: undefined; errors: FieldErrors } {
  const result = catalogueItemDefinitionSchema.safeParse(def);
  const errors = result.success ? {} : schemaErrors(result.error.issues as never, t);
  if (Number.isNaN(def.costCents)) errors.costCents = t('catalogueAdmin.msg.cost');
  return result.success && !errors.costCents ? { data: result.data } : { errors };
}
