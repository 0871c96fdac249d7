import { z } from 'zod';
import { ITEM_KINDS } from './kinds.ts';

export { ITEM_KINDS, type ItemKind } from './kinds.ts';

/** Channels through which people reach the organisation (glossary: kanaal). */
export const CHANNELS = [
  'web',
  'phone',
  'email',
  'desk',
  'chat',
  'social',
  'letter',
  'app',
  'visit',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** External: residents and businesses. Internal: employees, served by the MCC. */
export const AUDIENCES = ['external', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const PUBLICATION_STATES = ['draft', 'published', 'retired'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

export const FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'date',
  'choice',
  'multi_choice',
  'yes_no',
  'location',
  'attachment',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Customer-profile fields an intake field can be pre-filled from ("ask once"). */
export const PROFILE_FIELDS = [
  'name',
  'email',
  'phone',
  'address',
  'postcode',
  'house_number',
  'city',
  'date_of_birth',
  'bsn',
  'kvk_number',
  'employee_number',
  'department',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const NORM_UNITS = ['working_days', 'working_hours', 'calendar_days', 'weeks'] as const;
export type NormUnit = (typeof NORM_UNITS)[number];

export const CATALOGUE_LIMITS = {
  codeMax: 40,
  nameMax: 160,
  summaryMax: 400,
  textMax: 20_000,
  listMax: 50,
  wordMax: 80,
  fieldsMax: 40,
  optionsMax: 100,
  statusesMax: 30,
  /** Norms above these are refused as absurd. */
  maxWorkingDays: 260,
  maxWorkingHours: 400,
  maxCalendarDays: 730,
  maxWeeks: 104,
  importMaxBytes: 10 * 1024 * 1024,
  importMaxRows: 20_000,
} as const;

const L = CATALOGUE_LIMITS;

/** Text in Dutch, optionally in English. Dutch is required: the product speaks Dutch first. */
export const localTextSchema = (max: number) =>
  z.strictObject({ nl: z.string().trim().min(1).max(max), en: z.string().trim().max(max).optional() });
export type LocalText = { nl: string; en?: string | undefined };

const optionalLocalText = (max: number) =>
  z.strictObject({ nl: z.string().trim().max(max), en: z.string().trim().max(max).optional() }).optional();

export const codeSchema = z
  .string()
  .trim()
  .min(2)
  .max(L.codeMax)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens');

const keySchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and underscores, starting with a letter');

export const durationSchema = z
  .strictObject({ amount: z.number().positive(), unit: z.enum(NORM_UNITS) })
  .superRefine((d, ctx) => {
    const max = {
      working_days: L.maxWorkingDays,
      working_hours: L.maxWorkingHours,
      calendar_days: L.maxCalendarDays,
      weeks: L.maxWeeks,
    }[d.unit];
    if (d.amount > max)
      ctx.addIssue({ code: 'custom', path: ['amount'], message: `At most ${max} ${d.unit}` });
    if (d.unit !== 'working_hours' && !Number.isInteger(d.amount)) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Whole numbers only for this unit' });
    }
  })
  .meta({ id: 'Duration' });
export type Duration = z.infer<typeof durationSchema>;

export const intakeFieldSchema = z
  .strictObject({
    key: keySchema,
    label: localTextSchema(200),
    type: z.enum(FIELD_TYPES),
    required: z.boolean().default(false),
    help: optionalLocalText(1000),
    options: z
      .array(z.strictObject({ value: keySchema, label: localTextSchema(200) }))
      .max(L.optionsMax)
      .optional(),
    prefill: z
      .enum(PROFILE_FIELDS)
      .optional()
      .meta({ description: 'Customer-profile field that pre-fills it.' }),
  })
  .superRefine((f, ctx) => {
    const needsOptions = f.type === 'choice' || f.type === 'multi_choice';
    if (needsOptions && (!f.options || f.options.length < 2)) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'A choice needs at least two options' });
    }
    if (!needsOptions && f.options?.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Only choice fields have options' });
    }
    if (f.options && new Set(f.options.map((o) => o.value)).size !== f.options.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Option values must be unique' });
    }
  })
  .meta({ id: 'IntakeField' });
export type IntakeField = z.infer<typeof intakeFieldSchema>;

export const workflowStatusSchema = z
  .strictObject({
    key: keySchema,
    label: localTextSchema(120),
    visibility: z.enum(['public', 'internal']),
    /** What the person is told when the case enters this status (public statuses). */
    publicText: optionalLocalText(2000),
    /** The service-norm clock stands still in this status (e.g. waiting for the person). */
    stopsClock: z.boolean().default(false),
    /** An end status: the case is done. */
    final: z.boolean().default(false),
  })
  .meta({ id: 'WorkflowStatus' });
export type WorkflowStatus = z.infer<typeof workflowStatusSchema>;

/** The workflow a case of this item follows (zaaktype): ordered statuses, allowed transitions. */
export const handlingSchema = z
  .strictObject({
    statuses: z.array(workflowStatusSchema).min(2).max(L.statusesMax),
    transitions: z.array(z.strictObject({ from: keySchema, to: keySchema })).max(400),
  })
  .meta({ id: 'HandlingDefinition' });
export type Handling = z.infer<typeof handlingSchema>;

export const normsSchema = z
  .strictObject({
    serviceNorm: durationSchema.meta({ description: 'The public promise, e.g. 5 working days.' }),
    internalTarget: durationSchema.optional().meta({ description: 'Stricter than the public norm.' }),
    legalTerm: durationSchema
      .optional()
      .meta({ description: 'A term set by law (Awb), where there is one.' }),
    legalBasis: z.string().trim().max(300).optional(),
  })
  .meta({ id: 'Norms' });
export type Norms = z.infer<typeof normsSchema>;

/** The definition of a catalogue item: everything that is versioned. */
export const catalogueItemDefinitionSchema = z
  .strictObject({
    code: codeSchema,
    name: localTextSchema(L.nameMax),
    summary: localTextSchema(L.summaryMax),
    description: localTextSchema(L.textMax),
    synonyms: z.array(z.string().trim().min(1).max(L.wordMax)).max(L.listMax).default([]),
    keywords: z.array(z.string().trim().min(1).max(L.wordMax)).max(L.listMax).default([]),
    audience: z.enum(AUDIENCES),
    kind: z.enum(ITEM_KINDS),
    channels: z.array(z.enum(CHANNELS)).min(1).max(CHANNELS.length),
    costCents: z.number().int().min(0).max(100_000_000).nullable().default(null),
    costNote: optionalLocalText(500),
    conditions: optionalLocalText(L.textMax),
    whatToBring: optionalLocalText(L.textMax),
    /** Responsible team, by name (names are unique per organisation). */
    team: z.string().trim().min(1).max(200).nullable().default(null),
    /** Codes of related items, offered proactively ("you may also need…"). */
    related: z.array(codeSchema).max(L.listMax).default([]),
    intakeFields: z.array(intakeFieldSchema).max(L.fieldsMax).default([]),
    handling: handlingSchema,
    norms: normsSchema,
    /**
     * For a location-based report (one with a `location` intake field): how far around the reported place open
     * reports of the same item are offered as "already reported nearby?" (metres; 50 when absent). 0: never
     * (reports about people, whose existence near an address must stay private).
     */
    nearbyRadiusMetres: z.number().int().min(0).max(1000).optional(),
  })
  .meta({ id: 'CatalogueItemDefinition' });

/** The radius of "already reported nearby?" when the item does not set one (issue 13, item 4). */
export const DEFAULT_NEARBY_RADIUS_METRES = 50;

/** Whether an item is a report about a place (it asks for one): such items offer "reported nearby?". */
export const isLocationBased = (d: Pick<CatalogueItemDefinition, 'kind' | 'intakeFields'>) =>
  d.kind === 'report' && d.intakeFields.some((f) => f.type === 'location');
export type CatalogueItemDefinition = z.infer<typeof catalogueItemDefinitionSchema>;
export type CatalogueItemInput = z.input<typeof catalogueItemDefinitionSchema>;

export const articleDefinitionSchema = z
  .strictObject({
    code: codeSchema,
    question: localTextSchema(300),
    /** Rich text as a small, safe Markdown subset (paragraphs, lists, bold, links). */
    answer: localTextSchema(L.textMax),
    audience: z.enum(['public', 'internal']),
    /** Catalogue item codes this article is about. */
    items: z.array(codeSchema).max(L.listMax).default([]),
    tags: z.array(z.string().trim().min(1).max(L.wordMax)).max(L.listMax).default([]),
    /** Owning team, by name. */
    owner: z.string().trim().min(1).max(200).nullable().default(null),
    reviewDate: z.iso.date().nullable().default(null),
  })
  .meta({ id: 'ArticleDefinition' });
export type ArticleDefinition = z.infer<typeof articleDefinitionSchema>;
export type ArticleInput = z.input<typeof articleDefinitionSchema>;

// ---- API shapes ---------------------------------------------------------------------------------------

/**
 * What the caller may do to a versioned document (a catalogue item, a knowledge article) now, by their roles and
 * its state: computed by the same checks its actions make (`versionedDocuments` in the API), so the admin pages
 * offer exactly what the API accepts.
 */
export const versionedAbilitiesSchema = z
  .object({
    saveDraft: z.boolean().meta({
      description: 'Edit it: save the draft (PUT …/draft); starts a new version after a published one.',
    }),
    publish: z.boolean().meta({ description: 'Publish its draft (POST …/publish): there is a draft.' }),
    retire: z.boolean().meta({ description: 'Retire it (POST …/retire): it is not retired already.' }),
  })
  .meta({ id: 'VersionedAbilities' });
export type VersionedAbilities = z.infer<typeof versionedAbilitiesSchema>;

export const catalogueItemSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    state: z.enum(PUBLICATION_STATES),
    audience: z.enum(AUDIENCES),
    kind: z.enum(ITEM_KINDS),
    team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    version: z.number().int().meta({ description: 'Send back on changes (optimistic locking).' }),
    published: z
      .object({
        number: z.number().int(),
        publishedAt: z.iso.datetime().nullable(),
        definition: catalogueItemDefinitionSchema,
      })
      .nullable(),
    draft: z.object({ number: z.number().int(), definition: catalogueItemDefinitionSchema }).nullable(),
    updatedAt: z.iso.datetime(),
    abilities: versionedAbilitiesSchema,
  })
  .meta({ id: 'CatalogueItem' });
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;

export const catalogueItemSummarySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    state: z.enum(PUBLICATION_STATES),
    audience: z.enum(AUDIENCES),
    kind: z.enum(ITEM_KINDS),
    name: localTextSchema(CATALOGUE_LIMITS.nameMax),
    team: z.string().nullable(),
    serviceNorm: durationSchema.nullable(),
    hasDraft: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'CatalogueItemSummary' });
export type CatalogueItemSummary = z.infer<typeof catalogueItemSummarySchema>;

export const catalogueListQuerySchema = z.strictObject({
  audience: z.enum(AUDIENCES).optional(),
  kind: z.enum(ITEM_KINDS).optional(),
  state: z.enum(PUBLICATION_STATES).optional(),
  teamId: z.uuid().optional(),
});

export const codeParamsSchema = z.strictObject({ code: codeSchema });
export const versionBodySchema = z.strictObject({ version: z.number().int().min(1) });
export const draftBodySchema = z.strictObject({
  definition: catalogueItemDefinitionSchema,
  version: z.number().int().min(1),
});

/** What the public sees of a service: "wat kunt u van ons verwachten". */
export const publicServiceSchema = z
  .object({
    code: z.string(),
    name: localTextSchema(CATALOGUE_LIMITS.nameMax),
    summary: localTextSchema(CATALOGUE_LIMITS.summaryMax),
    kind: z.enum(ITEM_KINDS),
    channels: z.array(z.enum(CHANNELS)),
    costCents: z.number().int().nullable(),
    costNote: z.object({ nl: z.string(), en: z.string().optional() }).optional(),
    serviceNorm: durationSchema,
    legalTerm: durationSchema.optional(),
  })
  .meta({ id: 'PublicService' });
export type PublicService = z.infer<typeof publicServiceSchema>;

export const expectedDateSchema = z
  .object({
    code: z.string(),
    start: z.iso.datetime(),
    serviceNorm: durationSchema,
    expected: z.iso
      .datetime()
      .meta({ description: 'When the case is expected to be done, under the public norm.' }),
    expectedDate: z.iso.date().meta({ description: 'The same, as a local date (Europe/Amsterdam).' }),
    internalTarget: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ExpectedDate' });

export const searchHitSchema = z
  .object({
    kind: z.enum(['item', 'article']),
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    summary: z.string(),
    audience: z.string(),
    itemKind: z.enum(ITEM_KINDS).nullable(),
    teamId: z.uuid().nullable(),
    score: z.number(),
    snippet: z
      .array(z.object({ text: z.string(), match: z.boolean() }))
      .meta({ description: 'Text segments; `match` marks the highlighted words. Plain text, never HTML.' }),
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z
  .object({
    searchId: z.uuid().meta({ description: 'Report a used result with POST /api/search/{searchId}/used.' }),
    didYouMean: z.array(z.string()),
    hits: z.array(searchHitSchema),
  })
  .meta({ id: 'SearchResult' });

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200),
  kind: z.enum(['item', 'article']).optional(),
  audience: z.enum(AUDIENCES).optional(),
  itemKind: z.enum(ITEM_KINDS).optional(),
  teamId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

// ---- Working-time calendar ------------------------------------------------------------------------------

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const openingIntervalSchema = z.strictObject({ open: hhmm, close: hhmm });

export const calendarSchema = z
  .strictObject({
    timeZone: z.literal('Europe/Amsterdam').default('Europe/Amsterdam'),
    /** ISO weekday (1 = Monday) -> opening intervals; a missing or empty day is closed. */
    openingHours: z.strictObject({
      1: z.array(openingIntervalSchema).max(4).optional(),
      2: z.array(openingIntervalSchema).max(4).optional(),
      3: z.array(openingIntervalSchema).max(4).optional(),
      4: z.array(openingIntervalSchema).max(4).optional(),
      5: z.array(openingIntervalSchema).max(4).optional(),
      6: z.array(openingIntervalSchema).max(4).optional(),
      7: z.array(openingIntervalSchema).max(4).optional(),
    }),
    goodFridayClosed: z.boolean().default(false),
    liberationDayClosed: z.enum(['always', 'lustrum', 'never']).default('lustrum'),
    closures: z
      .array(z.strictObject({ date: z.iso.date(), reason: z.string().trim().min(1).max(200) }))
      .max(366),
  })
  .meta({ id: 'WorkingCalendar' });
export type CalendarInput = z.infer<typeof calendarSchema>;

// ---- Knowledge base -------------------------------------------------------------------------------------

export const articleSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    state: z.enum(PUBLICATION_STATES),
    audience: z.enum(['public', 'internal']),
    owner: z.string().nullable(),
    reviewDate: z.iso.date().nullable(),
    /** The review date has passed: the article should be checked. */
    reviewDue: z.boolean(),
    version: z.number().int(),
    published: z
      .object({
        number: z.number().int(),
        publishedAt: z.iso.datetime().nullable(),
        definition: articleDefinitionSchema,
      })
      .nullable(),
    draft: z.object({ number: z.number().int(), definition: articleDefinitionSchema }).nullable(),
    abilities: versionedAbilitiesSchema,
  })
  .meta({ id: 'Article' });
export type Article = z.infer<typeof articleSchema>;

export const articleListQuerySchema = z.strictObject({
  audience: z.enum(['public', 'internal']).optional(),
  state: z.enum(PUBLICATION_STATES).optional(),
  reviewDue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
