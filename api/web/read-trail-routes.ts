// The read trail on the web (audit/read-trail.ts): `trailRead`, which the pages showing someone's
// evaluation file, objection file, 360 review identities or document call before rendering them, and the
// auditor's page of a cycle's reads (/app/audit/cycles/<cycleId>/read-trail, ?appraisal= for one).
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { type ReadEntry, readTrailOf, recordRead } from '../../audit/read-trail.ts';
import type { Principal } from '../../auth/identity.ts';
import { parseAppraisalId, parseCycleId } from '../../domain/ids.ts';
import { requestIdOf } from '../../http/request-id.ts';
import { mayAudit, organisationScope } from '../../record/read/access.ts';
import { timeZoneOf } from '../../record/read/organisation.ts';
import { employeeNames } from '../../record/read/people.ts';
import type { Database } from '../../schema/database.ts';
import type { Services } from '../commands/services.ts';
import { translator } from './i18n/index.ts';
import { cycleIdPattern, rolePages } from './role-pages.ts';
import { readTrailBody } from './views/audit-read-trail.ts';

/** Appends the reader's opening of `subject` to the trail, before the page shows it. */
export function trailRead(
  c: Context,
  db: Kysely<Database>,
  principal: Principal,
  subject: string,
  kind: ReadEntry['kind'],
  detail: string | null = null,
): Promise<void> {
  return recordRead(db, {
    subject,
    readerNip: principal.nip,
    kind,
    detail,
    via: 'web',
    requestId: requestIdOf(c.req.header('x-request-id')),
  });
}

export function readTrailRoutes(deps: Services): Hono {
  const web = new Hono();
  const { render, needRole, notFound } = rolePages(deps);
  const { db } = deps;

  web.get('/audit/cycles/:cycleId/read-trail', async (c) => {
    const who = await needRole(c, mayAudit, 'error.forbiddenAuditor');
    if (who instanceof Response) return who;
    const { session } = who;
    // The trail needs no cycle row: a cycle of the auditor's organisation (any, for org "*") is shown,
    // empty when nobody opened anything of it.
    const cycleId = c.req.param('cycleId');
    const parsed = cycleIdPattern.test(cycleId) ? parseCycleId(cycleId) : undefined;
    const scope = organisationScope(session.principal);
    if (!parsed || (scope !== undefined && parsed.orgId !== scope)) return notFound(c, who.t, session);
    const cycle = { cycle_id: cycleId, year: parsed.year };
    const org = parsed.orgId;
    // Times in the zone of the organisation whose record it is.
    const t = translator(who.t.lang, await timeZoneOf(db, org));
    const asked = c.req.query('appraisal');
    const appraisal = asked && parseAppraisalId(asked)?.cycleId === cycle.cycle_id ? asked : undefined;
    const reads = await readTrailOf(db, cycle.cycle_id, appraisal ? { subject: appraisal } : {});
    const nips = reads.flatMap((r) => [r.readerNip, parseAppraisalId(r.subject)?.nip ?? '']);
    const names = await employeeNames(db, org, nips);
    const body = readTrailBody(t, { cycleId: cycle.cycle_id, appraisal: appraisal ?? null, reads, names });
    return render(c, t, {
      title: t('readTrail.title', { year: cycle.year }),
      body,
      session,
      section: 'audit',
    });
  });

  return web;
}
