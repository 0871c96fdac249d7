/**
 * Signing out. Signing in is the server's sign-in page (`/login`, `/p/<slug>/inloggen`; ADR 0022): it loads no
 * script, and sends the browser on to the app once the session is set. Who is signed in is the toolkit's
 * (lib/session.ts, lib/CurrentUser.tsx): every part of the app asks it.
 * The only file of this feature that other features and the shell import.
 */
export { signInHref, useLogout } from './api.ts';
