// The distribution calculator over real HTTP against real PostgreSQL, in both languages: a Baik unit
// outside its pattern names each broken rule with its counts, one within it says so, nobody counted marks
// no rule met, bad counts are refused with 422 in the page's language, and only signed-in people see it.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken } from '../../../auth/dev-keys.ts';
import type { Database } from '../../../schema/database.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../../support/database.ts';
import { hrNip, seedPeriodicCycle } from '../../support/periodic-events.ts';
import { type DevServedApp, serveWithoutTemporal } from '../../support/web-app.ts';

let database: MigratedDatabase;
let db: Kysely<Database>;
let served: DevServedApp;
let cookie = '';

beforeAll(async () => {
  database = await createMigratedDatabase('calculator_web');
  db = database.db;
  await seedPeriodicCycle(db, 'bungo');
  served = await serveWithoutTemporal(db, 'web');
  const { devKey } = served;
  cookie = `siklus_session=${await signDevToken(devKey, { org: 'bungo', nip: hrNip, roles: ['hr', 'employee'] })}`;
}, 60_000);

afterAll(async () => {
  await served?.close();
  await database?.close();
});

const open = (query: string, lang: 'id' | 'en' = 'id', signedIn = true) =>
  fetch(`${served.base}/app/rules/distribution${query}`, {
    redirect: 'manual',
    headers: { cookie: signedIn ? `${cookie}; lang=${lang}` : `lang=${lang}` },
  });

/** The text of the result section: the verdict and each rule's line. */
const resultOf = (html: string) =>
  (html.match(/<section aria-labelledby="calculator-result"[\s\S]*?<\/section>/)?.[0] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('the distribution calculator', () => {
  it('given a Baik unit with 8 of 10 Baik and nobody below, then both broken rules are named with their counts', async () => {
    const res = await open('?unit=baik&sangatBaik=2&baik=8');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Kalkulator distribusi predikat</h1>');
    expect(resultOf(html)).toBe(
      'Hasil untuk unit berpredikat Baik Distribusi 10 pegawai tidak sesuai pola: 2 aturan dilanggar. ' +
        'Paling banyak 70% pegawai berpredikat Baik. ✗ dilanggar: 8 dari 10 pegawai, batas 7 ' +
        'Paling sedikit satu pegawai berpredikat Butuh Perbaikan atau Kurang/Misconduct. ✗ dilanggar: 0 dari 10 pegawai, batas 1',
    );
    // The form keeps what was asked.
    expect(html).toMatch(/<option value="baik" selected>/);
    expect(html).toMatch(/id="baik" name="baik"[^>]*value="8"/);
  });

  it('given the same unit within its pattern, in English, then every rule is met', async () => {
    const html = await (await open('?unit=baik&sangatBaik=2&baik=7&kurang=1', 'en')).text();
    expect(resultOf(html)).toBe(
      'Result for a unit rated Baik The distribution of 10 employees follows the pattern. ' +
        'At most 70% of employees are Baik. ✓ met ' +
        'At least one employee is Butuh Perbaikan or Kurang/Misconduct. ✓ met',
    );
  });

  it('given nobody counted, then no rule is marked met', async () => {
    const html = await (await open('?unit=istimewa')).text();
    const result = resultOf(html);
    expect(result).toContain('Belum ada pegawai yang dihitung');
    expect(result).not.toContain('terpenuhi');
    expect(result).not.toContain('✓');
  });

  it('given a count that is not a whole number and an unknown capaian, then 422 names both fields in the page language', async () => {
    const res = await open('?unit=hebat&baik=-3&sangatBaik=2', 'id');
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(
      '<p class="error" id="unit-error">Pilih salah satu capaian kinerja organisasi.</p>',
    );
    expect(html).toContain('<p class="error" id="baik-error">Isi bilangan bulat 0 sampai 100.000.</p>');
    expect(html).toMatch(/id="baik" name="baik"[^>]*aria-invalid="true"/);
    expect(html).not.toContain('calculator-result');
  });

  it('given nobody signed in, then it sends them to log in', async () => {
    const res = await open('?unit=baik&baik=1', 'id', false);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('/app/login');
  });
});
