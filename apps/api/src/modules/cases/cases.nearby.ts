/**
 * "Already reported nearby?" and following a case (issue 13, item 4): open public reports of the same item near a
 * place, and people who follow one of them instead of reporting it again. They hear of its public progress like
 * its reporter (`followerMessages`, used by `composePersonMessages`) until they stop through the link in each
 * message. Also the map of open reports for staff.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '@voordeur/db';
import {
  type CatalogueItemDefinition,
  DEFAULT_NEARBY_RADIUS_METRES,
  isLocationBased,
  type Locale,
  type MappedCase,
  type NearbyResult,
} from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { publicLink } from '../../platform/links.ts';
import { identifierHash } from '../../platform/personal-data.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { addressErrors, placeOf } from '../addresses/index.ts';
import { localDate } from '../calendar/index.ts';
import { findItem, publishedDefinition } from '../catalogue/index.ts';
import { type NotificationInput, queueNotifications } from '../notifications/index.ts';
import { caseErrors } from './cases.errors.ts';
import * as q from './cases.nearby.queries.ts';
import { casesPolicy } from './cases.policy.ts';

/** Who acts when someone follows or stops following a case from the public pages: nobody signed in. */
function publicCtx(organisationId: string, requestId: string): Ctx {
  return {
    actor: {
      kind: 'system',
      organisationId,
      userId: null,
      tokenId: null,
      sessionId: null,
      roles: new Set(),
      label: 'Volger (website)',
    },
    requestId,
  };
}

/** The published definition of a location-based item for residents, or 422 on `item`. */
async function locationItem(db: Db, organisationId: string, code: string) {
  const found = await findItem(db, organisationId, code);
  const definition = found?.published ? publishedDefinition(found) : undefined;
  if (!found || !definition || definition.audience !== 'external' || !isLocationBased(definition))
    throw caseErrors.unknown('item', 'published location-based item');
  return { id: found.item.id, definition };
}

type Label = { nl: string; en?: string | undefined } | null;
const word = (label: Label, language: Locale) => (label ? label[language] || label.nl : '');

/** The street of a reported location (never the house number: that could point at a person). */
function streetOf(location: unknown): string | null {
  const street = (location as { address?: { street?: unknown } } | null)?.address?.street;
  return typeof street === 'string' && street.trim() ? street.trim() : null;
}

/**
 * Open public reports of the item within its radius (`nearbyRadiusMetres`, 50 m by default) of the point,
 * nearest first, at most ten. A point outside the organisation's addresses is refused (422 `location_outside`).
 */
export async function nearbyReports(
  db: Db,
  organisationId: string,
  query: { item: string; lat: number; lon: number },
  language: Locale,
): Promise<NearbyResult> {
  const item = await locationItem(db, organisationId, query.item);
  const place = await placeOf(db, organisationId, query);
  if (place && !place.inside) throw addressErrors.outside('lat');
  const radius = item.definition.nearbyRadiusMetres ?? DEFAULT_NEARBY_RADIUS_METRES;
  if (radius === 0) return { radiusMetres: 0, items: [] };
  const rows = await q.openReportsNear(db, organisationId, item.id, query.lat, query.lon, radius);
  return {
    radiusMetres: radius,
    items: rows.map((r) => ({
      reference: r.reference,
      status: word(r.statusLabel, language),
      distanceMetres: Math.round(r.metres),
      reportedOn: localDate(r.createdAt, 'Europe/Amsterdam'),
      street: streetOf(r.location),
    })),
  };
}

/** The plan of the nearby query (tests: the GiST index answers it). */
export function explainNearby(db: Db, organisationId: string, itemId: string, lat: number, lon: number) {
  return q.explainNear(db, organisationId, itemId, lat, lon);
}

/**
 * The stop-following token of a follower: derived with the installation's keyed hash from the follower's id, so
 * every later message can carry the link while only its SHA-256 is stored. 256 bits, not guessable.
 */
export function followerToken(followerId: string) {
  return identifierHash(`case-follower|${followerId}`);
}
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

const stopLink = (slug: string, followerId: string) =>
  publicLink(`/p/${slug}/unfollow/${followerToken(followerId)}`);

const STOP_LINE = {
  nl: (link: string) =>
    `U krijgt dit bericht omdat u deze melding volgt. Wilt u geen berichten meer over deze melding? Ga naar ${link}`,
  en: (link: string) =>
    `You get this message because you follow this report. Don't want any more messages about this report? Go to ${link}`,
};

const CONFIRMATION = {
  nl: {
    subject: (reference: string) => `U volgt melding ${reference}`,
    body: (v: { reference: string; subject: string; status: string; organisation: string; stop: string }) =>
      `Geachte heer/mevrouw,\n\nU volgt nu melding ${v.reference} (${v.subject}). De melding is al bij ons bekend. U hoeft hem niet opnieuw te melden.\n\nDe status is nu: ${v.status}.\nVerandert er iets? Dan krijgt u een e-mail.\n\nMet vriendelijke groet,\n${v.organisation}\n\n${v.stop}`,
  },
  en: {
    subject: (reference: string) => `You follow report ${reference}`,
    body: (v: { reference: string; subject: string; status: string; organisation: string; stop: string }) =>
      `Dear Sir or Madam,\n\nYou now follow report ${v.reference} (${v.subject}). We already know about it. You don't need to report it again.\n\nIts status now: ${v.status}.\nWhen something changes, we will email you.\n\nKind regards,\n${v.organisation}\n\n${v.stop}`,
  },
};

/**
 * Someone follows an open public report of a location-based item (found by its reference; anything else is 404,
 * so references of other cases say nothing). One follower per address per case: following again changes
 * nothing and sends nothing. The first time, the follower, its audit event (on the case, without the address)
 * and the confirmation email are written in one transaction.
 */
export async function followCase(
  db: Db,
  organisationId: string,
  reference: string,
  input: { email: string; language: Locale },
  requestId: string,
) {
  const c = await q.followableCase(db, organisationId, reference);
  const definition = c?.definition as CatalogueItemDefinition | undefined;
  if (
    !c ||
    !definition ||
    c.closedAt ||
    c.parentCaseId ||
    c.mainCaseId ||
    !c.statusLabel ||
    definition.audience !== 'external' ||
    !isLocationBased(definition) ||
    definition.nearbyRadiusMetres === 0
  )
    throw errors.notFound('Case');
  const email = input.email.trim().toLowerCase();
  const language = input.language;
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const [added] = await q.insertFollower(tx, {
      id,
      organisationId,
      caseId: c.id,
      email,
      language,
      unsubscribeTokenHash: tokenHash(followerToken(id)),
    });
    if (!added) return { created: false };
    await recordAudit(tx, publicCtx(organisationId, requestId), {
      entityType: 'case',
      entityId: c.id,
      action: 'followed',
      after: { follower: id },
    });
    const words = CONFIRMATION[language];
    await queueNotifications(tx, [
      {
        organisationId,
        caseId: c.id,
        kind: 'follow',
        audience: 'person',
        channel: 'email',
        recipient: email,
        language,
        subject: words.subject(c.reference),
        body: words.body({
          reference: c.reference,
          subject: definition.name[language]?.trim() || definition.name.nl,
          status: word(c.statusLabel, language),
          organisation: c.organisationName,
          stop: STOP_LINE[language](stopLink(c.slug, id)),
        }),
      },
    ]);
    return { created: true };
  });
}

/** The follower a stop-following token belongs to (null when none: the token is wrong or was used already). */
export async function followerOfToken(db: Db, organisationId: string, token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return (await q.followerByTokenHash(db, organisationId, tokenHash(token))) ?? null;
}

/** Stops following: removes the follower (with its audit event); false when the token finds none. */
export async function unfollow(db: Db, organisationId: string, token: string, requestId: string) {
  const follower = await followerOfToken(db, organisationId, token);
  if (!follower) return null;
  return db.transaction(async (tx) => {
    const [gone] = await q.deleteFollower(tx, organisationId, follower.id);
    if (!gone) return null;
    await recordAudit(tx, publicCtx(organisationId, requestId), {
      entityType: 'case',
      entityId: follower.caseId,
      action: 'unfollowed',
      before: { follower: follower.id },
    });
    return { reference: follower.reference };
  });
}

/**
 * The public progress messages of a case for its followers: the same subject and text as the reporter's, in the
 * follower's language, with the link to stop following; nobody whose address already hears of it.
 */
export async function followerMessages(
  db: Db,
  organisationId: string,
  caseId: string,
  compose: (language: Locale) => { subject: string; body: string },
  alreadyTold: Set<string>,
): Promise<NotificationInput[]> {
  const followers = await q.followersOf(db, organisationId, caseId);
  const out: NotificationInput[] = [];
  for (const f of followers) {
    if (alreadyTold.has(f.email)) continue;
    alreadyTold.add(f.email);
    const language: Locale = f.language === 'en' ? 'en' : 'nl';
    const { subject, body } = compose(language);
    out.push({
      organisationId,
      caseId,
      kind: 'status',
      audience: 'person',
      channel: 'email',
      recipient: f.email,
      language,
      subject,
      body: `${body}\n\n${STOP_LINE[language](stopLink(f.slug, f.id))}`,
    });
  }
  return out;
}

/** Open cases with a known place, for the staff map of open reports (with the queue's team filter). */
export async function openCasesOnMap(
  db: Db,
  ctx: Ctx,
  filter: { teamId?: string | undefined },
): Promise<{ items: MappedCase[]; truncated: boolean }> {
  authorize(ctx.actor, casesPolicy.read);
  const limit = 500;
  const rows = await q.openCasesWithPlace(db, ctx.actor.organisationId, filter.teamId, limit + 1);
  return {
    truncated: rows.length > limit,
    items: rows.slice(0, limit).map((r) => {
      const a = (r.location as { address?: Record<string, unknown> } | null)?.address;
      const number = a
        ? `${a.houseNumber ?? ''}${a.houseLetter ?? ''}${a.addition ? `-${a.addition}` : ''}`
        : '';
      return {
        id: r.id,
        reference: r.reference,
        subject: r.subject,
        lat: r.lat!,
        lon: r.lon!,
        address: a ? `${a.street} ${number}, ${a.city}` : null,
      };
    }),
  };
}
