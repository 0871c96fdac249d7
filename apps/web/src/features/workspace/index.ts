/**
 * The front-office workspace, and the key of the callbacks it caches (the callbacks list shares the cache).
 * The only file of this feature that other features and the shell import.
 */

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadWorkspacePage = async () => (await import('./WorkspacePage.tsx')).WorkspacePage;

export { callbacksKey } from './api.ts';
