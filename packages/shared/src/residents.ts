/**
 * My page: a returning resident signs in by an email link (no password) and sees their own cases and contacts,
 * sets how they hear from the organisation, gives or withdraws consents, and downloads everything stored about
 * them (GDPR art. 15). Shared by the API (validation) and the web app.
 */
import { z } from 'zod';
import { LOCALES } from './roles.ts';

/**
 * How a resident may choose to hear back: by email or by letter. (No SMS: Voordeur has no SMS provider, and a
 * choice the product cannot honour is not offered.)
 */
export const RESIDENT_CHANNELS = ['email', 'letter'] as const;
export type ResidentChannel = (typeof RESIDENT_CHANNELS)[number];

/**
 * What a resident can consent to on My page. `surveys`: being asked, after a case or contact, what they thought
 * of the service (read by the surveys through `hasConsent`).
 */
export const RESIDENT_CONSENT_KINDS = ['surveys'] as const;
export type ResidentConsentKind = (typeof RESIDENT_CONSENT_KINDS)[number];

/**
 * The purpose each kind is recorded under in the customer's consents (`customer_consent.purpose`), the same word
 * staff record at the desk, so a "no" given anywhere is read everywhere (the surveys read this one).
 */
export const CONSENT_PURPOSE: Record<ResidentConsentKind, string> = {
  surveys: 'klanttevredenheidsonderzoek',
};
const KIND_OF_PURPOSE = new Map(Object.entries(CONSENT_PURPOSE).map(([kind, purpose]) => [purpose, kind]));
/** The My page kind of a recorded purpose, or the purpose itself when it is one staff use for something else. */
export const consentKindOf = (purpose: string) => KIND_OF_PURPOSE.get(purpose) ?? purpose;

/** Minutes a sign-in link works. */
export const RESIDENT_LINK_MINUTES = 15;

export const residentSignInBodySchema = z.strictObject({
  email: z.email().max(254),
  language: z.enum(LOCALES).default('nl'),
});

export const residentSignInSentSchema = z
  .object({
    sent: z.literal(true).meta({
      description:
        'Always true, whether or not the address is known: the answer tells nobody who is a customer.',
    }),
    minutes: z.number().int().meta({ description: 'How long the link works.' }),
  })
  .meta({ id: 'ResidentSignInSent' });

export const residentPreferencesBodySchema = z.strictObject({
  channel: z.enum(RESIDENT_CHANNELS),
  language: z.enum(LOCALES),
});

export const residentConsentBodySchema = z.strictObject({
  kind: z.enum(RESIDENT_CONSENT_KINDS),
  granted: z.boolean(),
});

const localText = z.object({ nl: z.string(), en: z.string().nullable() });

export const residentCaseSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    item: localText.meta({ description: "The service the case is about, in the organisation's words." }),
    status: localText
      .nullable()
      .meta({ description: 'The last public status (internal steps are not shown); null before the first.' }),
    closed: z.boolean(),
    createdAt: z.iso.datetime(),
    expectedDate: z.iso
      .date()
      .nullable()
      .meta({ description: 'When the organisation promises an answer (its norm); null once closed.' }),
    closedAt: z.iso.datetime().nullable(),
    trackingUrl: z
      .url()
      .meta({ description: "The case's own page (the same private link as in every email)." }),
  })
  .meta({ id: 'ResidentCase' });
export type ResidentCase = z.infer<typeof residentCaseSchema>;

export const residentContactSchema = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime(),
    channel: z.string(),
    direction: z.enum(['in', 'out']),
    subject: localText.nullable(),
  })
  .meta({ id: 'ResidentContact' });
export type ResidentContact = z.infer<typeof residentContactSchema>;

export const residentConsentSchema = z
  .object({
    kind: z.string(),
    granted: z.boolean(),
    recordedAt: z.iso.datetime(),
    recordedBy: z
      .string()
      .meta({ description: 'Who recorded it: the resident on My page, or a staff member.' }),
  })
  .meta({ id: 'ResidentConsent' });
export type ResidentConsent = z.infer<typeof residentConsentSchema>;

export const myPageSchema = z
  .object({
    email: z.string(),
    organisation: z.object({ name: z.string(), slug: z.string() }),
    known: z.boolean().meta({
      description: 'Whether the organisation has a customer with this address; preferences need one.',
    }),
    name: z.string().nullable(),
    preferences: z.object({
      channel: z.enum(RESIDENT_CHANNELS).nullable(),
      language: z.enum(LOCALES).nullable(),
    }),
    consents: z.array(
      z.object({
        kind: z.enum(RESIDENT_CONSENT_KINDS),
        granted: z.boolean().nullable().meta({ description: 'The latest choice; null when never asked.' }),
      }),
    ),
    consentHistory: z.array(residentConsentSchema),
    cases: z.array(residentCaseSchema),
    contacts: z.array(residentContactSchema),
    csrfToken: z.string().meta({ description: 'Send as the x-csrf-token header on every change.' }),
  })
  .meta({ id: 'MyPage' });
export type MyPage = z.infer<typeof myPageSchema>;

/** Everything stored about the person (GDPR art. 15), as the JSON download. */
export const residentExportSchema = z
  .object({
    exportedAt: z.iso.datetime(),
    organisation: z.object({ name: z.string(), slug: z.string() }),
    email: z.string(),
    profiles: z.array(
      z.object({
        id: z.uuid(),
        kind: z.string(),
        name: z.string(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        dateOfBirth: z.string().nullable(),
        bsn: z
          .string()
          .nullable()
          .meta({ description: 'Only the last three digits; the number is kept encrypted.' }),
        kvkNumber: z.string().nullable(),
        address: z.string().nullable(),
        area: z.string().nullable(),
        preferredChannel: z.string().nullable(),
        preferredLanguage: z.string().nullable(),
        createdAt: z.iso.datetime(),
        updatedAt: z.iso.datetime(),
      }),
    ),
    cases: z.array(
      residentCaseSchema.extend({
        description: z.string(),
        channel: z.string(),
        location: z.string().nullable(),
        history: z.array(z.object({ at: z.iso.datetime(), status: localText })),
        messages: z.array(
          z.object({
            at: z.iso.datetime(),
            from: z.enum(['organisation', 'you']),
            body: z.string(),
          }),
        ),
      }),
    ),
    contacts: z.array(residentContactSchema),
    consents: z.array(residentConsentSchema),
    surveys: z
      .array(z.record(z.string(), z.unknown()))
      .meta({ description: 'Survey answers given, if any.' }),
    categories: z
      .array(z.object({ category: localText, why: localText, kept: localText }))
      .meta({ description: 'Which kinds of data are kept, why, and for how long.' }),
  })
  .meta({ id: 'ResidentExport' });
export type ResidentExport = z.infer<typeof residentExportSchema>;
