// An evidence file as the pages link it (/app/evidence/<sha256>): served to whoever may read an
// appraisal of the organisation that keeps it, the same rule as the API's read (api/commands/evidence.ts).
import { Hono } from 'hono';
import { appraisalsWithEvidence } from '../../record/read/evidence-files.ts';
import { readEvidence } from '../commands/evidence.ts';
import { refusalOf } from '../commands/refusal.ts';
import type { Services } from '../commands/services.ts';
import { notice } from './layout.ts';
import { rolePages } from './role-pages.ts';

export function evidenceWebRoutes(deps: Services): Hono {
  const web = new Hono();
  const { render, needRole, notFound } = rolePages(deps);
  web.get('/evidence/:sha256{[0-9a-f]{64}}', async (c) => {
    const who = await needRole(c, () => true, 'error.forbidden');
    if (who instanceof Response) return who;
    const { principal } = who.session;
    const sha256 = c.req.param('sha256');
    let refused = false;
    for (const appraisalId of await appraisalsWithEvidence(deps.db, principal.org, sha256)) {
      try {
        const file = await readEvidence(deps, principal, appraisalId, sha256);
        return c.body(new Uint8Array(file.bytes), 200, {
          'content-type': file.content_type,
          'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
          'x-content-type-options': 'nosniff',
        });
      } catch (error) {
        if (refusalOf(error)?.status !== 403) throw error;
        refused = true;
      }
    }
    if (!refused) return notFound(c, who.t, who.session);
    const { t, session } = who;
    return render(c, t, {
      title: t('error.pageTitle'),
      body: notice('error', t('error.forbidden')),
      session,
      status: 403,
    });
  });
  return web;
}
