/**
 * The back office's contract: one case with its whole timeline, the queues, and every action on a case
 * (transitions, assignment, notes and messages, the norm clock, complaints under the Awb, links). Shared by the
 * API (validation) and the web app (queues and the case page).
 */
import { z } from 'zod';
import { CHANNELS, durationSchema, ITEM_KINDS, localTextSchema } from './catalogue.ts';
import { PERSON_CHANNELS, PERSON_REACH } from './delivery.ts';
import { addressSchema, CASE_PRIORITIES, caseSummarySchema, locationInputSchema } from './frontoffice.ts';
import { LOCALES } from './roles.ts';

export const CASE_LIMITS = {
  textMax: 4000,
  messageMax: 8000,
  bulkMax: 200,
  attachmentMaxBytes: 10 * 1024 * 1024,
  attachmentsPerCase: 50,
  pageMax: 200,
} as const;
const L = CASE_LIMITS;

/** Content types an attachment may have, decided from its bytes (never from the name or the header). */
export const ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'application/pdf',
] as const;

const text = (max: number) => z.string().trim().max(max);
const version = z.number().int().min(1).meta({ description: 'The case’s version (optimistic locking).' });

export const TIMELINE_KINDS = [
  'status',
  'note',
  'message_out',
  'message_in',
  'assigned',
  'suspended',
  'resumed',
  'extended',
  'breached',
  'internal_breached',
  'warned',
  'linked',
  'reopen_requested',
  'reopen_refused',
  'reopened',
  'attachment',
  'complaint',
  'survey',
  'audit',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const COMPLAINT_OUTCOMES = ['founded', 'partly_founded', 'unfounded', 'withdrawn'] as const;

const ref = z.object({ id: z.uuid(), reference: z.string() });

const ability = (description: string) => z.boolean().meta({ description });

/**
 * What the caller may do to the case now, by their roles and the case's state: computed by the same policy
 * function that checks each action (`caseRefusal` in the API), so the web offers exactly what the API accepts.
 */
export const caseAbilitiesSchema = z
  .object({
    transition: z
      .array(z.string())
      .meta({ description: 'The statuses the caller may move the case to now (POST …/transitions).' }),
    message: ability('Write to the person (POST …/messages, direction out).'),
    reply: ability('Register what the person wrote (POST …/messages, direction in).'),
    note: ability('Add an internal note.'),
    attachment: ability('Add an attachment.'),
    suspend: ability('Stop the clock.'),
    resume: ability('Start the clock again.'),
    extend: ability('Extend the norm (once).'),
    assign: ability('Assign the case to someone (POST /api/cases/assign).'),
    claim: ability('Become its assignee.'),
    child: ability('Create a child task.'),
    merge: ability('Merge it as a duplicate into a main case.'),
    reopen: ability('Reopen it.'),
    refuseReopen: ability(
      'Refuse the person’s request to reopen, with the reason they are told (POST …/reopen-refusal).',
    ),
    complaint: z
      .array(z.enum(['acknowledge', 'hearing', 'advisory_committee', 'extend', 'decide']))
      .meta({ description: 'The complaint steps the caller may take now (POST …/complaint).' }),
  })
  .meta({ id: 'CaseAbilities' });
export type CaseAbilities = z.infer<typeof caseAbilitiesSchema>;

export const caseSchema = caseSummarySchema
  .extend({
    description: z.string(),
    answers: z.record(z.string(), z.unknown()),
    location: z
      .object({
        address: addressSchema.nullable(),
        lat: z.number().nullable(),
        lon: z.number().nullable(),
        description: z.string().nullable(),
      })
      .nullable(),
    item: z.object({ code: z.string(), version: z.number().int() }),
    channel: z.string(),
    language: z.enum(LOCALES),
    contactEmail: z.string().nullable(),
    contactId: z.uuid().nullable(),
    /** The workflow of the item version, with the statuses reachable from here. */
    workflow: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        public: z.boolean(),
        final: z.boolean(),
        stopsClock: z.boolean(),
        reachable: z.boolean(),
      }),
    ),
    clock: z.object({
      dueAt: z.iso.datetime(),
      internalDueAt: z.iso.datetime().nullable(),
      legalDueAt: z.iso.datetime().nullable(),
      suspended: z.object({ since: z.iso.datetime(), reason: z.string() }).nullable(),
      suspensions: z.array(z.object({ from: z.iso.datetime(), to: z.iso.datetime(), reason: z.string() })),
      extension: z
        .object({ amount: z.number(), unit: z.string(), reason: z.string(), at: z.iso.datetime() })
        .nullable(),
      warnedAt: z.iso.datetime().nullable(),
      internalBreachedAt: z.iso.datetime().nullable(),
      breachedAt: z.iso.datetime().nullable(),
      breach: z.object({ reason: z.string(), label: z.string(), note: z.string() }).nullable(),
    }),
    complaint: z
      .object({
        acknowledgeDueAt: z.iso.datetime().nullable(),
        acknowledgedAt: z.iso.datetime().nullable(),
        decisionDueAt: z.iso.datetime().nullable(),
        hearing: z.object({ held: z.boolean(), at: z.iso.date().nullable(), note: z.string() }).nullable(),
        advisoryCommittee: z.boolean(),
        extension: z.object({ weeks: z.number().int(), reason: z.string(), at: z.iso.datetime() }).nullable(),
        decision: z
          .object({ outcome: z.enum(COMPLAINT_OUTCOMES), text: z.string(), at: z.iso.datetime() })
          .nullable(),
      })
      .nullable(),
    links: z.object({
      parent: ref.nullable(),
      children: z.array(caseSummarySchema),
      main: ref.nullable(),
      duplicates: z.array(ref),
      about: ref.nullable(),
      complaints: z.array(ref),
    }),
    attachments: z.array(
      z.object({
        id: z.uuid(),
        fileName: z.string(),
        contentType: z.string(),
        size: z.number().int(),
        at: z.iso.datetime(),
        by: z.string(),
      }),
    ),
    history: z.array(
      z.object({ status: z.string(), label: z.string(), at: z.iso.datetime(), by: z.string() }),
    ),
    timeline: z.array(
      z.object({
        kind: z.enum(TIMELINE_KINDS),
        at: z.iso.datetime(),
        by: z.string(),
        visibility: z.enum(['internal', 'public']),
        title: z.string(),
        body: z.string(),
        data: z.record(z.string(), z.unknown()),
      }),
    ),
    reopenRequestedAt: z.iso.datetime().nullable(),
    version: z.number().int(),
    abilities: caseAbilitiesSchema,
    reach: z.enum(PERSON_REACH).meta({
      description:
        'How a message to the case’s own person goes out now: email, a printed letter (no email address, or the person asked for letters), or none (no address at all, or a child task: the person follows the main case).',
    }),
  })
  .meta({ id: 'Case' });
export type Case = z.infer<typeof caseSchema>;

// ---- intake over the API -----------------------------------------------------------------------------------

export const caseCreateSchema = z.strictObject({
  itemCode: z.string().max(40),
  description: text(L.textMax).min(1),
  answers: z.record(z.string().max(40), z.unknown()).default({}),
  location: locationInputSchema.optional(),
  priority: z.enum(CASE_PRIORITIES).default('normal'),
  customerId: z.uuid().optional(),
  contactEmail: z
    .email()
    .max(254)
    .optional()
    .meta({ description: 'Where a person without a customer record hears of progress.' }),
  language: z.enum(LOCALES).optional(),
  channel: z.enum(CHANNELS).default('web'),
  aboutCaseId: z.uuid().optional().meta({ description: 'A complaint about this case.' }),
});

// ---- queues ------------------------------------------------------------------------------------------------

export const caseListQuerySchema = z.strictObject({
  teamId: z.uuid().optional(),
  assignee: z
    .union([z.literal('me'), z.literal('none'), z.uuid()])
    .optional()
    .meta({ description: '`me` for my work, `none` for unassigned, or a user id.' }),
  status: z.string().max(40).optional(),
  area: z.string().max(100).optional().meta({ description: 'Cases in this district.' }),
  areaUnknown: z.enum(['true', 'false']).optional().meta({
    description: '`true`: only cases whose district is unknown (no location with a postcode in a district).',
  }),
  followUp: z.enum(['true', 'false']).optional().meta({
    description: '`true`: only cases a survey answer flagged for follow-up (a low grade or "not solved").',
  }),
  priority: z.enum(CASE_PRIORITIES).optional(),
  kind: z.enum(ITEM_KINDS).optional(),
  due: z.enum(['overdue', 'today', 'week', 'internal_overdue']).optional(),
  state: z.enum(['open', 'closed', 'all']).default('open'),
  reference: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(L.pageMax).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

export const caseListSchema = z
  .object({ items: z.array(caseSummarySchema), total: z.number().int() })
  .meta({ id: 'CaseList' });

// ---- actions -------------------------------------------------------------------------------------------------

export const transitionSchema = z.strictObject({
  to: z.string().max(40),
  message: text(L.messageMax)
    .optional()
    .meta({ description: 'Personal text for the person instead of the status’s standard text.' }),
  notify: z.boolean().default(true).meta({ description: 'Tell the person (public statuses only).' }),
  breachReason: z.string().max(40).optional().meta({ description: 'Required when closing late.' }),
  breachNote: text(L.textMax).optional(),
  version,
});

export const assignSchema = z.strictObject({
  cases: z
    .array(z.strictObject({ id: z.uuid(), version }))
    .min(1)
    .max(L.bulkMax),
  assigneeId: z.uuid().nullable().meta({ description: 'null to unassign.' }),
  teamId: z.uuid().optional().meta({ description: 'Move to another team as well.' }),
});

export const claimSchema = z.strictObject({ version });

export const noteCreateSchema = z.strictObject({ body: text(L.textMax).min(1) });

export const messageCreateSchema = z.strictObject({
  direction: z.enum(['out', 'in']).meta({
    description: '`out`: to the person (sent by email); `in`: what the person told us (registered).',
  }),
  subject: text(200).optional(),
  body: text(L.messageMax).min(1),
  templateKey: z.string().max(60).optional(),
});

export const suspendSchema = z.strictObject({
  reason: text(500).min(1),
  message: text(L.messageMax).optional().meta({ description: 'What we ask the person (sent).' }),
  version,
});

export const resumeSchema = z.strictObject({ version });

export const extendSchema = z.strictObject({
  extension: durationSchema,
  reason: text(1000).min(1),
  version,
});

export const complaintActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('acknowledge'), message: text(L.messageMax).optional(), version }),
  z.strictObject({
    action: z.literal('hearing'),
    held: z.boolean().meta({ description: 'false: the person waived the hearing (Awb 9:10).' }),
    date: z.iso.date().optional(),
    note: text(L.textMax).default(''),
    version,
  }),
  z.strictObject({ action: z.literal('advisory_committee'), version }),
  z.strictObject({
    action: z.literal('extend'),
    weeks: z.number().int().min(1).max(4),
    reason: text(1000).min(1),
    version,
  }),
  z.strictObject({
    action: z.literal('decide'),
    outcome: z.enum(COMPLAINT_OUTCOMES),
    text: text(L.messageMax).min(1),
    version,
  }),
]);
export type ComplaintAction = z.infer<typeof complaintActionSchema>;

export const childCreateSchema = z.strictObject({
  teamId: z.uuid(),
  description: text(L.textMax).min(1),
  version,
});

export const mergeSchema = z.strictObject({
  mainCaseId: z.uuid(),
  version,
});

export const reopenSchema = z.strictObject({ reason: text(1000).min(1), version });
/** Refusing a person's request to reopen: the reason is sent to the person and shown on their case page. */
export const reopenRefusalSchema = z.strictObject({ reason: text(1000).min(1), version });

export const previewSchema = z
  .strictObject({
    kind: z.enum(['transition', 'message', 'suspend', 'extend', 'acknowledge', 'complaint_extend', 'decide']),
    to: z.string().max(40).optional(),
    body: text(L.messageMax).optional(),
    templateKey: z.string().max(60).optional(),
    subject: text(200).optional().meta({ description: "kind 'message': the worker's own subject." }),
    extension: durationSchema
      .optional()
      .meta({ description: "kind 'extend': the extension asked for; the message shows the date it gives." }),
    weeks: z.number().int().min(1).max(4).optional().meta({
      description: "kind 'complaint_extend': the postponement; the message shows the new decision date.",
    }),
  })
  .superRefine((p, ctx) => {
    // The message names the new date: without the extension there is no date to show.
    if (p.kind === 'extend' && !p.extension)
      ctx.addIssue({ code: 'custom', path: ['extension'], message: 'Required to preview an extension' });
    if (p.kind === 'complaint_extend' && p.weeks === undefined)
      ctx.addIssue({ code: 'custom', path: ['weeks'], message: 'Required to preview a postponement' });
  });

export type PreviewRequest = z.input<typeof previewSchema>;

export const PREVIEW_NOTES = ['child_task', 'no_address', 'internal_status'] as const;
export type PreviewNote = (typeof PREVIEW_NOTES)[number];

export const previewResultSchema = z
  .object({
    recipients: z.array(
      z.object({
        address: z.string().meta({ description: 'The email address, or the postal address on one line.' }),
        name: z.string().nullable(),
        channel: z.enum(PERSON_CHANNELS),
      }),
    ),
    channel: z.enum(PERSON_CHANNELS).nullable().meta({
      description:
        'email, or post: a printed letter for the post queue (no email address known); null when nobody is told.',
    }),
    language: z.enum(LOCALES),
    subject: z.string(),
    body: z.string(),
    note: z.enum(PREVIEW_NOTES).nullable().meta({
      description:
        'Why nobody would be told, if so: a child task (the person follows the main case), no email and no postal address known, an internal status.',
    }),
  })
  .meta({ id: 'NotificationPreview' });
export type NotificationPreview = z.infer<typeof previewResultSchema>;

// ---- templates and settings --------------------------------------------------------------------------------

/** The `{{placeholders}}` a message template may use: the API fills them per case and refuses others. */
export const TEMPLATE_PLACEHOLDERS = [
  'name',
  'reference',
  'subject',
  'status',
  'statusText',
  'dueDate',
  'message',
  'reason',
  'organisation',
  'receivedDate',
  'decisionDate',
  'ombudsman',
  'mainReference',
  'kind',
  /** The case's private tracking page (issue 13): every message to the person carries it. */
  'trackingLink',
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

export const messageTemplateSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    subject: z.object({ nl: z.string(), en: z.string() }),
    body: z.object({ nl: z.string(), en: z.string() }),
    builtIn: z.boolean().meta({ description: 'A standard text; saving it makes an own version.' }),
    version: z.number().int().nullable(),
  })
  .meta({ id: 'MessageTemplate' });
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;

export const messageTemplateInputSchema = z.strictObject({
  name: text(120).min(1),
  subject: z.strictObject({ nl: text(200).min(1), en: text(200).min(1) }),
  body: z.strictObject({ nl: text(L.messageMax).min(1), en: text(L.messageMax).min(1) }),
  version: z
    .number()
    .int()
    .min(1)
    // A PostgreSQL integer: it is compared in SQL, where a larger number is an error, not a conflict.
    .max(2_147_483_647)
    .optional()
    .meta({ description: 'Required when changing an own template.' }),
});

export const templateKeyParamsSchema = z.strictObject({
  key: z
    .string()
    .min(2)
    .max(60)
    .regex(/^[a-z][a-z0-9_]*$/),
});

export const caseSettingsSchema = z
  .strictObject({
    breachReasons: z
      .array(
        z.strictObject({ code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/), label: localTextSchema(120) }),
      )
      .min(1)
      .max(50)
      .default([
        { code: 'capacity', label: { nl: 'Te weinig capaciteit', en: 'Not enough capacity' } },
        { code: 'complex', label: { nl: 'Complexer dan verwacht', en: 'More complex than expected' } },
        {
          code: 'third_party',
          label: { nl: 'Wachten op een andere partij', en: 'Waiting for a third party' },
        },
        { code: 'handover', label: { nl: 'Te laat doorgezet', en: 'Handed over too late' } },
        { code: 'other', label: { nl: 'Anders', en: 'Other' } },
      ]),
    /** The team is warned this long before the internal target. */
    warnBefore: durationSchema.default({ amount: 4, unit: 'working_hours' }),
    /** Awb 9:6: acknowledgement of receipt of a complaint. */
    complaintAcknowledgeWithin: durationSchema.default({ amount: 5, unit: 'working_days' }),
    /** Awb 9:11: decision within 6 weeks, 10 with an advisory committee (9:14). */
    complaintDecisionWeeks: z.number().int().min(1).max(6).default(6),
    complaintCommitteeWeeks: z.number().int().min(1).max(10).default(10),
    /** Shown in the closing message of a complaint (Awb 9:12). */
    ombudsman: localTextSchema(2000).default({
      nl: 'Bent u het niet eens met deze afhandeling? Dan kunt u zich wenden tot de Nationale ombudsman: www.nationaleombudsman.nl, telefoon 0800 335 55 55 (gratis), Postbus 93122, 2509 AC Den Haag.',
      en: 'If you disagree with how your complaint was handled, you may turn to the National Ombudsman: www.nationaleombudsman.nl, phone 0800 335 55 55 (free), PO Box 93122, 2509 AC The Hague.',
    }),
    /** Printed at the top of every letter to a person without an email address. */
    letterhead: z
      .strictObject({
        address: z.array(text(100).min(1)).max(4).default([]).meta({
          description:
            'The organisation’s postal (return) address, line by line, e.g. ["Postbus 100", "1234 AB  Voorbeeldstad"].',
        }),
        contact: z.array(text(100).min(1)).max(3).default([]).meta({
          description: 'Contact lines under the address, e.g. ["Telefoon 14 020", "www.voorbeeldstad.nl"].',
        }),
      })
      .default({ address: [], contact: [] })
      .meta({ description: 'The letterhead of printed letters: the organisation’s name with these lines.' }),
  })
  .meta({ id: 'CaseSettings' });
export type CaseSettings = z.infer<typeof caseSettingsSchema>;

export const attachmentParamsSchema = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });
