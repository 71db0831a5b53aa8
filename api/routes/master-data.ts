// HR's master data, one record at a time: the units as a tree, the positions with their kind and default
// indicators, the employees found by name or NIP; edits by PUT (created or updated), checked by the same
// rules as the bulk writes and the CSV import (422 invalid_master_data naming each field), recorded with
// who and when; and the employee import's CSV template. HR of the organisation only.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { indicatorAspects, positionKinds } from '../../domain/organisation/master-data.ts';
import {
  editEmployee,
  editPosition,
  editUnit,
  employeeTemplate,
  listEmployees,
  listPositions,
  listUnits,
  readEmployee,
  recordChanges,
} from '../commands/master-data.ts';
import type { ApiEnv } from '../context.ts';
import { hrOnly } from '../middleware.ts';
import { jsonBody, jsonResponse, orgParams, problemResponse } from './openapi-shapes.ts';

const code = z.string().min(1).max(64);
const nipParam = z.string().min(1).max(64).openapi({ example: '198503122010011003' });
// Each field is any JSON here: its rules are checked by the command, a broken one is a 422 naming it.
const any = (description: string) => z.unknown().optional().openapi({ description });
const savedResponses = {
  200: jsonResponse(z.object({ action: z.enum(['created', 'updated']) }), 'Saved'),
  400: problemResponse,
  403: problemResponse,
  422: problemResponse,
};
const changesSchema = z.array(
  z.object({
    at: z.string(),
    byNip: z.string(),
    byName: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  }),
);

const unitsRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'get',
  path: '/v1/orgs/{org}/units',
  summary: 'The units as a tree (each after its parent, with its depth, head and headcount)',
  request: { params: orgParams },
  responses: {
    200: jsonResponse(z.object({ units: z.array(z.record(z.string(), z.unknown())) }), 'Units'),
    403: problemResponse,
  },
});
const unitRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'put',
  path: '/v1/orgs/{org}/units/{code}',
  summary: 'Create or change one unit (its parent must exist and not lie under it; its head must be listed)',
  request: {
    params: orgParams.extend({ code }),
    body: jsonBody(
      z.strictObject({
        name: any('1-200 characters'),
        parentCode: any('The code of the unit above; null for the top'),
        headNip: any('Who leads it: a listed NIP, or null'),
        independent: any('Unit kerja mandiri (boolean)'),
      }),
    ),
  },
  responses: savedResponses,
});
const positionsRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'get',
  path: '/v1/orgs/{org}/positions',
  summary: 'Positions whose name or code holds q, with kind and default indicators',
  request: { params: orgParams, query: z.strictObject({ q: z.string().max(100).optional() }) },
  responses: {
    200: jsonResponse(z.object({ positions: z.array(z.record(z.string(), z.unknown())) }), 'Positions'),
    403: problemResponse,
  },
});
const positionRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'put',
  path: '/v1/orgs/{org}/positions/{code}',
  summary: 'Create or change one position and its standard',
  request: {
    params: orgParams.extend({ code }),
    body: jsonBody(
      z.strictObject({
        name: any('1-200 characters'),
        kind: any(positionKinds.join(' | ')),
        duties: any('Tupoksi: up to 50 texts'),
        defaultIndicators: any(`Up to 50 of {description, aspect (${indicatorAspects.join(' | ')}), target}`),
      }),
    ),
  },
  responses: savedResponses,
});
const employeesRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'get',
  path: '/v1/orgs/{org}/employees',
  summary: 'Employees whose name or NIP holds q, in unit if given (at most 200, by name)',
  request: {
    params: orgParams,
    query: z.strictObject({ q: z.string().max(100).optional(), unit: code.optional() }),
  },
  responses: {
    200: jsonResponse(z.object({ employees: z.array(z.record(z.string(), z.unknown())) }), 'Employees'),
    403: problemResponse,
  },
});
const employeeRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'get',
  path: '/v1/orgs/{org}/employees/{nip}',
  summary: 'One employee with status, rank, supervisor and the latest edits (who, when)',
  request: { params: orgParams.extend({ nip: nipParam }) },
  responses: {
    200: jsonResponse(z.record(z.string(), z.unknown()), 'The employee'),
    403: problemResponse,
    404: problemResponse,
  },
});
const editEmployeeRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'put',
  path: '/v1/orgs/{org}/employees/{nip}',
  summary: "Create or change one employee, checked by the CSV import's rules",
  request: {
    params: orgParams.extend({ nip: nipParam }),
    body: jsonBody(
      z.strictObject({
        name: any('1-200 characters'),
        email: any('An e-mail address'),
        unitCode: any('A listed unit'),
        positionCode: any('A listed position'),
        supervisorNip: any('A listed NIP, or null for the head of the instansi'),
        language: any('id | en'),
        employmentStatus: any('PNS | PPPK: must agree with the number'),
        rank: any('Pangkat/golongan (PNS) or golongan I-XVII (PPPK), or null'),
      }),
    ),
  },
  responses: savedResponses,
});
const changesRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'get',
  path: '/v1/orgs/{org}/master-data/{kind}/{key}/changes',
  summary:
    'The latest changes of a unit, position or employee (hand edits and imports, whose after says via import): who, when, before and after',
  request: {
    params: orgParams.extend({ kind: z.enum(['unit', 'position', 'employee']), key: code }),
  },
  responses: {
    200: jsonResponse(z.object({ changes: changesSchema }), 'Edits, newest first'),
    403: problemResponse,
  },
});
const templateRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'get',
  path: '/v1/orgs/{org}/employees/import/template.csv',
  summary: 'The employee import as a CSV template: the header and one example row',
  request: { params: orgParams },
  responses: {
    200: { content: { 'text/csv': { schema: z.string() } }, description: 'The template' },
    403: problemResponse,
  },
});

export const masterDataRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(unitsRoute, async (c) =>
    c.json({ units: await listUnits(c.get('deps'), c.get('principal')) }, 200),
  )
  .openapi(unitRoute, async (c) =>
    c.json(
      await editUnit(c.get('deps'), c.get('principal'), c.req.valid('param').code, c.req.valid('json')),
      200,
    ),
  )
  .openapi(positionsRoute, async (c) =>
    c.json(
      { positions: await listPositions(c.get('deps'), c.get('principal'), c.req.valid('query').q) },
      200,
    ),
  )
  .openapi(positionRoute, async (c) =>
    c.json(
      await editPosition(c.get('deps'), c.get('principal'), c.req.valid('param').code, c.req.valid('json')),
      200,
    ),
  )
  .openapi(templateRoute, async (c) => {
    const csv = await employeeTemplate(c.get('deps'), c.get('principal'));
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="employees-template.csv"',
    });
  })
  .openapi(employeesRoute, async (c) =>
    c.json({ employees: await listEmployees(c.get('deps'), c.get('principal'), c.req.valid('query')) }, 200),
  )
  .openapi(employeeRoute, async (c) =>
    c.json(await readEmployee(c.get('deps'), c.get('principal'), c.req.valid('param').nip), 200),
  )
  .openapi(editEmployeeRoute, async (c) =>
    c.json(
      await editEmployee(c.get('deps'), c.get('principal'), c.req.valid('param').nip, c.req.valid('json')),
      200,
    ),
  )
  .openapi(changesRoute, async (c) => {
    const { kind, key } = c.req.valid('param');
    return c.json({ changes: await recordChanges(c.get('deps'), c.get('principal'), kind, key) }, 200);
  });
