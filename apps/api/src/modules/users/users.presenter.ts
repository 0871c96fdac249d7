import type { Role, TeamKind, User } from '@voordeur/shared';

export function presentUser(
  u: {
    id: string;
    email: string;
    name: string;
    locale: string;
    active: boolean;
    lastLoginAt: Date | null;
    version: number;
    createdAt: Date;
  },
  memberships: { teamId: string; teamName: string; teamKind: string; role: string }[],
): User {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    locale: u.locale === 'en' ? 'en' : 'nl',
    active: u.active,
    memberships: memberships.map((m) => ({
      teamId: m.teamId,
      teamName: m.teamName,
      teamKind: m.teamKind as TeamKind,
      role: m.role as Role,
    })),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
  };
}
