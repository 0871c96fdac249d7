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

// ---- ideas (issue 15) ----

/** Limits of the ideas pipeline and of residents' comments on a public idea. */
export const IDEA_LIMITS = {
  titleMax: 160,
  descriptionMax: 4000,
  noteMax: 2000,
  commentMax: 1500,
  displayNameMax: 60,
} as const;

export const IDEA_DECISIONS = ['rollout', 'stop'] as const;
export type IdeaDecision = (typeof IDEA_DECISIONS)[number];
export const IDEA_COMMENT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type IdeaCommentStatus = (typeof IDEA_COMMENT_STATUSES)[number];

const ideaDay = z.iso.date();
/** A group of an experiment: monitoring filters without a period (e.g. one district, one channel). */
export const ideaGroupSchema = z.strictObject({
  channel: z.string().max(40).optional(),
  teamId: z.uuid().optional(),
  itemId: z.uuid().optional(),
  area: z.string().max(80).optional(),
});
export type IdeaGroup = z.infer<typeof ideaGroupSchema>;
/** The comparison group: the same filters, with its own period when it is "the same group before". */
export const ideaComparisonGroupSchema = ideaGroupSchema.extend({
  from: ideaDay.optional(),
  to: ideaDay.optional(),
});
export type IdeaComparisonGroup = z.infer<typeof ideaComparisonGroupSchema>;

export const ideaExperimentSchema = z.object({
  hypothesis: z.string(),
  kpi: z.string(),
  from: z.string(),
  to: z.string(),
  testGroup: ideaGroupSchema,
  comparisonGroup: ideaComparisonGroupSchema,
  decisionRule: z.string(),
  /** The measured result: a = the comparison group, b = the test group (so `better` is the test group's). */
  result: kpiComparisonSchema.nullable(),
  resultAt: z.string().nullable(),
});

export const ideaSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  stage: ideaStageSchema,
  ownerId: z.uuid(),
  ownerName: z.string(),
  /** The employee's name, or null for "een inwoner". */
  proposedByName: z.string().nullable(),
  proposedByKind: z.enum(['staff', 'resident']),
  published: z.boolean(),
  pendingComments: z.number().int(),
  stageSince: z.string(),
  updatedAt: z.string(),
});
export type IdeaSummary = z.infer<typeof ideaSummarySchema>;

export const ideaCommentSchema = z.object({
  id: z.uuid(),
  body: z.string(),
  displayName: z.string(),
  status: z.enum(IDEA_COMMENT_STATUSES),
  rejectReason: z.string().nullable(),
  moderatedBy: z.string().nullable(),
  moderatedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type IdeaComment = z.infer<typeof ideaCommentSchema>;

export const ideaDetailSchema = ideaSummarySchema.extend({
  description: z.string(),
  stopReason: z.string().nullable(),
  experiment: ideaExperimentSchema.nullable(),
  decision: z.enum(IDEA_DECISIONS).nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  improvementId: z.uuid().nullable(),
  moves: z.array(
    z.object({
      fromStage: ideaStageSchema.nullable(),
      toStage: ideaStageSchema,
      note: z.string(),
      movedBy: z.string(),
      movedAt: z.string(),
    }),
  ),
  /** Approved comments for everyone who reads ideas; pending and rejected ones too for moderators. */
  comments: z.array(ideaCommentSchema),
  version: z.number().int(),
  abilities: z.object({ manage: z.boolean(), moderate: z.boolean() }),
});
export type IdeaDetail = z.infer<typeof ideaDetailSchema>;

const ideaText = (max: number) => z.string().trim().min(1).max(max);
export const ideaCreateSchema = z.strictObject({
  title: ideaText(IDEA_LIMITS.titleMax),
  description: ideaText(IDEA_LIMITS.descriptionMax),
  ownerId: z.uuid(),
  /** `resident` for an idea a resident brought in (shown as "een inwoner"); else the creator proposed it. */
  proposedByKind: z.enum(['staff', 'resident']).default('staff'),
});
export const ideaUpdateSchema = z.strictObject({
  title: ideaText(IDEA_LIMITS.titleMax).optional(),
  description: ideaText(IDEA_LIMITS.descriptionMax).optional(),
  ownerId: z.uuid().optional(),
  published: z.boolean().optional(),
  version: z.number().int().min(1),
});
export const ideaStageMoveSchema = z.strictObject({
  stage: ideaStageSchema,
  /** Required to stop (the reason) and to go back a stage. */
  note: z.string().trim().max(IDEA_LIMITS.noteMax).default(''),
  /** At roll-out: also create an improvement (origin `idea`) with this owner, to reach "Wat we hebben verbeterd". */
  improvement: z.strictObject({ ownerId: z.uuid() }).optional(),
  version: z.number().int().min(1),
});
export const ideaExperimentBodySchema = z.strictObject({
  hypothesis: ideaText(IDEA_LIMITS.noteMax),
  kpi: z.string().max(60),
  from: ideaDay,
  to: ideaDay,
  testGroup: ideaGroupSchema,
  comparisonGroup: ideaComparisonGroupSchema,
  decisionRule: ideaText(IDEA_LIMITS.noteMax),
  version: z.number().int().min(1),
});
export const ideaDecisionBodySchema = z.strictObject({
  decision: z.enum(IDEA_DECISIONS),
  note: ideaText(IDEA_LIMITS.noteMax),
  version: z.number().int().min(1),
});
export const ideaModerateBodySchema = z.strictObject({
  approve: z.boolean(),
  /** Required to reject. */
  reason: z.string().trim().max(IDEA_LIMITS.noteMax).default(''),
});
