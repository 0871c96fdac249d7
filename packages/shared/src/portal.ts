/**
 * The resident portal's contract (`/p/<slug>`): an item's public page, the "you may also need…" advice that desk
 * and web share, and the report form — whose answers are checked by ONE schema built from the item's intake
 * fields, in the browser and by the API (cases' `checkIntake` uses the same builder).
 */
import { z } from 'zod';
import { CATALOGUE_LIMITS, CHANNELS, durationSchema, type IntakeField, ITEM_KINDS } from './catalogue.ts';
import { phoneSchema } from './dutch.ts';
import { addressInputSchema, locationInputSchema } from './frontoffice.ts';
import { LOCALES } from './roles.ts';

export const PORTAL_LIMITS = {
  /** Files one report may carry, and the size of each (the case attachment limit). */
  filesMax: 5,
  fileMaxBytes: 10 * 1024 * 1024,
  /** The whole multipart request: the files and the report's JSON. */
  requestMaxBytes: 5 * 10 * 1024 * 1024 + 256 * 1024,
  descriptionMax: 4000,
  textMax: 500,
  longTextMax: 4000,
  relatedMax: 6,
} as const;

// ---- one schema for intake answers -----------------------------------------------------------------------

/** An empty answer (nothing typed, nothing chosen) is no answer. */
const isEmpty = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && !v.length);

function answerSchema(field: IntakeField, hasLocation: boolean): z.ZodType {
  const values = (field.options ?? []).map((o) => o.value);
  const oneOf = values.length ? z.enum(values as [string, ...string[]]) : z.never();
  let schema: z.ZodType;
  switch (field.type) {
    case 'text':
      schema = z.string().trim().max(PORTAL_LIMITS.textMax);
      break;
    case 'long_text':
      schema = z.string().trim().max(PORTAL_LIMITS.longTextMax);
      break;
    case 'number':
      schema = z.number().finite();
      break;
    case 'date':
      schema = z.iso.date();
      break;
    case 'choice':
      schema = oneOf;
      break;
    case 'multi_choice':
      schema = z
        .array(oneOf)
        .max(values.length * 2 || 1)
        .transform((v) => [...new Set(v)]);
      break;
    case 'yes_no':
      schema = z.boolean();
      break;
    case 'location':
      // A description of the place; the case's own location (address or point) answers it as well.
      schema = z.string().trim().max(PORTAL_LIMITS.textMax);
      break;
    case 'attachment':
      // Files travel beside the answers (a case attachment), never inside them.
      return z.undefined({ error: 'Attachments are uploaded separately' }).optional();
  }
  const required = field.required && !(field.type === 'location' && hasLocation);
  return z.preprocess((v) => (isEmpty(v) ? undefined : v), required ? schema : schema.optional());
}

/**
 * The answers to an item's intake form, as one zod schema: each field of its type, required fields answered,
 * empty answers left out, unknown keys refused. `hasLocation`: the case has a location, which answers a required
 * location field. Used by the web form (field errors in the browser) and by the API (cases' `checkIntake`).
 */
export function intakeAnswersSchema(fields: readonly IntakeField[], options: { hasLocation: boolean }) {
  return z.strictObject(
    Object.fromEntries(fields.map((f) => [f.key, answerSchema(f, options.hasLocation)])) as Record<
      string,
      z.ZodType
    >,
  );
}

// ---- the report form -------------------------------------------------------------------------------------

/** How the person wants to hear back: by email, by phone (we call when we must), or by letter. */
export const REACH_CHOICES = ['email', 'phone', 'post'] as const;
export type ReachChoice = (typeof REACH_CHOICES)[number];

export const portalContactSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    reach: z.enum(REACH_CHOICES),
    email: z.email().max(254).optional(),
    phone: phoneSchema.optional(),
    address: addressInputSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.reach === 'email' && !c.email)
      ctx.addIssue({ code: 'invalid_type', expected: 'string', input: undefined, path: ['email'] });
    if (c.reach === 'phone' && !c.phone)
      ctx.addIssue({ code: 'invalid_type', expected: 'string', input: undefined, path: ['phone'] });
    if (c.reach === 'post' && !c.address)
      ctx.addIssue({ code: 'invalid_type', expected: 'object', input: undefined, path: ['address'] });
  });
export type PortalContact = z.output<typeof portalContactSchema>;

/**
 * A report (or request, complaint…) sent from the portal, without its files: the answers, the place, who it is
 * from, and the form's anti-abuse fields. The API checks `answers` against the item's intake fields; the web
 * form uses {@link portalReportSchema} with the same fields.
 */
export const portalReportBodySchema = z.strictObject({
  itemCode: z.string().max(CATALOGUE_LIMITS.codeMax),
  description: z.string().trim().max(PORTAL_LIMITS.descriptionMax).optional(),
  answers: z.record(z.string().max(40), z.unknown()).default({}),
  location: locationInputSchema.optional(),
  contact: portalContactSchema,
  language: z.enum(LOCALES).optional(),
  /** Files uploaded first (`POST …/uploads`), each for an attachment field of the item. */
  uploads: z
    .array(z.strictObject({ field: z.string().max(40), id: z.string().min(16).max(100) }))
    .max(PORTAL_LIMITS.filesMax)
    .default([]),
  /** The signed moment the form was handed out (the time trap); from the item's page. */
  formToken: z.string().min(1).max(200),
  /** The honeypot: a field people do not see. Anything in it, and the report is refused. */
  website: z.string().max(500).optional(),
});
export type PortalReportBody = z.input<typeof portalReportBodySchema>;

/** The whole report as the browser checks it: the body with the item's own answers schema. */
export function portalReportSchema(fields: readonly IntakeField[], hasLocation: boolean) {
  return portalReportBodySchema.extend({ answers: intakeAnswersSchema(fields, { hasLocation }) });
}

// ---- what the API answers --------------------------------------------------------------------------------

const localText = z.object({ nl: z.string(), en: z.string().optional() });

export const relatedServiceSchema = z
  .object({
    code: z.string(),
    name: localText,
    summary: localText,
    kind: z.enum(ITEM_KINDS),
    /** `link`: the item names it; `next`: people who asked for this item asked for it next. */
    reason: z.enum(['link', 'next']),
  })
  .meta({ id: 'RelatedService' });
export type RelatedService = z.infer<typeof relatedServiceSchema>;

/** What the public page of an item offers: do it online here, or reach the organisation another way. */
export const PORTAL_ACTIONS = ['online', 'elsewhere'] as const;

export const portalItemSchema = z
  .object({
    organisation: z.object({ name: z.string(), slug: z.string() }),
    code: z.string(),
    kind: z.enum(ITEM_KINDS),
    name: localText,
    summary: localText,
    description: localText,
    conditions: localText.nullable(),
    whatToBring: localText.nullable(),
    costCents: z.number().int().nullable(),
    costNote: localText.nullable(),
    channels: z.array(z.enum(CHANNELS)),
    serviceNorm: durationSchema,
    legalTerm: durationSchema.nullable(),
    /** When a case of this item started now may be expected to be done (the norm clock; local date). */
    expectedDate: z.iso.date(),
    action: z.enum(PORTAL_ACTIONS).meta({
      description:
        '`online`: the item has the web channel and can be opened as a case (report, request, complaint, callback); otherwise reach the organisation through `channels`.',
    }),
    intakeFields: z.array(
      z.object({
        key: z.string(),
        label: localText,
        type: z.string(),
        required: z.boolean(),
        help: localText.nullable(),
        options: z.array(z.object({ value: z.string(), label: localText })),
        prefill: z.string().nullable(),
      }),
    ),
    articles: z.array(z.object({ code: z.string(), question: localText, answer: localText })),
    related: z.array(relatedServiceSchema),
    /** The time trap: send it back with the report (signed; the form may not come back too soon). */
    formToken: z.string(),
  })
  .meta({ id: 'PortalItem' });
export type PortalItem = z.infer<typeof portalItemSchema>;

export const portalHomeSchema = z
  .object({
    organisation: z.object({ name: z.string(), slug: z.string() }),
    /** The most asked public services of each kind (by cases of the last 90 days), most asked first. */
    popular: z.array(
      z.object({
        kind: z.enum(ITEM_KINDS),
        items: z.array(
          z.object({ code: z.string(), name: localText, summary: localText, kind: z.enum(ITEM_KINDS) }),
        ),
      }),
    ),
  })
  .meta({ id: 'PortalHome' });
export type PortalHome = z.infer<typeof portalHomeSchema>;

export const portalReportResultSchema = z
  .object({
    reference: z.string(),
    /** The norm clock's due date of the case (local date). */
    expectedDate: z.iso.date(),
    /** How the person will hear of it. */
    reach: z.enum(REACH_CHOICES),
    /** Whether a confirmation is on its way (email or letter); not when only a phone number was given. */
    confirmationSent: z.boolean(),
    attachments: z.number().int(),
    /** The private tracking page of the case, where there is one. */
    trackingUrl: z.string().optional(),
  })
  .meta({ id: 'PortalReportResult' });
export type PortalReportResult = z.infer<typeof portalReportResultSchema>;

export const portalUploadResultSchema = z
  .object({
    id: z
      .string()
      .meta({ description: 'Opaque upload id: name it in the report’s `uploads` (kept for a day).' }),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
  })
  .meta({ id: 'PortalUpload' });
export type PortalUploadResult = z.infer<typeof portalUploadResultSchema>;

export const relatedAdviceSchema = z
  .object({ code: z.string(), related: z.array(relatedServiceSchema) })
  .meta({ id: 'RelatedAdvice' });
export type RelatedAdvice = z.infer<typeof relatedAdviceSchema>;
