/**
 * Service excellence (issue 15): the words the parts share — the improvement process ("Verbeteren"), its signals,
 * the ideas pipeline and the pulse survey's minimum group. Each part adds its own API shapes in one block of its
 * own at the end of this file, marked with a comment naming the part.
 */
import { z } from 'zod';

/**
 * An improvement's status: plan-do-check-act, then done (with its measured effect) or stopped (with a reason).
 * A quick win may go from plan straight to done.
 */
export const IMPROVEMENT_STATUSES = ['plan', 'do', 'check', 'act', 'done', 'stopped'] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

/** Where an improvement came from. */
export const IMPROVEMENT_ORIGINS = ['signals', 'assessment', 'strategy', 'idea', 'manual'] as const;
export type ImprovementOrigin = (typeof IMPROVEMENT_ORIGINS)[number];

/** The kinds of signal that land in the improvement inbox. */
export const SIGNAL_KINDS = [
  /** A survey answer with a low grade or "not solved". */
  'survey',
  /** A complaint, upheld (gegrond) or not. */
  'complaint',
  /** A case closed after its norm, with the breach reason. */
  'norm_breach',
  /** A KPI off its target in the last complete month. */
  'kpi_deviation',
  /** A person who contacted us again about the same thing. */
  'repeat_contact',
  /** An employee's suggestion, sent from any screen with the page they were on. */
  'staff_suggestion',
  /** A resident's suggestion from the public portal. */
  'resident_suggestion',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** The ideas pipeline (innovation): an idea becomes an experiment, a pilot, then is rolled out — or stopped. */
export const IDEA_STAGES = ['idea', 'experiment', 'pilot', 'rollout', 'stopped'] as const;
export type IdeaStage = (typeof IDEA_STAGES)[number];

/** Pulse survey results are never shown for a group of fewer respondents than this (nor anywhere smaller). */
export const PULSE_MIN_GROUP = 5;

/** The elements of the Service Excellence model (their codes in the shipped model: `se-1` … `se-12`). */
export const SERVICE_EXCELLENCE_MODEL = 'service-excellence';
/** The channel-maturity profile municipalities used to plan their phases ("Antwoord profiel"). */
export const ANTWOORD_MODEL = 'antwoord-profiel';

export const improvementStatusSchema = z.enum(IMPROVEMENT_STATUSES);
export const signalKindSchema = z.enum(SIGNAL_KINDS);
export const ideaStageSchema = z.enum(IDEA_STAGES);

// ---- improvements (issue 15) ----
import { KPI_CODES, KPI_DIRECTIONS, KPI_UNITS } from './metrics.ts';

export const improvementOriginSchema = z.enum(IMPROVEMENT_ORIGINS);

/** The filter an improvement's KPI is measured under (besides the period). */
export const improvementKpiFilterSchema = z.strictObject({
  teamId: z.uuid().optional(),
  itemId: z.uuid().optional(),
  channel: z.string().max(40).optional(),
  area: z.string().max(80).optional(),
});
export type ImprovementKpiFilter = z.infer<typeof improvementKpiFilterSchema>;

/** The statistical test a comparison used: shares, means (with sums of squares), counts per day; null: none fits. */
export const COMPARISON_TESTS = ['two_proportion_z', 'welch_t', 'rate'] as const;
export type ComparisonTest = (typeof COMPARISON_TESTS)[number];

const comparedPeriodSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  value: z.number().nullable(),
  /** The count the value rests on (contacts, cases, answers; for a count: the count). */
  n: z.number().int(),
});

/** One KPI under two filters (two periods, or two groups in one period): the difference and whether it is real. */
export const kpiComparisonSchema = z
  .object({
    code: z.enum(KPI_CODES),
    unit: z.enum(KPI_UNITS),
    direction: z.enum(KPI_DIRECTIONS),
    a: comparedPeriodSchema,
    b: comparedPeriodSchema,
    /** b − a in the KPI's unit (per day for counts over periods of unequal length: see the explanation). */
    difference: z.number().nullable(),
    /** Whether b is better than a in the KPI's direction; null when the KPI has no direction or no difference. */
    better: z.boolean().nullable(),
    test: z.enum(COMPARISON_TESTS).nullable(),
    pValue: z.number().nullable(),
    /** p < 0.05 with enough data; null when no test fits or too little data to test. */
    significant: z.boolean().nullable(),
    explanation: z.object({ nl: z.string(), en: z.string() }),
  })
  .meta({ id: 'KpiComparison' });
export type KpiComparison = z.infer<typeof kpiComparisonSchema>;

/** An improvement in a list (the board, the team page, the overview). */
export const improvementSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    status: improvementStatusSchema,
    quickWin: z.boolean(),
    origin: improvementOriginSchema,
    elementCode: z.string().nullable(),
    teamId: z.uuid().nullable(),
    ownerId: z.uuid(),
    ownerName: z.string(),
    createdAt: z.string(),
    doneAt: z.string().nullable(),
    /** Whole days since it was proposed. */
    ageDays: z.number().int(),
  })
  .meta({ id: 'ImprovementSummary' });
export type ImprovementSummary = z.infer<typeof improvementSummarySchema>;

/** For the excellence overview. */
export const improvementOverviewSchema = z
  .object({
    /** Open (plan, do, check, act) by age: under 30 days, 30–90, over 90. */
    openByAge: z.object({
      under30: z.number().int(),
      from30to90: z.number().int(),
      over90: z.number().int(),
    }),
    /** Open by the model element they serve (null: none named). */
    openByElement: z.array(z.object({ elementCode: z.string().nullable(), count: z.number().int() })),
    /** Done since 1 January, with the effects measured when they were done. */
    doneThisYear: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        doneAt: z.string(),
        effects: z.array(kpiComparisonSchema),
      }),
    ),
  })
  .meta({ id: 'ImprovementOverview' });
export type ImprovementOverview = z.infer<typeof improvementOverviewSchema>;
const longText = (max: number) => z.string().max(max);

/** POST /api/improvements. */
export const improvementCreateSchema = z.strictObject({
  title: z.string().min(1).max(200),
  problem: z.string().min(1).max(5000),
  expectedEffect: longText(5000).optional(),
  ownerId: z.uuid(),
  quickWin: z.boolean().optional(),
  origin: improvementOriginSchema.default('manual'),
  originId: z.uuid().optional(),
  elementCode: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
  teamId: z.uuid().optional(),
  catalogueItemId: z.uuid().optional(),
  kpis: z
    .array(z.strictObject({ code: z.enum(KPI_CODES), filter: improvementKpiFilterSchema.optional() }))
    .max(10)
    .optional(),
});
export type ImprovementCreate = z.infer<typeof improvementCreateSchema>;

/** PUT /api/improvements/{id}: the proposal's words, owner and KPIs (not its status), with optimistic locking. */
export const improvementUpdateSchema = improvementCreateSchema
  .omit({ origin: true, originId: true })
  .extend({ version: z.number().int().min(1) });
export type ImprovementUpdate = z.infer<typeof improvementUpdateSchema>;

/** POST /api/improvements/{id}/status: one PDCA move (a stop needs its reason). */
export const improvementMoveSchema = z.strictObject({
  status: improvementStatusSchema,
  stopReason: z.string().max(2000).optional(),
  version: z.number().int().min(1),
});
export type ImprovementMove = z.infer<typeof improvementMoveSchema>;

/** PUT /api/improvements/{id}/publication: what the public page says once done. */
export const improvementPublicationSchema = z.strictObject({
  publicSummaryNl: z.string().max(1000),
  publicSummaryEn: z.string().max(1000).optional(),
  published: z.boolean(),
  version: z.number().int().min(1),
});
export type ImprovementPublication = z.infer<typeof improvementPublicationSchema>;

export const improvementListQuerySchema = z.strictObject({
  teamId: z.uuid().optional(),
  elementCode: z.string().max(40).optional(),
  origin: improvementOriginSchema.optional(),
  status: improvementStatusSchema.optional(),
  /** Open for under 30 days, 30 to 90, or over 90. */
  age: z.enum(['under30', 'from30to90', 'over90']).optional(),
});
export type ImprovementListQuery = z.infer<typeof improvementListQuerySchema>;

const instant = z.string().nullable();

export const improvementDetailSchema = improvementSummarySchema
  .extend({
    problem: z.string(),
    expectedEffect: z.string(),
    originId: z.uuid().nullable(),
    catalogueItemId: z.uuid().nullable(),
    stopReason: z.string().nullable(),
    publicSummaryNl: z.string().nullable(),
    publicSummaryEn: z.string().nullable(),
    published: z.boolean(),
    doAt: instant,
    checkAt: instant,
    actAt: instant,
    stoppedAt: instant,
    version: z.number().int(),
    kpis: z.array(z.object({ id: z.uuid(), code: z.enum(KPI_CODES), filter: improvementKpiFilterSchema })),
    /** The moves allowed from here (for this improvement: a quick win may go from plan to done). */
    nextStatuses: z.array(improvementStatusSchema),
  })
  .meta({ id: 'ImprovementDetail' });
export type ImprovementDetail = z.infer<typeof improvementDetailSchema>;

const periodSchema = z.object({ from: z.iso.date(), to: z.iso.date() });

/**
 * GET /api/improvements/{id}/effect: each KPI before "do" against after, over two periods of equal length in whole
 * weeks. Once done, what was measured then (stored); before, measured now.
 */
export const improvementEffectSchema = z
  .object({
    before: periodSchema.nullable(),
    after: periodSchema.nullable(),
    /** Set when the effect is the one stored at "done". */
    measuredAt: instant,
    /** Why nothing could be measured yet (no "do" yet, or less than a whole week since). */
    reason: z.object({ nl: z.string(), en: z.string() }).nullable(),
    items: z.array(
      z.object({
        id: z.uuid(),
        code: z.enum(KPI_CODES),
        filter: improvementKpiFilterSchema,
        comparison: kpiComparisonSchema.nullable(),
        /** Why this KPI has no comparison (e.g. no data in a period). */
        reason: z.object({ nl: z.string(), en: z.string() }).nullable(),
      }),
    ),
  })
  .meta({ id: 'ImprovementEffect' });
export type ImprovementEffect = z.infer<typeof improvementEffectSchema>;

/** On the public page and in the open data: a done improvement, in the words chosen for the public. No names. */
export const publicImprovementSchema = z
  .object({
    doneAt: z.iso.date(),
    summary: z.object({ nl: z.string(), en: z.string() }),
    effects: z.array(
      z.object({
        code: z.enum(KPI_CODES),
        before: comparedPeriodSchema,
        after: comparedPeriodSchema,
        better: z.boolean().nullable(),
        significant: z.boolean().nullable(),
        explanation: z.object({ nl: z.string(), en: z.string() }),
      }),
    ),
  })
  .meta({ id: 'PublicImprovement' });
export type PublicImprovement = z.infer<typeof publicImprovementSchema>;

export const improvementOwnerSchema = z.object({ id: z.uuid(), name: z.string() });
// ---- end improvements ----
