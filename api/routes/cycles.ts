// HR: organisation data (units, positions with standards, employees from CSV) and the cycle: start,
// inspect, progress per unit and step, distribution per unit against its rule, unit predikat, close.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { periodIdSchema } from '../../domain/appraisal/payloads.ts';
import { calendarOverridesSchema } from '../../domain/cycle/calendar.ts';
import { populationSchema } from '../../domain/cycle/events.ts';
import { positionSchema, unitSchema } from '../../domain/organisation/master-data.ts';
import { unitPredikatSchema } from '../../domain/rating/distribution-rules.ts';
import { cycleDistribution, cycleProgress } from '../../record/read/cycles.ts';
import { xlsxContentType } from '../../record/read/export/tables.ts';
import { closeCycle, describeCycle, readableCycle, setUnitPredikat, startCycle } from '../commands/cycles.ts';
import { importEmployeeFile, savePositions, saveUnits } from '../commands/organisation.ts';
import { Refusal } from '../commands/refusal.ts';
import type { ApiEnv } from '../context.ts';
import { hrOnly, hrOrAuditor } from '../middleware.ts';
import { jsonBody, jsonResponse, orgParams, problemResponse } from './openapi-shapes.ts';

const org = orgParams;
const cycleParams = org.extend({ cycleId: z.string().min(1).max(100) });
const code = z.string().min(1).max(64);

const unitsRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/units',
  summary: 'Create or update units (unit kerja)',
  request: {
    params: org,
    body: jsonBody(z.array(unitSchema).min(1).max(1000)),
  },
  responses: { 200: jsonResponse(z.object({ upserted: z.number() }), 'Saved'), 403: problemResponse },
});
const positionsRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/positions',
  summary: 'Create or update positions and their standards (tupoksi)',
  request: {
    params: org,
    body: jsonBody(z.array(positionSchema).min(1).max(1000)),
  },
  responses: { 200: jsonResponse(z.object({ upserted: z.number() }), 'Saved'), 403: problemResponse },
});
const importRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/employees/import',
  summary: 'Import employees from CSV or XLSX (a result per row)',
  request: {
    params: org,
    body: {
      content: { 'text/csv': { schema: z.string() }, [xlsxContentType]: { schema: z.string() } },
      required: true,
    },
  },
  responses: {
    200: jsonResponse(z.record(z.string(), z.unknown()), 'A result per row'),
    400: problemResponse,
    403: problemResponse,
  },
});
const startRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/cycles',
  summary: 'Start the yearly cycle',
  request: {
    params: org,
    body: jsonBody(
      z.strictObject({
        year: z.number().int().min(2000).max(2100),
        start: z.iso
          .datetime({ offset: true })
          .or(z.iso.date())
          .openapi({ description: "A date is 00:00 in the organisation's time zone" }),
        // Any text: a kind not among the three is a 422 naming the field.
        periods: z
          .string()
          .max(32)
          .optional()
          .openapi({ description: 'quarterly (default) | monthly | semester', example: 'quarterly' }),
        // Any text: an approach not among the two is a 422 naming the field.
        skpApproach: z.string().max(32).optional().openapi({
          description:
            'The SKP approach of the cycle: kualitatif (default; targets in words) | kuantitatif (a number and its satuan)',
          example: 'kualitatif',
        }),
        calendar: calendarOverridesSchema.omit({ periods: true }).default({}),
        population: populationSchema.default({}),
      }),
    ),
  },
  responses: {
    201: jsonResponse(z.object({ cycleId: z.string(), workflowId: z.string() }), 'Started'),
    403: problemResponse,
    409: problemResponse,
    422: problemResponse,
  },
});
const cycleRoute = createRoute({
  middleware: [hrOrAuditor] as const,
  method: 'get',
  path: '/v1/orgs/{org}/cycles/{cycleId}',
  summary: 'A cycle: its calendar in UTC, its time zone, and the calendar in that zone (localCalendar)',
  request: { params: cycleParams },
  responses: { 200: jsonResponse(z.record(z.string(), z.unknown()), 'The cycle'), 404: problemResponse },
});
const progressRoute = createRoute({
  middleware: [hrOrAuditor] as const,
  method: 'get',
  path: '/v1/orgs/{org}/cycles/{cycleId}/progress',
  summary: 'Progress per unit and step',
  request: { params: cycleParams },
  responses: {
    200: jsonResponse(z.object({ units: z.record(z.string(), z.record(z.string(), z.number())) }), 'Counts'),
    404: problemResponse,
  },
});
const distributionRoute = createRoute({
  middleware: [hrOrAuditor] as const,
  method: 'get',
  path: '/v1/orgs/{org}/cycles/{cycleId}/distribution',
  summary: 'Predikat distribution per unit, against its rule',
  request: { params: cycleParams },
  responses: {
    200: jsonResponse(z.object({ units: z.array(z.record(z.string(), z.unknown())) }), 'Per unit'),
    404: problemResponse,
  },
});
const unitPredikatRoute = createRoute({
  method: 'post',
  path: '/v1/orgs/{org}/cycles/{cycleId}/units/{unitCode}/predikat',
  summary:
    "Set a unit's capaian kinerja organisasi (selects its distribution rule): by the leader of the unit above, or HR as a named delegate",
  request: {
    params: cycleParams.extend({ unitCode: code }),
    body: jsonBody(
      z.strictObject({
        predikat: unitPredikatSchema,
        /** One of the cycle's periods (TW1 ...): that period's capaian; absent: the year's. */
        period: periodIdSchema.optional(),
        /** HR's delegation document reference (an SK number); required of HR. */
        document: z.string().max(200).optional(),
        /** The basis: a note and links to the evidence. */
        note: z.string().max(2000).optional(),
        links: z.array(z.string().max(500)).max(10).optional(),
      }),
    ),
  },
  responses: {
    200: jsonResponse(z.object({ accepted: z.boolean(), detail: z.string() }), 'Set'),
    403: problemResponse,
    404: problemResponse,
    422: problemResponse,
  },
});
const closeRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/cycles/{cycleId}/close',
  summary: 'Close the cycle',
  request: { params: cycleParams },
  responses: {
    200: jsonResponse(z.object({ accepted: z.boolean(), detail: z.string() }), 'Closing'),
    404: problemResponse,
  },
});

export const cycleRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(unitsRoute, async (c) => {
    const upserted = await saveUnits(c.get('deps'), c.get('principal'), c.req.valid('json'));
    return c.json({ upserted }, 200);
  })
  .openapi(positionsRoute, async (c) => {
    const upserted = await savePositions(c.get('deps'), c.get('principal'), c.req.valid('json'));
    return c.json({ upserted }, 200);
  })
  .openapi(importRoute, async (c) => {
    const xlsx = c.req.header('content-type')?.toLowerCase().startsWith(xlsxContentType);
    const file = xlsx ? { xlsx: new Uint8Array(await c.req.arrayBuffer()) } : await c.req.text();
    const result = await importEmployeeFile(c.get('deps'), c.get('principal'), file);
    if (!result.ok && 'unreadable' in result) throw new Refusal(400, 'unreadable_file', result.unreadable);
    if (!result.ok)
      throw new Refusal(400, 'invalid_csv_header', result.headerErrors.join('; '), {
        headerErrors: result.headerErrors,
      });
    return c.json(result, 200);
  })
  .openapi(startRoute, async (c) => {
    const body = c.req.valid('json');
    const me = c.get('principal');
    const key = c.get('idempotencyKey');
    return c.json(await startCycle(c.get('deps'), me, body, key), 201);
  })
  .openapi(cycleRoute, async (c) => {
    const cycle = await describeCycle(c.get('deps'), c.get('principal'), c.req.valid('param').cycleId);
    return c.json({ ...cycle }, 200);
  })
  .openapi(progressRoute, async (c) => {
    const cycle = await readableCycle(c.get('deps'), c.get('principal'), c.req.valid('param').cycleId);
    return c.json({ units: await cycleProgress(c.get('deps').db, cycle.cycleId) }, 200);
  })
  .openapi(distributionRoute, async (c) => {
    const cycle = await readableCycle(c.get('deps'), c.get('principal'), c.req.valid('param').cycleId);
    return c.json({ units: await cycleDistribution(c.get('deps').db, cycle.cycleId) }, 200);
  })
  .openapi(unitPredikatRoute, async (c) => {
    const { cycleId, unitCode } = c.req.valid('param');
    const me = c.get('principal');
    const change = { unitCode, ...c.req.valid('json') };
    return c.json(await setUnitPredikat(c.get('deps'), me, cycleId, change, c.get('idempotencyKey')), 200);
  })
  .openapi(closeRoute, async (c) => {
    const me = c.get('principal');
    const { cycleId } = c.req.valid('param');
    return c.json(await closeCycle(c.get('deps'), me, cycleId, c.get('idempotencyKey')), 200);
  });
