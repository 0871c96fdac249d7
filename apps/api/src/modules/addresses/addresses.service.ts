import type { Db } from '@voordeur/db';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { importRefused } from '../transfer/index.ts';
import { addressesFromCsv, normaliseAddition, normalisePostcode } from './addresses.csv.ts';
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
  const organisationId = ctx.actor.organisationId;
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
