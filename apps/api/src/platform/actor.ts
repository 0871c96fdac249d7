import type { Role } from '@voordeur/shared';

/**
 * Who is acting: a signed-in user (session), a system integration (API token), or Voordeur itself
 * (the CLI, the demo seed, background jobs).
 */
export interface Actor {
  kind: 'user' | 'token' | 'system';
  organisationId: string;
  /** The user, or for a token the user who created it (may be null). */
  userId: string | null;
  tokenId: string | null;
  /** Hash of the session id, for cookie-authenticated callers; CSRF tokens are bound to it. */
  sessionId: string | null;
  roles: ReadonlySet<Role>;
  /** Human-readable name kept in audit events. */
  label: string;
}

/** What a service needs to know about the request it serves. */
export interface Ctx {
  actor: Actor;
  requestId: string;
}

/** An actor for work that Voordeur does itself, e.g. from the CLI; it may do what an admin may. */
export function systemActor(organisationId: string, label = 'Voordeur (systeem)'): Actor {
  return {
    kind: 'system',
    organisationId,
    userId: null,
    tokenId: null,
    sessionId: null,
    roles: new Set(['admin']),
    label,
  };
}

export function systemCtx(organisationId: string, label?: string): Ctx {
  return { actor: systemActor(organisationId, label), requestId: `system-${Date.now().toString(36)}` };
}
