import { type Address, formatPhone, formatPostcode } from '@voordeur/shared';
import type { LocationBody } from './api.ts';

/** "06 12345678" from "+31612345678"; the stored text when it is not a number we can read. */
export const displayPhone = (phone: string) => formatPhone(phone);

/** "12", "12A", "12A-3": house number, letter and addition as written on a letter. */
export const houseNumberText = (address: Address) =>
  `${address.houseNumber}${address.houseLetter ?? ''}${address.addition ? `-${address.addition}` : ''}`;

/** "Dorpsstraat 12, 1234 AB Voorbeeld". */
export const addressLine = (address: Address) =>
  `${address.street} ${houseNumberText(address)}, ${formatPostcode(address.postcode)} ${address.city}`;

/** The customer's address as the API takes it in a case's location. */
export function addressInput(address: Address): NonNullable<LocationBody['address']> {
  return {
    street: address.street,
    houseNumber: address.houseNumber,
    ...(address.houseLetter ? { houseLetter: address.houseLetter } : {}),
    ...(address.addition ? { addition: address.addition } : {}),
    postcode: address.postcode,
    city: address.city,
  };
}
