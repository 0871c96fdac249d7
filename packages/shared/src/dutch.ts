/**
 * Dutch identifiers and contact details, normalised the way a front office meets them: phone numbers typed as
 * 06-12345678, +31 6 1234 5678 or 0031612345678; postcodes as 1234ab or 1234 AB; a BSN with or without dots.
 * Shared by the API (validation, storage) and the web app (hints while typing).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { z } from 'zod';

/** A phone number in E.164 (+31612345678), or null when it is not a valid number. Dutch is the default. */
export function normalisePhone(input: string): string | null {
  const cleaned = input.trim().replace(/^00/, '+').replace(/\(0\)/g, '');
  if (!/^[+0-9(][0-9 ()./-]{5,24}$/.test(cleaned)) return null;
  const parsed = parsePhoneNumberFromString(cleaned, 'NL');
  return parsed?.isValid() ? parsed.number : null;
}

/** The national notation people recognise: 06 12345678, 020 1234567 (or international for other countries). */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === 'NL' ? parsed.formatNational() : parsed.formatInternational();
}

/** Letter combinations PostNL never uses in postcodes. */
const UNUSED_POSTCODE_LETTERS = new Set(['SA', 'SD', 'SS']);

/** A Dutch postcode as 1234AB, or null. */
export function normalisePostcode(input: string): string | null {
  const m = /^\s*([1-9][0-9]{3})\s*-?\s*([a-zA-Z]{2})\s*$/.exec(input);
  if (!m) return null;
  const letters = m[2]!.toUpperCase();
  return UNUSED_POSTCODE_LETTERS.has(letters) ? null : `${m[1]}${letters}`;
}

/** 1234AB shown as 1234 AB. */
export const formatPostcode = (postcode: string) => `${postcode.slice(0, 4)} ${postcode.slice(4)}`;

/** The 11-test ("elfproef") of a BSN: 9 digits (8 are padded with a leading zero). Returns the 9 digits, or null. */
export function normaliseBsn(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, '');
  if (!/^[0-9]{8,9}$/.test(digits)) return null;
  const bsn = digits.padStart(9, '0');
  if (/^0+$/.test(bsn)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(bsn[i]) * (9 - i);
  sum -= Number(bsn[8]);
  return sum % 11 === 0 ? bsn : null;
}

/** A BSN as staff see it: only the last three digits. */
export const maskBsn = (bsn: string) => `******${bsn.slice(-3)}`;

/** A KvK number: 8 digits. */
export function normaliseKvk(input: string): string | null {
  const digits = input.replace(/[\s.]/g, '');
  return /^[0-9]{8}$/.test(digits) ? digits : null;
}

/** House number with optional letter and addition: "12", "12a", "12 A", "12-3", "12 bis". */
export function parseHouseNumber(
  input: string,
): { number: number; letter: string | null; addition: string | null } | null {
  const m = /^\s*([0-9]{1,5})\s*([a-zA-Z](?![a-zA-Z]))?\s*[-\s]?\s*([a-zA-Z0-9]{1,4})?\s*$/.exec(input);
  if (!m || Number(m[1]) < 1) return null;
  return { number: Number(m[1]), letter: m[2]?.toUpperCase() ?? null, addition: m[3]?.toUpperCase() ?? null };
}

// ---- zod schemas that normalise ------------------------------------------------------------------------------

export const phoneSchema = z
  .string()
  .max(40)
  .transform((v, ctx) => {
    const n = normalisePhone(v);
    if (!n) {
      ctx.addIssue({
        code: 'custom',
        message: 'Not a valid phone number (e.g. 06 12345678 or +31 20 1234567)',
      });
      return z.NEVER;
    }
    return n;
  })
  .meta({ description: 'Any common notation; stored and returned as E.164 (+31612345678).' });

export const postcodeSchema = z
  .string()
  .max(12)
  .transform((v, ctx) => {
    const n = normalisePostcode(v);
    if (!n) {
      ctx.addIssue({ code: 'custom', message: 'Not a Dutch postcode (e.g. 1234 AB)' });
      return z.NEVER;
    }
    return n;
  })
  .meta({ description: '1234 AB, 1234ab, …; returned as 1234AB.' });

export const bsnSchema = z
  .string()
  .max(20)
  .transform((v, ctx) => {
    const n = normaliseBsn(v);
    if (!n) {
      ctx.addIssue({ code: 'custom', message: 'Not a valid BSN (9 digits that pass the 11-test)' });
      return z.NEVER;
    }
    return n;
  });

export const kvkSchema = z
  .string()
  .max(20)
  .transform((v, ctx) => {
    const n = normaliseKvk(v);
    if (!n) {
      ctx.addIssue({ code: 'custom', message: 'A KvK number has 8 digits' });
      return z.NEVER;
    }
    return n;
  });
