// The rating pages (the akhir rating with the evaluation file, a period's rating with its feedback forms,
// the employee reading a period) render in both languages without a missing key or an unfilled
// placeholder, in one language each, over data that reaches every branch: each period's outcome (rated,
// rated after escalation, missed after passing to HR, open), the check-ins of the older shape, the
// escalated task holders, form errors and a refusal. And what each page puts in front of its reader.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../api/web/forms.ts';
import { catalogues, languages, translator } from '../../../api/web/i18n/index.ts';
import { page } from '../../../api/web/layout.ts';
import { acknowledgePeriodBody, ratePeriodBody, setRatingBody } from '../../../api/web/views/period.ts';
import { evaluationFile } from '../../../domain/appraisal/evaluation-file.ts';
import type { PeriodResult } from '../../../record/read/evaluation-file.ts';
import {
  appraisalId,
  checkInLog,
  employee,
  evaluationLog,
  evidenceUrl,
  nameOf,
  rater,
  rhk,
  superior,
  tw4EvidenceUrl,
} from '../../support/evaluation-log.ts';

const now = new Date('2028-01-30T03:00:00Z');
const file = evaluationFile(evaluationLog().events, nameOf);
const oldShape = evaluationFile(checkInLog(), nameOf);
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
    acknowledgePeriod: shell(
      acknowledgePeriodBody(t, { task: task('acknowledgePeriod', 'TW1'), result, state: null, now }),
    ),
    acknowledgeNotRated: shell(
      acknowledgePeriodBody(t, {
        task: task('acknowledgePeriod', 'TW4'),
        result: { ...result, rating: null },
        state: null,
        now,
      }),
    ),
    acknowledgeRefused: shell(
      acknowledgePeriodBody(t, {
        task: task('acknowledgePeriod', 'TW1'),
        result,
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

  it('puts the whole year in front of the rater above the akhir rating form', () => {
    const html = renderAll('en').setRating;
    // People by name, times with their zone.
    for (const p of [employee, rater, superior]) expect(html).toContain(p.name);
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

  it('shows a period’s realisation per RHK with a feedback form each, the error on the one sent', () => {
    const html = renderAll('id').ratePeriodFeedbackError;
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
