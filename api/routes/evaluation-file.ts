// The evaluation file of one appraisal: what the rater needs in front of them for the akhir rating (every
// period's realisations with evidence, feedback per RHK, ratings and predikat periodik with who rated,
// escalations and misses; the agreed SKP; the activity reports; the BerAKHLAK aggregates). For the rater,
// the rater's superior, HR and auditors (record/read/access.ts); from the event log, never a workflow query.
// And the employee's own part of it (`/me/appraisal/evaluations`, record/read/my-evaluations.ts): every
// period's realisations, feedback, ratings and who rated, and the akhir result once released.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { berakhlakValues } from '../../domain/review/berakhlak.ts';
import { evaluationFileOf } from '../../record/read/evaluation-file.ts';
import { myEvaluations } from '../../record/read/my-evaluations.ts';
import { Refusal } from '../commands/refusal.ts';
import type { ApiEnv } from '../context.ts';
import { jsonResponse, problemResponse } from './openapi-shapes.ts';
import { trailRead } from './read-trail.ts';

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
const realisation = z.object({
  indicatorId: z.string(),
  value: z.string().optional().openapi({ description: 'In words (kualitatif)' }),
  amount: z.number().optional().openapi({ description: "A number in the target's satuan (kuantitatif)" }),
  evidence: z.array(evidence),
});
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
  capaian: z.string().optional().openapi({
    description:
      "A unit leader's: the unit's capaian kinerja organisasi the rating hasil kerja was taken from",
  }),
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
  aspect: z.string().optional().openapi({ description: 'JA/JF form: kuantitas, kualitas, waktu or biaya' }),
  target: z.string().optional().openapi({ description: 'Kualitatif: the target in words' }),
  targetValue: z.number().optional().openapi({ description: 'Kuantitatif: the target number' }),
  satuan: z.string().optional().openapi({ description: 'Kuantitatif: its unit of measure' }),
  lowerIsBetter: z.boolean().optional(),
});
const rhk = z.object({
  id: z.string(),
  kind: z.string().openapi({ description: 'utama, tambahan, or instruksiKhusus (JPT form)' }),
  description: z.string(),
  parentRhkId: z.string().nullable(),
  perspektif: z.string().optional().openapi({ description: 'JPT form' }),
  indicators: z.array(indicator),
});
const setting = z
  .object({
    form: z.enum(['jpt', 'jaJf']),
    approach: z.enum(['kualitatif', 'kuantitatif']),
    ledUnitCode: z.string().nullable(),
  })
  .nullable()
  .openapi({ description: "The SKP's form and approach; null for an appraisal started before the forms" });

const skpSchema = z
  .object({
    version: z.number(),
    agreedAt: z.string().nullable(),
    rhk: z.array(rhk),
    ekspektasi: z.record(z.string(), z.string()).optional(),
    lampiran: z.record(z.string(), z.array(z.string())).optional(),
  })
  .nullable();
const periodKindSchema = z.enum(['quarterly', 'monthly', 'semester']).nullable();
const periodSchema = z.object({
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
});

const fileSchema = z
  .object({
    appraisalId: z.string(),
    cycleId: z.string(),
    step: z.string(),
    employee: party.extend({ unitCode: z.string(), positionCode: z.string() }),
    rater: party.nullable(),
    superior: party.nullable(),
    setting,
    skp: skpSchema,
    skpPeriods: z
      .array(
        z.object({
          skpPeriod: z.number().int(),
          began: z.enum(['year', 'mutasi', 'promotion']),
          unitCode: z.string(),
          positionCode: z.string(),
          rater: person.nullable(),
          from: z.string().nullable().openapi({ description: 'null: the year’s start' }),
          until: z
            .string()
            .nullable()
            .openapi({ description: 'The day the next began; null: the current one' }),
          agreedVersion: z.number().int().nullable(),
          periods: z.array(z.string()),
        }),
      )
      .optional()
      .openapi({
        description: 'A year a mutasi or promotion divided: each SKP period, its post, rater and periods',
      }),
    periodKind: periodKindSchema,
    periods: z.array(periodSchema),
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

const myEvaluationsSchema = z
  .object({
    appraisalId: z.string(),
    cycleId: z.string(),
    step: z.string(),
    rater: person.nullable(),
    superior: person.nullable(),
    skp: skpSchema,
    periodKind: periodKindSchema.openapi({ description: 'null for a cycle with quarterly check-ins' }),
    periods: z.array(
      periodSchema.extend({
        acknowledgeTaskId: z
          .string()
          .nullable()
          .openapi({ description: 'My open task to acknowledge the result, if any' }),
      }),
    ),
    upcoming: z.array(z.object({ period: z.string(), opens: z.string(), deadline: z.string() })),
    akhir: z.object({
      rating: rating.nullable().openapi({ description: 'Once released to me, with who set it' }),
      release: z.object({ at: z.string(), objectionDeadline: z.string() }).nullable(),
    }),
  })
  .openapi('MyEvaluations');

const myEvaluationsRoute = createRoute({
  method: 'get',
  path: '/v1/orgs/{org}/me/appraisal/evaluations',
  summary:
    'My periodic evaluations (realisations, feedback per RHK, ratings, predikat, who rated, acknowledgement) and the released akhir result',
  request: {
    params: z.object({ org: id }),
    query: z.strictObject({ cycleId: z.string().max(100).optional() }),
  },
  responses: {
    200: jsonResponse(myEvaluationsSchema, 'My evaluations, from the event log'),
    404: problemResponse,
  },
});

export const evaluationFileRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(fileRoute, async (c) => {
    const { org, appraisalId } = c.req.valid('param');
    const answer = await evaluationFileOf(c.get('deps').db, c.get('principal'), org, appraisalId);
    if ('file' in answer) {
      await trailRead(c, appraisalId, 'evaluationFile');
      return c.json(answer.file, 200);
    }
    if (answer.refused === 'forbidden')
      throw new Refusal(
        403,
        'forbidden',
        "Only the rater, the rater's superior, HR and auditors read an appraisal's evaluation file",
      );
    throw new Refusal(404, 'not_found', 'No such appraisal');
  })
  .openapi(myEvaluationsRoute, async (c) => {
    const found = await myEvaluations(c.get('deps').db, c.get('principal'), c.req.valid('query').cycleId);
    if (!found) throw new Refusal(404, 'not_found', 'You have no appraisal in this cycle');
    return c.json(found, 200);
  });
