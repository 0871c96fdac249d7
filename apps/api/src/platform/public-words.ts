/**
 * Words that every server-rendered public page (ADR 0022) says the same way, in Dutch (first, plain language) and
 * English: channels, kinds of service, norms, cost and dates. The web app has the same words in its i18n files.
 */
export type Language = 'nl' | 'en';
type Words = { nl: string; en: string };

const CHANNELS: Record<string, Words> = {
  web: { nl: 'Website', en: 'Website' },
  phone: { nl: 'Telefoon', en: 'Phone' },
  email: { nl: 'E-mail', en: 'Email' },
  desk: { nl: 'Balie', en: 'Desk' },
  chat: { nl: 'Chat', en: 'Chat' },
  social: { nl: 'Sociale media', en: 'Social media' },
  letter: { nl: 'Brief', en: 'Letter' },
  app: { nl: 'App', en: 'App' },
  visit: { nl: 'Huisbezoek', en: 'Home visit' },
  all: { nl: 'Alle kanalen', en: 'All channels' },
};

export const channelName = (channel: string, language: Language) => CHANNELS[channel]?.[language] ?? channel;

/** How a person reaches the organisation by a channel, as a sentence. */
const CHANNEL_HOW: Record<string, Words> = {
  web: { nl: 'Via de website.', en: 'On the website.' },
  phone: { nl: 'Bel ons.', en: 'Call us.' },
  email: { nl: 'Stuur ons een e-mail.', en: 'Send us an email.' },
  desk: { nl: 'Kom langs bij de balie.', en: 'Visit our desk.' },
  chat: { nl: 'Chat met ons.', en: 'Chat with us.' },
  social: { nl: 'Stuur ons een bericht via sociale media.', en: 'Send us a message on social media.' },
  letter: { nl: 'Stuur ons een brief.', en: 'Send us a letter.' },
  app: { nl: 'Gebruik de app.', en: 'Use the app.' },
  visit: { nl: 'Wij komen bij u langs.', en: 'We come to you.' },
};

export const channelHow = (channel: string, language: Language) =>
  CHANNEL_HOW[channel]?.[language] ?? channelName(channel, language);

const KINDS: Record<string, { one: Words; many: Words }> = {
  question: { one: { nl: 'Vraag', en: 'Question' }, many: { nl: 'Vragen', en: 'Questions' } },
  report: { one: { nl: 'Melding', en: 'Report' }, many: { nl: 'Meldingen', en: 'Reports' } },
  request: { one: { nl: 'Aanvraag', en: 'Application' }, many: { nl: 'Aanvragen', en: 'Applications' } },
  complaint: { one: { nl: 'Klacht', en: 'Complaint' }, many: { nl: 'Klachten', en: 'Complaints' } },
  callback: {
    one: { nl: 'Terugbelverzoek', en: 'Callback request' },
    many: { nl: 'Terugbelverzoeken', en: 'Callback requests' },
  },
  appointment: { one: { nl: 'Afspraak', en: 'Appointment' }, many: { nl: 'Afspraken', en: 'Appointments' } },
};

/** "Melding" / "Meldingen": a kind of service, one or many. */
export const kindName = (kind: string, language: Language, many = false) =>
  (many ? KINDS[kind]?.many : KINDS[kind]?.one)?.[language] ?? kind;

const UNITS: Record<string, { one: Words; many: Words }> = {
  working_days: { one: { nl: 'werkdag', en: 'working day' }, many: { nl: 'werkdagen', en: 'working days' } },
  working_hours: {
    one: { nl: 'werkuur', en: 'working hour' },
    many: { nl: 'werkuren', en: 'working hours' },
  },
  calendar_days: { one: { nl: 'dag', en: 'day' }, many: { nl: 'dagen', en: 'days' } },
  weeks: { one: { nl: 'week', en: 'week' }, many: { nl: 'weken', en: 'weeks' } },
};

const LOCALE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/** "binnen 5 werkdagen" / "within 5 working days" (a decimal amount written the language's way). */
export function normWords(norm: { amount: number; unit: string }, language: Language): string {
  const unit = UNITS[norm.unit];
  const word = unit ? (norm.amount === 1 ? unit.one : unit.many)[language] : norm.unit;
  const amount = new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: 2 }).format(norm.amount);
  return `${language === 'nl' ? 'binnen' : 'within'} ${amount} ${word}`;
}

/** "€ 84,70", or "Gratis" when it costs nothing. */
export function costWords(cents: number | null | undefined, language: Language): string {
  if (typeof cents !== 'number' || cents <= 0) return language === 'nl' ? 'Gratis' : 'Free';
  return new Intl.NumberFormat(LOCALE[language], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** "woensdag 8 april 2026", from a local date "2026-04-08". */
export function longDate(isoDate: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * A text written in Dutch and maybe English, in the page's language: the English when there is one, else the Dutch
 * (then marked `lang="nl"` on an English page, for screen readers).
 */
export function localText(
  value: { nl: string; en?: string | undefined } | null | undefined,
  language: Language,
): { text: string; lang: 'nl' | undefined } {
  if (language === 'en' && value?.en) return { text: value.en, lang: undefined };
  return { text: value?.nl ?? '', lang: language === 'en' ? 'nl' : undefined };
}
