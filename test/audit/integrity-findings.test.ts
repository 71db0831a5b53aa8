// Given a cycle's events, when the inspectorate asks for integrity findings, then each pattern is found
// where it is and nowhere else (thresholds at their edges).
import { describe, expect, it } from 'vitest';
import { integrityFindings, integrityThresholds, type LoggedEvent } from '../../audit/integrity-findings.ts';

const cycle = 'cycle-bungo.2027';
const id = (n: number) => `bungo.2027.19900101201501100${n}`;
const stream = (n: number) => `appraisal-${id(n)}`;
const at = (minutes: number) => new Date(Date.UTC(2027, 5, 1) + minutes * 60_000).toISOString();

function started(n: number, unitCode = 'PKM'): LoggedEvent {
  return {
    streamId: stream(n),
    type: 'appraisal.started',
    data: { appraisalId: id(n), participants: { employee: { unitCode } }, at: at(0) },
  };
}
const event = (n: number, type: string, data: Record<string, unknown>): LoggedEvent => ({
  streamId: stream(n),
  type,
  data,
});
const cycleEvent = (type: string, data: Record<string, unknown>): LoggedEvent => ({
  streamId: cycle,
  type,
  data,
});
const rules = (events: LoggedEvent[]) => integrityFindings(events, cycle).map((f) => f.rule);

describe('integrity findings', () => {
  it('finds a rating changed within 72 hours after its unit’s curve finding, not one changed later or unchanged', () => {
    const finding = cycleEvent('cycle.unitCalibrated', { unitCode: 'PKM', ok: false, at: at(0) });
    const rating = (n: number, predikat: string, minutes: number) =>
      event(n, 'rating.set', { predikat, by: '197001011990031001', as: 'rater', at: at(minutes) });
    const events = [
      finding,
      started(1),
      rating(1, 'sangatBaik', -60),
      rating(1, 'baik', 71 * 60),
      started(2),
      rating(2, 'sangatBaik', -60),
      rating(2, 'baik', 73 * 60),
      started(3),
      rating(3, 'baik', -60),
      rating(3, 'baik', 60),
    ];
    const found = integrityFindings(events, cycle).filter((f) => f.rule === 'ratingChangedAfterFinding');
    expect(found).toEqual([
      {
        rule: 'ratingChangedAfterFinding',
        at: at(71 * 60),
        unitCode: 'PKM',
        appraisalIds: [id(1)],
        facts: { from: 'sangatBaik', to: 'baik', hours: 71 },
      },
    ]);
  });

  it('finds one evidence link used by three appraisals, not by two', () => {
    const checkIn = (n: number, url: string) =>
      event(n, 'period.realisationRecorded', {
        period: 'TW1',
        realisations: [{ indicatorId: 'i1', evidence: [{ url }, { note: 'foto' }] }],
        at: at(n),
      });
    const events = [1, 2, 3, 4].flatMap((n) => [
      started(n),
      checkIn(n, n < 4 ? 'https://x.id/a' : 'https://x.id/b'),
    ]);
    const found = integrityFindings(events, cycle).filter((f) => f.rule === 'sharedEvidence');
    expect(found).toEqual([
      {
        rule: 'sharedEvidence',
        at: at(3),
        appraisalIds: [id(1), id(2), id(3)],
        facts: { url: 'https://x.id/a', appraisals: 3 },
      },
    ]);
    expect(rules(events.filter((e) => e.streamId !== stream(3)))).not.toContain('sharedEvidence');
  });

  it('finds five of a unit recording realisations in the last 15 minutes of the window, not four', () => {
    const deadline = at(1000);
    const year = (count: number) =>
      Array.from({ length: count }, (_, i) => i + 1).flatMap((n) => [
        started(n),
        event(n, 'period.opened', { period: 'TW2', deadline, at: at(0) }),
        event(n, 'period.realisationRecorded', {
          period: 'TW2',
          realisations: [],
          at: at(1000 - 15 + n - 1),
        }),
      ]);
    expect(rules(year(integrityThresholds.lastMinuteAppraisals))).toEqual(['lastMinuteBulk']);
    expect(integrityFindings(year(5), cycle)[0]?.facts).toEqual({
      period: 'TW2',
      appraisals: 5,
      minutes: 15,
    });
    expect(rules(year(4))).toEqual([]);
  });

  it('finds a rater who gave four appraisals one predikat, not one who gave three or varied', () => {
    const rater = '197001011990031001';
    const rated = (predikats: string[]) =>
      predikats.flatMap((predikat, i) => [
        started(i + 1),
        event(i + 1, 'period.rated', { period: 'TW1', predikat, by: rater, as: 'rater', at: at(i) }),
      ]);
    expect(integrityFindings(rated(['baik', 'baik', 'baik', 'baik']), cycle)).toEqual([
      {
        rule: 'samePredikatForAll',
        at: at(3),
        appraisalIds: [id(1), id(2), id(3), id(4)],
        facts: { rater, period: 'TW1', predikat: 'baik', rated: 4 },
      },
    ]);
    expect(rules(rated(['baik', 'baik', 'baik']))).toEqual([]);
    expect(rules(rated(['baik', 'baik', 'sangatBaik', 'baik']))).toEqual([]);
  });

  it('finds an objection decided 14 minutes after it was filed, not one decided after 15', () => {
    const objection = (minutes: number) => [
      started(1),
      event(1, 'objection.filed', { reasons: 'x', at: at(0) }),
      event(1, 'objection.decided', { decision: 'upheld', by: '197001011990031001', at: at(minutes) }),
    ];
    expect(integrityFindings(objection(14), cycle)).toMatchObject([
      { rule: 'hastyObjectionDecision', appraisalIds: [id(1)], facts: { minutes: 14, decision: 'upheld' } },
    ]);
    expect(rules(objection(15))).toEqual([]);
  });

  it('finds a unit’s capaian changed after its ratings were known, not one first set then, nor one changed before', () => {
    const set = (predikat: string, minutes: number, period?: string) =>
      cycleEvent('cycle.unitPredikatSet', {
        unitCode: 'PKM',
        predikat,
        by: 'hr',
        at: at(minutes),
        ...(period ? { period } : {}),
      });
    const rated = event(1, 'period.rated', {
      period: 'TW1',
      predikat: 'baik',
      by: 'r',
      as: 'rater',
      at: at(10),
    });
    expect(
      integrityFindings([started(1), set('baik', 0, 'TW1'), rated, set('istimewa', 20, 'TW1')], cycle),
    ).toEqual([
      {
        rule: 'capaianChangedAfterRatings',
        at: at(20),
        unitCode: 'PKM',
        appraisalIds: [id(1)],
        facts: { period: 'TW1', from: 'baik', to: 'istimewa', by: 'hr' },
      },
    ]);
    expect(rules([started(1), rated, set('istimewa', 20, 'TW1')])).toEqual([]);
    expect(rules([started(1), set('baik', 0, 'TW1'), set('istimewa', 5, 'TW1'), rated])).toEqual([]);
    // The year's capaian is a different decision from a period's.
    expect(rules([started(1), set('baik', 0), rated, set('istimewa', 20, 'TW1')])).toEqual([]);
  });
});
