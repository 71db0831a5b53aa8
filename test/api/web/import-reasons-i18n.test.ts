// The import page in Bahasa Indonesia says every reason a row or the header was refused in Indonesian:
// a missing or wrong field, a wrong NIP (the file read in the page's language, as the web route asks),
// a row of the wrong width, and the header's mistakes. The reasons come from the real file reader.
import { describe, expect, it } from 'vitest';
import { translator } from '../../../api/web/i18n/index.ts';
import { importBody } from '../../../api/web/views/hr-import.ts';
import { readEmployeeRows } from '../../../domain/organisation/employee-csv.ts';
import { readCsvRecords } from '../../../organisation/csv-records.ts';

const head = '196805121990031002';
const header = 'nip,name,email,unit_code,position_code,supervisor_nip,language';

async function read(csv: string) {
  return readEmployeeRows(await readCsvRecords(csv), 'id');
}

describe('given rows refused for their fields', () => {
  it('when the page is in Bahasa Indonesia, then no reason is left in English', async () => {
    const parsed = await read(
      [
        header,
        `12345,Rina,r@x.go.id,U,P,${head},id`,
        `199313282015031002,Dewi,d@x.go.id,U,P,${head},id`,
        `199301282015031003,,d@x.go.id,U,P,${head},id`,
        `199301282015031004,Ani,bukan-email,U,P,${head},id`,
        `199301282015031005,Ani,a@x.go.id,,P,${head},id`,
        `199301282015031006,Ani,a@x.go.id,U,P,123,fr`,
        '199301282015031007,Ani',
      ].join('\n'),
    );
    if (!parsed.ok) throw new Error('header');
    const rows = parsed.rows.map((r) =>
      r.ok ? { line: r.line, ok: false as const, errors: ['unexpected'] } : r,
    );
    const html = importBody(translator('id'), {
      csv: '',
      errors: {},
      result: { imported: 0, rejected: rows.length, rows },
    }).toString();
    expect(html).not.toContain('lang="en"');
    expect(html).not.toContain('unexpected');
    for (const sentence of [
      'Kolom name wajib diisi.',
      'Kolom unit_code wajib diisi.',
      'Alamat e-mail tidak sah.',
      'Bahasa harus id atau en.',
      'Baris ini berisi 2 kolom; judul kolom berisi 7.',
      '&#39;19931328&#39; bukan tanggal yang ada',
    ])
      expect(html).toContain(sentence);
    expect(html).not.toMatch(
      /is required|not an email|must be id or en|is not a real date|exactly 18 digits/,
    );
  });
});

describe('given a header with mistakes', () => {
  it('when the page is in Bahasa Indonesia, then each mistake is said in Indonesian', async () => {
    const parsed = await read('nip,name,nama,name\n1,2,3,4');
    if (parsed.ok) throw new Error('the header should be refused');
    const html = importBody(translator('id'), {
      csv: '',
      errors: {},
      headerErrors: parsed.headerErrors,
    }).toString();
    expect(html).not.toContain('lang="en"');
    expect(html).toContain('Kolom nama tidak dikenal; kolomnya adalah nip,name,email');
    expect(html).toContain('Kolom name muncul dua kali.');
    expect(html).toContain('Kolom email tidak ada.');
  });
});
