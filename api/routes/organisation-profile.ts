// The organisation's name, region and logo: read by everyone of the organisation, set by HR. The logo is
// sent as the raw image (image/png or image/jpeg), its kind checked by its bytes.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { maxLogoBytes } from '../../domain/organisation/master-data.ts';
import { readLogo, readProfile, saveLogo, saveProfile } from '../commands/organisation-profile.ts';
import type { ApiEnv } from '../context.ts';
import { hrOnly } from '../middleware.ts';
import { jsonBody, jsonResponse, orgParams, problemResponse } from './openapi-shapes.ts';

const profileSchema = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string().nullable(),
  logoType: z.enum(['image/png', 'image/jpeg']).nullable(),
});

const readRoute = createRoute({
  method: 'get',
  path: '/v1/orgs/{org}/profile',
  summary: "The organisation's name, region and whether it has a logo",
  request: { params: orgParams },
  responses: { 200: jsonResponse(profileSchema, 'The profile') },
});
const setRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'put',
  path: '/v1/orgs/{org}/profile',
  summary: "Set the organisation's name and region",
  request: {
    params: orgParams,
    body: jsonBody(
      z.strictObject({
        name: z
          .unknown()
          .optional()
          .openapi({ description: '1-200 characters', example: 'Pemerintah Kabupaten Bungo' }),
        region: z
          .unknown()
          .optional()
          .openapi({ description: 'Up to 200 characters, or null', example: 'Provinsi Jambi' }),
      }),
    ),
  },
  responses: { 200: jsonResponse(profileSchema, 'Saved'), 403: problemResponse, 422: problemResponse },
});
const logoRoute = createRoute({
  method: 'get',
  path: '/v1/orgs/{org}/logo',
  summary: "The organisation's logo",
  request: { params: orgParams },
  responses: {
    200: {
      content: { 'image/png': { schema: z.string() }, 'image/jpeg': { schema: z.string() } },
      description: 'The logo',
    },
    404: problemResponse,
  },
});
const setLogoRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'put',
  path: '/v1/orgs/{org}/logo',
  summary: `Set the organisation's logo: a PNG or JPEG image as the body, at most ${maxLogoBytes} bytes`,
  request: {
    params: orgParams,
    body: {
      content: { 'image/png': { schema: z.string() }, 'image/jpeg': { schema: z.string() } },
      required: true,
    },
  },
  responses: {
    200: jsonResponse(z.object({ sha256: z.string(), size: z.number(), type: z.string() }), 'Saved'),
    403: problemResponse,
    413: problemResponse,
    422: problemResponse,
  },
});

export const organisationProfileRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(readRoute, async (c) => c.json(await readProfile(c.get('deps'), c.get('principal')), 200))
  .openapi(setRoute, async (c) =>
    c.json(await saveProfile(c.get('deps'), c.get('principal'), c.req.valid('json')), 200),
  )
  .openapi(logoRoute, async (c) => {
    const logo = await readLogo(c.get('deps'), c.get('principal'));
    return c.body(new Uint8Array(logo.bytes), 200, {
      'content-type': logo.type,
      'cache-control': 'private, max-age=300',
    });
  })
  .openapi(setLogoRoute, async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await saveLogo(c.get('deps'), c.get('principal'), bytes), 200);
  });
