// An appraisal's documents over real HTTP against real PostgreSQL: the API and the web hand the PDF to
// whoever may read it (the rater, HR; the employee their own, not the akhir's), refuse everyone else
// with a problem, and the public /verify/<code> page, with no sign-in, shows what the document must say.
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../documents/read-pdf.ts';
import { verifyWithLog } from '../../documents/verify-document.ts';
import { useEvaluationApp } from '../support/evaluation-app.ts';
import { appraisalId, employee, hr, peer, rater } from '../support/evaluation-log.ts';

const app = useEvaluationApp('documents_api', 'documents');

const api = async (path: string, bearer: string, org = 'bungo') => {
  const response = await fetch(
    `${app.served.base}/v1/orgs/${org}/appraisals/${appraisalId}/documents/${path}`,
    {
      headers: { authorization: `Bearer ${bearer}` },
    },
  );
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, type: response.headers.get('content-type'), bytes };
};
const problemCode = (bytes: Uint8Array) =>
  (JSON.parse(Buffer.from(bytes).toString()) as { code: string }).code;

describe('documents through the API and the web', () => {
  it('hands the PDF to the rater, HR and the employee (their own periods), each intact against the log', async () => {
    for (const [path, bearer] of [
      ['skp', await app.token(rater.nip)],
      ['evaluasi?period=TW1', await app.token(hr.nip, ['hr'])],
      ['evaluasi?period=TW1&lang=en', await app.token(employee.nip)],
      ['skp', await app.token(employee.nip)],
    ] as const) {
      const r = await api(path, bearer);
      expect({ path, status: r.status, type: r.type }).toEqual({
        path,
        status: 200,
        type: 'application/pdf',
      });
      const check = await verifyWithLog(app.db, await readPdf(r.bytes));
      expect({ path, intact: check.intact, findings: check.findings }).toEqual({
        path,
        intact: true,
        findings: [],
      });
    }
  });

  it('refuses a colleague, the employee their akhir, another organisation and a bad period', async () => {
    const cases = [
      { r: await api('skp', await app.token(peer.nip)), status: 403, code: 'forbidden' },
      {
        r: await api('evaluasi?period=akhir', await app.token(employee.nip)),
        status: 403,
        code: 'forbidden',
      },
      {
        r: await api('skp', await app.token(hr.nip, ['hr'], 'tebo'), 'tebo'),
        status: 404,
        code: 'not_found',
      },
      {
        r: await api('evaluasi?period=TW9', await app.token(hr.nip, ['hr'])),
        status: 400,
        code: 'bad_period',
      },
    ];
    for (const { r, status, code } of cases)
      expect({ status: r.status, type: r.type, code: problemCode(r.bytes) }).toEqual({
        status,
        type: 'application/problem+json',
        code,
      });
  });

  it('downloads from the web page for a signed-in rater, and not for a colleague', async () => {
    const get = async (nip: string) =>
      fetch(`${app.served.base}/app/appraisals/${appraisalId}/documents/evaluasi?period=TW1`, {
        headers: { cookie: `siklus_session=${await app.token(nip)}` },
        redirect: 'manual',
      });
    const mine = await get(rater.nip);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-disposition')).toBe(
      `attachment; filename="evaluasi-TW1-${employee.nip}.pdf"`,
    );
    expect((await get(peer.nip)).status).toBe(403);
  });

  it('shows anyone, signed in or not, what a document must say by its code', async () => {
    const r = await api('evaluasi?period=TW1', await app.token(rater.nip));
    const code = (await readPdf(r.bytes)).payload?.code ?? '';
    const page = await fetch(`${app.served.base}/verify/${code.toLowerCase().replace(/-/g, '')}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain(`Dokumen ${code} asli`);
    expect(html).toContain('Dicetak dengan format 3 untuk jenis dokumen ini.');
    expect(html).toContain(employee.name);
    expect(html).toContain('PREDIKAT KINERJA PEGAWAI');
    // Nothing the document does not print: no other period's file, no review, no activity report.
    expect(html).not.toContain('evaluasi-TW2');
    const unknown = await fetch(`${app.served.base}/verify/0000-0000-0000`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Tidak ada dokumen dengan kode 0000-0000-0000');
    expect((await fetch(`${app.served.base}/verify/not-a-code`)).status).toBe(400);
    expect((await fetch(`${app.served.base}/verify`)).status).toBe(200);
  });
});
