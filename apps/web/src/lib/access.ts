import type { Me, Role } from '@voordeur/shared';
import { useCurrentUser } from './CurrentUser.tsx';

/**
 * Which roles may see or do what in the web app. The API enforces the same rules; these only
 * decide what to show, so nobody is offered a page or button that would answer 403.
 */
export const ACCESS = {
  listUsers: ['admin', 'teamlead', 'manager'],
  manageUsers: ['admin'],
  listTeams: ['admin', 'teamlead', 'manager'],
  manageTeams: ['admin'],
  manageTokens: ['admin'],
  readAudit: ['admin', 'quality'],
  /** The catalogue admin pages: everyone listed reads; only `manageCatalogue` changes items. */
  readCatalogueAdmin: ['admin', 'manager', 'quality'],
  manageCatalogue: ['admin'],
  /** The working-time calendar: the catalogue readers read it; administrators change it. */
  manageCalendar: ['admin'],
  /** The knowledge base admin pages: everyone listed reads (drafts too); `editKnowledge` changes articles. */
  editKnowledge: ['admin', 'quality'],
  /** Import and export of the catalogue and knowledge base. */
  transferContent: ['admin'],
  /** The front-office workspace: register contacts, answer, hand over. */
  useWorkspace: ['agent', 'admin'],
  /** Callback requests: the front office makes them, the back office and team leads work them. */
  workCallbacks: ['agent', 'backoffice', 'teamlead', 'admin'],
  /** First-contact resolution figures. */
  readContactStats: ['teamlead', 'manager', 'quality', 'admin'],
  /** Cases: the queues and the case page. Front and back office both read; management and quality read along. */
  readCases: ['agent', 'backoffice', 'teamlead', 'manager', 'quality', 'admin'],
  /** Handle a case: statuses, messages to the person, the clock, complaints, links, claiming. */
  workCases: ['backoffice', 'teamlead', 'admin'],
  /** Internal notes and registering what the person told us (the front office too). */
  annotateCases: ['agent', 'backoffice', 'teamlead', 'admin'],
  /** Hand cases to someone else, one or many at a time. */
  assignCases: ['teamlead', 'admin'],
  /** The delivery log (addresses and texts of emails sent); team leads and administrators send failed ones again. */
  readDeliveries: ['agent', 'backoffice', 'teamlead', 'admin'],
  retryDeliveries: ['teamlead', 'admin'],
  /** Customer data (the front-office settings with the areas, for the queue's filter). */
  useCustomers: ['agent', 'backoffice', 'teamlead', 'admin'],
  /** Letters to people without an email address: the post queue, the PDFs, "sent by post" (those who work cases). */
  workLetters: ['backoffice', 'teamlead', 'admin'],

  /** The settings pages (one way in, each page for the roles the API lets change it). */
  adminSettings: ['teamlead', 'admin'],
  /** Breach reasons, the warning time and the complaint terms. */
  manageCaseSettings: ['admin'],
  /** The message templates residents receive. */
  editTemplates: ['teamlead', 'admin'],
  /** The front-office settings and the districts (areas) by postcode. */
  manageFrontOfficeSettings: ['admin'],
  /** Webhooks: other systems that receive case events, with their delivery logs. */
  manageWebhooks: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof ACCESS;

export const can = (me: Pick<Me, 'roles'>, permission: Permission): boolean =>
  me.roles.some((role) => (ACCESS[permission] as readonly Role[]).includes(role));

/** Whether the signed-in user holds one of the roles for this permission. */
export function useCan(permission: Permission): boolean {
  return can(useCurrentUser(), permission);
}
