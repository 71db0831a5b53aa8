// HR: organisation data (units, positions with standards, employees from CSV) and the cycle: start,
// inspect, progress per unit and step, distribution per unit against its rule, unit predikat, close.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { toAppraisalCalendar } from '../../domain/cycle/appraisal-calendar.ts';
import { buildCalendar, calendarOverridesSchema } from '../../domain/cycle/calendar.ts';
import { populationSchema } from '../../domain/cycle/events.ts';
import { unitPredikatSchema } from '../../domain/rating/distribution-rules.ts';
import { importEmployees } from '../../organisation/import-employees.ts';
import { cycleIdFor, cycleWorkflowId } from '../../workflows/appraisal-input.ts';
import type { CycleInput } from '../../workflows/cycle.ts';
import { closeCycleUpdate, setUnitPredikatUpdate } from '../../workflows/messages.ts';
import type { ApiEnv } from '../context.ts';
import { hrOnly, hrOrAuditor, requireRole } from '../middleware.ts';
import { ApiProblem } from '../problem.ts';
import { callTemporal, executeUpdate } from '../temporal-calls.ts';
import { jsonBody, jsonResponse, orgParams, problemResponse } from './openapi-shapes.ts';

const org = orgParams;
const cycleParams = org.extend({ cycleId: z.string().min(1).max(100) });
const code = z.string().min(1).max(64);

const unitsRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/units',
  summary: 'Create or update units (unit kerja)',
  request: {
    params: org,
    body: jsonBody(
      z
        .array(
          z.strictObject({
            code,
            name: z.string().min(1).max(200),
            parentCode: code.nullable().default(null),
          }),
        )
        .min(1)
        .max(1000),
    ),
  },
  responses: { 200: jsonResponse(z.object({ upserted: z.number() }), 'Saved'), 403: problemResponse },
});
const positionsRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/positions',
  summary: 'Create or update positions and their standards (tupoksi)',
  request: {
    params: org,
    body: jsonBody(
      z
        .array(
          z.strictObject({
            code,
            name: z.string().min(1).max(200),
            kind: z.enum(['JPT', 'JA', 'JF']),
            duties: z.array(z.string().min(1).max(1000)).max(50),
            defaultIndicators: z
              .array(
                z.strictObject({
                  description: z.string().min(1),
                  aspect: z.enum(['kuantitas', 'kualitas', 'waktu', 'biaya']),
                  target: z.string().min(1),
                }),
              )
              .max(50),
          }),
        )
        .min(1)
        .max(1000),
    ),
  },
  responses: { 200: jsonResponse(z.object({ upserted: z.number() }), 'Saved'), 403: problemResponse },
});
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const importRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/employees/import',
  summary: 'Import employees from CSV or XLSX (a result per row)',
  request: {
    params: org,
    body: {
      content: { 'text/csv': { schema: z.string() }, [xlsxType]: { schema: z.string() } },
      required: true,
    },
  },
  responses: {
    200: jsonResponse(z.record(z.string(), z.unknown()), 'A result per row'),
    400: problemResponse,
    403: problemResponse,
  },
});
const startRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/cycles',
  summary: 'Start the yearly cycle',
  request: {
    params: org,
    body: jsonBody(
      z.strictObject({
        year: z.number().int().min(2000).max(2100),
        start: z.iso.datetime({ offset: true }).or(z.iso.date()),
        calendar: calendarOverridesSchema.default({}),
        population: populationSchema.default({}),
      }),
    ),
  },
  responses: {
    201: jsonResponse(z.object({ cycleId: z.string(), workflowId: z.string() }), 'Started'),
    403: problemResponse,
    409: problemResponse,
    422: problemResponse,
  },
});
const cycleRoute = createRoute({
  middleware: [hrOrAuditor] as const,
  method: 'get',
  path: '/v1/orgs/{org}/cycles/{cycleId}',
  summary: 'A cycle',
  request: { params: cycleParams },
  responses: { 200: jsonResponse(z.record(z.string(), z.unknown()), 'The cycle'), 404: problemResponse },
});
const progressRoute = createRoute({
  middleware: [hrOrAuditor] as const,
  method: 'get',
  path: '/v1/orgs/{org}/cycles/{cycleId}/progress',
  summary: 'Progress per unit and step',
  request: { params: cycleParams },
  responses: {
    200: jsonResponse(z.object({ units: z.record(z.string(), z.record(z.string(), z.number())) }), 'Counts'),
    404: problemResponse,
  },
});
const distributionRoute = createRoute({
  middleware: [hrOrAuditor] as const,
  method: 'get',
  path: '/v1/orgs/{org}/cycles/{cycleId}/distribution',
  summary: 'Predikat distribution per unit, against its rule',
  request: { params: cycleParams },
  responses: {
    200: jsonResponse(z.object({ units: z.array(z.record(z.string(), z.unknown())) }), 'Per unit'),
    404: problemResponse,
  },
});
const unitPredikatRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/cycles/{cycleId}/units/{unitCode}/predikat',
  summary: "Set a unit's own predikat (selects its distribution rule)",
  request: {
    params: cycleParams.extend({ unitCode: code }),
    body: jsonBody(z.strictObject({ predikat: unitPredikatSchema })),
  },
  responses: {
    200: jsonResponse(z.object({ accepted: z.boolean(), detail: z.string() }), 'Set'),
    404: problemResponse,
  },
});
const closeRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/cycles/{cycleId}/close',
  summary: 'Close the cycle',
  request: { params: cycleParams },
  responses: {
    200: jsonResponse(z.object({ accepted: z.boolean(), detail: z.string() }), 'Closing'),
    404: problemResponse,
  },
});

export const cycleRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(unitsRoute, async (c) => {
    const me = hr(c);
    const units = c.req.valid('json');
    const { db } = c.get('deps');
    await ensureOrganisation(db, me.org);
    await db
      .insertInto('units')
      .values(units.map((u) => ({ org_id: me.org, code: u.code, name: u.name, parent_code: u.parentCode })))
      .onConflict((oc) =>
        oc.columns(['org_id', 'code']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          parent_code: eb.ref('excluded.parent_code'),
        })),
      )
      .execute();
    return c.json({ upserted: units.length }, 200);
  })
  .openapi(positionsRoute, async (c) => {
    const me = hr(c);
    const positions = c.req.valid('json');
    const { db } = c.get('deps');
    await ensureOrganisation(db, me.org);
    await db
      .insertInto('positions')
      .values(
        positions.map((p) => ({
          org_id: me.org,
          code: p.code,
          name: p.name,
          kind: p.kind,
          duties: JSON.stringify(p.duties),
          default_indicators: JSON.stringify(p.defaultIndicators),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['org_id', 'code']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          kind: eb.ref('excluded.kind'),
          duties: eb.ref('excluded.duties'),
          default_indicators: eb.ref('excluded.default_indicators'),
        })),
      )
      .execute();
    return c.json({ upserted: positions.length }, 200);
  })
  .openapi(importRoute, async (c) => {
    const me = hr(c);
    const xlsx = c.req.header('content-type')?.toLowerCase().startsWith(xlsxType);
    const file = xlsx ? { xlsx: new Uint8Array(await c.req.arrayBuffer()) } : await c.req.text();
    const result = await importEmployees(c.get('deps').db, me.org, file);
    if (!result.ok && 'unreadable' in result) throw new ApiProblem(400, 'unreadable_file', result.unreadable);
    if (!result.ok)
      throw new ApiProblem(400, 'invalid_csv_header', result.headerErrors.join('; '), {
        headerErrors: result.headerErrors,
      });
    return c.json(result, 200);
  })
  .openapi(startRoute, async (c) => {
    const me = hr(c);
    const body = c.req.valid('json');
    const { temporal, taskQueue } = c.get('deps');
    const calendar = toAppraisalCalendar(
      buildCalendar(
        body.year,
        body.start.length === 10 ? `${body.start}T00:00:00Z` : body.start,
        body.calendar,
      ),
    );
    const cycleId = cycleIdFor(me.org, body.year);
    const input: CycleInput = {
      cycleId,
      orgId: me.org,
      year: body.year,
      calendar,
      population: body.population,
      startedBy: me.nip,
    };
    const workflowId = cycleWorkflowId(cycleId);
    const operationId = c.get('operationId');
    const deps = c.get('deps');
    try {
      await callTemporal(deps, () =>
        temporal.workflow.start('CycleWorkflow', {
          workflowId,
          taskQueue,
          args: [input],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          // Marks the start as this keyed request's, so its retry can tell its own start from another.
          ...(operationId ? { memo: { startRequest: operationId } } : {}),
        }),
      );
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      // A retry whose first attempt started the cycle but lost the answer gets that answer.
      const ours =
        operationId !== undefined &&
        (await callTemporal(deps, () => temporal.workflow.getHandle(workflowId).describe())).memo
          ?.startRequest === operationId;
      if (!ours) throw new ApiProblem(409, 'cycle_exists', `The ${body.year} cycle was already started`);
    }
    return c.json({ cycleId, workflowId }, 201);
  })
  .openapi(cycleRoute, async (c) => {
    const cycle = await findCycle(c);
    return c.json(
      {
        cycleId: cycle.cycle_id,
        year: cycle.year,
        status: cycle.status,
        launched: cycle.launched,
        calendar: cycle.calendar,
        population: cycle.population,
        startedAt: cycle.started_at.toISOString(),
        closedAt: cycle.closed_at?.toISOString() ?? null,
      },
      200,
    );
  })
  .openapi(progressRoute, async (c) => {
    const cycle = await findCycle(c);
    const rows = await c
      .get('deps')
      .db.selectFrom('cycle_progress')
      .select(['unit_code', 'step', 'count'])
      .where('cycle_id', '=', cycle.cycle_id)
      .where('count', '>', 0)
      .execute();
    const units: Record<string, Record<string, number>> = {};
    for (const r of rows) units[r.unit_code] = { ...units[r.unit_code], [r.step]: r.count };
    return c.json({ units }, 200);
  })
  .openapi(distributionRoute, async (c) => {
    const cycle = await findCycle(c);
    const { db } = c.get('deps');
    const [counts, calibration] = await Promise.all([
      db
        .selectFrom('unit_distribution')
        .select(['unit_code', 'predikat', 'count'])
        .where('cycle_id', '=', cycle.cycle_id)
        .where('count', '>', 0)
        .execute(),
      db.selectFrom('unit_calibration').selectAll().where('cycle_id', '=', cycle.cycle_id).execute(),
    ]);
    const codes = [
      ...new Set([...counts.map((r) => r.unit_code), ...calibration.map((r) => r.unit_code)]),
    ].sort();
    const units = codes.map((unitCode) => {
      const cal = calibration.find((r) => r.unit_code === unitCode);
      return {
        unitCode,
        counts: Object.fromEntries(
          counts.filter((r) => r.unit_code === unitCode).map((r) => [r.predikat, r.count]),
        ),
        unitPredikat: cal?.unit_predikat ?? null,
        ok: cal?.ok ?? null,
        violations: cal?.violations ?? [],
        releasedAt: cal?.released_at?.toISOString() ?? null,
      };
    });
    return c.json({ units }, 200);
  })
  .openapi(unitPredikatRoute, async (c) => {
    const me = hr(c);
    const cycle = await findCycle(c);
    const { unitCode } = c.req.valid('param');
    const handle = c.get('deps').temporal.workflow.getHandle(cycleWorkflowId(cycle.cycle_id));
    return c.json(
      await executeUpdate(
        c.get('deps'),
        handle,
        setUnitPredikatUpdate,
        [{ unitCode, predikat: c.req.valid('json').predikat, by: me.nip }],
        c.get('operationId'),
      ),
      200,
    );
  })
  .openapi(closeRoute, async (c) => {
    const me = hr(c);
    const cycle = await findCycle(c);
    const handle = c.get('deps').temporal.workflow.getHandle(cycleWorkflowId(cycle.cycle_id));
    return c.json(
      await executeUpdate(c.get('deps'), handle, closeCycleUpdate, [{ by: me.nip }], c.get('operationId')),
      200,
    );
  });

// biome-ignore lint/suspicious/noExplicitAny: the context of any route here
function hr(c: { get: (k: 'principal') => ApiEnv['Variables']['principal'] } & any) {
  const me = c.get('principal');
  requireRole(me.roles, 'hr');
  return me;
}

// biome-ignore lint/suspicious/noExplicitAny: the context of any cycle route
async function findCycle(c: any) {
  const me = c.get('principal') as ApiEnv['Variables']['principal'];
  if (!me.roles.includes('hr') && !me.roles.includes('auditor'))
    throw new ApiProblem(403, 'forbidden_role', 'This needs the hr or auditor role');
  const { cycleId } = c.req.param() as { cycleId: string };
  const cycle = await (c.get('deps') as ApiEnv['Variables']['deps']).db
    .selectFrom('cycles')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .where('org_id', '=', me.org)
    .executeTakeFirst();
  if (!cycle) throw new ApiProblem(404, 'not_found', 'No such cycle');
  return cycle;
}

async function ensureOrganisation(db: ApiEnv['Variables']['deps']['db'], orgId: string) {
  await db
    .insertInto('organisations')
    .values({ id: orgId, name: orgId })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
