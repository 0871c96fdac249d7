/**
 * The settings pages: case settings, message templates, front office and districts, webhooks.
 * The only file of this feature that other features and the shell import.
 */

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadSettingsPage = async () => (await import('./SettingsPage.tsx')).SettingsPage;
export const loadCaseSettingsPage = async () => (await import('./CaseSettingsPage.tsx')).CaseSettingsPage;
export const loadTemplatesPage = async () => (await import('./TemplatesPage.tsx')).TemplatesPage;
export const loadFrontOfficeSettingsPage = async () =>
  (await import('./FrontOfficeSettingsPage.tsx')).FrontOfficeSettingsPage;
export const loadWebhooksPage = async () => (await import('./WebhooksPage.tsx')).WebhooksPage;
