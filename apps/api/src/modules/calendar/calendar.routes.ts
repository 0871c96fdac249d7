import { calendarSchema } from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import * as service from './calendar.service.ts';
import { holidaysOf } from './working-time.ts';

const calendarResponse = z
  .object({
    definition: calendarSchema,
    version: z.number().int().meta({ description: '0 while the default calendar applies.' }),
    holidays: z
      .array(z.object({ date: z.iso.date(), name: z.string() }))
      .meta({ description: 'This year and next.' }),
  })
  .meta({ id: 'WorkingCalendarState' });

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const withHolidays = (c: Awaited<ReturnType<typeof service.calendarOf>>) => {
    const year = new Date().getFullYear();
    return {
      definition: c.definition as z.infer<typeof calendarSchema>,
      version: c.version,
      holidays: [...holidaysOf(c.definition, year), ...holidaysOf(c.definition, year + 1)],
    };
  };

  app.get(
    '/',
    {
      schema: {
        tags: ['calendar'],
        summary:
          'The working-time calendar: opening hours, holiday choices, closures, and the resulting holidays.',
        response: { 200: calendarResponse, ...problems },
      },
    },
    async (request) => withHolidays(await service.getCalendar(app.db, ctxOf(request))),
  );

  app.put(
    '/',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Replace the working-time calendar (admin). Send the version you read (0 for the default).',
        body: z.strictObject({ definition: calendarSchema, version: z.number().int().min(0) }),
        response: { 200: calendarResponse, ...problems },
      },
    },
    async (request) =>
      withHolidays(
        await service.saveCalendar(app.db, ctxOf(request), request.body.definition, request.body.version),
      ),
  );
};
