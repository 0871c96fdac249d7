import type { Organisation } from '@voordeur/shared';

/** Exactly what a platform administrator learns of an organisation: who it is, never what it holds. */
export function presentOrganisation(org: {
  id: string;
  slug: string;
  name: string;
  theme: string | null;
  mailFrom: string | null;
  createdAt: Date;
}): Organisation {
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    theme: org.theme as Organisation['theme'],
    mailFrom: org.mailFrom,
    createdAt: org.createdAt.toISOString(),
  };
}
