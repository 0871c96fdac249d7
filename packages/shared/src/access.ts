/**
 * Who may do what: the one table of role rules, read by the API's policies (which enforce them) and by the web
 * app (which offers only what they allow). A permission lists the roles that hold it; holding any one of them in
 * any team is enough. Rules that also depend on the object (a closed case, a case's own team) are the API's
 * policy functions; the API hands their outcome to the web as the object's `abilities` (ADR "shared rules and
 * abilities"). Nothing else in API or web may list roles.
 */
import type { Role } from './roles.ts';

export const PERMISSIONS = {
  // ---- cases ----
  /** Cases: the queues and the case page. Front and back office both read; management and quality read along. */
  readCases: ['agent', 'backoffice', 'teamlead', 'manager', 'quality', 'admin'],
  /** Open a case (intake over the API; the front office hands contacts over). */
  createCases: ['agent', 'backoffice', 'teamlead', 'admin'],
  /** Handle a case: statuses, messages to the person, the clock, complaints, links, claiming. */
  workCases: ['backoffice', 'teamlead', 'admin'],
  /** Internal notes, registering what the person told us, attachments (the front office too). */
  annotateCases: ['agent', 'backoffice', 'teamlead', 'admin'],
  /** Hand cases to someone else, one or many at a time. */
  assignCases: ['teamlead', 'admin'],
  /** The message templates residents receive. */
  editTemplates: ['teamlead', 'admin'],
  /** Breach reasons, the warning time and the complaint terms. */
  manageCaseSettings: ['admin'],

  // ---- front office ----
  /** Register contacts; channel integrations do so with an API token of the agent role. */
  registerContacts: ['agent', 'backoffice', 'teamlead', 'admin'],
  /** The front-office workspace page: register contacts, answer, hand over. */
  useWorkspace: ['agent', 'admin'],
  /** Callback requests: the front office makes them, the back office and team leads work them. */
  workCallbacks: ['agent', 'backoffice', 'teamlead', 'admin'],
  /** First-contact resolution figures (no personal data). */
  readContactStats: ['teamlead', 'manager', 'quality', 'admin'],
  /** Personal data is for those who serve people; managers and quality staff see aggregates only. */
  useCustomers: ['agent', 'backoffice', 'teamlead', 'admin'],
  /** Merge duplicate customer records. */
  mergeCustomers: ['teamlead', 'admin'],
  /** The address register: look an address up by postcode and number or by street (the roles of `useCustomers`). */
  lookupAddresses: ['agent', 'backoffice', 'teamlead', 'admin'],
  /** Import the address register (a CSV of the BAG). */
  manageAddresses: ['admin'],
  /** The front-office settings and the districts (areas) by postcode. */
  manageFrontOfficeSettings: ['admin'],

  // ---- messages to people ----
  /** The delivery log (addresses and texts of messages sent): for those who serve people. */
  readDeliveries: ['agent', 'backoffice', 'teamlead', 'admin'],
  /** Send failed messages again. */
  retryDeliveries: ['teamlead', 'admin'],
  /** Letters to people without an email address: the post queue, the PDFs, "sent by post" (those who work cases). */
  workLetters: ['backoffice', 'teamlead', 'admin'],
  /** The dev mailbox: every email the installation kept instead of sending. */
  readMailbox: ['admin'],
  /** Webhooks send case data to other systems: only administrators set them up and read their log. */
  manageWebhooks: ['admin'],

  // ---- content ----
  /** Change catalogue items. */
  manageCatalogue: ['admin'],
  /** The catalogue admin pages and its drafts: everyone listed reads; only `manageCatalogue` changes items. */
  readCatalogueAdmin: ['admin', 'manager', 'quality'],
  /** The working-time calendar: everyone reads it; administrators change it. */
  manageCalendar: ['admin'],
  /** Write and publish knowledge articles (and read their drafts on the admin pages). */
  editKnowledge: ['admin', 'quality'],
  /** Read the drafts of knowledge articles. */
  seeKnowledgeDrafts: ['admin', 'quality', 'manager'],
  /** Import and export of the catalogue and knowledge base. */
  transferContent: ['admin'],

  // ---- surveys ----
  /** Write and publish survey definitions, and say which survey applies when. */
  manageSurveys: ['admin', 'quality'],
  /** Read survey answers (grades, texts; no names): those who improve the service, and team leads for their team. */
  readSurveyResponses: ['admin', 'quality', 'manager', 'teamlead'],

  // ---- people and the organisation ----
  /** The users page: who works where. */
  listUsers: ['admin', 'teamlead', 'manager'],
  /** The list of users over the API: also quality officers, who need names to read the audit trail. */
  readUserList: ['admin', 'teamlead', 'manager', 'quality'],
  manageUsers: ['admin'],
  /** The teams page (every signed-in person reads the teams over the API: hand-overs need them). */
  listTeams: ['admin', 'teamlead', 'manager'],
  manageTeams: ['admin'],
  /** Every API token of the organisation (others see and revoke their own). */
  manageTokens: ['admin'],
  readAudit: ['admin', 'quality'],
  /** Open311 GeoReport v2: let client apps in (issue their API keys) and revoke them. */
  manageOpen311Clients: ['admin'],
  /** The settings pages (one way in, each page for the roles the API lets change it). */
  adminSettings: ['teamlead', 'admin'],

  // ---- monitoring (issue 14, kpis part) ----
  /** The whole organisation's figures: every KPI at every level, with agents' names. */
  readMetrics: ['manager', 'quality', 'admin'],
  /** The figures of the teams one leads (a team-lead membership) and of the agents in them. */
  readTeamMetrics: ['teamlead'],
  /** One's own figures: the contact KPIs of the contacts one handled. */
  readOwnMetrics: ['agent', 'backoffice', 'teamlead'],
  /** The organisation's targets per KPI. */
  manageKpiTargets: ['manager', 'admin'],
  /** Segments (doelgroepen): rules over customer attributes, a filter on every figure. */
  manageSegments: ['manager', 'quality', 'admin'],
  /** Causes and equal treatment (drivers, breach reasons, equality): team leads for their own teams, the rest for the
   * whole organisation (those with `readMetrics`). */
  analyseMetrics: ['teamlead', 'manager', 'quality', 'admin'],
  // ---- monitoring inputs (issue 14: waiting figures, unit costs, mystery checks) ----
  /** Read the queue figures, cost to serve and mystery checks (aggregates; no personal data). */
  readServiceInputs: ['teamlead', 'manager', 'quality', 'admin'],
  /** Import queue figures (a telephony system pushes with an API token of one of these roles). */
  importWaitingFigures: ['manager', 'admin'],
  /** The unit cost of each channel. */
  manageUnitCosts: ['manager', 'admin'],
  /** Record mystery shopping and calling results, and add points to a channel's checklist. */
  recordMysteryChecks: ['quality', 'manager', 'admin'],

  // ---- excellence (issue 15): self-assessment, strategy, improvement, innovation, employees, integrity ----
  /** The excellence overview: the assessment profile, open improvements, effects, objectives on/off target. */
  readExcellence: ['teamlead', 'manager', 'quality', 'admin'],
  /** Read assessments and their profiles (a rater scores only the assessments they are invited to: the API's
   * policy). */
  readAssessments: ['teamlead', 'manager', 'quality', 'admin'],
  /** Start an assessment, invite raters, run the consensus round, close it; load an assessment model. */
  runAssessments: ['quality', 'admin'],
  /** Read the service vision, mission, values, objectives and actions: every employee (element 1 and 4). */
  readStrategy: ['agent', 'backoffice', 'teamlead', 'manager', 'quality', 'admin'],
  /** Write the vision, objectives, KPI targets under objectives and actions; hold the periodic review. */
  manageStrategy: ['manager', 'quality', 'admin'],
  /** Explain a missed target in the periodic review (also team leads, for their own teams' objectives). */
  explainStrategy: ['teamlead', 'manager', 'quality', 'admin'],
  /** Send a suggestion for improvement from any screen: every employee. */
  suggestImprovements: ['agent', 'backoffice', 'teamlead', 'manager', 'quality', 'admin', 'integrity'],
  /** The improvement inbox: read signals, cluster them, turn them into proposals, dismiss them. */
  triageSignals: ['teamlead', 'manager', 'quality', 'admin'],
  /** Read improvement proposals and their effects: every employee (the work floor sees what became of ideas). */
  readImprovements: ['agent', 'backoffice', 'teamlead', 'manager', 'quality', 'admin'],
  /** Create and steer improvement proposals (owner, PDCA status, effect, publication). */
  manageImprovements: ['teamlead', 'manager', 'quality', 'admin'],
  /** Read the ideas pipeline and experiments: every employee. */
  readIdeas: ['agent', 'backoffice', 'teamlead', 'manager', 'quality', 'admin'],
  /** Move ideas through the pipeline, design experiments, publish an idea for residents' comments. */
  manageIdeas: ['manager', 'quality', 'admin'],
  /** Moderate residents' comments on public ideas. */
  moderateIdeaComments: ['quality', 'admin'],
  /** Answer the anonymous staff pulse survey: every employee. */
  answerPulse: ['agent', 'backoffice', 'teamlead', 'manager', 'quality', 'admin', 'integrity'],
  /** Read the pulse results (only for groups at or above the minimum size) and set the pulse questions. */
  readPulse: ['teamlead', 'manager', 'quality', 'admin'],
  managePulse: ['quality', 'admin'],
  /** The team page (its feedback, figures and improvements): members read their own teams, these roles every team. */
  readAllTeamPages: ['manager', 'quality', 'admin'],
  /** The integrity register (reports and conflicts of interest): the integrity officer alone; every read audited. */
  manageIntegrity: ['integrity'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether holding these roles grants the permission. */
export function rolesAllow(roles: Iterable<Role>, permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  for (const role of roles) if (allowed.includes(role)) return true;
  return false;
}

/**
 * Whether someone with these team memberships works cases — in a team that `inTeam` accepts, when given (the
 * people a case or a batch of cases can be assigned to).
 */
export function worksCases(
  memberships: readonly { role: Role; teamId: string }[],
  inTeam: (teamId: string) => boolean = () => true,
): boolean {
  return memberships.some((m) => rolesAllow([m.role], 'workCases') && inTeam(m.teamId));
}
