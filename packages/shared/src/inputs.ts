/**
 * Monitoring inputs (issue 14, item 1): queue figures imported from the telephony and desk systems, the unit cost
 * of each channel, and mystery shopping and calling. Shared by the API (validation, OpenAPI) and the web pages
 * under /monitoring/waiting, /monitoring/costs and /monitoring/mystery.
 */
import { z } from 'zod';
import { CHANNELS, localTextSchema } from './catalogue.ts';

const day = z.iso.date();

// ---- waiting ----

/** The columns of a waiting import, in this order (CSV header; the same names as JSON fields). */
export const WAITING_COLUMNS = [
  'date',
  'interval_start',
  'channel',
  'queue',
  'offered',
  'answered',
  'abandoned',
  'answered_in_target',
  'target_seconds',
  'wait_seconds_total',
  'handled_seconds_total',
] as const;
export const WAITING_CHANNELS = ['phone', 'desk'] as const;
export type WaitingChannel = (typeof WAITING_CHANNELS)[number];
/** At most this many rows per import (a quarter of 15-minute figures of one queue is 8,640). */
export const WAITING_IMPORT_MAX_ROWS = 20_000;
/** Stable codes of a bad row's problems (field error `code`); the web words them. */
export const WAITING_PROBLEMS = [
  'missing_column',
  'required',
  'not_a_date',
  'in_future',
  'not_an_interval',
  'not_a_channel',
  'too_long',
  'not_a_count',
  'more_than_offered',
  'more_than_answered',
  'not_a_target',
  'seconds_without_answers',
  'duplicate',
  'mixed_intervals',
  'too_many_rows',
  'empty',
  'unreadable',
] as const;
export type WaitingProblem = (typeof WAITING_PROBLEMS)[number];

const count = z.number().int().min(0).max(1_000_000);
/** One row of a JSON push; the CSV has the same columns. Checked row by row, so that every bad line is named. */
export const waitingRowSchema = z
  .object({
    date: day.meta({ description: 'Local date (Europe/Amsterdam), YYYY-MM-DD; not in the future.' }),
    interval_start: z
      .string()
      .nullable()
      .optional()
      .meta({ description: 'HH:MM on a quarter hour for 15-minute figures; empty or null for a whole day.' }),
    channel: z.enum(WAITING_CHANNELS),
    queue: z.string().meta({ description: 'The queue’s name in the source system, 1–80 characters.' }),
    offered: count.meta({ description: 'Calls or visitors that joined the queue.' }),
    answered: count.meta({ description: 'Of those, answered or helped (answered + abandoned ≤ offered).' }),
    abandoned: count.meta({ description: 'Of those, hung up or left before being helped.' }),
    answered_in_target: count.meta({ description: 'Answered within target_seconds (≤ answered).' }),
    target_seconds: z.number().int().min(1).max(3600).meta({ description: 'The service level’s target.' }),
    wait_seconds_total: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'Seconds waited by the answered, summed (mean wait = this / answered).' }),
    handled_seconds_total: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'Seconds of conversation or service of the answered, summed.' }),
  })
  .meta({ id: 'WaitingRow' });

export const waitingImportReportSchema = z
  .object({
    id: z.uuid(),
    rows: z.number().int(),
    firstDay: day,
    lastDay: day,
    /** Rows that replaced figures already held for the same queue and interval. */
    replaced: z.number().int(),
  })
  .meta({ id: 'WaitingImportReport' });
export type WaitingImportReport = z.infer<typeof waitingImportReportSchema>;

export const waitingImportSchema = z
  .object({
    id: z.uuid(),
    format: z.enum(['csv', 'json']),
    rows: z.number().int(),
    firstDay: day,
    lastDay: day,
    importedBy: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'WaitingImport' });
export type WaitingImport = z.infer<typeof waitingImportSchema>;

export const waitingFiguresQuerySchema = z.strictObject({
  from: day,
  to: day,
  by: z.enum(['day', 'queue']).default('day'),
});

/** Queue figures summed per day (or per queue) and channel, with the rates worked out. */
export const waitingFigureSchema = z
  .object({
    /** The day (by=day) or the queue's name (by=queue). */
    key: z.string(),
    channel: z.enum(WAITING_CHANNELS),
    offered: z.number().int(),
    answered: z.number().int(),
    abandoned: z.number().int(),
    answeredInTarget: z.number().int(),
    /** % of offered answered within target; null when nothing was offered. */
    answeredInTargetRate: z.number().nullable(),
    /** % of offered abandoned. */
    abandonedRate: z.number().nullable(),
    /** Mean wait of the answered, in seconds. */
    waitMeanSeconds: z.number().nullable(),
    /** Mean handling time of the answered, in seconds. */
    handledMeanSeconds: z.number().nullable(),
  })
  .meta({ id: 'WaitingFigure' });
export type WaitingFigure = z.infer<typeof waitingFigureSchema>;

// ---- cost to serve ----

export const UNIT_COST_MAX_CENTS = 100_000;

export const unitCostSchema = z
  .object({
    channel: z.enum(CHANNELS),
    /** Euro cents per contact or case; null when the organisation has set none. */
    cents: z.number().int().nullable(),
    /** 0 when never set; send it back to change the cost. */
    version: z.number().int(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'UnitCost' });
export type UnitCost = z.infer<typeof unitCostSchema>;

export const unitCostsUpdateSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        channel: z.enum(CHANNELS),
        cents: z.number().int().min(0).max(UNIT_COST_MAX_CENTS),
        version: z.number().int().min(0),
      }),
    )
    .min(1)
    .max(CHANNELS.length),
});

export const costToServeRowSchema = z
  .object({
    channel: z.enum(CHANNELS),
    contacts: z.number().int(),
    cases: z.number().int(),
    unitCents: z.number().int().nullable(),
    /** (contacts + cases) × unit cost; null without a unit cost. */
    costCents: z.number().int().nullable(),
    /** Survey answers about this channel, their mean grade and % grades of 7 or more. */
    responses: z.number().int(),
    gradeMean: z.number().nullable(),
    grade7Plus: z.number().nullable(),
  })
  .meta({ id: 'CostToServeRow' });
export type CostToServeRow = z.infer<typeof costToServeRowSchema>;

export const costToServeSchema = z
  .object({
    from: day,
    to: day,
    items: z.array(costToServeRowSchema),
    totalCents: z.number().int(),
    /** Euro cents per contact or case over the channels with a unit cost. */
    costPerContactCents: z.number().nullable(),
  })
  .meta({ id: 'CostToServe' });
export type CostToServe = z.infer<typeof costToServeSchema>;

// ---- mystery shopping and calling ----

/** The points every channel's checklist has. */
export const MYSTERY_STANDARD_POINTS = [
  'answered_in_target',
  'correct_answer',
  'courtesy',
  'followed_up',
] as const;
export const MYSTERY_ANSWERS = ['met', 'not_met', 'na'] as const;
export type MysteryAnswer = (typeof MYSTERY_ANSWERS)[number];

export const mysteryPointSchema = z
  .object({
    /** A standard point's code, or an added point's id. */
    key: z.string(),
    /** null: a standard point, on every channel's checklist. */
    channel: z.enum(CHANNELS).nullable(),
    /** The added point's words; null for a standard point (the web words those). */
    label: z.object({ nl: z.string(), en: z.string().optional() }).nullable(),
  })
  .meta({ id: 'MysteryPoint' });
export type MysteryPoint = z.infer<typeof mysteryPointSchema>;

export const mysteryPointCreateSchema = z.strictObject({
  channel: z.enum(CHANNELS),
  label: localTextSchema(200),
});

export const mysteryCheckCreateSchema = z.strictObject({
  date: day,
  channel: z.enum(CHANNELS),
  itemId: z.uuid().nullable().optional(),
  /** Every point of the channel's checklist: met, not met or not applicable. */
  answers: z.record(z.string().max(60), z.enum(MYSTERY_ANSWERS)),
  note: z.string().trim().max(2000).default(''),
});

export const mysteryCheckSchema = z
  .object({
    id: z.uuid(),
    date: day,
    channel: z.enum(CHANNELS),
    itemId: z.uuid().nullable(),
    itemName: z.string().nullable(),
    answers: z.record(z.string(), z.enum(MYSTERY_ANSWERS)),
    /** % of the applicable points met; null when none applied. */
    score: z.number().nullable(),
    note: z.string(),
    recordedBy: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'MysteryCheck' });
export type MysteryCheck = z.infer<typeof mysteryCheckSchema>;

/** Per channel: the test contacts' score next to what was measured over the same period. */
export const mysterySummaryRowSchema = z
  .object({
    channel: z.enum(CHANNELS),
    checks: z.number().int(),
    /** % of applicable points met over the period's checks. */
    score: z.number().nullable(),
    /** % of this channel's points "answered within target" met. */
    inTargetScore: z.number().nullable(),
    /** Measured: % first-contact resolution (contacts of the channel). */
    fcr: z.number().nullable(),
    contacts: z.number().int(),
    /** Measured: mean grade of the channel's survey answers. */
    gradeMean: z.number().nullable(),
    responses: z.number().int(),
    /** Measured by the queue systems: % of calls answered in target (phone); mean wait in minutes (desk). */
    phoneAnsweredInTarget: z.number().nullable(),
    deskWaitMean: z.number().nullable(),
  })
  .meta({ id: 'MysterySummaryRow' });
export type MysterySummaryRow = z.infer<typeof mysterySummaryRowSchema>;

export const mysteryResultsQuerySchema = z.strictObject({
  from: day,
  to: day,
  channel: z.enum(CHANNELS).optional(),
});
