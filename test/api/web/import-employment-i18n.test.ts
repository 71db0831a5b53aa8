// The import page says why a PNS/PPPK row was refused in the reader's language: the reasons come from the
// real file reader (domain/organisation/employee-csv.ts), so a reworded reason that the page no longer
// recognises fails here instead of showing English on an Indonesian page.
import { describe, expect, it } from 'vitest';
import { translator } from '../../../api/web/i18n/index.ts';
import { importBody } from '../../../api/web/views/hr-import.ts';
import { readEmployeeRows } from '../../../domain/organisation/employee-csv.ts';
import { readCsvRecords } from '../../../organisation/csv-records.ts';

const head = '196805121990031002';
const nurse = '199312282021212001';

async function refusedRows() {
  const csv = [
    'nip,name,email,unit_code,position_code,supervisor_nip,language,employment_status,rank',
    `${nurse},Rina,r@x.go.id,U,P,${head},id,PNS,VII`,
    `199312282015212002,Dewi,d@x.go.id,U,P,${head},id,,VII`,
    `199009132025242014,Sri,s@x.go.id,U,P,${head},id,,III/a`,
    `198503122010011003,Budi,b@x.go.id,U,P,${head},id,,IX`,
    `198811202012121001,Joko,j@x.go.id,U,P,${head},id,,IV/f`,
    `198811202012121002,Tono,t@x.go.id,U,P,${head},id,,XX`,
    `198811202012121003,Ani,a@x.go.id,U,P,${head},id,,"Penata, III/a"`,
    `198811202012121004,Eko,e@x.go.id,U,P,${head},id,honorer,`,
  ].join('\n');
  const parsed = readEmployeeRows(await readCsvRecords(csv));
  if (!parsed.ok) throw new Error('header');
  return parsed.rows.map((r) => (r.ok ? { line: r.line, ok: false as const, errors: ['unexpected'] } : r));
}

const render = async (lang: 'id' | 'en') =>
  importBody(translator(lang), {
    csv: '',
    errors: {},
    result: { imported: 0, rejected: 8, rows: await refusedRows() },
  }).toString();

describe('given rows refused for their status or rank', () => {
  it('when the page is in Bahasa Indonesia, then every reason is said in it, none left in English', async () => {
    const html = await render('id');
    expect(html).not.toContain('lang="en"');
    expect(html).not.toContain('unexpected');
    for (const sentence of [
      `Status kepegawaian PNS tidak sesuai dengan nomor ${nurse} (NI PPPK).`,
      'Digit 9-12 NI PPPK (tahun perjanjian kerja pertama) adalah 2015; seharusnya 2019-2100.',
      '&#39;III/a&#39; adalah pangkat/golongan PNS; golongan PPPK adalah I sampai XVII.',
      '&#39;IX&#39; adalah golongan PPPK; pangkat/golongan PNS adalah I/a sampai IV/e.',
      '&#39;IV/f&#39; bukan pangkat/golongan PNS',
      '&#39;XX&#39; bukan pangkat/golongan PNS',
      '&#39;Penata, III/a&#39; menyebut pangkat Penata, padahal golongan III/a adalah Penata Muda.',
      'Status kepegawaian harus PNS atau PPPK.',
    ])
      expect(html).toContain(sentence);
  });

  it('when the page is in English, then the same reasons are said in English', async () => {
    const html = await render('en');
    expect(html).toContain(`Employment status PNS does not match the number ${nurse} (NI PPPK).`);
    expect(html).toContain(
      'NI PPPK digits 9-12 (the year of the first contract) are 2015; they must be 2019-2100.',
    );
  });

  it('when the page lists the columns, then they are the reader’s own: the optional status and rank included', async () => {
    expect(await render('id')).toContain(
      '<code>nip, name, email, unit_code, position_code, supervisor_nip, language, employment_status, rank</code>',
    );
  });
});
