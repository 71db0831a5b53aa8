// The evaluation file of one appraisal: what the rater needs in front of them for the akhir rating (every
// period's realisations with evidence, feedback per RHK, ratings and predikat periodik with who rated,
// escalations and misses; the agreed SKP; the activity reports; the BerAKHLAK aggregates). For the rater,
// the rater's superior, HR and auditors (record/read/access.ts); from the event log, never a workflow query.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { berakhlakValues } from '../../domain/review/berakhlak.ts';
import { evaluationFileOf } from '../../record/read/evaluation-file.ts';
import { Refusal } from '../commands/refusal.ts';
import type { ApiEnv } from '../context.ts';
import { jsonResponse, problemResponse } from './openapi-shapes.ts';

const id = z.string().min(1).max(200);
const person = z.object({ nip: z.string(), name: z.string().nullable() });
/** The parties the file's head names, with their employment as the organisation lists it now. */
const party = person.extend({
  employmentStatus: z
    .enum(['PNS', 'PPPK'])
    .nullable()
    .openapi({ description: 'PNS (a NIP) or PPPK (an NI PPPK); null for someone no longer listed' }),
  rank: z
    .string()
    .nullable()
    .openapi({ description: 'PNS pangkat/golongan ("Penata Muda, III/a") or PPPK golongan ("IX")' }),
});
const evidence = z.object({ url: z.string().optional(), note: z.string().optional() });
const realisation = z.object({ indicatorId: z.string(), value: z.string(), evidence: z.array(evidence) });
const escalation = z.object({
  to: z.enum(['superior', 'hr']),
  assignee: person.nullable().openapi({ description: "null for HR's task, which any HR admin may take" }),
  deadline: z.string(),
  at: z.string(),
});
const rating = z.object({
  results: z.string(),
  behaviour: z.string(),
  predikat: z.string(),
  feedback: z.string(),
  as: z
    .enum(['rater', 'superior', 'hr'])
    .openapi({ description: 'Who rated: the rater, or after escalation' }),
  by: person,
  at: z.string(),
});
const aggregate = z
  .object({
    reviewCount: z.number(),
    values: z.object(
      Object.fromEntries(
        berakhlakValues.map((v) => [v, z.object({ average: z.number().nullable(), count: z.number() })]),
      ),
    ),
  })
  .nullable();
const indicator = z.object({
  id: z.string(),
  description: z.string(),
  aspect: z.string(),
  target: z.string(),
});
const rhk = z.object({
  id: z.string(),
  kind: z.string(),
  description: z.string(),
  parentRhkId: z.string().nullable(),
  indicators: z.array(indicator),
});

const fileSchema = z
  .object({
    appraisalId: z.string(),
    cycleId: z.string(),
    step: z.string(),
    employee: party.extend({ unitCode: z.string(), positionCode: z.string() }),
    rater: party.nullable(),
    superior: party.nullable(),
    skp: z.object({ version: z.number(), agreedAt: z.string().nullable(), rhk: z.array(rhk) }).nullable(),
    periodKind: z.enum(['quarterly', 'monthly', 'semester']).nullable(),
    periods: z.array(
      z.object({
        period: z.string().openapi({ description: 'TW1-TW4, M01-M12 or S1-S2' }),
        firstDay: z.string(),
        lastDay: z.string(),
        deadline: z.string(),
        realisation: z.object({ at: z.string(), by: person, realisations: z.array(realisation) }).nullable(),
        feedback: z.array(z.object({ rhkId: z.string(), feedback: z.string(), by: person, at: z.string() })),
        rating: rating.nullable(),
        escalations: z.array(escalation),
        missed: z.object({ rating: z.boolean(), realisation: z.boolean(), at: z.string() }).nullable(),
        acknowledgedAt: z.string().nullable(),
      }),
    ),
    checkIns: z.array(
      z.object({
        quarter: z.enum(['I', 'II', 'III', 'IV']),
        firstDay: z.string(),
        lastDay: z.string(),
        submitted: z.object({ at: z.string(), realisations: z.array(realisation) }).nullable(),
        feedback: z.object({ at: z.string(), feedback: z.string(), by: person }).nullable(),
        missed: z.boolean(),
      }),
    ),
    activityReports: z.array(
      z.object({ reportId: z.string(), date: z.string(), description: z.string(), at: z.string() }),
    ),
    review: z.object({
      self: aggregate,
      supervisor: aggregate,
      colleagues: aggregate.openapi({ description: 'Peers and subordinates combined, from two reviews on' }),
      colleagueCount: z.number(),
      missed: z.number(),
    }),
    akhir: z.object({ rating: rating.nullable(), escalations: z.array(escalation), missed: z.boolean() }),
  })
  .openapi('EvaluationFile');

const fileRoute = createRoute({
  method: 'get',
  path: '/v1/orgs/{org}/appraisals/{appraisalId}/evaluation-file',
  summary:
    "An appraisal's evaluation file, for the akhir rating: the rater, the rater's superior, HR and auditors",
  request: { params: z.object({ org: id, appraisalId: id }) },
  responses: {
    200: jsonResponse(fileSchema, 'The evaluation file, from the event log'),
    403: problemResponse,
    404: problemResponse,
  },
});

export const evaluationFileRoutes = new OpenAPIHono<ApiEnv>().openapi(fileRoute, async (c) => {
  const { org, appraisalId } = c.req.valid('param');
  const answer = await evaluationFileOf(c.get('deps').db, c.get('principal'), org, appraisalId);
  if ('file' in answer) return c.json(answer.file, 200);
  if (answer.refused === 'forbidden')
    throw new Refusal(
      403,
      'forbidden',
      "Only the rater, the rater's superior, HR and auditors read an appraisal's evaluation file",
    );
  throw new Refusal(404, 'not_found', 'No such appraisal');
});
