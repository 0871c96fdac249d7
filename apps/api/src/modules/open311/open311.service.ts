import type { Db } from '@voordeur/db';
import {
  type CatalogueItemDefinition,
  customerCreateSchema,
  type IntakeField,
  type Locale,
  type Open311ClientCreate,
  open311ClientCreateSchema,
} from '@voordeur/shared';
import { z } from 'zod';
import type { Actor, Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { randomSecret, sha256 } from '../../platform/secrets.ts';
import { errors } from '../../plugins/errors.ts';
import { calendarOf, localDate } from '../calendar/index.ts';
import { intakeCase } from '../cases/index.ts';
import { createCustomer, lookupCustomers } from '../customers/index.ts';
import { open311Errors as e } from './open311.errors.ts';
import { open311Policy } from './open311.policy.ts';
import * as q from './open311.queries.ts';

/** Kinds of catalogue item an Open311 app can file: the others are answered (questions) or booked elsewhere. */
const SERVICE_KINDS = new Set(['report', 'request', 'complaint']);
/** Intake fields filled from GeoReport's own contact parameters, so never asked as attributes. */
const CONTACT_PREFILLS = new Set(['name', 'email', 'phone']);

export const GEOREPORT_LIMITS = {
  /** GeoReport's default and largest answer of GET requests. */
  requestsMax: 1000,
  /** The span GET requests covers by default and at most, in days. */
  spanDays: 90,
  idsMax: 200,
  descriptionMax: 4000,
  addressStringMax: 500,
  urlMax: 2000,
  nameMax: 100,
};
const DAY = 86_400_000;

export interface Jurisdiction {
  id: string;
  slug: string;
  name: string;
}

/**
 * The organisation a request is for: its slug as `jurisdiction_id`. It may be left out only where this
 * installation serves one organisation; unknown is the spec's 404.
 */
export async function jurisdiction(db: Db, jurisdictionId: string | undefined): Promise<Jurisdiction> {
  if (jurisdictionId) {
    const org = await q.organisationBySlug(db, jurisdictionId);
    if (!org) throw e.notFound('jurisdiction_id');
    return org;
  }
  const orgs = await q.someOrganisations(db);
  if (orgs.length === 1) return orgs[0]!;
  throw e.invalid('jurisdiction_id', 'Required: this endpoint serves more than one jurisdiction');
}

/** An Open311 service: a published external item that the organisation offers to apps (channel `app`). */
export interface Service {
  definition: CatalogueItemDefinition;
  teamName: string | null;
  publishedAt: Date | null;
  /** It has a location field: a GeoReport `realtime` service that needs lat/long, address_string or address_id. */
  locationBased: boolean;
  /** The intake fields asked as GeoReport attributes (not the place, attachments or the contact details). */
  attributes: IntakeField[];
}

export async function services(db: Db, organisationId: string): Promise<Service[]> {
  const rows = await q.publishedExternalItems(db, organisationId);
  const out: Service[] = [];
  for (const r of rows) {
    const d = r.definition as CatalogueItemDefinition;
    if (!SERVICE_KINDS.has(d.kind) || !d.channels.includes('app')) continue;
    out.push({
      definition: d,
      teamName: r.teamName,
      publishedAt: r.publishedAt,
      locationBased: d.intakeFields.some((f) => f.type === 'location'),
      attributes: d.intakeFields.filter(
        (f) =>
          f.type !== 'location' && f.type !== 'attachment' && !(f.prefill && CONTACT_PREFILLS.has(f.prefill)),
      ),
    });
  }
  return out;
}

export async function service(db: Db, organisationId: string, code: string) {
  const found = (await services(db, organisationId)).find((s) => s.definition.code === code);
  if (!found) throw e.notFound('service_code');
  return found;
}

/** The discovery document's changeset: the last time a service changed. */
export function changeset(list: Service[]) {
  const times = list.map((s) => s.publishedAt?.getTime() ?? 0);
  return new Date(Math.max(0, ...times));
}

// ---- POST requests ------------------------------------------------------------------------------------------

/** A form-encoded POST as parsed: each name with its value, or its values when repeated. */
export type Form = Record<string, string | string[]>;

function one(form: Form, name: string, max = 1000): string | undefined {
  const v = form[name];
  if (v === undefined) return undefined;
  if (Array.isArray(v)) throw e.invalid(name, 'Given more than once');
  const t = v.trim();
  if (t.length > max) throw e.invalid(name, `At most ${max} characters`);
  // "Optional" in GeoReport: an empty parameter is as if it were not sent.
  return t === '' ? undefined : t;
}

/** `attribute[code]=v` and `attribute[code][]=v1&attribute[code][]=v2` by code. */
function attributesOf(form: Form): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, value] of Object.entries(form)) {
    const m = /^attribute\[([^\]]*)\](\[\])?$/.exec(name);
    if (!m) continue;
    const values = (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter((v) => v !== '');
    out.set(m[1]!, [...(out.get(m[1]!) ?? []), ...values]);
  }
  return out;
}

const YES = new Set(['true', '1', 'yes', 'ja']);
const NO = new Set(['false', '0', 'no', 'nee']);

/** A GeoReport attribute's values as the intake answer of its field (checked again by the one intake). */
function answerOf(field: IntakeField, values: string[], timeZone: string): unknown {
  const name = `attribute[${field.key}]`;
  if (field.type === 'multi_choice') return values;
  if (values.length > 1) throw e.invalid(name, 'Only one value');
  const v = values[0]!;
  switch (field.type) {
    case 'number': {
      const n = Number(v.replace(',', '.'));
      if (!Number.isFinite(n) || v === '') throw e.invalid(name, 'A number expected');
      return n;
    }
    case 'yes_no':
      if (YES.has(v.toLowerCase())) return true;
      if (NO.has(v.toLowerCase())) return false;
      throw e.invalid(name, 'true or false expected');
    case 'date': {
      if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
      const at = parseW3(v);
      if (!at) throw e.invalid(name, 'An ISO 8601 date expected (2026-05-01 or 2026-05-01T10:00:00+02:00)');
      return localDate(at, timeZone);
    }
    default:
      return v;
  }
}

/** An ISO 8601 instant with its zone (Z or ±hh:mm), as GeoReport requires; undefined when it is not one. */
export function parseW3(v: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(v)) return undefined;
  const at = new Date(v);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

const emailSchema = z.email().max(254);

/** The Ctx of a client app: it files cases and finds or records the person as the front office does. */
function clientCtx(organisationId: string, client: { id: string; name: string }, requestId: string): Ctx {
  const actor: Actor = {
    kind: 'token',
    organisationId,
    userId: null,
    tokenId: null,
    sessionId: null,
    roles: new Set(['agent']),
    label: `Open311-app "${client.name}"`,
  };
  return { actor, requestId };
}

export interface Posted {
  reference: string;
  /** Only for a batch service: the token of the spec's token flow (shown once). */
  token: string | null;
  dueAt: Date;
  timeZone: string;
}

/**
 * POST requests: checks the api_key, the service and every parameter before anything is written, then — in one
 * transaction — finds or records the person (by email, else phone, as the front office does; a new record
 * needs a name), opens the case through the one intake with channel `app`, and keeps what the case has no place
 * for. Any refusal leaves nothing behind.
 */
export async function postRequest(
  db: Db,
  org: Jurisdiction,
  form: Form,
  options: { requestId: string; language: Locale | undefined; now?: Date },
): Promise<Posted> {
  const now = options.now ?? new Date();
  const apiKey = one(form, 'api_key', 200);
  if (!apiKey) throw e.apiKey('api_key is required to post a service request.');
  const client = await q.markKeyUsed(db, org.id, sha256(apiKey), now);
  if (!client) throw e.apiKey('Invalid api_key: unknown or revoked.');

  const code = one(form, 'service_code', 100);
  if (!code) throw e.invalid('service_code', 'Required');
  const s = await service(db, org.id, code);
  const { timeZone } = (await calendarOf(db, org.id)).definition;

  // The place: lat & long, or the register's address, or words.
  const lat = one(form, 'lat', 40);
  const long = one(form, 'long', 40);
  const addressId = one(form, 'address_id', 100);
  const addressString = one(form, 'address_string', GEOREPORT_LIMITS.addressStringMax);
  const location: {
    address?: { street: string; houseNumber: number; postcode: string; city: string; addition?: string };
    lat?: number;
    lon?: number;
    description?: string;
  } = {};
  if ((lat === undefined) !== (long === undefined))
    throw e.invalid(lat === undefined ? 'lat' : 'long', 'lat and long are sent together');
  if (lat !== undefined && long !== undefined) {
    const la = Number(lat);
    const lo = Number(long);
    if (!Number.isFinite(la) || la < 50.5 || la > 53.7)
      throw e.invalid('lat', 'A WGS84 latitude in the Netherlands expected');
    if (!Number.isFinite(lo) || lo < 3.2 || lo > 7.3)
      throw e.invalid('long', 'A WGS84 longitude in the Netherlands expected');
    location.lat = la;
    location.lon = lo;
  }
  let registerId: string | null = null;
  if (addressId) {
    const a = await q.registerAddress(db, org.id, addressId);
    if (!a) throw e.invalid('address_id', 'Not an address of this jurisdiction’s register');
    registerId = addressId;
    location.address = {
      street: a.street,
      houseNumber: a.houseNumber,
      postcode: a.postcode,
      city: a.place,
      ...(a.addition ? { addition: a.addition } : {}),
    };
    if (location.lat === undefined) {
      location.lat = a.lat;
      location.lon = a.lon;
    }
  }
  if (addressString) location.description = addressString;
  const hasLocation = Object.keys(location).length > 0;
  if (s.locationBased && !hasLocation)
    throw e.invalid('lat', 'This service needs a location: lat & long, address_string or address_id');

  // The person.
  const email = one(form, 'email', 254);
  if (email && !emailSchema.safeParse(email).success) throw e.invalid('email', 'Not an email address');
  const phone = one(form, 'phone', 40);
  const name = [
    one(form, 'first_name', GEOREPORT_LIMITS.nameMax),
    one(form, 'last_name', GEOREPORT_LIMITS.nameMax),
  ]
    .filter(Boolean)
    .join(' ');
  let person: z.output<typeof customerCreateSchema> | undefined;
  if (name && (email || phone)) {
    const parsed = customerCreateSchema.safeParse({
      kind: 'resident',
      name,
      ...(email ? { email: email.toLowerCase() } : {}),
      ...(phone ? { phone } : {}),
    });
    if (!parsed.success) {
      const path = String(parsed.error.issues[0]?.path[0] ?? 'phone');
      throw e.invalid(path === 'name' ? 'first_name' : path, parsed.error.issues[0]?.message ?? 'Invalid');
    }
    person = parsed.data;
  } else if (phone && !customerCreateSchema.shape.phone.safeParse(phone).success) {
    throw e.invalid('phone', 'Not a valid phone number (e.g. 06 12345678 or +31 20 1234567)');
  }

  // The answers: attributes by field, the contact fields from GeoReport's contact parameters.
  const answers: Record<string, unknown> = {};
  const byKey = new Map(s.attributes.map((f) => [f.key, f]));
  for (const [key, values] of attributesOf(form)) {
    const field = byKey.get(key);
    if (!field) throw e.invalid(`attribute[${key}]`, 'Not an attribute of this service');
    if (values.length) answers[key] = answerOf(field, values, timeZone);
  }
  const contactValue = { name, email: email ?? '', phone: phone ?? '' } as Record<string, string>;
  const contactParameter = { name: 'first_name', email: 'email', phone: 'phone' } as Record<string, string>;
  for (const f of s.definition.intakeFields) {
    if (!f.prefill || !CONTACT_PREFILLS.has(f.prefill)) continue;
    const value = contactValue[f.prefill];
    if (value) answers[f.key] = value;
    else if (f.required) throw e.invalid(contactParameter[f.prefill]!, 'Required for this service');
  }

  const description = one(form, 'description', GEOREPORT_LIMITS.descriptionMax);
  const mediaUrl = one(form, 'media_url', GEOREPORT_LIMITS.urlMax);
  if (mediaUrl && !/^https?:\/\/[^\s]+$/i.test(mediaUrl))
    throw e.invalid('media_url', 'An http(s) URL expected');
  // Staff read the case, not this table: the photo's address goes into the description too.
  const text = [description ?? s.definition.name.nl, mediaUrl ? `Media: ${mediaUrl}` : null]
    .filter(Boolean)
    .join('\n\n')
    .slice(0, GEOREPORT_LIMITS.descriptionMax);

  const ctx = clientCtx(org.id, client, options.requestId);
  const token = s.locationBased ? null : randomSecret(16);
  return db.transaction(async (tx) => {
    const customerId = person ? await findOrRecordPerson(tx, ctx, person) : undefined;
    const opened = await intakeCase(tx, ctx, {
      itemCode: s.definition.code,
      description: text,
      answers,
      ...(hasLocation ? { location } : {}),
      priority: 'normal',
      channel: 'app',
      ...(customerId ? { customerId } : {}),
      ...(!customerId && email ? { contactEmail: email } : {}),
      ...(options.language ? { language: options.language } : {}),
      receivedAt: now,
    });
    await q.insertRequest(tx, {
      organisationId: org.id,
      caseId: opened.row.c.id,
      clientId: client.id,
      tokenHash: token ? sha256(token) : null,
      mediaUrl: mediaUrl ?? null,
      addressId: registerId,
      createdAt: now,
    });
    return { reference: opened.row.c.reference, token, dueAt: opened.row.c.dueAt, timeZone };
  });
}

/**
 * The person as the front office finds them: the one record with this email address, else the one with this
 * phone number; a new record otherwise. (Several matches: a new record, for staff to merge, rather than a guess.)
 */
async function findOrRecordPerson(tx: Db, ctx: Ctx, person: z.output<typeof customerCreateSchema>) {
  for (const [value, on] of [
    [person.email, 'email'],
    [person.phone, 'phone'],
  ] as const) {
    if (!value) continue;
    const found = (await lookupCustomers(tx, ctx, { q: value, limit: 2 })).filter((r) => r.matchedOn === on);
    if (found.length === 1) return found[0]!.row.id;
  }
  const created = await createCustomer(tx, ctx, person);
  return created.row.id;
}

// ---- GET requests and tokens --------------------------------------------------------------------------------

export interface RequestQuery {
  service_request_id?: string | undefined;
  service_code?: string | undefined;
  start_date?: string | undefined;
  end_date?: string | undefined;
  status?: string | undefined;
}

const list = (v: string) =>
  v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * GET requests with GeoReport's filters. `service_request_id` (a comma list) overrides the others. Otherwise the
 * span is at most 90 days — the last 90 when no date is given, 90 from the one date given — and the answer at
 * most 1000 requests, newest first.
 */
export async function listRequests(db: Db, org: Jurisdiction, query: RequestQuery, now = new Date()) {
  const all = await services(db, org.id);
  const codes = all.map((s) => s.definition.code);
  const { timeZone } = (await calendarOf(db, org.id)).definition;
  if (query.service_request_id) {
    const ids = list(query.service_request_id);
    if (ids.length > GEOREPORT_LIMITS.idsMax)
      throw e.invalid('service_request_id', `At most ${GEOREPORT_LIMITS.idsMax} ids`);
    const rows = await q.listRequests(db, org.id, {
      serviceCodes: codes,
      references: ids,
      limit: GEOREPORT_LIMITS.requestsMax,
    });
    return { rows, timeZone };
  }
  const wanted = query.service_code ? list(query.service_code) : codes;
  const start = query.start_date ? parseW3(query.start_date) : undefined;
  if (query.start_date && !start)
    throw e.invalid('start_date', 'A w3 datetime with its zone expected, e.g. 2026-01-01T00:00:00Z');
  const end = query.end_date ? parseW3(query.end_date) : undefined;
  if (query.end_date && !end)
    throw e.invalid('end_date', 'A w3 datetime with its zone expected, e.g. 2026-01-01T00:00:00Z');
  const span = GEOREPORT_LIMITS.spanDays * DAY;
  const to = end ?? (start ? new Date(start.getTime() + span) : now);
  const from = start ?? new Date(to.getTime() - span);
  if (from > to) throw e.invalid('start_date', 'After end_date');
  if (to.getTime() - from.getTime() > span)
    throw e.invalid('end_date', `The span may not exceed ${GEOREPORT_LIMITS.spanDays} days`);
  let open: boolean | undefined;
  if (query.status) {
    const statuses = new Set(list(query.status));
    for (const st of statuses)
      if (st !== 'open' && st !== 'closed') throw e.invalid('status', 'open or closed');
    open = statuses.size === 1 ? statuses.has('open') : undefined;
  }
  const rows = await q.listRequests(db, org.id, {
    serviceCodes: codes.filter((c) => wanted.includes(c)),
    from,
    // end_date is inclusive: the latest datetime to include.
    to: new Date(to.getTime() + 1),
    open,
    limit: GEOREPORT_LIMITS.requestsMax,
  });
  return { rows, timeZone };
}

/** GET requests/{id}: one service request by its id (the case reference); 404 when there is none. */
export async function getRequest(db: Db, org: Jurisdiction, id: string) {
  const { rows, timeZone } = await listRequests(db, org, { service_request_id: id });
  if (!rows.length) throw e.notFound('service_request_id');
  return { rows, timeZone };
}

/** GET tokens/{token}: the service request a batch POST's token became. */
export async function requestOfToken(db: Db, org: Jurisdiction, token: string) {
  const found = /^[A-Za-z0-9_-]{16,64}$/.test(token)
    ? await q.requestByToken(db, org.id, sha256(token))
    : undefined;
  if (!found) throw e.notFound('token');
  return found.reference;
}

// ---- client apps (administrators) ---------------------------------------------------------------------------

/** Prefix of every Open311 API key: recognisable in a leaked config file. */
export const KEY_PREFIX = 'o311_';

export async function listClients(db: Db, ctx: Ctx) {
  authorize(ctx.actor, open311Policy.manageClients);
  return q.listClients(db, ctx.actor.organisationId);
}

/** Issues an API key for a client app; only its SHA-256 is stored and the key is returned once. */
export async function createClient(db: Db, ctx: Ctx, input: Open311ClientCreate, now = new Date()) {
  authorize(ctx.actor, open311Policy.manageClients);
  const { name, contact } = open311ClientCreateSchema.parse(input);
  const organisationId = ctx.actor.organisationId;
  const apiKey = `${KEY_PREFIX}${randomSecret(32)}`;
  const prefix = apiKey.slice(0, KEY_PREFIX.length + 6);
  return db.transaction(async (tx) => {
    const [row] = await q.insertClient(tx, {
      organisationId,
      name,
      contact,
      keyHash: sha256(apiKey),
      prefix,
      createdByUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      createdAt: now,
    });
    await recordAudit(tx, ctx, {
      entityType: 'open311_client',
      entityId: row!.id,
      action: 'created',
      after: { name, contact, prefix },
    });
    const created = await q.findClient(tx, organisationId, row!.id);
    return { ...created!, apiKey };
  });
}

/** Revokes a client's key: its next POST is refused (403). Revoking twice changes nothing. */
export async function revokeClient(db: Db, ctx: Ctx, id: string, now = new Date()) {
  authorize(ctx.actor, open311Policy.manageClients);
  const organisationId = ctx.actor.organisationId;
  await db.transaction(async (tx) => {
    const client = await q.findClient(tx, organisationId, id);
    if (!client) throw errors.notFound('Open311 app');
    const revoked = await q.revokeClient(tx, organisationId, id, now);
    if (!revoked.length) return;
    await recordAudit(tx, ctx, {
      entityType: 'open311_client',
      entityId: id,
      action: 'revoked',
      before: { revokedAt: null },
      after: { revokedAt: now },
    });
  });
}
