// Official documents as PDF (documents/): an appraisal's SKP, Dokumen Evaluasi of a period or objection
// decision, and a unit's Format Penetapan Predikat Kinerja, each issued under a fresh checkpoint seal with
// its proof on every page. For whoever reads the appraisal's evaluation file, and the employee for their
// own (record/read/access.ts mayReadDocument); a penetapan as mayReadPenetapan says. Each download goes on
// the read trail.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { documentDetail, downloadDocument, downloadPenetapan } from '../../documents/download.ts';
import { attachmentHeaders } from '../../http/attachment.ts';
import { Refusal } from '../commands/refusal.ts';
import type { ApiEnv } from '../context.ts';
import { problemResponse } from './openapi-shapes.ts';
import { trailRead } from './read-trail.ts';

const id = z.string().min(1).max(200);

const route = createRoute({
  method: 'get',
  path: '/v1/orgs/{org}/appraisals/{appraisalId}/documents/{kind}',
  summary:
    "An appraisal's SKP or Dokumen Evaluasi Kinerja as PDF, with its proof (QR code and code) on every page",
  request: {
    params: z.object({ org: id, appraisalId: id, kind: z.enum(['skp', 'evaluasi', 'keberatan']) }),
    query: z.strictObject({
      period: z
        .string()
        .max(10)
        .optional()
        .openapi({ description: 'evaluasi: TW1 ... or akhir (the default)' }),
      lang: z.enum(['id', 'en']).default('id'),
    }),
  },
  responses: {
    200: {
      content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
      description: 'The PDF',
    },
    400: problemResponse,
    403: problemResponse,
    404: problemResponse,
  },
});

const pdfResponse = {
  content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
  description: 'The PDF',
};

const penetapanRoute = createRoute({
  method: 'get',
  path: '/v1/orgs/{org}/cycles/{cycleId}/units/{unitCode}/documents/penetapan',
  summary:
    "A unit's Format Penetapan Predikat Kinerja of a period as PDF, with its proof: for the unit's leader, the leader above, whoever holds or signed it, HR and auditors",
  request: {
    params: z.object({ org: id, cycleId: id, unitCode: z.string().min(1).max(64) }),
    query: z.strictObject({
      period: z
        .string()
        .max(10)
        .optional()
        .openapi({ description: 'TW1 ..., M01 ..., S1 ... or akhir (the default)' }),
      lang: z.enum(['id', 'en']).default('id'),
    }),
  },
  responses: { 200: pdfResponse, 400: problemResponse, 403: problemResponse, 404: problemResponse },
});

export const documentRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(route, async (c) => {
    const { org, appraisalId, kind } = c.req.valid('param');
    const { period, lang } = c.req.valid('query');
    const answer = await downloadDocument(c.get('deps').db, c.get('principal'), {
      org,
      appraisalId,
      kind,
      period: period ?? null,
      lang,
      publicUrl: new URL(c.req.url).origin,
    });
    return pdfAnswer(c, answer, {
      forbidden: "Only the employee, the rater, the rater's superior, HR and auditors read these documents",
      notFound: 'No such appraisal',
    });
  })
  .openapi(penetapanRoute, async (c) => {
    const { org, cycleId, unitCode } = c.req.valid('param');
    const { period, lang } = c.req.valid('query');
    const answer = await downloadPenetapan(c.get('deps').db, c.get('principal'), {
      org,
      cycleId,
      unitCode,
      period: period ?? null,
      lang,
      publicUrl: new URL(c.req.url).origin,
    });
    return pdfAnswer(c, answer, {
      forbidden:
        "Only the unit's leader, the leader above, whoever holds the penetapan, HR and auditors read it",
      notFound: 'No such cycle or unit',
    });
  });

/** A document download's answer: the PDF (its reading on the trail first), or the refusal as a problem. */
async function pdfAnswer(
  c: Context<ApiEnv>,
  answer: Awaited<ReturnType<typeof downloadDocument | typeof downloadPenetapan>>,
  words: { forbidden: string; notFound: string },
): Promise<Response> {
  if ('document' in answer) {
    const { pdf, fileName, model } = answer.document;
    await trailRead(c, model.appraisalId, 'document', documentDetail(model));
    return c.body(new Uint8Array(pdf), 200, attachmentHeaders({ contentType: 'application/pdf', fileName }));
  }
  if (answer.refused === 'bad_period') throw new Refusal(400, 'bad_period', 'period is TW1 ... or akhir');
  if (answer.refused === 'forbidden') throw new Refusal(403, 'forbidden', words.forbidden);
  throw new Refusal(404, 'not_found', words.notFound);
}
