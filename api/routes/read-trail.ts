// The read trail of a cycle for auditors (audit/read-trail.ts): who opened whose evaluation file,
// objection file, 360 review identities or document, and when; never what they read. And `trailRead`,
// which the API's routes call before answering with such a record.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type ReadEntry, readTrailOf, recordRead } from '../../audit/read-trail.ts';
import { parseAppraisalId } from '../../domain/ids.ts';
import { requestIdOf } from '../../http/request-id.ts';
import { appraisalIsOf, cycleIsOf } from '../../record/read/access.ts';
import { timeZoneOf } from '../../record/read/organisation.ts';
import { employeeNames } from '../../record/read/people.ts';
import { readKinds } from '../../schema/database.ts';
import { Refusal } from '../commands/refusal.ts';
import type { ApiEnv } from '../context.ts';
import { auditorOnly } from '../middleware.ts';
import { jsonResponse, problemResponse } from './openapi-shapes.ts';

/** Appends the caller's read of `subject` to the trail, before the record is sent. */
export function trailRead(
  c: Context<ApiEnv>,
  subject: string,
  kind: ReadEntry['kind'],
  detail: string | null = null,
): Promise<void> {
  return recordRead(c.get('deps').db, {
    subject,
    readerNip: c.get('principal').nip,
    kind,
    detail,
    via: 'api',
    requestId: requestIdOf(c.req.header('x-request-id')),
  });
}

const person = z.object({ nip: z.string(), name: z.string().nullable() });
const trailSchema = z
  .object({
    cycleId: z.string(),
    timeZone: z.string().openapi({ description: "The organisation's zone, for showing `at`" }),
    reads: z.array(
      z.object({
        subject: z.string().openapi({ description: 'The appraisal, or <cycleId>:<unit> for a penetapan' }),
        employee: person.nullable().openapi({ description: "Whose record, for an appraisal's" }),
        reader: person,
        kind: z.enum(readKinds),
        detail: z.string().nullable(),
        via: z.enum(['api', 'web']),
        requestId: z.string(),
        at: z.string(),
      }),
    ),
  })
  .openapi('ReadTrail');

const route = createRoute({
  middleware: [auditorOnly] as const,
  method: 'get',
  path: '/v1/orgs/{org}/cycles/{cycleId}/read-trail',
  summary:
    'Who opened whose evaluation file, objection file, 360 review identities or document, newest first (auditors only)',
  request: {
    params: z.object({ org: z.string().min(1).max(64), cycleId: z.string().min(1).max(100) }),
    query: z.strictObject({
      appraisal: z.string().max(200).optional().openapi({ description: "One appraisal's reads" }),
      limit: z.coerce.number().int().min(1).max(5000).default(500),
    }),
  },
  responses: {
    200: jsonResponse(trailSchema, 'The reads, newest first'),
    403: problemResponse,
    404: problemResponse,
  },
});

export const readTrailRoutes = new OpenAPIHono<ApiEnv>().openapi(route, async (c) => {
  const { org, cycleId } = c.req.valid('param');
  const { appraisal, limit } = c.req.valid('query');
  if (!cycleIsOf(org, cycleId)) throw new Refusal(404, 'not_found', 'No such cycle');
  if (appraisal && (!appraisalIsOf(org, appraisal) || parseAppraisalId(appraisal)?.cycleId !== cycleId))
    throw new Refusal(404, 'not_found', 'No such appraisal in this cycle');
  const { db } = c.get('deps');
  const reads = await readTrailOf(db, cycleId, { ...(appraisal ? { subject: appraisal } : {}), limit });
  const owners = reads.map((r) => parseAppraisalId(r.subject)?.nip ?? '');
  const names = await employeeNames(db, org, [...reads.map((r) => r.readerNip), ...owners]);
  const named = (nip: string) => ({ nip, name: names.get(nip) ?? null });
  return c.json(
    {
      cycleId,
      timeZone: await timeZoneOf(db, org),
      reads: reads.map(({ readerNip, ...r }) => {
        const owner = parseAppraisalId(r.subject)?.nip;
        return { ...r, employee: owner ? named(owner) : null, reader: named(readerNip) };
      }),
    },
    200,
  );
});
