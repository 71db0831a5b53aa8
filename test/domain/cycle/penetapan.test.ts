// The penetapan as given/when/then: given a cycle's events, when the workflow asks, then these events are
// recorded; a refused signature is a domain error and records nothing.
import { describe, expect, it } from 'vitest';
import { type CycleCommand, decideCycle } from '../../../domain/cycle/decide.ts';
import { nextPenetapanDeadline, penetapanStep } from '../../../domain/cycle/decide-penetapan.ts';
import type { CycleEvent } from '../../../domain/cycle/events.ts';
import type { CycleState } from '../../../domain/cycle/state.ts';
import { foldCycle, givenCycle, penetapanEscalated } from '../../support/cycle-given.ts';

const hr = '198012122005012006';
const leader = '197001011995031001';
const superior = '196505051990031001';
const t0 = '2028-01-10T00:00:00.000Z';
const day = (n: number) => new Date(Date.parse(t0) + n * 86_400_000).toISOString();

const started: CycleEvent = {
  type: 'cycle.started',
  data: { cycleId: 'bungo.2027', orgId: 'bungo', year: 2027, calendar: {}, population: {}, by: hr, at: t0 },
};
const finding = {
  rule: 'unit.sebagianBesar',
  met: false,
  message: '6 of 10 are Sangat Baik',
  actual: 3,
  limit: 6,
  total: 10,
};
const calibrated = (findings: (typeof finding)[]): CycleEvent => ({
  type: 'cycle.unitCalibrated',
  data: {
    unitCode: 'PKM',
    unitPredikat: 'baik',
    counts: { sangatBaik: 6, baik: 3, butuhPerbaikan: 1 },
    ok: true,
    violations: [],
    curve: {
      group: { reason: 'alone', unitCodes: ['PKM'] },
      counts: { sangatBaik: 6, baik: 3, butuhPerbaikan: 1 },
      rules: findings,
      findings,
      conforms: findings.length === 0,
    },
    pack: 'asn-2023',
    at: t0,
  },
});
const opened = (
  over: Partial<Extract<CycleEvent, { type: 'cycle.penetapanOpened' }>['data']> = {},
): CycleEvent => ({
  type: 'cycle.penetapanOpened',
  data: {
    unitCode: 'PKM',
    leaderNip: leader,
    superiorNip: superior,
    stage: 'leader',
    assigneeNip: leader,
    deadline: day(7),
    findings: [{ rule: finding.rule, message: finding.message }],
    pack: 'asn-2023',
    at: t0,
    ...over,
  },
});

const given = (events: CycleEvent[]) => givenCycle(events, t0);
const open: CycleCommand = {
  type: 'openPenetapan',
  unitCode: 'PKM',
  leaderNip: leader,
  superiorNip: superior,
};
const sign = (over: Partial<Extract<CycleCommand, { type: 'signPenetapan' }>> = {}): CycleCommand => ({
  type: 'signPenetapan',
  unitCode: 'PKM',
  by: leader,
  hr: false,
  conforming: false,
  justifications: [{ rule: 'unit.sebagianBesar', text: ' Capaian IKU unit 118% ' }],
  ...over,
});

describe('opening a penetapan', () => {
  it('given a curve with findings, when asked, then it waits for the leader for 7 days with the findings and pack', () => {
    given([started, calibrated([finding])])
      .when(open)
      .thenRecord([opened()]);
  });

  it('given no leader, when asked, then it starts with the superior; without either, with HR', () => {
    const noLeader = { ...open, leaderNip: null } as CycleCommand;
    given([started, calibrated([finding])])
      .when(noLeader)
      .thenRecord([opened({ leaderNip: null, stage: 'superior', assigneeNip: superior })]);
    given([started, calibrated([finding])])
      .when({ ...open, leaderNip: null, superiorNip: null } as CycleCommand)
      .thenRecord([opened({ leaderNip: null, superiorNip: null, stage: 'hr', assigneeNip: null })]);
  });

  it('given a conforming curve, or one already open, when asked, then nothing is recorded', () => {
    given([started, calibrated([])])
      .when(open)
      .thenRecord([]);
    given([started, calibrated([finding]), opened()])
      .when(open)
      .thenRecord([]);
  });
});

describe('signing a penetapan', () => {
  it('given the leader, when they justify each finding, then the signature is recorded with the findings and pack', () => {
    given([started, calibrated([finding]), opened()])
      .when(sign())
      .thenRecord([
        {
          type: 'cycle.penetapanSigned',
          data: {
            unitCode: 'PKM',
            by: leader,
            as: 'leader',
            conforming: false,
            findings: [{ rule: finding.rule, message: finding.message }],
            justifications: [{ rule: 'unit.sebagianBesar', text: 'Capaian IKU unit 118%' }],
            pack: 'asn-2023',
            at: t0,
          },
        },
      ]);
  });

  it('given findings, when a justification is blank or missing, then it is refused', () => {
    const g = given([started, calibrated([finding]), opened()]);
    g.when(sign({ justifications: [{ rule: 'unit.sebagianBesar', text: '  ' }] })).thenRefuse(
      'justification_required',
    );
    g.when(sign({ justifications: [] })).thenRefuse('justification_required');
  });

  it('given findings, when signed as conforming, or naming a rule that is no finding, then it is refused', () => {
    const g = given([started, calibrated([finding]), opened()]);
    g.when(sign({ conforming: true })).thenRefuse('penetapan_has_findings');
    g.when(
      sign({
        justifications: [
          { rule: 'unit.sebagianBesar', text: 'Capaian IKU unit 118%' },
          { rule: 'baik.max70PercentBaik', text: 'x' },
        ],
      }),
    ).thenRefuse('unknown_finding');
  });

  it('given the leader stage, when the superior or HR signs, then it is refused; nobody signs twice', () => {
    const g = given([started, calibrated([finding]), opened()]);
    g.when(sign({ by: superior })).thenRefuse('forbidden_actor');
    g.when(sign({ by: hr, hr: true })).thenRefuse('forbidden_actor');
    const signed = decideCycle(foldCycle([started, calibrated([finding]), opened()]), sign(), t0);
    given([started, calibrated([finding]), opened(), ...signed])
      .when(sign())
      .thenRefuse('already_done');
  });

  it('given no penetapan, when someone signs, then it is refused', () => {
    given([started, calibrated([finding])])
      .when(sign())
      .thenRefuse('penetapan_not_open');
  });
});

describe('a penetapan not signed in time', () => {
  const escalate: CycleCommand = { type: 'escalatePenetapans' };
  it('given a second before its deadline, when checked, then nothing passes on', () => {
    given([started, calibrated([finding]), opened()])
      .when(escalate, new Date(Date.parse(day(7)) - 1000).toISOString())
      .thenRecord([]);
  });

  it('given its deadline, when checked, then it passes to the superior for 7 days, then to HR', () => {
    const toSuperior = penetapanEscalated('leader', superior, day(14), day(7));
    given([started, calibrated([finding]), opened()])
      .when(escalate, day(7))
      .thenRecord([toSuperior]);
    const toHr = penetapanEscalated('superior', superior, day(21), day(14));
    given([started, calibrated([finding]), opened(), toSuperior])
      .when(escalate, day(14))
      .thenRecord([toHr]);
    // HR is the last: nothing passes on from there, and any HR officer signs.
    const atHr = [started, calibrated([finding]), opened(), toSuperior, toHr];
    given(atHr).when(escalate, day(30)).thenRecord([]);
    given(atHr)
      .when(sign({ by: superior }))
      .thenRefuse('forbidden_actor');
    expect(decideCycle(foldCycle(atHr), sign({ by: hr, hr: true }), day(15))[0]).toMatchObject({
      type: 'cycle.penetapanSigned',
      data: { by: hr, as: 'hr' },
    });
    expect(nextPenetapanDeadline(foldCycle(atHr) as CycleState)).toBeNull();
    expect(nextPenetapanDeadline(foldCycle([started, calibrated([finding]), opened()]) as CycleState)).toBe(
      day(7),
    );
  });
});

describe('a penetapan in a training cycle', () => {
  const minutes = (n: number) => new Date(Date.parse(t0) + n * 60_000).toISOString();
  const training: CycleEvent = {
    type: 'cycle.started',
    data: {
      ...(started.data as Extract<CycleEvent, { type: 'cycle.started' }>['data']),
      calendar: { training: { reminderLeadMs: 60_000, objectionWindowMs: 720_000, penetapanMs: 300_000 } },
    },
  };
  it('given its calendar, when opened and passed on, then each signer has the 5 minutes it gives, not 7 days', () => {
    given([training, calibrated([finding])])
      .when(open)
      .thenRecord([opened({ deadline: minutes(5) })]);
    given([training, calibrated([finding]), opened({ deadline: minutes(5) })])
      .when({ type: 'escalatePenetapans' }, minutes(5))
      .thenRecord([penetapanEscalated('leader', superior, minutes(10), minutes(5))]);
  });

  it('given a training calendar from before the stage was scaled, when opened, then it counts 7 days', () => {
    const before: CycleEvent = {
      type: 'cycle.started',
      data: {
        ...(started.data as Extract<CycleEvent, { type: 'cycle.started' }>['data']),
        calendar: { training: { reminderLeadMs: 60_000, objectionWindowMs: 720_000 } },
      },
    };
    given([before, calibrated([finding])])
      .when(open)
      .thenRecord([opened()]);
  });
});

describe('what a calibrated unit needs next', () => {
  const unit = (events: CycleEvent[]) => foldCycle(events)?.units.PKM;
  const outcome = (conforms: boolean, violations: Array<{ rule: string }> = [], ok = false) => ({
    ok,
    unitPredikat: 'baik',
    violations,
    curve: { conforms },
  });
  it('given a pending rating or no capaian, then it waits', () => {
    expect(penetapanStep(outcome(true, [{ rule: 'unit.ratingsPending' }]), undefined)).toBe('wait');
    expect(
      penetapanStep({ ok: false, unitPredikat: null, violations: [], curve: undefined }, undefined),
    ).toBe('wait');
  });
  it('given a conforming curve, then it is released; given findings, its penetapan opens, then waits for the signature', () => {
    expect(penetapanStep(outcome(true), undefined)).toBe('release');
    // Today's numeric limits kept on the unit's own counts: released as before, whatever else the curve found.
    expect(penetapanStep(outcome(false, [], true), undefined)).toBe('release');
    expect(penetapanStep(outcome(false), unit([started, calibrated([finding])]))).toBe('open');
    expect(penetapanStep(outcome(false), unit([started, calibrated([finding]), opened()]))).toBe('wait');
    const signed = decideCycle(foldCycle([started, calibrated([finding]), opened()]), sign(), t0);
    expect(penetapanStep(outcome(false), unit([started, calibrated([finding]), opened(), ...signed]))).toBe(
      'release',
    );
  });
});

describe("given a unit's open penetapan, when its holder decides on the calibration assistant's proposal", () => {
  const proposed = [{ nip: '199001012015031003', from: 'sangatBaik' as const, to: 'baik' as const }];
  const decide = (over: Partial<Extract<CycleCommand, { type: 'decideCalibration' }>>) =>
    ({
      type: 'decideCalibration',
      unitCode: 'PKM',
      by: leader,
      hr: false,
      proposed,
      applied: proposed,
      reason: 'Bukti triwulan mendukung',
      ...over,
    }) as CycleCommand;
  const events = [started, calibrated([finding]), opened()];
  const decided = (decision: string, applied: typeof proposed, reason = 'Bukti triwulan mendukung') => [
    {
      type: 'cycle.calibrationDecided',
      data: { unitCode: 'PKM', by: leader, as: 'leader', decision, proposed, applied, reason, at: t0 },
    },
  ];

  it('then the changes as proposed are recorded as applied, other changes as adjusted, none as rejected', () => {
    given(events)
      .when(decide({}))
      .thenRecord(decided('applied', proposed) as CycleEvent[]);
    const other = [{ ...proposed[0], to: 'butuhPerbaikan' as const }] as unknown as typeof proposed;
    given(events)
      .when(decide({ applied: other }))
      .thenRecord(decided('adjusted', other) as CycleEvent[]);
    given(events)
      .when(decide({ applied: [], reason: ' Tetap ' }))
      .thenRecord(decided('rejected', [], 'Tetap') as CycleEvent[]);
  });

  it('then a change an appraisal refused after others were applied is recorded as failed, with its code', () => {
    const two = [
      ...proposed,
      { nip: '199001012015031004', from: 'baik' as const, to: 'butuhPerbaikan' as const },
    ];
    const failed = [{ ...two[1], code: 'forbidden_actor' }] as Array<(typeof two)[number] & { code: string }>;
    given(events)
      .when(decide({ proposed: two, applied: proposed, failed }))
      .thenRecord([
        {
          type: 'cycle.calibrationDecided',
          data: {
            unitCode: 'PKM',
            by: leader,
            as: 'leader',
            decision: 'adjusted',
            proposed: two,
            applied: proposed,
            failed,
            reason: 'Bukti triwulan mendukung',
            at: t0,
          },
        },
      ] as CycleEvent[]);
  });

  it('then someone who does not hold it, a decision without a reason, or a unit without a penetapan is refused', () => {
    given(events)
      .when(decide({ by: superior }))
      .thenRefuse('forbidden_actor');
    given(events)
      .when(decide({ reason: '  ' }))
      .thenRefuse('reason_required');
    given([started, calibrated([finding])])
      .when(decide({}))
      .thenRefuse('penetapan_not_open');
  });
});
