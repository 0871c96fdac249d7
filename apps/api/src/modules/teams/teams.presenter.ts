import type { Team, TeamKind } from '@voordeur/shared';

export function presentTeam(t: {
  id: string;
  name: string;
  kind: string;
  description: string;
  memberCount: number;
  version: number;
  createdAt: Date;
}): Team {
  return {
    id: t.id,
    name: t.name,
    kind: t.kind as TeamKind,
    description: t.description,
    memberCount: t.memberCount,
    version: t.version,
    createdAt: t.createdAt.toISOString(),
  };
}
