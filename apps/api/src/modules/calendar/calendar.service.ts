import type { Db } from '@voordeur/db';
import type { CalendarInput } from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { allows, authorize, signedIn } from '../../platform/policy.ts';
import { AppError, errors } from '../../plugins/errors.ts';
import * as q from './calendar.queries.ts';
import {
  type CalendarDefinition,
  DEFAULT_CALENDAR,
  minutesPerWorkingDay,
  validateCalendar,
} from './working-time.ts';

export const calendarPolicy = { read: signedIn, edit: allows('manageCalendar') };

/** The organisation's calendar, or the default (Mon–Fri 08:30–17:00) when none was set. */
export async function calendarOf(
  db: Db,
  organisationId: string,
): Promise<{ definition: CalendarDefinition; version: number }> {
  const row = await q.findCalendar(db, organisationId);
  return row
    ? { definition: row.definition as CalendarDefinition, version: row.version }
    : { definition: DEFAULT_CALENDAR, version: 0 };
}

/** The organisation's working day in minutes (`minutesPerWorkingDay` of its calendar). */
export async function workingDayMinutesOf(db: Db, organisationId: string): Promise<number> {
  return minutesPerWorkingDay((await calendarOf(db, organisationId)).definition);
}

export async function getCalendar(db: Db, ctx: Ctx) {
  authorize(ctx.actor, calendarPolicy.read);
  return calendarOf(db, ctx.actor.organisationId);
}

/** Replaces the calendar; `version` 0 means "there was none yet". */
export async function saveCalendar(db: Db, ctx: Ctx, input: CalendarInput, version: number) {
  authorize(ctx.actor, calendarPolicy.edit);
  const definition = input as unknown as CalendarDefinition;
  const problems = validateCalendar(definition);
  if (problems.length) {
    throw new AppError(
      422,
      'invalid_definition',
      'Invalid calendar',
      problems.map((p) => `${p.field}: ${p.message}`).join('; '),
      problems,
    );
  }
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const before = await calendarOf(tx, organisationId);
    if (before.version !== version) throw errors.versionConflict();
    const updated =
      version === 0
        ? await q.insertCalendar(tx, organisationId, definition)
        : await q.updateCalendar(tx, organisationId, version, definition);
    if (!updated.length) throw errors.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'working_calendar',
      entityId: organisationId,
      action: 'updated',
      before: before.definition,
      after: definition,
    });
    return { definition, version: updated[0]!.version };
  });
}
