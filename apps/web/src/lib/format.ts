import { type Address, formatPhone, formatPostcode } from '@voordeur/shared';

// How the app writes a phone number, an address and a callback's time slot: the front office, the callbacks
// list and the case page all show them.

/** "06 12345678" from "+31612345678"; the stored text when it is not a number we can read. */
export const displayPhone = (phone: string) => formatPhone(phone);

/** "12", "12A", "12A-3": house number, letter and addition as written on a letter. */
export const houseNumberText = (address: Address) =>
  `${address.houseNumber}${address.houseLetter ?? ''}${address.addition ? `-${address.addition}` : ''}`;

/** "Dorpsstraat 12, 1234 AB Voorbeeld". */
export const addressLine = (address: Address) =>
  `${address.street} ${houseNumberText(address)}, ${formatPostcode(address.postcode)} ${address.city}`;

/**
 * A callback's time slot as people say it: "wo 9 dec., 13:00–15:00" / "Wed 9 Dec, 13:00–15:00", on the wall clock
 * the slot was chosen in (the organisation's, Europe/Amsterdam), so the agent reads back the times the person said
 * wherever the browser's clock is set.
 */
export function slotText(slot: { start: string; end: string }, language: string) {
  const locale = language === 'en' ? 'en-GB' : 'nl-NL';
  const timeZone = 'Europe/Amsterdam';
  const day = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
  return `${day.format(new Date(slot.start))}, ${time.format(new Date(slot.start))}–${time.format(new Date(slot.end))}`;
}
