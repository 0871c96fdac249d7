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
// ---- end improvements ----

// ---- signals (issue 15) ----
/** Limits of a suggestion (staff or resident). */
export const SIGNAL_LIMITS = { textMin: 10, textMax: 2000, pageMax: 300, reasonMax: 500 } as const;
/** Resident suggestions from one IP address per hour (counted in the database). */
export const RESIDENT_SUGGESTIONS_PER_HOUR = 5;
export const SIGNAL_STATUSES = ['open', 'dismissed', 'proposed'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

const namedRef = z.object({ id: z.uuid(), name: z.string() });

/** A staff suggestion, sent from any screen: the text and the page (path only) it was sent from. */
export const staffSuggestionBodySchema = z.strictObject({
  text: z.string().trim().min(SIGNAL_LIMITS.textMin).max(SIGNAL_LIMITS.textMax),
  page: z
    .string()
    .max(SIGNAL_LIMITS.pageMax)
    .regex(/^\/[^?#\s]*$/, 'A path without query string')
    .optional(),
});
export type StaffSuggestionBody = z.infer<typeof staffSuggestionBodySchema>;

export const signalSchema = z
  .object({
    id: z.uuid(),
    kind: signalKindSchema,
    status: z.enum(SIGNAL_STATUSES),
    clusterId: z.uuid().nullable(),
    /** An upheld complaint counts 2, every other signal 1. */
    weight: z.number().int(),
    item: namedRef.nullable(),
    team: namedRef.nullable(),
    area: z.string().nullable(),
    channel: z.string().nullable(),
    breachReason: z.string().nullable(),
    grade: z.number().int().nullable(),
    kpiCode: z.string().nullable(),
    /** What was said or what happened (may be empty, e.g. for a KPI off target). */
    text: z.string(),
    page: z.string().nullable(),
    caseId: z.uuid().nullable(),
    caseReference: z.string().nullable(),
    dismissReason: z.string().nullable(),
    occurredAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Signal' });
export type Signal = z.infer<typeof signalSchema>;

export const signalClusterSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(SIGNAL_STATUSES),
    /** Open signals in it, and their weight (upheld complaints count double). */
    count: z.number().int(),
    weight: z.number().int(),
    kinds: z.array(signalKindSchema),
    firstAt: z.string().nullable(),
    lastAt: z.string().nullable(),
    /** What its signals share most: the item, the team, the breach reason. */
    item: namedRef.nullable(),
    team: namedRef.nullable(),
    breachReason: z.string().nullable(),
    /** A few of its texts (newest first). */
    examples: z.array(z.object({ id: z.uuid(), kind: signalKindSchema, text: z.string() })),
    dismissReason: z.string().nullable(),
    improvementId: z.uuid().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'SignalCluster' });
export type SignalCluster = z.infer<typeof signalClusterSchema>;

export const signalClusterDetailSchema = signalClusterSchema
  .extend({ signals: z.array(signalSchema) })
  .meta({ id: 'SignalClusterDetail' });
export type SignalClusterDetail = z.infer<typeof signalClusterDetailSchema>;

export const signalClusterQuerySchema = z.strictObject({
  kind: signalKindSchema.optional(),
  teamId: z.uuid().optional(),
  itemId: z.uuid().optional(),
  status: z.enum(SIGNAL_STATUSES).default('open'),
});
export type SignalClusterQuery = z.input<typeof signalClusterQuerySchema>;

/** Move a signal to another open cluster, or (clusterId null) split it out into a cluster of its own. */
export const signalMoveBodySchema = z.strictObject({
  clusterId: z.uuid().nullable(),
  version: z.number().int().min(1),
});
export const signalDismissBodySchema = z.strictObject({
  reason: z.string().trim().min(3).max(SIGNAL_LIMITS.reasonMax),
  version: z.number().int().min(1),
});
/** Turn a cluster into an improvement proposal (origin `signals`). */
export const signalProposeBodySchema = z.strictObject({
  title: z.string().trim().min(3).max(200),
  problem: z.string().trim().min(3).max(4000),
  expectedEffect: z.string().trim().max(2000).optional(),
  ownerId: z.uuid(),
  quickWin: z.boolean().optional(),
  /** The KPIs it should move (measured for the cluster's item, else its team, else the whole organisation). */
  kpiCodes: z.array(z.enum(KPI_CODES)).max(10).optional(),
  version: z.number().int().min(1),
});
export type SignalProposeBody = z.infer<typeof signalProposeBodySchema>;
export const signalProposeReplySchema = z
  .object({ improvementId: z.uuid(), cluster: signalClusterDetailSchema })
  .meta({ id: 'SignalProposal' });
// ---- end signals ----
