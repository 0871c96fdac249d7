import type { Me, Role, TeamKind } from '@voordeur/shared';
import { ROLES } from '@voordeur/shared';

interface MeInput {
  user: { id: string; email: string; name: string; locale: string };
  organisation: { id: string; name: string; slug: string };
  memberships: { teamId: string; teamName: string; teamKind: string; role: string }[];
}

/** Exactly what the signed-in person learns about themselves. */
export function presentMe({ user, organisation, memberships }: MeInput): Me {
  const roles = ROLES.filter((r) => memberships.some((m) => m.role === r));
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale === 'en' ? 'en' : 'nl',
    organisation: { id: organisation.id, name: organisation.name, slug: organisation.slug },
    roles,
    memberships: memberships.map((m) => ({
      teamId: m.teamId,
      teamName: m.teamName,
      teamKind: m.teamKind as TeamKind,
      role: m.role as Role,
    })),
  };
}
