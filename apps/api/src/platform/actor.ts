import type { Role } from '@voordeur/shared';

/**
 * Who is acting: a signed-in user (session), a system integration (API token), Voordeur itself
 * (the CLI, the demo seed, background jobs), or a platform administrator (ADR 0007), who belongs to no
 * organisation and may only list and create organisations; or a resident on My page (no role: it changes only their
 * own preferences and consents, and is named in the audit trail).
 */
export interface Actor {
  kind: 'user' | 'token' | 'system' | 'platform' | 'resident';
  /** For a platform administrator {@link NO_ORGANISATION}: every organisation-scoped query finds nothing. */
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

/** The organisation id of a platform administrator: no organisation has it (ids are random v4 UUIDs). */
export const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000';

/** A platform administrator, from a platform token: no organisation, no role in any organisation. */
export function platformActor(tokenId: string, name: string): Actor {
  return {
    kind: 'platform',
    organisationId: NO_ORGANISATION,
    userId: null,
    tokenId,
    sessionId: null,
    roles: new Set(),
    label: `Platformbeheer "${name}"`,
  };
}

/** The platform administrator at the console (the CLI): may create organisations as a platform token may. */
export function platformCtx(label = 'Platformbeheer (CLI)'): Ctx {
  return {
    actor: { ...platformActor('', ''), tokenId: null, label },
    requestId: `platform-${Date.now().toString(36)}`,
  };
}
