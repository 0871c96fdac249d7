import { type Locale, TEMPLATE_PLACEHOLDERS, type TemplatePlaceholder } from '@voordeur/shared';

/**
 * The standard messages to the person. `{{placeholders}}` are filled per case; an organisation may save its own
 * version of each (message_template), and staff may personalise a message before it is sent.
 */
export const PLACEHOLDERS = TEMPLATE_PLACEHOLDERS;
export type Placeholder = TemplatePlaceholder;
export type TemplateValues = Partial<Record<Placeholder, string>>;

export interface TemplateText {
  key: string;
  name: string;
  subject: Record<Locale, string>;
  body: Record<Locale, string>;
}

const greeting = { nl: 'Beste {{name}},', en: 'Dear {{name}},' };
/** The line with the case's private page, in the closing of every message to the person. */
export const TRACKING_LINE = {
  nl: 'Bekijk de stand van zaken: {{trackingLink}}',
  en: 'See where things stand: {{trackingLink}}',
};
const closing = {
  nl: `${TRACKING_LINE.nl}\nUw kenmerk: {{reference}} ({{subject}})\n\nMet vriendelijke groet,\n{{organisation}}`,
  en: `${TRACKING_LINE.en}\nYour reference: {{reference}} ({{subject}})\n\nKind regards,\n{{organisation}}`,
};
const letter = (nl: string, en: string) => ({
  nl: `${greeting.nl}\n\n${nl}\n\n${closing.nl}`,
  en: `${greeting.en}\n\n${en}\n\n${closing.en}`,
});

export const BUILT_IN_TEMPLATES: TemplateText[] = [
  {
    key: 'status_changed',
    name: 'Nieuwe status',
    subject: { nl: '{{reference}}: {{status}}', en: '{{reference}}: {{status}}' },
    body: letter('{{statusText}}', '{{statusText}}'),
  },
  {
    key: 'received',
    name: 'Ontvangen',
    subject: {
      nl: 'We hebben uw {{kind}} ontvangen ({{reference}})',
      en: 'We received your {{kind}} ({{reference}})',
    },
    body: letter(
      '{{statusText}}\n\nU kunt het resultaat uiterlijk {{dueDate}} verwachten.',
      '{{statusText}}\n\nYou can expect the result by {{dueDate}}.',
    ),
  },
  {
    key: 'fixed',
    name: 'Opgelost, bedankt',
    subject: {
      nl: 'Uw {{kind}} is opgelost ({{reference}})',
      en: 'Your {{kind}} has been resolved ({{reference}})',
    },
    body: letter(
      'Het is opgelost. Bedankt voor uw melding: zo houden we samen de gemeente mooi en veilig.',
      'It has been fixed. Thank you for reporting it: together we keep our town clean and safe.',
    ),
  },
  {
    key: 'message',
    name: 'Bericht',
    subject: { nl: 'Bericht over {{reference}}', en: 'Message about {{reference}}' },
    body: letter('{{message}}', '{{message}}'),
  },
  {
    key: 'suspended',
    name: 'Wij hebben informatie nodig',
    subject: {
      nl: 'Wij hebben informatie van u nodig ({{reference}})',
      en: 'We need information from you ({{reference}})',
    },
    body: letter(
      '{{message}}\n\nZolang wij op uw antwoord wachten, staat de termijn stil. U kunt antwoorden op dit bericht.',
      '{{message}}\n\nWhile we wait for your answer, the term stands still. You can reply to this message.',
    ),
  },
  {
    key: 'extended',
    name: 'Meer tijd nodig',
    subject: { nl: 'Wij hebben meer tijd nodig ({{reference}})', en: 'We need more time ({{reference}})' },
    body: letter(
      'Het lukt ons niet om uw {{kind}} binnen de afgesproken termijn af te handelen. De reden: {{reason}}\n\nU kunt het resultaat nu uiterlijk {{dueDate}} verwachten. Onze excuses voor het wachten.',
      'We cannot complete your {{kind}} within the agreed term. The reason: {{reason}}\n\nYou can now expect the result by {{dueDate}}. We apologise for the wait.',
    ),
  },
  {
    key: 'merged',
    name: 'Samengevoegd',
    subject: {
      nl: 'Uw {{kind}} {{reference}} is samengevoegd',
      en: 'Your {{kind}} {{reference}} was merged',
    },
    body: letter(
      'Er was al een melding over hetzelfde: {{mainReference}}. We hebben uw melding daarbij gevoegd. U hoort van ons als er iets verandert.',
      'The same thing had already been reported: {{mainReference}}. We have added your report to it. You will hear from us when anything changes.',
    ),
  },
  {
    key: 'reopen_refused',
    name: 'Heropenen geweigerd',
    subject: {
      nl: 'Uw verzoek om {{reference}} opnieuw te bekijken',
      en: 'Your request to look at {{reference}} again',
    },
    body: letter(
      'U vroeg ons om uw {{kind}} opnieuw te bekijken, omdat het niet is opgelost. Dat doen we niet. De reden: {{reason}}',
      'You asked us to look at your {{kind}} again, because it is not solved. We will not do so. The reason: {{reason}}',
    ),
  },
  {
    key: 'complaint_acknowledged',
    name: 'Ontvangstbevestiging klacht',
    subject: {
      nl: 'Ontvangstbevestiging van uw klacht ({{reference}})',
      en: 'We received your complaint ({{reference}})',
    },
    body: letter(
      'Wij hebben uw klacht van {{receivedDate}} ontvangen. Wij nemen contact met u op om u te horen, tenzij u daar geen prijs op stelt. U krijgt uiterlijk {{decisionDate}} schriftelijk onze beslissing.',
      'We received your complaint of {{receivedDate}}. We will contact you to hear your side, unless you do not wish so. You will receive our decision in writing by {{decisionDate}}.',
    ),
  },
  {
    key: 'complaint_extended',
    name: 'Verdaging klacht',
    subject: {
      nl: 'Verdaging van de beslissing op uw klacht ({{reference}})',
      en: 'Decision on your complaint postponed ({{reference}})',
    },
    body: letter(
      'Wij hebben meer tijd nodig om op uw klacht te beslissen. De reden: {{reason}}\n\nU krijgt onze beslissing nu uiterlijk {{decisionDate}}.',
      'We need more time to decide on your complaint. The reason: {{reason}}\n\nYou will now receive our decision by {{decisionDate}}.',
    ),
  },
  {
    key: 'complaint_decided',
    name: 'Beslissing op klacht',
    subject: {
      nl: 'Onze beslissing op uw klacht ({{reference}})',
      en: 'Our decision on your complaint ({{reference}})',
    },
    body: letter('{{message}}\n\n{{ombudsman}}', '{{message}}\n\n{{ombudsman}}'),
  },
];

/** Staff messages (Dutch or English by the user's language). */
export const STAFF_TEXTS = {
  warning: {
    nl: {
      subject: 'Bijna over de interne termijn: {{cases}}',
      body: 'De interne streeftermijn is bijna bereikt voor:\n\n{{list}}',
    },
    en: {
      subject: 'Internal target nearly reached: {{cases}}',
      body: 'The internal target is nearly reached for:\n\n{{list}}',
    },
  },
  breach: {
    nl: {
      subject: 'Servicenorm overschreden: {{cases}}',
      body: 'De servicenorm is verstreken voor de zaken hieronder. Bij het afsluiten is een reden nodig.\n\n{{list}}',
    },
    en: {
      subject: 'Service norm breached: {{cases}}',
      body: 'The service norm has passed for the cases below. Closing them will require a reason.\n\n{{list}}',
    },
  },
} as const;

/** An organisation's own version of a template, as stored. */
export interface OwnTemplate {
  key: string;
  name: string;
  subject: unknown;
  body: unknown;
  version: number;
}

export type Template = TemplateText & { builtIn: boolean; version: number | null };

/** The built-in templates with the organisation's own versions over them, and its own extra ones after them. */
export function mergeTemplates(own: readonly OwnTemplate[]): Template[] {
  const byKey = new Map(own.map((t) => [t.key, t]));
  const mine = (o: OwnTemplate) => ({
    subject: o.subject as TemplateText['subject'],
    body: o.body as TemplateText['body'],
    builtIn: false,
    version: o.version,
  });
  const merged: Template[] = BUILT_IN_TEMPLATES.map((b) => {
    const o = byKey.get(b.key);
    return o ? { ...b, name: o.name, ...mine(o) } : { ...b, builtIn: true, version: null };
  });
  for (const o of own) {
    if (!BUILT_IN_TEMPLATES.some((b) => b.key === o.key))
      merged.push({ key: o.key, name: o.name, ...mine(o) });
  }
  return merged;
}

/**
 * What the person asked for, as a noun that reads well after "uw"/"your" whatever the item is called: item names
 * are titles ("Lantaarnpaal of straatverlichting kapot melden", "Paspoort aanvragen") that do not fit inside a
 * sentence, so sentences use this word and the name stands apart ("Uw kenmerk: … (name)").
 */
const KIND_WORDS: Record<string, Record<Locale, string>> = {
  question: { nl: 'vraag', en: 'question' },
  report: { nl: 'melding', en: 'report' },
  request: { nl: 'aanvraag', en: 'application' },
  complaint: { nl: 'klacht', en: 'complaint' },
  callback: { nl: 'verzoek', en: 'request' },
  appointment: { nl: 'afspraak', en: 'appointment' },
};
export function kindWord(kind: string, language: Locale): string {
  return KIND_WORDS[kind]?.[language] ?? (language === 'en' ? 'request' : 'verzoek');
}

/** "1 zaak", "3 zaken"; "1 case", "3 cases". */
export function countCases(n: number, language: 'nl' | 'en') {
  const noun = language === 'nl' ? (n === 1 ? 'zaak' : 'zaken') : n === 1 ? 'case' : 'cases';
  return `${n} ${noun}`;
}

/** Fills `{{placeholders}}`; unknown or missing ones become empty. Plain text: nothing is interpreted. */
export function render(template: string, values: Record<string, string | undefined>): string {
  return template.replace(/\{\{\s*([a-zA-Z]+)\s*\}\}/g, (_, k: string) => values[k] ?? '').trim();
}

/** Placeholders in a template text that do not exist. */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(PLACEHOLDERS);
  return [...text.matchAll(/\{\{\s*([a-zA-Z]+)\s*\}\}/g)].map((m) => m[1]!).filter((k) => !known.has(k));
}
