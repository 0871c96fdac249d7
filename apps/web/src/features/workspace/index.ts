/**
 * The front-office workspace; how the front office shows phones, addresses and callback slots; the key of
 * the callbacks it caches.
 * The only file of this feature that other features and the shell import.
 */

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadWorkspacePage = async () => (await import('./WorkspacePage.tsx')).WorkspacePage;

export { callbacksKey } from './api.ts';
export { addressLine, displayPhone, slotText } from './format.ts';
