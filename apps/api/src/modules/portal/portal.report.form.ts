/**
 * The rules of the server-rendered report form (ADR 0022, addendum): what a posted form says (its fields named as
 * the page names them), where the place is (the register found by postcode + number or street, or a point picked
 * on the map), and which field each problem belongs to, in the person's words. The route only carries them.
 */

import type { Db } from '@voordeur/db';
import {
  type CatalogueItemDefinition,
  formatPostcode,
  type IntakeField,
  isLocationBased,
  type NearbyResult,
  type PlaceAddress,
  PORTAL_LIMITS,
  type PortalReportBody,
  portalReportBodySchema,
  portalReportSchema,
  REACH_CHOICES,
  type ReachChoice,
} from '@voordeur/shared';
import type { Language } from '../../platform/public-words.ts';
import { AppError } from '../../plugins/errors.ts';
import type { FieldErrors } from '../../plugins/page-parts.tsx';
import { addressAt, presentAddress, searchRegister } from '../addresses/index.ts';
import { nearbyReports } from '../cases/index.ts';
import type { ReportWords } from './portal.report.words.ts';

/** A posted form: each field's values in order (a multiple choice sends several). */
export type Posted = Map<string, string[]>;

export const one = (posted: Posted, name: string) => (posted.get(name)?.[0] ?? '').trim();

/** The page's names of the fields (`name=`), and their ids (what the error summary links to). */
export const answerName = (key: string) => `a.${key}`;
export const answerId = (key: string) => `report-field-${key}`;
export const LOCATION_ID = 'location';
export const CONTACT_IDS = {
  name: 'report-name',
  email: 'report-email',
  phone: 'report-phone',
  street: 'report-street',
  houseNumber: 'report-house-number',
  addition: 'report-addition',
  postcode: 'report-postcode',
  city: 'report-city',
} as const;
export const REACH_ID = `report-reach-${REACH_CHOICES[0]}`;
export const DESCRIPTION_ID = 'report-description';
export const FOLLOW_EMAIL_ID = 'report-follow-email';

/** Contact details answer the intake questions that the profile would fill in ("ask once"): not asked twice. */
const CONTACT_PREFILLS = new Set(['name', 'email', 'phone']);
export const isAsked = (field: IntakeField) =>
  !(field.type === 'text' && field.prefill && CONTACT_PREFILLS.has(field.prefill));

/** The intake field the place answers: the form's first location question. */
export const placeField = (fields: readonly IntakeField[]) => fields.find((f) => f.type === 'location');

/** A file kept from an earlier post of the same form (upload id, as `POST …/uploads` answers it). */
export interface KeptUpload {
  field: string;
  id: string;
  fileName: string;
}

/** A kept file travels in the page as `<field>|<id>|<name>` (checked again by the report: ids are single use). */
export const keptValue = (k: KeptUpload) => `${k.field}|${k.id}|${k.fileName}`;
export function keptOf(posted: Posted, fields: readonly IntakeField[]): KeptUpload[] {
  const attachments = new Set(fields.filter((f) => f.type === 'attachment').map((f) => f.key));
  const out: KeptUpload[] = [];
  for (const value of posted.get('kept') ?? []) {
    const [field = '', id = '', ...name] = value.split('|');
    if (attachments.has(field) && /^[A-Za-z0-9_-]{16,100}$/.test(id))
      out.push({ field, id, fileName: name.join('|').slice(0, 200) });
  }
  return out.slice(0, PORTAL_LIMITS.filesMax);
}

// ---- the place --------------------------------------------------------------------------------------------

export interface PlaceState {
  /** The address the place is at (found, or nearest to the point picked on the map). */
  chosen?: PlaceAddress;
  /** Where exactly: the address's own point, or the one picked on the map. */
  point?: { lat: number; lon: number };
  /** Several addresses fit what was typed: the person chooses. */
  choices?: PlaceAddress[];
  /** Why no place was found: a key of the words' errors. */
  problem?: 'placeNotFound' | 'placeStreet' | 'postcode' | 'placeOutside' | 'placeChoose';
  description?: string;
}

/** An address of the register as the page names it: "Kerkstraat 12A, 1234 AB Voorbeeld". */
export const addressText = (a: PlaceAddress) =>
  `${a.street} ${a.number}${a.addition ? (/^[A-Z]$/.test(a.addition) ? a.addition : `-${a.addition}`) : ''}, ${formatPostcode(a.postcode)} ${a.place}`;

/** The value of a found address in the choice list. */
export const addressKey = (a: PlaceAddress) => `${a.postcode}|${a.number}|${a.addition}`;

const number = (s: string) => (/^\d{1,5}$/.test(s) ? Number(s) : undefined);
const degrees = (s: string) => (/^-?\d{1,3}(\.\d{1,12})?$/.test(s) ? Number(s) : undefined);

/**
 * Where the place is, from what the person typed: the postcode (with house number), else the street (with
 * number), else a point picked on the map; several addresses → the person picks one of them (`loc.choice`).
 * Nothing typed is no problem here: the place may be a description alone (or not asked).
 */
export async function resolvePlace(db: Db, organisationId: string, posted: Posted): Promise<PlaceState> {
  const description = one(posted, 'loc.description').slice(0, PORTAL_LIMITS.textMax) || undefined;
  const base = description ? { description } : {};
  const postcode = one(posted, 'loc.postcode');
  const street = one(posted, 'loc.street');
  const typedNumber = one(posted, 'loc.number');
  const houseNumber = number(typedNumber);
  if (typedNumber && houseNumber === undefined) return { ...base, problem: 'placeNotFound' };
  let found: PlaceAddress[] | undefined;
  try {
    if (postcode)
      found = (await searchRegister(db, organisationId, { postcode, number: houseNumber })).map(
        presentAddress,
      );
    else if (street) {
      if (street.length < 2) return { ...base, problem: 'placeStreet' };
      found = (
        await searchRegister(db, organisationId, { street: street.slice(0, 100), number: houseNumber })
      ).map(presentAddress);
    }
  } catch (e) {
    // The register refuses what is not a postcode.
    if (e instanceof AppError && e.status === 422) return { ...base, problem: 'postcode' };
    throw e;
  }
  if (found) {
    if (!found.length) return { ...base, problem: 'placeNotFound' };
    const picked =
      found.length === 1 ? found[0] : found.find((a) => addressKey(a) === one(posted, 'loc.choice'));
    if (!picked) return { ...base, choices: found.slice(0, 20), problem: 'placeChoose' };
    return { ...base, chosen: picked, point: { lat: picked.lat, lon: picked.lon } };
  }
  const lat = degrees(one(posted, 'loc.lat'));
  const lon = degrees(one(posted, 'loc.lon'));
  if (lat !== undefined && lon !== undefined) {
    try {
      const near = presentAddress(await addressAt(db, organisationId, lat, lon));
      return { ...base, chosen: near, point: { lat, lon } };
    } catch (e) {
      if (e instanceof AppError && e.code === 'location_outside') return { ...base, problem: 'placeOutside' };
      throw e;
    }
  }
  return base;
}

/** The register's address as the intake takes it (a single letter is the house letter). */
function addressInput(a: PlaceAddress) {
  const letter = /^[A-Z]$/.test(a.addition) ? a.addition : undefined;
  const addition = !letter && a.addition ? a.addition.slice(0, 8) : undefined;
  return {
    street: a.street,
    houseNumber: a.number,
    ...(letter ? { houseLetter: letter } : {}),
    ...(addition ? { addition } : {}),
    postcode: a.postcode,
    city: a.place,
  };
}

/** "Already reported nearby?" is asked once per place: the place the person saw the list for. */
export const pointKey = (p: { lat: number; lon: number }) => `${p.lat.toFixed(6)},${p.lon.toFixed(6)}`;

/** Open reports of the same item near the place (none for an item that is not about a place). */
export async function nearbyOf(
  db: Db,
  organisationId: string,
  definition: Pick<CatalogueItemDefinition, 'code' | 'kind' | 'intakeFields'>,
  point: { lat: number; lon: number } | undefined,
  language: Language,
): Promise<NearbyResult | undefined> {
  if (!point || !isLocationBased(definition)) return undefined;
  try {
    const found = await nearbyReports(db, organisationId, { item: definition.code, ...point }, language);
    return found.items.length ? found : undefined;
  } catch (e) {
    // A place outside the organisation has no reports nearby; the report itself is refused for it.
    if (e instanceof AppError && e.code === 'location_outside') return undefined;
    throw e;
  }
}

// ---- the report -------------------------------------------------------------------------------------------

/** A typed answer from what was typed or chosen; what cannot be one is passed on as typed, for the schema to refuse. */
function typed(field: IntakeField, values: string[] | undefined): unknown {
  if (field.type === 'multi_choice') return values?.filter(Boolean) ?? [];
  const v = (values?.[0] ?? '').trim();
  if (!v) return undefined;
  if (field.type === 'number') {
    const n = Number(v.replace(',', '.'));
    return Number.isFinite(n) ? n : v;
  }
  if (field.type === 'yes_no') return v === 'yes' ? true : v === 'no' ? false : v;
  return v;
}

/** The report the form describes, as the API's `POST …/reports` takes it (the schema decides whether it fits). */
export function reportBody(
  posted: Posted,
  item: { code: string; intakeFields: IntakeField[] },
  place: PlaceState,
  uploads: KeptUpload[],
  language: Language,
): PortalReportBody {
  const answers: Record<string, unknown> = {};
  const location = placeField(item.intakeFields);
  for (const f of item.intakeFields) {
    if (!isAsked(f) || f.type === 'attachment' || f === location) continue;
    const value = typed(f, posted.get(answerName(f.key)));
    if (value !== undefined && !(Array.isArray(value) && !value.length)) answers[f.key] = value;
  }
  // A choice not offered is passed on for the schema to refuse.
  const reach = (one(posted, 'reach') || 'email') as ReachChoice;
  const name = one(posted, 'name');
  const email = one(posted, 'email');
  const phone = one(posted, 'phone');
  // The questions the contact details answer, filled in as the API does.
  const contactValue: Record<string, string> = { name, email, phone };
  for (const f of item.intakeFields)
    if (!isAsked(f) && f.prefill && contactValue[f.prefill]) answers[f.key] = contactValue[f.prefill];
  const houseNumber = one(posted, 'houseNumber');
  const addition = one(posted, 'addition');
  const description = one(posted, 'description');
  const placed =
    place.chosen && place.point
      ? { address: addressInput(place.chosen), lat: place.point.lat, lon: place.point.lon }
      : {};
  const where = { ...placed, ...(place.description ? { description: place.description } : {}) };
  return {
    itemCode: item.code,
    ...(description ? { description } : {}),
    answers,
    ...(Object.keys(where).length ? { location: where } : {}),
    contact: {
      name,
      reach,
      ...(reach === 'email' && email ? { email } : {}),
      ...(reach === 'phone' && phone ? { phone } : {}),
      ...(reach === 'post'
        ? {
            address: {
              street: one(posted, 'street'),
              houseNumber: (number(houseNumber) ?? houseNumber) as number,
              ...(addition ? { addition } : {}),
              postcode: one(posted, 'postcode'),
              city: one(posted, 'city'),
            },
          }
        : {}),
    },
    language,
    formToken: one(posted, 'formToken'),
    ...(one(posted, 'website') ? { website: one(posted, 'website') } : {}),
    uploads: uploads.map((u) => ({ field: u.field, id: u.id })),
  };
}

/** Field problems (`contact.email`, `answers.size`…) as the page shows them: by field id, in the person's words. */
export function pageErrors(
  problems: { field: string; message?: string; missing?: boolean; tooLong?: number }[],
  fields: readonly IntakeField[],
  w: ReportWords,
): { errors: FieldErrors; problem?: string } {
  const e = w.errors;
  const errors: FieldErrors = {};
  let problem: string | undefined;
  const location = placeField(fields);
  const firstFile = fields.find((f) => f.type === 'attachment');
  const contact: Record<string, [string, string]> = {
    'contact.name': [CONTACT_IDS.name, e.name],
    'contact.reach': [REACH_ID, e.choose],
    'contact.email': [CONTACT_IDS.email, e.email],
    'contact.phone': [CONTACT_IDS.phone, e.phone],
    'contact.address': [CONTACT_IDS.street, e.street],
    'contact.address.street': [CONTACT_IDS.street, e.street],
    'contact.address.houseNumber': [CONTACT_IDS.houseNumber, e.houseNumber],
    'contact.address.addition': [CONTACT_IDS.addition, e.tooLong(8)],
    'contact.address.postcode': [CONTACT_IDS.postcode, e.postcode],
    'contact.address.city': [CONTACT_IDS.city, e.city],
  };
  const set = (id: string, message: string) => {
    if (!errors[id]) errors[id] = message;
  };
  for (const p of problems) {
    const known = contact[p.field];
    if (known) set(known[0], known[1]);
    else if (p.field.startsWith('answers.')) {
      const key = p.field.split('.')[1] ?? '';
      const field = fields.find((f) => f.key === key);
      if (!field) problem ??= e.rejected;
      else if (field === location) set(LOCATION_ID, e.place);
      else if (p.missing)
        set(
          answerId(key),
          field.type === 'choice' || field.type === 'yes_no' || field.type === 'multi_choice'
            ? e.choose
            : e.required,
        );
      else if (p.tooLong) set(answerId(key), e.tooLong(p.tooLong));
      else if (field.type === 'number') set(answerId(key), e.number);
      else if (field.type === 'date') set(answerId(key), e.date);
      else if (field.type === 'choice' || field.type === 'multi_choice' || field.type === 'yes_no')
        set(answerId(key), e.choose);
      else set(answerId(key), e.required);
    } else if (p.field === 'description') set(DESCRIPTION_ID, e.tooLong(PORTAL_LIMITS.descriptionMax));
    else if (p.field.startsWith('location')) set(LOCATION_ID, e.place);
    else if (p.field.startsWith('uploads') && firstFile) set(answerId(firstFile.key), e.uploadGone);
    else problem ??= p.field === 'formToken' ? e.expired : e.rejected;
  }
  return { errors, ...(problem ? { problem } : {}) };
}

/**
 * The form checked by the schema the API checks the report with: its problems (by the report's field names), or
 * the report as the API's route hands it on.
 */
export function checkReport(body: PortalReportBody, fields: IntakeField[]) {
  const parsed = portalReportSchema(fields, body.location !== undefined).safeParse(body);
  if (parsed.success) return { problems: [], report: portalReportBodySchema.parse(body) };
  const problems = parsed.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    missing: 'input' in issue && issue.input === undefined,
    ...(issue.code === 'too_big' && typeof issue.maximum === 'number' ? { tooLong: issue.maximum } : {}),
  }));
  return { problems, report: undefined };
}
