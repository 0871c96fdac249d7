import { randomUUID } from 'node:crypto';
import { type Db, readAll } from '@voordeur/db';
import { type caseCreateSchema, LOCALES, type Locale } from '@voordeur/shared';
import type { z } from 'zod';
import type { Ctx } from '../../platform/actor.ts';
import { authorize } from '../../platform/policy.ts';
import { trackingHash, trackingLink, trackingToken } from '../../platform/tracking-links.ts';
import { addressErrors, placeOf } from '../addresses/index.ts';
import { localDate } from '../calendar/index.ts';
import { findItem, publishedDefinition } from '../catalogue/index.ts';
import { areaOfLocation, customerErrors, findCustomer } from '../customers/index.ts';
import { caseErrors } from './cases.errors.ts';
import { casesPolicy } from './cases.policy.ts';
import * as q from './cases.queries.ts';
import { openCase } from './cases.service.ts';
import { intakeContext } from './cases.settings.ts';
import { checkIntake } from './intake.ts';

/**
 * What any channel hands in to open a case: the desk's `POST /api/cases` body as it is, the front office's
 * hand-over of a contact (with `contact`), and the portal and Open311 of later work mapped onto it.
 */
export type IntakeInput = z.output<typeof caseCreateSchema> & {
  /** The contact the case is handed over from: linked to the case, its language the person's last resort. */
  contact?: { id: string; language: string } | undefined;
  /** When the case was received (the demo seed backdates its cases); now by default. */
  receivedAt?: Date | undefined;
  /**
   * The address must be one of the organisation's register (when it has one): the portal and Open311 set this, so
   * a resident cannot report a place outside the municipality. Coordinates outside are refused for every channel.
   */
  strictLocation?: boolean | undefined;
};

const isLocale = (v: string | null | undefined): v is Locale => LOCALES.includes(v as Locale);

/**
 * The language of a case, in which the person hears of it: the one asked for, else the preferred language on
 * their customer record, else the one they spoke at the contact it came from, else Dutch.
 */
export function caseLanguage(
  asked: Locale | undefined,
  customer: { preferredLanguage: string | null } | undefined,
  contact: { language: string } | undefined,
): Locale {
  if (asked) return asked;
  if (isLocale(customer?.preferredLanguage)) return customer.preferredLanguage;
  if (isLocale(contact?.language)) return contact.language;
  return 'nl';
}

/**
 * The one case intake, for every channel. Refuses, before anything is written: an item that is not published
 * (422 `unknown` on `itemCode`; a retired one 409 `not_published`), an unknown customer (422 on `customerId`), a
 * customer merged into another (409 `customer_merged`: the case belongs on the surviving record), a complaint
 * about an unknown case or anything but a complaint about a case, a question (they are answered, not handed
 * over), and intake answers that do not fit the item's form. Then draws the case number and opens the case
 * ({@link openCase}: one statement).
 *
 * Without a transaction of the caller's the number is drawn in its own short statement, so concurrent intakes do
 * not queue behind one counter row (a failed intake leaves a gap); in the caller's transaction (a contact's
 * hand-over) everything commits together.
 */
export async function intakeCase(db: Db, ctx: Ctx, input: IntakeInput) {
  authorize(ctx.actor, casesPolicy.create);
  const organisationId = ctx.actor.organisationId;
  const [context, found, customer] = await readAll(
    db,
    () => intakeContext(db, organisationId),
    () => findItem(db, organisationId, input.itemCode),
    async () => (input.customerId ? findCustomer(db, organisationId, input.customerId) : undefined),
  );
  if (!found?.published) throw caseErrors.unknown('itemCode', 'published catalogue item');
  const definition = publishedDefinition(found);
  if (input.customerId) {
    if (!customer) throw caseErrors.unknown('customerId', 'customer');
    if (customer.mergedIntoId) throw customerErrors.merged(customer.mergedIntoId);
  }
  if (input.aboutCaseId) {
    if (definition.kind !== 'complaint')
      throw caseErrors.invalid(
        'aboutCaseId',
        'Only a complaint is about another case',
        'about_case_complaint_only',
      );
    const about = await q.findCase(db, organisationId, input.aboutCaseId);
    if (!about) throw caseErrors.unknown('aboutCaseId', 'case');
  }
  if (definition.kind === 'question') throw caseErrors.notForCases();
  const intake = checkIntake(definition.intakeFields, input.answers, input.location !== undefined);
  if (intake.problems.length) throw caseErrors.intakeInvalid(intake.problems);
  const place = input.location ? await placeOf(db, organisationId, input.location) : null;
  if (place && !place.inside) {
    if (input.location?.lat !== undefined) throw addressErrors.outside('location.lat');
    if (input.strictLocation) throw addressErrors.outside('location.address');
  }
  const placed = place?.inside ? place : null;
  const now = input.receivedAt ?? new Date();
  const year = Number(localDate(now, context.calendar.timeZone).slice(0, 4));
  const number = await q.nextCaseNumber(db, organisationId, year);
  // The private tracking link, made with the case in the same statement (ADR 0024-case-tracking-links).
  const id = randomUUID();
  const tracking = { id, hash: trackingHash(trackingToken(organisationId, id)) };
  const trackingUrl = trackingLink(context.settings.organisationSlug, organisationId, id);
  // With the number, context and recipient known, openCase reads nothing before it writes every row at once.
  const opened = await openCase(db, ctx, {
    tracking,
    item: { id: found.item.id, versionId: found.published.id, teamId: found.item.teamId, definition },
    description: input.description,
    answers: input.answers,
    location: input.location,
    point: placed ? { lat: placed.lat, lon: placed.lon } : null,
    // A point picked on the map lies in the district of its nearest address (the location's own postcode first).
    area: areaOfLocation(
      context.frontOffice,
      input.location && !input.location.address && placed?.address
        ? { ...input.location, address: { postcode: placed.address.postcode } }
        : input.location,
    ),
    customerId: customer?.id ?? null,
    contactId: input.contact?.id ?? null,
    channel: input.channel,
    priority: input.priority,
    referencePrefix: context.frontOffice.casePrefix,
    language: caseLanguage(input.language, customer, input.contact),
    contactEmail: input.contactEmail ?? null,
    aboutCaseId: input.aboutCaseId ?? null,
    number,
    now,
    context,
    recipients: customer ?? undefined,
  });
  return { ...opened, trackingUrl };
}
