// The HTTP API: one zod schema per route gives validation, the OpenAPI 3.1 document and typed handlers.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import pg from 'pg';
import { ZodError, type z } from 'zod';
import { maxBodyBytes } from '../http/input-guards.ts';
import { maxEvidenceBytes } from './commands/evidence.ts';
import { refusalOf } from './commands/refusal.ts';
import type { ApiDependencies, ApiEnv } from './context.ts';
import { checkHealth } from './health.ts';
import { idempotentPosts } from './idempotency.ts';
import { authenticated, limitBody, refuseNul } from './middleware.ts';
import { apiDocument } from './openapi-document.ts';
import { problem } from './problem.ts';
import { referencePage } from './reference-page.ts';
import { activityReportRoutes } from './routes/activity-reports.ts';
import { appraisalRoutes } from './routes/appraisal.ts';
import { auditRoutes } from './routes/audit.ts';
import { bulkSignRoutes } from './routes/bulk-sign.ts';
import { cycleChangeRoutes } from './routes/cycle-changes.ts';
import { cycleScheduleRoutes } from './routes/cycle-schedule.ts';
import { cycleRoutes } from './routes/cycles.ts';
import { documentRoutes } from './routes/documents.ts';
import { evaluationFileRoutes } from './routes/evaluation-file.ts';
import { evidenceRoutes } from './routes/evidence.ts';
import { inboxRoutes } from './routes/inbox.ts';
import { liveRoutes } from './routes/live.ts';
import { masterDataRoutes } from './routes/master-data.ts';
import { measureRoutes } from './routes/measures.ts';
import { monitoringRoutes } from './routes/monitoring.ts';
import { organisationProfileRoutes } from './routes/organisation-profile.ts';
import { participantChangeRoutes } from './routes/participant-changes.ts';
import { penetapanRoutes } from './routes/penetapan.ts';
import { readTrailRoutes } from './routes/read-trail.ts';
import { resultsExportRoutes } from './routes/results-export.ts';
import { standardsRoutes } from './routes/standards.ts';
import { timeZoneRoutes } from './routes/time-zone.ts';

export type { ApiDependencies } from './context.ts';

/** The API alone; the entry points mount the web UI next to it (bin/server.ts). */
export function createApp(deps: ApiDependencies): OpenAPIHono<ApiEnv> {
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return schemaProblem(c, result.error.issues);
    },
  });
  app.onError((error, c) => {
    const refusal = refusalOf(error);
    if (refusal) {
      for (const [name, value] of Object.entries(refusal.headers)) c.header(name, value);
      return problem(c, refusal.status, refusal.code, refusal.message, refusal.extra);
    }
    if (error instanceof ZodError) return schemaProblem(c, error.issues);
    if (error instanceof SyntaxError) return problem(c, 400, 'invalid_json', 'The body is not valid JSON');
    if (error instanceof HTTPException) {
      const malformed = error.status === 400 && /json/i.test(error.message);
      return problem(c, error.status, malformed ? 'invalid_json' : 'http_error', error.message);
    }
    // A backstop behind refuseNul: text PostgreSQL cannot take is the client's mistake, not ours.
    if (error instanceof pg.DatabaseError && invalidTextCodes.has(error.code ?? ''))
      return problem(
        c,
        400,
        'invalid_text',
        'A text value cannot be stored (a NUL character or a malformed value)',
      );
    console.error('api:', error);
    return problem(c, 500, 'internal_error', 'Something went wrong on our side');
  });
  app.notFound((c) => problem(c, 404, 'not_found', 'No such resource'));

  app.get('/health', async (c) => {
    const report = await checkHealth(deps.db, deps.temporal);
    return c.json(report, report.status === 'ok' ? 200 : 503);
  });
  app.get('/openapi.json', (c) => c.json(apiDocument(app)));
  app.get('/docs', (c) => c.html(referencePage('/openapi.json')));

  // An evidence file may be larger than any other body (its own limit names it); a byte past that stops it.
  const bodyLimit = limitBody(deps.maxBodyBytes ?? maxBodyBytes);
  const evidenceLimit = limitBody(maxEvidenceBytes + 64 * 1024);
  app.use('/v1/*', (c, next) =>
    (c.req.method === 'POST' && /\/appraisals\/[^/]+\/evidence$/.test(c.req.path)
      ? evidenceLimit
      : bodyLimit)(c, next),
  );
  app.use('/v1/*', refuseNul());
  app.use('/v1/orgs/:org/*', authenticated(deps));
  app.use('/v1/orgs/:org/*', idempotentPosts());
  app.route('/', inboxRoutes);
  app.route('/', appraisalRoutes);
  app.route('/', bulkSignRoutes);
  app.route('/', cycleRoutes);
  app.route('/', monitoringRoutes);
  app.route('/', liveRoutes);
  app.route('/', cycleChangeRoutes);
  app.route('/', penetapanRoutes);
  app.route('/', participantChangeRoutes);
  app.route('/', activityReportRoutes);
  app.route('/', resultsExportRoutes);
  app.route('/', evaluationFileRoutes);
  app.route('/', documentRoutes);
  app.route('/', cycleScheduleRoutes);
  app.route('/', timeZoneRoutes);
  app.route('/', standardsRoutes);
  app.route('/', measureRoutes);
  app.route('/', masterDataRoutes);
  app.route('/', organisationProfileRoutes);
  app.route('/', evidenceRoutes);
  app.route('/', auditRoutes);
  app.route('/', readTrailRoutes);
  return app;
}

/** character_not_in_repertoire (NUL in text), invalid_text_representation, untranslatable_character (jsonb). */
const invalidTextCodes = new Set(['22021', '22P02', '22P05']);

/** A schema refusal that names what is wrong: every issue, and the unknown and the missing fields. */
function schemaProblem(c: Context, issues: readonly z.core.$ZodIssue[]) {
  const errors = issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const unknownFields = issues.flatMap((i) =>
    i.code === 'unrecognized_keys' ? i.keys.map((key) => [...i.path, key].join('.')) : [],
  );
  const missingFields = issues.flatMap((i) =>
    i.code === 'invalid_type' && i.message.endsWith('received undefined') ? [i.path.join('.')] : [],
  );
  const detail = [
    'The request does not match the schema',
    ...(unknownFields.length > 0 ? [`unknown fields: ${unknownFields.join(', ')}`] : []),
    ...(missingFields.length > 0 ? [`missing fields: ${missingFields.join(', ')}`] : []),
  ].join('; ');
  return problem(c, 400, 'invalid_request', detail, {
    errors,
    ...(unknownFields.length > 0 ? { unknownFields } : {}),
    ...(missingFields.length > 0 ? { missingFields } : {}),
  });
}
