/**
 * Roles a user can hold, per team. A user may hold several roles, in several teams.
 * The order is only for display; no role implies another. `integrity` is the integrity officer (vertrouwenspersoon
 * / integriteitsfunctionaris): the only role that reads the integrity register (issue 15).
 */
export const ROLES = ['agent', 'backoffice', 'teamlead', 'manager', 'quality', 'admin', 'integrity'] as const;
export type Role = (typeof ROLES)[number];

/** Kinds of team: the first line, the back office, and management. */
export const TEAM_KINDS = ['front_office', 'back_office', 'management'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

/** Languages the product speaks; Dutch first. */
export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';
