import type { FastifyInstance } from 'fastify';
import { calendarRoutes } from './calendar.routes.ts';

export { calendarOf, saveCalendar, workingDayMinutesOf } from './calendar.service.ts';
export {
  addDuration,
  addLegalTerm,
  addPublicNorm,
  addWorkingHours,
  type CalendarDefinition,
  DEFAULT_CALENDAR,
  type Interval,
  isWorkingDay,
  minutesPerWorkingDay,
  workingMinutesBetween,
} from './working-time.ts';
export { instantOf, localDate } from './zone.ts';

export async function calendarModule(app: FastifyInstance) {
  await app.register(calendarRoutes, { prefix: '/api/calendar' });
}
