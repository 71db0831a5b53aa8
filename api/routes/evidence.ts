// Evidence files of an appraisal: the appraised employee sends a photo or a PDF as the raw body (at most
// 5 MiB, its kind read from its bytes) and gets its SHA-256, which a realisation's evidence then names;
// whoever may read the appraisal downloads it.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { maxEvidenceBytes, readEvidence, uploadEvidence } from '../commands/evidence.ts';
import type { ApiEnv } from '../context.ts';
import { jsonResponse, orgParams, problemResponse } from './openapi-shapes.ts';

const params = orgParams.extend({ appraisalId: z.string().min(1).max(200) });
const binary = {
  'image/png': { schema: z.string() },
  'image/jpeg': { schema: z.string() },
  'application/pdf': { schema: z.string() },
};
const storedSchema = z.object({
  sha256: z.string(),
  name: z.string(),
  size: z.number(),
  contentType: z.enum(['image/png', 'image/jpeg', 'application/pdf']),
});

const uploadRoute = createRoute({
  method: 'post',
  path: '/v1/orgs/{org}/appraisals/{appraisalId}/evidence',
  summary: `Add an evidence file (PNG, JPEG or PDF by its bytes, at most ${maxEvidenceBytes} bytes) to my appraisal`,
  request: {
    params,
    query: z.strictObject({ name: z.string().min(1).max(200) }),
    body: { content: binary, required: true },
  },
  responses: {
    201: jsonResponse(storedSchema, 'Kept; name it in a realisation by its sha256'),
    403: problemResponse,
    404: problemResponse,
    413: problemResponse,
    422: problemResponse,
  },
});
const readRoute = createRoute({
  method: 'get',
  path: '/v1/orgs/{org}/appraisals/{appraisalId}/evidence/{sha256}',
  summary: 'An evidence file, for whoever may read the appraisal',
  request: { params: params.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }) },
  responses: {
    200: { content: binary, description: 'The file' },
    403: problemResponse,
    404: problemResponse,
  },
});

export const evidenceRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(uploadRoute, async (c) => {
    const { appraisalId } = c.req.valid('param');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const stored = await uploadEvidence(
      c.get('deps'),
      c.get('principal'),
      appraisalId,
      c.req.valid('query').name,
      bytes,
    );
    return c.json(stored, 201);
  })
  .openapi(readRoute, async (c) => {
    const { appraisalId, sha256 } = c.req.valid('param');
    const file = await readEvidence(c.get('deps'), c.get('principal'), appraisalId, sha256);
    const name = encodeURIComponent(file.name);
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type': file.content_type,
      'content-disposition': `inline; filename*=UTF-8''${name}`,
      'x-content-type-options': 'nosniff',
    });
  });
