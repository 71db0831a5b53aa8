// The penetapan of a unit (api/commands/penetapan.ts): its holder signs it, not conforming with a
// justification per finding of the unit's curve, or conforming when it has none. And the calibration
// groups HR names, whose units' curves are checked together.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { saveCalibrationGroups } from '../commands/organisation.ts';
import { signPenetapan } from '../commands/penetapan.ts';
import type { ApiEnv } from '../context.ts';
import { hrOnly } from '../middleware.ts';
import { jsonBody, problemResponse } from './openapi-shapes.ts';

const params = z.object({
  org: z.string().min(1).max(64),
  cycleId: z.string().min(1).max(100),
  unitCode: z.string().min(1).max(64),
});

const signRoute = createRoute({
  method: 'post',
  path: '/v1/orgs/{org}/cycles/{cycleId}/units/{unitCode}/penetapan',
  summary:
    "Sign a unit's penetapan, the year's or a period's: by its leader (late: their superior, then HR), with a justification per finding",
  request: {
    params,
    body: jsonBody(
      z.strictObject({
        conforming: z.boolean(),
        justifications: z
          .array(z.strictObject({ rule: z.string().min(1).max(100), text: z.string().max(2000) }))
          .max(20)
          .default([]),
        period: z.string().max(16).default('akhir').openapi({
          description: 'The evaluation period (TW1 ... TW4) whose penetapan is signed; akhir: the year’s',
        }),
      }),
    ),
  },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ accepted: z.boolean(), detail: z.string() }) } },
      description: 'Signed; the unit is released',
    },
    403: problemResponse,
    404: problemResponse,
    409: problemResponse,
    422: problemResponse,
  },
});

const groupsRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'put',
  path: '/v1/orgs/{org}/calibration-groups',
  summary: 'Name the calibration groups (all of them): the units of a group are checked together',
  request: {
    params: z.object({ org: z.string().min(1).max(64) }),
    body: jsonBody(
      z
        .array(
          z.strictObject({
            name: z.string().trim().min(1).max(100),
            unitCodes: z.array(z.string().min(1).max(64)).min(2).max(200),
          }),
        )
        .max(500),
    ),
  },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ saved: z.number().int() }) } },
      description: 'Saved',
    },
    403: problemResponse,
    422: problemResponse,
  },
});

export const penetapanRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(groupsRoute, async (c) => {
    const saved = await saveCalibrationGroups(c.get('deps'), c.get('principal'), c.req.valid('json'));
    return c.json({ saved }, 200);
  })
  .openapi(signRoute, async (c) => {
    const { cycleId, unitCode } = c.req.valid('param');
    const body = c.req.valid('json');
    const me = c.get('principal');
    const key = c.get('idempotencyKey');
    return c.json(await signPenetapan(c.get('deps'), me, cycleId, unitCode, body, key), 200);
  });
