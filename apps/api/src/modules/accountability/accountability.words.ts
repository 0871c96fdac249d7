/**
 * The words of the public performance page and the periodic report (Dutch first, plain language; English).
 * Server-rendered pages carry their own words (ADR 0022).
 */
export type Language = 'nl' | 'en';
type LocalText = { nl: string; en: string };

/** Breach reasons as the public reads them (the built-in codes); an organisation's own codes keep their label. */
const PUBLIC_REASONS: Record<string, LocalText> = {
  capacity: {
    nl: 'Het was te druk: we hadden te weinig mensen',
    en: 'It was too busy: we did not have enough staff',
  },
  complex: { nl: 'Het was ingewikkelder dan we dachten', en: 'It was more complicated than we expected' },
  third_party: {
    nl: 'We moesten wachten op een andere organisatie',
    en: 'We had to wait for another organisation',
  },
  handover: { nl: 'Het kwam te laat bij het goede team', en: 'It reached the right team too late' },
  other: { nl: 'Een andere reden', en: 'Another reason' },
};

export function publicReason(code: string, own: LocalText | undefined): LocalText {
  return PUBLIC_REASONS[code] ?? own ?? { nl: code, en: code };
}

const CHANNELS: Record<string, LocalText> = {
  web: { nl: 'Website', en: 'Website' },
  phone: { nl: 'Telefoon', en: 'Phone' },
  email: { nl: 'E-mail', en: 'Email' },
  desk: { nl: 'Balie', en: 'Desk' },
  chat: { nl: 'Chat', en: 'Chat' },
  social: { nl: 'Sociale media', en: 'Social media' },
  letter: { nl: 'Brief', en: 'Letter' },
  app: { nl: 'App', en: 'App' },
  visit: { nl: 'Bezoek', en: 'Visit' },
  all: { nl: 'Alle kanalen', en: 'All channels' },
};

export const channelName = (channel: string, language: Language) => CHANNELS[channel]?.[language] ?? channel;

const UNITS: Record<string, { one: LocalText; many: LocalText }> = {
  working_days: { one: { nl: 'werkdag', en: 'working day' }, many: { nl: 'werkdagen', en: 'working days' } },
  working_hours: {
    one: { nl: 'werkuur', en: 'working hour' },
    many: { nl: 'werkuren', en: 'working hours' },
  },
  calendar_days: { one: { nl: 'dag', en: 'day' }, many: { nl: 'dagen', en: 'days' } },
  weeks: { one: { nl: 'week', en: 'week' }, many: { nl: 'weken', en: 'weeks' } },
};

/** "binnen 5 werkdagen" / "within 5 working days". */
export function normWords(norm: { amount: number; unit: string }, language: Language): string {
  const unit = UNITS[norm.unit];
  const word = unit ? (norm.amount === 1 ? unit.one : unit.many)[language] : norm.unit;
  return `${language === 'nl' ? 'binnen' : 'within'} ${norm.amount} ${word}`;
}

export const WORDS = {
  nl: {
    lang: 'nl' as const,
    other: { code: 'en' as const, label: 'English' },
    title: 'Hoe goed helpen wij u?',
    intro: (organisation: string) =>
      `Hier ziet u wat ${organisation} belooft en hoe vaak het lukt. Wij laten ook zien waarom het soms niet lukt.`,
    periods: (quarter: string, year: string) =>
      `De cijfers gaan over het afgelopen kwartaal (${quarter}) en het afgelopen jaar (${year}).`,
    quarter: 'Kwartaal',
    year: 'Jaar',
    quarterShort: 'kwartaal',
    yearShort: 'jaar',
    servicesTitle: 'Doen wij wat we beloven?',
    servicesIntro:
      'Voor elke dienst beloven wij hoe snel wij uw vraag, melding of aanvraag afhandelen. Dat is de norm.',
    service: 'Dienst',
    norm: 'Onze belofte',
    inNorm: 'Op tijd klaar',
    closed: 'Afgehandeld',
    servicesChart: (year: string) => `Percentage op tijd klaar per dienst, ${year}`,
    servicesChartTop: (year: string) =>
      `Percentage op tijd klaar per dienst, ${year}: de diensten met de meeste zaken. De tabel toont alle diensten.`,
    reasonsTitle: 'Waarom lukte het niet altijd?',
    reasonsIntro:
      'Als wij te laat waren, schreven wij op waarom. Dit zijn de belangrijkste redenen van het afgelopen jaar.',
    reasons: 'Redenen',
    late: 'keer te laat',
    noLate: 'In het afgelopen jaar waren wij bij geen enkele dienst te laat.',
    satisfactionTitle: 'Hoe tevreden bent u?',
    satisfactionIntro:
      'Na contact met ons vragen wij soms om een rapportcijfer van 1 tot 10. Dit is het resultaat per kanaal.',
    channel: 'Kanaal',
    responses: 'Aantal antwoorden',
    gradeMean: 'Gemiddeld cijfer',
    gradeAtLeast7: 'Cijfer 7 of hoger',
    satisfactionChart: (year: string) => `Gemiddeld rapportcijfer per kanaal, ${year}`,
    noSatisfaction: 'In deze periode zijn er geen antwoorden op onze vragenlijst.',
    complaintsTitle: 'Klachten',
    complaintsCaption: 'Klachten en hoe wij erover beslisten',
    complaintsIntro:
      'Bent u niet tevreden over hoe wij u behandelden? Dan kunt u een klacht indienen. De wet zegt hoe snel wij moeten beslissen.',
    measure: 'Cijfer',
    decided: 'Klachten afgehandeld',
    decidedInTerm: 'Op tijd beslist',
    founded: 'Gegrond (u had gelijk)',
    partlyFounded: 'Deels gegrond',
    unfounded: 'Ongegrond',
    withdrawn: 'Ingetrokken',
    fcrTitle: 'In één keer geholpen',
    fcrIntro: 'Hoe vaak kon u meteen geholpen worden, zonder dat wij u moesten doorverbinden of terugbellen?',
    fcr: 'Meteen geholpen',
    contacts: 'Aantal contacten',
    fcrChart: (year: string) => `Percentage meteen geholpen per kanaal, ${year}`,
    noContacts: 'In deze periode zijn er geen contacten geteld.',
    openDataTitle: 'Open data',
    openData: 'U mag deze cijfers vrij gebruiken (licentie CC0 1.0). Download ze per kwartaal of per jaar:',
    openDataLink: (label: string, format: string) => `Cijfers ${label} (${format})`,
    aboutTitle: 'Over deze cijfers',
    about: [
      'Wij tonen geen aantal kleiner dan 5. Dan staat er "minder dan 5". Zo kan niemand herleiden over wie een cijfer gaat.',
      'Een percentage tonen wij alleen als het over 5 of meer zaken, antwoorden of contacten gaat.',
      'Een streepje (—) betekent: in deze periode was er niets om te meten.',
    ],
    lessThan: 'minder dan 5',
    none: '—',
    tableOf: (chart: string) => `Tabel: ${chart}`,
    chartNote: 'De figuur hierboven toont de cijfers uit de tabel.',
    notFoundTitle: 'Deze pagina bestaat niet',
    notFound: 'Wij kennen deze organisatie niet. Controleer het adres.',
  },
  en: {
    lang: 'en' as const,
    other: { code: 'nl' as const, label: 'Nederlands' },
    title: 'How well do we help you?',
    intro: (organisation: string) =>
      `Here you can see what ${organisation} promises and how often we keep that promise. We also show why we sometimes do not.`,
    periods: (quarter: string, year: string) =>
      `The figures are about the last quarter (${quarter}) and the last year (${year}).`,
    quarter: 'Quarter',
    year: 'Year',
    quarterShort: 'quarter',
    yearShort: 'year',
    servicesTitle: 'Do we do what we promise?',
    servicesIntro:
      'For each service we promise how quickly we deal with your question, report or request. That is the norm.',
    service: 'Service',
    norm: 'Our promise',
    inNorm: 'Done in time',
    closed: 'Dealt with',
    servicesChart: (year: string) => `Percentage done in time per service, ${year}`,
    servicesChartTop: (year: string) =>
      `Percentage done in time per service, ${year}: the services with the most cases. The table shows every service.`,
    reasonsTitle: 'Why did we not always manage?',
    reasonsIntro: 'When we were late, we wrote down why. These are the main reasons of the last year.',
    reasons: 'Reasons',
    late: 'times late',
    noLate: 'In the last year we were not late for any service.',
    satisfactionTitle: 'How satisfied are you?',
    satisfactionIntro:
      'After you contact us, we sometimes ask for a grade from 1 to 10. This is the result per channel.',
    channel: 'Channel',
    responses: 'Number of answers',
    gradeMean: 'Average grade',
    gradeAtLeast7: 'Grade 7 or higher',
    satisfactionChart: (year: string) => `Average grade per channel, ${year}`,
    noSatisfaction: 'There are no answers to our survey in this period.',
    complaintsTitle: 'Complaints',
    complaintsCaption: 'Complaints and how we decided on them',
    complaintsIntro:
      'Are you unhappy with how we treated you? Then you can make a complaint. The law says how quickly we must decide.',
    measure: 'Figure',
    decided: 'Complaints dealt with',
    decidedInTerm: 'Decided in time',
    founded: 'Upheld (you were right)',
    partlyFounded: 'Partly upheld',
    unfounded: 'Not upheld',
    withdrawn: 'Withdrawn',
    fcrTitle: 'Helped in one go',
    fcrIntro: 'How often could we help you straight away, without passing you on or calling you back?',
    fcr: 'Helped straight away',
    contacts: 'Number of contacts',
    fcrChart: (year: string) => `Percentage helped straight away per channel, ${year}`,
    noContacts: 'No contacts were counted in this period.',
    openDataTitle: 'Open data',
    openData: 'You may use these figures freely (licence CC0 1.0). Download them per quarter or per year:',
    openDataLink: (label: string, format: string) => `Figures ${label} (${format})`,
    aboutTitle: 'About these figures',
    about: [
      'We never show a number smaller than 5. Instead it says "fewer than 5". That way nobody can work out who a figure is about.',
      'We only show a percentage when it rests on 5 or more cases, answers or contacts.',
      'A dash (—) means: there was nothing to measure in this period.',
    ],
    lessThan: 'fewer than 5',
    none: '—',
    tableOf: (chart: string) => `Table: ${chart}`,
    chartNote: 'The figure above shows the figures of the table.',
    notFoundTitle: 'This page does not exist',
    notFound: 'We do not know this organisation. Please check the address.',
  },
};

export type AccountabilityWords = (typeof WORDS)[Language];

/** The periodic report's words. */
export const REPORT_WORDS = {
  nl: {
    title: (period: string) => `Rapportage dienstverlening ${period}`,
    subtitle: (organisation: string, from: string, to: string) =>
      `${organisation} — ${from} tot en met ${to}`,
    incomplete: 'Deze periode is nog niet voorbij: de cijfers lopen tot en met vandaag.',
    summaryTitle: 'Kerncijfers',
    summaryIntro: (previous: string) =>
      `Elk cijfer naast de streefwaarde en de vorige periode (${previous}). Aantallen onder 5 tonen wij niet.`,
    kpi: 'Kengetal',
    value: 'Deze periode',
    previous: 'Vorige periode',
    target: 'Streefwaarde',
    status: 'Beoordeling',
    met: 'Gehaald',
    missed: 'Niet gehaald',
    noStatus: 'Geen streefwaarde',
    trendTitle: 'Ontwikkeling',
    trendIntro: (grain: 'week' | 'month') => `Per ${grain === 'week' ? 'week' : 'maand'} van de periode.`,
    periodColumn: (grain: 'week' | 'month') => (grain === 'week' ? 'Week van' : 'Maand'),
    trendChart: 'Eerste keer goed en binnen de norm, in procenten',
    gradeChart: 'Gemiddeld rapportcijfer',
    normTitle: 'Normnaleving per dienst',
    teamTitle: 'Normnaleving per team',
    team: 'Team',
    noTeam: 'Geen team',
    inTarget: 'Binnen interne streeftijd',
    reasonsTitle: 'Redenen van te laat afhandelen',
    reasonsChart: 'Aantal zaken te laat, per reden',
    reason: 'Reden',
    complaintsTitle: 'Klachten',
    complaintsCaption: 'Klachten en hoe wij erover beslisten',
    satisfactionTitle: 'Tevredenheid per kanaal',
    fcrTitle: 'Eerste keer goed per kanaal',
    noCases: 'In deze periode zijn geen zaken afgehandeld.',
    kpis: {
      contacts: 'Contacten',
      fcr: 'Eerste keer goed (%)',
      repeat_contacts: 'Herhaalcontact (%)',
      cases_opened: 'Nieuwe zaken',
      norm_compliance: 'Binnen de publieke norm (%)',
      target_compliance: 'Binnen de interne streeftijd (%)',
      reopen_rate: 'Heropend (%)',
      backlog: 'Openstaande zaken aan het eind',
      backlog_overdue: 'Waarvan over de norm',
      complaints: 'Klachten afgehandeld',
      complaints_in_term: 'Klachten op tijd beslist (%)',
      complaints_founded: 'Klachten (deels) gegrond (%)',
      grade_mean: 'Gemiddeld rapportcijfer',
      grade_7_plus: 'Cijfer 7 of hoger (%)',
      solved_share: 'Probleem opgelost volgens inwoner (%)',
    },
    badPeriodTitle: 'Deze periode kennen wij niet',
    badPeriod:
      'Kies een maand (2026-11), een kwartaal (2026-Q3) of een jaar (2026) dat al begonnen is. Zet de periode achter /rapportage/ in het adres.',
    notAllowedTitle: 'Geen toegang',
    notAllowed: 'Uw rol geeft geen toegang tot de rapportage. Vraag een beheerder om hulp.',
    print: 'Tip: druk deze pagina af of bewaar hem als PDF met de afdrukfunctie van uw browser.',
  },
  en: {
    title: (period: string) => `Service report ${period}`,
    subtitle: (organisation: string, from: string, to: string) => `${organisation} — ${from} to ${to}`,
    incomplete: 'This period has not ended yet: the figures run up to today.',
    summaryTitle: 'Key figures',
    summaryIntro: (previous: string) =>
      `Each figure next to its target and the previous period (${previous}). We do not show counts below 5.`,
    kpi: 'Indicator',
    value: 'This period',
    previous: 'Previous period',
    target: 'Target',
    status: 'Assessment',
    met: 'Met',
    missed: 'Not met',
    noStatus: 'No target',
    trendTitle: 'Trend',
    trendIntro: (grain: 'week' | 'month') => `Per ${grain} of the period.`,
    periodColumn: (grain: 'week' | 'month') => (grain === 'week' ? 'Week of' : 'Month'),
    trendChart: 'First-contact resolution and within the norm, in percent',
    gradeChart: 'Average grade',
    normTitle: 'Norm compliance per service',
    teamTitle: 'Norm compliance per team',
    team: 'Team',
    noTeam: 'No team',
    inTarget: 'Within internal target',
    reasonsTitle: 'Reasons for late handling',
    reasonsChart: 'Number of cases late, per reason',
    reason: 'Reason',
    complaintsTitle: 'Complaints',
    complaintsCaption: 'Complaints and how we decided on them',
    satisfactionTitle: 'Satisfaction per channel',
    fcrTitle: 'First-contact resolution per channel',
    noCases: 'No cases were closed in this period.',
    kpis: {
      contacts: 'Contacts',
      fcr: 'First-contact resolution (%)',
      repeat_contacts: 'Repeat contacts (%)',
      cases_opened: 'New cases',
      norm_compliance: 'Within the public norm (%)',
      target_compliance: 'Within the internal target (%)',
      reopen_rate: 'Reopened (%)',
      backlog: 'Open cases at the end',
      backlog_overdue: 'Of which past the norm',
      complaints: 'Complaints dealt with',
      complaints_in_term: 'Complaints decided in time (%)',
      complaints_founded: 'Complaints (partly) upheld (%)',
      grade_mean: 'Average grade',
      grade_7_plus: 'Grade 7 or higher (%)',
      solved_share: 'Problem solved according to the resident (%)',
    },
    badPeriodTitle: 'We do not know this period',
    badPeriod:
      'Choose a month (2026-11), a quarter (2026-Q3) or a year (2026) that has begun. Put the period after /rapportage/ in the address.',
    notAllowedTitle: 'No access',
    notAllowed: 'Your role does not give access to the report. Ask an administrator for help.',
    print: 'Tip: print this page or save it as a PDF with your browser’s print function.',
  },
};
