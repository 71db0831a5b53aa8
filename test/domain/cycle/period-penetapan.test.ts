// A period's penetapan as given/when/then: given a cycle's events, when the workflow (or a signer) asks,
// then these events are recorded; a refused signature is a domain error and records nothing.
import { describe, expect, it } from 'vitest';
import { type CycleCommand, decideCycle } from '../../../domain/cycle/decide.ts';
import type { CycleEvent } from '../../../domain/cycle/events.ts';
import { nextPeriodPenetapanDeadline, periodPenetapanOf } from '../../../domain/cycle/period-penetapan.ts';
import { periodPenetapanDeadlines } from '../../../domain/cycle/period-penetapan-deadlines.ts';
import { evaluationPeriods } from '../../../domain/cycle/periods.ts';
import { foldCycle, givenCycle } from '../../support/cycle-given.ts';

const hr = '198012122005012006';
const leader = '197001011995031001';
const superior = '196505051990031001';
const stranger = '199901012020011001';
const zone = 'Asia/Makassar';
// TW1 of 2027 in WITA: its last rating deadline (HR's) is 27 April, 23:59:59 local.
const tw1 = evaluationPeriods('quarterly', 2027, zone)[0];
if (!tw1) throw new Error('a quarterly year has TW1');
const ratingsIn = tw1.hrDeadline;
const deadlines = periodPenetapanDeadlines(ratingsIn, zone);
const later = (iso: string, ms = 1000) => new Date(Date.parse(iso) + ms).toISOString();

const started: CycleEvent = {
  type: 'cycle.started',
  data: {
    cycleId: 'bungo.2027',
    orgId: 'bungo',
    year: 2027,
    calendar: {},
    population: {},
    by: hr,
    at: ratingsIn,
  },
};
const finding = { rule: 'unit.sebagianBesar', message: 'Baik is not the largest group' };
const open = (findings = [finding], over: Partial<CycleCommand> = {}): CycleCommand =>
  ({
    type: 'openPeriodPenetapan',
    unitCode: 'PKM',
    period: 'TW1',
    leaderNip: leader,
    superiorNip: superior,
    capaian: 'baik',
    counts: { sangatBaik: 3, baik: 1 },
    findings,
    pack: 'asn-2023',
    deadlines,
    ...over,
  }) as CycleCommand;
const opened = (findings = [finding]): CycleEvent => ({
  type: 'cycle.periodPenetapanOpened',
  data: {
    unitCode: 'PKM',
    period: 'TW1',
    leaderNip: leader,
    superiorNip: superior,
    stage: 'leader',
    assigneeNip: leader,
    deadline: deadlines.leader,
    deadlines,
    capaian: 'baik',
    counts: { sangatBaik: 3, baik: 1 },
    findings,
    pack: 'asn-2023',
    at: ratingsIn,
  },
});
const escalated = (from: 'leader' | 'superior', at: string): CycleEvent => ({
  type: 'cycle.periodPenetapanEscalated',
  data: {
    unitCode: 'PKM',
    period: 'TW1',
    from,
    to: from === 'leader' ? 'superior' : 'hr',
    assigneeNip: from === 'leader' ? superior : null,
    deadline: from === 'leader' ? deadlines.superior : deadlines.hr,
    at,
  },
});
const sign = (over: Partial<Extract<CycleCommand, { type: 'signPeriodPenetapan' }>> = {}): CycleCommand => ({
  type: 'signPeriodPenetapan',
  unitCode: 'PKM',
  period: 'TW1',
  by: leader,
  hr: false,
  conforming: false,
  justifications: [{ rule: finding.rule, text: ' Capaian IKU TW1 112% ' }],
  ...over,
});

const given = (events: CycleEvent[]) => givenCycle(events, ratingsIn);

describe("a period's penetapan deadlines", () => {
  it('are 7, 14 and 21 local days after the local day the ratings were in, at 23:59:59 WITA', () => {
    expect(ratingsIn).toBe('2027-04-27T15:59:59.000Z');
    expect(deadlines).toEqual({
      leader: '2027-05-04T15:59:59.000Z',
      superior: '2027-05-11T15:59:59.000Z',
      hr: '2027-05-18T15:59:59.000Z',
    });
  });

  it('in a training cycle are one, two and three of its stage lengths after the ratings were in', () => {
    expect(periodPenetapanDeadlines('2027-01-01T03:00:00.000Z', zone, 5 * 60_000)).toEqual({
      leader: '2027-01-01T03:05:00.000Z',
      superior: '2027-01-01T03:10:00.000Z',
      hr: '2027-01-01T03:15:00.000Z',
    });
  });
});

describe("opening a period's penetapan", () => {
  it('given the ratings in, when asked, then it waits for the leader until the calendar deadline, with capaian, counts and findings', () => {
    given([started]).when(open()).thenRecord([opened()]);
  });

  it('given no leader, when asked, then the superior holds it until the superior’s deadline', () => {
    const [event] = decideCycle(
      foldCycle([started]),
      open([finding], { leaderNip: null } as never),
      ratingsIn,
    );
    expect(event?.data).toMatchObject({
      stage: 'superior',
      assigneeNip: superior,
      deadline: deadlines.superior,
    });
  });

  it('given it open already, when asked again, then nothing is recorded; another period opens on its own', () => {
    given([started, opened()]).when(open()).thenRecord([]);
    const [tw2] = decideCycle(
      foldCycle([started, opened()]),
      open([], { period: 'TW2' } as never),
      ratingsIn,
    );
    expect(tw2).toMatchObject({ type: 'cycle.periodPenetapanOpened', data: { period: 'TW2', findings: [] } });
  });
});

describe("signing a period's penetapan", () => {
  it('given the leader in time, when they justify each finding, then the signature is recorded, justifications trimmed', () => {
    given([started, opened()])
      .when(sign(), later(ratingsIn))
      .thenRecord([
        {
          type: 'cycle.periodPenetapanSigned',
          data: {
            unitCode: 'PKM',
            period: 'TW1',
            by: leader,
            as: 'leader',
            conforming: false,
            findings: [finding],
            justifications: [{ rule: finding.rule, text: 'Capaian IKU TW1 112%' }],
            pack: 'asn-2023',
            at: later(ratingsIn),
          },
        },
      ]);
  });

  it('given no findings, when the leader signs it conforming, then it is recorded; not conforming is refused', () => {
    const [event] = decideCycle(
      foldCycle([started, opened([])]),
      sign({ conforming: true, justifications: [] }),
      ratingsIn,
    );
    expect(event).toMatchObject({ type: 'cycle.periodPenetapanSigned', data: { conforming: true } });
    given([started, opened([])])
      .when(sign({ justifications: [] }))
      .thenRefuse('penetapan_conforms');
  });

  it('given a finding, when its justification is missing or blank, then it is refused', () => {
    given([started, opened()])
      .when(sign({ justifications: [] }))
      .thenRefuse('justification_required');
    given([started, opened()])
      .when(sign({ justifications: [{ rule: finding.rule, text: '  ' }] }))
      .thenRefuse('justification_required');
    given([started, opened()])
      .when(sign({ conforming: true, justifications: [] }))
      .thenRefuse('penetapan_has_findings');
  });

  it('given someone who does not hold it (a stranger, the superior before it passed, HR), then it is refused', () => {
    for (const by of [stranger, superior])
      given([started, opened()]).when(sign({ by })).thenRefuse('forbidden_actor');
    given([started, opened()])
      .when(sign({ by: hr, hr: true }))
      .thenRefuse('forbidden_actor');
  });

  it('given no penetapan for the period, or one signed already, then it is refused', () => {
    given([started, opened()])
      .when(sign({ period: 'TW2' }))
      .thenRefuse('penetapan_not_open');
    const signed = decideCycle(foldCycle([started, opened()]), sign(), ratingsIn);
    given([started, opened(), ...signed])
      .when(sign())
      .thenRefuse('already_done');
  });
});

describe("escalating a period's penetapan", () => {
  it('given it unsigned before the leader’s deadline, when asked, then nothing passes on', () => {
    given([started, opened()])
      .when({ type: 'escalatePeriodPenetapans' }, later(deadlines.leader, -1000))
      .thenRecord([]);
  });

  it('given it signed in time, when the deadline passes, then nothing passes on and no deadline is next', () => {
    const signed = decideCycle(foldCycle([started, opened()]), sign(), ratingsIn);
    given([started, opened(), ...signed])
      .when({ type: 'escalatePeriodPenetapans' }, later(deadlines.leader))
      .thenRecord([]);
    expect(nextPeriodPenetapanDeadline(foldCycle([started, opened(), ...signed]))).toBeNull();
  });

  it('given the leader’s deadline passed unsigned, then it passes once to the superior, who signs it', () => {
    const at = later(deadlines.leader);
    given([started, opened()])
      .when({ type: 'escalatePeriodPenetapans' }, at)
      .thenRecord([escalated('leader', at)]);
    const once = [started, opened(), escalated('leader', at)];
    given(once).when({ type: 'escalatePeriodPenetapans' }, at).thenRecord([]);
    given(once).when(sign()).thenRefuse('forbidden_actor');
    const [signed] = decideCycle(foldCycle(once), sign({ by: superior }), at);
    expect(signed).toMatchObject({ data: { by: superior, as: 'superior' } });
    expect(nextPeriodPenetapanDeadline(foldCycle(once))).toBe(deadlines.superior);
  });

  it('given the superior’s deadline passed too, then it passes twice, to HR, whom any HR officer signs for; then no further', () => {
    const first = later(deadlines.leader);
    const second = later(deadlines.superior);
    const twice = [started, opened(), escalated('leader', first)];
    given(twice)
      .when({ type: 'escalatePeriodPenetapans' }, second)
      .thenRecord([escalated('superior', second)]);
    const atHr = [...twice, escalated('superior', second)];
    given(atHr).when({ type: 'escalatePeriodPenetapans' }, later(deadlines.hr)).thenRecord([]);
    given(atHr)
      .when(sign({ by: superior }))
      .thenRefuse('forbidden_actor');
    const [signed] = decideCycle(foldCycle(atHr), sign({ by: hr, hr: true }), second);
    expect(signed).toMatchObject({ data: { by: hr, as: 'hr' } });
    expect(periodPenetapanOf(foldCycle(atHr), 'PKM', 'TW1')?.stage).toBe('hr');
    expect(nextPeriodPenetapanDeadline(foldCycle(atHr))).toBeNull();
  });
});
