import type { Db } from '@voordeur/db';
import type { Locale, PlaceAddress } from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { authorize, signedIn } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import {
  addressAt,
  districtCentres,
  presentAddress,
  registerCentre,
  searchRegister,
} from '../addresses/index.ts';
import { followCase, followerOfToken, nearbyReports, openCasesOnMap, unfollow } from '../cases/index.ts';
import { frontOfficeSettings } from '../customers/index.ts';
import { organisationBySlug } from '../organisations/index.ts';

/** The organisation of a public page by its slug, or 404. */
export async function organisationOf(db: Db, slug: string) {
  const org = await organisationBySlug(db, slug);
  if (!org) throw errors.notFound('organisation');
  return org;
}

/** The portal's address lookup: by postcode and number, or by street (and number), at most 20. */
export async function findAddresses(
  db: Db,
  slug: string,
  query: { postcode?: string; number?: number; addition?: string; street?: string },
): Promise<PlaceAddress[]> {
  const org = await organisationOf(db, slug);
  return (await searchRegister(db, org.id, query)).map(presentAddress);
}

/** The address nearest to a point picked on the map (422 `location_outside` farther than 500 m from any). */
export async function nearestAddress(db: Db, slug: string, lat: number, lon: number): Promise<PlaceAddress> {
  const org = await organisationOf(db, slug);
  return presentAddress(await addressAt(db, org.id, lat, lon));
}

/** Where the organisation's map opens: the middle of its addresses. */
export async function mapCentre(db: Db, slug: string) {
  const org = await organisationOf(db, slug);
  return { centre: await registerCentre(db, org.id) };
}

export async function nearby(
  db: Db,
  slug: string,
  query: { item: string; lat: number; lon: number },
  language: Locale,
) {
  const org = await organisationOf(db, slug);
  return nearbyReports(db, org.id, query, language);
}

export async function follow(
  db: Db,
  slug: string,
  reference: string,
  input: { email: string; language: Locale },
  requestId: string,
) {
  const org = await organisationOf(db, slug);
  return followCase(db, org.id, reference, input, requestId);
}

/** What the stop-following page shows: the organisation, and the case's reference while the link still works. */
export async function unfollowPage(db: Db, slug: string, token: string) {
  const org = await organisationOf(db, slug);
  const follower = await followerOfToken(db, org.id, token);
  return { organisation: org, reference: follower?.reference ?? null };
}

export async function stopFollowing(db: Db, slug: string, token: string, requestId: string) {
  const org = await organisationOf(db, slug);
  return unfollow(db, org.id, token, requestId);
}

export function caseMap(db: Db, ctx: Ctx, filter: { teamId?: string | undefined }) {
  return openCasesOnMap(db, ctx, filter);
}

/**
 * The organisation's districts, each at the middle of its register addresses (the districts are postcode ranges,
 * not drawn shapes): for the map on the monitoring's districts page. Any colleague may read them.
 */
export async function districtMap(db: Db, ctx: Ctx) {
  authorize(ctx.actor, signedIn);
  const settings = await frontOfficeSettings(db, ctx.actor.organisationId);
  return { items: await districtCentres(db, ctx.actor.organisationId, settings.areas) };
}
