// The penetapan page over real HTTP against real PostgreSQL: the unit's leader sees the penetapan they
// hold and its case (the findings with their counts, the group and pack, the people with their predikat
// and periodic predikat, the calibration assistant's proposal) and the form to sign it with a
// justification per finding; someone who holds none sees none; the read model follows the escalation.
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../documents/read-pdf.ts';
import { verifyWithLog } from '../../../documents/verify-document.ts';
import { checkCurve } from '../../../domain/rating/curve-check.ts';
import { penetapanEscalated } from '../../support/cycle-given.ts';
import { hrNip, people } from '../../support/periodic-events.ts';
import { usePeriodicWeb } from '../../support/periodic-web.ts';

const at = '2026-01-10T00:00:00.000Z';
const deadline = '2026-01-17T00:00:00.000Z';

const web = usePeriodicWeb(
  'penetapan_web',
  {
    hr: [hrNip, ['hr', 'employee']],
    kapus: [people.kapus.nip, ['employee']],
    head: [people.head.nip, ['employee']],
    staff: [people.ahmad.nip, ['employee']],
  },
  async ({ db, cycle, append }) => {
    // The year's akhir predikat of PKM as seeded, checked against Istimewa (its capaian) over PKM alone.
    const rows = await db
      .selectFrom('appraisals')
      .select('predikat')
      .where('cycle_id', '=', cycle.cycleId)
      .where('unit_code', '=', 'PKM')
      .where('predikat', 'is not', null)
      .execute();
    const counts: Record<string, number> = {};
    for (const r of rows) counts[r.predikat ?? ''] = (counts[r.predikat ?? ''] ?? 0) + 1;
    const group = { reason: 'alone' as const, unitCodes: ['PKM'] };
    const curve = checkCurve('PKM', 'istimewa', group, counts);
    const { unitCode: _, unitPredikat: __, ...recorded } = curve;
    const findings = [{ rule: 'istimewa.max70PercentSangatBaik', message: 'too many Sangat Baik' }];
    await append([
      {
        type: 'cycle.unitCalibrated',
        data: {
          unitCode: 'PKM',
          unitPredikat: 'istimewa',
          counts,
          ok: false,
          violations: [],
          curve: recorded,
          pack: 'asn-2023',
          at,
        },
      },
      {
        type: 'cycle.penetapanOpened',
        data: {
          unitCode: 'PKM',
          leaderNip: people.kapus.nip,
          superiorNip: people.head.nip,
          stage: 'leader',
          assigneeNip: people.kapus.nip,
          deadline,
          findings,
          pack: 'asn-2023',
          at,
        },
      },
    ]);
  },
);

const open = (path: string, as: keyof typeof web.cookies, lang: 'id' | 'en' = 'en') =>
  web.open(path, as, lang);
const casePath = () => `/app/penetapan?cycle=${web.cycle.cycleId}&unit=PKM`;

describe("the unit's penetapan as a document, one by one", () => {
  const pdfPath = () => `/app/cycles/${web.cycle.cycleId}/units/PKM/documents/penetapan?period=akhir`;
  const api = async (as: 'hr' | 'staff', query = 'period=akhir') =>
    fetch(
      `${web.served.base}/v1/orgs/bungo/cycles/${web.cycle.cycleId}/units/PKM/documents/penetapan?${query}`,
      {
        headers: { authorization: `Bearer ${web.cookies[as].replace('siklus_session=', '')}` },
      },
    );

  it("links the year's PDF from the case, which the leader downloads and which verifies", async () => {
    const page = await (await open(casePath(), 'kapus')).text();
    expect(page).toContain(
      `href="/app/cycles/${web.cycle.cycleId}/units/PKM/documents/penetapan?period=akhir"`,
    );
    const response = await open(pdfPath(), 'kapus');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain('penetapan-PKM-akhir.pdf');
    const read = await readPdf(Buffer.from(await response.arrayBuffer()));
    expect(read.payload?.kind).toBe('penetapan');
    expect((await verifyWithLog(web.db, read)).intact).toBe(true);
    const trail = await web.db.selectFrom('read_trail').selectAll().where('kind', '=', 'document').execute();
    expect(trail.map((r) => [r.subject, r.detail, r.reader_nip, r.via])).toEqual([
      [`${web.cycle.cycleId}:PKM`, 'penetapan akhir', people.kapus.nip, 'web'],
    ]);
  });

  it('comes from the API for HR; not for an employee of the unit, nor for a period that is none', async () => {
    const hr = await api('hr');
    expect(hr.status).toBe(200);
    expect(hr.headers.get('content-type')).toBe('application/pdf');
    const staff = await api('staff');
    expect(staff.status).toBe(403);
    expect(staff.headers.get('content-type')).toContain('application/problem+json');
    expect((await open(pdfPath(), 'staff')).status).toBe(403);
    const bad = await api('hr', 'period=TW9');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe('bad_period');
    const other = await fetch(
      `${web.served.base}/v1/orgs/bungo/cycles/${web.cycle.cycleId}/units/NOPE/documents/penetapan`,
      { headers: { authorization: `Bearer ${web.cookies.hr.replace('siklus_session=', '')}` } },
    );
    expect(other.status).toBe(404);
  });
});

describe('the penetapan page', () => {
  it("shows the leader the penetapan they hold with its deadline in the organisation's zone, and its case", async () => {
    const list = await (await open('/app/penetapan', 'kapus')).text();
    expect(list).toContain('Open the penetapan of Puskesmas Muara Bungo (PKM)');
    expect(list).toMatch(/for the unit&#39;s leader · due 17 Jan 2026 07:00 WIB/);
    // And in the leader's inbox, among their tasks, due in the organisation's zone.
    const inbox = await (await open('/app/inbox', 'kapus')).text();
    expect(inbox).toContain('Sign the penetapan of Puskesmas Muara Bungo (PKM)');
    expect(inbox).toMatch(/Due: <strong>17 Jan 2026 07:00 WIB<\/strong>/);
    const page = await (await open(casePath(), 'kapus')).text();
    expect(page).toContain('At most 70% of employees are Sangat Baik.');
    expect(page).toContain('(too many Sangat Baik)');
    expect(page).toContain('Checked over Puskesmas Muara Bungo (pack asn-2023)');
    expect(page).toContain(people.ahmad.name);
    expect(page).toContain('Calibration assistant');
    expect(page).toContain('<textarea id="justification-0" name="justification" required');
    expect(page).toContain('Sign: not conforming, as justified');
    // Per evaluation period, the period's capaian and its predikat checked against it, over the same group:
    // TW1's (Baik) is met; TW2's (Kurang) with one Sangat Kurang is not, each finding named.
    expect(page).toContain(
      '<strong>TW1</strong>: Capaian: Baik · Sangat Baik: 1 · Baik: 2 · Butuh Perbaikan: 1<br><span class="ok-text">✓ follows the distribution pattern',
    );
    expect(page).toContain(
      '<strong>TW2</strong>: Capaian: Kurang · Sangat Kurang: 1<br><span class="bad-text">⚠ At least 60% of employees are Kurang/Misconduct.',
    );
  });

  it('shows it in Indonesian, one language on the page', async () => {
    const page = await (await open(casePath(), 'kapus', 'id')).text();
    expect(page).toContain('Asisten kalibrasi');
    expect(page).toContain('Tandatangani: tidak sesuai, dengan alasan');
    expect(page).not.toContain('Calibration assistant');
  });

  it('shows nothing to someone who holds no penetapan, and follows the penetapan when it passes on', async () => {
    const staff = await (await open(casePath(), 'staff')).text();
    expect(staff).toContain('No penetapan waits for your signature.');
    expect(staff).not.toContain('name="justification"');
    expect(await (await open('/app/penetapan', 'head')).text()).toContain('No penetapan waits');
    await web.append([penetapanEscalated('leader', people.head.nip, '2026-01-24T00:00:00.000Z', deadline)]);
    expect(await (await open('/app/penetapan', 'head')).text()).toContain(
      'passed to the leader&#39;s superior · due 24 Jan 2026 07:00 WIB',
    );
    expect(await (await open('/app/penetapan', 'kapus')).text()).toContain('No penetapan waits');
  });

  it("shows an objection's change and the unit's curve checked again after it, with its time in the organisation's zone", async () => {
    expect(await (await open(casePath(), 'hr')).text()).not.toContain('Checked again after objections');
    const {
      unitCode: _,
      unitPredikat: __,
      ...curve
    } = checkCurve('PKM', 'istimewa', { reason: 'alone', unitCodes: ['PKM'] }, { sangatBaik: 1, baik: 3 });
    await web.append([
      {
        type: 'cycle.curveRechecked',
        data: {
          unitCode: 'PKM',
          appraisalId: `${web.cycle.cycleId}.${people.ahmad.nip}`,
          nip: people.ahmad.nip,
          from: 'kurang',
          to: 'baik',
          by: people.head.nip,
          curve,
          pack: 'asn-2023',
          at: '2026-02-20T03:00:00.000Z',
        },
      },
    ]);
    const page = await (await open(casePath(), 'hr')).text();
    expect(page).toContain('Checked again after objections');
    expect(page).toContain(
      `The objection of ${people.ahmad.name} (${people.ahmad.nip}) was decided (Kurang/Misconduct → Baik) by ${people.head.name} (${people.head.nip}); the curve of unit Puskesmas Muara Bungo was checked again over Puskesmas Muara Bungo (pack asn-2023)`,
    );
    expect(page).toContain('(20 Feb 2026 10:00 WIB)');
    expect(await (await open(casePath(), 'hr', 'id')).text()).toContain('Diperiksa ulang setelah keberatan');
  });

  it("puts the penetapan in its holder's inbox, with its deadline in the organisation's zone and a link to the case: the superior's, then HR's; none once the unit is released", async () => {
    const inbox = async (as: keyof typeof web.cookies, lang: 'id' | 'en' = 'en') =>
      (await open('/app/inbox', as, lang)).text();
    const link = `href="/app/penetapan?cycle=${encodeURIComponent(web.cycle.cycleId)}&amp;unit=PKM#case"`;
    // Passed to the head of the unit above (the test before): theirs now, no longer the leader's.
    const head = await inbox('head');
    expect(head).toContain('Sign the penetapan of Puskesmas Muara Bungo (PKM)');
    expect(head).toContain(link);
    expect(head).toContain('passed to the leader&#39;s superior');
    expect(head).toContain('24 Jan 2026 07:00 WIB');
    expect(await inbox('head', 'id')).toContain('Tandatangani penetapan Puskesmas Muara Bungo (PKM)');
    expect(await inbox('kapus')).not.toContain('Sign the penetapan');
    expect(await inbox('hr')).not.toContain('Sign the penetapan');
    await web.append([
      penetapanEscalated('superior', people.head.nip, '2026-01-31T00:00:00.000Z', '2026-01-24T00:00:00.000Z'),
    ]);
    const hr = await inbox('hr');
    expect(hr).toContain('Sign the penetapan of Puskesmas Muara Bungo (PKM)');
    expect(hr).toContain('passed to HR');
    expect(hr).toContain('31 Jan 2026 07:00 WIB');
    expect(await inbox('head')).not.toContain('Sign the penetapan');
    await web.append([
      {
        type: 'cycle.unitReleased',
        data: { unitCode: 'PKM', employees: 3, at: '2026-01-25T00:00:00.000Z' },
      },
    ]);
    expect(await inbox('hr')).not.toContain('Sign the penetapan');
    expect(await (await open('/app/penetapan', 'hr')).text()).toContain('No penetapan waits');
  });
});

describe("the findings in the page's language", () => {
  it('words each finding as the curve check made it in Indonesian on the Indonesian page, in English on the English one', async () => {
    // The findings as the workflow records them (their English sentence) for a curve checked against Kurang.
    const group = { reason: 'alone' as const, unitCodes: ['PKM'] };
    const {
      unitCode: _,
      unitPredikat: __,
      ...curve
    } = checkCurve('PKM', 'kurang', group, {
      sangatBaik: 1,
      baik: 1,
    });
    const findings = curve.findings.map((f) => ({ rule: f.rule, message: f.message }));
    const recheckedAt = '2026-03-01T00:00:00.000Z';
    await web.append([
      {
        type: 'cycle.unitCalibrated',
        data: {
          unitCode: 'PKM',
          unitPredikat: 'kurang',
          counts: curve.counts,
          ok: false,
          violations: [],
          curve,
          pack: 'asn-2023',
          at: recheckedAt,
        },
      },
      {
        type: 'cycle.penetapanOpened',
        data: {
          unitCode: 'PKM',
          leaderNip: people.kapus.nip,
          superiorNip: people.head.nip,
          stage: 'hr',
          assigneeNip: null,
          deadline: '2026-03-08T00:00:00.000Z',
          findings,
          pack: 'asn-2023',
          at: recheckedAt,
        },
      },
    ]);
    const english = [
      '(0 of 2 (0%) are Kurang/Misconduct; at least 60% (2) required)',
      '(0 of 2 (0%) are Butuh Perbaikan; at least 10% (1) required)',
      '(1 of 2 (50%) is Sangat Baik; at most 10% (0) allowed)',
      '(1 of 2 are Sangat Baik, more than the 0 Kurang/Misconduct; most should be Kurang/Misconduct)',
    ];
    const en = await (await open(casePath(), 'hr')).text();
    for (const text of english) expect(en).toContain(text);
    const id = await (await open(casePath(), 'hr', 'id')).text();
    for (const text of [
      '(0 dari 2 pegawai (0%) berpredikat Kurang/Misconduct; yang dipersyaratkan paling sedikit 60% (2 pegawai))',
      '(0 dari 2 pegawai (0%) berpredikat Butuh Perbaikan; yang dipersyaratkan paling sedikit 10% (1 pegawai))',
      '(1 dari 2 pegawai (50%) berpredikat Sangat Baik; yang diperbolehkan paling banyak 10% (0 pegawai))',
      '(1 dari 2 pegawai berpredikat Sangat Baik, lebih banyak daripada 0 pegawai berpredikat Kurang/Misconduct; sebagian besar seharusnya berpredikat Kurang/Misconduct)',
    ])
      expect(id).toContain(text);
    for (const words of [...english, ' of 2 ', ') required', ') allowed', 'more than the', 'most should be'])
      expect(id).not.toContain(words);
    // Signed, the year's Format Penetapan in Indonesian prints each justification after its finding in
    // Indonesian, and verifies against the log.
    await web.append([
      {
        type: 'cycle.penetapanSigned',
        data: {
          unitCode: 'PKM',
          by: hrNip,
          as: 'hr',
          conforming: false,
          findings,
          justifications: findings.map((f) => ({ rule: f.rule, text: 'Unit kecil' })),
          pack: 'asn-2023',
          at: '2026-03-02T00:00:00.000Z',
        },
      },
    ]);
    const document = await fetch(
      `${web.served.base}/v1/orgs/bungo/cycles/${web.cycle.cycleId}/units/PKM/documents/penetapan?period=akhir&lang=id`,
      { headers: { authorization: `Bearer ${web.cookies.hr.replace('siklus_session=', '')}` } },
    );
    const read = await readPdf(Buffer.from(await document.arrayBuffer()));
    expect((await verifyWithLog(web.db, read)).intact).toBe(true);
    const printed = [...read.printed.values()].join(' | ');
    expect(printed).toContain(
      '1 dari 2 pegawai (50%) berpredikat Sangat Baik; yang diperbolehkan paling banyak 10% (0 pegawai): Unit kecil',
    );
    for (const words of english) expect(printed).not.toContain(words.slice(1, -1));
  });
});
