/**
 * Service excellence (issue 15): the words the parts share — the improvement process ("Verbeteren"), its signals,
 * the ideas pipeline and the pulse survey's minimum group. Each part adds its own API shapes in one block of its
 * own at the end of this file, marked with a comment naming the part.
 */
import { z } from 'zod';
import { kpiValueSchema } from './metrics.ts';

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

// ---- people (issue 15) ----
// The anonymous staff pulse and the team page with its compliments (recognition). No shape here carries who
// answered what: results are groups of at least PULSE_MIN_GROUP, or null.

const nlEn = (max: number) =>
  z.strictObject({ nl: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

/** The pulse's statements (agree 1–5) and its one optional open question; a new set is a new version. */
export const pulseQuestionsSchema = z
  .strictObject({
    statements: z.array(nlEn(200)).min(4).max(6),
    openQuestion: nlEn(200),
  })
  .meta({ id: 'PulseQuestions' });
export type PulseQuestions = z.infer<typeof pulseQuestionsSchema>;

export const PULSE_PERIODS = ['week', 'month'] as const;
export type PulsePeriod = (typeof PULSE_PERIODS)[number];
export const PULSE_COMMENT_MAX = 1000;

export const pulseQuestionnaireSchema = z
  .object({ number: z.number().int(), questions: pulseQuestionsSchema, createdAt: z.iso.datetime() })
  .meta({ id: 'PulseQuestionnaire' });
export type PulseQuestionnaire = z.infer<typeof pulseQuestionnaireSchema>;

export const pulseRoundCreateSchema = z.strictObject({
  period: z.enum(PULSE_PERIODS),
  /** The first day; a week round lasts 7 days, a month round to the day before the same date next month. */
  startsOn: z.iso.date(),
});

export const pulseRoundSchema = z
  .object({
    id: z.uuid(),
    period: z.enum(PULSE_PERIODS),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    closed: z.boolean(),
    questionnaire: z.number().int(),
    questions: pulseQuestionsSchema,
    /** While open: how many have answered so far; once closed: the answers kept (0 below the minimum). */
    respondents: z.number().int(),
  })
  .meta({ id: 'PulseRound' });
export type PulseRound = z.infer<typeof pulseRoundSchema>;

/** The round the signed-in employee may answer now, whether they already did, and the teams they answer for. */
export const pulseCurrentSchema = z
  .object({
    round: pulseRoundSchema.nullable(),
    answered: z.boolean(),
    teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
    minGroup: z.number().int(),
  })
  .meta({ id: 'PulseCurrent' });
export type PulseCurrent = z.infer<typeof pulseCurrentSchema>;

export const pulseAnswerSchema = z.strictObject({
  /** One score 1 (disagree) … 5 (agree) per statement, in order. */
  scores: z.array(z.number().int().min(1).max(5)).min(1).max(6),
  comment: z.string().max(PULSE_COMMENT_MAX).optional(),
  /** The team the answer counts for: one of the employee's own teams (optional when they have exactly one). */
  teamId: z.uuid().nullable().optional(),
});
export type PulseAnswerInput = z.infer<typeof pulseAnswerSchema>;

/** A group's result: only for groups of at least PULSE_MIN_GROUP. */
export const pulseGroupResultSchema = z
  .object({
    n: z.number().int(),
    /** Mean score per statement (1–5), one decimal. */
    means: z.array(z.number()),
    /** Share (%) agreeing (4 or 5) per statement. */
    agree: z.array(z.number()),
  })
  .meta({ id: 'PulseGroupResult' });
export type PulseGroupResult = z.infer<typeof pulseGroupResultSchema>;

export const pulseRoundResultSchema = z
  .object({
    round: pulseRoundSchema,
    /** null: fewer than the minimum answered. */
    organisation: pulseGroupResultSchema.nullable(),
    /** Every team; `result` null when hidden (too small, or hidden so no difference reveals a smaller group). */
    teams: z.array(
      z.object({ teamId: z.uuid(), name: z.string(), result: pulseGroupResultSchema.nullable() }),
    ),
    /** The open answers (only when the organisation's result shows), in alphabetical order. */
    comments: z.array(z.string()),
  })
  .meta({ id: 'PulseRoundResult' });
export type PulseRoundResult = z.infer<typeof pulseRoundResultSchema>;

export const complimentSchema = z
  .object({
    id: z.uuid(),
    grade: z.number().int(),
    comment: z.string(),
    /** The day it was given (no finer). */
    receivedOn: z.iso.date(),
    source: z.enum(['case', 'contact']),
    caseId: z.uuid().nullable(),
    itemCode: z.string().nullable(),
    employeeName: z.string().nullable(),
  })
  .meta({ id: 'Compliment' });
export type Compliment = z.infer<typeof complimentSchema>;

export const teamPagesSchema = z
  .object({
    teams: z.array(z.object({ id: z.uuid(), name: z.string(), own: z.boolean() })),
    /** Compliments routed to the signed-in employee (newest first). */
    compliments: z.array(complimentSchema),
  })
  .meta({ id: 'TeamPages' });
export type TeamPages = z.infer<typeof teamPagesSchema>;

export const teamPageSchema = z.object({
  team: z.object({ id: z.uuid(), name: z.string(), memberCount: z.number().int() }),
  /** The last 90 days. */
  from: z.iso.date(),
  to: z.iso.date(),
  compliments: z.array(complimentSchema),
  /** Residents' survey comments about the team's work (null: the reader may not read survey answers). */
  surveyComments: z
    .array(z.object({ grade: z.number().int(), comment: z.string(), answeredOn: z.iso.date() }))
    .nullable(),
  figures: z.array(kpiValueSchema),
  /** The team's latest closed pulse round with a result for the team, or null. */
  pulse: z.object({ round: pulseRoundSchema, result: pulseGroupResultSchema }).nullable(),
});
// The route adds the team's improvements (open and done this year) to it: `improvementSummarySchema` comes later in
// this file (the improvements part's block), so the response schema with them (`TeamPage`) is made in the route.
export type TeamPage = z.infer<typeof teamPageSchema>;

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
    /** Open by the model element they serve (null: none named), with its name in the model (null: unknown). */
    openByElement: z.array(
      z.object({
        elementCode: z.string().nullable(),
        name: z.object({ nl: z.string(), en: z.string() }).nullable(),
        count: z.number().int(),
      }),
    ),
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

// ---- strategy (issue 15) ----
// The service vision (element 1), objectives with KPI targets and actions, the periodic review (element 2), the
// integrity register (element 5) and the excellence overview's objectives part.
import * as kpi from './metrics.ts';

const isoDay = z.iso.date();
const plain = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

export const visionValueSchema = z.strictObject({ name: required(80), description: plain(500).default('') });
export const visionWriteSchema = z
  .strictObject({
    vision: required(4000),
    mission: required(2000),
    values: z.array(visionValueSchema).min(1).max(12),
    /** Who set it with us, e.g. "bewonerspanel", "ondernemersvereniging", "gemeenteraad". */
    stakeholders: z.array(required(120)).max(20),
    adoptedOn: isoDay,
    nextReviewOn: isoDay,
  })
  .refine((v) => v.adoptedOn < v.nextReviewOn, {
    path: ['nextReviewOn'],
    message: 'After the adoption date',
  });
export type VisionWrite = z.input<typeof visionWriteSchema>;
export const visionSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    vision: z.string(),
    mission: z.string(),
    values: z.array(z.object({ name: z.string(), description: z.string() })),
    stakeholders: z.array(z.string()),
    adoptedOn: isoDay,
    nextReviewOn: isoDay,
    /** The next review date has passed (only for the current version). */
    reviewOverdue: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Vision' });
export type Vision = z.infer<typeof visionSchema>;
export const visionResponseSchema = z.object({
  current: visionSchema.nullable(),
  earlier: z.array(visionSchema),
});

export const TARGET_FILTER_KEYS = ['teamId', 'itemId', 'channel', 'area'] as const;
export const targetFilterSchema = z.strictObject({
  teamId: z.uuid().optional(),
  itemId: z.uuid().optional(),
  channel: z.string().max(40).optional(),
  area: z.string().max(80).optional(),
});
export type TargetFilter = z.infer<typeof targetFilterSchema>;

export const objectiveTargetWriteSchema = z.strictObject({
  kpiCode: z.enum(kpi.KPI_CODES),
  target: z.number().finite().min(0).max(1_000_000),
  filter: targetFilterSchema.default({}),
});
export const objectiveTargetSchema = z
  .object({
    id: z.uuid(),
    kpiCode: z.enum(kpi.KPI_CODES),
    unit: z.enum(kpi.KPI_UNITS),
    direction: z.enum(kpi.KPI_DIRECTIONS),
    target: z.number(),
    filter: targetFilterSchema,
  })
  .meta({ id: 'ObjectiveTarget' });
export type ObjectiveTarget = z.infer<typeof objectiveTargetSchema>;

export const ACTION_STATUSES = ['open', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const objectiveActionWriteSchema = z.strictObject({
  title: required(200),
  ownerId: z.uuid(),
  dueOn: isoDay,
});
export const objectiveActionUpdateSchema = z.strictObject({
  title: required(200).optional(),
  ownerId: z.uuid().optional(),
  dueOn: isoDay.optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  version: z.number().int().min(1),
});
export const objectiveActionSchema = z
  .object({
    id: z.uuid(),
    objectiveId: z.uuid(),
    title: z.string(),
    ownerId: z.uuid(),
    ownerName: z.string(),
    dueOn: isoDay,
    status: z.enum(ACTION_STATUSES),
    /** Open and past its due date. */
    overdue: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'ObjectiveAction' });
export type ObjectiveAction = z.infer<typeof objectiveActionSchema>;

export const objectiveWriteSchema = z
  .strictObject({
    title: required(200),
    description: plain(4000).default(''),
    ownerId: z.uuid(),
    teamId: z.uuid().nullable().default(null),
    parentId: z.uuid().nullable().default(null),
    periodFrom: isoDay,
    periodTo: isoDay,
  })
  .refine((o) => o.periodFrom <= o.periodTo, { path: ['periodTo'], message: 'Before the start' });
export type ObjectiveWrite = z.input<typeof objectiveWriteSchema>;
export const objectiveUpdateSchema = z.strictObject({
  title: required(200).optional(),
  description: plain(4000).optional(),
  ownerId: z.uuid().optional(),
  teamId: z.uuid().nullable().optional(),
  parentId: z.uuid().nullable().optional(),
  periodFrom: isoDay.optional(),
  periodTo: isoDay.optional(),
  version: z.number().int().min(1),
});
export const objectiveSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string(),
    ownerId: z.uuid(),
    ownerName: z.string(),
    teamId: z.uuid().nullable(),
    teamName: z.string().nullable(),
    parentId: z.uuid().nullable(),
    periodFrom: isoDay,
    periodTo: isoDay,
    targets: z.array(objectiveTargetSchema),
    actions: z.array(objectiveActionSchema),
    version: z.number().int(),
  })
  .meta({ id: 'Objective' });
export type Objective = z.infer<typeof objectiveSchema>;

/**
 * A review period: a month `2026-11` or a quarter `2026-Q4` of the years 2000–2999, asked for or written (a year
 * 0000 is no date the database knows: the fuzz test found a 500 on PostgreSQL; the public pages take the same years).
 */
export const reviewPeriodSchema = z
  .string()
  .regex(/^2\d{3}-(0[1-9]|1[0-2]|Q[1-4])$/, 'A month (2026-11) or quarter (2026-Q4) of this millennium');
export const reviewQuerySchema = z.strictObject({ period: reviewPeriodSchema.optional() });
export const TARGET_STATUSES = ['met', 'missed', 'unknown'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
export const targetExplanationSchema = z.object({
  text: z.string(),
  authorName: z.string(),
  updatedAt: z.iso.datetime(),
  improvementId: z.uuid().nullable(),
});
export const reviewTargetSchema = objectiveTargetSchema
  .extend({
    /** The actual value over the period (the catalogue's definition); null when there is nothing to measure. */
    value: z.number().nullable(),
    n: z.number().int(),
    status: z.enum(TARGET_STATUSES),
    explanation: targetExplanationSchema.nullable(),
    /** May the reader explain this miss (explainStrategy; a team lead for their own teams' objectives)? */
    mayExplain: z.boolean(),
  })
  .meta({ id: 'ReviewTarget' });
export type ReviewTarget = z.infer<typeof reviewTargetSchema>;
export const reviewSchema = z
  .object({
    period: reviewPeriodSchema,
    from: isoDay,
    to: isoDay,
    /** The period is not over yet: values so far. */
    partial: z.boolean(),
    previous: reviewPeriodSchema,
    next: reviewPeriodSchema.nullable(),
    objectives: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        teamName: z.string().nullable(),
        ownerName: z.string(),
        targets: z.array(reviewTargetSchema),
      }),
    ),
  })
  .meta({ id: 'StrategyReview' });
export type StrategyReview = z.infer<typeof reviewSchema>;
export const explanationWriteSchema = z.strictObject({
  targetId: z.uuid(),
  period: reviewPeriodSchema,
  text: required(2000),
});
export const reviewImprovementSchema = z.strictObject({
  targetId: z.uuid(),
  period: reviewPeriodSchema,
  ownerId: z.uuid(),
});

/** The objectives on and off target in the last complete month (for the overview and the team page). */
export const objectivesStatusSchema = z
  .object({
    period: reviewPeriodSchema,
    from: isoDay,
    to: isoDay,
    objectives: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        teamId: z.uuid().nullable(),
        teamName: z.string().nullable(),
        targets: z.array(
          z.object({
            id: z.uuid(),
            kpiCode: z.enum(kpi.KPI_CODES),
            unit: z.enum(kpi.KPI_UNITS),
            target: z.number(),
            value: z.number().nullable(),
            status: z.enum(TARGET_STATUSES),
          }),
        ),
        /** met: every target with a value met; missed: at least one missed; unknown: no target measured. */
        status: z.enum(TARGET_STATUSES),
      }),
    ),
    met: z.number().int(),
    missed: z.number().int(),
    unknown: z.number().int(),
  })
  .meta({ id: 'ObjectivesStatus' });
export type ObjectivesStatus = z.infer<typeof objectivesStatusSchema>;

export const INTEGRITY_KINDS = ['report', 'conflict_of_interest', 'side_job'] as const;
export type IntegrityKind = (typeof INTEGRITY_KINDS)[number];
export const INTEGRITY_STATUSES = ['open', 'investigating', 'closed'] as const;
export type IntegrityStatus = (typeof INTEGRITY_STATUSES)[number];
export const integrityWriteSchema = z.strictObject({
  kind: z.enum(INTEGRITY_KINDS),
  occurredOn: isoDay,
  summary: required(4000),
  peopleConcerned: plain(1000).default(''),
  measures: plain(4000).default(''),
});
export const integrityUpdateSchema = z.strictObject({
  summary: required(4000).optional(),
  peopleConcerned: plain(1000).optional(),
  measures: plain(4000).optional(),
  status: z.enum(INTEGRITY_STATUSES).optional(),
  outcome: plain(4000).optional(),
  version: z.number().int().min(1),
});
export const integrityRecordSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(INTEGRITY_KINDS),
    occurredOn: isoDay,
    summary: z.string(),
    peopleConcerned: z.string(),
    measures: z.string(),
    status: z.enum(INTEGRITY_STATUSES),
    outcome: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: z.number().int(),
  })
  .meta({ id: 'IntegrityRecord' });
export type IntegrityRecord = z.infer<typeof integrityRecordSchema>;

const bilingualName = z.object({ nl: z.string(), en: z.string() });
/** The latest closed self-assessment: its agreed profile per dimension, and the mean of each one of its model. */
export const assessmentOverviewSchema = z
  .object({
    model: z.object({ code: z.string(), version: z.number().int(), name: bilingualName }).nullable(),
    latest: z
      .object({
        id: z.uuid(),
        title: z.string(),
        closedAt: z.iso.datetime(),
        scores: z.array(
          z.object({ elementCode: z.string(), dimensionCode: z.string(), score: z.number().int() }),
        ),
        dimensions: z.array(z.object({ code: z.string(), name: bilingualName, mean: z.number().nullable() })),
      })
      .nullable(),
    trend: z.array(
      z.object({ id: z.uuid(), title: z.string(), closedAt: z.iso.datetime(), mean: z.number().nullable() }),
    ),
  })
  .meta({ id: 'AssessmentOverview' });
export type AssessmentOverview = z.infer<typeof assessmentOverviewSchema>;

/** The excellence overview: the objectives, the improvements and the latest self-assessment. */
export const excellenceOverviewSchema = z
  .object({
    objectives: objectivesStatusSchema,
    improvements: improvementOverviewSchema,
    assessment: assessmentOverviewSchema,
  })
  .meta({ id: 'ExcellenceOverview' });
export type ExcellenceOverview = z.infer<typeof excellenceOverviewSchema>;
// ---- end strategy ----
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
