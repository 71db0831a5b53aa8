// Auditors (read-only): a cycle's history, a stream's events, the state of an appraisal or a cycle as of
// any moment, an appraisal's timeline and the cycle's verification. All from the event log alone, the
// same answers as `siklus audit`. Auditors see everything of the organisation, including who said what.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { parseAsOf } from '../../audit/as-of.ts';
import { AuditError } from '../../audit/errors.ts';
import { cycleEventPage, streamEventPage } from '../../audit/event-page.ts';
import { stateAsOf } from '../../audit/state-as-of.ts';
import { appraisalTimeline } from '../../audit/timeline.ts';
import { verifyCycle } from '../../audit/verify-cycle.ts';
import { parseStreamId } from '../../domain/ids.ts';
import { appraisalIsOf, cycleIsOf, streamIsOf } from '../../record/read/access.ts';
import { timeZoneOf } from '../../record/read/organisation.ts';
import { Refusal } from '../commands/refusal.ts';
import type { ApiEnv } from '../context.ts';
import { auditorOnly } from '../middleware.ts';
import { problemResponse } from './openapi-shapes.ts';
import { trailRead } from './read-trail.ts';

const id = z.string().min(1).max(200);
const json = (description: string) => ({
  200: { content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } }, description },
  400: problemResponse,
  404: problemResponse,
  409: problemResponse,
});
const page = z.strictObject({
  after: z.coerce.number().int().min(0).default(0).openapi({ description: 'Global position to start after' }),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
const asOfQuery = z.strictObject({
  asOf: z.string().max(40).optional().openapi({ description: 'ISO 8601 time or global position' }),
});

/** The names a path's `{braces}` stand for: `'/v1/orgs/{org}/x/{xId}'` → `'org' | 'xId'`. */
type PathParams<P extends string> = P extends `${string}{${infer N}}${infer Rest}`
  ? N | PathParams<Rest>
  : never;

/** Every auditor route: a GET for the auditor role, its path's parameters ids, answering JSON or a problem. */
function auditGet<const P extends string, Q extends z.ZodObject | undefined = undefined>(
  path: P,
  query: Q,
  text: { summary: string; answer: string },
) {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, id]);
  const params = z.object(Object.fromEntries(names)) as z.ZodObject<Record<PathParams<P>, typeof id>>;
  return createRoute({
    middleware: [auditorOnly] as const,
    method: 'get',
    path,
    summary: text.summary,
    request: { params, ...(query ? { query } : {}) } as { params: typeof params; query: Q },
    responses: json(text.answer),
  });
}

// The event log has no organisation column: its ids say whose it is (record/read/access.ts). Anything of another
// organisation answers 404, as if absent.
function cycleOf(org: string, cycleId: string): string {
  if (!cycleIsOf(org, cycleId)) throw new Refusal(404, 'not_found', 'No such cycle');
  return cycleId;
}
const appraisalOf = (org: string, appraisalId: string) => {
  if (!appraisalIsOf(org, appraisalId)) throw new Refusal(404, 'not_found', 'No such appraisal');
  return appraisalId;
};
const streamOf = (org: string, streamId: string) => {
  if (!streamIsOf(org, streamId)) throw new Refusal(404, 'not_found', 'No such stream');
  return streamId;
};

function asOfFrom(text: string | undefined) {
  const parsed = parseAsOf(text);
  if (!parsed.ok) throw new Refusal(400, 'invalid_as_of', `asOf: ${parsed.message}`);
  return parsed.asOf;
}

/** Every failure the audit reports on purpose is a problem response, never a 500. */
const auditProblem = (error: unknown): never => {
  if (!(error instanceof AuditError)) throw error;
  if (error.code === 'not_found') throw new Refusal(404, 'not_found', error.message);
  if (error.code === 'bad_request') throw new Refusal(400, 'invalid_request', error.message);
  // The request is sound but the log cannot be read as it claims: the verification says why.
  throw new Refusal(409, `log_${error.code}`, error.message, error.where ? { where: error.where } : {});
};

export const auditRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(
    auditGet('/v1/orgs/{org}/audit/cycles/{cycleId}/events', page, {
      summary: "A cycle's history: every event of the cycle and its appraisals, in log order",
      answer: 'A page of events; `next` is the `after` of the next page, null at the end',
    }),
    async (c) => {
      const { org, cycleId } = c.req.valid('param');
      const { after, limit } = c.req.valid('query');
      const result = await cycleEventPage(c.get('deps').db, cycleOf(org, cycleId), after, limit);
      if (after === 0 && result.events.length === 0) throw new Refusal(404, 'not_found', 'No such cycle');
      // The whole cycle's log names every reviewer: one read of all its 360 identities.
      await trailRead(c, cycleId, 'reviewIdentities');
      return c.json({ cycleId, ...result }, 200);
    },
  )
  .openapi(
    auditGet('/v1/orgs/{org}/audit/streams/{streamId}/events', page, {
      summary: "A stream's events in version order, with their hashes",
      answer: 'A page of events',
    }),
    async (c) => {
      const { org, streamId } = c.req.valid('param');
      const { after, limit } = c.req.valid('query');
      const result = await streamEventPage(c.get('deps').db, streamOf(org, streamId), after, limit);
      if (after === 0 && result.events.length === 0) throw new Refusal(404, 'not_found', 'No such stream');
      // An appraisal's stream names its reviewers; the cycle's own does not.
      const owner = parseStreamId(streamId);
      if (owner?.type === 'appraisal') await trailRead(c, owner.appraisalId, 'reviewIdentities');
      return c.json({ streamId, ...result }, 200);
    },
  )
  .openapi(
    auditGet('/v1/orgs/{org}/audit/appraisals/{appraisalId}/state', asOfQuery, {
      summary: "An appraisal's state as of a time or a global position (the end of the log by default)",
      answer: 'The state folded from the log',
    }),
    async (c) => {
      const { org, appraisalId } = c.req.valid('param');
      const asOf = asOfFrom(c.req.valid('query').asOf);
      const result = await stateAsOf(
        c.get('deps').db,
        { appraisalId: appraisalOf(org, appraisalId) },
        asOf,
      ).catch(auditProblem);
      if (result.version === 0 && 'position' in asOf && asOf.position === Number.MAX_SAFE_INTEGER)
        throw new Refusal(404, 'not_found', 'No such appraisal');
      await trailRead(c, appraisalId, 'reviewIdentities');
      return c.json({ ...result }, 200);
    },
  )
  .openapi(
    auditGet('/v1/orgs/{org}/audit/cycles/{cycleId}/state', asOfQuery, {
      summary: "A cycle's state and every appraisal's, as of a time or a global position",
      answer: 'The states folded from the log',
    }),
    async (c) => {
      const { org, cycleId } = c.req.valid('param');
      const asOf = asOfFrom(c.req.valid('query').asOf);
      const result = await stateAsOf(c.get('deps').db, { cycleId: cycleOf(org, cycleId) }, asOf).catch(
        auditProblem,
      );
      await trailRead(c, cycleId, 'reviewIdentities');
      return c.json({ ...result }, 200);
    },
  )
  .openapi(
    auditGet(
      '/v1/orgs/{org}/audit/appraisals/{appraisalId}/timeline',
      z.strictObject({ lang: z.enum(['id', 'en']).default('id') }),
      {
        summary:
          "An appraisal's timeline in readable sentences (times in the organisation's zone; each entry's `at` in ISO 8601)",
        answer: 'The timeline',
      },
    ),
    async (c) => {
      const { org, appraisalId } = c.req.valid('param');
      const { lang } = c.req.valid('query');
      const { db } = c.get('deps');
      // The sentences show times in the organisation's zone; the entries' instants stay ISO 8601.
      const timeZone = await timeZoneOf(db, org);
      const entries = await appraisalTimeline(db, appraisalOf(org, appraisalId), lang, timeZone).catch(
        auditProblem,
      );
      if (entries.length === 0) throw new Refusal(404, 'not_found', 'No such appraisal');
      await trailRead(c, appraisalId, 'reviewIdentities');
      return c.json({ appraisalId, lang, timeZone, entries }, 200);
    },
  )
  .openapi(
    auditGet('/v1/orgs/{org}/audit/cycles/{cycleId}/verification', undefined, {
      summary: 'Verifies a cycle: hash chains, versions, schemas, projections and the seal',
      answer: '`ok` with the findings, each naming its stream, version and problem',
    }),
    async (c) => {
      const { org, cycleId } = c.req.valid('param');
      const result = await verifyCycle(c.get('deps').db, cycleOf(org, cycleId)).catch(auditProblem);
      return c.json({ ...result }, 200);
    },
  );
