/**
 * After the whole end-to-end run: the server's log (every line it wrote at info level while the journeys ran,
 * e2e/playwright.config.ts) names no resident. The journeys type these people's names, email addresses, phone
 * numbers and BSNs into the workspace, the case forms and the searches; the demo seed opens cases for the
 * others. Staff accounts are left out: the demo seed prints its logins on purpose when it creates them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SERVER_LOG } from './server-log.ts';

const PERSONAL = [
  // residents of the journeys and of the demo cases
  'Jan de Vries',
  'Petra Klager',
  'Onbekend Adres',
  'Kees Visser',
  'Fatima El Amrani',
  'Anna Jansen',
  'Sanne de Groot',
  'jan.devries@example.nl',
  'buurtbewoner@example.nl',
  'melder@example.nl',
  // phone numbers as typed and as stored (E.164)
  '06 12345678',
  '0612345678',
  '+31612345678',
  '06 98765432',
  '06-98765432',
  '+31698765432',
];

export default function checkServerLog() {
  if (!existsSync(SERVER_LOG)) throw new Error(`The server log ${SERVER_LOG} was not written.`);
  const log = readFileSync(SERVER_LOG, 'utf8');
  if (log.length === 0) throw new Error('The server log is empty: the check would prove nothing.');
  const found = PERSONAL.filter((value) => log.toLowerCase().includes(value.toLowerCase()));
  // A BSN is nine digits; the logger blanks any run of nine or more, so none may be left.
  const digits = log.match(/\b\d{9}\b/g) ?? [];
  if (found.length || digits.length)
    throw new Error(
      `The server log holds personal data: ${[...found, ...digits.slice(0, 5)].join(', ')} (${SERVER_LOG}).`,
    );
}
