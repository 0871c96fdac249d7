import type { Db } from '@voordeur/db';
import type { CatalogueItemDefinition } from '@voordeur/shared';
import { errors } from '../../plugins/errors.ts';
import { organisationBySlug } from '../organisations/index.ts';
import * as q from './catalogue.queries.ts';

/**
 * "Wat kunt u van ons verwachten": an organisation's published catalogue for residents and businesses, by the
 * organisation's slug. Anyone may read it (no actor): only external items, and only their published versions.
 */
export async function publicCatalogue(db: Db, slug: string) {
  const org = await organisationBySlug(db, slug);
  if (!org) throw errors.notFound('organisation');
  const rows = await q.listItems(db, org.id, { audience: 'external', state: 'published' });
  const definitions = rows
    .filter((r) => r.published?.id)
    .map((r) => r.published!.definition as CatalogueItemDefinition);
  return { organisation: { name: org.name, slug: org.slug }, definitions };
}
