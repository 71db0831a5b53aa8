// The evaluation file folded from an appraisal's events: every period with its realisation and evidence,
// feedback per RHK, ratings with who rated (after escalation too), misses; the agreed SKP; the activity
// reports; the reviews as aggregates that never give one colleague away; the akhir rating's escalation;
// and the check-ins of an appraisal of the older shape.
import { describe, expect, it } from 'vitest';
import { evaluationFile, peopleIn } from '../../../domain/appraisal/evaluation-file.ts';
import * as year from '../../support/evaluation-log.ts';

// The year's people, and its logs: the whole year, one with check-ins, one whose akhir the superior rated.
const { employee, peer, rater, superior, nameOf, rhk, evidenceUrl, tw4EvidenceUrl } = year;
const { evaluationLog, checkInLog, akhirBySuperiorLog } = year;

const ref = (p: { nip: string; name: string }) => ({ nip: p.nip, name: p.name });

describe('the evaluation file', () => {
  it('given a year of periods, holds each period with its realisation, feedback, rating and who rated', () => {
    const file = evaluationFile(evaluationLog().events, nameOf);
    expect(file.employee).toEqual({ ...ref(employee), unitCode: 'PKM', positionCode: 'STAF' });
    expect([file.rater, file.superior]).toEqual([ref(rater), ref(superior)]);
    expect(file.skp).toEqual({ version: 1, agreedAt: '2027-01-22T02:00:00.000Z', rhk });
    expect(file.periodKind).toBe('quarterly');
    expect(file.checkIns).toEqual([]);
    expect(file.periods.map((p) => [p.period, p.firstDay, p.lastDay])).toEqual([
      ['TW1', '2027-01-01', '2027-03-31'],
      ['TW2', '2027-04-01', '2027-06-30'],
      ['TW3', '2027-07-01', '2027-09-30'],
      ['TW4', '2027-10-01', '2027-12-31'],
    ]);
    const [tw1, tw2, tw3, tw4] = file.periods;
    expect(tw1).toMatchObject({
      deadline: '2027-04-13T16:59:59.000Z',
      realisation: {
        at: '2027-04-02T03:00:00.000Z',
        by: ref(employee),
        realisations: [
          {
            indicatorId: 'iki-1',
            value: '28 menit',
            evidence: [{ url: evidenceUrl, note: 'Rekap antrean' }],
          },
          { indicatorId: 'iki-2', value: '3 sesi', evidence: [{ note: 'Daftar hadir' }] },
        ],
      },
      feedback: [{ rhkId: 'rhk-1', feedback: 'Waktu tunggu sudah di bawah target.', by: ref(rater) }],
      rating: { results: 'diAtas', behaviour: 'sesuai', predikat: 'baik', as: 'rater', by: ref(rater) },
      escalations: [],
      missed: null,
      acknowledgedAt: '2027-04-07T03:00:00.000Z',
    });
    // Escalated to the superior, who rated, with the superior's deadline as the period's.
    expect(tw2).toMatchObject({
      deadline: '2027-07-20T16:59:59.000Z',
      rating: { results: 'sesuai', behaviour: 'sesuai', predikat: 'baik', as: 'superior', by: ref(superior) },
      escalations: [{ to: 'superior', assignee: ref(superior), deadline: '2027-07-20T16:59:59.000Z' }],
      acknowledgedAt: null,
    });
    // To the superior, then HR (no one person), then closed without a rating.
    expect(tw3).toMatchObject({
      rating: null,
      escalations: [
        { to: 'superior', assignee: ref(superior) },
        { to: 'hr', assignee: null, deadline: '2027-10-27T16:59:59.000Z' },
      ],
      missed: { rating: true, realisation: false, at: '2027-10-27T17:00:00.000Z' },
    });
    expect(tw4?.realisation?.realisations[0]?.evidence).toEqual([
      { url: tw4EvidenceUrl, note: 'Rekap antrean' },
    ]);
    expect(tw4).toMatchObject({ rating: null, missed: null, feedback: [{ rhkId: 'rhk-2', by: ref(rater) }] });
  });

  it('lists the activity reports by day, and the reviews by who gave them, colleagues combined', () => {
    const file = evaluationFile(evaluationLog().events, nameOf);
    expect(file.activityReports.map((r) => [r.date, r.reportId])).toEqual([
      ['2027-02-10', 'r-1'],
      ['2027-02-10', 'r-2'],
      ['2027-11-05', 'r-3'],
      ['2028-01-04', 'r-4'],
    ]);
    const { review } = file;
    expect(review.self?.values.akuntabel).toEqual({ average: 5, count: 1 });
    expect(review.supervisor?.values.kompeten).toEqual({ average: 3, count: 1 });
    expect(review.colleagues?.reviewCount).toBe(2);
    expect(review.colleagues?.values.akuntabel).toEqual({ average: 3.5, count: 2 });
    expect(review.colleagues?.values.harmonis).toEqual({ average: 5, count: 1 });
    expect([review.colleagueCount, review.missed]).toEqual([2, 1]);
    // Nothing in the file says which colleague scored what.
    expect(JSON.stringify(review)).not.toContain(peer.nip);
  });

  it('given a single colleague review, shows no colleague aggregate (it would be that colleague’s answer)', () => {
    const { events } = evaluationLog();
    const one = events.filter(
      (e) => !(e.type === 'review.submitted' && e.data.role === 'peer' && e.data.reviewerNip !== peer.nip),
    );
    const { review } = evaluationFile(one, nameOf);
    expect([review.colleagues, review.colleagueCount]).toEqual([null, 1]);
  });

  it('given the akhir rating passed to the superior, who rates, says so', () => {
    const { events } = evaluationLog();
    expect(evaluationFile(events, nameOf).akhir).toEqual({ rating: null, escalations: [], missed: false });
    const { akhir } = evaluationFile(akhirBySuperiorLog(), nameOf);
    expect(akhir).toEqual({
      rating: {
        results: 'sesuai',
        behaviour: 'diAtas',
        predikat: 'baik',
        feedback: 'Baik sepanjang tahun.',
        as: 'superior',
        by: ref(superior),
        at: '2028-02-12T03:00:00.000Z',
      },
      escalations: [
        {
          to: 'superior',
          assignee: ref(superior),
          deadline: '2028-02-18T16:59:59.000Z',
          at: '2028-02-11T17:00:00.000Z',
        },
      ],
      missed: false,
    });
  });

  it('given an appraisal of the older shape, holds its check-ins instead of periods', () => {
    const file = evaluationFile(checkInLog(), nameOf);
    expect([file.periodKind, file.periods]).toEqual([null, []]);
    expect(file.checkIns).toEqual([
      {
        quarter: 'I',
        firstDay: '2027-01-01',
        lastDay: '2027-03-31',
        submitted: {
          at: '2027-04-02T03:00:00.000Z',
          realisations: [
            {
              indicatorId: 'iki-1',
              value: '29 menit',
              evidence: [{ url: evidenceUrl, note: 'Rekap antrean' }],
            },
            { indicatorId: 'iki-2', value: '3 sesi', evidence: [{ note: 'Daftar hadir' }] },
          ],
        },
        feedback: { at: '2027-04-03T03:00:00.000Z', feedback: 'Bagus, lanjutkan.', by: ref(rater) },
        missed: false,
      },
      {
        quarter: 'II',
        firstDay: '2027-04-01',
        lastDay: '2027-06-30',
        submitted: null,
        feedback: null,
        missed: true,
      },
    ]);
  });

  it('names a person it cannot find by NIP only, and lists everyone it names', () => {
    const { events } = evaluationLog();
    const file = evaluationFile(events, () => null);
    expect(file.rater).toEqual({ nip: rater.nip, name: null });
    expect(new Set(peopleIn(events))).toEqual(new Set([employee.nip, rater.nip, superior.nip]));
    expect(() => evaluationFile(events.slice(1), nameOf)).toThrow(/appraisal\.started/);
  });
});
