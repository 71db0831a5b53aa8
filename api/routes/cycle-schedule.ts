// HR: a Temporal Schedule that starts next year's cycle by itself (Dec 1, 00:00 UTC by default).
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { calendarOverridesSchema } from '../../domain/cycle/calendar.ts';
import { populationSchema } from '../../domain/cycle/events.ts';
import { scheduleNextCycle } from '../commands/cycle-schedule.ts';
import type { ApiEnv } from '../context.ts';
import { hrOnly } from '../middleware.ts';
import { jsonBody } from './openapi-shapes.ts';

const route = createRoute({
  middleware: [hrOnly] as const,
  method: 'put',
  path: '/v1/orgs/{org}/cycle-schedule',
  summary: "Schedule next year's cycle to start by itself",
  request: {
    params: z.object({ org: z.string().min(1).max(64) }),
    body: jsonBody(
      // Whom next year's cycle covers is always said ({} for everyone): an empty body schedules nothing.
      z.strictObject({
        population: populationSchema.describe('Whom the cycle covers; {} for everyone'),
        calendar: calendarOverridesSchema.optional(),
        cron: z
          .string()
          .min(9)
          .max(100)
          .optional()
          .openapi({ description: 'UTC cron instead of Dec 1 00:00' }),
      }),
    ),
  },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ scheduleId: z.string() }) } },
      description: 'Scheduled',
    },
    403: {
      content: { 'application/problem+json': { schema: z.object({ code: z.string() }) } },
      description: 'Not HR',
    },
  },
});

export const cycleScheduleRoutes = new OpenAPIHono<ApiEnv>().openapi(route, async (c) => {
  const { population, calendar, cron } = c.req.valid('json');
  const scheduled = await scheduleNextCycle(c.get('deps'), c.get('principal'), {
    population,
    ...(calendar ? { calendar } : {}),
    ...(cron ? { cron } : {}),
  });
  return c.json(scheduled, 200);
});
