// The rating pages (the akhir rating with the evaluation file, a period's rating with its feedback forms,
// the employee reading a period) render in both languages without a missing key or an unfilled
// placeholder, in one language each, over data that reaches every branch: each period's outcome (rated,
// rated after escalation, missed after passing to HR, open), the check-ins of the older shape, the
// escalated task holders, form errors and a refusal. And what each page puts in front of its reader.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../api/web/forms.ts';
import { catalogues, languages, translator } from '../../../api/web/i18n/index.ts';
import { page } from '../../../api/web/layout.ts';
import { appraisalBody } from '../../../api/web/views/appraisal.ts';
import { acknowledgePeriodBody, ratePeriodBody, setRatingBody } from '../../../api/web/views/period.ts';
import { evaluationFile } from '../../../domain/appraisal/evaluation-file.ts';
import { employeeView } from '../../../record/read/appraisal.ts';
import type { EvaluationFileRead, PeriodResult } from '../../../record/read/evaluation-file.ts';
import type { MyEvaluations } from '../../../record/read/my-evaluations.ts';
import {
  akhirBySuperiorLog,
  appraisalId,
  checkInLog,
  employee,
  evaluationLog,
  evidenceUrl,
  nameOf,
  peer,
  rater,
  rhk,
  superior,
  tw4EvidenceUrl,
} from '../../support/evaluation-log.ts';

const now = new Date('2028-01-30T03:00:00Z');
/** The heads' employment as record/read adds it: the superior is no longer listed. */
const employment = new Map([
  [employee.nip, { employmentStatus: 'PNS' as const, rank: 'Penata Muda, III/a' }],
  [rater.nip, { employmentStatus: 'PNS' as const, rank: 'Penata, III/c' }],
  [peer.nip, { employmentStatus: 'PNS' as const, rank: null }],
]);
const withEmployment = <P extends { nip: string }>(p: P) => ({
  ...p,
  ...(employment.get(p.nip) ?? { employmentStatus: null, rank: null }),
});
const read = (f: ReturnType<typeof evaluationFile>): EvaluationFileRead => ({
  ...f,
  employee: withEmployment(f.employee),
  rater: f.rater && withEmployment(f.rater),
  superior: f.superior && withEmployment(f.superior),
});
const file = read(evaluationFile(evaluationLog().events, nameOf));
const oldShape = read(evaluationFile(checkInLog(`bungo.2027.${peer.nip}`, peer.nip, peer.name), nameOf));
/** The same year with the akhir rating passed to the superior, who set it. */
const akhirBySuperior = read(evaluationFile(akhirBySuperiorLog(), nameOf));
/** The employee's own page of that year, released, with a period to come (as if monthly). */
const release = { at: '2028-02-18T16:00:00.000Z', objectionDeadline: '2028-03-03T15:59:59.000Z' };
const myYear: MyEvaluations = {
  appraisalId,
  cycleId: akhirBySuperior.cycleId,
  step: 'feedback',
  rater: akhirBySuperior.rater,
  superior: akhirBySuperior.superior,
  skp: akhirBySuperior.skp,
  periodKind: 'quarterly',
  periods: akhirBySuperior.periods.map((p) => ({
    ...p,
    acknowledgeTaskId: p.period === 'TW2' ? `${appraisalId}:acknowledgePeriod:TW2` : null,
  })),
  upcoming: [{ period: 'M12', opens: '2027-12-30T17:00:00.000Z', deadline: '2028-01-06T16:59:59.000Z' }],
  akhir: { rating: akhirBySuperior.akhir.rating, release },
};
const myState = (() => {
  const { state } = evaluationLog();
  const rating = akhirBySuperior.akhir.rating!;
  return { ...state, step: 'feedback' as const, release, rating: { ...rating, by: rating.by.nip } };
})();
const task = (kind: string, qualifier?: string) => ({
  taskId: `${appraisalId}:${kind}${qualifier ? `:${qualifier}` : ''}`,
  appraisalId,
  kind,
  step: 'rating',
  dueAt: '2028-02-11T16:59:59.000Z',
});
const tw1 = file.periods[0]!;
const result: PeriodResult = { ...tw1, rhk, rating: tw1.rating, feedback: tw1.feedback };

function errorsOf(type: string, values: Record<string, string>) {
  const parsed = parseCommand(type, { type, ...values });
  return { type, values, errors: parsed.ok ? {} : parsed.errors };
}

/** The same year as if a mutasi had closed the first SKP period after TW2 (as the file lists them). */
const afterMutasi: EvaluationFileRead = {
  ...file,
  skpPeriods: [
    {
      skpPeriod: 1,
      began: 'year',
      unitCode: 'PKM',
      positionCode: 'STAF',
      rater: { nip: superior.nip, name: superior.name },
      from: null,
      until: '2027-07-20',
      agreedVersion: 1,
      periods: ['TW1', 'TW2'],
    },
    {
      skpPeriod: 2,
      began: 'mutasi',
      unitCode: 'PKM2',
      positionCode: 'STAF',
      rater: { nip: rater.nip, name: rater.name },
      from: '2027-07-20',
      until: null,
      agreedVersion: 2,
      periods: ['TW3', 'TW4'],
    },
  ],
};

/** The employee (a PPPK) and the rater (a PNS) as the forms head them. */
const parties = {
  employee: {
    nip: '199312282025212001',
    name: employee.name,
    employmentStatus: 'PPPK' as const,
    rank: 'IX',
    position: 'Perawat',
    unit: 'Puskesmas Kuala Tungkal',
  },
  rater: {
    nip: rater.nip,
    name: rater.name,
    employmentStatus: 'PNS' as const,
    rank: 'Penata, III/c',
    position: 'Kepala Puskesmas',
    unit: 'Puskesmas Kuala Tungkal',
  },
};

/** Every rating page, as HTML text, in one language. */
function renderAll(lang: 'id' | 'en') {
  const t = translator(lang);
  const viewer = { name: rater.name, org: 'bungo', roles: ['employee'] };
  const shell = (body: ReturnType<typeof setRatingBody>) =>
    page({ t, title: 'x', body, viewer, section: 'inbox', path: '/app/inbox' }).toString();
  const base = { ownerName: employee.name, state: null, now };
  const refused = (type: string) => ({
    type,
    values: {},
    errors: {},
    formError: t('problem.other', { code: 'x' }),
  });
  const pages = {
    setRating: shell(setRatingBody(t, { ...base, task: task('setRating'), file })),
    setRatingErrors: shell(
      setRatingBody(t, {
        ...base,
        task: task('setRating', 'superior'),
        file,
        state: errorsOf('setRating', {}),
      }),
    ),
    setRatingAkhirBySuperior: shell(
      setRatingBody(t, { ...base, task: task('setRating', 'hr'), file: akhirBySuperior }),
    ),
    setRatingAfterMutasi: shell(setRatingBody(t, { ...base, task: task('setRating'), file: afterMutasi })),
    setRatingOldShape: shell(setRatingBody(t, { ...base, task: task('setRating', 'hr'), file: oldShape })),
    setRatingUnreadable: shell(
      setRatingBody(t, { ...base, task: task('setRating'), file: null, state: refused('setRating') }),
    ),
    ratePeriod: shell(ratePeriodBody(t, { ...base, task: task('ratePeriod', 'TW4'), file, saved: true })),
    ratePeriodFeedbackError: shell(
      ratePeriodBody(t, {
        ...base,
        task: task('ratePeriod', 'TW4'),
        file,
        state: errorsOf('givePeriodFeedback', {
          period: 'TW4',
          rhkId: 'rhk-2',
          rhk: '1',
          'rhkFeedback.1': ' ',
        }),
      }),
    ),
    ratePeriodErrors: shell(
      ratePeriodBody(t, {
        ...base,
        task: task('ratePeriod', 'TW4'),
        file,
        state: errorsOf('ratePeriod', { period: 'TW4' }),
      }),
    ),
    ratePeriodEscalated: shell(
      ratePeriodBody(t, { ...base, task: task('ratePeriod', 'TW2.superior'), file }),
    ),
    ratePeriodHr: shell(ratePeriodBody(t, { ...base, task: task('ratePeriod', 'TW3.hr'), file })),
    ratePeriodNotOpen: shell(ratePeriodBody(t, { ...base, task: task('ratePeriod', 'M05'), file })),
    myAppraisal: shell(
      appraisalBody(t, { appraisal: employeeView(myState), evaluations: myYear, now, state: null }),
    ),
    myAppraisalNothingYet: shell(
      appraisalBody(t, {
        appraisal: employeeView(evaluationLog().state),
        evaluations: { ...myYear, periods: [], upcoming: [], akhir: { rating: null, release: null } },
        now,
        state: null,
      }),
    ),
    acknowledgePeriod: shell(
      acknowledgePeriodBody(t, { task: task('acknowledgePeriod', 'TW1'), result, parties, state: null, now }),
    ),
    acknowledgeNotRated: shell(
      acknowledgePeriodBody(t, {
        task: task('acknowledgePeriod', 'TW4'),
        result: { ...result, rating: null },
        parties: null,
        state: null,
        now,
      }),
    ),
    acknowledgeRefused: shell(
      acknowledgePeriodBody(t, {
        task: task('acknowledgePeriod', 'TW1'),
        result,
        parties: { employee: parties.employee, rater: null },
        state: refused('acknowledgePeriod'),
        now,
      }),
    ),
  };
  return pages;
}

describe('the rating pages', () => {
  it.each(languages)(
    'render in %s without a missing key, an unfilled placeholder or the other language',
    (lang) => {
      const pages = renderAll(lang);
      const other = catalogues[lang === 'id' ? 'en' : 'id'];
      for (const [name, html] of Object.entries(pages)) {
        expect(html, name).toContain(`<html lang="${lang}">`);
        expect(html, name).not.toMatch(/\{\w+\}/);
        for (const key of ['periodName.TW1', 'evaluation.feedback', 'evaluation.rater', 'field.results'])
          expect(html, `${name} ${key}`).not.toContain(`>${other[key]}<`);
      }
    },
  );

  it('lists the SKP periods of a year a mutasi divided, above the akhir rating form', () => {
    const html = renderAll('en').setRatingAfterMutasi;
    expect(html).toContain(
      `SKP period 1 (from the year’s start): position STAF, unit PKM; rater ${superior.name} (${superior.nip}); from the year’s start to 20 Jul 2027; SKP version 1; periods`,
    );
    expect(html).toMatch(
      /SKP period 2 \(after a mutasi\): position STAF, unit PKM2; .* to now; SKP version 2/,
    );
    expect(renderAll('en').setRating).not.toContain('SKP periods this year');
    expect(renderAll('id').setRatingAfterMutasi).toContain('Periode SKP 2 (setelah mutasi)');
  });

  it('heads the acknowledgement with the employee and the rater: number, status, rank, position, unit', () => {
    const html = renderAll('en').acknowledgePeriod;
    expect(html).toContain('<dt>NI PPPK</dt><dd>199312282025212001</dd>');
    expect(html).toContain('PPPK (government employee with a work contract)');
    expect(html).toMatch(/<dd data-rank>IX<\/dd>/);
    expect(html).toMatch(/<dd data-rank>Penata, III\/c<\/dd>/);
    expect(renderAll('id').acknowledgePeriod).toContain('<dd data-rank>Penata, III/c</dd>');
  });

  it('puts the whole year in front of the rater above the akhir rating form', () => {
    const html = renderAll('en').setRating;
    // People by name with their number, employment status and rank; times with their zone.
    for (const p of [employee, rater, superior]) expect(html).toContain(`${p.name}, NIP ${p.nip}`);
    expect(html).toContain('<span class="muted">PNS (civil servant) · Penata Muda, III/a</span>');
    expect(html).toContain('<span class="muted">PNS (civil servant) · Penata, III/c</span>');
    expect(html).not.toContain(`${superior.nip}<br>`);
    expect(html).toContain('6 Apr 2027 10:00 WIB');
    expect(html).not.toContain('WIB WIB');
    // Every period, its evidence as a link, its predikat and who rated it.
    for (const p of ['Quarter 1', 'Quarter 2', 'Quarter 3', 'Quarter 4']) expect(html).toContain(p);
    expect(html).toContain(`<a href="${evidenceUrl}" rel="noopener noreferrer">`);
    expect(html).toContain(`<a href="${tw4EvidenceUrl}" rel="noopener noreferrer">`);
    expect(html).toContain(`Rated by ${superior.name} (the rater&#39;s superior)`);
    expect(html).toContain('Passed to HR');
    expect(html).toContain('The period closed without a rating.');
    // The activity reports, the 360 aggregate (colleagues combined), and the form after all of it.
    expect(html).toContain('Rapat koordinasi antrean');
    expect(html).toContain('Activity reports outside the periods (1)');
    expect(html).toContain('<td class="num">3.5</td>');
    expect(html.indexOf('id="evaluation-file"')).toBeLessThan(html.indexOf('name="results"'));
  });

  it('says who set a rating and, when it was not the rater, why: for a period and for the akhir rating', () => {
    const html = renderAll('id').setRatingAkhirBySuperior;
    const akhir = html.slice(html.indexOf('id="akhir"'));
    expect(akhir).toContain(`Dinilai oleh ${superior.name} (atasan pejabat penilai)`);
    expect(akhir).toContain(
      'Dinilai oleh atasan pejabat penilai karena pejabat penilai tidak menilai sampai tenggat.',
    );
    // TW2 was rated by the superior after escalation; TW1 by the rater, with no reason to give.
    const tw2 = html.slice(html.indexOf('id="period-TW2"'), html.indexOf('id="period-TW3"'));
    expect(tw2).toContain('karena pejabat penilai tidak menilai sampai tenggat');
    const tw1 = html.slice(html.indexOf('id="period-TW1"'), html.indexOf('id="period-TW2"'));
    expect(tw1).toContain(`Dinilai oleh ${rater.name} (pejabat penilai)`);
    expect(tw1).not.toContain('karena');
    expect(renderAll('en').setRatingAkhirBySuperior).toContain(
      'Rated by the rater&#39;s superior because the rater did not rate by the deadline.',
    );
  });

  it('shows a period’s realisation per RHK with a feedback form each, the error on the one sent', () => {
    const html = renderAll('id').ratePeriodFeedbackError;
    // Whose period it is, as the form heads it.
    expect(html).toContain(
      `${employee.name}, NIP ${employee.nip}<br><span class="muted">PNS · Penata Muda, III/a</span>`,
    );
    expect(html).toContain(`<a href="${tw4EvidenceUrl}" rel="noopener noreferrer">`);
    expect(html).toContain('Penyuluhan perlu lebih sering.');
    // One feedback form per RHK, each field its own; only RHK 2's says what is wrong.
    expect(html).toContain('id="f-rhkFeedback-0"');
    expect(html).toContain('id="f-rhkFeedback-1"');
    expect(html.match(/class="field-error"/g)).toHaveLength(1);
    expect(html).toContain('id="f-rhkFeedback-1-error"');
    expect(html).toContain('name="type" value="ratePeriod"');
    // A rated period takes no more feedback or rating.
    const rated = renderAll('id').ratePeriodEscalated;
    expect(rated).not.toContain('value="givePeriodFeedback"');
    expect(rated).not.toContain('value="ratePeriod"');
  });

  it('shows the employee the period’s ratings, predikat and feedback before they acknowledge', () => {
    const html = renderAll('id').acknowledgePeriod;
    expect(html).toContain('Triwulan I');
    expect(html).toContain('>Baik<');
    expect(html).toContain('Di Atas Ekspektasi');
    expect(html).toContain('Waktu tunggu sudah di bawah target.');
    expect(html).toContain(rater.name);
    expect(html).toContain('name="period" value="TW1"');
  });
});
