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
