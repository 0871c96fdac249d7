/**
 * The working-time calendar (opening hours, holidays) that norm dates are counted over.
 * The only file of this feature that other features and the shell import.
 */

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadCalendarPage = async () => (await import('./CalendarPage.tsx')).CalendarPage;
