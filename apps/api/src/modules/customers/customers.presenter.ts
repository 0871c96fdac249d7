import type { customerConsent } from '@voordeur/db';
import { type Customer, type CustomerMatch, formatPostcode, maskBsn } from '@voordeur/shared';
import type { CustomerRow } from './customers.queries.ts';

const bsnMasked = (c: CustomerRow) => (c.bsnLast3 ? maskBsn(c.bsnLast3) : null);

function address(c: CustomerRow) {
  if (!c.street || !c.houseNumber || !c.postcode || !c.city) return null;
  return {
    street: c.street,
    houseNumber: c.houseNumber,
    houseLetter: c.houseLetter,
    addition: c.houseAddition,
    postcode: c.postcode,
    city: c.city,
  };
}

/** "Dorpsstraat 12A-2, 1234 AB Voorbeeld" */
export function addressLine(c: CustomerRow) {
  const a = address(c);
  if (!a) return null;
  const number = `${a.houseNumber}${a.houseLetter ?? ''}${a.addition ? `-${a.addition}` : ''}`;
  return `${a.street} ${number}, ${formatPostcode(a.postcode)} ${a.city}`;
}

export function presentCustomer(c: CustomerRow, consents: (typeof customerConsent.$inferSelect)[]): Customer {
  return {
    id: c.id,
    kind: c.kind as Customer['kind'],
    name: c.name,
    bsnMasked: bsnMasked(c),
    kvkNumber: c.kvkNumber,
    employeeNumber: c.employeeNumber,
    department: c.department,
    dateOfBirth: c.dateOfBirth,
    email: c.email,
    emailVerified: c.emailVerifiedAt !== null,
    phone: c.phone,
    phoneVerified: c.phoneVerifiedAt !== null,
    address: address(c),
    area: c.area,
    preferredChannel: c.preferredChannel as Customer['preferredChannel'],
    preferredLanguage: c.preferredLanguage as Customer['preferredLanguage'],
    segments: c.segments,
    confidential: c.confidential,
    mergedInto: c.mergedIntoId,
    consents: consents.map((k) => ({
      id: k.id,
      purpose: k.purpose,
      granted: k.granted,
      channel: k.channel as Customer['preferredChannel'],
      recordedAt: k.recordedAt.toISOString(),
      recordedBy: k.recordedBy,
    })),
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentMatch(c: CustomerRow, matchedOn: CustomerMatch['matchedOn']): CustomerMatch {
  return {
    id: c.id,
    kind: c.kind as CustomerMatch['kind'],
    name: c.name,
    email: c.email,
    phone: c.phone,
    addressLine: addressLine(c),
    bsnMasked: bsnMasked(c),
    confidential: c.confidential,
    matchedOn,
  };
}
