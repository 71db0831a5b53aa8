// Measures of units: HR defines them, imports their values per unit and period from CSV or XLSX, or
// another system posts them (with a source and a time); HR and auditors read them against their targets.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { measureSchema } from '../../domain/measures/measure.ts';
import { measureFileColumns, postedMeasureValuesSchema } from '../../domain/measures/measure-file.ts';
import { xlsxContentType } from '../../record/read/export/tables.ts';
import { importMeasures, monitorMeasures, postMeasureValues, saveMeasures } from '../commands/measures.ts';
import type { ApiEnv } from '../context.ts';
import { hrOnly, hrOrAuditor } from '../middleware.ts';
import { jsonBody, jsonResponse, orgParams, problemResponse } from './openapi-shapes.ts';

const imported = jsonResponse(z.object({ imported: z.number().int() }), 'Every value written');
const rowsRefused = {
  ...problemResponse,
  description:
    'invalid_measure_rows: one or more rows are wrong and nothing was written; `rows` lists each with its `line` (or entry, from 1) and `errors`',
};

const defineRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/measures',
  summary: 'Create or update measures of units (code, name, satuan, direction, targets)',
  request: { params: orgParams, body: jsonBody(z.array(measureSchema).min(1).max(500)) },
  responses: { 200: jsonResponse(z.object({ upserted: z.number() }), 'Saved'), 403: problemResponse },
});

const importRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/measures/values/import',
  summary: 'Import measure values per unit and period from CSV or XLSX (all rows or none)',
  description: `Columns: ${measureFileColumns.join(', ')} (source and recorded_at optional: the query's source and the time of the request stand in).`,
  request: {
    params: orgParams,
    query: z.strictObject({ source: z.string().max(200).optional() }),
    body: {
      content: { 'text/csv': { schema: z.string() }, [xlsxContentType]: { schema: z.string() } },
      required: true,
    },
  },
  responses: { 200: imported, 400: problemResponse, 403: problemResponse, 422: rowsRefused },
});

const postRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/measures/values',
  summary: 'Post measure values from another system, with their source and time (all entries or none)',
  request: { params: orgParams, body: jsonBody(postedMeasureValuesSchema) },
  responses: { 200: imported, 400: problemResponse, 403: problemResponse, 422: rowsRefused },
});

const monitoredValue = z.object({
  unitCode: z.string(),
  period: z.string(),
  value: z.number(),
  target: z.number().nullable(),
  achievement: z.number().nullable(),
  belowTarget: z.boolean().nullable(),
  source: z.string(),
  recordedAt: z.string(),
});
const readRoute = createRoute({
  middleware: [hrOrAuditor] as const,
  method: 'get',
  path: '/v1/orgs/{org}/measures',
  summary: "A year's measures, unit by unit and period by period against their targets",
  request: {
    params: orgParams,
    query: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
  },
  responses: {
    200: jsonResponse(
      z.object({
        measures: z.array(
          measureSchema.extend({
            periods: z.array(z.string()),
            values: z.array(monitoredValue),
            belowTarget: z
              .array(z.string())
              .openapi({ description: 'Units below target in the latest period with values' }),
          }),
        ),
      }),
      'The measures',
    ),
    403: problemResponse,
  },
});

export const measureRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(defineRoute, async (c) => {
    const upserted = await saveMeasures(c.get('deps'), c.get('principal'), c.req.valid('json'));
    return c.json({ upserted }, 200);
  })
  .openapi(importRoute, async (c) => {
    const xlsx = c.req.header('content-type')?.toLowerCase().startsWith(xlsxContentType);
    const file = xlsx ? { xlsx: new Uint8Array(await c.req.arrayBuffer()) } : await c.req.text();
    const { source } = c.req.valid('query');
    return c.json(await importMeasures(c.get('deps'), c.get('principal'), file, source), 200);
  })
  .openapi(postRoute, async (c) => {
    return c.json(await postMeasureValues(c.get('deps'), c.get('principal'), c.req.valid('json')), 200);
  })
  .openapi(readRoute, async (c) => {
    const measures = await monitorMeasures(c.get('deps'), c.get('principal'), c.req.valid('query').year);
    return c.json({ measures }, 200);
  });
