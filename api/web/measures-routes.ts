// The unit monitoring page (/app/measures): HR and auditors see every unit's measures, a unit leader those
// of the units they lead; anyone else gets a 403 page. Read only: values come by import or from the API.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { maxBodyBytes } from '../../http/input-guards.ts';
import { mayManageCycles, mayReadCycles } from '../../record/read/access.ts';
import { measureMonitoring, measureYears, unitsLedBy } from '../../record/read/measures.ts';
import { unitNames } from '../../record/read/organisation.ts';
import { importMeasures } from '../commands/measures.ts';
import { refusalOf } from '../commands/refusal.ts';
import type { Services } from '../commands/services.ts';
import { notice } from './layout.ts';
import { webKit } from './request-kit.ts';
import { postedForm, refusalText } from './role-pages.ts';
import { pageTranslator, type Session } from './session.ts';
import { type ImportOutcome, measuresBody } from './views/measures.ts';

export function measuresRoutes(deps: Services, now: () => Date = () => new Date()): Hono {
  const web = new Hono();
  const { render, need } = webKit(deps);

  const show = async (c: Context, session: Session, importer?: ImportOutcome, status = 200) => {
    const t = pageTranslator(c, session);
    const { org, nip } = session.principal;
    const everyUnit = mayReadCycles(session.principal);
    const led = everyUnit ? null : await unitsLedBy(deps.db, org, nip);
    if (led?.length === 0)
      return render(c, t, {
        title: t('error.pageTitle'),
        body: notice('error', t('measures.forbidden')),
        session,
        status: 403,
      });
    // This year in the organisation's zone, and every year with values.
    const thisYear = Number(t.date(now()).match(/\d{4}/)?.[0] ?? now().getUTCFullYear());
    const years = [...new Set([thisYear, ...(await measureYears(deps.db, org))])].sort((a, b) => b - a);
    const asked = Number(c.req.query('year'));
    const year = years.includes(asked) ? asked : (years.find((y) => y <= thisYear) ?? thisYear);
    const [measures, names] = await Promise.all([
      measureMonitoring(deps.db, org, year, led ?? undefined),
      unitNames(deps.db, org),
    ]);
    const hr = mayManageCycles(session.principal);
    const body = measuresBody(t, {
      year,
      years,
      measures,
      unitNames: names,
      leaderOf: led,
      ...(hr ? { importer: importer ?? null } : {}),
    });
    return render(c, t, { title: t('measures.pageTitle'), body, session, section: 'measures', status });
  };

  web.get('/measures', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    return show(c, session);
  });

  // HR uploads a CSV or XLSX of values: every value or none, the wrong rows listed by line.
  web.post('/measures/import', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const t = pageTranslator(c, session);
    if (!mayManageCycles(session.principal))
      return render(c, t, {
        title: t('error.pageTitle'),
        body: notice('error', t('error.forbiddenHr')),
        session,
        status: 403,
      });
    const { values, files } = await postedForm(c);
    const file = files.file && files.file.size > 0 ? files.file : null;
    if (!file) return show(c, session, { formError: t('import.error.empty') }, 422);
    if (file.size > maxBodyBytes) return show(c, session, { formError: t('import.error.tooLarge') }, 413);
    const bytes = new Uint8Array(await file.arrayBuffer());
    // An Excel workbook is a zip: it starts with "PK\x03\x04", whatever the file is called.
    const xlsx = bytes.length > 4 && String.fromCharCode(...bytes.subarray(0, 4)) === 'PK\x03\x04';
    const source = values.source?.trim() || (file.name ? file.name.slice(0, 200) : undefined);
    try {
      const done = await importMeasures(deps, session.principal, xlsx ? { xlsx: bytes } : bytes, source);
      return show(c, session, { imported: done.imported });
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      const rows = refusal.extra.rows as ImportOutcome['rows'];
      return show(
        c,
        session,
        { formError: refusalText(t, refusal.code), ...(rows ? { rows } : {}) },
        refusal.status,
      );
    }
  });

  return web;
}
