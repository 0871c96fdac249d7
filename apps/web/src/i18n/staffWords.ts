/**
 * A language's shared words and the staff app's words together, as a signed-in page has them (the staff section,
 * sections/staff.ts, adds its words deep into the shared ones): for unit tests of staff code.
 */
import enShared from './en.json';
import nlShared from './nl.json';
import enStaff from './sections/staff.en.json';
import nlStaff from './sections/staff.nl.json';

export const nl = { ...nlShared, ...nlStaff, cases: { ...nlShared.cases, ...nlStaff.cases } };
export const en = { ...enShared, ...enStaff, cases: { ...enShared.cases, ...enStaff.cases } };
