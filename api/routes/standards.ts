// Standards rounds (api/commands/standards.ts): HR starts one; HR, unit leaders and the people of each
// position act on it (draft, comment and propose, answer, publish, close) through one actions route; each
// reads the positions they take part in; anyone of the organisation reads a position's published versions.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { standardsCommandSchema } from '../../domain/standards/commands.ts';
import { positionCodeSchema } from '../../domain/standards/payloads.ts';
import { positionStandard, roundsOf } from '../../record/read/standards.ts';
import { Refusal } from '../commands/refusal.ts';
import { actOnStandardsRound, readStandardsRound, startStandardsRound } from '../commands/standards.ts';
import type { ApiEnv } from '../context.ts';
import { hrOnly } from '../middleware.ts';
import { actResponses, jsonBody, jsonResponse, orgParams, problemResponse } from './openapi-shapes.ts';

const roundParams = orgParams.extend({ roundId: z.string().min(1).max(100) });

const startRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/standards/rounds',
  summary: "Start a standards round: drafts of the positions' standards open for comments until a day",
  request: {
    params: orgParams,
    body: jsonBody(
      z.strictObject({
        until: z.string().max(32).openapi({
          description: "The window's last day (YYYY-MM-DD); it ends 23:59:59 in the organisation's zone",
          example: '2027-01-14',
        }),
        positionCodes: z.array(positionCodeSchema).min(1).max(1000).optional(),
      }),
    ),
  },
  responses: {
    201: jsonResponse(
      z.object({ roundId: z.string(), workflowId: z.string(), deadline: z.string() }),
      'Started',
    ),
    403: problemResponse,
    409: problemResponse,
    422: problemResponse,
  },
});
const roundsSchema = z.object({ rounds: z.array(z.record(z.string(), z.unknown())) });
const listRoute = createRoute({
  method: 'get',
  path: '/v1/orgs/{org}/standards/rounds',
  summary: "The organisation's standards rounds, newest first",
  description:
    'Each round in brief, open or closed; the round itself, with its positions and tasks, is at its id.',
  request: { params: orgParams },
  responses: { 200: jsonResponse(roundsSchema, 'Rounds') },
});
const readRoute = createRoute({
  method: 'get',
  path: '/v1/orgs/{org}/standards/rounds/{roundId}',
  summary: 'A round with the positions I take part in: draft, comments and answers, versions, my tasks',
  request: { params: roundParams },
  responses: { 200: jsonResponse(z.record(z.string(), z.unknown()), 'The round'), 404: problemResponse },
});
const actRoute = createRoute({
  method: 'post',
  path: '/v1/orgs/{org}/standards/rounds/{roundId}/actions',
  summary: 'Act on a round: draftStandard, commentStandard, answerProposal, publishStandard, closeRound',
  request: { params: roundParams, body: jsonBody(standardsCommandSchema) },
  responses: { ...actResponses, 400: problemResponse },
});
const positionRoute = createRoute({
  method: 'get',
  path: '/v1/orgs/{org}/standards/positions/{positionCode}',
  summary:
    "A position's standard as it stands (what its socialisation and its SKPs start from) and every published version, newest first",
  request: { params: orgParams.extend({ positionCode: positionCodeSchema }) },
  responses: {
    200: jsonResponse(
      z.object({
        positionCode: z.string(),
        name: z.string(),
        current: z.object({ version: z.number().nullable(), standard: z.record(z.string(), z.unknown()) }),
        versions: z.array(z.record(z.string(), z.unknown())),
      }),
      'The standard',
    ),
    404: problemResponse,
  },
});

export const standardsRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(startRoute, async (c) => {
    const body = c.req.valid('json');
    const me = c.get('principal');
    const key = c.get('idempotencyKey');
    return c.json(await startStandardsRound(c.get('deps'), me, body, key), 201);
  })
  .openapi(listRoute, async (c) => {
    const rounds = await roundsOf(c.get('deps').db, c.get('principal').org);
    return c.json({ rounds: rounds.map((r) => ({ ...r })) }, 200);
  })
  .openapi(readRoute, async (c) => {
    const round = await readStandardsRound(c.get('deps'), c.get('principal'), c.req.valid('param').roundId);
    return c.json({ ...round }, 200);
  })
  .openapi(actRoute, async (c) => {
    const { roundId } = c.req.valid('param');
    const body = c.req.valid('json');
    const me = c.get('principal');
    const key = c.get('idempotencyKey');
    return c.json(await actOnStandardsRound(c.get('deps'), me, roundId, body, key), 200);
  })
  .openapi(positionRoute, async (c) => {
    const { positionCode } = c.req.valid('param');
    const found = await positionStandard(c.get('deps').db, c.get('principal').org, positionCode);
    if (!found) throw new Refusal(404, 'not_found', `No position ${positionCode}`);
    const { current, versions } = found;
    const standard = { ...current.standard };
    return c.json(
      { ...found, current: { ...current, standard }, versions: versions.map((v) => ({ ...v })) },
      200,
    );
  });
