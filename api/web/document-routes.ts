// Downloading an appraisal's documents from the web (the same decision and issue as the API's
// api/routes/documents.ts), and the public verification page /verify/<code>, mounted by bin/server.ts
// outside /app: anyone holding a printout may check it, signed in or not.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { documentDetail, downloadDocument, downloadPenetapan } from '../../documents/download.ts';
import { normaliseCode } from '../../documents/proof.ts';
import { verifyCode } from '../../documents/verify-document.ts';
import { attachmentHeaders } from '../../http/attachment.ts';
import type { Services } from '../commands/services.ts';
import { translator } from './i18n/index.ts';
import { notice } from './layout.ts';
import { trailRead } from './read-trail-routes.ts';
import { webKit } from './request-kit.ts';
import { langOf, pageTranslator } from './session.ts';
import { verifyBody } from './views/documents.ts';

export function documentWebRoutes(deps: Services): Hono {
  const web = new Hono();
  const { render, need } = webKit(deps);
  type Session = Exclude<Awaited<ReturnType<typeof need>>, Response>;
  /** A download's page: the PDF (its reading on the trail first), or the refusal in the page's language. */
  const pdfPage = async (
    c: Context,
    session: Session,
    t: ReturnType<typeof pageTranslator>,
    answer: Awaited<ReturnType<typeof downloadDocument | typeof downloadPenetapan>>,
    forbiddenKey: string,
  ): Promise<Response> => {
    if ('document' in answer) {
      const { pdf, fileName, model } = answer.document;
      await trailRead(c, deps.db, session.principal, model.appraisalId, 'document', documentDetail(model));
      return c.body(
        new Uint8Array(pdf),
        200,
        attachmentHeaders({ contentType: 'application/pdf', fileName }),
      );
    }
    const [status, key] =
      answer.refused === 'bad_period'
        ? ([400, 'documents.badPeriod'] as const)
        : answer.refused === 'forbidden'
          ? ([403, forbiddenKey] as const)
          : ([404, 'documents.notFound'] as const);
    return render(c, t, { title: t('documents.title'), body: notice('error', t(key)), session, status });
  };
  web.get('/appraisals/:appraisalId/documents/:kind', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const t = pageTranslator(c, session);
    const kind = c.req.param('kind');
    if (kind !== 'skp' && kind !== 'evaluasi' && kind !== 'keberatan')
      return render(c, t, {
        title: t('documents.title'),
        body: notice('error', t('documents.notFound')),
        session,
        status: 404,
      });
    const answer = await downloadDocument(deps.db, session.principal, {
      org: session.principal.org,
      appraisalId: c.req.param('appraisalId'),
      kind,
      period: c.req.query('period') ?? null,
      lang: t.lang,
      publicUrl: new URL(c.req.url).origin,
    });
    return pdfPage(c, session, t, answer, 'documents.forbidden');
  });
  web.get('/cycles/:cycleId/units/:unitCode/documents/penetapan', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const t = pageTranslator(c, session);
    const answer = await downloadPenetapan(deps.db, session.principal, {
      org: session.principal.org,
      cycleId: c.req.param('cycleId'),
      unitCode: c.req.param('unitCode'),
      period: c.req.query('period') ?? null,
      lang: t.lang,
      publicUrl: new URL(c.req.url).origin,
    });
    return pdfPage(c, session, t, answer, 'documents.penetapanForbidden');
  });
  return web;
}

/** `/verify/<code>` and `/verify?code=`: public, read-only. */
export function verifyRoutes(deps: Services): Hono {
  const web = new Hono();
  const { render } = webKit(deps);
  const show = async (c: Context, typed: string) => {
    const t = translator(langOf(c));
    const code = normaliseCode(typed);
    const check = code ? await verifyCode(deps.db, code) : null;
    // A code that no seal lists answers 404, one whose check fails 409: a printout not to be trusted.
    const status = !typed ? 200 : !code ? 400 : check?.intact ? 200 : check?.layout !== undefined ? 409 : 404;
    const body = verifyBody(t, code ?? typed, typed ? check : undefined);
    return render(c, t, { title: t('verify.title'), body, status });
  };
  web.get('/', (c) => show(c, c.req.query('code') ?? ''));
  web.get('/:code', (c) => show(c, c.req.param('code')));
  return web;
}
