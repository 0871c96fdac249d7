import { type Db, readAll } from '@voordeur/db';
import {
  type CaseSettings,
  type CatalogueItemDefinition,
  formatPostcode,
  type Locale,
  type PersonChannel,
  type PreviewNote,
} from '@voordeur/shared';
import { trackingLink } from '../../platform/tracking-links.ts';
import type { NotificationInput } from '../notifications/index.ts';
import { followerMessages } from './cases.nearby.ts';
import * as q from './cases.queries.ts';
import {
  kindWord,
  mergeTemplates,
  render,
  type Template,
  type TemplateValues,
  TRACKING_LINE,
} from './cases.templates.ts';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** A long local date for letters: "woensdag 8 april 2026" / "Wednesday 8 April 2026". */
export function longDate(instant: Date, language: Locale, timeZone = 'Europe/Amsterdam') {
  const key = `${language}|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    dateFormats.set(key, f);
  }
  return f.format(instant);
}

/** The built-in templates with the organisation's own versions over them. */
export async function templatesFor(db: Db, organisationId: string) {
  return mergeTemplates(await q.templatesOf(db, organisationId));
}

export interface PersonMessage {
  /** Notification kind, for the delivery log. */
  kind: string;
  templateKey: string;
  /** Values shared by all recipients; name, reference, subject, dates are filled per recipient. */
  values: TemplateValues;
  /** Language-specific values (e.g. a status text), by language. */
  localValues?: (language: Locale) => TemplateValues;
  /** A personalised body that replaces the template's body (the worker's own words). */
  body?: string | undefined;
  subject?: string | undefined;
  /** Also tell the people whose duplicate reports were merged into this case. */
  includeDuplicates: boolean;
}

type Recipient = Awaited<ReturnType<typeof q.personRecipients>>[number];

/** A person's postal address as it is printed in the envelope's window; null without street, number, postcode or place. */
export function postalAddress(p: {
  street: string | null;
  houseNumber: number | null;
  houseLetter: string | null;
  houseAddition: string | null;
  postcode: string | null;
  city: string | null;
}): string[] | null {
  if (!p.street || !p.houseNumber || !p.postcode || !p.city) return null;
  const number = `${p.houseNumber}${p.houseLetter ?? ''}${p.houseAddition ? `-${p.houseAddition}` : ''}`;
  // PostNL's way: the postcode with a space, two spaces, the place in capitals.
  return [`${p.street} ${number}`, `${formatPostcode(p.postcode)}  ${p.city.toUpperCase()}`];
}

/**
 * How a message reaches this person: email when an address is known, unless they asked for letters; a printed
 * letter when only a postal address is known (the Awb asks for a written acknowledgement of a complaint, and a
 * person without email still hears of their case); null when there is neither, and nobody is told.
 */
export function channelFor(
  r: Recipient,
): { channel: PersonChannel; address: string[] | null; email: string | null } | null {
  const email = (r.customerEmail ?? r.contactEmail)?.toLowerCase() ?? null;
  const address = postalAddress(r);
  if (address && (!email || r.preferredChannel === 'letter')) return { channel: 'post', address, email };
  if (email) return { channel: 'email', address, email };
  return null;
}

/** The organisation as a message needs it: its name (in the text) and its letterhead (on a letter). */
export type Sender = Pick<CaseSettings, 'letterhead'> & {
  organisationName: string;
  organisationSlug: string;
};

export interface CaseForMessages {
  id: string;
  reference: string;
  parentCaseId: string | null;
  dueAt: Date;
  definition: CatalogueItemDefinition;
}

/**
 * The emails and letters a message to the person becomes: one per recipient (the case's person and, for public
 * progress, the reporters of merged duplicates), each in the recipient's language, by email or — without an
 * email address — as a letter for the post queue ({@link channelFor}). Child tasks tell nobody: the person
 * follows the parent. Returns the reason when there is nobody to tell.
 */
export async function composePersonMessages(
  db: Db,
  organisationId: string,
  c: CaseForMessages,
  m: PersonMessage,
  sender: Sender,
  /** What the caller has read already (saves reads): the one recipient of a brand-new case, the templates. */
  known: { recipient?: Recipient | undefined; templates?: Template[] | undefined } = {},
): Promise<{ items: NotificationInput[]; note: PreviewNote | null }> {
  if (c.parentCaseId) return { items: [], note: 'child_task' };
  const [recipients, templates] = await readAll(
    db,
    async () => (known.recipient ? [known.recipient] : q.personRecipients(db, organisationId, c.id)),
    async () => known.templates ?? templatesFor(db, organisationId),
  );
  const template =
    templates.find((t) => t.key === m.templateKey) ?? templates.find((t) => t.key === 'message')!;
  const items: NotificationInput[] = [];
  const seen = new Set<string>();
  for (const r of recipients) {
    if (r.caseId !== c.id && !m.includeDuplicates) continue;
    const via = channelFor(r);
    if (!via) continue;
    // One message per address: a person who reported twice hears once.
    const key = via.channel === 'email' ? via.email! : `post|${r.customerName}|${via.address!.join('|')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const language = (r.language === 'en' ? 'en' : 'nl') as Locale;
    const values: Record<string, string | undefined> = {
      name: r.customerName ?? (language === 'en' ? 'Sir or Madam' : 'heer/mevrouw'),
      reference: r.reference,
      // The item's public name as it is written: it is a title, used apart from sentences; sentences say `kind`.
      // An English name left empty falls back to the Dutch one.
      subject: c.definition.name[language]?.trim() || c.definition.name.nl,
      kind: kindWord(c.definition.kind, language),
      dueDate: longDate(c.dueAt, language),
      organisation: sender.organisationName,
      mainReference: c.reference,
      ...m.values,
      ...m.localValues?.(language),
      // Each recipient's own case: the reporter of a merged duplicate follows it from their own link.
      trackingLink: trackingLink(sender.organisationSlug, organisationId, r.caseId),
    };
    let bodyTemplate = template.body[language];
    if (m.body !== undefined) {
      // The worker's own words take the place of the standard text, inside the same letter.
      values.message = m.body;
      values.statusText = m.body;
      if (!/\{\{\s*(message|statusText)\s*\}\}/.test(bodyTemplate))
        bodyTemplate = templates.find((t) => t.key === 'message')!.body[language];
    }
    items.push({
      organisationId,
      caseId: c.id,
      kind: m.kind,
      audience: 'person',
      channel: via.channel,
      // A letter's recipient in the delivery log: the postal address on one line.
      recipient:
        via.channel === 'email' ? via.email! : via.address!.map((l) => l.replace(/ {2}/, ' ')).join(', '),
      recipientName: r.customerName,
      language,
      subject: m.subject ?? render(template.subject[language], values),
      body: withTrackingLine(render(bodyTemplate, values), values.trackingLink!, language),
      ...(via.channel === 'post'
        ? {
            letter: {
              address: via.address!,
              reference: r.reference,
              sender: {
                name: sender.organisationName,
                address: sender.letterhead.address,
                contact: sender.letterhead.contact,
              },
            },
          }
        : {}),
    });
  }
  // Followers (issue 13, item 4) hear of public progress like the reporter: the same subject and text.
  if (m.includeDuplicates) {
    const compose = (language: Locale) => {
      const values: Record<string, string | undefined> = {
        name: language === 'en' ? 'Sir or Madam' : 'heer/mevrouw',
        reference: c.reference,
        subject: c.definition.name[language]?.trim() || c.definition.name.nl,
        kind: kindWord(c.definition.kind, language),
        dueDate: longDate(c.dueAt, language),
        organisation: sender.organisationName,
        mainReference: c.reference,
        ...m.values,
        ...m.localValues?.(language),
      };
      let bodyTemplate = template.body[language];
      if (m.body !== undefined) {
        values.message = m.body;
        values.statusText = m.body;
        if (!/\{\{\s*(message|statusText)\s*\}\}/.test(bodyTemplate))
          bodyTemplate = templates.find((t) => t.key === 'message')!.body[language];
      }
      return {
        subject: m.subject ?? render(template.subject[language], values),
        body: render(bodyTemplate, values),
      };
    };
    items.push(...(await followerMessages(db, organisationId, c.id, compose, seen)));
  }
  return {
    items,
    note: items.length ? null : 'no_address',
  };
}

/**
 * Every message to the person carries the link to their case's page: an organisation's own template without
 * `{{trackingLink}}` gets the line added at the end.
 */
function withTrackingLine(body: string, link: string, language: Locale) {
  if (body.includes(link)) return body;
  return `${body}\n\n${render(TRACKING_LINE[language], { trackingLink: link })}`;
}

type WorkflowStatus = CatalogueItemDefinition['handling']['statuses'][number];

/** The status's name and its text for the person, in their language (Dutch when there is no translation). */
export function statusValues(s: WorkflowStatus, l: Locale) {
  const label = s.label[l] || s.label.nl;
  const text = (s.publicText?.[l] || s.publicText?.nl || '').trim();
  return { status: label, statusText: text || label };
}

/**
 * The messages each action sends, built in one place: the action uses them to send and the preview to show
 * exactly the same text beforehand.
 */
export const messages = {
  status: (s: WorkflowStatus, body?: string): PersonMessage => ({
    kind: s.final ? 'closing' : 'status',
    templateKey: 'status_changed',
    values: {},
    localValues: (l) => statusValues(s, l),
    body,
    includeDuplicates: true,
  }),
  free: (body: string, templateKey = 'message', subject?: string): PersonMessage => ({
    kind: 'message',
    templateKey,
    values: {},
    body,
    subject,
    includeDuplicates: false,
  }),
  suspended: (message: string, reason: string): PersonMessage => ({
    kind: 'suspension',
    templateKey: 'suspended',
    values: { message, reason },
    includeDuplicates: false,
  }),
  extended: (reason: string): PersonMessage => ({
    kind: 'extension',
    templateKey: 'extended',
    values: { reason },
    includeDuplicates: true,
  }),
  acknowledged: (receivedAt: Date, decisionDueAt: Date, body?: string): PersonMessage => ({
    kind: 'acknowledgement',
    templateKey: 'complaint_acknowledged',
    values: {},
    localValues: (l) => ({ receivedDate: longDate(receivedAt, l), decisionDate: longDate(decisionDueAt, l) }),
    body,
    includeDuplicates: false,
  }),
  complaintExtended: (reason: string, decisionDueAt: Date): PersonMessage => ({
    kind: 'extension',
    templateKey: 'complaint_extended',
    values: { reason },
    localValues: (l) => ({ decisionDate: longDate(decisionDueAt, l) }),
    includeDuplicates: false,
  }),
  decided: (text: string, ombudsman: { nl: string; en?: string | undefined }): PersonMessage => ({
    kind: 'decision',
    templateKey: 'complaint_decided',
    values: { message: text },
    localValues: (l) => ({ ombudsman: ombudsman[l] || ombudsman.nl }),
    includeDuplicates: false,
  }),
};
