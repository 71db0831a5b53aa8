// The calibration assistant as given/when/then: the fewest rating changes that make a unit conform, who
// would change, with their periodic predikat as evidence, and a flag where the evidence does not support it.
import { describe, expect, it } from 'vitest';
import {
  type AssistantPerson,
  proposeCalibration,
  supports,
} from '../../../domain/rating/calibration-assistant.ts';
import type { CalibrationGroup } from '../../../domain/rating/calibration-groups.ts';
import { checkCurve } from '../../../domain/rating/curve-check.ts';
import type { Predikat } from '../../../domain/rating/predikat.ts';

const alone: CalibrationGroup = { reason: 'alone', unitCodes: ['A'] };
let n = 0;
const person = (predikat: Predikat, periodic: Predikat[] = []): AssistantPerson => ({
  nip: `19900101201501${String(1000 + n++).slice(1)}`.padEnd(18, '1'),
  predikat,
  periodic: periodic.map((p, i) => ({ period: `TW${i + 1}`, predikat: p })),
});
const countsOf = (people: AssistantPerson[]) => {
  const c: Partial<Record<Predikat, number>> = {};
  for (const p of people) c[p.predikat] = (c[p.predikat] ?? 0) + 1;
  return c;
};
const applied = (people: AssistantPerson[], changes: Array<{ nip: string; to: Predikat }>) =>
  people.map((p) => ({ ...p, predikat: changes.find((c) => c.nip === p.nip)?.to ?? p.predikat }));

describe('given a unit that conforms', () => {
  it('when asked, then there is nothing to change', () => {
    const people = [person('baik'), person('baik'), person('butuhPerbaikan'), person('sangatBaik')];
    expect(proposeCalibration('A', 'baik', alone, countsOf(people), people)).toEqual({ kind: 'conforms' });
  });
});

describe('given a unit rated Baik with more Sangat Baik than Baik', () => {
  // 6 Sangat Baik, 3 Baik, 1 Butuh Perbaikan: only "sebagian besar" fails; one move leaves 5 against 4.
  const quiet = person('sangatBaik', ['sangatBaik', 'sangatBaik', 'sangatBaik', 'sangatBaik']);
  const uneven = person('sangatBaik', ['baik', 'baik', 'sangatBaik', 'baik']);
  const mixed = person('sangatBaik', ['sangatBaik', 'baik', 'sangatBaik', 'sangatBaik']);
  const others = [
    person('sangatBaik', ['sangatBaik']),
    person('sangatBaik', ['sangatBaik']),
    person('sangatBaik'),
  ];
  const people = [
    quiet,
    uneven,
    mixed,
    ...others,
    person('baik'),
    person('baik'),
    person('baik'),
    person('butuhPerbaikan'),
  ];

  it('when asked, then the fewest changes (two) make it conform, and applying them does', () => {
    const proposal = proposeCalibration('A', 'baik', alone, countsOf(people), people);
    expect(proposal.kind).toBe('changes');
    const changes = proposal.kind === 'changes' ? proposal.changes : [];
    expect(changes).toHaveLength(2);
    expect(checkCurve('A', 'baik', alone, countsOf(applied(people, changes))).conforms).toBe(true);
  });

  it('when asked, then those whose periods were mostly Baik are proposed, each with their evidence and supported', () => {
    const proposal = proposeCalibration('A', 'baik', alone, countsOf(people), people);
    expect(proposal).toEqual({
      kind: 'changes',
      changes: [
        { nip: uneven.nip, from: 'sangatBaik', to: 'baik', evidence: uneven.periodic, supported: true },
        { nip: mixed.nip, from: 'sangatBaik', to: 'baik', evidence: mixed.periodic, supported: true },
      ],
    });
  });

  it('when asked twice, then the proposal is the same', () => {
    const once = proposeCalibration('A', 'baik', alone, countsOf(people), people);
    expect(proposeCalibration('A', 'baik', alone, countsOf(people), [...people].reverse())).toEqual(once);
  });
});

describe('given a change the evidence does not support', () => {
  it('when every Sangat Baik was Sangat Baik in every period, then the change is flagged', () => {
    const a = person('sangatBaik', ['sangatBaik', 'sangatBaik']);
    const b = person('sangatBaik', ['sangatBaik']);
    const people = [a, b, person('sangatBaik', ['sangatBaik'])];
    // Unit Istimewa: at most 70% Sangat Baik; 3 of 3 → one must move (2 of 3 is 66.7%).
    const proposal = proposeCalibration('A', 'istimewa', alone, countsOf(people), people);
    expect(proposal).toMatchObject({
      kind: 'changes',
      changes: [{ from: 'sangatBaik', to: 'baik', supported: false }],
    });
  });

  it('when someone has no periodic predikat, then a change of theirs is not supported', () => {
    expect(supports({ periodic: [] }, 'baik', 'butuhPerbaikan')).toBe(false);
    expect(supports({ periodic: [{ period: 'TW1', predikat: 'kurang' }] }, 'baik', 'butuhPerbaikan')).toBe(
      true,
    );
    expect(supports({ periodic: [{ period: 'TW1', predikat: 'baik' }] }, 'butuhPerbaikan', 'baik')).toBe(
      true,
    );
  });
});

describe('given a small unit checked with its parent', () => {
  it("when only the unit's own people may move, then the parent's people are never proposed", () => {
    const group: CalibrationGroup = { reason: 'withParent', unitCodes: ['A', 'P'] };
    const own = [person('baik', ['butuhPerbaikan'])];
    // The group: the parent's 2 Baik and 2 Sangat Baik, and the unit's 1 Baik; nobody Butuh Perbaikan or Kurang.
    const proposal = proposeCalibration('A', 'baik', group, { baik: 3, sangatBaik: 2 }, own);
    expect(proposal).toEqual({
      kind: 'changes',
      changes: [
        { nip: own[0]?.nip, from: 'baik', to: 'butuhPerbaikan', evidence: own[0]?.periodic, supported: true },
      ],
    });
  });

  it('when no change of its own people within the bound can make it conform, then it says so', () => {
    const group: CalibrationGroup = { reason: 'withParent', unitCodes: ['A', 'P'] };
    const own = [person('sangatBaik')];
    // 20 Sangat Baik in the parent: unit Sangat Kurang allows none; one person of the unit cannot fix it.
    expect(
      proposeCalibration('A', 'sangatKurang', group, { sangatBaik: 21 }, own, { maxChanges: 3 }),
    ).toEqual({
      kind: 'none',
      maxChanges: 3,
    });
  });
});
