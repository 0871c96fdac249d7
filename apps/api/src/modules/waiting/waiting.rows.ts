/**
 * The waiting import's rows (CSV or JSON, the same columns): each row checked on its own and against the others,
 * so that a refused file names every bad line, field and problem at once. A JSON push's "line" is the row's
 * position counted from 1 (as a CSV's data lines start at 2, after the header).
 */
import {
  type FieldError,
  WAITING_CHANNELS,
  WAITING_COLUMNS,
  WAITING_IMPORT_MAX_ROWS,
  type WaitingChannel,
  type WaitingProblem,
} from '@voordeur/shared';
import { parseCsv } from '../transfer/index.ts';

export interface WaitingRow {
  line: number;
  day: string;
  /** Minutes after midnight; 0 for a whole day. */
  intervalStart: number;
  intervalMinutes: 15 | 1440;
  channel: WaitingChannel;
  queue: string;
  offered: number;
  answered: number;
  abandoned: number;
  answeredInTarget: number;
  targetSeconds: number;
  waitSeconds: number;
  handledSeconds: number;
}

const MESSAGES: Record<WaitingProblem, string> = {
  missing_column: 'Column missing from the header',
  required: 'Required',
  not_a_date: 'Not a date (YYYY-MM-DD)',
  in_future: 'A day in the future',
  not_an_interval: 'Not a quarter hour (HH:MM, e.g. 08:15), or empty for a whole day',
  not_a_channel: 'Not phone or desk',
  too_long: 'At most 80 characters',
  not_a_count: 'Not a whole number from 0 to 1,000,000',
  more_than_offered: 'answered + abandoned is more than offered',
  more_than_answered: 'More than answered',
  not_a_target: 'Not a whole number of seconds from 1 to 3600',
  seconds_without_answers: 'Seconds without anyone answered',
  duplicate: 'The same queue and interval as an earlier line',
  mixed_intervals: 'This queue’s day has both 15-minute and whole-day rows',
  too_many_rows: `More than ${WAITING_IMPORT_MAX_ROWS} rows; split the file`,
  empty: 'No rows',
  unreadable: 'Not readable as CSV',
};

const problem = (
  line: number | undefined,
  field: string,
  code: WaitingProblem,
  detail?: string,
): FieldError => ({
  field,
  code,
  message: detail ? `${MESSAGES[code]} (${detail})` : MESSAGES[code],
  ...(line !== undefined ? { line } : {}),
});

/** A count as written: digits only (a CSV's "12", a JSON 12); anything else is NaN. */
function countOf(value: unknown, max = 1_000_000): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d{1,12}$/.test(text)) return Number.NaN;
  const n = Number(text);
  return n <= max ? n : Number.NaN;
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/**
 * Checks the records (column name → value) against each other and the rules; `today` is the local date.
 * Returns the rows only when no record has a problem.
 */
export function checkWaitingRecords(
  records: { line: number; values: Record<string, unknown> }[],
  today: string,
): { rows: WaitingRow[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (records.length === 0) return { rows: [], errors: [problem(undefined, 'file', 'empty')] };
  if (records.length > WAITING_IMPORT_MAX_ROWS)
    return { rows: [], errors: [problem(undefined, 'file', 'too_many_rows', String(records.length))] };
  const rows: WaitingRow[] = [];
  const slots = new Map<string, number>();
  const granularity = new Map<string, { minutes: number; line: number }>();
  for (const { line, values } of records) {
    const before = errors.length;
    const bad = (field: string, code: WaitingProblem, detail?: string) =>
      errors.push(problem(line, field, code, detail));
    const text = (field: string) => {
      const v = values[field];
      return v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : String(v);
    };

    const day = text('date');
    if (!day) bad('date', 'required');
    else if (!isDate(day)) bad('date', 'not_a_date');
    else if (day > today) bad('date', 'in_future');

    const start = text('interval_start');
    let intervalStart = 0;
    let intervalMinutes: 15 | 1440 = 1440;
    if (start) {
      const m = /^(\d{1,2}):(\d{2})(?::00)?$/.exec(start);
      const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
      if (!m || Number(m[2]) % 15 !== 0 || minutes >= 1440) bad('interval_start', 'not_an_interval');
      else {
        intervalStart = minutes;
        intervalMinutes = 15;
      }
    }

    const channel = text('channel').toLowerCase();
    if (!channel) bad('channel', 'required');
    else if (!(WAITING_CHANNELS as readonly string[]).includes(channel)) bad('channel', 'not_a_channel');

    const queue = text('queue');
    if (!queue) bad('queue', 'required');
    else if (queue.length > 80) bad('queue', 'too_long');

    const counts = {} as Record<
      | 'offered'
      | 'answered'
      | 'abandoned'
      | 'answered_in_target'
      | 'wait_seconds_total'
      | 'handled_seconds_total',
      number
    >;
    for (const field of [
      'offered',
      'answered',
      'abandoned',
      'answered_in_target',
      'wait_seconds_total',
      'handled_seconds_total',
    ] as const) {
      const raw = text(field);
      const max = field.endsWith('_total') ? 1_000_000_000 : 1_000_000;
      counts[field] = countOf(values[field], max);
      if (!raw) bad(field, 'required');
      else if (Number.isNaN(counts[field])) bad(field, 'not_a_count');
    }
    const { offered, answered, abandoned, answered_in_target } = counts;
    if (answered + abandoned > offered)
      bad('answered', 'more_than_offered', `${answered} + ${abandoned} > ${offered}`);
    if (answered_in_target > answered)
      bad('answered_in_target', 'more_than_answered', `${answered_in_target} > ${answered}`);
    if (answered === 0 && counts.wait_seconds_total > 0) bad('wait_seconds_total', 'seconds_without_answers');
    if (answered === 0 && counts.handled_seconds_total > 0)
      bad('handled_seconds_total', 'seconds_without_answers');

    const targetRaw = text('target_seconds');
    const targetSeconds = countOf(values.target_seconds, 3600);
    if (!targetRaw) bad('target_seconds', 'required');
    else if (Number.isNaN(targetSeconds) || targetSeconds < 1) bad('target_seconds', 'not_a_target');

    if (errors.length === before) {
      const dayKey = `${channel}|${queue.toLowerCase()}|${day}`;
      const slot = `${dayKey}|${intervalStart}`;
      const earlier = slots.get(slot);
      if (earlier !== undefined) bad('interval_start', 'duplicate', `line ${earlier}`);
      else slots.set(slot, line);
      const kind = granularity.get(dayKey);
      if (kind && kind.minutes !== intervalMinutes)
        bad('interval_start', 'mixed_intervals', `line ${kind.line}`);
      else if (!kind) granularity.set(dayKey, { minutes: intervalMinutes, line });
    }
    if (errors.length === before)
      rows.push({
        line,
        day,
        intervalStart,
        intervalMinutes,
        channel: channel as WaitingChannel,
        queue,
        offered,
        answered,
        abandoned,
        answeredInTarget: answered_in_target,
        targetSeconds,
        waitSeconds: counts.wait_seconds_total,
        handledSeconds: counts.handled_seconds_total,
      });
  }
  return { rows: errors.length ? [] : rows, errors };
}

/** A CSV file (comma or semicolon, a header naming the columns in any order). */
export function waitingRowsFromCsv(text: string, today: string) {
  const parsed = parseCsv(text);
  const unreadable = parsed.errors.map((e) => ({ ...e, code: 'unreadable' as const }));
  const first = parsed.records[0];
  if (first) {
    const missing = WAITING_COLUMNS.filter((c) => !(c in first.values));
    if (missing.length) return { rows: [], errors: missing.map((c) => problem(1, c, 'missing_column')) };
  }
  if (unreadable.length && !parsed.records.length) return { rows: [], errors: unreadable };
  // The lines that could be read are checked too: a refused file names every bad line at once.
  const checked = checkWaitingRecords(parsed.records, today);
  if (!unreadable.length) return checked;
  return {
    rows: [],
    errors: [...unreadable, ...checked.errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}

/** A JSON push: `{ rows: [...] }` with the CSV's column names as fields. */
export function waitingRowsFromJson(rows: Record<string, unknown>[], today: string) {
  return checkWaitingRecords(
    rows.map((values, index) => ({ line: index + 1, values })),
    today,
  );
}
