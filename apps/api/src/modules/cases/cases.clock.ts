import type { caseFile } from '@voordeur/db';
import type { CaseSettings, CatalogueItemDefinition, Duration } from '@voordeur/shared';
import {
  addDuration,
  addLegalTerm,
  addPublicNorm,
  addWorkingHours,
  type CalendarDefinition,
  type Interval,
  workingMinutesBetween,
} from '../calendar/index.ts';
import { caseErrors } from './cases.errors.ts';

/** A past stop of the clock, as stored on the case. */
export interface Suspension {
  from: string;
  to: string;
  reason: string;
}

export interface ComplaintState {
  advisoryCommittee: boolean;
  hearing: { held: boolean; at: string | null; note: string } | null;
  extension: { weeks: number; reason: string; at: string } | null;
  decision: { outcome: string; text: string; at: string } | null;
}

export interface ClockInput {
  createdAt: Date;
  kind: string;
  suspensions: Suspension[];
  extension: (Duration & { reason: string; at: string }) | null;
  complaint: ComplaintState | null;
}

const toIntervals = (s: Suspension[]): Interval[] =>
  s.map((x) => ({ start: new Date(x.from), end: new Date(x.to) }));

/**
 * The due times of a case in the organisation's working time: the public norm and the internal target pushed out
 * by every suspension, the public norm extended once when it was, and ending at the close of a working day
 * ({@link addPublicNorm}); the warning instant the configured working time
 * before the internal target. For complaints the legal term is the Awb decision term (6 weeks, 10 with an
 * advisory committee, plus at most 4 weeks' extension) in calendar time, not suspended; a legal term runs to the
 * end of its last day and past weekends and Atw holidays ({@link addLegalTerm}).
 */
export function dueTimes(
  cal: CalendarDefinition,
  def: CatalogueItemDefinition,
  settings: Pick<CaseSettings, 'warnBefore' | 'complaintDecisionWeeks' | 'complaintCommitteeWeeks'>,
  c: ClockInput,
) {
  const susp = toIntervals(c.suspensions);
  let dueAt = addPublicNorm(cal, c.createdAt, def.norms.serviceNorm, susp);
  // The extension counts from the old end, a close: from the minute before it, so that the day of that close
  // is the day counted from (from the close itself, working days would start at the next opening, a day late).
  if (c.extension) dueAt = addPublicNorm(cal, new Date(dueAt.getTime() - 60_000), c.extension, susp);
  const internalDueAt = def.norms.internalTarget
    ? addDuration(cal, c.createdAt, def.norms.internalTarget, susp)
    : null;
  let legalDueAt: Date | null;
  if (c.kind === 'complaint') {
    const weeks =
      (c.complaint?.advisoryCommittee ? settings.complaintCommitteeWeeks : settings.complaintDecisionWeeks) +
      (c.complaint?.extension?.weeks ?? 0);
    legalDueAt = addLegalTerm(cal, c.createdAt, { amount: weeks, unit: 'weeks' });
  } else {
    legalDueAt = def.norms.legalTerm ? addLegalTerm(cal, c.createdAt, def.norms.legalTerm, susp) : null;
  }
  // A promise to the public never runs past the law's term (the close of a working day may lie after it when the
  // term ends on a closing day the Algemene termijnenwet does not know, such as Good Friday).
  if (legalDueAt && dueAt > legalDueAt) dueAt = legalDueAt;
  let warnAt: Date | null = null;
  if (internalDueAt) {
    const total = workingMinutesBetween(cal, c.createdAt, internalDueAt, susp);
    const before = addDuration(cal, c.createdAt, settings.warnBefore);
    const beforeMinutes = workingMinutesBetween(cal, c.createdAt, before);
    warnAt = addWorkingHours(cal, c.createdAt, Math.max(0, total - beforeMinutes) / 60, susp);
  }
  return { dueAt, internalDueAt, legalDueAt, warnAt };
}

/** What the clock needs of a loaded case. */
export interface ClockCase {
  row: { c: typeof caseFile.$inferSelect };
  def: CatalogueItemDefinition;
  settings: Pick<CaseSettings, 'warnBefore' | 'complaintDecisionWeeks' | 'complaintCommitteeWeeks'>;
  calendar: CalendarDefinition;
}

/** Due times after the suspension list, the extension or the complaint state changed. */
export function recompute(
  l: ClockCase,
  patch: {
    suspensions?: Suspension[];
    extension?: ClockInput['extension'];
    complaint?: ComplaintState | null;
  },
) {
  const c = l.row.c;
  return dueTimes(l.calendar, l.def, l.settings, {
    createdAt: c.createdAt,
    kind: c.kind,
    suspensions: patch.suspensions ?? (c.suspensions as Suspension[]),
    extension: patch.extension !== undefined ? patch.extension : (c.extension as ClockInput['extension']),
    complaint: patch.complaint !== undefined ? patch.complaint : (c.complaint as ComplaintState | null),
  });
}

/**
 * The public norm extended once: the extension as stored, and the due times it gives (the action and its
 * preview). Refused when the new date has passed already: the extension counts from the due date (so a late case
 * stays late in the figures), and the person must not be promised a day gone by.
 */
export function extended(l: ClockCase, by: Duration, reason: string, now: Date) {
  const extension = { ...by, reason, at: now.toISOString() };
  const times = recompute(l, { extension });
  if (times.dueAt <= now) throw caseErrors.extensionInPast(times.dueAt);
  return { extension, times };
}

/** A complaint's decision postponed once (Awb 9:11): the state as stored, and the due times it gives. */
export function postponed(l: ClockCase, weeks: number, reason: string, now: Date) {
  const complaint = {
    ...(l.row.c.complaint as ComplaintState),
    extension: { weeks, reason, at: now.toISOString() },
  };
  return { complaint, times: recompute(l, { complaint }) };
}

/** Ending a suspension: the interval joins the list and the due times move out by it. */
export function resumeFields(l: ClockCase, now: Date) {
  const c = l.row.c;
  const since = c.suspendedSince ?? now;
  const suspensions = [
    ...(c.suspensions as Suspension[]),
    { from: since.toISOString(), to: now.toISOString(), reason: c.suspendedReason ?? '' },
  ];
  return { suspensions, suspendedSince: null, suspendedReason: null, ...recompute(l, { suspensions }) };
}

// ---- monitoring (issue 14, rollups): the working time a case took ----
/**
 * Working minutes from intake to closure net of suspensions (`case_file.resolution_minutes`, the rollups'
 * resolution time): the calendar's opening minutes the clock ran, the norm clock's measure. A case closed while
 * its clock stands still counts the stop up to the closure as suspended.
 */
export function resolutionMinutes(
  cal: CalendarDefinition,
  c: { createdAt: Date; suspensions: unknown; suspendedSince: Date | null },
  closedAt: Date,
): number {
  const stops = toIntervals((c.suspensions as Suspension[] | null) ?? []);
  if (c.suspendedSince) stops.push({ start: c.suspendedSince, end: closedAt });
  return workingMinutesBetween(cal, c.createdAt, closedAt, stops);
}
