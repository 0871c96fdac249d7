import { type Db, readAll } from '@voordeur/db';
import type { CatalogueItemDefinition, Locale, PreviewNote } from '@voordeur/shared';
import type { NotificationInput } from '../notifications/index.ts';
import * as q from './cases.queries.ts';
import { mergeTemplates, render, type Template, type TemplateValues } from './cases.templates.ts';

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

export interface CaseForMessages {
  id: string;
  reference: string;
  parentCaseId: string | null;
  dueAt: Date;
  definition: CatalogueItemDefinition;
}

/**
 * The emails a message to the person becomes: one per recipient (the case's person and, for public progress,
 * the reporters of merged duplicates), each in the recipient's language. Child tasks tell nobody: the person
 * follows the parent. Returns the reason when there is nobody to tell.
 */
export async function composePersonMessages(
  db: Db,
  organisationId: string,
  c: CaseForMessages,
  m: PersonMessage,
  organisationName: string,
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
    const address = (r.customerEmail ?? r.contactEmail)?.toLowerCase();
    if (!address || seen.has(address)) continue;
    seen.add(address);
    const language = (r.language === 'en' ? 'en' : 'nl') as Locale;
    const values: Record<string, string | undefined> = {
      name: r.customerName ?? (language === 'en' ? 'Sir or Madam' : 'heer/mevrouw'),
      reference: r.reference,
      subject: (c.definition.name[language]?.trim() || c.definition.name.nl).toLowerCase(),
      dueDate: longDate(c.dueAt, language),
      organisation: organisationName,
      mainReference: c.reference,
      ...m.values,
      ...m.localValues?.(language),
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
      channel: 'email',
      recipient: address,
      recipientName: r.customerName,
      language,
      subject: m.subject ?? render(template.subject[language], values),
      body: render(bodyTemplate, values),
    });
  }
  return {
    items,
    note: items.length ? null : 'no_address',
  };
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
