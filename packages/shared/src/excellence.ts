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
