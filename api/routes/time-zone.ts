// The organisation's time zone (WIB, WITA or WIT): HR and auditors read it, HR sets it. New cycles count
// their days there, and deadlines are shown there.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { indonesianTimeZones } from '../../domain/time/zones.ts';
import { organisationTimeZone, setOrganisationTimeZone } from '../commands/organisation.ts';
import type { ApiEnv } from '../context.ts';
import { hrOnly, hrOrAuditor } from '../middleware.ts';
import { jsonBody, jsonResponse, orgParams, problemResponse } from './openapi-shapes.ts';

const zones = Object.values(indonesianTimeZones);
const settingSchema = z.object({
  timeZone: z.enum(zones),
  abbreviation: z.string().openapi({ example: 'WIB' }),
});

const readRoute = createRoute({
  middleware: [hrOrAuditor] as const,
  method: 'get',
  path: '/v1/orgs/{org}/time-zone',
  summary: "The organisation's time zone",
  request: { params: orgParams },
  responses: { 200: jsonResponse(settingSchema, 'The zone'), 403: problemResponse },
});

const setRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'put',
  path: '/v1/orgs/{org}/time-zone',
  summary: "Set the organisation's time zone (for cycles started from now on)",
  request: {
    params: orgParams,
    // Any text: a zone not among the three is a 422 that names the field and the allowed ones.
    body: jsonBody(
      z.strictObject({
        timeZone: z
          .string()
          .max(64)
          .openapi({ description: zones.join(' | '), example: zones[0] }),
      }),
    ),
  },
  responses: {
    200: jsonResponse(settingSchema, 'Set'),
    403: problemResponse,
    422: problemResponse,
  },
});

export const timeZoneRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(readRoute, async (c) => c.json(await organisationTimeZone(c.get('deps'), c.get('principal')), 200))
  .openapi(setRoute, async (c) => {
    const { timeZone } = c.req.valid('json');
    return c.json(await setOrganisationTimeZone(c.get('deps'), c.get('principal'), timeZone), 200);
  });
