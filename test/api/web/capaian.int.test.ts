// The capaian page over real HTTP against real PostgreSQL: the leader of the unit above sees the units
// below theirs and a unit's case (its people by name with their predikat, the counts, the pattern its
// capaian selects checked on them, who set it and as whom); HR is asked for the delegation's document;
// someone who leads nothing above sees no unit; refused changes come back on the page and change nothing.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { upsertUnits } from '../../../organisation/units-and-positions.ts';
import { hrNip, people } from '../../support/periodic-events.ts';
import { usePeriodicWeb } from '../../support/periodic-web.ts';

const web = usePeriodicWeb(
  'capaian_web',
  {
    hr: [hrNip, ['hr', 'employee']],
    kadis: [people.head.nip, ['employee']],
    kadisHr: [people.head.nip, ['hr', 'employee']],
    staff: [people.ahmad.nip, ['employee']],
  },
  async ({ db }) => {
    // The head of the Dinas leads the unit above the Puskesmas.
    await upsertUnits(db, 'bungo', [
      { code: 'DINKES', name: 'Dinas Kesehatan', parentCode: null, headNip: people.head.nip },
      { code: 'PKM', name: 'Puskesmas Muara Bungo', parentCode: 'DINKES', headNip: people.kapus.nip },
    ]);
  },
);

const open = (path: string, as: keyof typeof web.cookies, lang: 'id' | 'en' = 'id', init: RequestInit = {}) =>
  web.open(path, as, lang, init);

describe('the capaian page', () => {
  it("shows the leader above the Puskesmas's case: its people by name with their predikat, counts and the pattern", async () => {
    const list = await (await open(`/app/capaian?cycle=${web.cycle.cycleId}`, 'kadis', 'en')).text();
    expect(list).toContain('Open the case of Puskesmas Muara Bungo (PKM)');
    // DINKES has no unit above in siklus: it is not the head's own to set.
    expect(list).not.toContain('(DINKES)');
    const page = await (await open(`/app/capaian?cycle=${web.cycle.cycleId}&unit=PKM`, 'kadis', 'en')).text();
    for (const p of [people.kapus, people.ahmad, people.budi, people.citra]) expect(page).toContain(p.name);
    // Dedi works in the Dinas itself; Eka left the cycle (cancelled) before anyone rated.
    expect(page).not.toContain(people.dedi.name);
    expect(page).not.toContain(people.eka.name);
    expect(page).toContain('Capaian now: Istimewa');
    expect(page).toContain('If the capaian is Istimewa: the pattern checked on this unit alone');
    expect(page).toContain('At most 70% of employees are Sangat Baik.');
    expect(page).toContain('(1 of 2 (50%) is Sangat Baik; at most 70% (1) allowed)');
    expect(page).toContain('(1 of 2 are Sangat Baik: the largest group)');
    // The leader records it as the leader: no delegation document is asked.
    expect(page).toContain('name="predikat"');
    expect(page).not.toContain('name="document"');
    expect(page).toContain('<html lang="en">');
  });

  it('asks no document of a leader above the unit who is HR too: they set it as its leader', async () => {
    const page = await (
      await open(`/app/capaian?cycle=${web.cycle.cycleId}&unit=PKM`, 'kadisHr', 'en')
    ).text();
    expect(page).toContain('name="predikat"');
    expect(page).not.toContain('name="document"');
  });

  it("asks HR for the delegation's document, in Indonesian", async () => {
    const page = await (await open(`/app/capaian?cycle=${web.cycle.cycleId}&unit=PKM`, 'hr', 'id')).text();
    expect(page).toContain('Nomor dokumen delegasi (misalnya nomor SK)');
    expect(page).toMatch(/<input id="capaian-document" name="document" required/);
    expect(page).toContain('Capaian kinerja organisasi unit');
    // The pattern's counts in Indonesian too, one language on the page.
    expect(page).toContain(
      '(1 dari 2 pegawai (50%) berpredikat Sangat Baik; yang diperbolehkan paling banyak 70% (1 pegawai))',
    );
    expect(page).toContain('(1 dari 2 pegawai berpredikat Sangat Baik: kelompok terbesar)');
    for (const words of [' of 2 ', ') allowed', 'the largest group']) expect(page).not.toContain(words);
  });

  it('shows someone who leads no unit above another that there is nothing for them', async () => {
    const page = await (await open(`/app/capaian?cycle=${web.cycle.cycleId}&unit=PKM`, 'staff', 'en')).text();
    expect(page).toContain('You lead no unit with units below it');
    expect(page).not.toContain('name="predikat"');
  });

  it('brings a refused capaian back on the page with its reason, and changes nothing', async () => {
    const events = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from events`.execute(web.db)).rows[0]?.n;
    const before = await events();
    const post = (as: keyof typeof web.cookies, fields: Record<string, string>) =>
      web.post('/app/capaian', as, 'en', {
        cycle: web.cycle.cycleId,
        unit: 'PKM',
        predikat: 'baik',
        ...fields,
      });
    const noDocument = await post('hr', { _key: 'k1', document: ' ' });
    expect(noDocument.status).toBe(303);
    const back = noDocument.headers.get('location') ?? '';
    expect(back).toBe(
      `/app/capaian?cycle=${web.cycle.cycleId}&unit=PKM&failed=delegate_document_required#case`,
    );
    expect(await (await open(back, 'hr', 'en')).text()).toContain('document reference (e.g. the SK number).');
    const stranger = await post('staff', { _key: 'k2' });
    expect(stranger.headers.get('location')).toContain('failed=forbidden_capaian');
    const badLink = await post('kadis', { _key: 'k3', links: 'https://ok.go.id\nfile:///etc/passwd' });
    expect(badLink.headers.get('location')).toContain('failed=invalid_links');
    expect(await events()).toBe(before);
  });
});
