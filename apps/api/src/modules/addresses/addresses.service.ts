import type { Db } from '@voordeur/db';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { importRefused } from '../transfer/index.ts';
import { addressesFromCsv, normaliseAddition, normalisePostcode } from './addresses.csv.ts';
import { addressErrors } from './addresses.errors.ts';
import { addressesPolicy } from './addresses.policy.ts';
import * as q from './addresses.queries.ts';
import { rdToWgs84 } from './addresses.rd.ts';

export interface AddressQuery {
  postcode?: string | undefined;
  number?: number | undefined;
  addition?: string | undefined;
  street?: string | undefined;
}

/** By postcode (and number, addition) or by street name (and number); at most 20 addresses. */
export async function lookupAddresses(db: Db, ctx: Ctx, query: AddressQuery) {
  authorize(ctx.actor, addressesPolicy.lookup);
  return searchRegister(db, ctx.actor.organisationId, query);
}

/** The lookup itself, for staff and (through the portal's rate-limited route) for anyone. */
export async function searchRegister(db: Db, organisationId: string, query: AddressQuery) {
  if (query.postcode !== undefined) {
    const postcode = normalisePostcode(query.postcode);
    if (!postcode) throw errors.validation([{ field: 'postcode', message: 'Not a postcode (1234AB)' }]);
    const addition = query.addition === undefined ? undefined : normaliseAddition(query.addition);
    return q.findByPostcode(db, organisationId, postcode, query.number, addition);
  }
  const street = query.street?.trim() ?? '';
  if (street.length < 2)
    throw errors.validation([
      { field: 'postcode', message: 'Give a postcode, or a street (two letters or more)' },
    ]);
  return q.findByStreet(db, organisationId, street, query.number);
}

export interface AddressImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
}

const INSERT_CHUNK = 1000;

/**
 * Reads the whole file first: with any bad row nothing changes (422 with every row and column). A good file is
 * upserted in one transaction, keyed by postcode, number and addition; `dryRun` only counts.
 */
export async function importAddresses(
  db: Db,
  ctx: Ctx,
  csv: string,
  options: { dryRun: boolean },
): Promise<AddressImportReport> {
  authorize(ctx.actor, addressesPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  const { rows, errors: problems } = addressesFromCsv(csv);
  if (problems.length) throw importRefused(problems);
  return db.transaction(async (tx) => {
    const existing = new Map(
      (await q.registerKeys(tx, organisationId)).map((a) => [
        `${a.postcode}|${a.houseNumber}|${a.addition}`,
        a,
      ]),
    );
    const report: AddressImportReport = { dryRun: options.dryRun, created: 0, updated: 0, unchanged: 0 };
    const inserts = [];
    for (const row of rows) {
      const before = existing.get(`${row.postcode}|${row.houseNumber}|${row.addition}`);
      const values = {
        street: row.street,
        place: row.place,
        rdX: row.rdX,
        rdY: row.rdY,
        bagId: row.bagId,
      };
      if (!before) {
        report.created++;
        inserts.push({
          organisationId,
          postcode: row.postcode,
          houseNumber: row.houseNumber,
          addition: row.addition,
          ...values,
          ...rdToWgs84(row.rdX, row.rdY),
        });
      } else if (
        before.street === values.street &&
        before.place === values.place &&
        before.rdX === values.rdX &&
        before.rdY === values.rdY &&
        before.bagId === values.bagId
      ) {
        report.unchanged++;
      } else {
        report.updated++;
        if (!options.dryRun)
          await q.updateAddress(tx, organisationId, before.id, { ...values, ...rdToWgs84(row.rdX, row.rdY) });
      }
    }
    if (!options.dryRun) {
      for (let i = 0; i < inserts.length; i += INSERT_CHUNK)
        await q.insertAddresses(tx, inserts.slice(i, i + INSERT_CHUNK));
      // One event per import, with its counts (the register is the organisation's: its id names it).
      const { created, updated, unchanged } = report;
      await recordAudit(tx, ctx, {
        entityType: 'address_register',
        entityId: organisationId,
        action: 'imported',
        after: { created, updated, unchanged },
      });
    }
    return report;
  });
}

// ---- places (issue 13, item 3) --------------------------------------------------------------------------------

/** A point farther than this from every address in the register lies outside the organisation. */
export const OUTSIDE_METRES = 500;

/** The register's letter-and-addition form for comparing: capitals, no dashes or spaces ("a", "2" → "A2"). */
const additionKey = (letter?: string | null, addition?: string | null) =>
  `${letter ?? ''}${addition ?? ''}`.toUpperCase().replace(/[\s-]/g, '');

export type RegisterAddress = Awaited<ReturnType<typeof q.findExact>>[number];

/** Where a reported place is: the register's address and the point (picked, or the address's own). */
export interface ResolvedPlace {
  lat: number;
  lon: number;
  /** The register address (the given one, or the nearest to a picked point); null without a register match. */
  address: RegisterAddress | null;
  /** The register has this address, or a picked point lies within {@link OUTSIDE_METRES} of one. */
  inside: boolean;
  /** The organisation has an address register at all; without one nothing is outside. */
  hasRegister: boolean;
}

/**
 * Places a location in the organisation's register (no authorisation: the intake and the public pages ask). With
 * coordinates, the nearest address (its postcode gives the district); with an address, its place. Null when the
 * location has neither, or an address the register does not know and no coordinates.
 */
export async function placeOf(
  db: Db,
  organisationId: string,
  location: {
    lat?: number | undefined;
    lon?: number | undefined;
    address?:
      | {
          postcode: string;
          houseNumber: number;
          houseLetter?: string | undefined;
          addition?: string | undefined;
        }
      | undefined;
  },
): Promise<ResolvedPlace | null> {
  const register = await q.hasRegister(db, organisationId);
  if (location.lat !== undefined && location.lon !== undefined) {
    const [near] = register ? await q.nearest(db, organisationId, location.lat, location.lon) : [];
    const inside = !register || (near !== undefined && near.metres <= OUTSIDE_METRES);
    return {
      lat: location.lat,
      lon: location.lon,
      address: near && inside ? near : null,
      inside,
      hasRegister: register,
    };
  }
  if (!location.address) return null;
  const postcode = normalisePostcode(location.address.postcode);
  const [found] =
    register && postcode
      ? await q.findExact(
          db,
          organisationId,
          postcode,
          location.address.houseNumber,
          additionKey(location.address.houseLetter, location.address.addition),
        )
      : [];
  if (!found) return register ? { lat: 0, lon: 0, address: null, inside: false, hasRegister: true } : null;
  return { lat: found.lat, lon: found.lon, address: found, inside: true, hasRegister: true };
}

/** The nearest register address to a point on the map; refuses a point outside the organisation's addresses. */
export async function addressAt(db: Db, organisationId: string, lat: number, lon: number) {
  const [near] = await q.nearest(db, organisationId, lat, lon);
  if (!near || near.metres > OUTSIDE_METRES) throw addressErrors.outside('lat');
  return near;
}

/** Where a map of the organisation opens: the middle of its addresses (null without a register). */
export function registerCentre(db: Db, organisationId: string) {
  return q.centre(db, organisationId);
}

/** Each district's middle: the mean place of the register's addresses in its postcode ranges (for a map of them). */
export function districtCentres(
  db: Db,
  organisationId: string,
  areas: readonly { name: string; postcodes: readonly { from: string; to: string }[] }[],
) {
  return q.centresOfRanges(
    db,
    organisationId,
    areas.flatMap((a) => a.postcodes.map((r) => ({ name: a.name, from: r.from, to: r.to }))),
  );
}
