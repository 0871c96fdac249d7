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

// ---- assessments (issue 15) ----

/** Text of a model in Dutch and English (both required: a model is read by every staff member). */
const modelText = (max: number) =>
  z.strictObject({ nl: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

/** The maturity scale of every model: five levels, 1 ("ad hoc") … 5 ("excellent en toonaangevend"). */
export const ASSESSMENT_LEVELS = [1, 2, 3, 4, 5] as const;
/** Raters who differ this many levels or more on an element are flagged in the consensus round. */
export const ASSESSMENT_SPREAD_FLAG = 2;
export const ASSESSMENT_STATUSES = ['scoring', 'consensus', 'closed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/**
 * A self-assessment model version (the shipped JSON files and what `POST /api/assessments/models` loads):
 * dimensions → elements → 2–4 guiding questions, and the five described levels of the scale.
 */
export const assessmentModelSchema = z
  .strictObject({
    code: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'lower-case letters, digits and hyphens'),
    version: z.number().int().min(1).max(999),
    name: modelText(120),
    description: modelText(600),
    scale: z
      .array(
        z.strictObject({
          level: z.number().int().min(1).max(5),
          name: modelText(60),
          description: modelText(400),
        }),
      )
      .length(5),
    dimensions: z
      .array(
        z.strictObject({
          code: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/),
          name: modelText(120),
          elements: z
            .array(
              z.strictObject({
                code: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/),
                name: modelText(120),
                questions: z.array(modelText(300)).min(2).max(4),
              }),
            )
            .min(1)
            .max(12),
        }),
      )
      .min(1)
      .max(8),
  })
  .superRefine((m, ctx) => {
    m.scale.forEach((s, i) => {
      if (s.level !== i + 1)
        ctx.addIssue({ code: 'custom', path: ['scale', i, 'level'], message: 'Levels 1 to 5 in order' });
    });
    const seen = new Set<string>();
    m.dimensions.forEach((d, di) => {
      if (seen.has(d.code))
        ctx.addIssue({ code: 'custom', path: ['dimensions', di, 'code'], message: 'Used twice' });
      seen.add(d.code);
      d.elements.forEach((e, ei) => {
        if (seen.has(e.code))
          ctx.addIssue({
            code: 'custom',
            path: ['dimensions', di, 'elements', ei, 'code'],
            message: 'Used twice',
          });
        seen.add(e.code);
      });
    });
  });
export type AssessmentModel = z.infer<typeof assessmentModelSchema>;

export const assessmentModelSummarySchema = z.object({
  code: z.string(),
  version: z.number().int(),
  name: z.object({ nl: z.string(), en: z.string() }),
  description: z.object({ nl: z.string(), en: z.string() }),
  /** Shipped with Voordeur (every organisation has it) or loaded by this organisation. */
  shipped: z.boolean(),
  elements: z.number().int(),
});
export type AssessmentModelSummary = z.infer<typeof assessmentModelSummarySchema>;

export const assessmentCreateSchema = z.strictObject({
  title: z.string().trim().min(3).max(160),
  modelCode: z.string().max(40),
  /** The newest version when left out. */
  modelVersion: z.number().int().min(1).max(999).optional(),
  referenceDate: z.iso.date(),
  /** Active staff of the organisation; at least one (two or more recommended). */
  raterIds: z.array(z.uuid()).min(1).max(20),
});

/** Evidence for a score: words, KPIs of the catalogue, documents (http(s) URLs) and improvements. */
export const assessmentEvidenceSchema = z.strictObject({
  text: z.string().trim().max(2000).default(''),
  kpis: z.array(z.string().max(60)).max(10).default([]),
  documents: z.array(z.string().max(2000)).max(10).default([]),
  improvements: z.array(z.string().max(60)).max(10).default([]),
});
export type AssessmentEvidence = z.infer<typeof assessmentEvidenceSchema>;

export const assessmentScoreInputSchema = z.strictObject({
  /** 1–5, or null for "weet ik niet". */
  level: z.number().int().nullable(),
  evidence: assessmentEvidenceSchema.default({ text: '', kpis: [], documents: [], improvements: [] }),
});

export const assessmentAgreeSchema = z.strictObject({
  level: z.number().int(),
  note: z.string().trim().max(2000).default(''),
  /** The element's version as loaded; 0 when nothing was agreed yet. */
  version: z.number().int().min(0),
});

export const assessmentVersionSchema = z.strictObject({ version: z.number().int().min(1) });

export const assessmentActionCreateSchema = z.strictObject({
  elementCode: z.string().max(40),
  ownerId: z.uuid(),
  title: z.string().trim().min(3).max(200).optional(),
  problem: z.string().trim().min(3).max(4000).optional(),
});

const scoreSchema = z.object({
  elementCode: z.string(),
  level: z.number().int().nullable(),
  evidence: z.object({
    text: z.string(),
    kpis: z.array(z.string()),
    documents: z.array(z.string()),
    improvements: z.array(z.string()),
  }),
});

export const assessmentSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  modelCode: z.string(),
  modelVersion: z.number().int(),
  modelName: z.object({ nl: z.string(), en: z.string() }),
  referenceDate: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  raters: z.number().int(),
  submitted: z.number().int(),
  /** Whether the caller is an invited rater, and has submitted. */
  myRole: z.enum(['rater', 'submitted', 'none']),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;

export const assessmentDetailSchema = assessmentSummarySchema.extend({
  model: z.object({
    code: z.string(),
    version: z.number().int(),
    name: z.object({ nl: z.string(), en: z.string() }),
    description: z.object({ nl: z.string(), en: z.string() }),
    scale: z.array(
      z.object({
        level: z.number().int(),
        name: z.object({ nl: z.string(), en: z.string() }),
        description: z.object({ nl: z.string(), en: z.string() }),
      }),
    ),
    dimensions: z.array(
      z.object({
        code: z.string(),
        name: z.object({ nl: z.string(), en: z.string() }),
        elements: z.array(
          z.object({
            code: z.string(),
            name: z.object({ nl: z.string(), en: z.string() }),
            questions: z.array(z.object({ nl: z.string(), en: z.string() })),
          }),
        ),
      }),
    ),
  }),
  raterList: z.array(z.object({ userId: z.uuid(), name: z.string(), submittedAt: z.string().nullable() })),
  /** The caller's own scores (only a rater's own, never another's before the consensus round). */
  myScores: z.array(scoreSchema),
  /** May the caller run it (invite, consensus, close, actions)? */
  canRun: z.boolean(),
  /** The KPIs linked as evidence in what the caller may see, with their value in the last complete quarter. */
  kpis: z.array(
    z.object({
      code: z.string(),
      name: z.object({ nl: z.string(), en: z.string() }),
      unit: z.string(),
      value: z.number().nullable(),
      from: z.string(),
      to: z.string(),
    }),
  ),
});
export type AssessmentDetail = z.infer<typeof assessmentDetailSchema>;

export const assessmentConsensusRowSchema = z.object({
  elementCode: z.string(),
  dimensionCode: z.string(),
  scores: z.array(
    z.object({
      userId: z.uuid(),
      name: z.string(),
      level: z.number().int().nullable(),
      evidence: scoreSchema.shape.evidence,
    }),
  ),
  /** Highest minus lowest level given (levels only; null when fewer than one level). */
  spread: z.number().int().nullable(),
  /** Raters differ by ASSESSMENT_SPREAD_FLAG levels or more. */
  flagged: z.boolean(),
  agreed: z
    .object({
      level: z.number().int(),
      note: z.string(),
      version: z.number().int(),
      improvementId: z.string().nullable(),
    })
    .nullable(),
});
export type AssessmentConsensusRow = z.infer<typeof assessmentConsensusRowSchema>;

export const assessmentResultsSchema = z.object({
  elements: z.array(
    z.object({
      elementCode: z.string(),
      dimensionCode: z.string(),
      level: z.number().nullable(),
      improvementId: z.string().nullable(),
    }),
  ),
  dimensions: z.array(z.object({ dimensionCode: z.string(), mean: z.number().nullable() })),
  /** Each rater's own scores (their polygon). */
  raters: z.array(
    z.object({
      name: z.string(),
      levels: z.array(z.object({ elementCode: z.string(), level: z.number().int().nullable() })),
    }),
  ),
  /** Earlier closed assessments of the same model (oldest first), with their agreed levels. */
  trend: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      closedAt: z.string(),
      mean: z.number().nullable(),
      levels: z.array(z.object({ elementCode: z.string(), level: z.number().int() })),
    }),
  ),
});
export type AssessmentResults = z.infer<typeof assessmentResultsSchema>;

export const assessmentPersonSchema = z.object({ id: z.uuid(), name: z.string() });
