// The auditor's pages (role auditor, read-only): the cycles, a cycle's timeline with its appraisals, an
// appraisal's state as of any event (audit/ stateAsOf) with its timeline, and the cycle's verification
// (audit/ verifyCycle). They read the event log through the audit functions, never the workflows; a cycle
// or appraisal of another organisation is not found, as in the API (an auditor of org "*" reads all).
// Times are shown in the zone of the organisation whose record it is, with its name (WIB, WITA, WIT).
import { Hono } from 'hono';
import { type AuditRow, readStreamRows, validateRow } from '../../audit/event-rows.ts';
import { AuditError, appraisalTimeline, stateAsOf, verifyCycle } from '../../audit/index.ts';
import { integrityFindingsOf, integrityFindingText } from '../../audit/integrity-read.ts';
import { cycleStreamId, parseAppraisalId, parseCycleId } from '../../domain/ids.ts';
import { mayAudit, organisationScope } from '../../record/read/access.ts';
import { appraisalIdentity, cycleAppraisals, cycleSummaryOf, cyclesOf } from '../../record/read/cycles.ts';
import { timeZoneOf, unitNames } from '../../record/read/organisation.ts';
import { employeeNames } from '../../record/read/people.ts';
import type { Services } from '../commands/services.ts';
import { type Translate, translator } from './i18n/index.ts';
import { trailRead } from './read-trail-routes.ts';
import { cycleIdPattern, rolePages } from './role-pages.ts';
import type { Session } from './session.ts';
import {
  type AuditCycle,
  auditCyclesBody,
  type CycleEventLine,
  cycleTimelineBody,
  verificationBody,
} from './views/audit.ts';
import { appraisalAuditBody } from './views/audit-appraisal.ts';
import { findingsBody } from './views/audit-findings.ts';
import { cycleEventLine } from './views/cycle-events.ts';
import { cycleYear } from './views/hr-actions.ts';

export function auditRoutes(deps: Services): Hono {
  const web = new Hono();
  const { needRole, notFound, sectionPages } = rolePages(deps);
  const { db } = deps;

  /** The cycle, if the auditor may read it. */
  const cycleFor = async (session: Session, cycleId: string): Promise<AuditCycle | undefined> => {
    if (!cycleIdPattern.test(cycleId)) return undefined;
    return cycleSummaryOf(db, organisationScope(session.principal), cycleId);
  };
  const show = sectionPages('audit');

  web.get('/audit', async (c) => {
    const who = await needRole(c, mayAudit, 'error.forbiddenAuditor');
    if (who instanceof Response) return who;
    const cycles = await cyclesOf(db, who.session.principal.org);
    return show(c, who.t, who.session, who.t('audit.title'), auditCyclesBody(who.t, cycles));
  });

  /** The reader's language, times in the zone of the organisation whose record it is. */
  const inZoneOf = async (t: Translate, org: string | undefined) =>
    translator(t.lang, await timeZoneOf(db, org ?? ''));

  web.get('/audit/cycles/:cycleId', async (c) => {
    const who = await needRole(c, mayAudit, 'error.forbiddenAuditor');
    if (who instanceof Response) return who;
    const { session } = who;
    const cycle = await cycleFor(session, c.req.param('cycleId'));
    if (!cycle) return notFound(c, who.t, session);
    const t = await inZoneOf(who.t, parseCycleId(cycle.cycle_id)?.orgId);
    const rows = await cycleAppraisals(db, cycle.cycle_id, 2000);
    const read: Array<{ row: AuditRow; validated: ReturnType<typeof validateRow> }> = [];
    for await (const batch of readStreamRows(db, [cycleStreamId(cycle.cycle_id)]))
      for (const row of batch) read.push({ row, validated: validateRow(row) });
    const nips = read.flatMap(({ row }) => {
      const d = row.data as { by?: unknown; nip?: unknown } | null;
      return [d?.by, d?.nip].filter((x): x is string => typeof x === 'string');
    });
    const [people, units] = await Promise.all([
      employeeNames(db, session.principal.org, [...rows.map((r) => r.nip), ...nips]),
      unitNames(db, session.principal.org),
    ]);
    const events: CycleEventLine[] = read.map(({ row, validated }) => {
      const base = {
        version: row.stream_version,
        position: row.global_position,
        actor: String((row.metadata as { actor?: unknown } | null)?.actor ?? '?'),
      };
      const at = (row.data as { at?: unknown } | null)?.at;
      const when = typeof at === 'string' ? at : new Date(row.recorded_ms).toISOString();
      return validated.ok
        ? {
            ...base,
            at: when,
            ...cycleEventLine(t, validated.event.type, validated.event.data, { people, units }),
          }
        : { ...base, at: when, key: row.type, vars: {}, invalid: validated.detail };
    });
    const appraisals = rows.map((r) => ({
      appraisalId: r.appraisal_id,
      nip: r.nip,
      name: people.get(r.nip) ?? r.nip,
      unit: units.get(r.unit_code) ?? r.unit_code,
      step: r.step,
    }));
    const body = cycleTimelineBody(t, { cycle, events, appraisals });
    return show(c, t, session, t('audit.cycleTitle', { year: cycleYear(t, cycle) }), body);
  });

  web.get('/audit/cycles/:cycleId/verify', async (c) => {
    const who = await needRole(c, mayAudit, 'error.forbiddenAuditor');
    if (who instanceof Response) return who;
    const { t, session } = who;
    const cycle = await cycleFor(session, c.req.param('cycleId'));
    if (!cycle) return notFound(c, t, session);
    const verification = await verifyCycle(db, cycle.cycle_id);
    const body = verificationBody(t, cycle.cycle_id, verification);
    return show(c, t, session, t('verify.title', { year: cycleYear(t, cycle) }), body);
  });

  web.get('/audit/cycles/:cycleId/findings', async (c) => {
    const who = await needRole(c, mayAudit, 'error.forbiddenAuditor');
    if (who instanceof Response) return who;
    const { t, session } = who;
    const cycle = await cycleFor(session, c.req.param('cycleId'));
    if (!cycle) return notFound(c, t, session);
    const org = parseCycleId(cycle.cycle_id)?.orgId ?? '';
    const timeZone = await timeZoneOf(db, org);
    const found = await integrityFindingsOf(db, cycle.cycle_id).catch((error: unknown) => {
      if (error instanceof AuditError && error.code === 'not_found') return [];
      throw error;
    });
    const nips = [
      ...new Set(found.flatMap((f) => f.appraisalIds.map((id) => parseAppraisalId(id)?.nip ?? ''))),
    ];
    const shown = found.map((finding) => ({
      finding,
      sentence: integrityFindingText(finding, t.lang, timeZone),
    }));
    const body = findingsBody(t, cycle.cycle_id, shown, await employeeNames(db, org, nips));
    return show(c, t, session, t('findings.title', { year: cycleYear(t, cycle) }), body);
  });

  web.get('/audit/appraisals/:appraisalId', async (c) => {
    const who = await needRole(c, mayAudit, 'error.forbiddenAuditor');
    if (who instanceof Response) return who;
    const { session } = who;
    const appraisalId = c.req.param('appraisalId');
    const row = await appraisalIdentity(db, organisationScope(session.principal), appraisalId);
    if (!row) return notFound(c, who.t, session);
    const t = await inZoneOf(who.t, row.org_id);
    try {
      const entries = await appraisalTimeline(db, row.appraisal_id, t.lang, t.timeZone);
      const asked = Number(c.req.query('v'));
      const version =
        Number.isInteger(asked) && asked >= 1 && asked <= entries.length ? asked : entries.length;
      const position = entries[version - 1]?.position ?? 0;
      const asOf = await stateAsOf(db, { appraisalId: row.appraisal_id }, { position });
      const name = (await employeeNames(db, row.org_id, [row.nip])).get(row.nip) ?? row.nip;
      // The timeline names each reviewer: the auditor's opening of them goes on the read trail.
      await trailRead(c, db, session.principal, row.appraisal_id, 'reviewIdentities');
      const body = appraisalAuditBody(t, {
        appraisalId: row.appraisal_id,
        cycleId: row.cycle_id,
        name,
        entries,
        version,
        asOf,
      });
      return show(c, t, session, t('asOf.title', { name }), body);
    } catch (error) {
      if (error instanceof AuditError) return notFound(c, t, session, 'audit.unreadable');
      throw error;
    }
  });

  return web;
}
