import type { customer, Db } from '@voordeur/db';
import {
  type customerCreateSchema,
  type customerUpdateSchema,
  type FrontOfficeSettings,
  frontOfficeSettingsSchema,
  normaliseBsn,
  normaliseKvk,
  normalisePhone,
  normalisePostcode,
} from '@voordeur/shared';
import type { z } from 'zod';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { encryptIdentifier, identifierHash } from '../../platform/personal-data.ts';
import { authorize } from '../../platform/policy.ts';
import { normalisedWords } from '../../platform/words.ts';
import { errors } from '../../plugins/errors.ts';
import { customerErrors } from './customers.errors.ts';
import { customersPolicy } from './customers.policy.ts';
import * as q from './customers.queries.ts';
import { areaFor, frontOfficeSettings, settingsProblems } from './settings.ts';

/** The name as find-as-you-type compares it: lower-case, no accents, single spaces. */
export const searchableName = (name: string) => normalisedWords(name, 1).join(' ');

type Update = z.output<typeof customerUpdateSchema>;
type Create = z.output<typeof customerCreateSchema>;

/** Column values for the identifying and contact fields present in `input` (undefined: leave; null: clear). */
function columns(input: Partial<Create> | Update, settings: FrontOfficeSettings) {
  const v: Partial<typeof customer.$inferInsert> = {};
  if (input.name !== undefined) {
    v.name = input.name;
    v.nameSearch = searchableName(input.name);
  }
  if (input.bsn !== undefined) {
    v.bsnEncrypted = input.bsn === null ? null : encryptIdentifier(input.bsn);
    v.bsnHash = input.bsn === null ? null : identifierHash(input.bsn);
    v.bsnLast3 = input.bsn === null ? null : input.bsn.slice(-3);
  }
  if (input.kvkNumber !== undefined) v.kvkNumber = input.kvkNumber;
  // Stored upper-case, so that the lookup compares with = and uses its index.
  if (input.employeeNumber !== undefined) v.employeeNumber = input.employeeNumber?.toUpperCase() ?? null;
  if (input.department !== undefined) v.department = input.department;
  if (input.dateOfBirth !== undefined) v.dateOfBirth = input.dateOfBirth;
  if (input.email !== undefined) v.email = input.email?.toLowerCase() ?? null;
  if (input.phone !== undefined) v.phone = input.phone;
  if (input.address !== undefined) {
    const a = input.address;
    v.street = a?.street ?? null;
    v.houseNumber = a?.houseNumber ?? null;
    v.houseLetter = a?.houseLetter ?? null;
    v.houseAddition = a?.addition ?? null;
    v.postcode = a?.postcode ?? null;
    v.city = a?.city ?? null;
    v.area = areaFor(settings, a?.postcode);
  }
  if (input.preferredChannel !== undefined) v.preferredChannel = input.preferredChannel;
  if (input.preferredLanguage !== undefined) v.preferredLanguage = input.preferredLanguage;
  if (input.segments !== undefined) v.segments = [...new Set(input.segments)];
  if (input.confidential !== undefined) v.confidential = input.confidential;
  return v;
}

async function withConsents(db: Db, row: q.CustomerRow) {
  return { row, consents: await q.consentsOf(db, row.organisationId, row.id) };
}

export async function createCustomer(db: Db, ctx: Ctx, input: Create) {
  authorize(ctx.actor, customersPolicy.use);
  const organisationId = ctx.actor.organisationId;
  const settings = await frontOfficeSettings(db, organisationId);
  return db.transaction(async (tx) => {
    const [row] = await q.insertCustomer(tx, {
      organisationId,
      kind: input.kind,
      name: input.name,
      nameSearch: searchableName(input.name),
      ...columns(input, settings),
    });
    await recordAudit(tx, ctx, {
      entityType: 'customer',
      entityId: row!.id,
      action: 'created',
      after: audited(row!),
    });
    return withConsents(tx, row!);
  });
}

/** What the audit trail keeps of a customer: never the BSN or its ciphertext. */
function audited(row: q.CustomerRow) {
  const { bsnEncrypted: _e, bsnHash, nameSearch: _n, ...rest } = row;
  return { ...rest, bsnHash: bsnHash ? '[set]' : null };
}

/** Reading a person's record is itself recorded: who looked at whom, and when. */
export async function getCustomer(
  db: Db,
  ctx: Ctx,
  id: string,
  purpose: 'viewed' | 'viewed_overview' = 'viewed',
) {
  authorize(ctx.actor, customersPolicy.use);
  const row = await q.findCustomer(db, ctx.actor.organisationId, id);
  if (!row) throw errors.notFound('customer');
  await recordAudit(db, ctx, { entityType: 'customer', entityId: id, action: purpose });
  return withConsents(db, row);
}

export async function updateCustomer(db: Db, ctx: Ctx, id: string, input: Update) {
  authorize(ctx.actor, customersPolicy.use);
  const organisationId = ctx.actor.organisationId;
  const settings = await frontOfficeSettings(db, organisationId);
  return db.transaction(async (tx) => {
    const before = await q.findCustomer(tx, organisationId, id);
    if (!before) throw errors.notFound('customer');
    if (before.mergedIntoId) throw customerErrors.merged(before.mergedIntoId);
    const values = columns(input, settings);
    if (input.emailVerified !== undefined)
      values.emailVerifiedAt = input.emailVerified ? (before.emailVerifiedAt ?? new Date()) : null;
    if (input.phoneVerified !== undefined)
      values.phoneVerifiedAt = input.phoneVerified ? (before.phoneVerifiedAt ?? new Date()) : null;
    // A changed address or number is no longer verified.
    if (values.email !== undefined && values.email !== before.email && input.emailVerified === undefined)
      values.emailVerifiedAt = null;
    if (values.phone !== undefined && values.phone !== before.phone && input.phoneVerified === undefined)
      values.phoneVerifiedAt = null;
    const after = await q.updateCustomer(tx, organisationId, id, input.version, values);
    if (!after) throw errors.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'customer',
      entityId: id,
      action: 'updated',
      before: audited(before),
      after: audited(after),
    });
    return withConsents(tx, after);
  });
}

export async function addConsent(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { purpose: string; granted: boolean; channel?: string | undefined },
) {
  authorize(ctx.actor, customersPolicy.use);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const row = await q.findCustomer(tx, organisationId, id);
    if (!row) throw errors.notFound('customer');
    if (row.mergedIntoId) throw customerErrors.merged(row.mergedIntoId);
    await q.insertConsent(tx, {
      organisationId,
      customerId: id,
      purpose: input.purpose,
      granted: input.granted,
      channel: input.channel ?? null,
      recordedBy: ctx.actor.label,
    });
    await recordAudit(tx, ctx, {
      entityType: 'customer',
      entityId: id,
      action: 'consent_recorded',
      changes: { [`consent:${input.purpose}`]: { before: null, after: input.granted } },
    });
    return withConsents(tx, row);
  });
}

const POSTCODE_HOUSE = /^\s*([1-9][0-9]{3}\s?[a-zA-Z]{2})(?:\s*,?\s*([0-9]{1,5}))?\s*$/;

/** How a lookup text can be read: as identifiers (exact) and/or as a name. */
export function lookupClauses(text: string): { clauses: q.LookupClause[]; name: string | null } {
  const clauses: q.LookupClause[] = [];
  const t = text.trim();
  const bsn = normaliseBsn(t);
  if (bsn) clauses.push({ matchedOn: 'bsn', value: identifierHash(bsn) });
  const kvk = normaliseKvk(t);
  if (kvk) clauses.push({ matchedOn: 'kvk', value: kvk });
  if (t.includes('@')) clauses.push({ matchedOn: 'email', value: t.toLowerCase() });
  const phone = /^[+0(][0-9 ()+./-]{7,}$/.test(t) ? normalisePhone(t) : null;
  if (phone) clauses.push({ matchedOn: 'phone', value: phone });
  const pc = POSTCODE_HOUSE.exec(t);
  const postcode = pc ? normalisePostcode(pc[1]!) : null;
  if (postcode) {
    clauses.push(
      pc![2]
        ? { matchedOn: 'postcode', value: postcode, houseNumber: Number(pc![2]) }
        : { matchedOn: 'postcode', value: postcode },
    );
  }
  if (/^[A-Za-z]{0,4}[0-9]{3,}$/.test(t) && !bsn && !phone)
    clauses.push({ matchedOn: 'employee_number', value: t.toUpperCase() });
  const looksLikeName = /\p{L}/u.test(t) && !t.includes('@') && !postcode && !/[0-9]{3,}/.test(t);
  const name = looksLikeName ? searchableName(t) : null;
  return { clauses, name: name && name.length >= 2 ? name : null };
}

export async function lookupCustomers(
  db: Db,
  ctx: Ctx,
  input: { q: string; kind?: string | undefined; limit: number },
) {
  authorize(ctx.actor, customersPolicy.use);
  const { clauses, name } = lookupClauses(input.q);
  const rows = await q.lookup(db, ctx.actor.organisationId, clauses, name, input.kind, input.limit);
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.row.id) && seen.add(r.row.id)).slice(0, input.limit);
}

export async function findDuplicates(db: Db, ctx: Ctx, id: string) {
  authorize(ctx.actor, customersPolicy.use);
  const row = await q.findCustomer(db, ctx.actor.organisationId, id);
  if (!row) throw errors.notFound('customer');
  const candidates = await q.duplicateCandidates(db, row);
  return candidates.map((c) => ({
    row: c,
    reasons: [
      row.bsnHash && c.bsnHash === row.bsnHash ? 'bsn' : null,
      row.email && c.email === row.email ? 'email' : null,
      row.phone && c.phone === row.phone ? 'phone' : null,
      row.kvkNumber && c.kvkNumber === row.kvkNumber ? 'kvk' : null,
      row.postcode && c.postcode === row.postcode && c.nameSearch === row.nameSearch ? 'name_postcode' : null,
    ].filter((r): r is string => r !== null),
  }));
}

/**
 * Merges `duplicateId` into `id`: the survivor keeps its own values and takes the duplicate's where it has none;
 * contacts, cases, callbacks and consents move over; the duplicate stays, marked as merged, for the trail.
 */
export async function mergeCustomers(db: Db, ctx: Ctx, id: string, duplicateId: string, version: number) {
  authorize(ctx.actor, customersPolicy.merge);
  const organisationId = ctx.actor.organisationId;
  if (id === duplicateId) throw customerErrors.mergeInvalid('A record cannot be merged into itself');
  return db.transaction(async (tx) => {
    // Lock both rows in a fixed order, so two merges of the same pair cannot deadlock.
    const locked = new Map<string, q.CustomerRow | undefined>();
    for (const key of [id, duplicateId].sort())
      locked.set(key, await q.findCustomer(tx, organisationId, key, true));
    const survivor = locked.get(id);
    const duplicate = locked.get(duplicateId);
    if (!survivor) throw errors.notFound('customer');
    if (!duplicate) throw errors.notFound('duplicate customer');
    if (survivor.mergedIntoId) throw customerErrors.merged(survivor.mergedIntoId);
    if (duplicate.mergedIntoId) throw customerErrors.merged(duplicate.mergedIntoId);
    if (survivor.kind !== duplicate.kind) throw customerErrors.mergeInvalid('Records of different kinds');
    const fill: Partial<typeof customer.$inferInsert> = {};
    const keys = [
      'bsnEncrypted',
      'bsnHash',
      'bsnLast3',
      'kvkNumber',
      'employeeNumber',
      'department',
      'dateOfBirth',
      'email',
      'emailVerifiedAt',
      'phone',
      'phoneVerifiedAt',
      'preferredChannel',
      'preferredLanguage',
    ] as const;
    for (const k of keys)
      if (survivor[k] === null && duplicate[k] !== null) Object.assign(fill, { [k]: duplicate[k] });
    if (!survivor.street && duplicate.street) {
      Object.assign(fill, {
        street: duplicate.street,
        houseNumber: duplicate.houseNumber,
        houseLetter: duplicate.houseLetter,
        houseAddition: duplicate.houseAddition,
        postcode: duplicate.postcode,
        city: duplicate.city,
        area: duplicate.area,
      });
    }
    fill.segments = [...new Set([...survivor.segments, ...duplicate.segments])];
    fill.confidential = survivor.confidential || duplicate.confidential;
    const after = await q.updateCustomer(tx, organisationId, id, version, fill);
    if (!after) throw errors.versionConflict();
    await q.repointCustomer(tx, organisationId, duplicateId, id);
    await q.markMerged(tx, organisationId, duplicateId, id);
    await recordAudit(tx, ctx, {
      entityType: 'customer',
      entityId: id,
      action: 'merged',
      before: audited(survivor),
      after: audited(after),
      changes: { mergedFrom: { before: null, after: duplicateId } },
    });
    await recordAudit(tx, ctx, {
      entityType: 'customer',
      entityId: duplicateId,
      action: 'merged_into',
      changes: { mergedInto: { before: null, after: id } },
    });
    return withConsents(tx, after);
  });
}

export async function getSettings(db: Db, ctx: Ctx) {
  authorize(ctx.actor, customersPolicy.use);
  return frontOfficeSettings(db, ctx.actor.organisationId);
}

/** Saves the settings and re-derives every customer's area from the new postcode ranges. */
export async function saveSettings(db: Db, ctx: Ctx, input: z.input<typeof frontOfficeSettingsSchema>) {
  authorize(ctx.actor, customersPolicy.settings);
  const settings = frontOfficeSettingsSchema.parse(input);
  const problems = settingsProblems(settings);
  if (problems.length) throw errors.validation(problems);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const before = await frontOfficeSettings(tx, organisationId);
    await q.saveFrontOfficeSettings(tx, organisationId, settings);
    await q.reassignAreas(tx, organisationId, settings.areas);
    await recordAudit(tx, ctx, {
      entityType: 'organisation',
      entityId: organisationId,
      action: 'front_office_settings_changed',
      before,
      after: settings,
    });
    return settings;
  });
}

/**
 * The customer a person who identifies themselves by email address or phone number is, as the desk finds them
 * (the lookup's exact match on that identifier, merged records left out): the one found, else a new record with
 * what they gave. A record that is found is not changed: someone who only knows an address cannot rewrite the
 * person's details. Used by the public channels (the portal), which have no agent to choose.
 */
export async function findOrCreateCustomer(
  db: Db,
  ctx: Ctx,
  input: Pick<Create, 'name' | 'email' | 'phone' | 'address' | 'preferredChannel' | 'preferredLanguage'>,
  match: 'email' | 'phone' | 'none',
) {
  authorize(ctx.actor, customersPolicy.use);
  const organisationId = ctx.actor.organisationId;
  const value = match === 'email' ? input.email?.toLowerCase() : match === 'phone' ? input.phone : undefined;
  if (value) {
    const [found] = await q.lookup(
      db,
      organisationId,
      [{ matchedOn: match as 'email', value }],
      null,
      undefined,
      1,
    );
    if (found) return { row: found.row, created: false };
  }
  const { row } = await createCustomer(db, ctx, { kind: 'resident', ...input });
  return { row, created: true };
}
