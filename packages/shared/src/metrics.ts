/**
 * Monitoring: the KPI catalogue's codes and the shapes of the monitoring API (filters, values, series,
 * breakdowns). Shared by the API (validation, OpenAPI) and the web (dashboards).
 * The catalogue's words (name, formula in words, source) live with each KPI in `KPI_CATALOGUE` (filled by the
 * metrics module's owner); the codes below are the contract every part of monitoring uses.
 */
import { z } from 'zod';
import { CHANNELS } from './catalogue.ts';
import { CUSTOMER_KINDS } from './frontoffice.ts';
import { LOCALES } from './roles.ts';

export const KPI_CODES = [
  // contacts and channels
  'contacts', // count of contacts
  'digital_share', // % of contacts and cases on web, email, app (channel shift)
  'fcr', // % first-contact resolution (answered of recorded contacts); target 80
  'repeat_contacts', // % of contacts that repeat an earlier one
  'avoidable_contacts', // % of contacts that only asked where a case stands, or repeated one
  'handling_time', // mean handling minutes per contact
  'callbacks_in_time', // % of callbacks due done in time
  // cases and norms
  'cases_opened', // count
  'norm_compliance', // % closed within the public norm
  'target_compliance', // % closed within the internal target
  'backlog', // open cases now (count)
  'backlog_overdue', // open cases past their due date (count)
  'backlog_age', // mean age of open cases in days
  'resolution_mean', // mean working days to resolve
  'resolution_p90', // 90th percentile working days to resolve
  'reopen_rate', // % of closed cases reopened
  // complaints (Awb 9)
  'complaints', // count of complaints decided
  'complaints_in_term', // % decided within the Awb term
  'complaints_founded', // % founded or partly founded of decided
  // satisfaction (surveys)
  'grade_mean', // mean grade 1–10
  'grade_7_plus', // % grades ≥ 7
  'grade_5_minus', // % grades ≤ 5
  'effort_mean', // mean effort score 1–5 (5 = very easy)
  'solved_share', // % "solved" yes
  // waiting (telephony and desk queue imports)
  'phone_answered_in_target', // % of offered calls answered within the target
  'phone_abandoned', // % of offered calls abandoned
  'desk_wait_mean', // mean desk wait in minutes
  // cost and checks
  'cost_per_contact', // euro per contact, from unit costs per channel
  'mystery_score', // % of checklist points met in mystery shopping/calling
] as const;
export type KpiCode = (typeof KPI_CODES)[number];

/** The lists behind a figure (GET /api/metrics/drill). */
export const METRIC_DRILL_KINDS = ['cases', 'contacts', 'responses', 'callbacks'] as const;
export type MetricDrillKind = (typeof METRIC_DRILL_KINDS)[number];

export const KPI_UNITS = ['count', 'percent', 'grade', 'score', 'days', 'minutes', 'euro'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];
/** Which way is good. */
export const KPI_DIRECTIONS = ['higher', 'lower', 'none'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export const AGE_BANDS = ['0-17', '18-29', '30-44', '45-64', '65-74', '75+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** What a dashboard can be split by. */
export const METRIC_DIMENSIONS = [
  'channel',
  'team',
  'agent',
  'item',
  'area',
  'segment',
  'customerKind',
  'language',
  'ageBand',
] as const;
export type MetricDimension = (typeof METRIC_DIMENSIONS)[number];

export const METRIC_GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type MetricGrain = (typeof METRIC_GRAINS)[number];

const day = z.iso.date();

/** The period and filters every monitoring request takes (query string). `to` is inclusive. */
export const metricFilterSchema = z.strictObject({
  from: day,
  to: day,
  channel: z.string().max(40).optional(),
  teamId: z.uuid().optional(),
  agentId: z.uuid().optional(),
  itemId: z.uuid().optional(),
  area: z.string().max(80).optional(),
  /** A segment's code. */
  segment: z.string().max(60).optional(),
});
export type MetricFilter = z.infer<typeof metricFilterSchema>;

/** One KPI's value for a period, with the previous period of the same length and the organisation's target. */
export const kpiValueSchema = z
  .object({
    code: z.enum(KPI_CODES),
    unit: z.enum(KPI_UNITS),
    direction: z.enum(KPI_DIRECTIONS),
    /** null when there is nothing to measure (or fewer than the minimum count). */
    value: z.number().nullable(),
    previous: z.number().nullable(),
    target: z.number().nullable(),
    /** The count the value rests on (contacts, cases, answers …). */
    n: z.number().int(),
    /** on target, off target, or no target / no value. */
    status: z.enum(['met', 'missed', 'none']),
  })
  .meta({ id: 'KpiValue' });
export type KpiValue = z.infer<typeof kpiValueSchema>;

export const kpiSeriesPointSchema = z.object({
  /** The period's first day. */
  period: day,
  value: z.number().nullable(),
  n: z.number().int(),
});
export type KpiSeriesPoint = z.infer<typeof kpiSeriesPointSchema>;

export const kpiBreakdownRowSchema = z.object({
  /** The dimension's value (an id, code or name); null for "none". */
  key: z.string().nullable(),
  label: z.string(),
  value: z.number().nullable(),
  n: z.number().int(),
});
export type KpiBreakdownRow = z.infer<typeof kpiBreakdownRowSchema>;

/** Public figures never rest on fewer than this many (cases, answers); smaller counts are suppressed. */
export const PUBLIC_MIN_COUNT = 5;
/** Statistics (drivers, equal treatment) are not shown on fewer answers than this. */
export const STATISTICS_MIN_RESPONSES = 30;

// ---- kpis part (issue 14): the KPI catalogue, the monitoring API's answers, targets and segments ----

/** The rollup (or input module) a KPI is computed from. */
export const KPI_SOURCES = [
  'contact',
  'case',
  'survey',
  'callback',
  'backlog',
  'waiting',
  'cost',
  'mystery',
] as const;
export type KpiSource = (typeof KPI_SOURCES)[number];

/** Who may read a KPI: the permissions of `PERMISSIONS` that see it (organisation, own teams, own figures). */
export type KpiAudience = readonly ('readMetrics' | 'readTeamMetrics' | 'readOwnMetrics')[];

export interface KpiCatalogueEntry {
  unit: KpiUnit;
  direction: KpiDirection;
  /** The target a new organisation starts with; null where no target makes sense (a volume). */
  defaultTarget: number | null;
  name: { nl: string; en: string };
  /** How it is computed, in words. */
  formula: { nl: string; en: string };
  /** Where the figures come from. */
  source: { nl: string; en: string };
  audience: KpiAudience;
  /** The rollups (or input modules) it reads. */
  reads: readonly KpiSource[];
}

const ALL_LEVELS: KpiAudience = ['readMetrics', 'readTeamMetrics', 'readOwnMetrics'];
const TEAMS_UP: KpiAudience = ['readMetrics', 'readTeamMetrics'];
const CONTACTS = { nl: 'Geregistreerde contacten (alle kanalen)', en: 'Registered contacts (all channels)' };
const CASES = { nl: 'Zaken en hun servicenormen', en: 'Cases and their service norms' };
const SURVEYS = { nl: 'Antwoorden op de tevredenheidsenquête', en: 'Answers to the satisfaction survey' };
const COMPLAINTS = {
  nl: 'Klachten (Awb hoofdstuk 9)',
  en: 'Complaints (General Administrative Law Act, ch. 9)',
};

/** Every KPI of `KPI_CODES`: its unit, direction, default target and words (Dutch B1 first). */
export const KPI_CATALOGUE: Record<KpiCode, KpiCatalogueEntry> = {
  contacts: {
    unit: 'count',
    direction: 'none',
    defaultTarget: null,
    name: { nl: 'Aantal contacten', en: 'Contacts' },
    formula: {
      nl: 'Alle contacten die in de periode begonnen, via elk kanaal.',
      en: 'All contacts that started in the period, on every channel.',
    },
    source: CONTACTS,
    audience: ALL_LEVELS,
    reads: ['contact'],
  },
  digital_share: {
    unit: 'percent',
    direction: 'higher',
    defaultTarget: null,
    name: { nl: 'Digitaal aandeel', en: 'Digital share' },
    formula: {
      nl: 'Contacten en nieuwe zaken via website, e-mail of app, gedeeld door alle contacten en nieuwe zaken.',
      en: 'Contacts and new cases through the website, email or app, divided by all contacts and new cases.',
    },
    source: { nl: 'Contacten en zaken', en: 'Contacts and cases' },
    audience: TEAMS_UP,
    reads: ['contact', 'case'],
  },
  fcr: {
    unit: 'percent',
    direction: 'higher',
    defaultTarget: 80,
    name: { nl: 'Eerste keer goed', en: 'First-contact resolution' },
    formula: {
      nl: 'Contacten die meteen zijn beantwoord, gedeeld door alle contacten met een vastgelegde uitkomst.',
      en: 'Contacts answered at once, divided by all contacts with a recorded outcome.',
    },
    source: CONTACTS,
    audience: ALL_LEVELS,
    reads: ['contact'],
  },
  repeat_contacts: {
    unit: 'percent',
    direction: 'lower',
    defaultTarget: null,
    name: { nl: 'Herhaalcontact', en: 'Repeat contacts' },
    formula: {
      nl: 'Contacten over een vraag die de persoon eerder stelde, gedeeld door alle contacten.',
      en: 'Contacts about a question the person asked before, divided by all contacts.',
    },
    source: CONTACTS,
    audience: ALL_LEVELS,
    reads: ['contact'],
  },
  avoidable_contacts: {
    unit: 'percent',
    direction: 'lower',
    defaultTarget: null,
    name: { nl: 'Vermijdbaar contact', en: 'Avoidable contacts' },
    formula: {
      nl: 'Contacten waarin iemand alleen vroeg hoe het met een zaak staat of een eerder contact herhaalde, gedeeld door alle contacten. Een contact dat allebei is, telt één keer.',
      en: 'Contacts that only asked how a case stands or repeated an earlier contact, divided by all contacts. A contact that is both counts once.',
    },
    source: CONTACTS,
    audience: ALL_LEVELS,
    reads: ['contact'],
  },
  handling_time: {
    unit: 'minutes',
    direction: 'none',
    defaultTarget: null,
    name: { nl: 'Gemiddelde behandeltijd', en: 'Mean handling time' },
    formula: {
      nl: 'De tijd van begin tot einde van alle contacten samen, gedeeld door het aantal contacten.',
      en: 'The time from start to end of all contacts together, divided by the number of contacts.',
    },
    source: CONTACTS,
    audience: ALL_LEVELS,
    reads: ['contact'],
  },
  callbacks_in_time: {
    unit: 'percent',
    direction: 'higher',
    defaultTarget: 90,
    name: { nl: 'Op tijd teruggebeld', en: 'Callbacks in time' },
    formula: {
      nl: 'Terugbelverzoeken die op tijd zijn afgehandeld, gedeeld door alle terugbelverzoeken die in de periode klaar moesten zijn.',
      en: 'Callback requests done in time, divided by all callback requests due in the period.',
    },
    source: { nl: 'Terugbelverzoeken', en: 'Callback requests' },
    audience: TEAMS_UP,
    reads: ['callback'],
  },
  cases_opened: {
    unit: 'count',
    direction: 'none',
    defaultTarget: null,
    name: { nl: 'Nieuwe zaken', en: 'Cases opened' },
    formula: {
      nl: 'Alle zaken die in de periode zijn gemaakt.',
      en: 'All cases made in the period.',
    },
    source: CASES,
    audience: TEAMS_UP,
    reads: ['case'],
  },
  norm_compliance: {
    unit: 'percent',
    direction: 'higher',
    defaultTarget: 90,
    name: { nl: 'Binnen de servicenorm', en: 'Within the service norm' },
    formula: {
      nl: 'Zaken die op of voor de beloofde datum klaar waren, gedeeld door alle zaken die in de periode klaar waren.',
      en: 'Cases closed on or before the promised date, divided by all cases closed in the period.',
    },
    source: CASES,
    audience: TEAMS_UP,
    reads: ['case'],
  },
  target_compliance: {
    unit: 'percent',
    direction: 'higher',
    defaultTarget: 80,
    name: { nl: 'Binnen de interne streefdatum', en: 'Within the internal target' },
    formula: {
      nl: 'Zaken die op of voor de interne streefdatum klaar waren (of de servicenorm als er geen is), gedeeld door alle zaken die klaar waren.',
      en: 'Cases closed on or before the internal target date (or the service norm when there is none), divided by all cases closed.',
    },
    source: CASES,
    audience: TEAMS_UP,
    reads: ['case'],
  },
  backlog: {
    unit: 'count',
    direction: 'lower',
    defaultTarget: null,
    name: { nl: 'Werkvoorraad', en: 'Backlog' },
    formula: {
      nl: 'Zaken die aan het eind van de periode nog open staan. Voor vandaag: nu.',
      en: 'Cases still open at the end of the period. For today: now.',
    },
    source: CASES,
    audience: TEAMS_UP,
    reads: ['backlog'],
  },
  backlog_overdue: {
    unit: 'count',
    direction: 'lower',
    defaultTarget: null,
    name: { nl: 'Werkvoorraad over de norm', en: 'Backlog past the norm' },
    formula: {
      nl: 'Open zaken waarvan de beloofde datum voorbij is, aan het eind van de periode.',
      en: 'Open cases past their promised date, at the end of the period.',
    },
    source: CASES,
    audience: TEAMS_UP,
    reads: ['backlog'],
  },
  backlog_age: {
    unit: 'days',
    direction: 'lower',
    defaultTarget: null,
    name: { nl: 'Leeftijd werkvoorraad', en: 'Backlog age' },
    formula: {
      nl: 'Het gemiddelde aantal dagen dat de open zaken al open staan, aan het eind van de periode.',
      en: 'The mean number of days the open cases have been open, at the end of the period.',
    },
    source: CASES,
    audience: TEAMS_UP,
    reads: ['backlog'],
  },
  resolution_mean: {
    unit: 'days',
    direction: 'lower',
    defaultTarget: null,
    name: { nl: 'Gemiddelde doorlooptijd', en: 'Mean resolution time' },
    formula: {
      nl: 'De werktijd van begin tot einde van de zaken die klaar waren, zonder de tijd dat de zaak stillag, gemiddeld, in werkdagen zo lang als een gemiddelde openingsdag in de kalender van de organisatie (bij 08:30–17:00 is dat 8,5 uur).',
      en: "The working time from start to end of the cases closed, without the time the case was suspended, averaged, in working days as long as the mean opening day of the organisation's calendar (08:30–17:00 makes 8.5 hours).",
    },
    source: CASES,
    audience: TEAMS_UP,
    reads: ['case'],
  },
  resolution_p90: {
    unit: 'days',
    direction: 'lower',
    defaultTarget: null,
    name: { nl: 'Doorlooptijd van 9 op de 10 zaken', en: 'Resolution time, 90th percentile' },
    formula: {
      nl: 'Het aantal hele werkdagen (zo lang als een gemiddelde openingsdag in de kalender) waarbinnen 9 van de 10 zaken klaar waren (31 betekent: 31 of meer).',
      en: "The number of whole working days (each as long as the calendar's mean opening day) within which 9 in 10 cases were closed (31 means 31 or more).",
    },
    source: CASES,
    audience: TEAMS_UP,
    reads: ['case'],
  },
  reopen_rate: {
    unit: 'percent',
    direction: 'lower',
    defaultTarget: 5,
    name: { nl: 'Heropende zaken', en: 'Reopened cases' },
    formula: {
      nl: 'Zaken die in de periode weer zijn geopend, gedeeld door de zaken die in de periode klaar waren.',
      en: 'Cases reopened in the period, divided by the cases closed in the period.',
    },
    source: CASES,
    audience: TEAMS_UP,
    reads: ['case'],
  },
  complaints: {
    unit: 'count',
    direction: 'none',
    defaultTarget: null,
    name: { nl: 'Klachten afgehandeld', en: 'Complaints decided' },
    formula: {
      nl: 'Klachten waarover in de periode is beslist of die zijn ingetrokken.',
      en: 'Complaints decided or withdrawn in the period.',
    },
    source: COMPLAINTS,
    audience: TEAMS_UP,
    reads: ['case'],
  },
  complaints_in_term: {
    unit: 'percent',
    direction: 'higher',
    defaultTarget: 100,
    name: { nl: 'Klachten op tijd', en: 'Complaints in term' },
    formula: {
      nl: 'Klachten afgehandeld binnen de wettelijke termijn (met verlenging), gedeeld door alle afgehandelde klachten.',
      en: 'Complaints decided within the legal term (with its extension), divided by all complaints decided.',
    },
    source: COMPLAINTS,
    audience: TEAMS_UP,
    reads: ['case'],
  },
  complaints_founded: {
    unit: 'percent',
    direction: 'none',
    defaultTarget: null,
    name: { nl: 'Klachten gegrond', en: 'Complaints founded' },
    formula: {
      nl: 'Klachten die gegrond of deels gegrond zijn verklaard, gedeeld door de klachten met een oordeel (gegrond, deels gegrond of ongegrond).',
      en: 'Complaints found founded or partly founded, divided by the complaints with a finding (founded, partly founded or unfounded).',
    },
    source: COMPLAINTS,
    audience: TEAMS_UP,
    reads: ['case'],
  },
  grade_mean: {
    unit: 'grade',
    direction: 'higher',
    defaultTarget: 7.5,
    name: { nl: 'Gemiddeld cijfer', en: 'Mean grade' },
    formula: {
      nl: 'Alle cijfers (1 tot en met 10) opgeteld, gedeeld door het aantal cijfers.',
      en: 'All grades (1 to 10) added up, divided by the number of grades.',
    },
    source: SURVEYS,
    audience: TEAMS_UP,
    reads: ['survey'],
  },
  grade_7_plus: {
    unit: 'percent',
    direction: 'higher',
    defaultTarget: 80,
    name: { nl: 'Cijfer 7 of hoger', en: 'Grade 7 or higher' },
    formula: {
      nl: 'Antwoorden met een 7 of hoger, gedeeld door alle antwoorden.',
      en: 'Answers with a 7 or higher, divided by all answers.',
    },
    source: SURVEYS,
    audience: TEAMS_UP,
    reads: ['survey'],
  },
  grade_5_minus: {
    unit: 'percent',
    direction: 'lower',
    defaultTarget: 10,
    name: { nl: 'Cijfer 5 of lager', en: 'Grade 5 or lower' },
    formula: {
      nl: 'Antwoorden met een 5 of lager, gedeeld door alle antwoorden.',
      en: 'Answers with a 5 or lower, divided by all answers.',
    },
    source: SURVEYS,
    audience: TEAMS_UP,
    reads: ['survey'],
  },
  effort_mean: {
    unit: 'score',
    direction: 'higher',
    defaultTarget: 4,
    name: { nl: 'Gemak', en: 'Ease' },
    formula: {
      nl: 'Hoe makkelijk het was (1 = heel moeilijk, 5 = heel makkelijk), gemiddeld over wie die vraag beantwoordde.',
      en: 'How easy it was (1 = very hard, 5 = very easy), averaged over those who answered that question.',
    },
    source: SURVEYS,
    audience: TEAMS_UP,
    reads: ['survey'],
  },
  solved_share: {
    unit: 'percent',
    direction: 'higher',
    defaultTarget: 80,
    name: { nl: 'Opgelost', en: 'Solved' },
    formula: {
      nl: 'Antwoorden met "ja, opgelost", gedeeld door iedereen die die vraag beantwoordde.',
      en: 'Answers "yes, solved", divided by everyone who answered that question.',
    },
    source: SURVEYS,
    audience: TEAMS_UP,
    reads: ['survey'],
  },
  phone_answered_in_target: {
    unit: 'percent',
    direction: 'higher',
    defaultTarget: 80,
    name: { nl: 'Telefoon op tijd opgenomen', en: 'Calls answered in time' },
    formula: {
      nl: 'Gesprekken die binnen de streeftijd zijn opgenomen, gedeeld door alle binnengekomen gesprekken.',
      en: 'Calls answered within the target time, divided by all calls offered.',
    },
    source: {
      nl: 'Cijfers van de telefooncentrale (import)',
      en: 'Figures of the telephone system (import)',
    },
    audience: TEAMS_UP,
    reads: ['waiting'],
  },
  phone_abandoned: {
    unit: 'percent',
    direction: 'lower',
    defaultTarget: 5,
    name: { nl: 'Opgehangen in de wachtrij', en: 'Calls abandoned' },
    formula: {
      nl: 'Gesprekken waarbij de beller ophing voordat we opnamen, gedeeld door alle binnengekomen gesprekken.',
      en: 'Calls where the caller hung up before we answered, divided by all calls offered.',
    },
    source: {
      nl: 'Cijfers van de telefooncentrale (import)',
      en: 'Figures of the telephone system (import)',
    },
    audience: TEAMS_UP,
    reads: ['waiting'],
  },
  desk_wait_mean: {
    unit: 'minutes',
    direction: 'lower',
    defaultTarget: 10,
    name: { nl: 'Wachttijd aan de balie', en: 'Desk waiting time' },
    formula: {
      nl: 'De wachttijd van alle bezoekers aan de balie samen, gedeeld door het aantal bezoekers.',
      en: 'The waiting time of all desk visitors together, divided by the number of visitors.',
    },
    source: { nl: 'Cijfers van het wachtrijsysteem (import)', en: 'Figures of the queue system (import)' },
    audience: TEAMS_UP,
    reads: ['waiting'],
  },
  cost_per_contact: {
    unit: 'euro',
    direction: 'lower',
    defaultTarget: null,
    name: { nl: 'Kosten per contact', en: 'Cost per contact' },
    formula: {
      nl: 'Het aantal contacten per kanaal keer de kosten per contact van dat kanaal, gedeeld door alle contacten.',
      en: 'The contacts per channel times that channel’s cost per contact, divided by all contacts.',
    },
    source: {
      nl: 'Contacten en de kosten per kanaal die de organisatie instelt',
      en: 'Contacts and the cost per channel the organisation sets',
    },
    audience: TEAMS_UP,
    reads: ['cost'],
  },
  mystery_score: {
    unit: 'percent',
    direction: 'higher',
    defaultTarget: 90,
    name: { nl: 'Score testcontacten', en: 'Mystery shopping score' },
    formula: {
      nl: 'Punten van de checklist die bij testcontacten goed gingen, gedeeld door alle punten.',
      en: 'Checklist points met in test contacts, divided by all points.',
    },
    source: {
      nl: 'Testcontacten (mystery shopping en calling)',
      en: 'Test contacts (mystery shopping and calling)',
    },
    audience: TEAMS_UP,
    reads: ['mystery'],
  },
};

const localPair = z.object({ nl: z.string(), en: z.string() });

/** One KPI of the catalogue with the organisation's target (GET /api/metrics/kpis). */
export const kpiDefinitionSchema = z
  .object({
    code: z.enum(KPI_CODES),
    unit: z.enum(KPI_UNITS),
    direction: z.enum(KPI_DIRECTIONS),
    name: localPair,
    formula: localPair,
    source: localPair,
    defaultTarget: z.number().nullable(),
    /** The organisation's target (its own, else the default); null when none. */
    target: z.number().nullable(),
    /** The version of the organisation's own target (0 when it has none): send it back to change it. */
    targetVersion: z.number().int(),
    audience: z.array(z.enum(['readMetrics', 'readTeamMetrics', 'readOwnMetrics'])),
    reads: z.array(z.enum(KPI_SOURCES)),
    /**
     * The list behind the figure (GET /api/metrics/drill): its cases, contacts, survey answers or callbacks; null
     * when there is none (the digital share, imported queue figures, cost to serve, mystery checks): the figure then
     * links to nothing.
     */
    drill: z.enum(METRIC_DRILL_KINDS).nullable(),
    /** What that list holds, in words (for a rate: the cases or contacts that missed it); null without a list. */
    drillShows: localPair.nullable(),
    /** What it can be split by (GET /api/metrics/breakdown `by`). */
    splits: z.array(z.enum(METRIC_DIMENSIONS)),
  })
  .meta({ id: 'KpiDefinition' });
export type KpiDefinition = z.infer<typeof kpiDefinitionSchema>;

/** PUT /api/metrics/targets/:code. `target: null` goes back to the default. */
export const kpiTargetUpdateSchema = z.strictObject({
  target: z.number().min(0).max(1_000_000).nullable(),
  /** The version read (`targetVersion`); 0 or absent when the organisation had no target of its own. */
  version: z.number().int().min(0).optional(),
});

export const metricOverviewSchema = z
  .object({
    from: day,
    to: day,
    previousFrom: day,
    previousTo: day,
    items: z.array(kpiValueSchema),
  })
  .meta({ id: 'MetricOverview' });
export type MetricOverview = z.infer<typeof metricOverviewSchema>;

export const metricSeriesSchema = z
  .object({
    kpi: z.enum(KPI_CODES),
    grain: z.enum(METRIC_GRAINS),
    target: z.number().nullable(),
    points: z.array(kpiSeriesPointSchema),
  })
  .meta({ id: 'MetricSeries' });
export type MetricSeries = z.infer<typeof metricSeriesSchema>;

export const metricBreakdownSchema = z
  .object({ kpi: z.enum(KPI_CODES), by: z.enum(METRIC_DIMENSIONS), rows: z.array(kpiBreakdownRowSchema) })
  .meta({ id: 'MetricBreakdown' });
export type MetricBreakdown = z.infer<typeof metricBreakdownSchema>;

/**
 * A case, contact, survey answer or callback behind a number (no personal data: no names, addresses, phone
 * numbers or free text of a person; a case opens at /cases/:id).
 */
export const metricDrillItemSchema = z.object({
  id: z.uuid(),
  reference: z.string().optional(),
  /** A survey answer about a case: that case. */
  caseId: z.uuid().optional(),
  subject: z.string(),
  channel: z.string(),
  team: z.string().nullable(),
  item: z.string().nullable(),
  /** Opened (case), started (contact), answered (survey answer) or asked (callback). */
  openedAt: z.iso.datetime({ offset: true }),
  closedAt: z.iso.datetime({ offset: true }).optional(),
  dueAt: z.iso.datetime({ offset: true }).optional(),
  breachReason: z.string().optional(),
  outcome: z.string().optional(),
  grade: z.number().int().optional(),
  effort: z.number().int().optional(),
  solved: z.boolean().optional(),
  /** A callback: still open, or done (late). */
  state: z.enum(['open', 'done']).optional(),
});
export const metricDrillSchema = z
  .object({
    kind: z.enum(METRIC_DRILL_KINDS),
    items: z.array(metricDrillItemSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'MetricDrill' });
export type MetricDrill = z.infer<typeof metricDrillSchema>;

export const metricTopSchema = z
  .object({
    items: z.array(
      z.object({ itemId: z.uuid(), code: z.string(), name: z.string(), count: z.number().int() }),
    ),
  })
  .meta({ id: 'MetricTop' });
export type MetricTop = z.infer<typeof metricTopSchema>;

/** A segment's rule: every key named must match, any one value within a key (at least one key: the service checks). */
export const segmentRuleSchema = z.strictObject({
  customerKind: z.array(z.enum(CUSTOMER_KINDS)).min(1).max(CUSTOMER_KINDS.length).optional(),
  language: z.array(z.enum(LOCALES)).min(1).max(LOCALES.length).optional(),
  ageBand: z.array(z.enum(AGE_BANDS)).min(1).max(AGE_BANDS.length).optional(),
  area: z.array(z.string().trim().min(1).max(80)).min(1).max(100).optional(),
  channel: z.array(z.enum(CHANNELS)).min(1).max(CHANNELS.length).optional(),
});
export type SegmentRule = z.infer<typeof segmentRuleSchema>;

export const segmentWriteSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'Lower-case letters, digits and hyphens'),
  name: z.strictObject({ nl: z.string().trim().min(1).max(120), en: z.string().trim().max(120).optional() }),
  rule: segmentRuleSchema,
});
export const segmentUpdateSchema = segmentWriteSchema.extend({ version: z.number().int().min(1) });

export const segmentSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.object({ nl: z.string(), en: z.string().optional() }),
    rule: z.record(z.string(), z.array(z.string())),
    version: z.number().int(),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Segment' });
export type Segment = z.infer<typeof segmentSchema>;
// ---- causes (issue 14 part "causes": modules/analysis, web feature monitoring-analysis) ----

/** What may drive the survey grade: each is related to the grade of the answers it is known for. */
export const DRIVER_CODES = [
  'resolution_days', // working days from intake to closure (case answers)
  'first_contact_resolution', // the contact was answered at once (contact answers)
  'norm_breach', // the case closed after its public norm (case answers)
  'channel', // the channel the person used
  'repeat_contact', // the contact repeated an earlier one
  'reopened', // the case was reopened
] as const;
export type DriverCode = (typeof DRIVER_CODES)[number];

/** The measures the equal-treatment view compares between groups. */
export const EQUALITY_MEASURES = ['fcr', 'norm_compliance', 'grade_mean', 'solved_share'] as const;
export type EqualityMeasure = (typeof EQUALITY_MEASURES)[number];
/** The groups the equal-treatment view compares. */
export const EQUALITY_DIMENSIONS = [
  'area',
  'customerKind',
  'language',
  'channel',
  'ageBand',
  'segment',
] as const;
export type EqualityDimension = (typeof EQUALITY_DIMENSIONS)[number];
/** Equal-treatment groups with fewer people or cases than this are left out: they could single someone out. */
export const EQUALITY_MIN_GROUP = 10;
/** Differences are flagged at this significance level (after the Holm–Bonferroni correction). */
export const SIGNIFICANCE_LEVEL = 0.05;

const analysisWords = z.object({ nl: z.string(), en: z.string() });

export const driverBandSchema = z.object({
  key: z.string(),
  label: analysisWords,
  /** Answers in this band. */
  n: z.number().int(),
  /** Mean grade; null below the minimum number of answers. */
  gradeMean: z.number().nullable(),
  /** Share (%) of grades 7 or higher; null below the minimum. */
  share7Plus: z.number().nullable(),
});
export type DriverBand = z.infer<typeof driverBandSchema>;

export const driverSchema = z
  .object({
    code: z.enum(DRIVER_CODES),
    /** numeric: a measure (days); binary: yes/no coded 1/0; categorical: groups without an order (channel). */
    kind: z.enum(['numeric', 'binary', 'categorical']),
    name: analysisWords,
    /** Answers for which this driver is known. */
    n: z.number().int(),
    /** Whether n reaches STATISTICS_MIN_RESPONSES; when not, nothing but the count is shown. */
    enough: z.boolean(),
    bands: z.array(driverBandSchema),
    /** Pearson's r between the driver and the grade (numeric and binary drivers). */
    correlation: z.number().nullable(),
    /** grade = intercept + slope × driver; slope's 95 % confidence interval from the t distribution. */
    regression: z
      .object({
        slope: z.number(),
        intercept: z.number(),
        slopeLow: z.number(),
        slopeHigh: z.number(),
        r2: z.number(),
        /** Two-sided p-value of the slope (t test, n − 2 degrees of freedom). */
        pValue: z.number(),
      })
      .nullable(),
    /** Categorical drivers: one-way analysis of variance (share of the grade's variance the groups explain). */
    anova: z.object({ etaSquared: z.number(), f: z.number(), pValue: z.number() }).nullable(),
    /** The result in plain words. */
    reading: analysisWords,
  })
  .meta({ id: 'AnalysisDriver' });
export type Driver = z.infer<typeof driverSchema>;

export const driversResponseSchema = z.object({
  from: day,
  to: day,
  minResponses: z.number().int(),
  /** All survey answers in the period and filter. */
  responses: z.number().int(),
  items: z.array(driverSchema),
});
export type DriversResponse = z.infer<typeof driversResponseSchema>;

export const breachesResponseSchema = z.object({
  from: day,
  to: day,
  /** Cases closed in the period (merged duplicates not counted). */
  closed: z.number().int(),
  /** Of those, closed after the public norm. */
  late: z.number().int(),
  /** Reasons, most frequent first; `reason` null: no reason recorded. */
  items: z.array(
    z.object({
      reason: z.string().nullable(),
      label: analysisWords,
      count: z.number().int(),
      /** Share (%) of the late cases. */
      share: z.number(),
    }),
  ),
  /** Per month (first day): closed, late, and late per reason. */
  months: z.array(
    z.object({
      month: day,
      closed: z.number().int(),
      late: z.number().int(),
      reasons: z.array(z.object({ reason: z.string().nullable(), count: z.number().int() })),
    }),
  ),
});
export type BreachesResponse = z.infer<typeof breachesResponseSchema>;

export const equalityQuerySchema = metricFilterSchema.extend({
  measure: z.enum(EQUALITY_MEASURES),
  by: z.enum(EQUALITY_DIMENSIONS),
});
export type EqualityQuery = z.infer<typeof equalityQuerySchema>;

export const equalityGroupSchema = z.object({
  /** The group's value (area, kind, language, channel, age band, segment code); null: unknown. */
  key: z.string().nullable(),
  label: analysisWords,
  /** People, cases or answers in the group. */
  n: z.number().int(),
  /** The measure in the group (% or mean grade), and in everybody else. */
  value: z.number().nullable(),
  restN: z.number().int(),
  restValue: z.number().nullable(),
  /** Null when the group or the rest is too small to test (fewer than STATISTICS_MIN_RESPONSES). */
  test: z
    .object({
      name: z.enum(['two_proportion_z', 'welch_t']),
      statistic: z.number(),
      pValue: z.number(),
      /** The p-value after the Holm–Bonferroni correction for the number of groups tested. */
      adjustedP: z.number(),
      significant: z.boolean(),
    })
    .nullable(),
  reading: analysisWords,
});
export type EqualityGroup = z.infer<typeof equalityGroupSchema>;

export const equalityResponseSchema = z.object({
  from: day,
  to: day,
  measure: z.enum(EQUALITY_MEASURES),
  by: z.enum(EQUALITY_DIMENSIONS),
  unit: z.enum(['percent', 'grade']),
  /** The measure over everyone in the filter. */
  overall: z.object({ n: z.number().int(), value: z.number().nullable() }),
  minGroup: z.number().int(),
  groups: z.array(equalityGroupSchema),
  /** Groups left out because they have fewer than `minGroup` people or cases. */
  hiddenGroups: z.number().int(),
  /** The test used, the correction and what the p-value means, in plain words. */
  method: analysisWords,
});
export type EqualityResponse = z.infer<typeof equalityResponseSchema>;
// ---- end causes ----
