/**
 * The address register file: `postcode;huisnummer;toevoeging;straat;woonplaats;x;y[;bag_id]` (semicolons, UTF-8,
 * RD New metres; a decimal comma is read too). Parsed by the transfer module's CSV reader (line numbers, BOM,
 * Excel's CRLF); every row is checked here and each problem names its line and column.
 */
import type { FieldError } from '@voordeur/shared';
import { parseCsv } from '../transfer/index.ts';
import { insideRd } from './addresses.rd.ts';

export const ADDRESS_COLUMNS = [
  'postcode',
  'huisnummer',
  'toevoeging',
  'straat',
  'woonplaats',
  'x',
  'y',
] as const;
export const ADDRESS_IMPORT_MAX_BYTES = 32 * 1024 * 1024;

export interface AddressRow {
  line: number;
  postcode: string;
  houseNumber: number;
  addition: string;
  street: string;
  place: string;
  rdX: number;
  rdY: number;
  bagId: string | null;
}

const POSTCODE = /^[1-9][0-9]{3}[A-Z]{2}$/;

/** `1234 ab` → `1234AB`; undefined when it is no Dutch postcode. */
export function normalisePostcode(value: string): string | undefined {
  const p = value.replace(/\s+/g, '').toUpperCase();
  return POSTCODE.test(p) ? p : undefined;
}

export function normaliseAddition(value: string): string {
  return value.trim().toUpperCase();
}

function metres(v: string | undefined): number {
  const t = (v ?? '').trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

export function addressesFromCsv(text: string): { rows: AddressRow[]; errors: FieldError[] } {
  const parsed = parseCsv(text);
  if (parsed.errors.length) return { rows: [], errors: parsed.errors };
  const errors: FieldError[] = [];
  const first = parsed.records[0];
  if (first) {
    const missing = ADDRESS_COLUMNS.filter((c) => !(c in first.values));
    if (missing.length) {
      return {
        rows: [],
        errors: [{ field: 'file', line: 1, message: `Missing column(s): ${missing.join(', ')}` }],
      };
    }
  }
  const rows: AddressRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of parsed.records) {
    const bad = (field: string, message: string) => errors.push({ field, message, line });
    const postcode = normalisePostcode(values.postcode ?? '');
    if (!postcode) bad('postcode', 'Not a postcode (1234AB)');
    const numberText = (values.huisnummer ?? '').trim();
    const houseNumber = /^\d{1,5}$/.test(numberText) ? Number(numberText) : 0;
    if (houseNumber < 1 || houseNumber > 99_999) bad('huisnummer', 'A whole number from 1 to 99999');
    const addition = normaliseAddition(values.toevoeging ?? '');
    if (addition.length > 20) bad('toevoeging', 'At most 20 characters');
    const street = (values.straat ?? '').trim();
    if (!street || street.length > 200) bad('straat', 'Required, at most 200 characters');
    const place = (values.woonplaats ?? '').trim();
    if (!place || place.length > 200) bad('woonplaats', 'Required, at most 200 characters');
    const rdX = metres(values.x);
    const rdY = metres(values.y);
    if (Number.isNaN(rdX) || Number.isNaN(rdY) || !insideRd(rdX, rdY))
      bad(
        Number.isNaN(rdX) || rdX < 0 || rdX > 300_000 ? 'x' : 'y',
        'RD coordinates (EPSG:28992) in the Netherlands',
      );
    const bagId = (values.bag_id ?? '').trim();
    if (bagId && !/^\d{16}$/.test(bagId)) bad('bag_id', 'A BAG id has 16 digits');
    if (postcode && houseNumber) {
      const key = `${postcode}|${houseNumber}|${addition}`;
      const earlier = seen.get(key);
      if (earlier) bad('huisnummer', `The same address as line ${earlier}`);
      else seen.set(key, line);
    }
    rows.push({
      line,
      postcode: postcode ?? '',
      houseNumber,
      addition,
      street,
      place,
      rdX,
      rdY,
      bagId: bagId || null,
    });
  }
  return { rows: errors.length ? [] : rows, errors };
}
