/**
 * Surveys (KTO, klanttevredenheidsonderzoek): what a survey asks, which survey applies when, and what staff read
 * of the answers. Shared by the API (validation) and the web (the admin page's forms).
 */
import { z } from 'zod';
import {
  CHANNELS,
  codeSchema,
  localTextSchema,
  PUBLICATION_STATES,
  versionedAbilitiesSchema,
} from './catalogue.ts';

export const SURVEY_LIMITS = {
  /** The longest free text a person may write. */
  commentMax: 2000,
  itemOverridesMax: 500,
} as const;

/**
 * A survey's wording in Dutch (and English). The questions are always the same four — the grade 1–10 (the Dutch
 * report-card grade), the effort 1–5 ("how easy was it"), solved yes/no, and free text — so answers of every
 * version can be compared; the organisation words them.
 */
export const surveyDefinitionSchema = z
  .strictObject({
    code: codeSchema,
    title: localTextSchema(120),
    intro: localTextSchema(600),
    grade: localTextSchema(200).meta({ description: 'The question for the grade 1–10.' }),
    effort: localTextSchema(200).meta({
      description: 'The question for the effort, 1 (very hard) – 5 (very easy).',
    }),
    solved: localTextSchema(200).meta({ description: 'The yes/no question whether the matter was solved.' }),
    comment: localTextSchema(200).meta({ description: 'The invitation to write something.' }),
  })
  .meta({ id: 'SurveyDefinition' });
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;

export const surveySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    state: z.enum(PUBLICATION_STATES),
    version: z.number().int().meta({ description: 'Send back on changes (optimistic locking).' }),
    published: z
      .object({
        number: z.number().int(),
        publishedAt: z.iso.datetime().nullable(),
        definition: surveyDefinitionSchema,
      })
      .nullable(),
    draft: z.object({ number: z.number().int(), definition: surveyDefinitionSchema }).nullable(),
    abilities: versionedAbilitiesSchema,
  })
  .meta({ id: 'Survey' });
export type Survey = z.infer<typeof surveySchema>;

const percent = z.number().int().min(0).max(100);

/**
 * Which survey applies, and when. After a closed case: the item's own survey, else its channel's, else the
 * default (an item may also say `none`). After a front-office contact: a sample of `contactSamplePercent` per
 * channel (decided by the contact's id, so the same contact always falls in or out).
 */
export const surveySettingsSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    defaultSurvey: codeSchema.nullable().default(null),
    items: z
      .array(
        z.strictObject({
          itemCode: codeSchema,
          survey: codeSchema
            .nullable()
            .meta({ description: 'This item’s survey; null: no survey after it.' }),
          reopenWhenNotSolved: z.boolean().default(false),
        }),
      )
      .max(SURVEY_LIMITS.itemOverridesMax)
      .default([]),
    channels: z
      .array(
        z.strictObject({
          channel: z.enum(CHANNELS),
          survey: codeSchema.nullable().default(null),
          contactSamplePercent: percent.default(0),
        }),
      )
      .max(CHANNELS.length)
      .default([]),
    /**
     * Hours after closing before the invitation goes: a day later the person has seen the result, and a case
     * reopened meanwhile is not asked about.
     */
    delayHours: z.number().int().min(0).max(168).default(0),
    cooldownDays: z.number().int().min(0).max(365).default(90),
    reminderAfterDays: z.number().int().min(1).max(60).nullable().default(5),
    expiresAfterDays: z.number().int().min(1).max(120).default(21),
    /** A grade at or below this asks the team to follow the case up. */
    lowGradeMax: z.number().int().min(1).max(9).default(5),
    /** A grade at or above this with a text is a compliment for the team. */
    complimentMinGrade: z.number().int().min(2).max(10).default(8),
  })
  .meta({ id: 'SurveySettings' });
export type SurveySettings = z.infer<typeof surveySettingsSchema>;

export const surveySettingsBodySchema = z.strictObject({
  settings: surveySettingsSchema,
  version: z.number().int().min(1),
});

export const surveySettingsReplySchema = z
  .object({ settings: surveySettingsSchema, version: z.number().int() })
  .meta({ id: 'SurveySettingsReply' });

/** One answer as staff read it: no name, no address — the case's reference at most. */
export const surveyResponseSchema = z
  .object({
    id: z.uuid(),
    answeredAt: z.iso.datetime(),
    source: z.enum(['case', 'contact']),
    caseId: z.uuid().nullable(),
    reference: z.string().nullable(),
    grade: z.number().int(),
    effort: z.number().int().nullable(),
    solved: z.boolean().nullable(),
    comment: z.string(),
    channel: z.string(),
    itemCode: z.string().nullable(),
    team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    area: z.string().nullable(),
    resolutionSeconds: z.number().int().nullable(),
    followUp: z.boolean(),
    compliment: z.boolean(),
  })
  .meta({ id: 'SurveyResponse' });
export type SurveyResponse = z.infer<typeof surveyResponseSchema>;

export const surveyResponseQuerySchema = z.strictObject({
  itemCode: z.string().max(60).optional(),
  teamId: z.uuid().optional(),
  channel: z.enum(CHANNELS).optional(),
  from: z.iso.date().optional().meta({ description: 'Answered on or after this day (UTC).' }),
  to: z.iso.date().optional().meta({ description: 'Answered on or before this day (UTC).' }),
  compliments: z.enum(['true', 'false']).optional().meta({ description: '`true`: only compliments.' }),
  followUp: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: '`true`: only answers that asked for follow-up.' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type SurveyResponseQuery = z.infer<typeof surveyResponseQuerySchema>;

export const surveyResponseListSchema = z
  .object({
    items: z.array(surveyResponseSchema),
    total: z.number().int(),
    averageGrade: z.number().nullable(),
  })
  .meta({ id: 'SurveyResponseList' });
