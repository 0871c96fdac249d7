/**
 * The front office's contract: customers, contacts, callback requests and the hand-over to a case. Shared by the
 * API (validation) and the web app (the agent workspace).
 */
import { z } from 'zod';
import { CHANNELS, durationSchema, ITEM_KINDS } from './catalogue.ts';
import { bsnSchema, kvkSchema, phoneSchema, postcodeSchema } from './dutch.ts';
import { LOCALES } from './roles.ts';

export const CUSTOMER_KINDS = ['resident', 'business', 'employee'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

export const CONTACT_DIRECTIONS = ['in', 'out'] as const;

/** How a contact ended (glossary: first-contact resolution is `answered`). */
export const CONTACT_OUTCOMES = ['answered', 'case', 'callback', 'referred', 'not_helped'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const CALLBACK_RESULTS = ['reached', 'not_reached', 'message_left'] as const;
export type CallbackResult = (typeof CALLBACK_RESULTS)[number];

export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

export const FRONT_OFFICE_LIMITS = {
  textMax: 4000,
  lookupMin: 2,
  lookupMax: 100,
  segmentsMax: 20,
  articlesMax: 20,
  idempotencyKeyMax: 200,
} as const;
const L = FRONT_OFFICE_LIMITS;

const text = (max = 200) => z.string().trim().max(max);

// ---- customers ---------------------------------------------------------------------------------------------

export const addressInputSchema = z.strictObject({
  street: text(200).min(1),
  houseNumber: z.number().int().min(1).max(99999),
  houseLetter: z
    .string()
    .regex(/^[A-Za-z]$/)
    .transform((v) => v.toUpperCase())
    .optional(),
  addition: text(8).optional(),
  postcode: postcodeSchema,
  city: text(100).min(1),
});

export const addressSchema = z
  .object({
    street: z.string(),
    houseNumber: z.number().int(),
    houseLetter: z.string().nullable(),
    addition: z.string().nullable(),
    postcode: z.string(),
    city: z.string(),
  })
  .meta({ id: 'Address' });
export type Address = z.infer<typeof addressSchema>;

const customerFields = {
  kind: z.enum(CUSTOMER_KINDS),
  /** Full name, or a business's trade name. */
  name: text(200).min(1),
  bsn: bsnSchema.optional().meta({ description: 'Residents; checked with the 11-test, encrypted at rest.' }),
  kvkNumber: kvkSchema.optional(),
  employeeNumber: text(40).min(1).optional(),
  department: text(120).optional(),
  dateOfBirth: z.iso.date().optional(),
  email: z.email().max(254).optional(),
  phone: phoneSchema.optional(),
  address: addressInputSchema.optional(),
  preferredChannel: z.enum(CHANNELS).optional(),
  preferredLanguage: z.enum(LOCALES).optional(),
  segments: z.array(text(60).min(1)).max(L.segmentsMax).optional(),
  confidential: z
    .boolean()
    .optional()
    .meta({ description: 'Shielded person: only name and contact history are shown to the front office.' }),
};

export const customerCreateSchema = z.strictObject(customerFields);
export type CustomerCreate = z.input<typeof customerCreateSchema>;

/** A change: send only what changes, `null` to clear, and the version you read. */
export const customerUpdateSchema = z.strictObject({
  name: customerFields.name.optional(),
  bsn: bsnSchema.nullable().optional(),
  kvkNumber: kvkSchema.nullable().optional(),
  employeeNumber: text(40).min(1).nullable().optional(),
  department: text(120).nullable().optional(),
  dateOfBirth: z.iso.date().nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  emailVerified: z.boolean().optional(),
  phone: phoneSchema.nullable().optional(),
  phoneVerified: z.boolean().optional(),
  address: addressInputSchema.nullable().optional(),
  preferredChannel: z.enum(CHANNELS).nullable().optional(),
  preferredLanguage: z.enum(LOCALES).nullable().optional(),
  segments: customerFields.segments,
  confidential: z.boolean().optional(),
  version: z.number().int().min(1),
});

export const consentSchema = z
  .object({
    id: z.uuid(),
    purpose: z.string(),
    granted: z.boolean(),
    channel: z.enum(CHANNELS).nullable(),
    recordedAt: z.iso.datetime(),
    recordedBy: z.string(),
  })
  .meta({ id: 'Consent' });

export const consentCreateSchema = z.strictObject({
  purpose: text(120).min(1).meta({ description: 'e.g. "klanttevredenheidsonderzoek", "sms-berichten".' }),
  granted: z.boolean(),
  channel: z.enum(CHANNELS).optional(),
});

export const customerSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(CUSTOMER_KINDS),
    name: z.string(),
    bsnMasked: z
      .string()
      .nullable()
      .meta({ description: 'Only the last three digits; the BSN never leaves.' }),
    kvkNumber: z.string().nullable(),
    employeeNumber: z.string().nullable(),
    department: z.string().nullable(),
    dateOfBirth: z.iso.date().nullable(),
    email: z.string().nullable(),
    emailVerified: z.boolean(),
    phone: z.string().nullable(),
    phoneVerified: z.boolean(),
    address: addressSchema.nullable(),
    area: z.string().nullable().meta({ description: 'District, derived from the postcode.' }),
    preferredChannel: z.enum(CHANNELS).nullable(),
    preferredLanguage: z.enum(LOCALES).nullable(),
    segments: z.array(z.string()),
    confidential: z.boolean(),
    mergedInto: z.uuid().nullable(),
    consents: z.array(consentSchema),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof customerSchema>;

export const customerMatchSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(CUSTOMER_KINDS),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    addressLine: z.string().nullable(),
    bsnMasked: z.string().nullable(),
    confidential: z.boolean(),
    matchedOn: z.enum(['name', 'email', 'phone', 'postcode', 'bsn', 'kvk', 'employee_number']),
  })
  .meta({ id: 'CustomerMatch' });
export type CustomerMatch = z.infer<typeof customerMatchSchema>;

export const customerLookupQuerySchema = z.strictObject({
  q: z.string().trim().min(L.lookupMin).max(L.lookupMax).meta({
    description: 'Name, email, phone (any notation), postcode + house number, BSN, KvK or employee number.',
  }),
  kind: z.enum(CUSTOMER_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const mergeBodySchema = z.strictObject({
  duplicateId: z.uuid().meta({ description: 'The record that is merged into this one and then retired.' }),
  version: z.number().int().min(1),
});

export const duplicateSchema = z
  .object({ customer: customerMatchSchema, reasons: z.array(z.string()) })
  .meta({ id: 'DuplicateCandidate' });

// ---- contacts ----------------------------------------------------------------------------------------------

export const contactCreateSchema = z
  .strictObject({
    channel: z.enum(CHANNELS),
    direction: z.enum(CONTACT_DIRECTIONS).default('in'),
    customerId: z.uuid().nullable().default(null),
    startedAt: z.iso.datetime({ offset: true }).optional().meta({ description: 'Defaults to now.' }),
    waitSeconds: z
      .number()
      .int()
      .min(0)
      .max(24 * 3600)
      .optional(),
    language: z.enum(LOCALES).optional(),
    itemCode: z.string().max(40).nullable().optional(),
    topic: text(200).optional(),
    question: text(L.textMax).optional(),
    answer: text(L.textMax).optional(),
    articleIds: z.array(z.uuid()).max(L.articlesMax).optional(),
    /** For channels that feed in whole contacts (email gateway, telephony, chat): close it at once. */
    endedAt: z.iso.datetime({ offset: true }).optional(),
    outcome: z.enum(CONTACT_OUTCOMES).optional(),
    referredTo: text(200).optional(),
  })
  .meta({ id: 'ContactCreate' });

export const contactUpdateSchema = z
  .strictObject({
    customerId: z.uuid().nullable().optional(),
    itemCode: z.string().max(40).nullable().optional(),
    topic: text(200).nullable().optional(),
    question: text(L.textMax).optional(),
    answer: text(L.textMax).optional(),
    articleIds: z.array(z.uuid()).max(L.articlesMax).optional(),
    language: z.enum(LOCALES).optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'ContactUpdate' });

export const contactCloseSchema = z
  .strictObject({
    outcome: z
      .enum(CONTACT_OUTCOMES)
      .optional()
      .meta({ description: 'Defaults to `case` or `callback` when one was created, else required.' }),
    referredTo: text(200).optional(),
    answer: text(L.textMax).optional(),
    articleIds: z.array(z.uuid()).max(L.articlesMax).optional(),
    // ---- monitoring (issue 14, rollups): avoidable contact ----
    statusInquiry: z.boolean().optional().meta({
      description: 'The person only asked where an open case stands (avoidable contact). Defaults to false.',
    }),
    version: z.number().int().min(1),
  })
  .meta({ id: 'ContactClose' });

export const contactSchema = z
  .object({
    id: z.uuid(),
    channel: z.enum(CHANNELS),
    direction: z.enum(CONTACT_DIRECTIONS),
    startedAt: z.iso.datetime(),
    endedAt: z.iso.datetime().nullable(),
    handlingSeconds: z.number().int().nullable(),
    waitSeconds: z.number().int().nullable(),
    customer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    item: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
    topic: z.string().nullable(),
    question: z.string(),
    answer: z.string(),
    articles: z.array(z.object({ id: z.uuid(), code: z.string(), title: z.string() })),
    outcome: z.enum(CONTACT_OUTCOMES).nullable(),
    referredTo: z.string().nullable(),
    closedAutomatically: z.boolean(),
    isRepeat: z.boolean().meta({ description: 'Same customer, same subject within the repeat window.' }),
    statusInquiry: z.boolean().meta({
      description: 'The person only asked where an open case stands (avoidable contact, monitoring).',
    }),
    repeatOf: z.uuid().nullable(),
    agent: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    language: z.enum(LOCALES),
    cases: z.array(z.object({ id: z.uuid(), reference: z.string() })),
    callbacks: z.array(z.object({ id: z.uuid(), dueAt: z.iso.datetime() })),
    version: z.number().int(),
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof contactSchema>;

export const contactListQuerySchema = z.strictObject({
  customerId: z.uuid().optional(),
  mine: z.enum(['true', 'false']).optional(),
  open: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** What the "Eerste keer goed" page splits its figures by (dimensions of the monitoring API that hold contacts). */
export const STAT_DIMENSIONS = ['channel', 'team', 'agent', 'item'] as const;

// ---- hand-over: cases and callbacks -------------------------------------------------------------------------

export const locationInputSchema = z
  .strictObject({
    address: addressInputSchema.optional(),
    lat: z.number().min(50.5).max(53.7).optional(),
    lon: z.number().min(3.2).max(7.3).optional(),
    description: text(500).optional(),
  })
  .refine((l) => l.address || (l.lat !== undefined && l.lon !== undefined) || l.description, {
    message: 'An address, coordinates or a description',
  });

export const caseCreateFromContactSchema = z.strictObject({
  itemCode: z.string().max(40),
  description: text(L.textMax).min(1),
  answers: z
    .record(z.string().max(40), z.unknown())
    .default({})
    .meta({ description: 'Intake answers by field key, checked against the item’s intake fields.' }),
  location: locationInputSchema.optional(),
  priority: z.enum(CASE_PRIORITIES).default('normal'),
  version: z.number().int().min(1).meta({ description: 'The contact’s version.' }),
});

export const caseSummarySchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    kind: z.enum(ITEM_KINDS),
    subject: z.string(),
    status: z.object({ key: z.string(), label: z.string(), public: z.boolean(), final: z.boolean() }),
    team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    customer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    area: z.string().nullable().meta({
      description:
        'District of the reported location (its postcode, also one written in its description); null means unknown: no location was reported, or it names no postcode in a district. The reporter’s home address never decides.',
    }),
    priority: z.enum(CASE_PRIORITIES),
    createdAt: z.iso.datetime(),
    dueAt: z.iso.datetime().meta({ description: 'Due under the public service norm.' }),
    dueDate: z.iso.date().meta({ description: 'The same, as a local date (Europe/Amsterdam).' }),
    internalDueAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
    suspended: z.boolean().meta({ description: 'The clock stands still (waiting for the person).' }),
    breached: z.boolean().meta({ description: 'The public norm has passed (or passed before closing).' }),
    reopenRequested: z.boolean(),
    followUp: z.boolean().meta({
      description: 'A survey answer asked the team to follow the case up (a low grade or "not solved").',
    }),
    parentId: z.uuid().nullable(),
    abilities: z
      .object({
        claim: z.boolean().meta({ description: 'The caller may become its assignee now.' }),
        assign: z.boolean().meta({ description: 'The caller may assign it to someone now.' }),
      })
      .meta({
        description:
          'What the caller may do to the case from a list, by the same rules as its actions (the whole case has all its abilities).',
      }),
  })
  .meta({ id: 'CaseSummary' });
export type CaseSummary = z.infer<typeof caseSummarySchema>;

const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time HH:MM');

/** When the person wants to be called ("tomorrow between 13:00 and 15:00"), in the organisation's local time. */
export const callbackSlotSchema = z
  .strictObject({
    date: z.iso.date(),
    from: timeOfDaySchema,
    to: timeOfDaySchema,
  })
  .meta({
    id: 'CallbackSlot',
    description:
      'A local date and times (Europe/Amsterdam). The request is due at the end of the slot, whatever the callback norm says; the slot must end in the future, within 60 days, and overlap the opening hours.',
  });
export type CallbackSlot = z.infer<typeof callbackSlotSchema>;

export const callbackCreateSchema = z.strictObject({
  phone: phoneSchema,
  slot: callbackSlotSchema.optional(),
  itemCode: z.string().max(40).optional(),
  teamId: z.uuid().optional().meta({ description: 'Defaults to the item’s team.' }),
  note: text(L.textMax).min(1),
  version: z.number().int().min(1).meta({ description: 'The contact’s version.' }),
});

export const callbackAttemptCreateSchema = z.strictObject({
  result: z.enum(CALLBACK_RESULTS),
  note: text(1000).optional(),
});

export const callbackSchema = z
  .object({
    id: z.uuid(),
    state: z.enum(['open', 'done']),
    phone: z.string(),
    note: z.string(),
    customer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    team: z.object({ id: z.uuid(), name: z.string() }),
    item: z.object({ code: z.string(), name: z.string() }).nullable(),
    contactId: z.uuid(),
    createdAt: z.iso.datetime(),
    dueAt: z.iso
      .datetime()
      .meta({ description: 'The end of the chosen slot, else under the callback norm.' }),
    slot: z
      .object({ start: z.iso.datetime(), end: z.iso.datetime() })
      .nullable()
      .meta({ description: 'The time slot the person chose; call no earlier than its start.' }),
    overdue: z.boolean(),
    attempts: z.array(
      z.object({ result: z.enum(CALLBACK_RESULTS), note: z.string(), at: z.iso.datetime(), by: z.string() }),
    ),
  })
  .meta({ id: 'Callback' });
export type Callback = z.infer<typeof callbackSchema>;

export const callbackListQuerySchema = z.strictObject({
  teamId: z.uuid().optional(),
  state: z.enum(['open', 'done']).default('open'),
  overdue: z.enum(['true', 'false']).optional(),
});

/** The customer's 360° view: who, what is running, what happened lately, on every channel. */
export const customerOverviewSchema = z
  .object({
    customer: customerSchema,
    openCases: z.array(caseSummarySchema),
    recentCases: z.array(caseSummarySchema),
    recentContacts: z.array(contactSchema),
    openCallbacks: z.array(callbackSchema),
  })
  .meta({ id: 'CustomerOverview' });
export type CustomerOverview = z.infer<typeof customerOverviewSchema>;

// ---- settings ----------------------------------------------------------------------------------------------

export const areaSchema = z.strictObject({
  name: text(100).min(1),
  /** Four-digit postcode ranges, inclusive. */
  postcodes: z
    .array(
      z.strictObject({
        from: z.string().regex(/^[1-9][0-9]{3}$/),
        to: z.string().regex(/^[1-9][0-9]{3}$/),
      }),
    )
    .min(1)
    .max(100),
});

export const frontOfficeSettingsSchema = z
  .strictObject({
    repeatWindowDays: z.number().int().min(1).max(90).default(7),
    contactAutoCloseMinutes: z
      .number()
      .int()
      .min(15)
      .max(24 * 60)
      .default(240),
    callbackNorm: durationSchema.default({ amount: 1, unit: 'working_days' }),
    /** Cases are numbered <prefix>-<year>-<number>, e.g. VB-2026-000123. */
    casePrefix: z
      .string()
      .regex(/^[A-Z]{2,6}$/, '2 to 6 capital letters')
      .default('ZK'),
    areas: z.array(areaSchema).max(200).default([]),
  })
  .meta({ id: 'FrontOfficeSettings' });
export type FrontOfficeSettings = z.infer<typeof frontOfficeSettingsSchema>;
