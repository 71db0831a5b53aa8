// A period's penetapan over real HTTP against real PostgreSQL: the unit's leader finds TW2's in their
// penetapan list and inbox, due in the organisation's zone, and its case (the period's capaian, the
// counts against its pattern, the findings, the unit's table for TW2, the form naming the period); the
// unit's staff see no case. Once it passed to the superior and was signed, the case names the signer and
// the period's PDF prints who signed it, as what.
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../documents/read-pdf.ts';
import { verifyWithLog } from '../../../documents/verify-document.ts';
import { checkCurve } from '../../../domain/rating/curve-check.ts';
import {
  hrNip,
  people,
  periodPenetapanDeadlines,
  periodPenetapanOpened,
} from '../../support/periodic-events.ts';
import { usePeriodicWeb } from '../../support/periodic-web.ts';

const deadlines = periodPenetapanDeadlines;
const finding = { rule: 'kurang.min60PercentKurang', message: 'too few Kurang' };

const web = usePeriodicWeb(
  'period_penetapan_web',
  {
    hr: [hrNip, ['hr', 'employee']],
    kapus: [people.kapus.nip, ['employee']],
    head: [people.head.nip, ['employee']],
    staff: [people.ahmad.nip, ['employee']],
  },
  async ({ append }) => {
    await append([periodPenetapanOpened('TW2', { sangatKurang: 1 }, [finding])]);
  },
);

const open = (path: string, as: keyof typeof web.cookies, lang: 'id' | 'en' = 'en') =>
  web.open(path, as, lang);
const casePath = () => `/app/penetapan?cycle=${web.cycle.cycleId}&unit=PKM&period=TW2`;
const pdf = async (as: keyof typeof web.cookies) => {
  const response = await fetch(
    `${web.served.base}/v1/orgs/bungo/cycles/${web.cycle.cycleId}/units/PKM/documents/penetapan?period=TW2&lang=en`,
    { headers: { authorization: `Bearer ${web.cookies[as].replace('siklus_session=', '')}` } },
  );
  return response;
};
const printedOf = async (response: Response) => {
  const read = await readPdf(Buffer.from(await response.arrayBuffer()));
  expect((await verifyWithLog(web.db, read)).intact).toBe(true);
  return [...read.printed.values()].join(' | ');
};

describe("a period's penetapan on the web", () => {
  it('is in the leader’s list and inbox, due in WIB, and its case is in front of them', async () => {
    const list = await (await open('/app/penetapan', 'kapus')).text();
    expect(list).toContain('Open the TW2 penetapan of Puskesmas Muara Bungo (PKM)');
    expect(list).toMatch(/for the unit&#39;s leader · due 4 Aug 2025 23:59 WIB/);
    const inbox = await (await open('/app/inbox', 'kapus')).text();
    expect(inbox).toContain('Sign the TW2 penetapan of Puskesmas Muara Bungo (PKM)');
    expect(inbox).toContain(`period=TW2#case`);
    const page = await (await open(casePath(), 'kapus')).text();
    expect(page).toContain('Puskesmas Muara Bungo (PKM): penetapan of TW2');
    expect(page).toContain('Predikat in TW2, checked against the pattern of capaian Kurang (pack asn-2023)');
    expect(page).toContain('<tr><td>Sangat Kurang</td><td>1</td></tr>');
    expect(page).toContain('(too few Kurang)');
    expect(page).toContain('The people of the unit and their predikat in TW2');
    expect(page).toContain('<input type="hidden" name="period" value="TW2">');
    expect(page).toContain('<textarea id="justification-0" name="justification" required');
    // In Indonesian, one language on the page.
    const id = await (await open(casePath(), 'kapus', 'id')).text();
    expect(id).toContain('Puskesmas Muara Bungo (PKM): penetapan TW2');
    expect(id).not.toContain('penetapan of TW2');
    // A stored finding its counts do not give (so its facts are not known): its stored sentence.
    expect(id).toContain('(too few Kurang)');
  });

  it('shows the unit’s staff no case, and HR the case without the form', async () => {
    const staff = await (await open(casePath(), 'staff')).text();
    expect(staff).not.toContain('penetapan of TW2');
    expect(await (await pdf('staff')).status).toBe(403);
    const hr = await (await open(casePath(), 'hr')).text();
    expect(hr).toContain('penetapan of TW2');
    expect(hr).toContain('Not signed yet.');
    expect(hr).not.toContain('name="period" value="TW2"');
    expect(await printedOf(await pdf('hr'))).toContain('Not signed yet');
  });

  it('passed to the superior and signed, names the signer on the case and in the PDF', async () => {
    await web.append([
      {
        type: 'cycle.periodPenetapanEscalated',
        data: {
          unitCode: 'PKM',
          period: 'TW2',
          from: 'leader',
          to: 'superior',
          assigneeNip: people.head.nip,
          deadline: deadlines.superior,
          at: deadlines.leader,
        },
      },
    ]);
    expect(await (await open('/app/penetapan', 'kapus')).text()).not.toContain('TW2 penetapan');
    expect(await (await open('/app/inbox', 'head')).text()).toContain('Sign the TW2 penetapan');
    await web.append([
      {
        type: 'cycle.periodPenetapanSigned',
        data: {
          unitCode: 'PKM',
          period: 'TW2',
          by: people.head.nip,
          as: 'superior',
          conforming: false,
          findings: [finding],
          justifications: [{ rule: finding.rule, text: 'Satu pegawai dinilai' }],
          pack: 'asn-2023',
          at: '2025-08-05T03:00:00.000Z',
        },
      },
    ]);
    expect(await (await open('/app/inbox', 'head')).text()).not.toContain('Sign the TW2 penetapan');
    const page = await (await open(casePath(), 'head')).text();
    expect(page).toContain(
      `Signed by ${people.head.name} (passed to the leader&#39;s superior) on 5 Aug 2025 10:00 WIB: not conforming, as justified`,
    );
    expect(page).toContain('Satu pegawai dinilai');
    const printed = await printedOf(await pdf('head'));
    expect(printed).toContain(`${people.head.name} (NIP ${people.head.nip}), The leader's superior`);
    expect(printed).toContain('too few Kurang: Satu pegawai dinilai');
  });

  it('refuses a signature for a period that is none: 422 problem naming the field, nothing recorded', async () => {
    const before = await web.db.selectFrom('events').select('event_id').execute();
    const response = await fetch(
      `${web.served.base}/v1/orgs/bungo/cycles/${web.cycle.cycleId}/units/PKM/penetapan`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${web.cookies.head.replace('siklus_session=', '')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ conforming: true, period: 'TW9' }),
      },
    );
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'invalid_period', field: 'period' });
    expect(await web.db.selectFrom('events').select('event_id').execute()).toHaveLength(before.length);
  });

  it('words each finding as the curve check made it: in Indonesian on the Indonesian page, in English on the English one', async () => {
    // The findings as the workflow records them (their English sentence): one Butuh Perbaikan, capaian Kurang.
    const counts = { butuhPerbaikan: 1 };
    const curve = checkCurve('PKM', 'kurang', { reason: 'alone', unitCodes: ['PKM'] }, counts);
    await web.append([
      periodPenetapanOpened(
        'TW3',
        counts,
        curve.findings.map((f) => ({ rule: f.rule, message: f.message })),
      ),
    ]);
    const path = `/app/penetapan?cycle=${web.cycle.cycleId}&unit=PKM&period=TW3`;
    const english = [
      '(0 of 1 (0%) are Kurang/Misconduct; at least 60% (1) required)',
      '(1 of 1 are Butuh Perbaikan, more than the 0 Kurang/Misconduct; most should be Kurang/Misconduct)',
    ];
    const en = await (await open(path, 'kapus')).text();
    for (const text of english) expect(en).toContain(text);
    const id = await (await open(path, 'kapus', 'id')).text();
    expect(id).toContain(
      '(0 dari 1 pegawai (0%) berpredikat Kurang/Misconduct; yang dipersyaratkan paling sedikit 60% (1 pegawai))',
    );
    expect(id).toContain(
      '(1 dari 1 pegawai berpredikat Butuh Perbaikan, lebih banyak daripada 0 pegawai berpredikat Kurang/Misconduct; sebagian besar seharusnya berpredikat Kurang/Misconduct)',
    );
    for (const words of [...english, ' of 1 ', ') required', 'more than the', 'most should be'])
      expect(id).not.toContain(words);
    // The period's Format Penetapan in Indonesian words them so too, and verifies against the log.
    const document = await fetch(
      `${web.served.base}/v1/orgs/bungo/cycles/${web.cycle.cycleId}/units/PKM/documents/penetapan?period=TW3&lang=id`,
      { headers: { authorization: `Bearer ${web.cookies.hr.replace('siklus_session=', '')}` } },
    );
    const printed = await printedOf(document);
    expect(printed).toContain(
      '0 dari 1 pegawai (0%) berpredikat Kurang/Misconduct; yang dipersyaratkan paling sedikit 60% (1 pegawai)',
    );
    for (const words of english) expect(printed).not.toContain(words.slice(1, -1));
  });
});
